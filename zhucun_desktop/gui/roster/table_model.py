"""The roster table (花名册) as a Qt model: one row per posting, filled from one `list_roster` call.

Texts, sort keys and the search haystack are computed once per row when the data arrives, so 10,000 rows sort and
filter without touching the database again (Vorta's archive table model is the example).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...services.roster import STATUS_IN_POST, RosterEntry
from ..table_model import SearchProxyModel, search_key

COL_NAME = 0
COL_SEX = 1
COL_BIRTH = 2
COL_POLITICAL = 3
COL_UNIT = 4
COL_POSITION = 5
COL_ROLE = 6
COL_VILLAGE = 7
COL_TOWNSHIP = 8
COL_TERM = 9
COL_BATCH = 10
COL_PHONE = 11
COL_STATUS = 12

HEADERS = ("姓名", "性别", "出生年月", "政治面貌", "派出单位", "职务职级", "驻村角色", "所驻村", "所属乡镇",
           "驻村起止时间", "批次", "联系电话", "状态")
# The widest usual content of each column, for widths that need no pass over 10,000 rows.
SAMPLES = ("欧阳某某", "男", "0000.00", "中共预备党员", "县农业农村局", "四级主任科员", "驻村第一书记（队长）",
           "大坪村", "东风镇", "0000.00—0000.00", "第十批", "00000000000", "未到岗")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
RANGE_DASH = "—"  # as printed on the PDF roster: 2024.03—2026.03
LEADER_MARK = "（队长）"
MUTED = QBrush(QColor("#7a828c"))


def month_text(d: date | None) -> str:
    """出生年月 and 驻村起止时间 as the printed roster shows them: 1985.03."""
    return f"{d.year}.{d.month:02d}" if d else ""


def role_text(e: RosterEntry) -> str:
    if not e.role:
        return ""
    return e.role + (LEADER_MARK if e.is_leader else "")


def term_text(e: RosterEntry) -> str:
    if e.start_date is None:
        return ""
    return f"{month_text(e.start_date)}{RANGE_DASH}{month_text(e.end_date or e.term_end_date)}"


def _texts(e: RosterEntry) -> tuple[str, ...]:
    return (e.name, e.sex or "", month_text(e.birth_date), e.political_status or "", e.unit_name or "",
            e.position or "", role_text(e), e.village_name or "", e.township_name or "", term_text(e),
            e.batch or "", e.phone or "", e.status)


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _sort_keys(e: RosterEntry, texts: tuple[str, ...]) -> tuple[Any, ...]:
    """Dates sort as ISO text (empty first); everything else by its text. One type per column."""
    keys: list[Any] = list(texts)
    keys[COL_BIRTH] = _iso(e.birth_date)
    keys[COL_TERM] = _iso(e.start_date)
    return tuple(keys)


class RosterTableModel(QAbstractTableModel):
    """Read-only: editing happens in the person dialog, which then refreshes the page."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[RosterEntry] = []
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[Any, ...]] = []
        self._haystacks: list[str] = []

    # -- data in --------------------------------------------------------------------------------------------
    def set_entries(self, entries: Sequence[RosterEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._texts = [_texts(e) for e in self._entries]
        self._keys = [_sort_keys(e, t) for e, t in zip(self._entries, self._texts, strict=True)]
        # The same five fields the service searches (list_roster's text filter), so export matches the screen.
        self._haystacks = [search_key("\n".join((e.name, e.id_number, e.phone or "", e.unit_name or "",
                                                  e.village_name or ""))) for e in self._entries]
        self.endResetModel()

    def entry(self, row: int) -> RosterEntry:
        return self._entries[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def entries(self) -> list[RosterEntry]:
        return list(self._entries)

    # -- QAbstractTableModel --------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._texts[row][col]
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if col in (COL_UNIT, COL_POSITION) and text else None
            return text
        if role == SORT_ROLE:
            return self._keys[row][col]
        if role == ENTRY_ROLE:
            return self._entries[row]
        if role == Qt.ItemDataRole.ForegroundRole and self._entries[row].status != STATUS_IN_POST:
            return MUTED
        return None


class RosterProxyModel(SearchProxyModel):
    """Sorts by `SORT_ROLE` and filters by the search box without asking the database again."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(False)

    def haystack(self, source_row: int) -> str:
        model = self.sourceModel()
        assert isinstance(model, RosterTableModel)
        return model.haystack(source_row)

    def entry(self, proxy_row: int) -> RosterEntry:
        model = self.sourceModel()
        assert isinstance(model, RosterTableModel)
        return model.entry(self.mapToSource(self.index(proxy_row, 0)).row())

    def person_count(self) -> int:
        """共 N 人: a person listed twice (全部, with an old and a new posting) counts once."""
        model = self.sourceModel()
        assert isinstance(model, RosterTableModel)
        return len({model.entry(self.mapToSource(self.index(r, 0)).row()).person_uuid
                    for r in range(self.rowCount())})
