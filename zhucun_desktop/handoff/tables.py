"""Which tables travel, in which order, how a row becomes JSON and back, and which rows concern a township.

Order: parents before children (``metadata.sorted_tables``), so a merge inserts persons before postings before
attendance and every foreign key finds its row. Row codec: dates and times as ISO text, JSON columns as JSON;
on the way in every value is checked against the column (type, length, not-null) and turned into the form SQLite
stores, so a bad row is named before anything is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer, String, Table, and_, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..storage.base import Base
from ..storage.models import (
    TRAVELLING_MODELS,
    AttendanceMonth,
    LeaveRequest,
    LedgerRow,
    Posting,
    SpotCheck,
    Village,
)

TRAVELLING_NAMES = frozenset(m.__table__.name for m in TRAVELLING_MODELS)
TABLE_ORDER: tuple[str, ...] = tuple(t.name for t in Base.metadata.sorted_tables if t.name in TRAVELLING_NAMES)
TABLES: dict[str, Table] = {t.name: t for t in Base.metadata.sorted_tables if t.name in TRAVELLING_NAMES}

# Chinese names for previews and conflict reasons (the words of the paper forms).
TABLE_LABELS: dict[str, str] = {
    "counties": "县", "townships": "乡镇", "villages": "村", "dispatch_units": "派出单位", "persons": "驻村干部",
    "teams": "工作队", "postings": "驻村岗位", "adjustments": "动态调整", "rule_sets": "规则", "calendar_days":
    "工作日历", "calendar_years": "日历年度", "attendance_codes": "考勤符号", "attendance_days": "考勤登记",
    "attendance_months": "月度考勤表", "month_seal_events": "封存记录", "leave_requests": "请假申请",
    "leave_steps": "请假审批", "leave_returns": "销假登记", "activities": "活动记录", "assessments": "考核",
    "incidents": "重大事项", "ledger_rows": "负面清单及整改台账", "ledger_verifications": "台账核查",
    "ledger_progress": "整改进展",
    "spot_checks": "抽查", "spot_check_results": "抽查结果", "inspections": "督查", "inspection_findings":
    "督查发现问题", "circulars": "通报", "attachments": "附件",
}
UNKNOWN_PARENT = {"persons": "未知人员", "postings": "未知驻村岗位", "townships": "未知乡镇", "villages": "未知村",
                  "leave_requests": "未知请假申请", "ledger_rows": "未知台账记录"}


def label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def travelling_foreign_keys(table: Table) -> list[tuple[str, str]]:
    """(column, referenced table) for every foreign key to another travelling table."""
    out = []
    for col in table.columns:
        for fk in col.foreign_keys:
            target = fk.column.table.name
            if target in TRAVELLING_NAMES:
                out.append((col.name, target))
    return out


# ------------------------------------------------------------------------------------------------ row codec


def encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


class BadValue(ValueError):
    pass


def _decoder(col: Column) -> Callable[[Any], Any]:
    """A function from the JSON value to SQLite's stored form, raising BadValue with a Chinese reason."""
    kind = col.type
    nullable = col.nullable and not col.primary_key

    def none_or(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def decode(v: Any) -> Any:
            if v is None:
                if nullable:
                    return None
                raise BadValue("不能为空")
            return fn(v)
        return decode

    if isinstance(kind, Boolean):
        def boolean(v: Any) -> int:
            if not isinstance(v, bool):
                raise BadValue("应为是/否")
            return int(v)
        return none_or(boolean)
    if isinstance(kind, DateTime):
        def stamp(v: Any) -> str:
            try:
                dt = datetime.fromisoformat(v)
            except (TypeError, ValueError):
                raise BadValue(f"时间“{v}”格式不对") from None
            if dt.tzinfo is not None:
                dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
            return dt.strftime("%Y-%m-%d %H:%M:%S.%f")
        return none_or(stamp)
    if isinstance(kind, Date):
        def day(v: Any) -> str:
            try:
                return date.fromisoformat(v).isoformat()
            except (TypeError, ValueError):
                raise BadValue(f"日期“{v}”格式不对") from None
        return none_or(day)
    if isinstance(kind, Integer):
        def integer(v: Any) -> int:
            if isinstance(v, bool) or not isinstance(v, int):
                raise BadValue("应为整数")
            return v
        return none_or(integer)
    if isinstance(kind, JSON):
        return none_or(lambda v: json.dumps(v, ensure_ascii=False))
    if isinstance(kind, String):  # Text is a String without length
        limit = kind.length

        def text(v: Any) -> str:
            if not isinstance(v, str):
                raise BadValue("应为文字")
            if limit and len(v) > limit:
                raise BadValue(f"超过{limit}个字")
            return v
        return none_or(text)
    raise TypeError(f"no decoder for {kind!r}")  # pragma: no cover - a new column type needs a decoder


def _batch(col: Column) -> Callable[[list[Any]], list[Any]]:
    """The whole column at once (the fast path of a big package): C-level checks of types and lengths, one
    conversion per distinct date; raises BadValue when any value is off, and the row-by-row path names it."""
    kind = col.type
    nullable = col.nullable and not col.primary_key
    one = _decoder(col)
    ok_types = {type(None)} if nullable else set()

    def types_are(values: list[Any], *allowed: type) -> bool:
        return set(map(type, values)) <= ok_types | set(allowed)

    if isinstance(kind, Boolean):
        def booleans(values: list[Any]) -> list[Any]:
            if not types_are(values, bool):
                raise BadValue("bool")
            return [None if v is None else int(v) for v in values] if nullable else list(map(int, values))
        return booleans
    if isinstance(kind, (DateTime, Date)):
        def stamps(values: list[Any]) -> list[Any]:
            if not types_are(values, str):
                raise BadValue("date")
            table = {v: one(v) for v in set(values)}
            return list(map(table.__getitem__, values))
        return stamps
    if isinstance(kind, Integer):
        def integers(values: list[Any]) -> list[Any]:
            if not types_are(values, int):
                raise BadValue("int")
            return values
        return integers
    if isinstance(kind, JSON):
        return lambda values: list(map(one, values))
    limit = kind.length if isinstance(kind, String) else None

    def texts(values: list[Any]) -> list[Any]:
        if not types_are(values, str):
            raise BadValue("str")
        if limit and max(map(len, filter(None, values)), default=0) > limit:
            raise BadValue("length")
        return values
    return texts


def decode_columns(table: str, columns: list[str], rows: list[list[Any]]) -> list[tuple] | None:
    """Every row decoded column by column, or None when any value is off (then decode row by row)."""
    if not rows:
        return []
    try:
        cols = list(zip(*rows, strict=True))
        done = [_BATCH[table][c](list(values)) for c, values in zip(columns, cols, strict=True)]
    except (BadValue, ValueError, TypeError):
        return None
    return list(zip(*done, strict=True))


_DECODERS: dict[str, dict[str, Callable[[Any], Any]]] = {
    name: {c.name: _decoder(c) for c in table.columns} for name, table in TABLES.items()
}


_BATCH: dict[str, dict[str, Callable[[list[Any]], list[Any]]]] = {
    name: {c.name: _batch(c) for c in table.columns} for name, table in TABLES.items()
}


def decoders(table: str) -> dict[str, Callable[[Any], Any]]:
    return _DECODERS[table]


# ------------------------------------------------------------------------------------------------ scope


def _in(col: Any, table: Table, where: ColumnElement | None) -> ColumnElement:
    q = select(table.c.uuid)
    return col.in_(q.where(where) if where is not None else q)


def township_scope(name: str, township_uuid: str) -> ColumnElement | None:
    """The rows of ``name`` that concern one township; None when every row goes to every township (the rule
    set, the calendar, the attendance codes, the dispatching units, county-wide inspections and circulars).
    """
    t = TABLES[name].c
    T = township_uuid
    own_posting = Posting.__table__.c.township_uuid == T
    persons_here = select(Posting.person_uuid).where(own_posting)
    if name == "townships":
        return t.uuid == T
    if name in ("villages", "postings", "attendance_days", "attendance_months", "leave_requests", "ledger_rows",
                "spot_checks", "inspection_findings"):
        return t.township_uuid == T
    if name in ("counties", "dispatch_units", "rule_sets", "calendar_days", "calendar_years", "attendance_codes",
                "inspections", "circulars"):
        return None
    if name == "persons":
        return t.uuid.in_(persons_here)
    if name == "teams":
        return _in(t.village_uuid, Village.__table__, Village.__table__.c.township_uuid == T)
    if name == "adjustments":
        return _in(t.posting_uuid, Posting.__table__, own_posting)
    if name == "month_seal_events":
        return _in(t.month_uuid, AttendanceMonth.__table__, AttendanceMonth.__table__.c.township_uuid == T)
    if name in ("leave_steps", "leave_returns"):
        return _in(t.request_uuid, LeaveRequest.__table__, LeaveRequest.__table__.c.township_uuid == T)
    if name == "activities":
        return or_(t.township_uuid == T, t.township_uuid.is_(None))
    if name == "assessments":
        return t.person_uuid.in_(persons_here)
    if name == "incidents":
        return or_(t.township_uuid == T, t.person_uuid.in_(persons_here))
    if name in ("ledger_verifications", "ledger_progress"):
        return _in(t.ledger_uuid, LedgerRow.__table__, LedgerRow.__table__.c.township_uuid == T)
    if name == "spot_check_results":
        return _in(t.spot_check_uuid, SpotCheck.__table__, SpotCheck.__table__.c.township_uuid == T)
    if name == "attachments":
        parts = []
        for owner in TABLE_ORDER:
            if owner == "attachments":
                continue
            where = township_scope(owner, T)
            parts.append(and_(t.owner_table == owner, _in(t.owner_uuid, TABLES[owner], where)))
        return or_(*parts)
    raise KeyError(f"no township scope for table {name!r}")
