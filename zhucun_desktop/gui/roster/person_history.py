"""驻村经历 in the person dialog: every posting of the person, newest first, with 新增驻村 and 登记离岗."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidgetItem, QWidget

from ...services import roster
from ...services.roster import PostingView
from ...services.workspace import Workspace
from ..forms.ui_person_dialog import Ui_PersonDialog
from ..messages import report_error
from .posting_dialogs import EndPostingDialog, NewPostingDialog
from .table_model import LEADER_MARK, RANGE_DASH, month_text

HEADERS = ("所属乡镇", "所驻村", "驻村角色", "驻村起止时间", "离岗日期", "离岗原因", "批次")
VISIBLE_ROWS = 3  # rows shown without scrolling; most cadres have one or two postings


def posting_cells(p: PostingView) -> tuple[str, ...]:
    role = p.role + (LEADER_MARK if p.is_leader else "")
    term = f"{month_text(p.start_date)}{RANGE_DASH}{month_text(p.end_date or p.term_end_date)}"
    ended = f"{p.end_date:%Y-%m-%d}" if p.end_date else "在岗"
    return (p.township_name, p.village_name, role, term, ended, p.end_reason or "", p.batch or "")


def posting_description(name: str, p: PostingView) -> str:
    return (f"{name}，{p.township_name}{p.village_name}{p.role}，"
            f"{p.start_date:%Y-%m-%d}起驻村。")


class PostingHistoryPanel(QObject):
    """Drives the history group of `Ui_PersonDialog`; emits `changed` after a posting is added or ended."""

    changed = Signal()

    def __init__(self, ws: Workspace, person_uuid: str, ui: Ui_PersonDialog, dialog: QWidget) -> None:
        super().__init__(dialog)
        self.ws = ws
        self.person_uuid = person_uuid
        self.ui = ui
        self.dialog = dialog
        self.postings: list[PostingView] = []
        table = ui.historyTable
        table.setColumnCount(len(HEADERS))
        table.setHorizontalHeaderLabels(list(HEADERS))
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumHeight(header.sizeHint().height() + VISIBLE_ROWS * table.verticalHeader().defaultSectionSize()
                               + 2 * table.frameWidth())
        ui.addPostingButton.clicked.connect(self.add_posting)
        ui.endPostingButton.clicked.connect(self.end_posting)
        if not ws.actor.can_write:
            ui.addPostingButton.hide()
            ui.endPostingButton.hide()
        self.reload()

    def reload(self) -> None:
        self.postings = roster.posting_history(self.ws, self.person_uuid)
        table = self.ui.historyTable
        table.setRowCount(len(self.postings))
        for r, p in enumerate(self.postings):
            for c, text in enumerate(posting_cells(p)):
                table.setItem(r, c, QTableWidgetItem(text))
        open_posting = self.open_posting()
        self.ui.addPostingButton.setEnabled(open_posting is None)
        self.ui.addPostingButton.setToolTip("" if open_posting is None else "请先为当前驻村登记离岗")
        self.ui.endPostingButton.setEnabled(open_posting is not None)

    def open_posting(self) -> PostingView | None:
        return next((p for p in self.postings if p.end_date is None), None)

    def _name(self) -> str:
        return self.ui.nameEdit.text().strip()

    def add_posting(self) -> None:
        dialog = NewPostingDialog(self.ws, self.person_uuid, self._name(), self.dialog)
        last = self.postings[0] if self.postings else None
        if last is not None:
            dialog.fields.select_township_of(last.village_uuid)
        if dialog.exec():
            self._after_change()

    def end_posting(self) -> None:
        posting = self.open_posting()
        if posting is None:
            return
        dialog = EndPostingDialog(self.ws, posting.uuid, posting_description(self._name(), posting), self.dialog)
        if dialog.exec():
            self._after_change()

    def _after_change(self) -> None:
        try:
            self.reload()
        except Exception as exc:  # noqa: BLE001 - a database fault while re-reading is reported, not raised
            report_error(self.dialog, exc)
        self.changed.emit()
