"""请销假 page: the township's leave requests (§8), their approval on paper and at the county, and their return.

The toolbar carries what a clerk does with a request: 新建请假 (Ctrl+N), 修改草稿, 登记审批 (the next signature;
enabled only when this site records that body: the township enters the steps taken on paper, the county its
own bodies' decisions), 撤回, 登记销假, 续假, and the paper: 打印审批表 (two copies) and the monthly 请销假登记簿
(PDF or xlsx). Under the filters, the 今日离村 strip; beside the table, the selected request's chain.

When the page opens, requests whose return is overdue are swept (``sweep_overdue``: 逾期未销假 and the 旷 days in
attendance) and what that did is said in the status line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.leave_rules import STATE_DRAFT, STATE_OVERDUE
from ...services import leave_queries
from ...services.leave_sync import sweep_overdue
from ...services.workspace import Workspace
from ..roster.feedback import service_message
from ..table_model import make_table_view, select_first
from ..widgets import StatusLine, busy, done, save_xlsx, toolbar
from .detail_panel import LeaveDetailPanel
from .filters import AwayStrip, LeaveFilters
from .output import FORMAT_XLSX, BookDialog, preview_pdf, write_book, write_form_pdf
from .table_model import COL_TOWNSHIP, HEADERS, SAMPLES, LeaveProxyModel, LeaveTableModel

CELL_PADDING = 16


class LeavePage(QWidget):
    """``LeavePage(ws)``; ``today`` is for tests (the page otherwise asks the clock each time)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._fixed_today = today
        self.detail: Any | None = None
        self.swept = False
        self.model = LeaveTableModel(parent=self)
        self.proxy = LeaveProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table_view(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.filters = LeaveFilters(ws, self.today(), self)
        self.away_strip = AwayStrip()
        self.panel = LeaveDetailPanel()
        self.message_label = StatusLine()
        self.toolbar = toolbar("请销假", self)
        self._build_actions()
        self._size_columns()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        panel_width = self.fontMetrics().horizontalAdvance("汉" * 26)
        self.panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 18))
        self.splitter.setSizes([max(self.width() - panel_width, 600), panel_width])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters.widget)
        layout.addWidget(self.away_strip)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message_label)
        self.filters.changed.connect(self.reload)
        self.filters.search_changed.connect(self._search)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(lambda _i: self.open_draft())
        self.refresh()

    def today(self) -> date:
        return self._fixed_today or date.today()

    # -- building -------------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        writer = self.ws.actor.can_write
        self.new_action = self._action("新建请假", self.new_request, writer, "填写请假申请（Ctrl+N）", "Ctrl+N")
        self.edit_action = self._action("修改草稿", self.open_draft, writer, "修改并提交所选的草稿")
        self.step_action = self._action("登记审批", self.record_step, writer,
                                        "登记所选请假下一步的审批意见（纸质审批表上的签字）")
        self.withdraw_action = self._action("撤回", self.withdraw, writer, "撤回所选请假，须写明原因")
        self.return_action = self._action("登记销假", self.register_return, writer,
                                          "请假结束后1个工作日内登记返岗（§8）")
        self.extend_action = self._action("续假", self.extend, writer, "延长所选请假，按同样的流程审批")
        self.toolbar.addSeparator()
        self.print_action = self._action("打印审批表", self.print_form, True,
                                         "打印所选请假的请假审批表（一式两联，Ctrl+P）", "Ctrl+P")
        self.book_action = self._action("请销假登记簿…", self.book, True, "打印或导出一个月的请销假登记簿")

    def _action(self, text: str, slot: Callable[[], None], visible: bool, tip: str,
                shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        action.setVisible(visible)
        action.setEnabled(visible)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.toolbar.addAction(action)
        return action

    def _size_columns(self) -> None:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for col, sample in enumerate(SAMPLES):
            header.resizeSection(col, max(metrics.horizontalAdvance(sample),
                                          metrics.horizontalAdvance(HEADERS[col])) + CELL_PADDING)
        self.view.setColumnHidden(COL_TOWNSHIP, not self.ws.actor.is_county)

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Called by the main window when the page is shown: the overdue sweep, choices, rows, the strip."""
        try:
            self.filters.reload_choices()
        except Exception as exc:  # noqa: BLE001 - a locked database is told, the page stays usable
            self.say(f"无法读取乡镇：{service_message(exc)}")
            return
        swept = self.sweep() if not self.swept else None
        self.reload()
        if swept:
            self.say(swept, ok=True)

    def sweep(self) -> str | None:
        """逾期未销假 as of today (§8), once per opening of the page; what it did, or None."""
        self.swept = True
        if not self.ws.actor.can_write:
            return None
        try:
            report = sweep_overdue(self.ws, self.today())
        except Exception as exc:  # noqa: BLE001
            self.say(f"检查逾期未销假时出错：{service_message(exc)}")
            return None
        did = (report.overdue or report.written or report.cleared or report.conflicts or report.locked
               or report.calendar_missing)
        return "\n".join(report.lines()) if did else None

    def reload(self, select: str | None = None) -> None:
        keep = select or (self.detail.request.uuid if self.detail is not None else None)
        self.say("")
        busy()
        try:
            rows = leave_queries.list_requests(self.ws, township_uuid=self.filters.township_uuid(),
                                       month=self.filters.month(), state=self.filters.state(),
                                       today=self.today())
        except Exception as exc:  # noqa: BLE001
            done()
            self.say(f"无法读取请假：{service_message(exc)}")
            return
        self.model.set_rows(rows)
        done()
        self._update_strip()
        self._update_count()
        if not keep or not self.select_request(keep):
            self.view.clearSelection()
            self._selection_changed()

    def _update_strip(self) -> None:
        today = self.today()
        away: list[Any] = []
        overdue: list[Any] = []
        try:
            for township_uuid, _name in self.filters.townships():
                away += leave_queries.away_on(self.ws, township_uuid, today)
            overdue = leave_queries.list_requests(self.ws, township_uuid=self.filters.township_uuid(),
                                          state=STATE_OVERDUE, today=today)
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法读取今日离村人员：{service_message(exc)}")
        self.away_strip.show_away(today, away, overdue)

    def _search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_count()

    def _update_count(self) -> None:
        self.filters.count_label.setText(f"共 {self.proxy.rowCount()} 份")

    def current_row(self) -> Any | None:
        index = self.view.currentIndex()
        return self.proxy.row_at(index.row()) if index.isValid() else None

    def select_request(self, request_uuid: str) -> bool:
        if not select_first(self.view, self.proxy, lambda r: r.uuid == request_uuid):
            return False
        self._selection_changed()
        return True

    def _selection_changed(self) -> None:
        row = self.current_row()
        self.detail = None
        if row is not None:
            try:
                self.detail = leave_queries.request_detail(self.ws, row.uuid, self.today())
            except Exception as exc:  # noqa: BLE001
                self.say(service_message(exc))
        if self.detail is None:
            self.panel.clear()
        else:
            self.panel.show_detail(self.detail)
        self._update_actions()

    def _update_actions(self) -> None:
        d = self.detail
        writer = self.ws.actor.can_write
        self.edit_action.setEnabled(writer and d is not None and d.request.state == STATE_DRAFT)
        self.step_action.setEnabled(writer and d is not None and d.next_step_here)
        tip = "登记所选请假下一步的审批意见（纸质审批表上的签字）"
        if d is not None and d.next_body and not d.next_step_here:
            tip = f"下一步“{d.next_body}”的审批意见{d.next_step_where}"
        self.step_action.setToolTip(tip)
        self.withdraw_action.setEnabled(writer and d is not None and d.can_withdraw)
        self.return_action.setEnabled(writer and d is not None and d.can_return)
        self.extend_action.setEnabled(writer and d is not None and d.can_extend)
        self.print_action.setEnabled(d is not None)

    def say(self, text: str, ok: bool = False) -> None:
        """The status line: a refusal in red, a confirmation in green."""
        self.message_label.say(text, ok)

    def message(self) -> str:
        return self.message_label.text()

    # -- actions --------------------------------------------------------------------------------------------
    def _after(self, dialog: Any, done_text: Callable[[], str], select: str | None = None) -> bool:
        if not dialog.exec():
            return False
        self.reload(select=select)
        self.say(done_text(), ok=True)
        return True

    def new_request(self) -> None:
        from .request_dialog import RequestDialog

        dialog = RequestDialog(self.ws, self, township_uuid=self.filters.township_uuid(), today=self.today())
        if dialog.exec():
            self.reload(select=dialog.request_uuid)
            self.say("请假已提交，等待审批。" if dialog.submitted else "请假已存为草稿。", ok=True)

    def open_draft(self) -> None:
        from .request_dialog import RequestDialog

        if self.detail is None or self.detail.request.state != STATE_DRAFT or not self.ws.actor.can_write:
            return
        uuid = self.detail.request.uuid
        dialog = RequestDialog(self.ws, self, request_uuid=uuid, today=self.today())
        self._after(dialog, lambda: "请假已提交，等待审批。" if dialog.submitted else "草稿已保存。", uuid)

    def record_step(self) -> None:
        from .step_dialog import StepDialog

        if self.detail is None or not self.detail.next_step_here:
            return
        uuid = self.detail.request.uuid
        dialog = StepDialog(self.ws, self.detail, self, today=self.today())
        self._after(dialog, lambda: f"已登记{dialog.body}的审批意见：{dialog.decision()}。", uuid)

    def withdraw(self) -> None:
        from .extend_dialog import WithdrawDialog

        if self.detail is not None:
            uuid = self.detail.request.uuid
            self._after(WithdrawDialog(self.ws, self.detail, self, today=self.today()), lambda: "请假已撤回。",
                        uuid)

    def register_return(self) -> None:
        from .return_dialog import ReturnDialog

        if self.detail is None:
            return
        uuid = self.detail.request.uuid
        dialog = ReturnDialog(self.ws, self.detail, self, today=self.today())
        self._after(dialog, lambda: f"已登记销假（{dialog.returned_on():%Y-%m-%d}返岗）"
                    + ("，超过销假期限。" if dialog.is_late() else "。"), uuid)

    def extend(self) -> None:
        from .extend_dialog import ExtendDialog

        if self.detail is None:
            return
        dialog = ExtendDialog(self.ws, self.detail, self, today=self.today())
        if dialog.exec():
            self.reload(select=dialog.result_value)
            self.say(f"续假已提交（至{dialog.new_end():%Y-%m-%d}），按审批流程逐级审批。", ok=True)

    def print_form(self) -> None:
        if self.detail is None:
            return
        r = self.detail.request
        name = f"请假审批表_{r.name}_{r.start:%Y-%m-%d}.pdf"
        preview_pdf(self, lambda path: write_form_pdf(self.ws, r.uuid, path, self.today()), "打印请假审批表", name, self.say)

    def book(self) -> None:
        month = self.filters.month()
        today = self.today()
        year, number = (int(month[:4]), int(month[5:])) if month else (today.year, today.month)
        dialog = BookDialog(year, number, self)
        if not dialog.exec():
            return
        self.write_book(*dialog.choice())

    def write_book(self, year: int, month: int, fmt: str, path: str | Path | None = None) -> Path | None:
        township = self.filters.township_uuid()
        name = f"请销假登记簿_{year}年{month}月.{fmt}"
        if fmt != FORMAT_XLSX:
            return preview_pdf(self, lambda p: write_book(self.ws, township, year, month, p, self.today()), "请销假登记簿",
                               name, self.say)
        written = save_xlsx(self, self.say, "导出请销假登记簿", name,
                              lambda target: write_book(self.ws, township, year, month, target, self.today()), path)
        if written is None:
            return None
        self.say(f"已导出到 {written[0]}", ok=True)
        return written[0]


__all__ = ["LeavePage"]
