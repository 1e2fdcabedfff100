"""The leave page's filter row (乡镇 for county accounts, 月份, 状态, 姓名) and its 今日离村 strip.

The combos go to ``list_requests``; the name search filters the rows already loaded (no query per key press).
The strip answers the township's first question of the day: who of the teams is out of the county today, and
whose leave is over without a 销假 (逾期未销假, §8: treated as absenteeism).
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from ...domain.leave_rules import STATES
from ...services import org
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, HINT_COLOR

SEARCH_DELAY_MS = 200
MONTHS_BACK = 24
ALL_TOWNSHIPS, ALL_MONTHS, ALL_STATES = "全部乡镇", "全部月份", "全部状态"


def _wide(combo: QComboBox, chars: int) -> QComboBox:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(1)
    combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("汉" * chars) + 36)
    return combo


def recent_months(today: date, back: int = MONTHS_BACK) -> list[tuple[int, int]]:
    """Next month (a leave may be requested ahead), this month and ``back`` months before it, newest first."""
    index = today.year * 12 + today.month  # the month after today's, as year*12 + (month-1)
    return [divmod(i, 12) for i in range(index, index - back - 2, -1)]


class LeaveFilters(QObject):
    """Emits ``changed`` when a database filter changes, ``search_changed`` (debounced) for the name."""

    changed = Signal()
    search_changed = Signal(str)

    def __init__(self, ws: Workspace, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.widget = QWidget()
        self.township_combo = _wide(QComboBox(), 4)
        self.month_combo = _wide(QComboBox(), 6)
        self.month_combo.addItem(ALL_MONTHS, None)
        for year, month0 in recent_months(today):
            self.month_combo.addItem(f"{year}年{month0 + 1}月", f"{year}-{month0 + 1:02d}")
        self.state_combo = _wide(QComboBox(), 6)
        self.state_combo.addItem(ALL_STATES, None)
        for state in STATES:
            self.state_combo.addItem(state, state)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("姓名或村名")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().horizontalAdvance("汉" * 8) + 36)
        self.reset_button = QPushButton("重置")
        self.count_label = QLabel()
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(6, 2, 6, 2)
        self.township_label = QLabel("乡镇")
        for label, widget in ((self.township_label, self.township_combo), (QLabel("月份"), self.month_combo),
                              (QLabel("状态"), self.state_combo), (QLabel("姓名"), self.search_edit)):
            row.addWidget(label)
            row.addWidget(widget)
            row.addSpacing(8)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        county = ws.actor.is_county
        self.township_combo.setVisible(county)  # a township account sees its own township only
        self.township_label.setVisible(county)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.flush_search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.township_combo, self.month_combo, self.state_combo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.reset_button.clicked.connect(self.reset)

    def reload_choices(self) -> None:
        current = self.township_combo.currentData()
        self.township_combo.blockSignals(True)
        self.township_combo.clear()
        self.township_combo.addItem(ALL_TOWNSHIPS, None)
        for township in org.list_townships(self.ws):
            self.township_combo.addItem(township.name, township.uuid)
        self.township_combo.setCurrentIndex(max(self.township_combo.findData(current), 0) if current else 0)
        self.township_combo.blockSignals(False)

    def township_uuid(self) -> str | None:
        return self.ws.actor.township_uuid if not self.ws.actor.is_county else self.township_combo.currentData()

    def townships(self) -> list[tuple[str, str]]:
        """(uuid, name) of the townships the page shows: the chosen one, or all a county account sees."""
        if not self.ws.actor.is_county:
            uuid = self.ws.actor.township_uuid
            return [(uuid, "")] if uuid else []
        chosen = self.township_combo.currentData()
        return [(self.township_combo.itemData(i), self.township_combo.itemText(i))
                for i in range(1, self.township_combo.count())
                if chosen is None or self.township_combo.itemData(i) == chosen]

    def month(self) -> str | None:
        return self.month_combo.currentData()

    def set_month(self, year: int, month: int) -> None:
        self.month_combo.setCurrentIndex(max(self.month_combo.findData(f"{year}-{month:02d}"), 0))

    def state(self) -> str | None:
        return self.state_combo.currentData()

    def set_state(self, state: str | None) -> None:
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(state), 0) if state else 0)

    def flush_search(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.search_edit.text())

    def reset(self) -> None:
        for combo in (self.township_combo, self.month_combo, self.state_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.clear()
        self.flush_search()
        self.changed.emit()


def _due(row: Any) -> str:
    due = row.return_due
    return f"，销假期限{due.month}月{due.day}日" if due else ""


class AwayStrip(QLabel):
    """今日离村：names with village, kind and last day; then 逾期未销假 in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("QLabel { background:#f3f6f9; border:1px solid #d5dde5; padding:4px 6px; }")

    def show_away(self, today: date, away: list[Any], overdue: list[Any]) -> None:
        """``away`` from ``away_on`` (AwayRow), ``overdue`` from ``list_requests`` (LeaveRow); an overdue person
        is named once, among the overdue."""
        late_uuids = {o.uuid for o in overdue}
        away = [a for a in away if a.request_uuid not in late_uuids]
        head = f"<b>今日离村（{today.month}月{today.day}日）</b>："
        if away:
            people = "、".join(html.escape(f"{a.name}（{a.village}，{a.kind}，至{a.end.month}月{a.end.day}日）")
                               for a in away)
        else:
            people = f'<span style="color:{HINT_COLOR}">无人请假离村</span>'
        text = head + people
        if overdue:
            late = "、".join(html.escape(f"{o.name}（{o.village}，{o.kind}至{o.end.month}月{o.end.day}日{_due(o)}）")
                             for o in overdue)
            text += f'　<span style="color:{ERROR_COLOR}"><b>逾期未销假</b>：{late}</span>'
        self.setText(text)
        self.setToolTip(self.text() if len(away) + len(overdue) > 6 else "")
