"""A read-only table model over a list of plain rows (service results), Vorta style.

A subclass names its columns with ``COL_*`` constants, lists ``HEADERS`` in that order and implements
``text(row, column)``; numbers are right-aligned by listing their columns in ``NUMERIC``. ``SORT_ROLE`` gives a
proxy model the raw value (a date sorts as a date, a number as a number).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..domain.text import normalize

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    HEADERS: tuple[str, ...] = ()
    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, rows: Sequence[Row] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = list(rows)

    # -- subclass interface -------------------------------------------------------------------------------
    def text(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: Row, column: int) -> Any:
        return self.text(row, column)

    def tooltip(self, row: Row, column: int) -> str | None:
        return None

    # -- data ---------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == SORT_ROLE:
            return self.sort_value(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def search_key(text: str) -> str:
    """The form a search text and the searched fields are compared in (full-width digits typed in an IME …)."""
    return normalize(text).replace(" ", "").casefold()


class SearchProxyModel(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps the rows whose ``haystack`` (already in ``search_key`` form) contains the
    search box's text, without asking the database again. A subclass says what is searched."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def haystack(self, source_row: int) -> str:
        raise NotImplementedError  # abstract: each table searches its own fields

    def set_search_text(self, text: str) -> None:
        needle = search_key(text)
        if needle != self._needle:
            self.beginFilterChange()  # invalidateFilter is deprecated in Qt 6.9
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def search_text(self) -> str:
        return self._needle

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return not self._needle or self._needle in self.haystack(source_row)

    def row_at(self, proxy_row: int) -> Any:
        return self.sourceModel().row_at(self.mapToSource(self.index(proxy_row, 0)).row())


def select_first(view: QTableView, model: Any, match: Callable[[Any], bool]) -> bool:
    """Select and scroll to the first row of ``model`` (a ``RowsTableModel`` or a proxy with ``row_at``) for
    which ``match(row)`` holds; False when there is none."""
    for r in range(model.rowCount()):
        if match(model.row_at(r)):
            view.selectRow(r)
            view.scrollTo(model.index(r, 0))
            return True
    return False


def make_table_view(model: QAbstractTableModel, parent=None) -> QTableView:
    """A read-only, row-selecting table as every page uses it: no row numbers, alternating row colours."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.setWordWrap(False)
    return view


def fit_columns(view: QTableView, padding: int = 24, minimum: int = 60) -> None:
    """Columns as wide as their content or header plus some air (computed from the rows present)."""
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        content = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        view.setColumnWidth(column, max(content + padding, minimum))


def fit_width(view: QTableView) -> None:  # call after fit_columns on a view without a stretched last column
    """A short table exactly as wide as its columns, so numbers stay next to their names."""
    width = sum(view.columnWidth(c) for c in range(view.model().columnCount()) if not view.isColumnHidden(c))
    view.setFixedWidth(width + 2 * view.frameWidth() + 2)


def fit_rows(view: QTableView, max_rows: int) -> None:
    """Size a short table to its rows (at most ``max_rows`` visible) so a page needs no empty grey space."""
    rows = min(max(view.model().rowCount(), 1), max_rows)
    height = view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)
