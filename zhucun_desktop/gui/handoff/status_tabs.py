"""What each side knows after the hand-off.

报送情况 (a township): its months with their state and 已送达 / 未送达, its leave requests with what the county
bodies decided (§7, §8). 汇总 (the county): per township for one month, the table sealed / received / overdue,
leave waiting for county signatures, ledger rows open or overdue (§13, §14), the last package; overdue in red.
Double-clicking a township opens its month's attendance table, read-only.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...handoff.status import county_overview, received_status
from ...services.attendance import month_grid
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ...storage.errors import StorageError
from ..attendance.grid_model import AttendanceGridModel
from ..attendance.grid_view import AttendanceGridView
from ..labels import utc_datetime_text
from ..roster.feedback import service_message
from ..table_model import fit_columns, make_table_view
from .common import BANNER_STYLES, Banner
from .models import LeaveStatusModel, MonthStatusModel, OverviewModel

FIRST_YEAR = 2015


class ReceivedTab(QWidget):
    """报送情况 (township site)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.summary = Banner()
        self.month_model = MonthStatusModel(parent=self)
        self.month_view = make_table_view(self.month_model)
        self.leave_model = LeaveStatusModel(parent=self)
        self.leave_view = make_table_view(self.leave_model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("考勤表（§7：次月第5个工作日前报送县委组织部）"))
        layout.addWidget(self.month_view, 2)
        layout.addWidget(QLabel("请假（§8：3天以上须县级审批）"))
        layout.addWidget(self.leave_view, 3)

    def refresh(self) -> None:
        try:
            status = received_status(self.ws)
        except (ServiceError, StorageError) as exc:
            self.summary.say(service_message(exc), "error")
            return
        self.month_model.set_rows(status.months)
        self.leave_model.set_rows(status.leaves)
        fit_columns(self.month_view)
        fit_columns(self.leave_view)
        if status.last_acknowledged_sequence is None:
            self.summary.say("县委组织部还没有回执：导出数据包交给县委组织部导入，县里下次发回的数据包会带回回执。",
                             "warning")
        else:
            self.summary.say(f"县委组织部已确认收到第{status.last_acknowledged_sequence}号数据包"
                             f"（含{utc_datetime_text(status.acknowledged_until)}以前的全部变动）。"
                             "此后修改的记录显示为“未送达”，请再导出数据包。", "ok")


class ReadOnlyGridModel(AttendanceGridModel):
    """A township's month as the county sees it in 汇总: nothing can be typed into it."""

    def read_only_reason(self) -> str | None:
        if self.grid is None:
            return "没有这个月的考勤表。"
        return "汇总中只能查看；考勤由乡镇登记，随数据包报送。"


class TownshipMonthDialog(QDialog):
    """The drill-down: one township's attendance table for the month, read-only."""

    def __init__(self, ws: Workspace, township_uuid: str, township: str, year: int, month: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{township}{year}年{month}月考勤表（只读）")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.grid = month_grid(ws, township_uuid, year, month)
        self.model = ReadOnlyGridModel(ws, self.grid, read_only=True, parent=self)
        self.view = AttendanceGridView(self)
        self.view.setModel(self.model)
        state = self.grid.state + (f"，校验码 {self.grid.content_hash[:12]}" if self.grid.content_hash else "")
        self.info = QLabel(f"{township}　{year}年{month}月　状态：{state}　共{len(self.grid.rows)}人")
        self.info.setStyleSheet("QLabel { font-weight: bold; }")
        self.message = QLabel("只读：汇总中只能查看，不能修改。")
        self.message.setStyleSheet(BANNER_STYLES["hint"])
        self.view.message.connect(lambda text, _ok: self.message.setText(text or "只读：汇总中只能查看，不能修改。"))
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(1200, 640)


class OverviewTab(QWidget):
    """汇总 (county site): ``OverviewTab(ws, today=...)``."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today
        start = today or date.today()
        last = date(start.year - 1, 12, 1) if start.month == 1 else date(start.year, start.month - 1, 1)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, start.year + 1)
        self.year_spin.setSuffix(" 年")
        self.year_spin.setValue(last.year)
        self.month_combo = QComboBox()
        for m in range(1, 13):
            self.month_combo.addItem(f"{m}月", m)
        self.month_combo.setCurrentIndex(last.month - 1)
        self.model = OverviewModel(parent=self)
        self.view = make_table_view(self.model)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setToolTip("双击一个乡镇，查看它这个月的考勤表（只读）")
        self.view.doubleClicked.connect(self.open_township)
        self.message = Banner()
        self.dialog: TownshipMonthDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(QLabel("月份："))
        bar.addWidget(self.year_spin)
        bar.addWidget(self.month_combo)
        hint = QLabel("红色：逾期或待处理。双击乡镇查看该月考勤表（只读）。")
        hint.setStyleSheet(BANNER_STYLES["hint"])
        bar.addWidget(hint)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def period(self) -> tuple[int, int]:
        return self.year_spin.value(), self.month_combo.currentData()

    def set_period(self, year: int, month: int) -> None:
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(year)
        self.year_spin.blockSignals(False)
        self.month_combo.setCurrentIndex(month - 1)
        self.refresh()

    def refresh(self) -> None:
        year, month = self.period()
        try:
            rows = county_overview(self.ws, year, month, today=self.today)
        except (ServiceError, StorageError) as exc:
            self.message.say(service_message(exc), "error")
            return
        self.model.set_rows(rows)
        fit_columns(self.view)
        late = [r.township for r in rows if r.overdue]
        received = sum(1 for r in rows if r.received)
        text = f"{year}年{month}月：{len(rows)}个乡镇，已收到考勤表{received}个"
        if late:
            self.message.say(text + "；逾期未报送：" + "、".join(late) + "。", "warning")
        else:
            self.message.say(text + "。", "hint")

    def open_township(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        year, month = self.period()
        try:
            self.dialog = TownshipMonthDialog(self.ws, row.township_uuid, row.township, year, month, self)
        except (ServiceError, StorageError) as exc:
            self.message.say(service_message(exc), "error")
            return
        self.dialog.open()
