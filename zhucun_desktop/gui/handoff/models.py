"""Table models of the 数据交换 page, over the hand-off core's plain results (Vorta style, no database access)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...domain import terms
from ...handoff.conflicts import ConflictView
from ...handoff.merge import Rejection, TablePlan
from ...handoff.sites import PeerView
from ...handoff.status import ReceivedLeave, ReceivedMonth, TownshipOverview
from ...handoff.tables import label
from ..labels import date_text, utc_datetime_text
from ..roster.feedback import ERROR_COLOR, OK_COLOR
from ..table_model import RowsTableModel
from .common import sequence_text

# Fields that say which record a row is, in the order a reviewer recognises it.
RECORD_FIELDS = ("name", "title", "day", "month", "start_date", "kind", "code", "step_no", "body")
UUID_SHOWN = 8


def record_text(incoming: dict[str, Any], record_uuid: str) -> str:
    """"2026-10-06 √ · 编号 3f2a1b9c": the few values that identify a kept-aside row, then its short number."""
    values = [str(incoming[k]) for k in RECORD_FIELDS if incoming.get(k) not in (None, "")][:3]
    short = f"编号 {record_uuid[:UUID_SHOWN]}" if record_uuid else ""
    return " · ".join([*values, short]) if values else short


class PlanModel(RowsTableModel[TablePlan]):
    """预览: one line per database table with 新增 / 更新 / 未变 / 拒绝."""

    HEADERS = ("数据表", "新增", "更新", "未变", "拒绝")
    NUMERIC = frozenset({1, 2, 3, 4})
    KEYS = ("new", "updated", "unchanged", "rejected")

    def text(self, row: TablePlan, column: int) -> str:
        return row.label if column == 0 else str(row.counts()[self.KEYS[column - 1]])

    def sort_value(self, row: TablePlan, column: int) -> Any:
        return row.label if column == 0 else row.counts()[self.KEYS[column - 1]]

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 4 \
                and self.row_at(index.row()).rejected:
            return QBrush(QColor(ERROR_COLOR))
        return super().data(index, role)


class RejectionModel(RowsTableModel[Rejection]):
    """拒绝: the rows that will be kept aside as conflicts, each with its reason."""

    HEADERS = ("数据表", "记录", "原因")

    def text(self, row: Rejection, column: int) -> str:
        if column == 0:
            return label(row.table)
        if column == 1:
            return record_text(row.incoming, row.record_uuid)
        return row.reason

    def tooltip(self, row: Rejection, column: int) -> str | None:
        return row.reason if column == 2 else None


class ConflictModel(RowsTableModel[ConflictView]):
    HEADERS = ("数据表", "记录", "原因", "数据包", "时间", "状态")

    def text(self, row: ConflictView, column: int) -> str:
        if column == 0:
            return row.table_label
        if column == 1:
            return record_text(row.incoming, row.record_uuid)
        if column == 2:
            return row.reason
        if column == 3:
            number = f"第{row.sequence}号" if row.sequence is not None else ""
            return f"{row.source_name}{number}"
        if column == 4:
            return utc_datetime_text(row.at)
        return "已处理" if row.resolved else "待处理"

    def tooltip(self, row: ConflictView, column: int) -> str | None:
        return row.reason if column == 2 else None


class PeerModel(RowsTableModel[PeerView]):
    HEADERS = ("单位", "类型", "上次发出", "上次收到")

    def text(self, row: PeerView, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return "县委组织部" if row.kind == terms.SITE_KIND_COUNTY else "乡镇"
        if column == 2:
            return sequence_text(row.last_out_sequence, row.last_out_at)
        return sequence_text(row.last_in_sequence, row.last_in_at)


def _received(received: bool) -> str:
    return "已送达" if received else "未送达"


class MonthStatusModel(RowsTableModel[ReceivedMonth]):
    """报送情况: the township's months, their state, and whether the county has them."""

    HEADERS = ("月份", "考勤表状态", "县委组织部")

    def text(self, row: ReceivedMonth, column: int) -> str:
        if column == 0:
            year, month = row.month.split("-")
            return f"{year}年{int(month)}月"
        return row.state if column == 1 else _received(row.received)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 2:
            return QBrush(QColor(OK_COLOR if self.row_at(index.row()).received else ERROR_COLOR))
        return super().data(index, role)


class LeaveStatusModel(RowsTableModel[ReceivedLeave]):
    """报送情况: each leave request, whether the county has it and what county bodies decided (§8)."""

    HEADERS = ("姓名", "请假类别", "起止日期", "状态", "县委组织部", "县级审批")

    def text(self, row: ReceivedLeave, column: int) -> str:
        if column == 0:
            return row.person_name
        if column == 1:
            return row.kind
        if column == 2:
            return f"{date_text(row.start_date)}至{date_text(row.end_date)}"
        if column == 3:
            return row.state
        if column == 4:
            return _received(row.received)
        steps = [f"{st.body}{st.decision}（{date_text(st.decided_on)}）" for st in row.county_steps]
        return "；".join(steps) or "尚无"

    def tooltip(self, row: ReceivedLeave, column: int) -> str | None:
        return self.text(row, column) if column == 5 else None

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 4:
            return QBrush(QColor(OK_COLOR if self.row_at(index.row()).received else ERROR_COLOR))
        return super().data(index, role)


class OverviewModel(RowsTableModel[TownshipOverview]):
    """汇总: one line per township for the month (§7 考勤表, §8 请假, §13–14 台账, the last package)."""

    HEADERS = ("乡镇", "考勤表状态", "已封存", "已收到", "报送期限", "逾期", "待县级审批请假", "台账未完成",
               "台账逾期", "最近数据包", "待处理冲突")
    NUMERIC = frozenset({6, 7, 8, 10})

    def text(self, row: TownshipOverview, column: int) -> str:
        values = (
            row.township, row.state, "是" if row.sealed else "否", "是" if row.received else "否",
            date_text(row.due), "逾期" if row.overdue else "", str(row.leave_waiting_county), str(row.ledger_open),
            str(row.ledger_overdue), sequence_text(row.last_sequence, row.last_package_at), str(row.open_conflicts),
        )
        return values[column]

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            row, column = self.row_at(index.row()), index.column()
            late = (row.overdue and column in (0, 1, 4, 5)) or (row.ledger_overdue and column == 8) or \
                (row.open_conflicts and column == 10)
            if late and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ERROR_COLOR))
            if late and role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor("#fdecea"))
            if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.received:
                return QBrush(QColor(OK_COLOR))
        return super().data(index, role)
