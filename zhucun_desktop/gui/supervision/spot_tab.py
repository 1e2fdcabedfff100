"""抽查 (§7): the county's spot checks, the result for each cadre checked, and the cross-check with that day's
attendance and leave. A result that contradicts them (不在岗 without approved leave, or a ``√`` in the attendance
table on a day the cadre was found absent) is proposed for the ledger: 生成整改台账 opens the drafted row for
editing and creates it linked to the result; 查看台账 shows the row it led to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import supervision as sv
from ...services import spot_checks
from ...services.spot_checks import Proposal, SpotCheckView
from ...services.workspace import Workspace
from ..table_model import RowsTableModel, fit_columns, make_table_view, select_first
from .common import OVERDUE_COLOR, StatusLine, hint, service_message, toolbar
from .ledger_dialogs import LedgerDialog
from .spot_dialog import SpotCheckDialog

RESULT_HEADERS = ("姓名", "乡镇", "抽查结果", "情况说明", "整改台账")
PROPOSAL_HEADERS = ("姓名", "抽查结果", "与考勤、请假核对", "当天考勤", "操作")
CREATE_TEXT, SHOW_TEXT = "生成整改台账", "查看台账"


class SpotCheckModel(RowsTableModel[SpotCheckView]):
    HEADERS = ("抽查时间", "抽查方式", "乡镇", "抽查人数", "不在岗、联系不上", "检查人员", "备注")
    NUMERIC = frozenset({3, 4})
    COL_ABSENT = 4

    def text(self, row: SpotCheckView, column: int) -> str:
        return (f"{row.checked_at:%Y-%m-%d %H:%M}", row.method, row.township_name, str(len(row.results)),
                str(row.absent_count), row.checkers, row.note)[column]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (index.isValid() and role == Qt.ItemDataRole.ForegroundRole and index.column() == self.COL_ABSENT
                and self.row_at(index.row()).absent_count):
            return QBrush(QColor(OVERDUE_COLOR))
        return super().data(index, role)


def _item(text: str, color: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if color:
        item.setForeground(QBrush(QColor(color)))
    return item


class SpotCheckTab(QWidget):
    """``open_ledger(uuid)`` asks the page to show a ledger row."""

    open_ledger = Signal(str)
    ledger_changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: Callable[[], date]) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today
        self.proposals: list[Proposal] = []
        self.bar = toolbar("抽查", self)
        self.new_action = QAction("新增抽查", self)
        self.new_action.setToolTip("登记一次抽查：时间、方式、检查人员和每名被抽查干部的结果（§7）")
        self.new_action.triggered.connect(lambda _c=False: self.new_check())
        self.new_action.setVisible(ws.actor.is_county and ws.actor.can_write)
        self.bar.addAction(self.new_action)
        self.model = SpotCheckModel(parent=self)
        self.view = make_table_view(self.model)
        self.results = QTableWidget(0, len(RESULT_HEADERS))
        self.proposal_table = QTableWidget(0, len(PROPOSAL_HEADERS))
        for table, headers in ((self.results, RESULT_HEADERS), (self.proposal_table, PROPOSAL_HEADERS)):
            table.setHorizontalHeaderLabels(headers)
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        results_group = QGroupBox("抽查结果")
        QVBoxLayout(results_group).addWidget(self.results)
        self.proposal_group = QGroupBox("与当天考勤、请假核对")
        proposal_layout = QVBoxLayout(self.proposal_group)
        self.proposal_hint = hint("")
        proposal_layout.addWidget(self.proposal_hint)
        proposal_layout.addWidget(self.proposal_table)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(results_group)
        lower.addWidget(self.proposal_group)
        lower.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([220, 420])
        lower.setSizes([480, 640])
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

    def say(self, text: str, ok: bool = False) -> None:
        self.status.say(text, ok)

    def message(self) -> str:
        return self.status.text()

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def reload(self, select: str | None = None) -> None:
        keep = select or (self.current().uuid if self.current() is not None else None)
        try:
            checks = spot_checks.list_spot_checks(self.ws)
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法读取抽查记录：{service_message(exc)}")
            return
        self.model.set_rows(checks)
        fit_columns(self.view)
        if not (keep and self.select_check(keep)):
            if checks:
                self.select_check(checks[0].uuid)
            else:
                self._selection_changed()

    def current(self) -> SpotCheckView | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_check(self, uuid: str) -> bool:
        if not select_first(self.view, self.model, lambda r: r.uuid == uuid):
            return False
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        check = self.current()
        self.results.setRowCount(0)
        self.proposal_table.setRowCount(0)
        self.proposals = []
        if check is None:
            self.proposal_hint.setText("")
            return
        for r in check.results:
            row = self.results.rowCount()
            self.results.insertRow(row)
            color = None if r.result == sv.RESULT_PRESENT else OVERDUE_COLOR
            for col, text in enumerate((r.person_name, r.township_name, r.result, r.note,
                                        "已列入" if r.ledger_uuid else "")):
                self.results.setItem(row, col, _item(text, color if col == 2 else None))
            if r.ledger_uuid:
                self.results.setCellWidget(row, 4, self._button(SHOW_TEXT, lambda u=r.ledger_uuid:
                                                                self.open_ledger.emit(u)))
        self.results.resizeColumnsToContents()
        try:
            self.proposals = spot_checks.cross_check(self.ws, check.uuid)
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法与考勤、请假核对：{service_message(exc)}")
            return
        self._show_proposals()

    def _show_proposals(self) -> None:
        pending = sum(1 for p in self.proposals if not p.ledger_uuid)
        if not self.proposals:
            self.proposal_hint.setText("抽查结果与当天的考勤和请假记录一致，不需要列入整改台账。")
        elif pending:
            self.proposal_hint.setText(f"有{pending}名驻村干部的抽查结果与考勤、请假不一致，建议列入负面清单及整改台账（§13）。")
        else:
            self.proposal_hint.setText("发现的问题都已列入整改台账。")
        writer = self.ws.actor.is_county and self.ws.actor.can_write
        for p in self.proposals:
            row = self.proposal_table.rowCount()
            self.proposal_table.insertRow(row)
            for col, text in enumerate((p.person_name, p.result, p.why, p.attendance_code or "未登记")):
                self.proposal_table.setItem(row, col, _item(text, OVERDUE_COLOR if col == 2 else None))
            if p.ledger_uuid:
                button = self._button(SHOW_TEXT, lambda u=p.ledger_uuid: self.open_ledger.emit(u))
            else:
                button = self._button(CREATE_TEXT, lambda prop=p: self.create_ledger(prop))
                button.setEnabled(writer)
                if not writer:
                    button.setToolTip("由县委组织部根据抽查结果生成整改台账")
            self.proposal_table.setCellWidget(row, 4, button)
        self.proposal_table.resizeColumnsToContents()

    @staticmethod
    def _button(text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def proposal_button(self, name: str) -> QPushButton:
        row = next(r for r in range(self.proposal_table.rowCount()) if self.proposal_table.item(r, 0).text() == name)
        return self.proposal_table.cellWidget(row, 4)

    # -- actions --------------------------------------------------------------------------------------------
    def new_check(self) -> None:
        clock = datetime.now()
        now = clock if self.today() == clock.date() else datetime.combine(self.today(), time(9, 0))
        dialog = SpotCheckDialog(self.ws, self, now=now)
        if not dialog.exec():
            return
        self.reload(select=dialog.result_value)
        pending = [p for p in self.proposals if not p.ledger_uuid]
        if pending:
            names = "、".join(p.person_name for p in pending)
            self.say(f"抽查已保存。{names}的抽查结果与考勤、请假不一致，可点“{CREATE_TEXT}”列入台账。")
        else:
            self.say("抽查已保存，结果与考勤、请假记录一致。", ok=True)

    def create_ledger(self, proposal: Proposal) -> str | None:
        """The drafted row, editable, created linked to the spot-check result in one transaction."""
        def saver(values: Any) -> str:
            return spot_checks.create_ledger_from_proposal(self.ws, proposal.spot_check_uuid, proposal.person_uuid,
                                                           values=values)

        dialog = LedgerDialog(self.ws, self, values=proposal.draft, saver=saver, title=f"生成整改台账 — {proposal.person_name}",
                              subject_name=proposal.person_name, today=self.today())
        if not dialog.exec():
            return None
        self.reload(select=proposal.spot_check_uuid)
        self.ledger_changed.emit()
        self.say(f"已将{proposal.person_name}的抽查问题列入整改台账（待整改）。", ok=True)
        return dialog.result_value
