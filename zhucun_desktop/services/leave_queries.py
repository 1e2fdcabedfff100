"""Read-only views of leave (§8): the list, one request in detail, who is away on a day, whom to choose.

States are derived on the day asked about (``today``, default the real date) from the request, its steps and its
return (see ``leave_facts``), so the county and the township see the same state once the USB hand-off has
carried the other side's records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select

from ..domain import terms
from ..domain.leave_checks import Away
from ..domain.leave_rules import (
    KIND_TO_CODE,
    STATE_APPROVED,
    STATE_ON_LEAVE,
    STATE_OVERDUE,
    can_withdraw,
    is_pending,
)
from ..domain.leave_rules import tier_for as _tier_for
from ..storage.models import LeaveRequest, Person, Posting, Township, Village
from .calendar import load_calendar
from .leave_facts import LeaveContext, RequestFacts, StepRecord, is_county_body, person_names, posting_for
from .rule_sets import rule_set_by_uuid
from .workspace import Workspace

ROLE_ORDER = {terms.ROLE_FIRST_SECRETARY: 0, terms.ROLE_TEAM_MEMBER: 1}


@dataclass(frozen=True)
class LeaveRow:
    """One line of the leave list."""

    uuid: str
    person_uuid: str
    name: str
    role: str
    township_uuid: str
    township: str
    village: str
    kind: str
    code: str
    start: date
    end: date
    days: int
    state: str
    next_body: str | None  # the body whose signature is awaited, while pending
    next_step_no: int | None
    filed_on: date | None
    return_due: date | None
    returned_on: date | None
    overdue_days: int  # 旷 days after the leave so far
    extends_uuid: str | None
    rule_set_label: str


@dataclass(frozen=True)
class AwayRow:
    """Someone out of the village on a day (去向), with the approvals so far."""

    request_uuid: str
    person_uuid: str
    name: str
    role: str
    village: str
    kind: str
    start: date
    end: date
    state: str
    approvals: str
    returned_on: date | None


@dataclass
class LeaveDetail:
    """One request: the form's fields, its chain and signatures, its return, what may be done next."""

    request: LeaveRow
    destination: str
    reason: str
    contact: str
    handover_name: str | None
    chain: tuple[str, ...]
    steps: list[StepRecord]
    next_body: str | None
    file_with: str | None
    tier_label: str
    rule_set_text: str
    return_due: date | None
    return_due_problem: str | None  # e.g. the year whose calendar is missing
    returned_on: date | None
    return_registered_on: date | None
    return_note: str | None
    absent_days: list[date] = field(default_factory=list)
    extends_uuid: str | None = None
    extends_text: str | None = None
    extension_uuid: str | None = None
    can_withdraw: bool = False
    can_return: bool = False
    can_extend: bool = False
    next_step_here: bool = False  # the awaited signature is recorded at this site
    next_step_where: str = ""  # who records it, in words
    withdrawn_on: date | None = None  # 撤回 on this day …
    withdraw_reason: str | None = None  # … for this reason


def _scope(ws: Workspace, township_uuid: str | None) -> str | None:
    if township_uuid is not None:
        ws.check_township(township_uuid)
        return township_uuid
    return None if ws.actor.is_county else ws.actor.township_uuid


def places(s, requests: list[RequestFacts]) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """posting uuid → (role, village name); township uuid → name."""
    postings = sorted({f.posting_uuid for f in requests})
    roles: dict[str, tuple[str, str]] = {}
    for i in range(0, len(postings), 500):
        q = (select(Posting.uuid, Posting.role, Village.name).join(Village, Village.uuid == Posting.village_uuid)
             .where(Posting.uuid.in_(postings[i:i + 500])))
        roles.update({u: (r, v) for u, r, v in s.execute(q)})
    return roles, dict(s.execute(select(Township.uuid, Township.name)).all())


def _label(s, f: RequestFacts, cache: dict) -> str:
    if f.rule_set_uuid not in cache:
        view = rule_set_by_uuid(s, f.rule_set_uuid)
        cache[f.rule_set_uuid] = view.label if view else ""
    return cache[f.rule_set_uuid]


def _row(ctx: LeaveContext, f: RequestFacts, names: dict, roles: dict, townships: dict, labels: dict) -> LeaveRow:
    st = ctx.status(f)
    role, village = roles.get(f.posting_uuid, ("", ""))
    pending = is_pending(st.state)
    next_no = len([x for x in f.steps if x.decided_on <= ctx.today]) + 1 if pending else None
    next_body = f.chain[next_no - 1] if next_no and next_no <= len(f.chain) else None
    return LeaveRow(f.uuid, f.person_uuid, names.get(f.person_uuid, ""), role, f.township_uuid,
                    townships.get(f.township_uuid, ""), village, f.kind, KIND_TO_CODE.get(f.kind, ""), f.start,
                    f.end, f.days, st.state, next_body, next_no, f.filed_on, st.return_due, st.returned_on,
                    len(st.absent_days), f.extends_uuid, _label(ctx.s, f, labels))


def _state_matches(state: str, wanted: str | None) -> bool:
    if not wanted:
        return True
    return is_pending(state) if wanted in ("审批中",) else state == wanted


def list_requests(ws: Workspace, *, township_uuid: str | None = None, month: str | None = None,
                  state: str | None = None, person_uuid: str | None = None, today: date | None = None
                  ) -> list[LeaveRow]:
    """The leave list, newest first: ``month`` (YYYY-MM) keeps requests overlapping it; ``state`` is the
    state on ``today`` (审批中 matches every step)."""
    township_uuid = _scope(ws, township_uuid)
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        conditions = []
        if township_uuid:
            conditions.append(LeaveRequest.township_uuid == township_uuid)
        if person_uuid:
            conditions.append(LeaveRequest.person_uuid == person_uuid)
        if month:
            year, mon = (int(x) for x in month.split("-"))
            first = date(year, mon, 1)
            last = date(year + (mon == 12), mon % 12 + 1, 1)
            conditions += [LeaveRequest.start_date < last, LeaveRequest.end_date >= first]
        requests = ctx.load(*conditions)
        names = person_names(s, {f.person_uuid for f in requests})
        roles, townships = places(s, requests)
        labels: dict = {}
        rows = [_row(ctx, f, names, roles, townships, labels) for f in requests]
    rows = [r for r in rows if _state_matches(r.state, state)]
    rows.sort(key=lambda r: (r.start, r.filed_on or r.start, r.name), reverse=True)
    return rows


def request_detail(ws: Workspace, request_uuid: str, today: date | None = None) -> LeaveDetail:
    """Everything the detail panel and the printed form need of one request."""
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        f = ctx.request_in_scope(ws, request_uuid)
        names = person_names(s, [f.person_uuid, f.handover_person_uuid or ""])
        roles, townships = places(s, [f])
        row = _row(ctx, f, names, roles, townships, {})
        st = ctx.status(f)
        rules = ctx.rules_for(f)
        total = ctx.total_days(f)
        tier = _tier_for(total, rules)
        parent = ctx.facts.get(f.extends_uuid or "")
        rule_label = _label(s, f, {}) or ctx.active.label
        stored = s.get(LeaveRequest, f.uuid)
        withdrawn = (stored.withdrawn_on, stored.withdraw_reason) if stored is not None else (None, None)
    detail = LeaveDetail(
        request=row, destination=f.destination, reason=f.reason, contact=f.contact,
        handover_name=names.get(f.handover_person_uuid or "") or None, chain=f.chain, steps=list(f.steps),
        next_body=row.next_body, file_with=tier.file_with, tier_label=tier.label, rule_set_text=rule_label,
        return_due=st.return_due,
        return_due_problem=(f"缺少{st.calendar_missing}年的工作日历，无法推算销假期限"
                            if st.calendar_missing else None),
        returned_on=st.returned_on,
        return_registered_on=f.returned.registered_on if f.returned else None,
        return_note=f.returned.note if f.returned else None, absent_days=list(st.absent_days),
        extends_uuid=f.extends_uuid,
        extends_text=(f"续{parent.start:%Y-%m-%d}至{parent.end:%Y-%m-%d}的{parent.kind}，连同原假共{total}天"
                      if parent else None),
        extension_uuid=st.extension_uuid,
        can_withdraw=can_withdraw(st.state) and (not f.origin_site or f.origin_site == ws.site_id),
        can_return=st.state in (STATE_ON_LEAVE, STATE_OVERDUE) and st.extension_uuid is None,
        can_extend=st.state in (STATE_APPROVED, STATE_ON_LEAVE) and st.extension_uuid is None,
        withdrawn_on=withdrawn[0], withdraw_reason=withdrawn[1])
    if row.next_body:
        county = is_county_body(row.next_body)
        detail.next_step_here = (ws.is_county_site and ws.actor.is_county) if county else (
            not f.origin_site or f.origin_site == ws.site_id)
        detail.next_step_where = ("由县委组织部在县里登记" if county else "由乡镇按纸质审批表录入")
    return detail


def approvals_text(steps: list[StepRecord]) -> str:
    """``村党支部 同意 11-02；乡镇党委 同意 11-03`` (the 登记簿's column)."""
    return "；".join(f"{st.body} {st.decision} {st.decided_on:%m-%d}" for st in steps)


def away_on(ws: Workspace, township_uuid: str, day: date, *, today: date | None = None) -> list[AwayRow]:
    """Who of the township is out of the village on ``day`` (去向): approved, pending, on leave or overdue
    (the same reading as the two-remain rule, ``Away.away_on``)."""
    ws.check_township(township_uuid)
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        requests = ctx.load(LeaveRequest.township_uuid == township_uuid, LeaveRequest.start_date <= day)
        names = person_names(s, {f.person_uuid for f in requests})
        roles, _ = places(s, requests)
        out = []
        for f in requests:
            st = ctx.status(f)
            if not Away(f.person_uuid, "", f.start, f.end, st.state, st.returned_on).away_on(day):
                continue
            role, village = roles.get(f.posting_uuid, ("", ""))
            out.append(AwayRow(f.uuid, f.person_uuid, names.get(f.person_uuid, ""), role, village, f.kind, f.start,
                               f.end, st.state, approvals_text(f.steps), st.returned_on))
    out.sort(key=lambda a: (a.village, ROLE_ORDER.get(a.role, 9), a.name))
    return out


def handover_candidates(ws: Workspace, person_uuid: str, on: date) -> list[tuple[str, str]]:
    """工作交接人 to choose from (§8): the others posted to the requester's village on ``on``."""
    with ws.read() as s:
        posting = posting_for(s, person_uuid, on, on)
        if posting is None:
            return []
        ws.check_township(posting.township_uuid)
        q = (select(Person.uuid, Person.name, Posting.role).join(Posting, Posting.person_uuid == Person.uuid)
             .where(Posting.village_uuid == posting.village_uuid, Posting.deleted.is_(False),
                    Person.deleted.is_(False), Person.uuid != person_uuid, Posting.start_date <= on,
                    or_(Posting.end_date.is_(None), Posting.end_date >= on)))
        found = {u: (n, r) for u, n, r in s.execute(q)}
    return [(u, n) for u, (n, r) in sorted(found.items(), key=lambda kv: (ROLE_ORDER.get(kv[1][1], 9), kv[1][0]))]


def requestable_people(ws: Workspace, township_uuid: str | None, on: date) -> list[tuple[str, str, str, str]]:
    """Cadres in post on ``on`` who may file a request: (uuid, name, role, village), by village and role."""
    township_uuid = _scope(ws, township_uuid)
    with ws.read() as s:
        q = (select(Person.uuid, Person.name, Posting.role, Village.name)
             .join(Posting, Posting.person_uuid == Person.uuid).join(Village, Village.uuid == Posting.village_uuid)
             .where(Posting.deleted.is_(False), Person.deleted.is_(False), Posting.start_date <= on,
                    or_(Posting.end_date.is_(None), Posting.end_date >= on)))
        if township_uuid:
            q = q.where(Posting.township_uuid == township_uuid)
        rows = {u: (u, n, r, v) for u, n, r, v in s.execute(q)}
    return sorted(rows.values(), key=lambda r: (r[3], ROLE_ORDER.get(r[2], 9), r[1]))


__all__ = ["AwayRow", "LeaveDetail", "LeaveRow", "approvals_text", "away_on", "handover_candidates",
           "list_requests", "request_detail", "requestable_people"]
