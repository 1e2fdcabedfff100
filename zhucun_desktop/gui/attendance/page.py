"""考勤 page: a township's month in the grid, its sign-off (§7) and its paper forms.

The top bar picks 乡镇 (fixed for a township account), the month and the 村 / 驻村身份 filters, and shows the
month's state (未完成 → 待审核 → 已封存 → 已报送) with the seal's hash and the due date (次月第5个工作日).
The toolbar carries what a clerk and the township leader do with the month: 本月全勤, 提交审核, 审核封存, 重开 (with a
reason, audited), 已报送, and the paper: 打印考勤表, 导出Excel, 从Excel导入 (checked first, taken only when clean)
and 挂牌公示. Refusals and confirmations go to the message line under the grid, never half-done.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import terms
from ...domain.attendance_due import is_overdue
from ...domain.workcalendar import CalendarMissing
from ...services import org
from ...services.attendance import (
    STATE_OPEN,
    STATE_READY,
    STATE_SEALED,
    STATE_SUBMITTED,
    MonthGrid,
    day_label,
)
from ...services.attendance import month_grid as load_month_grid
from ...services.attendance_io import (
    AttendanceImportReport,
    export_attendance_pdf,
    export_attendance_xlsx,
    export_placard_pdf,
    import_attendance_xlsx,
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
from ..pdf_preview import PdfPreviewDialog
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR, WARNING_COLOR, service_message
from .grid_model import FIRST_DAY, AttendanceGridModel
from .grid_view import KEY_HINT, AttendanceGridView

STATE_COLORS = {STATE_OPEN: "#6b7078", STATE_READY: "#d9822b", STATE_SEALED: "#2e7d32",
                STATE_SUBMITTED: "#1565c0"}
HASH_SHOWN = 12
MESSAGE_LINES = 2
ALL_VILLAGES, ALL_ROLES = "全部村", "全部身份"
FIRST_YEAR = 2015


def _busy() -> None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


def _done() -> None:
    QApplication.restoreOverrideCursor()


def _wide(combo: QComboBox, chars: int) -> QComboBox:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(1)
    combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("汉" * chars) + 36)
    return combo


class MonthBar(QWidget):
    """乡镇, ◀ 年 月 ▶, 村, 驻村身份, then the state badge and the due date. ``changed`` on any choice."""

    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._quiet = False
        self.villages: list[org.VillageView] = []
        self.township_combo = _wide(QComboBox(), 4)
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setText("◀")
        self.prev_button.setToolTip("上个月")
        self.next_button.setText("▶")
        self.next_button.setToolTip("下个月")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, date.today().year + 1)
        self.year_spin.setSuffix("年")
        self.month_combo = QComboBox()
        self.month_combo.addItems([f"{m}月" for m in range(1, 13)])
        self.village_combo = _wide(QComboBox(), 4)
        self.role_combo = _wide(QComboBox(), 6)
        self.role_combo.addItem(ALL_ROLES, None)
        for role in terms.ROLES:
            self.role_combo.addItem(role, role)
        self.state_label, self.due_label = QLabel(), QLabel()
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # As wide as their longest text from the start, so a new state never changes the page's minimum size.
        metrics = self.fontMetrics()
        state_box = QWidget()
        box = QHBoxLayout(state_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addStretch(1)
        box.addWidget(self.state_label)
        state_box.setMinimumWidth(metrics.horizontalAdvance("已报送  校验码 0123456789ab") + 20)
        self.due_label.setMinimumWidth(metrics.horizontalAdvance("报送截止：缺少2027年日历") + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (QLabel("乡镇"), self.township_combo, None, self.prev_button, self.year_spin,
                       self.month_combo, self.next_button, None, QLabel("村"), self.village_combo,
                       QLabel("驻村身份"), self.role_combo):
            if widget is None:
                layout.addSpacing(10)
            else:
                layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(state_box)
        layout.addSpacing(10)
        layout.addWidget(self.due_label)
        today = date.today()
        self.set_month(today.year, today.month)
        self.township_combo.currentIndexChanged.connect(self._township_changed)
        for signal in (self.year_spin.valueChanged, self.month_combo.currentIndexChanged,
                       self.village_combo.currentIndexChanged, self.role_combo.currentIndexChanged):
            signal.connect(self._emit)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()

    # -- choices --------------------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        """Townships the user may see (a township account: its own, fixed) and that township's villages."""
        keep = self.township_uuid()
        self._quiet = True
        try:
            self.township_combo.clear()
            for t in org.list_townships(self.ws):
                self.township_combo.addItem(t.name, t.uuid)
            found = self.township_combo.findData(keep)
            self.township_combo.setCurrentIndex(max(found, 0))
            self.township_combo.setEnabled(self.ws.actor.is_county and self.township_combo.count() > 1)
            self._reload_villages()
        finally:
            self._quiet = False

    def _reload_villages(self) -> None:
        keep = self.village_uuid()
        self.village_combo.clear()
        self.village_combo.addItem(ALL_VILLAGES, None)
        self.villages = org.list_villages(self.ws, self.township_uuid()) if self.township_uuid() else []
        for v in self.villages:
            self.village_combo.addItem(v.name, v.uuid)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(keep), 0) if keep else 0)

    def _township_changed(self) -> None:
        if self._quiet:
            return
        self._quiet = True
        try:
            self._reload_villages()
        finally:
            self._quiet = False
        self.changed.emit()

    def township_uuid(self) -> str | None:
        return self.township_combo.currentData()

    def village_uuid(self) -> str | None:
        return self.village_combo.currentData()

    def role(self) -> str | None:
        return self.role_combo.currentData()

    def year_month(self) -> tuple[int, int]:
        return self.year_spin.value(), self.month_combo.currentIndex() + 1

    def set_month(self, year: int, month: int) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            self.year_spin.setValue(year)
            self.month_combo.setCurrentIndex(month - 1)
        finally:
            self._quiet = quiet
        self._emit()

    def step(self, months: int) -> None:
        year, month = self.year_month()
        index = year * 12 + month - 1 + months
        if FIRST_YEAR <= index // 12 <= self.year_spin.maximum():
            self.set_month(index // 12, index % 12 + 1)

    # -- the month's state ----------------------------------------------------------------------------------
    def show_state(self, grid: MonthGrid | None, today: date | None = None) -> None:
        if grid is None:
            self.state_label.clear()
            self.due_label.clear()
            return
        color = STATE_COLORS.get(grid.state, STATE_COLORS[STATE_OPEN])
        text = grid.state
        tip = f"{grid.year}年{grid.month}月考勤表：{grid.state}"
        if grid.content_hash:
            text += f"  校验码 {grid.content_hash[:HASH_SHOWN]}"
            sealed = f"{grid.sealed_at:%Y-%m-%d %H:%M} " if grid.sealed_at else ""
            tip += f"\n封存：{sealed}{grid.sealed_by or ''}\n内容校验码（SHA-256）：{grid.content_hash}"
        self.state_label.setText(text)
        self.state_label.setToolTip(tip)
        self.state_label.setStyleSheet(f"QLabel {{ background: {color}; color: white; border-radius: 3px;"
                                       " padding: 2px 8px; }")
        if grid.due is None:
            year = grid.due_calendar_missing or grid.year + (grid.month == 12)
            self.due_label.setText(f"报送截止：缺少{year}年日历")
            self.due_label.setStyleSheet(f"color: {WARNING_COLOR}")
            self.due_label.setToolTip(CalendarMissing(year).message)
            return
        late = is_overdue(grid.due, today or date.today(), grid.state)
        self.due_label.setText(f"报送截止 {day_label(grid.due)}" + ("（已逾期）" if late else ""))
        self.due_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold" if late else "")
        self.due_label.setToolTip("§7：次月第5个工作日前报送县委组织部（签字盖章的考勤表）")


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
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A fixed two-line strip: a long refusal shows its first lines (all of it in the tooltip), and the grid
        # above never jumps.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.message_label.setFixedHeight(MESSAGE_LINES * self.fontMetrics().lineSpacing() + 4)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel()
        self.toolbar = QToolBar("考勤", self)
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

    def set_month(self, year: int, month: int) -> None:
        self.bar.set_month(year, month)

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
        color = HINT_COLOR if not text else (OK_COLOR if ok else ERROR_COLOR)
        lines = (text or KEY_HINT).split("\n")
        shown = lines[:MESSAGE_LINES]
        if len(lines) > MESSAGE_LINES:
            shown[-1] = f"{lines[MESSAGE_LINES - 1]}　……共{len(lines) - 1}处，鼠标停在这里可看全部"
        self.message_label.setStyleSheet(f"color: {color}")
        self.message_label.setText("\n".join(shown))
        self.message_label.setToolTip(text if len(lines) > MESSAGE_LINES else "")

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
        """Write the PDF to a temporary folder, preview it (print, save as), remove it when the preview
        closes."""
        folder = Path(tempfile.mkdtemp(prefix="zhucun-print-"))
        pdf = folder / name
        _busy()
        try:
            write(pdf)
        except Exception as exc:  # noqa: BLE001
            _done()
            shutil.rmtree(folder, ignore_errors=True)
            self.say(f"无法生成{title}：{service_message(exc)}")
            return
        _done()
        dialog = PdfPreviewDialog(pdf, self, title=title, suggested_name=name)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
            shutil.rmtree(folder, ignore_errors=True)  # Windows may still hold it: the system cleans temp

    def export_excel(self, path: str | Path | None = None) -> None:
        township, year, month = self._month_args()
        if path is None:
            start = str(Path.home() / self._file_name("xlsx"))
            path, _ = QFileDialog.getSaveFileName(self, "导出Excel", start, "Excel 文件 (*.xlsx)")
            if not path:
                return
        target = Path(path if str(path).lower().endswith(".xlsx") else f"{path}.xlsx")
        _busy()
        try:
            export_attendance_xlsx(self.ws, target, year, month, township)
        except PermissionError:
            _done()
            self.say(f"无法写入“{target.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后再导出。")
            return
        except Exception as exc:  # noqa: BLE001
            _done()
            self.say(f"没有导出：{service_message(exc)}")
            return
        _done()
        self.say(f"已导出到 {target}", True)

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


class AttendanceImportDialog(QDialog):
    """从Excel导入: a dry run lists every problem as ``第N行 第M日：原因``; 导入 only when there is none."""

    def __init__(self, ws: Workspace, township_uuid: str, year: int, month: int, path: str | Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.township_uuid, self.year, self.month = ws, township_uuid, year, month
        self.path = Path(path)
        self.applied = False
        self.report: AttendanceImportReport | None = None
        self.setWindowTitle("从Excel导入考勤表")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        self.import_button, self.cancel_button = QPushButton("导入"), QPushButton("取消")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        file_label = QLabel(f"文件：{self.path.name}　　导入到：{year}年{month}月考勤表")
        file_label.setToolTip(str(self.path))
        layout.addWidget(file_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel("问题清单（改正 Excel 文件后重新导入）："))
        layout.addWidget(self.problem_list, 1)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(760, 460)
        self._check(dry_run=True)

    def _check(self, *, dry_run: bool) -> None:
        _busy()
        try:
            report = import_attendance_xlsx(self.ws, self.township_uuid, self.year, self.month, self.path,
                                            dry_run=dry_run)
        except Exception as exc:  # noqa: BLE001 - told in Chinese; the service writes all or nothing
            _done()
            report = AttendanceImportReport(file=self.path.name, errors=[service_message(exc)])
        else:
            _done()
        self.show_report(report)

    def show_report(self, report: AttendanceImportReport) -> None:
        self.report = report
        if report.errors:
            verdict, color = f"有 {len(report.errors)} 处问题，没有导入任何内容。", ERROR_COLOR
        elif report.applied:
            verdict, color = "导入完成。", OK_COLOR
        elif report.changed:
            verdict, color = f"检查通过：将修改 {report.changed} 格，可以导入。", OK_COLOR
        else:
            verdict, color = "文件与系统中的登记一致，没有需要导入的内容。", HINT_COLOR
        self.summary_label.setText(f"{html.escape(report.summary())}。<br>"
                                   f'<span style="color:{color}">{html.escape(verdict)}</span>')
        self.problem_list.clear()
        lines = [(e, ERROR_COLOR) for e in report.errors]
        lines += [(f"提醒：{w}", WARNING_COLOR) for w in report.warnings]
        lines += [(f"文件中没有：{name}（未改动）", HINT_COLOR) for name in report.not_in_file]
        for text, line_color in lines:
            item = QListWidgetItem(text)
            item.setForeground(QColor(line_color))
            self.problem_list.addItem(item)
        ready = report.ok and report.changed > 0 and not report.applied
        self.import_button.setEnabled(ready)
        self.import_button.setDefault(ready)
        self.cancel_button.setText("取消" if ready else "关闭")

    def apply(self) -> None:
        self._check(dry_run=False)
        if self.report is not None and self.report.applied:
            self.applied = True
            self.accept()


class PlacardDialog(QDialog):
    """挂牌公示: which village (or all of the township's) and which day's whereabouts."""

    def __init__(self, villages: list[org.VillageView], on: date, parent: QWidget | None = None, *,
                 village_uuid: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("挂牌公示")
        self.village_combo = QComboBox()
        self.village_combo.addItem("本乡镇全部村", None)
        for v in villages:
            self.village_combo.addItem(v.name, v.uuid)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(village_uuid), 0))
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        form = QFormLayout()
        form.addRow("村", self.village_combo)
        form.addRow("去向日期", self.date_edit)
        hint = QLabel("公示牌列出每位驻村干部的姓名、职务、联系电话和当天去向（取自当天的考勤登记）。")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {HINT_COLOR}")
        ok, cancel = QPushButton("生成公示牌"), QPushButton("取消")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def choice(self) -> tuple[str | None, date]:
        d = self.date_edit.date()
        return self.village_combo.currentData(), date(d.year(), d.month(), d.day())
