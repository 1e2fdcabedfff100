"""请销假 on the home page (§8): who is away today, who has not come back (逾期未销假, counted as 旷工), what
waits for a signature, and sealed months that leave would change.

A compact box; the 请销假 page holds the whole register. The overdue state is worked out from the records each
time (services/leave_queries), so the panel is right even before the day's sweep has written the 旷 days.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ...domain.leave_rules import STATE_ON_LEAVE, STATE_OVERDUE, is_pending
from ...services import leave_queries
from ...services.leave_facts import is_county_body
from ...services.leave_sync import months_needing_reopen
from ...services.workspace import Workspace

RED = "#c62828"
MAX_NAMES = 8


def _names(rows: list[leave_queries.LeaveRow], county: bool) -> str:
    shown = [f"{r.township}{r.village}{r.name}" if county else f"{r.village}{r.name}" for r in rows[:MAX_NAMES]]
    more = f"等{len(rows)}人" if len(rows) > MAX_NAMES else ""
    return "、".join(shown) + more


class LeaveSummaryPanel(QGroupBox):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__("请销假（§8）", parent)
        self.ws = ws
        self._today = today
        layout = QVBoxLayout(self)
        self.away_label = QLabel()
        self.overdue_label = QLabel()
        self.pending_label = QLabel()
        self.reopen_label = QLabel()
        for label in (self.away_label, self.overdue_label, self.pending_label, self.reopen_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.overdue_label.setStyleSheet(f"color: {RED};")
        self.reopen_label.setStyleSheet(f"color: {RED};")
        # Filled by refresh(), which the home page calls with its own.

    def refresh(self) -> None:
        today = self._today or date.today()
        county = self.ws.actor.is_county
        rows = leave_queries.list_requests(self.ws, today=today)
        away = [r for r in rows if r.state == STATE_ON_LEAVE]
        overdue = [r for r in rows if r.state == STATE_OVERDUE]
        pending = [r for r in rows if is_pending(r.state)]
        at_county = [r for r in pending if r.next_body and is_county_body(r.next_body)]

        self.away_label.setText(f"今日请假离村：{len(away)}人" + (f"（{_names(away, county)}）" if away else "。"))
        self.overdue_label.setVisible(bool(overdue))
        if overdue:
            lines = "；".join(
                f"{r.village}{r.name}（{r.end:%m月%d日}到期，已按旷工{r.overdue_days}天）" for r in overdue[:MAX_NAMES])
            self.overdue_label.setText(f"逾期未销假：{len(overdue)}人——{lines}。超过销假期限未销假的，按旷工处理。")
        waiting = f"审批中：{len(pending)}件"
        if at_county:
            waiting += f"，其中{len(at_county)}件等待县级审批"
        self.pending_label.setText(waiting + "。" if pending else "没有审批中的请假。")
        reopen = months_needing_reopen(self.ws, today=today)
        self.reopen_label.setVisible(bool(reopen))
        if reopen:
            self.reopen_label.setText(
                "已封存的考勤月份与请假不一致，需乡镇领导重开后更正："
                + "；".join(f"{township}{month[:4]}年{int(month[5:])}月（{why}）" for township, month, why in reopen))
