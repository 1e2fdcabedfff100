"""整改台账 (§13): the negative list and rectification ledger as a table in the paper form's column order, its
filters, the selected row's detail, and what a clerk or the county does with a row.

A button is enabled only when the service would accept the step: 修改 / 登记整改进展 / 报告整改完成 while the row
is 待整改 or 整改中 and was entered at this site; 核查（县级） for a county account once the township reported it
rectified; 删除 while nobody has acted on it. A refusal from the service is still shown, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import supervision as sv
from ...services import ledger, ledger_export
from ...services.ledger import LedgerView
from ...services.workspace import Workspace
from ..messages import confirm
from ..pdf_preview import preview_pdf
from ..table_model import make_table_view, select_first
from ..widgets import save_xlsx
from .common import StatusLine, fill_townships, service_message, toolbar
from .ledger_detail import LINK_FINDING, LINK_SPOT, LedgerDetailPanel
from .ledger_dialogs import LedgerDialog, ProgressDialog, SubmitDialog, VerifyDialog, input_of
from .ledger_model import COL_TOWNSHIP, HEADERS, SAMPLES, LedgerProxyModel, LedgerTableModel

ALL_TOWNSHIPS, ALL_STATES = "全部乡镇", "全部状态"
SEARCH_DELAY_MS = 200
CELL_PADDING = 16


class LedgerTab(QWidget):
    """``LedgerTab(ws, today=)``; ``open_spot_check`` / ``open_finding`` ask the page to show a linked record."""

    open_spot_check = Signal(str)
    open_finding = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: Callable[[], date]) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today
        self.model = LedgerTableModel(parent=self)
        self.proxy = LedgerProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table_view(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.panel = LedgerDetailPanel(ws)
        self.status = StatusLine()
        self.bar = toolbar("整改台账", self)
        self._build_actions()
        self._build_filters()
        self._size_columns()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        self.panel.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 20))
        splitter.setSizes([800, self.fontMetrics().horizontalAdvance("汉" * 24)])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.filter_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(lambda _i: self.edit_row())
        self.panel.link_activated.connect(self._link)
        self.panel.changed.connect(lambda text: (self.reload(), self.say(text, ok=True)))
        self.panel.refused.connect(self.say)

    # -- building -------------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_action = self._action("新增问题", self.new_row, "登记一条负面清单问题（§13）")
        self.edit_action = self._action("修改", self.edit_row, "更正所选记录（待整改、整改中的记录）")
        self.progress_action = self._action("登记整改进展", self.record_progress, "登记一条带日期的整改进展")
        self.submit_action = self._action("报告整改完成", self.submit, "整改完成后报县委组织部核查")
        self.verify_action = self._action("核查（县级）", self.verify, "县委组织部核查整改情况（§13）")
        self.circulate_action = self._action("标记已通报", self.mark_circulated, "已在程序外通报的，标记“是否通报”为是")
        self.delete_action = self._action("删除", self.delete_row, "删除误登记、尚未开始整改的记录")
        self.bar.addSeparator()
        self.pdf_action = self._action("导出 PDF", self.export_pdf, "按台账格式打印预览（A4横向）")
        self.xlsx_action = self._action("导出 XLSX", lambda: self.export_xlsx(), "导出为 Excel 表格")
        self.new_action.setVisible(self.ws.actor.can_write)
        self.verify_action.setVisible(self.ws.actor.is_county)

    def _action(self, text: str, slot: Callable[[], Any], tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.bar.addAction(action)
        return action

    def _build_filters(self) -> None:
        self.township_combo = QComboBox()
        self.township_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 5) + 36)
        self.state_combo = QComboBox()
        self.state_combo.addItem(ALL_STATES, None)
        for state in sv.LEDGER_STATES:
            self.state_combo.addItem(state, state)
        self.overdue_check = QCheckBox("只看逾期")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("责任主体、问题、责任人")
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.filter_row = QWidget()
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(6, 2, 6, 2)
        self.township_label = QLabel("乡镇")
        for label, widget in ((self.township_label, self.township_combo), (QLabel("状态"), self.state_combo)):
            row.addWidget(label)
            row.addWidget(widget)
            row.addSpacing(8)
        row.addWidget(self.overdue_check)
        row.addSpacing(8)
        row.addWidget(QLabel("查找"))
        row.addWidget(self.search_edit)
        reset = QPushButton("重置")
        row.addWidget(reset)
        row.addStretch(1)
        row.addWidget(self.count_label)
        county = self.ws.actor.is_county
        self.township_combo.setVisible(county)
        self.township_label.setVisible(county)
        self.township_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.state_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue_check.toggled.connect(lambda _on: self.reload())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.flush_search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        reset.clicked.connect(self.reset_filters)

    def _size_columns(self) -> None:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        for col, sample in enumerate(SAMPLES):
            header.resizeSection(col, max(metrics.horizontalAdvance(sample),
                                          metrics.horizontalAdvance(HEADERS[col])) + CELL_PADDING)
        self.view.setColumnHidden(COL_TOWNSHIP, not self.ws.actor.is_county)

    # -- data -----------------------------------------------------------------------------------------------
    def township_uuid(self) -> str | None:
        return self.township_combo.currentData() if self.ws.actor.is_county else None

    def refresh(self) -> None:
        try:
            fill_townships(self.township_combo, self.ws, ALL_TOWNSHIPS, self.township_combo.currentData())
        except Exception as exc:  # noqa: BLE001 - a locked database is told, the tab stays usable
            self.say(f"无法读取乡镇：{service_message(exc)}")
            return
        self.reload()

    def reload(self, select: str | None = None) -> None:
        keep = select or (self.current().uuid if self.current() is not None else None)
        try:
            rows = ledger.list_ledger(self.ws, township_uuid=self.township_uuid(), state=self.state_combo.currentData(),
                                      overdue_only=self.overdue_check.isChecked(), today=self.today())
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法读取台账：{service_message(exc)}")
            return
        self.model.set_rows(rows)
        self._update_count()
        if not keep or not self.select_row(keep):
            self.view.clearSelection()
            self._selection_changed()

    def flush_search(self) -> None:
        self._timer.stop()
        self.proxy.set_search_text(self.search_edit.text())
        self._update_count()

    def reset_filters(self) -> None:
        for widget in (self.township_combo, self.state_combo, self.overdue_check):
            widget.blockSignals(True)
        self.township_combo.setCurrentIndex(0)
        self.state_combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        for widget in (self.township_combo, self.state_combo, self.overdue_check):
            widget.blockSignals(False)
        self.search_edit.clear()
        self.flush_search()
        self.reload()

    def _update_count(self) -> None:
        rows = [self.proxy.row_at(r) for r in range(self.proxy.rowCount())]
        overdue = sum(r.overdue for r in rows)
        self.count_label.setText(f"共 {len(rows)} 条" + (f"，逾期 {overdue} 条" if overdue else ""))

    def current(self) -> LedgerView | None:
        index = self.view.currentIndex()
        return self.proxy.row_at(index.row()) if index.isValid() else None

    def rows(self) -> list[LedgerView]:
        return [self.proxy.row_at(r) for r in range(self.proxy.rowCount())]

    def select_row(self, uuid: str) -> bool:
        if not select_first(self.view, self.proxy, lambda r: r.uuid == uuid):
            return False
        self._selection_changed()
        return True

    def show_row(self, uuid: str) -> bool:
        """Select ``uuid``, clearing the filters first when they hide it (a link from a spot check)."""
        if self.select_row(uuid):
            return True
        self.reset_filters()
        return self.select_row(uuid)

    def _selection_changed(self) -> None:
        row = self.current()
        if row is None:
            self.panel.clear()
        else:
            self.panel.show_row(row)
        self._update_actions()

    def own(self, row: LedgerView) -> bool:
        """Entered at this site: only the owner changes a row (DESIGN.md, "Records that travel")."""
        return not row.origin_site or row.origin_site == self.ws.site_id

    def _update_actions(self) -> None:
        row = self.current()
        writer = self.ws.actor.can_write
        mine = row is not None and writer and self.own(row)
        self.edit_action.setEnabled(mine and row.editable)
        # 整改进展 and 整改完成 are records of their own, owned by whoever records them (§13): any site may.
        self.progress_action.setEnabled(row is not None and writer and row.editable)
        self.submit_action.setEnabled(row is not None and writer and row.editable)
        self.verify_action.setEnabled(row is not None and writer and self.ws.actor.is_county
                                      and row.state == sv.STATE_AWAITING)
        self.circulate_action.setEnabled(mine and not row.circulated)
        self.delete_action.setEnabled(mine and row.state == sv.STATE_OPEN and not row.history)
        tip = "更正所选记录（待整改、整改中的记录）"
        if row is not None and not self.own(row):
            tip = "这条记录由其他单位（站点）登记，只能由登记单位修改"
        elif row is not None and not row.editable:
            tip = "已报整改完成或已核查通过的记录不能再修改"
        self.edit_action.setStatusTip(tip)
        self.edit_action.setToolTip(tip)
        tip = "已报整改完成或已核查通过的记录不能再登记" if row is not None and not row.editable else ""
        for action in (self.progress_action, self.submit_action):
            action.setStatusTip(tip or action.toolTip())

    def say(self, text: str, ok: bool = False) -> None:
        self.status.say(text, ok)

    def message(self) -> str:
        return self.status.text()

    def _link(self, kind: str, uuid: str) -> None:
        if kind == LINK_SPOT:
            self.open_spot_check.emit(uuid)
        elif kind == LINK_FINDING:
            self.open_finding.emit(uuid)

    # -- actions --------------------------------------------------------------------------------------------
    def _after(self, dialog: Any, text: Callable[[], str], select: str | None) -> bool:
        if not dialog.exec():
            return False
        self.reload(select=select or dialog.result_value)
        self.say(text(), ok=True)
        return True

    def new_row(self) -> None:
        dialog = LedgerDialog(self.ws, self, today=self.today())
        if self.township_uuid():
            dialog.township_combo.setCurrentIndex(max(dialog.township_combo.findData(self.township_uuid()), 0))
        self._after(dialog, lambda: "已登记到负面清单及整改台账（待整改）。", None)

    def edit_row(self) -> None:
        row = self.current()
        if row is None or not self.edit_action.isEnabled():
            return
        dialog = LedgerDialog(self.ws, self, values=input_of(row), uuid=row.uuid, subject_name=row.subject_name,
                              today=self.today())
        self._after(dialog, lambda: "台账记录已修改。", row.uuid)

    def record_progress(self) -> None:
        row = self.current()
        if row is not None:
            self._after(ProgressDialog(self.ws, row, self, today=self.today()), lambda: "已登记整改进展（整改中）。",
                        row.uuid)

    def submit(self) -> None:
        row = self.current()
        if row is not None:
            self._after(SubmitDialog(self.ws, row, self, today=self.today()),
                        lambda: "已报告整改完成，等待县委组织部核查。", row.uuid)

    def verify(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = VerifyDialog(self.ws, row, self, today=self.today())
        self._after(dialog, lambda: ("核查通过，这条问题已整改销号。" if dialog.result_text() == sv.RESULT_PASSED
                                     else "核查未通过，已退回继续整改。"), row.uuid)

    def mark_circulated(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            ledger.set_circulated(self.ws, row.uuid, True)
        except Exception as exc:  # noqa: BLE001
            self.say(service_message(exc))
            return
        self.reload(select=row.uuid)
        self.say("已标记为已通报。", ok=True)

    def delete_row(self, ask: bool = True) -> None:
        row = self.current()
        if row is None:
            return
        if ask and not confirm(self, "删除台账记录", f"删除这条误登记的记录吗？\n{row.description}", yes="删除"):
            return
        try:
            ledger.delete_ledger_row(self.ws, row.uuid)
        except Exception as exc:  # noqa: BLE001
            self.say(service_message(exc))
            return
        self.reload()
        self.say("台账记录已删除。", ok=True)

    def _file_name(self, suffix: str) -> str:
        title = ledger_export.ledger_title(self.ws, self.township_uuid())
        return f"{title}_{self.today():%Y-%m-%d}.{suffix}"

    def export_pdf(self) -> Path | None:
        def write(path: Path) -> Path:
            ledger_export.export_ledger(self.ws, path, township_uuid=self.township_uuid(), today=self.today())
            return path

        return preview_pdf(self, write, "负面清单及整改台账", self._file_name("pdf"), self.say)

    def export_xlsx(self, path: str | Path | None = None) -> Path | None:
        def write(target: Path) -> int:
            return ledger_export.export_ledger(self.ws, target, township_uuid=self.township_uuid(), today=self.today())

        written = save_xlsx(self, self.say, "导出整改台账", self._file_name("xlsx"), write, path)
        if written is None:
            return None
        target, count = written
        self.say(f"已导出{count}条到 {target}", ok=True)
        return target
