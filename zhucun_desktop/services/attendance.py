"""The monthly attendance grid (考勤登记表, §7): what the clerk sees and every edit of a cell.

§7: attendance is registered per day by the township and is the basis of the living allowance (§19), so a cell
records truthfully where the cadre was. Every calendar day inside a posting is registered (§8: an absence from
the county needs leave on weekends and holidays too); days outside the posting are greyed out. A township owns
its attendance (DESIGN.md, "Records that travel"): one AttendanceDay per person and day, never deleted — a
cleared cell keeps its row with no code, so the clearing travels to the county like any other change.

The grid loads a whole county month (2,000 cadres × 31 days) with one query for the postings, persons and
villages and one for the month's AttendanceDay rows; edits of any size are one transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from ..domain import terms
from ..domain.attendance_due import MONTH_STATES, month_state_due
from ..domain.attendance_rules import (
    DEFAULT_CODES,
    AttendanceCodeDef,
    RowTotals,
    column_totals,
    month_days,
    normalize_code,
    row_totals,
)
from ..domain.errors import RuleViolation
from ..domain.text import normalize_compact
from ..storage.base import new_row_stamp, utcnow
from ..storage.models import (
    AttendanceCode,
    AttendanceDay,
    AttendanceMonth,
    AuditEntry,
    Person,
    Posting,
    Township,
    Village,
)
from .calendar import due_working_day, load_calendar
from .errors import NotFound, ServiceError
from .workspace import Workspace, inserted_audit_rows

STATE_OPEN, STATE_READY, STATE_SEALED, STATE_SUBMITTED = MONTH_STATES  # 未完成 待审核 已封存 已报送
LOCKED_STATES = (STATE_SEALED, STATE_SUBMITTED)
ROLE_ORDER = {terms.ROLE_FIRST_SECRETARY: 0, terms.ROLE_TEAM_MEMBER: 1}
MAX_PROBLEMS_SHOWN = 20
IN_CHUNK = 500  # bound variables per IN list: old SQLite builds allow 999


class CellsRefused(ServiceError):
    """A paste, fill or import refused as a whole; ``problems`` names every bad cell."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        more = len(self.problems) - MAX_PROBLEMS_SHOWN
        lines = ["以下单元格有问题，本次修改全部未保存：", *self.problems[:MAX_PROBLEMS_SHOWN]]
        super().__init__("\n".join(lines + ([f"……另有{more}处"] if more > 0 else [])))


def month_key(year: int, month: int) -> str:
    """AttendanceMonth.month: ``YYYY-MM``."""
    if not 1 <= month <= 12 or not 1900 <= year <= 9999:
        raise ServiceError(f"月份：{year}年{month}月不是有效的月份。")
    return f"{year:04d}-{month:02d}"


def day_label(d: date) -> str:
    return f"{d.month}月{d.day}日"


@dataclass(frozen=True)
class PostedCadre:
    """One posting that overlaps the month: one row of the table."""

    posting_uuid: str
    person_uuid: str
    name: str
    id_number: str
    phone: str
    role: str
    is_leader: bool
    village_uuid: str
    village_name: str
    start_date: date
    end_date: date | None

    def inside(self, d: date) -> bool:
        """Whether ``d`` is inside the posting (the cell is editable)."""
        return self.start_date <= d and (self.end_date is None or d <= self.end_date)


def load_cadres(s: Session, township_uuid: str, year: int, month: int, *, village_uuid: str | None = None,
                role: str | None = None) -> list[PostedCadre]:
    """Every posting of the township overlapping the month, in print order (village, 队长 and first secretary
    first, then name), in one query."""
    days = month_days(year, month)
    q = (select(Posting.uuid, Person.uuid, Person.name, Person.id_number, Person.phone, Posting.role,
                Posting.is_leader, Village.uuid, Village.name, Posting.start_date, Posting.end_date)
         .join(Person, Person.uuid == Posting.person_uuid)
         .join(Village, Village.uuid == Posting.village_uuid)
         .where(Posting.township_uuid == township_uuid, Posting.deleted.is_(False), Person.deleted.is_(False),
                Posting.start_date <= days[-1], or_(Posting.end_date.is_(None), Posting.end_date >= days[0])))
    if village_uuid:
        q = q.where(Posting.village_uuid == village_uuid)
    if role:
        q = q.where(Posting.role == role)
    cadres = [PostedCadre(pu, pe, name, idn, phone or "", r, bool(lead), vu, vn, start, end)
              for pu, pe, name, idn, phone, r, lead, vu, vn, start, end in s.execute(q)]
    cadres.sort(key=lambda c: (c.village_name, not c.is_leader, ROLE_ORDER.get(c.role, 9), c.name,
                               c.start_date))
    return cadres


def load_codes(s: Session, township_uuid: str, year: int, month: int) -> dict[tuple[str, date], str | None]:
    """The township's registered codes of the month by (person, day), in one query."""
    days = month_days(year, month)
    q = (select(AttendanceDay.person_uuid, AttendanceDay.day, AttendanceDay.code)
         .where(AttendanceDay.township_uuid == township_uuid, AttendanceDay.deleted.is_(False),
                AttendanceDay.day >= days[0], AttendanceDay.day <= days[-1]))
    return {(person, day): code for person, day, code in s.execute(q)}


def code_defs(s: Session) -> list[AttendanceCodeDef]:
    """The county's legend (AttendanceCode), in print order; the built-in one if the table is empty."""
    rows = s.scalars(select(AttendanceCode).where(AttendanceCode.deleted.is_(False))
                     .order_by(AttendanceCode.sort, AttendanceCode.code)).all()
    return [AttendanceCodeDef(r.code, r.label, r.category, r.in_post) for r in rows] or list(DEFAULT_CODES)


def code_reader(defs: Sequence[AttendanceCodeDef]) -> Callable[[object], str | None]:
    """normalize_code against the county's legend, remembering answers (a paste repeats a few values)."""
    legend = tuple(defs)
    return functools.lru_cache(maxsize=None)(lambda raw: normalize_code(raw, legend))


def bad_code_message(raw: object, defs: Sequence[AttendanceCodeDef]) -> str:
    return f"无法识别的考勤符号“{normalize_compact(raw)}”，可用：{' '.join(c.code for c in defs)}"


def month_record(s: Session, township_uuid: str, key: str) -> AttendanceMonth | None:
    return s.scalars(select(AttendanceMonth).where(AttendanceMonth.township_uuid == township_uuid,
                                                   AttendanceMonth.month == key)).first()


def month_state(record: AttendanceMonth | None) -> str:
    return record.state if record is not None and not record.deleted else STATE_OPEN


def refuse_if_locked(s: Session, township_uuid: str, year: int, month: int) -> None:
    """§7: a sealed table is what the secretary signed; it changes only after a reasoned 重开."""
    state = month_state(month_record(s, township_uuid, month_key(year, month)))
    if state in LOCKED_STATES:
        what = "已封存" if state == STATE_SEALED else "已报送县委组织部"
        raise ServiceError(f"{year}年{month}月{what}，如需更正请由乡镇领导先“重开”并说明原因")


def township_name(s: Session, township_uuid: str) -> str:
    township = s.get(Township, township_uuid)
    if township is None or township.deleted:
        raise NotFound("乡镇不存在或已删除。")
    return township.name


def row_codes(cadre: PostedCadre, days: Sequence[date], codes: dict[tuple[str, date], str | None]
              ) -> dict[date, str | None]:
    """The cadre's codes on the days of this posting (a code outside it is not this row's, see row_totals)."""
    return {d: codes.get((cadre.person_uuid, d)) for d in days if cadre.inside(d)}


# ------------------------------------------------------------------------------------------------ the grid


@dataclass(frozen=True)
class MonthGridRow(PostedCadre):
    """A row of the grid: the posting, its codes and editable days (one per day of the month), its totals."""

    codes: list[str | None]  # None outside the posting or not registered yet
    editable: list[bool]  # False: the day is outside the posting (greyed out)
    totals: RowTotals


@dataclass
class MonthGrid:
    township_uuid: str
    township_name: str
    year: int
    month: int
    days: list[date]
    day_kinds: list[str]  # 工作日 / 休息日 / 节假日 / 调休上班, "" when the year's calendar is missing
    holidays: list[str]  # the holiday a day belongs to ("国庆节"), "" otherwise or when unknown
    calendar_missing: int | None  # the year whose calendar is missing, if any
    rows: list[MonthGridRow]
    codes: list[AttendanceCodeDef]
    column_totals: dict[date, dict[str, int]]
    state: str = STATE_OPEN
    due: date | None = None  # §7: 次月第5个工作日; None when next month's calendar is missing
    due_calendar_missing: int | None = None
    content_hash: str | None = None
    sealed_at: datetime | None = None
    sealed_by: str | None = None
    submitted_at: datetime | None = None

    @property
    def locked(self) -> bool:
        """Sealed or submitted: the grid is read-only until 重开."""
        return self.state in LOCKED_STATES


def month_grid(ws: Workspace, township_uuid: str, year: int, month: int, *, village_uuid: str | None = None,
               role: str | None = None) -> MonthGrid:
    """The month's table of one township: a row per posting overlapping the month (a cadre who moved between
    villages in the month has a row per posting, each editable on its own days), codes, totals (§7, §19), the
    month's state and its due date (§7)."""
    ws.check_township(township_uuid)
    key = month_key(year, month)
    cal = load_calendar(ws)
    with ws.read() as s:
        name = township_name(s, township_uuid)
        cadres = load_cadres(s, township_uuid, year, month, village_uuid=village_uuid, role=role)
        codes = load_codes(s, township_uuid, year, month)
        defs = code_defs(s)
        record = month_record(s, township_uuid, key)
        n = due_working_day(s)
    days = month_days(year, month)
    known = cal.knows(year)  # an unknown year is never guessed: its day kinds stay blank
    kinds = [cal.day_kind(d) if known else "" for d in days]
    holidays = [(cal.holiday_name(d) or "") if known else "" for d in days]
    rows = []
    for c in cadres:
        editable = [c.inside(d) for d in days]
        mine = row_codes(c, days, codes)
        rows.append(MonthGridRow(**c.__dict__, codes=[mine.get(d) for d in days], editable=editable,
                                 totals=row_totals(mine, mine, cal, defs)))
    due = month_state_due(year, month, cal, n)
    next_year = year + 1 if month == 12 else year
    state = month_state(record)
    sealed = record is not None and state in LOCKED_STATES
    return MonthGrid(
        township_uuid, name, year, month, days, kinds, holidays, None if known else year, rows, defs,
        column_totals(dict(zip(days, r.codes, strict=True)) for r in rows), state, due,
        None if due is not None or cal.knows(next_year) else next_year,
        record.content_hash if sealed else None, record.sealed_at if sealed else None,
        record.sealed_by if sealed else None, record.submitted_at if sealed else None)


# ------------------------------------------------------------------------------------------------ edits


@dataclass(frozen=True)
class CellChange:
    """Set one cell; ``code`` None (or "") clears it. ``where`` is how the GUI names the cell in a refusal
    ("第2行第5列"); by default the message names the cadre and the day ("王建国 11月5日")."""

    posting_uuid: str
    day: date
    code: str | None
    where: str = ""


@dataclass
class SetCellsResult:
    """How many cells changed, and the new totals of every row touched (the GUI repaints those)."""

    changed: int = 0
    unchanged: int = 0
    totals: dict[str, RowTotals] = field(default_factory=dict)  # posting_uuid -> the row's new totals


Cell = tuple[str, date]  # (person_uuid, day): AttendanceDay is unique on it
Resolved = tuple[PostedCadre, "str | None"]  # the row a change belongs to, and its normalised code


@dataclass
class EditContext:
    """What an edit of one township's month sees inside its transaction."""

    session: Session
    township_uuid: str
    township_name: str
    year: int
    month: int
    cadres: list[PostedCadre]
    defs: list[AttendanceCodeDef]

    @property
    def by_posting(self) -> dict[str, PostedCadre]:
        return {c.posting_uuid: c for c in self.cadres}

    def existing(self, person_uuids: Iterable[str], days: Iterable[date]) -> dict[Cell, AttendanceDay]:
        """The AttendanceDay rows of these persons on these days, whichever township wrote them."""
        people, out = sorted(set(person_uuids)), {}
        for i in range(0, len(people), IN_CHUNK):
            q = select(AttendanceDay).where(AttendanceDay.person_uuid.in_(people[i:i + IN_CHUNK]),
                                            AttendanceDay.day.in_(sorted(set(days))))
            out.update({(r.person_uuid, r.day): r for r in self.session.scalars(q)})
        return out


def _resolve(ctx: EditContext, changes: Sequence[CellChange]) -> dict[Cell, Resolved]:
    """Every change checked (posting of this township and month, day inside the posting, a known code); all
    problems raised together, so a paste is taken whole or not at all."""
    by_posting = ctx.by_posting
    read = code_reader(ctx.defs)
    problems: list[str] = []
    resolved: dict[Cell, Resolved] = {}
    for i, ch in enumerate(changes, start=1):
        cadre = by_posting.get(ch.posting_uuid)
        if cadre is None:
            where = ch.where or f"第{i}项"
            problems.append(f"{where}：不是{ctx.township_name}{ctx.year}年{ctx.month}月在岗的驻村干部")
            continue
        where = ch.where or f"{cadre.name} {day_label(ch.day)}"
        if (ch.day.year, ch.day.month) != (ctx.year, ctx.month):
            problems.append(f"{where}：不在{ctx.year}年{ctx.month}月")
            continue
        if not cadre.inside(ch.day):
            problems.append(f"{where}：不在驻村期内")
            continue
        try:
            code = read(ch.code)
        except RuleViolation:
            problems.append(f"{where}：{bad_code_message(ch.code, ctx.defs)}")
            continue
        resolved[(cadre.person_uuid, ch.day)] = (cadre, code)
    if problems:
        raise CellsRefused(problems)
    return resolved


def edit_month(ws: Workspace, township_uuid: str, year: int, month: int,
               make_changes: Callable[[EditContext], Sequence[CellChange]], *, source: str = "manual",
               action: str = "考勤登记") -> SetCellsResult:
    """The one code path of every attendance edit (paste, fill, 本月全勤, xlsx import): township scope, the
    month not sealed (§7), every change valid, then upserts by (person, day) in one transaction."""
    ws.check_township(township_uuid)
    month_key(year, month)
    cal = load_calendar(ws)
    result = SetCellsResult()
    with ws.transaction(action) as s:
        name = township_name(s, township_uuid)
        refuse_if_locked(s, township_uuid, year, month)
        ctx = EditContext(s, township_uuid, name, year, month, load_cadres(s, township_uuid, year, month),
                          code_defs(s))
        resolved = _resolve(ctx, make_changes(ctx))
        existing = ctx.existing({person for person, _ in resolved}, {day for _, day in resolved})
        touched: dict[str, PostedCadre] = {}
        site_id, now = ws.site_id or "", utcnow()
        new_rows: list[dict] = []
        for (person, day), (cadre, code) in resolved.items():
            touched[cadre.posting_uuid] = cadre
            row = existing.get((person, day))
            if row is None and code is None:
                result.unchanged += 1
                continue
            if row is None:  # a first registration: bulk-inserted below with its audit row
                new_rows.append({**new_row_stamp(site_id, now), "person_uuid": person, "day": day, "code": code,
                                 "posting_uuid": cadre.posting_uuid, "township_uuid": township_uuid,
                                 "source": source})
                result.changed += 1
                continue
            if (row.code, row.posting_uuid, row.township_uuid, row.deleted) == (
                    code, cadre.posting_uuid, township_uuid, False):
                result.unchanged += 1
                continue
            row.code, row.posting_uuid, row.township_uuid = code, cadre.posting_uuid, township_uuid
            row.deleted, row.source = False, source
            result.changed += 1
        s.flush()  # the changed cells, audited one by one with before and after
        if new_rows:
            s.execute(insert(AttendanceDay), new_rows)
            # one audit row per new cell, as the flush hook writes them, but inserted in bulk too
            s.execute(insert(AuditEntry), inserted_audit_rows(ws.actor, action, "attendance_days", new_rows, now))
        days = month_days(year, month)
        codes = load_codes(s, township_uuid, year, month)  # as the grid will show them
        for cadre in touched.values():
            mine = row_codes(cadre, days, codes)
            result.totals[cadre.posting_uuid] = row_totals(mine, mine, cal, ctx.defs)
    return result


def set_cells(ws: Workspace, township_uuid: str, year: int, month: int, changes: Sequence[CellChange]
              ) -> SetCellsResult:
    """A paste, fill or single edit of the grid: taken whole or refused whole (§7, DESIGN "Safety of data").
    Undo is the GUI's: it sends the old values back as changes."""
    return edit_month(ws, township_uuid, year, month, lambda _ctx: changes)


def fill_month_present(ws: Workspace, township_uuid: str, year: int, month: int, posting_uuid: str
                       ) -> SetCellsResult:
    """本月全勤 for one row: only the EMPTY days inside the posting get the in-post code (√, or whatever the
    county's legend uses for 在岗: normalize_code maps it); a registered day is never overwritten."""

    def empty_days(ctx: EditContext) -> list[CellChange]:
        cadre = ctx.by_posting.get(posting_uuid)
        if cadre is None:
            raise NotFound(f"这条驻村记录不在{ctx.township_name}{year}年{month}月的考勤表里。")
        codes = load_codes(ctx.session, ctx.township_uuid, year, month)
        registered = {d for d, code in row_codes(cadre, month_days(year, month), codes).items() if code}
        return [CellChange(posting_uuid, d, "√") for d in month_days(year, month)
                if cadre.inside(d) and d not in registered]

    return edit_month(ws, township_uuid, year, month, empty_days, action="本月全勤")
