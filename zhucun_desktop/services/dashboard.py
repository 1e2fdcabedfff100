"""What the 首页 shows: read-only figures, one function each, scoped to the township of a township user.

"In post" (在岗) on a day means the posting has started and has no end date before that day — the same rule as
``roster.posting_status``. Term reminders (期满提醒, §4: a term normally lasts two years, then orderly rotation)
look at the planned ``term_end_date`` of postings still in post. Month states (§7: the attendance table is filed
by the 5th working day of the next month) come from ``attendance_months.month_overview``, one call per year
shown, so a table costs a few queries whatever its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select

from ..storage.models import Person, Posting, Township, Village
from .attendance_months import month_overview
from .calendar import load_calendar
from .workspace import Workspace

TERM_REMINDER_DAYS = 60
RECENT_MONTHS = 3  # months before the current one shown with their states (§7)


@dataclass(frozen=True)
class TownshipCounts:
    """One township's line on the 首页 (or the county's 合计 line, with ``township_uuid`` None)."""

    township_uuid: str | None
    township_name: str
    villages: int
    first_secretaries: int
    team_members: int
    units: int


@dataclass(frozen=True)
class TermReminder:
    """A posting whose planned term ends soon (``days`` ≥ 0 left) or has passed (``days`` < 0)."""

    posting_uuid: str
    person_name: str
    role: str
    township_name: str
    village_name: str
    term_end_date: date
    days: int


@dataclass(frozen=True)
class LastBackup:
    created_at: datetime
    reason: str


def _in_post(on: date):
    return and_(Posting.deleted.is_(False), Posting.start_date <= on,
                or_(Posting.end_date.is_(None), Posting.end_date >= on))


def _scoped(ws: Workspace, query: Select, column) -> Select:
    return query if ws.actor.is_county else query.where(column == ws.actor.township_uuid)


def township_counts(ws: Workspace, on: date | None = None) -> list[TownshipCounts]:
    """Villages, first secretaries and team members in post, and dispatching units with someone in post."""
    from ..domain import terms

    on = on or date.today()
    with ws.read() as s:
        townships = s.execute(_scoped(ws, select(Township.uuid, Township.name)
                                      .where(Township.deleted.is_(False)).order_by(Township.name),
                                      Township.uuid)).all()
        villages = dict(s.execute(_scoped(ws, select(Village.township_uuid, func.count())
                                          .where(Village.deleted.is_(False)).group_by(Village.township_uuid),
                                          Village.township_uuid)).all())
        people: dict[tuple[str, str], int] = {}
        q = (select(Posting.township_uuid, Posting.role, func.count(func.distinct(Posting.person_uuid)))
             .join(Person, Person.uuid == Posting.person_uuid)
             .where(_in_post(on), Person.deleted.is_(False))
             .group_by(Posting.township_uuid, Posting.role))
        for township_uuid, role, n in s.execute(_scoped(ws, q, Posting.township_uuid)):
            people[(township_uuid, role)] = n
        q = (select(Posting.township_uuid, func.count(func.distinct(Person.unit_uuid)))
             .join(Person, Person.uuid == Posting.person_uuid)
             .where(_in_post(on), Person.deleted.is_(False), Person.unit_uuid.is_not(None))
             .group_by(Posting.township_uuid))
        units = dict(s.execute(_scoped(ws, q, Posting.township_uuid)).all())
    return [TownshipCounts(uuid, name, villages.get(uuid, 0),
                           people.get((uuid, terms.ROLE_FIRST_SECRETARY), 0),
                           people.get((uuid, terms.ROLE_TEAM_MEMBER), 0), units.get(uuid, 0))
            for uuid, name in townships]


def county_total(ws: Workspace, on: date | None = None) -> TownshipCounts:
    """The 合计 line: a unit with cadres in two townships counts once, so units are not a sum of the lines."""
    on = on or date.today()
    rows = township_counts(ws, on)
    with ws.read() as s:
        q = (select(func.count(func.distinct(Person.unit_uuid)))
             .join(Posting, Person.uuid == Posting.person_uuid)
             .where(_in_post(on), Person.deleted.is_(False), Person.unit_uuid.is_not(None)))
        units = s.scalar(_scoped(ws, q, Posting.township_uuid)) or 0
    return TownshipCounts(None, "合计", sum(r.villages for r in rows), sum(r.first_secretaries for r in rows),
                          sum(r.team_members for r in rows), units)


def _reminders(ws: Workspace, on: date, condition) -> list[TermReminder]:
    with ws.read() as s:
        q = (select(Posting.uuid, Person.name, Posting.role, Township.name, Village.name, Posting.term_end_date)
             .join(Person, Person.uuid == Posting.person_uuid)
             .join(Village, Village.uuid == Posting.village_uuid)
             .join(Township, Township.uuid == Posting.township_uuid)
             .where(Posting.deleted.is_(False), Person.deleted.is_(False), Posting.term_end_date.is_not(None),
                    condition)
             .order_by(Posting.term_end_date, Township.name, Village.name, Person.name))
        return [TermReminder(uuid, name, role, tname, vname, end, (end - on).days)
                for uuid, name, role, tname, vname, end in s.execute(_scoped(ws, q, Posting.township_uuid))]


def terms_ending(ws: Workspace, within_days: int = TERM_REMINDER_DAYS, on: date | None = None
                 ) -> list[TermReminder]:
    """期满提醒: cadres in post whose planned term ends within ``within_days`` (today included)."""
    on = on or date.today()
    return _reminders(ws, on, and_(_in_post(on), Posting.term_end_date >= on,
                                   Posting.term_end_date <= on + timedelta(days=within_days)))


def terms_overdue(ws: Workspace, on: date | None = None) -> list[TermReminder]:
    """Postings past their planned term end with no 离岗 registered (no actual end date)."""
    on = on or date.today()
    return _reminders(ws, on, and_(Posting.end_date.is_(None), Posting.term_end_date < on))


def last_backup(ws: Workspace) -> LastBackup | None:
    """The newest backup of the open database file; None when there is none (or the database is a server)."""
    if ws.db.path is None:
        return None
    from ..storage.backup import newest_backup

    newest = newest_backup(ws.db.path)
    return LastBackup(newest.created_at, newest.reason) if newest else None


# ------------------------------------------------------------------------------------------------ month states

Month = tuple[int, int]


@dataclass(frozen=True)
class MonthState:
    """One township's month of attendance on the 首页 (§7): its state, due date and the days to it.

    ``due`` is None when the calendar of the year it falls in is missing; ``missing_year`` then names that year
    (never guessed). ``days_left`` is ``due - today`` in days (negative: late); ``overdue`` is §7's "not filed
    (已报送) after the due date"."""

    township_uuid: str
    township_name: str
    year: int
    month: int
    state: str
    due: date | None
    missing_year: int | None
    days_left: int | None
    overdue: bool


def months_back(today: date, before: int, *, include_current: bool) -> list[Month]:
    """The ``before`` months before ``today``'s month (and that month itself if ``include_current``), oldest
    first."""
    months: list[Month] = [(today.year, today.month)] if include_current else []
    year, month = today.year, today.month
    for _ in range(before):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        months.insert(0, (year, month))
    return months


def month_states(ws: Workspace, months: Sequence[Month], today: date | None = None) -> list[MonthState]:
    """The states of ``months`` for every township the actor sees (a township user: its own), by township
    then month. A township appears for a month only if it had cadres posted in it (as ``month_overview``)."""
    today = today or date.today()
    wanted = set(months)
    cal = load_calendar(ws)
    out = []
    for year in sorted({y for y, _m in wanted}):
        for status in month_overview(ws, year, today=today):
            key = (int(status.month[:4]), int(status.month[5:]))
            if key not in wanted:
                continue
            due_year = key[0] + 1 if key[1] == 12 else key[0]
            missing = None if status.due is not None or cal.knows(due_year) else due_year
            days_left = (status.due - today).days if status.due is not None else None
            out.append(MonthState(status.township_uuid, status.township, *key, status.state, status.due,
                                  missing, days_left, status.overdue))
    out.sort(key=lambda m: (m.township_name, m.year, m.month))
    return out


def township_month_states(ws: Workspace, today: date | None = None) -> list[MonthState]:
    """The township's table on its 首页: the last ``RECENT_MONTHS`` months and the current one."""
    today = today or date.today()
    return month_states(ws, months_back(today, RECENT_MONTHS, include_current=True), today)


def county_month_states(ws: Workspace, today: date | None = None) -> tuple[list[Month], list[MonthState]]:
    """The county's table: every township × the last ``RECENT_MONTHS`` months (the months whose tables are
    due or nearly due); returns the months (the columns, oldest first) and the states."""
    today = today or date.today()
    months = months_back(today, RECENT_MONTHS, include_current=False)
    return months, month_states(ws, months, today)
