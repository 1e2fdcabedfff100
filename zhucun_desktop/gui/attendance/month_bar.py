"""The attendance page's top bar: township, month, filters, state badge and due date."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
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
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, WARNING_COLOR

STATE_COLORS = {STATE_OPEN: "#6b7078", STATE_READY: "#d9822b", STATE_SEALED: "#2e7d32",
                STATE_SUBMITTED: "#1565c0"}
HASH_SHOWN = 12
ALL_VILLAGES, ALL_ROLES = "全部村", "全部身份"
FIRST_YEAR = 2015


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

    def set_month(self, year: int, month: int, township_uuid: str | None = None) -> None:
        """Show ``year``-``month`` (and ``township_uuid``'s table, when given): one ``changed``, one reload."""
        quiet, self._quiet = self._quiet, True
        try:
            if township_uuid is not None and township_uuid != self.township_uuid():
                self.township_combo.setCurrentIndex(max(self.township_combo.findData(township_uuid), 0))
                self._reload_villages()
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
