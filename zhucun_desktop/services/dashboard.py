"""What the 首页 shows: read-only figures, one function each, scoped to the township of a township user.

"In post" (在岗) on a day means the posting has started and has no end date before that day — the same rule as
``roster.posting_status``. Term reminders (期满提醒, §4: a term normally lasts two years, then orderly rotation)
look at the planned ``term_end_date`` of postings still in post.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select

from ..storage.models import Person, Posting, Township, Village
from .workspace import Workspace

TERM_REMINDER_DAYS = 60


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
