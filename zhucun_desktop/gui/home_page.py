"""首页: what is true today — people in post per township, terms ending soon or overdue, the last backup.

Only figures the program really has are shown; each comes from one function of ``services.dashboard``, which
limits a township user to its own township.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QTableView, QVBoxLayout, QWidget

from ..services import dashboard
from ..services.dashboard import TermReminder, TownshipCounts
from ..services.workspace import Workspace
from .labels import backup_reason_label, date_text, datetime_text
from .table_model import RowsTableModel, fit_columns, fit_rows, fit_width, make_table_view

COUNTS_MAX_ROWS = 25
REMINDERS_MAX_ROWS = 10


class CountsModel(RowsTableModel[TownshipCounts]):
    COL_TOWNSHIP = 0
    COL_VILLAGES = 1
    COL_FIRST_SECRETARIES = 2
    COL_TEAM_MEMBERS = 3
    COL_UNITS = 4
    HEADERS = ("乡镇", "村", "在岗第一书记", "在岗工作队员", "派出单位")
    NUMERIC = frozenset({COL_VILLAGES, COL_FIRST_SECRETARIES, COL_TEAM_MEMBERS, COL_UNITS})

    def text(self, row: TownshipCounts, column: int) -> str:
        values = (row.township_name, row.villages, row.first_secretaries, row.team_members, row.units)
        return str(values[column])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.row_at(index.row()).township_uuid is None:
            font = QFont()
            font.setBold(True)
            return font  # the 合计 line
        return super().data(index, role)


class ReminderModel(RowsTableModel[TermReminder]):
    COL_NAME = 0
    COL_ROLE = 1
    COL_TOWNSHIP = 2
    COL_VILLAGE = 3
    COL_TERM_END = 4
    COL_DAYS = 5
    HEADERS = ("姓名", "驻村角色", "所属乡镇", "所驻村", "任期届满", "")
    NUMERIC = frozenset({COL_DAYS})

    def __init__(self, days_header: str, parent=None) -> None:
        super().__init__((), parent)
        self.HEADERS = (*ReminderModel.HEADERS[:-1], days_header)

    def text(self, row: TermReminder, column: int) -> str:
        if column == self.COL_DAYS:
            return f"还剩{row.days}天" if row.days >= 0 else f"已过{-row.days}天"
        values = (row.person_name, row.role, row.township_name, row.village_name, date_text(row.term_end_date))
        return values[column]


class HomePage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("homePage")
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.today_label = QLabel()
        layout.addWidget(self.heading)
        layout.addWidget(self.today_label)

        self.counts = CountsModel()
        self.counts_view = make_table_view(self.counts)
        self.counts_view.horizontalHeader().setStretchLastSection(False)
        self.counts_box = self._box(layout, "", self.counts_view, None)

        self.ending = ReminderModel("剩余天数")
        self.ending_view = make_table_view(self.ending)
        self.ending_view.horizontalHeader().setStretchLastSection(False)
        self.ending_empty = QLabel()
        self._box(layout, f"期满提醒（{dashboard.TERM_REMINDER_DAYS}天内任期届满）", self.ending_view,
                  self.ending_empty)

        self.overdue = ReminderModel("超过天数")
        self.overdue_view = make_table_view(self.overdue)
        self.overdue_view.horizontalHeader().setStretchLastSection(False)
        self.overdue_empty = QLabel("没有任期已满而未登记离岗的驻村干部。")
        overdue_hint = QLabel("任期已满（按规定一般不少于2年，期满有序轮换），而花名册中还没有登记离岗的驻村干部。"
                              "请在花名册中登记离岗日期，或按规定办理轮换。")
        overdue_hint.setWordWrap(True)
        self.overdue_hint = overdue_hint
        self._box(layout, "任期已满、尚未登记离岗", self.overdue_view, self.overdue_empty, overdue_hint)

        self.backup_label = QLabel()
        self.backup_label.setObjectName("lastBackup")
        layout.addWidget(self.backup_label)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def _box(self, layout: QVBoxLayout, title: str, view: QTableView, empty: QLabel | None,
             hint: QLabel | None = None) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        if hint is not None:
            inner.addWidget(hint)
        inner.addWidget(view)
        if empty is not None:
            inner.addWidget(empty)
        layout.addWidget(box)
        return box

    def refresh(self) -> None:
        today = date.today()
        county = self.ws.actor.is_county
        self.heading.setText("首页")
        self.today_label.setText(f"今天是{today.year}年{today.month}月{today.day}日，以下数字按今天计算。")
        rows = dashboard.township_counts(self.ws, today)
        if county:
            self.counts_box.setTitle("各乡镇在岗人数")
            rows.append(dashboard.county_total(self.ws, today))
        else:
            self.counts_box.setTitle("本乡镇在岗人数")
        self.counts.set_rows(rows)
        self._show(self.counts_view, None, COUNTS_MAX_ROWS)

        for view in (self.ending_view, self.overdue_view):
            view.setColumnHidden(ReminderModel.COL_TOWNSHIP, not county)
        self.ending.set_rows(dashboard.terms_ending(self.ws, on=today))
        self.ending_empty.setText(f"{dashboard.TERM_REMINDER_DAYS}天内没有任期届满的驻村干部。")
        self._show(self.ending_view, self.ending_empty, REMINDERS_MAX_ROWS)
        self.overdue.set_rows(dashboard.terms_overdue(self.ws, on=today))
        self._show(self.overdue_view, self.overdue_empty, REMINDERS_MAX_ROWS)
        self.overdue_hint.setVisible(self.overdue.rowCount() > 0)

        last = dashboard.last_backup(self.ws)
        if last is None:
            self.backup_label.setText("最近一次备份：还没有备份。请在“系统设置 → 数据备份”中点“立即备份”。")
        else:
            self.backup_label.setText(
                f"最近一次备份：{datetime_text(last.created_at)}（{backup_reason_label(last.reason)}）")

    def _show(self, view: QTableView, empty: QLabel | None, max_rows: int) -> None:
        has_rows = view.model().rowCount() > 0
        view.setVisible(has_rows or empty is None)
        if empty is not None:
            empty.setVisible(not has_rows)
        fit_rows(view, max_rows)
        fit_columns(view, minimum=90)
        fit_width(view)
