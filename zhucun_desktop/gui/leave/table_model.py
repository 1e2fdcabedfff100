"""The table of leave requests (请假): one row per request, filled from one ``list_requests`` call.

逾期未销假 is red (§8: overstaying is absenteeism); a pending request shows the body whose signature it waits for,
e.g. ``审批中（第2步）：乡镇党委``. The name search filters rows already loaded.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.leave_rules import STATE_DRAFT, STATE_OVERDUE, STATE_REFUSED, STATE_WITHDRAWN, is_pending
from ..table_model import RowsTableModel, SearchProxyModel, search_key

COL_NAME, COL_TOWNSHIP, COL_VILLAGE, COL_ROLE, COL_KIND, COL_DATES, COL_DAYS, COL_STATE = range(8)
HEADERS = ("姓名", "所属乡镇", "所驻村", "驻村身份", "类别", "起止日期", "天数", "当前状态")
# The widest usual content of each column (the page sizes columns from these, not from 1,000 rows).
SAMPLES = ("欧阳某某", "东风镇", "大坪村", "驻村第一书记", "出差出访", "2026-11-28—12-02", "天数",
           "审批中（第2步）：县乡村振兴局")

OVERDUE = QColor("#b3261e")
MUTED = QColor("#7a828c")
PENDING = QColor("#8a5a00")
DASH = "—"


def dates_text(start: date, end: date) -> str:
    """``2026-11-05—11-07``; the end's year only when it differs."""
    return f"{start:%Y-%m-%d}{DASH}{end:%m-%d}" if end.year == start.year else f"{start:%Y-%m-%d}{DASH}{end:%Y-%m-%d}"


def state_text(state: str, next_body: str | None) -> str:
    """``审批中（第2步）：乡镇党委`` for a pending request; the state itself otherwise."""
    return f"{state}：{next_body}" if is_pending(state) and next_body else state


class LeaveTableModel(RowsTableModel[Any]):
    HEADERS = HEADERS
    NUMERIC = frozenset({COL_DAYS})

    def text(self, row: Any, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_TOWNSHIP:
            return row.township or ""
        if column == COL_VILLAGE:
            return row.village or ""
        if column == COL_ROLE:
            return row.role or ""
        if column == COL_KIND:
            return row.kind
        if column == COL_DATES:
            return dates_text(row.start, row.end)
        if column == COL_DAYS:
            return str(row.days)
        return state_text(row.state, row.next_body)

    def sort_value(self, row: Any, column: int) -> Any:
        if column == COL_DATES:
            return row.start.isoformat()
        if column == COL_DAYS:
            return row.days
        return self.text(row, column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            state = self.row_at(index.row()).state
            if state == STATE_OVERDUE:
                return QBrush(OVERDUE)
            if index.column() == COL_STATE and is_pending(state):
                return QBrush(PENDING)
            if state in (STATE_WITHDRAWN, STATE_REFUSED, STATE_DRAFT):
                return QBrush(MUTED)
        if (index.isValid() and role == Qt.ItemDataRole.FontRole and index.column() == COL_STATE
                and self.row_at(index.row()).state == STATE_OVERDUE):
            bold = QFont()
            bold.setBold(True)
            return bold
        return super().data(index, role)

    def row_of(self, request_uuid: str) -> int:
        for number, row in enumerate(self._rows):
            if row.uuid == request_uuid:
                return number
        return -1


class LeaveProxyModel(SearchProxyModel):
    """Sorts by the raw values and keeps the rows whose 姓名 or 所驻村 contains the search text."""

    def haystack(self, source_row: int) -> str:
        row = self.sourceModel().row_at(source_row)
        return search_key(f"{row.name}\n{row.village or ''}")
