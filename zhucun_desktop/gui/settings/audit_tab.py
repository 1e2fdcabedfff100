"""操作日志: who changed what and when, filtered by date, person and table, with each change field by field."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import audit_view
from ...services.audit_view import AuditFilter
from ...services.workspace import Workspace
from ..labels import datetime_text, field_label, table_label, utc_datetime_text
from ..table_model import make_table_view
from .audit_model import AuditModel, actor_text, summary_text

CHANGED = QBrush(QColor("#fff3c4"))
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$")


def value_text(value: Any) -> str:
    """A stored value as a clerk reads it: 是/否, lists joined with 、, times without the ISO 'T'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if _ISO_TIME.match(text):  # the program stores times in UTC; the clerk reads the PC's local time
        return utc_datetime_text(datetime.fromisoformat(text))
    return text


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class AuditTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = AuditModel(ws, self)
        self.view = make_table_view(self.model)
        self.view.horizontalHeader().setSectionResizeMode(AuditModel.COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        self.detail = QTableWidget(0, 3)
        self.detail.setHorizontalHeaderLabels(["字段", "修改前", "修改后"])
        self.detail.verticalHeader().setVisible(False)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.setWordWrap(True)
        self.detail_title = QLabel("选中左边的一条记录，这里显示修改前后的内容。")
        self.detail_title.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_title)
        right_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 400])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        layout.addWidget(splitter, 1)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.refresh()

    def _build_filters(self) -> QHBoxLayout:
        today = date.today()
        self.date_check = QCheckBox("日期")
        self.start_edit = QDateEdit(_qdate(today.replace(day=1)))
        self.end_edit = QDateEdit(_qdate(today))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.date_check.toggled.connect(self.start_edit.setEnabled)
        self.date_check.toggled.connect(self.end_edit.setEnabled)
        self.actor_combo = QComboBox()
        self.table_combo = QComboBox()
        self.actor_combo.setMinimumContentsLength(8)
        self.table_combo.setMinimumContentsLength(8)
        self.search_button = QPushButton("查询")
        self.search_button.clicked.connect(self.search)
        self.count_label = QLabel()
        row = QHBoxLayout()
        for widget in (self.date_check, self.start_edit, QLabel("至"), self.end_edit, QLabel("  操作人："),
                       self.actor_combo, QLabel("  表："), self.table_combo, self.search_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem("全部", None)
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    def refresh(self) -> None:
        self._fill_combo(self.actor_combo, [(u, actor_text(u, n)) for u, n in audit_view.actors(self.ws)])
        self._fill_combo(self.table_combo, sorted(((t, table_label(t)) for t in audit_view.tables(self.ws)),
                                                  key=lambda item: item[1]))
        self.search()

    def current_filter(self) -> AuditFilter:
        dated = self.date_check.isChecked()
        return AuditFilter(start=_date(self.start_edit.date()) if dated else None,
                           end=_date(self.end_edit.date()) if dated else None,
                           actor=self.actor_combo.currentData(), table=self.table_combo.currentData())

    def search(self) -> None:
        flt = self.current_filter()
        if flt.start and flt.end and flt.start > flt.end:
            self.count_label.setText("起始日期不能晚于结束日期。")
            return
        self.model.set_filter(flt)
        self.count_label.setText(f"共 {self.model.total} 条")
        self.view.setColumnWidth(AuditModel.COL_TIME, self.view.fontMetrics().horizontalAdvance("0000-00-00 00:00")
                                 + 24)
        actor_width = self.view.sizeHintForColumn(AuditModel.COL_ACTOR) + 16
        self.view.setColumnWidth(AuditModel.COL_ACTOR, max(110, min(actor_width, 230)))
        self.view.setColumnWidth(AuditModel.COL_VERB, 50)
        self.view.setColumnWidth(AuditModel.COL_TABLE, 90)
        self._show_detail()
        if self.model.rowCount():
            self.view.selectRow(0)

    def _show_detail(self, *_args) -> None:
        index = self.view.selectionModel().currentIndex()
        self.detail.setRowCount(0)
        if not index.isValid():
            self.detail_title.setText("选中左边的一条记录，这里显示修改前后的内容。")
            return
        row = self.model.row_at(index.row())
        detail = audit_view.entry_detail(self.ws, row.id)
        self.detail_title.setText(f"{datetime_text(row.at)}　{self.model.text(row, AuditModel.COL_ACTOR)}\n"
                                  f"{summary_text(row) or row.verb + table_label(row.table_name)}")
        # A new record has only an "after", a deleted one only a "before"; values never recorded are left out.
        fields = [f for f in detail.fields if f.before is not None or f.after is not None]
        self.detail.setColumnHidden(1, all(f.before is None for f in fields))
        self.detail.setColumnHidden(2, all(f.after is None for f in fields))
        self.detail.setRowCount(len(fields))
        for i, change in enumerate(fields):
            cells = (field_label(row.table_name, change.key), value_text(change.before), value_text(change.after))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if change.changed and row.verb == audit_view.VERB_CHANGE:
                    item.setBackground(CHANGED)
                self.detail.setItem(i, column, item)
        self.detail.resizeColumnToContents(0)
        self.detail.setColumnWidth(1, max(self.detail.columnWidth(1), 160))
