"""The audit log as a Qt model that fetches 500 rows at a time as the clerk scrolls (Qt's fetchMore protocol).

A county database may hold 100,000 audit rows; the view asks for more only when it reaches the end, and every
batch is a keyset query, so the first screen appears at once and scrolling stays even.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...services import audit_view
from ...services.audit_view import AuditFilter, AuditRow
from ...services.workspace import SYSTEM, Workspace
from ..labels import datetime_text, field_label, table_label

_Index = QModelIndex | QPersistentModelIndex


def summary_text(row: AuditRow) -> str:
    """摘要: the stored summary if the change has one, else what was done to which record."""
    if row.summary:
        return row.summary
    parts = []
    if row.action != row.verb:
        parts.append(row.action)
    if row.subject:
        parts.append(row.subject)
    text = "：".join(parts)
    if row.changed:
        fields = "、".join(field_label(row.table_name, k) for k in row.changed[:4])
        more = "等" if len(row.changed) > 4 else ""
        text += f"（改了{fields}{more}）"
    return text


def actor_text(username: str, display_name: str) -> str:
    """李管理（admin）; the program itself is just 系统."""
    if username == SYSTEM.username or display_name == username:
        return display_name
    return f"{display_name}（{username}）"


class AuditModel(QAbstractTableModel):
    COL_TIME = 0
    COL_ACTOR = 1
    COL_VERB = 2
    COL_TABLE = 3
    COL_SUMMARY = 4
    HEADERS = ("时间", "操作人", "操作", "表", "摘要")

    def __init__(self, ws: Workspace, parent=None, batch: int = audit_view.BATCH) -> None:
        super().__init__(parent)
        self.ws = ws
        self.batch = batch
        self.filter = AuditFilter()
        self._rows: list[AuditRow] = []
        self._exhausted = True
        self.total = 0

    def set_filter(self, flt: AuditFilter) -> None:
        """Start again from the newest row that passes ``flt``."""
        self.beginResetModel()
        self.filter = flt
        self._rows = audit_view.list_entries(self.ws, flt, limit=self.batch)
        self._exhausted = len(self._rows) < self.batch
        self.total = audit_view.count_entries(self.ws, flt)
        self.endResetModel()

    def row_at(self, index: int) -> AuditRow:
        return self._rows[index]

    # -- incremental loading ------------------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid() or self._exhausted or not self._rows:
            return
        more = audit_view.list_entries(self.ws, self.filter, before_id=self._rows[-1].id, limit=self.batch)
        self._exhausted = len(more) < self.batch
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- table --------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def text(self, row: AuditRow, column: int) -> str:
        if column == self.COL_TIME:
            return datetime_text(row.at)
        if column == self.COL_ACTOR:
            return actor_text(row.actor, row.actor_name)
        if column == self.COL_VERB:
            return row.verb
        if column == self.COL_TABLE:
            return table_label(row.table_name)
        return summary_text(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(self._rows[index.row()], index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
