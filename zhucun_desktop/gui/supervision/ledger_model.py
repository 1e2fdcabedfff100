"""The 负面清单及整改台账 table (§13): one row per problem, in the paper ledger's column order
(``domain.supervision.LEDGER_COLUMNS``) with 所属乡镇 for the county and 当前状态 at the end.

An overdue row (待整改 or 整改中 after its 整改时限) is red throughout; the state column is coloured by state.
The search box filters rows already loaded (责任主体, 问题描述, 责任人, 问题来源).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain import supervision as sv
from ...services.ledger import LedgerView
from ..table_model import SORT_ROLE, RowsTableModel, SearchProxyModel, search_key
from .common import OVERDUE_COLOR, STATE_COLORS, day_text

HEADERS = (*sv.LEDGER_COLUMNS, "所属乡镇", "当前状态")
(COL_NO, COL_SOURCE, COL_FOUND, COL_SUBJECT, COL_DESCRIPTION, COL_MEASURES, COL_DEADLINE, COL_RESPONSIBLE,
 COL_PROGRESS, COL_COMPLETED, COL_VERIFICATION, COL_CIRCULATED, COL_TOWNSHIP, COL_STATE) = range(len(HEADERS))
# The widest usual content of each column (sized from these, not from every row).
SAMPLES = ("序号", "县委组织部抽查（实地检查）", "2026-10-14", "王建国（驻村干部）", "驻村工作日志记录不全，与考勤不一致",
           "逐日补记工作日志", "2026-10-31", "王建国", "2026-10-16 已约谈本人", "2026-10-20",
           "核查通过（2026-10-22 周明）", "是否通报", "东风镇", "已整改待核查（逾期）")
OVERDUE = QColor(OVERDUE_COLOR)


def subject_text(v: LedgerView) -> str:
    return f"{v.subject_name}（{v.subject_kind}）" if v.subject_name else v.subject_kind


def last_progress(v: LedgerView) -> str:
    lines = [line for line in v.progress.split("\n") if line.strip()]
    return lines[-1] if lines else ""


def state_text(v: LedgerView) -> str:
    return f"{v.state}（逾期）" if v.overdue else v.state


class LedgerTableModel(RowsTableModel[LedgerView]):
    HEADERS = HEADERS
    NUMERIC = frozenset({COL_NO})

    def text(self, row: LedgerView, column: int) -> str:
        values = {
            COL_NO: lambda: "",  # the row's number, filled in data() from its position
            COL_SOURCE: lambda: row.source,
            COL_FOUND: lambda: day_text(row.found_on),
            COL_SUBJECT: lambda: subject_text(row),
            COL_DESCRIPTION: lambda: row.description,
            COL_MEASURES: lambda: row.measures,
            COL_DEADLINE: lambda: day_text(row.deadline),
            COL_RESPONSIBLE: lambda: row.responsible,
            COL_PROGRESS: lambda: last_progress(row),
            COL_COMPLETED: lambda: day_text(row.completed_on),
            COL_VERIFICATION: lambda: row.verification_text,
            COL_CIRCULATED: lambda: "是" if row.circulated else "否",
            COL_TOWNSHIP: lambda: row.township_name,
            COL_STATE: lambda: state_text(row),
        }
        return values[column]()

    def sort_value(self, row: LedgerView, column: int) -> Any:
        if column in (COL_FOUND, COL_DEADLINE, COL_COMPLETED):
            value = {COL_FOUND: row.found_on, COL_DEADLINE: row.deadline, COL_COMPLETED: row.completed_on}[column]
            return value.isoformat() if value else ""
        return self.text(row, column)

    def tooltip(self, row: LedgerView, column: int) -> str | None:
        if column == COL_PROGRESS:
            return row.progress or None
        if column in (COL_DESCRIPTION, COL_MEASURES):
            return self.text(row, column) or None
        if column == COL_STATE and row.overdue:
            return f"已超过整改时限（{day_text(row.deadline)}）仍未整改完成"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == COL_NO and role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return str(index.row() + 1) if role == Qt.ItemDataRole.DisplayRole else index.row()
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row.overdue:
                return QBrush(OVERDUE)
            if index.column() == COL_STATE:
                return QBrush(QColor(STATE_COLORS.get(row.state, "#000000")))
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole and self.row_at(index.row()).overdue:
            return QBrush(QColor("#fbe9e7"))
        if index.isValid() and role == Qt.ItemDataRole.FontRole and index.column() == COL_STATE:
            bold = QFont()
            bold.setBold(True)
            return bold
        return super().data(index, role)


class LedgerProxyModel(SearchProxyModel):
    """Sorts by raw values and keeps the rows whose subject, description, responsible or source match."""

    def haystack(self, source_row: int) -> str:
        row: LedgerView = self.sourceModel().row_at(source_row)
        return search_key(f"{row.subject_name}\n{row.description}\n{row.responsible}\n{row.source}\n"
                          f"{row.township_name}")
