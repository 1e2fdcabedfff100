"""督查通报 (§14): the county's inspections, each with its findings (each linked to a ledger row), and the
circulars (通报) drafted from chosen findings and printed as an A4 PDF. A township account reads the findings
about its township and the circulars; only the county writes them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import inspections
from ...services.inspections import CircularView, InspectionView
from ...services.workspace import Workspace
from ..pdf_preview import preview_pdf
from ..table_model import RowsTableModel, fit_columns, make_table_view, select_first
from .common import StatusLine, day_text, hint, service_message, toolbar
from .inspection_dialogs import CircularDialog, FindingDialog, InspectionDialog

FINDING_HEADERS = ("选入通报", "乡镇", "发现问题", "整改台账")


class InspectionModel(RowsTableModel[InspectionView]):
    HEADERS = ("督查名称", "类别", "督查日期", "发现问题")
    NUMERIC = frozenset({3})

    def text(self, row: InspectionView, column: int) -> str:
        dates = day_text(row.start_date)
        if row.end_date and row.end_date != row.start_date:
            dates += f"—{row.end_date:%m-%d}"
        return (row.title, row.kind, dates, str(len(row.findings)))[column]


class CircularModel(RowsTableModel[CircularView]):
    HEADERS = ("成文日期", "文号", "标题", "涉及问题")
    NUMERIC = frozenset({3})

    def text(self, row: CircularView, column: int) -> str:
        return (day_text(row.issued_on), row.doc_number, row.title, str(len(row.finding_uuids)))[column]


class InspectionTab(QWidget):
    open_ledger = Signal(str)
    ledger_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: Callable[[], date]) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today
        county_writer = ws.actor.is_county and ws.actor.can_write
        self.bar = toolbar("督查通报", self)
        self.new_action = self._action("新增督查", self.new_inspection, county_writer)
        self.finding_action = self._action("登记发现问题", self.add_finding, county_writer)
        self.draft_action = self._action("起草通报", self.draft_circular, county_writer)
        self.bar.addSeparator()
        self.edit_circular_action = self._action("修改通报", self.edit_circular, county_writer)
        self.print_action = self._action("打印通报", lambda: self.print_circular(), True)
        self.inspection_model = InspectionModel(parent=self)
        self.inspection_view = make_table_view(self.inspection_model)
        self.findings = QTableWidget(0, len(FINDING_HEADERS))
        self.findings.setHorizontalHeaderLabels(FINDING_HEADERS)
        self.findings.verticalHeader().setVisible(False)
        self.findings.horizontalHeader().setStretchLastSection(True)
        self.findings.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.findings.setWordWrap(True)
        self.circular_model = CircularModel(parent=self)
        self.circular_view = make_table_view(self.circular_model)
        findings_group = QGroupBox("督查发现的问题")
        findings_layout = QVBoxLayout(findings_group)
        findings_layout.addWidget(self.findings)
        if county_writer:
            findings_layout.addWidget(hint("勾选“选入通报”的问题，再点“起草通报”。"))
        circulars_group = QGroupBox("通报")
        QVBoxLayout(circulars_group).addWidget(self.circular_view)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.inspection_view)
        top.addWidget(findings_group)
        top.setChildrenCollapsible(False)
        top.setSizes([420, 700])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(circulars_group)
        splitter.setChildrenCollapsible(False)
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.inspection_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_findings())
        self.circular_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.circular_view.doubleClicked.connect(lambda _i: self.print_circular())

    def _action(self, text: str, slot: Callable[[], Any], visible: bool) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _c=False: slot())
        action.setVisible(visible)
        self.bar.addAction(action)
        return action

    def say(self, text: str, ok: bool = False) -> None:
        self.status.say(text, ok)

    def message(self) -> str:
        return self.status.text()

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def reload(self, select: str | None = None, circular: str | None = None) -> None:
        keep = select or (self.inspection().uuid if self.inspection() else None)
        keep_circular = circular or (self.circular().uuid if self.circular() else None)
        try:
            self.inspection_model.set_rows(inspections.list_inspections(self.ws))
            self.circular_model.set_rows(inspections.list_circulars(self.ws))
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法读取督查记录：{service_message(exc)}")
            return
        fit_columns(self.inspection_view)
        fit_columns(self.circular_view)
        self._select(self.inspection_view, self.inspection_model, keep)
        self._select(self.circular_view, self.circular_model, keep_circular)
        self._show_findings()

    @staticmethod
    def _select(view: Any, model: Any, uuid: str | None) -> None:
        rows = [model.row_at(r).uuid for r in range(model.rowCount())]
        if rows:
            view.selectRow(rows.index(uuid) if uuid in rows else 0)

    def inspection(self) -> InspectionView | None:
        index = self.inspection_view.currentIndex()
        return self.inspection_model.row_at(index.row()) if index.isValid() else None

    def circular(self) -> CircularView | None:
        index = self.circular_view.currentIndex()
        return self.circular_model.row_at(index.row()) if index.isValid() else None

    def show_finding(self, finding_uuid: str) -> bool:
        if not select_first(self.inspection_view, self.inspection_model,
                            lambda r: any(f.uuid == finding_uuid for f in r.findings)):
            return False
        self._show_findings()
        return True

    def _show_findings(self) -> None:
        self.findings.setRowCount(0)
        inspection = self.inspection()
        for f in inspection.findings if inspection else ():
            row = self.findings.rowCount()
            self.findings.insertRow(row)
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, f.uuid)
            self.findings.setItem(row, 0, tick)
            self.findings.setItem(row, 1, QTableWidgetItem(f.township_name))
            self.findings.setItem(row, 2, QTableWidgetItem(f.description))
            if f.ledger_uuid:
                button = QPushButton("查看台账")
                button.clicked.connect(lambda _c=False, u=f.ledger_uuid: self.open_ledger.emit(u))
                self.findings.setCellWidget(row, 3, button)
            else:
                self.findings.setItem(row, 3, QTableWidgetItem("未列入"))
        self.findings.resizeColumnsToContents()
        self.findings.resizeRowsToContents()
        self._update_actions()

    def _update_actions(self) -> None:
        self.finding_action.setEnabled(self.inspection() is not None)
        self.draft_action.setEnabled(self.findings.rowCount() > 0)
        self.print_action.setEnabled(self.circular() is not None)
        self.edit_circular_action.setEnabled(self.circular() is not None)

    def chosen_findings(self) -> list[str]:
        return [self.findings.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.findings.rowCount())
                if self.findings.item(r, 0).checkState() == Qt.CheckState.Checked]

    def choose_findings(self, rows: list[int]) -> None:
        for r in rows:
            self.findings.item(r, 0).setCheckState(Qt.CheckState.Checked)

    # -- actions --------------------------------------------------------------------------------------------
    def new_inspection(self) -> None:
        dialog = InspectionDialog(self.ws, self, today=self.today())
        if dialog.exec():
            self.reload(select=dialog.result_value)
            self.say("督查已登记，可逐条登记发现的问题。", ok=True)

    def add_finding(self) -> None:
        inspection = self.inspection()
        if inspection is None:
            return
        dialog = FindingDialog(self.ws, inspection, self, today=self.today())
        if dialog.exec():
            self.reload(select=inspection.uuid)
            self.ledger_changed.emit()
            self.say("已登记督查发现的问题。", ok=True)

    def draft_circular(self) -> None:
        chosen = self.chosen_findings()
        if not chosen:
            self.say("请先勾选要通报的问题（“选入通报”一栏）。")
            return
        try:
            draft = inspections.draft_circular(self.ws, chosen, issued_on=self.today())
        except Exception as exc:  # noqa: BLE001
            self.say(service_message(exc))
            return
        dialog = CircularDialog(self.ws, draft, self, chosen)
        if dialog.exec():
            self.reload(circular=dialog.result_value)
            self.ledger_changed.emit()
            self.say("通报已保存，可点“打印通报”预览和打印。", ok=True)

    def edit_circular(self) -> None:
        circular = self.circular()
        if circular is None:
            return
        dialog = CircularDialog(self.ws, circular, self)
        if dialog.exec():
            self.reload(circular=circular.uuid)
            self.say("通报已修改。", ok=True)

    def print_circular(self) -> Path | None:
        circular = self.circular()
        if circular is None:
            return None
        name = f"{circular.title}.pdf"
        return preview_pdf(self, lambda path: inspections.export_circular_pdf(self.ws, circular.uuid, path),
                           "打印通报", name, self.say)
