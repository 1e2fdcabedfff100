"""What the leave services know about requests inside one session: the rows, their steps and returns, and
each request's state on a day, derived from the domain's rules (``domain.leave_states``).

Why the state is derived and not read from ``LeaveRequest.state``: the request row belongs to the site that
made it (normally the township), while the county's signatures are LeaveStep rows owned by the county
(DESIGN.md "Records that travel"). The county may not change the township's row, so the truth is the request
plus every step and return that has arrived from either site. ``LeaveRequest.state`` is the owner's last
computed state, refreshed whenever the owner site writes anything about the request (a cache for other tools;
it holds the two facts only the owner decides: 草稿 and 已撤回).

Extensions (续假) form a chain: a request with an active extension (submitted, not withdrawn or refused) is
returned from by the last link, and only that link can become 逾期未销假 and produce 旷 days.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.leave_checks import Away, TeamMember
from ..domain.leave_rules import (
    STATE_APPROVED,
    STATE_DRAFT,
    STATE_ON_LEAVE,
    STATE_OVERDUE,
    STATE_REFUSED,
    STATE_RETURNED,
    STATE_WITHDRAWN,
    LeaveRules,
)
from ..domain.leave_states import (
    LeaveRequestFacts,
    Step,
    absent_days_after,
    approval_state,
    return_due,
    state_on,
)
from ..domain.workcalendar import CalendarMissing, WorkCalendar
from ..storage.models import LeaveRequest, LeaveReturn, LeaveStep, Person, Posting
from .errors import NotFound
from .rule_sets import active_in_session, rule_set_by_uuid

IN_CHUNK = 500
# States of a request whose leave was granted: its days are leave days in attendance (§7, §8).
GRANTED = (STATE_APPROVED, STATE_ON_LEAVE, STATE_RETURNED, STATE_OVERDUE)
COUNTY_BODY_PREFIX = "县"


def is_county_body(body: str) -> bool:
    """县乡村振兴局, 县委组织部, 县委分管副书记 … sign at the county; the rest (驻村第一书记, 村党支部, 乡镇党委)
    sign on paper in the township."""
    return body.strip().startswith(COUNTY_BODY_PREFIX)


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)] if end >= start else []


@dataclass(frozen=True)
class StepRecord:
    uuid: str
    step_no: int
    body: str
    decision: str
    decided_on: date
    signer: str
    remark: str
    origin_site: str

    def as_step(self) -> Step:
        return Step(self.step_no, self.body, self.decision, self.decided_on, self.signer, self.remark)


@dataclass(frozen=True)
class ReturnRecord:
    uuid: str
    returned_on: date
    registered_on: date
    note: str


@dataclass
class RequestFacts:
    """One request as loaded: its row's values, steps in order, its return, its extensions."""

    uuid: str
    origin_site: str
    person_uuid: str
    posting_uuid: str
    township_uuid: str
    kind: str
    start: date
    end: date
    days: int
    stored_state: str
    chain: tuple[str, ...]
    filed_on: date | None
    extends_uuid: str | None
    rule_set_uuid: str | None
    rule_set_number: int | None
    destination: str
    reason: str
    contact: str
    handover_person_uuid: str | None
    steps: list[StepRecord] = field(default_factory=list)
    returned: ReturnRecord | None = None
    children: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, r: LeaveRequest) -> RequestFacts:
        return cls(r.uuid, r.origin_site, r.person_uuid, r.posting_uuid, r.township_uuid, r.kind, r.start_date,
                   r.end_date, r.days, r.state, tuple(r.chain or ()), r.filed_on, r.extends_uuid, r.rule_set_uuid,
                   r.rule_set_number, r.destination or "", r.reason or "", r.contact or "",
                   r.handover_person_uuid)


@dataclass(frozen=True)
class Status:
    """A request's state on ``today`` and what follows from it for attendance."""

    state: str
    return_due: date | None
    calendar_missing: int | None
    returned_on: date | None  # the effective return (the last extension's, for a request that was extended)
    leave_days: tuple[date, ...] = ()  # days that carry the leave code
    absent_days: tuple[date, ...] = ()  # days after the leave that are 旷 (§8 超假)
    extension_uuid: str | None = None  # the active extension, if any


class LeaveContext:
    """Requests loaded in one session, with their states as of ``today`` (cached per request)."""

    def __init__(self, s: Session, cal: WorkCalendar, today: date) -> None:
        self.s = s
        self.cal = cal
        self.today = today
        self.facts: dict[str, RequestFacts] = {}
        self._rules: dict[str | None, LeaveRules] = {}
        self._status: dict[str, Status] = {}
        self.active = active_in_session(s)

    # -- loading -----------------------------------------------------------------------------------------
    def load(self, *conditions) -> list[RequestFacts]:
        """Requests matching ``conditions`` (and their extensions, transitively), steps and returns."""
        rows = list(self.s.scalars(select(LeaveRequest).where(LeaveRequest.deleted.is_(False), *conditions)))
        found = [self._take(r) for r in rows]
        seen = set(self.facts)
        frontier = [f.uuid for f in found]
        while frontier:  # extensions of what was found, and theirs
            children = []
            for i in range(0, len(frontier), IN_CHUNK):
                children += self.s.scalars(select(LeaveRequest).where(
                    LeaveRequest.deleted.is_(False), LeaveRequest.extends_uuid.in_(frontier[i:i + IN_CHUNK])))
            frontier = [self._take(r).uuid for r in children if r.uuid not in seen]
            seen.update(frontier)
        parents = {f.extends_uuid for f in self.facts.values() if f.extends_uuid} - seen
        while parents:  # what an extension extends (its length counts with it)
            rows = list(self.s.scalars(select(LeaveRequest).where(LeaveRequest.uuid.in_(sorted(parents)))))
            seen.update(self._take(r).uuid for r in rows)
            parents = {r.extends_uuid for r in rows if r.extends_uuid} - seen
        self._attach()
        return found

    def load_one(self, uuid: str) -> RequestFacts | None:
        found = self.load(LeaveRequest.uuid == uuid)
        return found[0] if found else None

    def request_in_scope(self, ws: Any, uuid: str) -> RequestFacts:
        """The request, refused when it does not exist or lies outside the user's township."""
        f = self.load_one(uuid)
        if f is None:
            raise NotFound("请假申请不存在或已删除。")
        ws.check_township(f.township_uuid)
        return f

    def load_persons(self, person_uuids: Iterable[str]) -> list[RequestFacts]:
        people = sorted(set(person_uuids))
        out: list[RequestFacts] = []
        for i in range(0, len(people), IN_CHUNK):
            out += self.load(LeaveRequest.person_uuid.in_(people[i:i + IN_CHUNK]))
        return out

    def _take(self, r: LeaveRequest) -> RequestFacts:
        f = RequestFacts.of(r)
        self.facts[f.uuid] = f
        self._status.clear()
        return f

    def _attach(self) -> None:
        uuids = list(self.facts)
        steps: dict[str, list[StepRecord]] = {u: [] for u in uuids}
        returns: dict[str, ReturnRecord] = {}
        for i in range(0, len(uuids), IN_CHUNK):
            part = uuids[i:i + IN_CHUNK]
            for st in self.s.scalars(select(LeaveStep).where(LeaveStep.deleted.is_(False),
                                                             LeaveStep.request_uuid.in_(part))
                                     .order_by(LeaveStep.step_no, LeaveStep.decided_on)):
                steps[st.request_uuid].append(StepRecord(st.uuid, st.step_no, st.body, st.decision, st.decided_on,
                                                         st.signer or "", st.remark or "", st.origin_site))
            for ret in self.s.scalars(select(LeaveReturn).where(LeaveReturn.deleted.is_(False),
                                                                LeaveReturn.request_uuid.in_(part))
                                      .order_by(LeaveReturn.registered_on)):
                returns.setdefault(ret.request_uuid, ReturnRecord(ret.uuid, ret.returned_on, ret.registered_on,
                                                                  ret.note or ""))
        for u, f in self.facts.items():
            f.steps, f.returned = steps[u], returns.get(u)
            f.children = []
        for f in self.facts.values():
            if f.extends_uuid and f.extends_uuid in self.facts:
                self.facts[f.extends_uuid].children.append(f.uuid)
        self._status.clear()

    def reload(self) -> None:
        """After a write in the same session: read the loaded requests again."""
        uuids = list(self.facts)
        self.facts.clear()
        for i in range(0, len(uuids), IN_CHUNK):
            self.load(LeaveRequest.uuid.in_(uuids[i:i + IN_CHUNK]))

    # -- rules and states ----------------------------------------------------------------------------------
    def rules_for(self, f: RequestFacts) -> LeaveRules:
        """The version the request was submitted under (a draft: the active one)."""
        key = f.rule_set_uuid if f.stored_state != STATE_DRAFT else None
        if key not in self._rules:
            view = rule_set_by_uuid(self.s, key) if key else None
            self._rules[key] = (view or self.active).leave
        return self._rules[key]

    def status(self, f: RequestFacts) -> Status:
        cached = self._status.get(f.uuid)
        if cached is None:
            cached = self._status[f.uuid] = self._compute(f)
        return cached

    def state(self, f: RequestFacts) -> str:
        return self.status(f).state

    def active_extension(self, f: RequestFacts) -> RequestFacts | None:
        live = [self.facts[c] for c in f.children
                if self.facts[c].stored_state not in (STATE_DRAFT, STATE_WITHDRAWN)
                and self.status(self.facts[c]).state != STATE_REFUSED]
        return max(live, key=lambda c: c.start) if live else None

    def _compute(self, f: RequestFacts) -> Status:
        rules = self.rules_for(f)
        due: date | None = None
        missing: int | None = None
        try:
            due = return_due(f.end, self.cal, rules)
        except CalendarMissing as exc:
            missing = exc.year
        if f.stored_state in (STATE_DRAFT, STATE_WITHDRAWN):
            return Status(f.stored_state, due, missing, None)
        steps = [st.as_step() for st in f.steps]
        signed = [st for st in steps if st.decided_on <= self.today]
        if approval_state(f.chain, signed) != STATE_APPROVED:
            facts = LeaveRequestFacts(f.start, f.end, f.chain, f.filed_on or f.start)
            return Status(state_on(facts, steps, None, self.today, self.cal, rules), due, missing, None)
        ext = self.active_extension(f)
        if ext is not None:
            returned = self.status(ext).returned_on
            if returned is not None and returned <= self.today:
                state = STATE_RETURNED
            else:
                state = STATE_APPROVED if self.today < f.start else STATE_ON_LEAVE
            return Status(state, due, missing, returned, self._leave_days(f, returned), (), ext.uuid)
        returned = f.returned.returned_on if f.returned else None
        facts = LeaveRequestFacts(f.start, f.end, f.chain, f.filed_on or f.start)
        absent: tuple[date, ...] = ()
        try:
            state = state_on(facts, steps, returned, self.today, self.cal, rules)
            absent = tuple(absent_days_after(f.end, returned, self.today, self.cal, rules))
        except CalendarMissing as exc:  # the return due cannot be known: never guessed, never overdue
            missing = missing or exc.year
            if returned is not None and returned <= self.today:
                state = STATE_RETURNED
            else:
                state = STATE_APPROVED if self.today < f.start else STATE_ON_LEAVE
        return Status(state, due, missing, returned, self._leave_days(f, returned), absent)

    @staticmethod
    def _leave_days(f: RequestFacts, returned: date | None) -> tuple[date, ...]:
        last = f.end if returned is None else min(f.end, returned - timedelta(days=1))
        return tuple(days_between(f.start, last))

    def total_days(self, f: RequestFacts) -> int:
        """The whole leave's length through its extension chain upwards (续假 counts with what it extends)."""
        total, parent = f.days, self.facts.get(f.extends_uuid or "")
        while parent is not None:
            total += parent.days
            parent = self.facts.get(parent.extends_uuid or "")
        return total


# ------------------------------------------------------------------------------------------------ people


def posting_for(s: Session, person_uuid: str, start: date, end: date) -> Posting | None:
    """The posting a leave from ``start`` belongs to: the one in post on ``start``, else one overlapping the
    leave, else the nearest (so that the date check can name the posting's dates)."""
    postings = list(s.scalars(select(Posting).where(Posting.person_uuid == person_uuid,
                                                    Posting.deleted.is_(False)).order_by(Posting.start_date)))
    if not postings:
        return None

    def covers(p: Posting, d: date) -> bool:
        return p.start_date <= d and (p.end_date is None or d <= p.end_date)

    for test in (lambda p: covers(p, start),
                 lambda p: p.start_date <= max(start, end) and (p.end_date is None or p.end_date >= start)):
        found = [p for p in postings if test(p)]
        if found:
            return found[-1]
    return min(postings, key=lambda p: abs((p.start_date - start).days))


def team_of(s: Session, village_uuid: str, start: date, end: date) -> list[TeamMember]:
    """Everyone posted to the village during the leave (§8: "同一工作队"; the village's team)."""
    q = (select(Posting.person_uuid, Person.name, Posting.start_date, Posting.end_date)
         .join(Person, Person.uuid == Posting.person_uuid)
         .where(Posting.village_uuid == village_uuid, Posting.deleted.is_(False), Person.deleted.is_(False),
                Posting.start_date <= end, or_(Posting.end_date.is_(None), Posting.end_date >= start)))
    return [TeamMember(p, n, a, b) for p, n, a, b in s.execute(q)]


def away_of(ctx: LeaveContext, team: list[TeamMember], requester: str, end: date,
            exclude: Iterable[str] = ()) -> list[Away]:
    """The team's other requests as the two-remain rule sees them (states as of ``ctx.today``)."""
    names = {m.person_uuid: m.name for m in team if m.person_uuid != requester}
    skip = set(exclude)
    out = []
    for f in ctx.load_persons(names):
        if f.uuid in skip or f.start > end:
            continue
        st = ctx.status(f)
        out.append(Away(f.person_uuid, names[f.person_uuid], f.start, f.end, st.state, st.returned_on))
    return out


def person_names(s: Session, uuids: Iterable[str]) -> dict[str, str]:
    people = sorted({u for u in uuids if u})
    out: dict[str, str] = {}
    for i in range(0, len(people), IN_CHUNK):
        out.update(s.execute(select(Person.uuid, Person.name).where(Person.uuid.in_(people[i:i + IN_CHUNK]))).all())
    return out
