"""A township's month of attendance from entry to filing (§7): 未完成 → 待审核 → 已封存 → 已报送.

§7: the month's table is signed by the township party secretary, stamped, and filed with the county org dept
by the 5th working day of the next month. In the program the secretary's signature is the seal (封存): the
table is frozen and carries a SHA-256 of its content (domain.attendance_rules.content_hash), so a change after
signing shows. A correction needs a 重开 with a written reason; seals and reopenings are an append-only
history (MonthSealEvent), and every change is audited by the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import terms
from ..domain.attendance_due import is_overdue, month_state_due
from ..domain.attendance_rules import content_hash, month_days
from ..storage.base import utcnow
from ..storage.models import AttendanceMonth, MonthSealEvent, Person, Posting, Township
from .attendance import (
    LOCKED_STATES,
    STATE_OPEN,
    STATE_READY,
    STATE_SEALED,
    STATE_SUBMITTED,
    day_label,
    load_cadres,
    load_codes,
    month_key,
    month_record,
    month_state,
    row_codes,
    township_name,
)
from .calendar import due_working_day, load_calendar
from .errors import PermissionDenied, ServiceError
from .workspace import Workspace

SEALER_ROLES = (terms.USER_ROLE_TOWNSHIP_LEADER, terms.USER_ROLE_COUNTY_ADMIN)
MIN_REASON = 4
EMPTY_SHOWN = 10

ACTION_SEAL = "封存"
ACTION_REOPEN = "重开"
ACTION_SUBMIT = "报送"


def _require_sealer(ws: Workspace, what: str) -> None:
    """§7: the township party secretary signs the table; the clerk who entered it does not."""
    if ws.actor.role not in SEALER_ROLES:
        raise PermissionDenied(f"只有乡镇领导或县委组织部管理员可以{what}月度考勤表。")


def _record(s: Session, township_uuid: str, key: str) -> AttendanceMonth:
    """The month's row, made on first use (a month nobody touched is 未完成)."""
    record = month_record(s, township_uuid, key)
    if record is None:
        record = AttendanceMonth(township_uuid=township_uuid, month=key, state=STATE_OPEN)
        s.add(record)
    elif record.deleted:
        record.deleted, record.state = False, STATE_OPEN
    return record


def _month_content(s: Session, township_uuid: str, year: int, month: int
                   ) -> tuple[str, list[tuple[str, str, dict[date, str | None]]], list[str]]:
    """The township's name, the canonical rows (身份证号, 姓名, codes of the posting's days) and the empty
    editable cells ("王建国 11月3日")."""
    name = township_name(s, township_uuid)
    days = month_days(year, month)
    codes = load_codes(s, township_uuid, year, month)
    rows, empty = [], []
    for cadre in load_cadres(s, township_uuid, year, month):
        mine = row_codes(cadre, days, codes)
        rows.append((cadre.id_number, cadre.name, mine))
        empty.extend(f"{cadre.name} {day_label(d)}" for d, code in mine.items() if not code)
    return name, rows, empty


def _require_complete(rows: list, empty: list[str], year: int, month: int, what: str) -> None:
    """Every day inside a posting must be registered before the table goes up (§7: 按日登记)."""
    if not rows:
        raise ServiceError(f"{year}年{month}月没有在岗的驻村干部，没有可{what}的考勤表。")
    if empty:
        shown = "、".join(empty[:EMPTY_SHOWN])
        more = f"等（共{len(empty)}个）" if len(empty) > EMPTY_SHOWN else ""
        raise ServiceError(f"还有{len(empty)}个单元格未登记，不能{what}：{shown}{more}")


def mark_ready(ws: Workspace, township_uuid: str, year: int, month: int) -> None:
    """提交审核: the clerk says the month is complete (未完成 → 待审核); editable until sealed."""
    ws.check_township(township_uuid)
    key = month_key(year, month)
    with ws.transaction("考勤提交审核") as s:
        record = _record(s, township_uuid, key)
        if record.state != STATE_OPEN:
            raise ServiceError(f"{year}年{month}月的考勤表是“{record.state}”，"
                               f"只有“{STATE_OPEN}”的才能提交审核。")
        _, rows, empty = _month_content(s, township_uuid, year, month)
        _require_complete(rows, empty, year, month, "提交审核")
        record.state = STATE_READY


def seal_month(ws: Workspace, township_uuid: str, year: int, month: int) -> str:
    """封存 (§7 sign-off): the township leader freezes the complete table; returns its content hash."""
    _require_sealer(ws, "封存")
    ws.check_township(township_uuid)
    key = month_key(year, month)
    with ws.transaction("考勤封存") as s:
        record = _record(s, township_uuid, key)
        if record.state in LOCKED_STATES:
            raise ServiceError(f"{year}年{month}月的考勤表已经是“{record.state}”。")
        name, rows, empty = _month_content(s, township_uuid, year, month)
        _require_complete(rows, empty, year, month, "封存")
        digest = content_hash(name, key, rows)
        record.state, record.content_hash = STATE_SEALED, digest
        record.sealed_at, record.sealed_by = utcnow(), ws.actor.display_name
        record.submitted_at = None
        s.flush()
        s.add(MonthSealEvent(month_uuid=record.uuid, action=ACTION_SEAL, content_hash=digest,
                             actor=ws.actor.display_name))
        return digest


def reopen_month(ws: Workspace, township_uuid: str, year: int, month: int, reason: str) -> None:
    """重开: a sealed (or filed) table is opened again for a correction, with a written reason kept in the
    seal history; it has to be sealed (and filed) again afterwards."""
    _require_sealer(ws, "重开")
    ws.check_township(township_uuid)
    reason = " ".join((reason or "").split())
    if len(reason) < MIN_REASON:
        raise ServiceError(f"重开原因：至少{MIN_REASON}个字，请写明要更正什么、为什么。")
    key = month_key(year, month)
    with ws.transaction("考勤重开") as s:
        record = month_record(s, township_uuid, key)
        if record is None or month_state(record) not in LOCKED_STATES:
            raise ServiceError(f"{year}年{month}月的考勤表没有封存，不需要重开。")
        s.add(MonthSealEvent(month_uuid=record.uuid, action=ACTION_REOPEN, content_hash=record.content_hash,
                             reason=reason, actor=ws.actor.display_name))
        record.state, record.content_hash = STATE_OPEN, None
        record.sealed_at = record.sealed_by = record.submitted_at = None


def mark_submitted(ws: Workspace, township_uuid: str, year: int, month: int, *, at: datetime | None = None
                   ) -> None:
    """已报送: the signed paper table was filed with the county org dept (§7: this stops the due-date clock).
    Refused when the data no longer matches the seal."""
    ws.check_township(township_uuid)
    key = month_key(year, month)
    with ws.transaction("考勤报送") as s:
        record = month_record(s, township_uuid, key)
        if record is None or month_state(record) != STATE_SEALED:
            state = month_state(record)
            raise ServiceError(f"{year}年{month}月的考勤表是“{state}”，封存后才能登记报送。")
        if not _seal_holds(s, record, township_uuid, year, month):
            raise ServiceError(f"{year}年{month}月的考勤数据在封存后被改动，与封存时不一致，"
                               "请重开核对后重新封存。")
        record.state, record.submitted_at = STATE_SUBMITTED, at or utcnow()
        s.add(MonthSealEvent(month_uuid=record.uuid, action=ACTION_SUBMIT, content_hash=record.content_hash,
                             actor=ws.actor.display_name))


def _seal_holds(s: Session, record: AttendanceMonth, township_uuid: str, year: int, month: int) -> bool:
    if not record.content_hash:
        return False
    name, rows, _ = _month_content(s, township_uuid, year, month)
    return content_hash(name, record.month, rows) == record.content_hash


def verify_seal(ws: Workspace, township_uuid: str, year: int, month: int) -> bool:
    """True when the month is sealed and its data still gives the hash recorded at the seal."""
    ws.check_township(township_uuid)
    with ws.read() as s:
        record = month_record(s, township_uuid, month_key(year, month))
        if record is None or month_state(record) not in LOCKED_STATES:
            return False
        return _seal_holds(s, record, township_uuid, year, month)


@dataclass(frozen=True)
class SealEventView:
    action: str
    at: datetime
    actor: str
    content_hash: str | None
    reason: str | None


def seal_history(ws: Workspace, township_uuid: str, year: int, month: int) -> list[SealEventView]:
    """The month's seals, reopenings (with reasons) and filings, oldest first."""
    ws.check_township(township_uuid)
    with ws.read() as s:
        record = month_record(s, township_uuid, month_key(year, month))
        if record is None:
            return []
        q = (select(MonthSealEvent).where(MonthSealEvent.month_uuid == record.uuid,
                                          MonthSealEvent.deleted.is_(False)).order_by(MonthSealEvent.at))
        return [SealEventView(e.action, e.at, e.actor, e.content_hash, e.reason) for e in s.scalars(q)]


# ------------------------------------------------------------------------------------------------ home page


@dataclass(frozen=True)
class MonthStatus:
    """One township's month on the 首页: its state, due date (§7) and whether it is late."""

    township_uuid: str
    township: str
    month: str  # YYYY-MM
    state: str
    due: date | None  # None when next month's calendar is missing (never guessed)
    overdue: bool


def month_overview(ws: Workspace, year: int, *, today: date | None = None) -> list[MonthStatus]:
    """Every month of ``year`` that has begun and in which the township had cadres posted: the county sees
    all townships, a township user its own. Overdue = not filed (已报送) after the due date (§7)."""
    today = today or date.today()
    cal = load_calendar(ws)
    with ws.read() as s:
        q = select(Township.uuid, Township.name).where(Township.deleted.is_(False)).order_by(Township.name)
        if not ws.actor.is_county:
            q = q.where(Township.uuid == ws.actor.township_uuid)
        townships = s.execute(q).all()
        postings = s.execute(
            select(Posting.township_uuid, Posting.start_date, Posting.end_date)
            .join(Person, Person.uuid == Posting.person_uuid)
            .where(Posting.deleted.is_(False), Person.deleted.is_(False),
                   Posting.start_date <= date(year, 12, 31),
                   or_(Posting.end_date.is_(None), Posting.end_date >= date(year, 1, 1)))).all()
        states = {(r.township_uuid, r.month): r.state for r in s.scalars(
            select(AttendanceMonth).where(AttendanceMonth.deleted.is_(False),
                                          AttendanceMonth.month.like(f"{year:04d}-%")))}
        n = due_working_day(s)
    out = []
    for month in range(1, 13):
        days = month_days(year, month)
        if days[0] > today:
            break
        posted = {t for t, start, end in postings if start <= days[-1] and (end is None or end >= days[0])}
        due = month_state_due(year, month, cal, n)
        for uuid, name in townships:
            if uuid not in posted:
                continue
            state = states.get((uuid, month_key(year, month)), STATE_OPEN)
            overdue = is_overdue(due, today, state)
            out.append(MonthStatus(uuid, name, month_key(year, month), state, due, overdue))
    out.sort(key=lambda m: (m.township, m.month))
    return out
