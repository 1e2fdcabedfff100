"""考勤 page: a township's month in the grid, its sign-off (§7) and its paper forms.

The top bar picks 乡镇 (fixed for a township account), the month and the 村 / 驻村身份 filters, and shows the
month's state (未完成 → 待审核 → 已封存 → 已报送) with the seal's hash and the due date (次月第5个工作日).
The toolbar carries what a clerk and the township leader do with the month: 本月全勤, 提交审核, 审核封存, 重开 (with a
reason, audited), 已报送, and the paper: 打印考勤表, 导出Excel, 从Excel导入 (checked first, taken only when clean)
and 挂牌公示. Refusals and confirmations go to the message line under the grid, never half-done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.workcalendar import CalendarMissing
from ...services.attendance import (
    STATE_OPEN,
    STATE_READY,
    STATE_SEALED,
    MonthGrid,
)
from ...services.attendance import month_grid as load_month_grid
from ...services.attendance_io import (
    export_attendance_pdf,
    export_attendance_xlsx,
    export_placard_pdf,
)
from ...services.attendance_months import (
    MIN_REASON,
    SEALER_ROLES,
    mark_ready,
    mark_submitted,
    reopen_month,
    seal_month,
)
from ...services.workspace import Workspace
from ..messages import confirm, inform
from ..pdf_preview import preview_pdf
from ..roster.feedback import WARNING_COLOR, service_message
from ..widgets import StatusLine, save_xlsx, toolbar
from ..widgets import busy as _busy
from ..widgets import done as _done
from .dialogs import AttendanceImportDialog, PlacardDialog
from .grid_model import FIRST_DAY, AttendanceGridModel
from .grid_view import KEY_HINT, AttendanceGridView
from .month_bar import HASH_SHOWN, MonthBar


class AttendancePage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = AttendanceGridModel(ws, parent=self)
        self.view = AttendanceGridView(self)
        self.view.setModel(self.model)
        self.bar = MonthBar(ws, self)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.notice_label.setStyleSheet(f"QLabel {{ background: #fff4e0; color: {WARNING_COLOR};"
                                        " padding: 4px; }")
        self.notice_label.hide()
        # A fixed two-line strip under the grid: the keys to use, or a refusal's first lines (all in the tooltip).
        self.message_label = StatusLine(idle_text=KEY_HINT, count_rest=True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.count_label = QLabel()
        self.toolbar = toolbar("考勤", self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()
        status = QHBoxLayout()
        status.addWidget(self.message_label, 1)
        status.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in (self.toolbar, self.bar, self.notice_label):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addLayout(status)
        self.bar.changed.connect(self.reload)
        self.view.message.connect(self.say)
        self.model.edited.connect(self._after_edit)
        self.say("")
        self.refresh()

    def _build_actions(self) -> None:
        actor = self.ws.actor
        writer, sealer = actor.can_write, actor.role in SEALER_ROLES
        self.full_action = self._action("本月全勤", self.view.editor.fill_present, writer,
                                        "所选人员本月驻村期内的空白日登记为√（已登记的日子不变）")
        self.undo_action = self._action("撤销", self.view.editor.undo, writer, "撤销上一次修改（Ctrl+Z）")
        self.toolbar.addSeparator()
        self.ready_action = self._action("提交审核", self.mark_ready, writer, "本月已全部登记，提交乡镇领导审核")
        self.seal_action = self._action("审核封存", self.seal, sealer, "乡镇领导审核后封存：表格只读，生成校验码")
        self.reopen_action = self._action("重开", self.reopen, sealer, "封存后需要更正时重开，须写明原因（记入审计）")
        self.submit_action = self._action("已报送", self.mark_submitted, writer,
                                          "签字盖章的考勤表已报送县委组织部")
        self.toolbar.addSeparator()
        self.print_action = self._action("打印考勤表…", self.print_table, True, "打印预览和打印（Ctrl+P）")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.print_action)
        self.export_action = self._action("导出Excel…", self.export_excel, True, "导出本月考勤表（xlsx）")
        self.import_action = self._action("从Excel导入…", self.import_excel, writer,
                                          "从导出格式的考勤表导入：先检查，没有问题才导入")
        self.placard_action = self._action("挂牌公示…", self.print_placard, True,
                                           "打印村公示牌：姓名、职务、联系电话、去向")

    def _action(self, text: str, slot: Callable[[], None], visible: bool, tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        action.setVisible(visible)
        self.toolbar.addAction(action)
        return action

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Called by the main window when the page is shown: choices and the month as the database has
        them."""
        try:
            self.bar.reload_choices()
        except Exception as exc:  # noqa: BLE001 - a locked database is told, the page stays usable
            self.say(f"无法读取乡镇和村：{service_message(exc)}")
            return
        self.reload()
        self.view.setFocus()  # keyboard first: the clerk types at once

    def set_month(self, year: int, month: int, township_uuid: str | None = None) -> None:
        self.bar.set_month(year, month, township_uuid)

    def reload(self) -> None:
        township = self.bar.township_uuid()
        year, month = self.bar.year_month()
        grid = None
        if township is None:
            self.say("还没有乡镇：请先在“花名册—村和派出单位”中建立乡镇和村。")
        else:
            _busy()
            try:
                grid = load_month_grid(self.ws, township, year, month, village_uuid=self.bar.village_uuid(),
                                       role=self.bar.role())
            except Exception as exc:  # noqa: BLE001 - told in Chinese; the grid stays empty
                self.say(f"无法读取{year}年{month}月考勤：{service_message(exc)}")
            finally:
                _done()
        self.model.set_grid(grid, read_only=not self.ws.actor.can_write)
        self.bar.show_state(grid)
        self._show_notice(grid)
        if grid is not None:
            self.say("" if grid.rows else f"{grid.township_name}{year}年{month}月没有在岗的驻村干部。")
            self._place_cursor(grid)
        self._after_edit()

    def _show_notice(self, grid: MonthGrid | None) -> None:
        if grid is None or not grid.calendar_missing:
            self.notice_label.hide()
            return
        self.notice_label.setText(f"{CalendarMissing(grid.calendar_missing).message}。考勤照常登记；"
                                  "“工作日在岗”和节假日底色在导入日历后显示。")
        self.notice_label.show()

    def _place_cursor(self, grid: MonthGrid) -> None:
        """The cursor starts on today's column (or day 1) of the first row: the clerk can type at once."""
        if grid.rows:
            today = date.today()
            day = today.day if (today.year, today.month) == (grid.year, grid.month) else 1
            self.view.setCurrentIndex(self.model.index(0, FIRST_DAY + day - 1))

    def _after_edit(self) -> None:
        grid = self.model.grid
        if grid is None:
            self.count_label.clear()
        else:
            empty = "" if grid.locked else f"，未登记 {self.model.empty_cells()} 格"
            self.count_label.setText(f"共 {self.model.n_rows} 人{empty}")
        self._update_actions()

    def _update_actions(self) -> None:
        grid = self.model.grid
        has = grid is not None and bool(grid.rows)
        state = grid.state if grid is not None else None
        open_ = has and not self.model.locked
        self.full_action.setEnabled(open_)
        self.undo_action.setEnabled(open_ and self.model.can_undo)
        self.ready_action.setEnabled(has and state == STATE_OPEN)
        self.seal_action.setEnabled(has and state in (STATE_OPEN, STATE_READY))
        self.reopen_action.setEnabled(grid is not None and grid.locked)
        self.submit_action.setEnabled(state == STATE_SEALED)
        self.import_action.setEnabled(open_)
        for action in (self.print_action, self.export_action):
            action.setEnabled(has)
        self.placard_action.setEnabled(grid is not None and bool(self.bar.villages))

    def say(self, text: str, ok: bool = False) -> None:
        """The message line: a refusal in red, a confirmation in green, otherwise the keys to use."""
        self.message_label.say(text, ok)

    def _month_text(self) -> str:
        grid = self.model.grid
        return f"{grid.township_name}{grid.year}年{grid.month}月" if grid else ""

    def _run(self, call: Callable[[], object], done: str) -> object | None:
        """A month action: the service call, then the month reloaded and ``done`` said; a refusal is said."""
        _busy()
        try:
            result = call()
        except Exception as exc:  # noqa: BLE001 - Service/StorageError carry Chinese; nothing half-done
            _done()
            self.say(service_message(exc))
            return None
        _done()
        self.reload()
        self.say(done, True)
        return result if result is not None else True

    # -- sign-off (§7) ---------------------------------------------------------------------------------------
    def _month_args(self) -> tuple[str, int, int]:
        grid = self.model.grid
        assert grid is not None
        return grid.township_uuid, grid.year, grid.month

    def mark_ready(self) -> None:
        self._run(lambda: mark_ready(self.ws, *self._month_args()),
                  f"{self._month_text()}考勤表已提交审核，请乡镇领导审核封存。")

    def seal(self) -> None:
        name = self._month_text()
        if not confirm(self, "审核封存", f"封存{name}考勤表？\n\n封存后表格只读，并生成内容校验码（SHA-256）；"
                       "如需更正，须由乡镇领导“重开”并写明原因。", yes="封存", no="取消"):
            return
        digest = self._run(lambda: seal_month(self.ws, *self._month_args()), "")
        if isinstance(digest, str):
            self.say(f"{name}考勤表已封存，校验码 {digest[:HASH_SHOWN]}…", True)
            inform(self, "已封存", f"{name}考勤表已封存。\n\n内容校验码（SHA-256）：\n{digest}\n\n"
                   "请打印考勤表，由乡镇党委书记签字、加盖党委印章后报送县委组织部。")

    def reopen(self, reason: str | None = None) -> None:
        if reason is None:
            dialog = QInputDialog(self)
            dialog.setWindowTitle("重开考勤表")
            dialog.setLabelText(f"重开{self._month_text()}考勤表的原因（至少{MIN_REASON}个字，将记入审计）：")
            dialog.setOkButtonText("重开")
            dialog.setCancelButtonText("取消")
            if not dialog.exec():
                return
            reason = dialog.textValue()
        self._run(lambda: reopen_month(self.ws, *self._month_args(), reason),
                  f"{self._month_text()}考勤表已重开，可以更正；更正后请重新提交审核、封存。")

    def mark_submitted(self) -> None:
        if not confirm(self, "已报送", f"{self._month_text()}考勤表已签字盖章并报送县委组织部？",
                       yes="已报送", no="取消"):
            return
        self._run(lambda: mark_submitted(self.ws, *self._month_args()), f"{self._month_text()}考勤表已登记报送。")

    # -- paper ----------------------------------------------------------------------------------------------
    def _file_name(self, extension: str) -> str:
        return f"{self._month_text()}考勤表.{extension}"

    def print_table(self) -> None:
        township, year, month = self._month_args()
        self._preview(lambda path: export_attendance_pdf(self.ws, path, year, month, township),
                      "打印考勤表", self._file_name("pdf"))

    def print_placard(self) -> None:
        grid = self.model.grid
        assert grid is not None
        today = date.today()
        on = today if (today.year, today.month) == (grid.year, grid.month) else grid.days[0]
        dialog = PlacardDialog(self.bar.villages, on, self, village_uuid=self.bar.village_uuid())
        if not dialog.exec():
            return
        village, on = dialog.choice()
        self._preview(lambda path: export_placard_pdf(self.ws, path, on, village_uuid=village,
                                                      township_uuid=grid.township_uuid),
                      "挂牌公示", f"{grid.township_name}驻村干部公示牌_{on:%Y-%m-%d}.pdf")

    def _preview(self, write: Callable[[Path], object], title: str, name: str) -> None:
        preview_pdf(self, write, title, name, self.say)

    def export_excel(self, path: str | Path | None = None) -> None:
        township, year, month = self._month_args()
        written = save_xlsx(self, self.say, "导出Excel", self._file_name("xlsx"),
                              lambda target: export_attendance_xlsx(self.ws, target, year, month, township), path)
        if written is not None:
            self.say(f"已导出到 {written[0]}", True)

    def import_excel(self, path: str | Path | None = None) -> None:
        township, year, month = self._month_args()
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "从Excel导入考勤表", str(Path.home()),
                                                  "Excel 文件 (*.xlsx)")
            if not path:
                return
        dialog = AttendanceImportDialog(self.ws, township, year, month, path, self)
        dialog.exec()
        if dialog.applied and dialog.report is not None:
            self.reload()
            self.say(f"已从“{Path(path).name}”导入：{dialog.report.summary()}。", True)
