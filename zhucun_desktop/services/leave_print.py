"""The printed leave papers (§8): the two-copy 请假审批表 of one request and the monthly 请销假登记簿.

Builds the plain dataclasses of ``reports.leave_data`` (the reports layer never touches the database); the
writers are ``reports.leave_form_pdf`` and ``reports.leave_book``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from ..domain.leave_rules import STATE_DRAFT, STATE_WITHDRAWN, tier_for
from ..reports.leave_data import LeaveBook, LeaveBookRow, LeaveForm, LeaveFormStep
from ..storage.models import DispatchUnit, LeaveRequest, Person, Township
from .attendance import month_key
from .calendar import load_calendar
from .leave_facts import LeaveContext, person_names
from .leave_queries import approvals_text, places
from .org import county_name
from .rule_sets import rule_set_by_uuid
from .workspace import Workspace


def leave_form(ws: Workspace, request_uuid: str, *, today: date | None = None) -> LeaveForm:
    """请假审批表: the whole chain with what has been signed so far, the return and the rule-set version."""
    county = county_name(ws)
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        f = ctx.request_in_scope(ws, request_uuid)
        st = ctx.status(f)
        person = s.get(Person, f.person_uuid)
        unit = s.get(DispatchUnit, person.unit_uuid) if person and person.unit_uuid else None
        roles, townships = places(s, [f])
        role, village = roles.get(f.posting_uuid, ("", ""))
        stored = s.get(LeaveRequest, f.uuid)
        handover = person_names(s, [f.handover_person_uuid or ""]).get(f.handover_person_uuid or "")
        view = rule_set_by_uuid(s, f.rule_set_uuid)
        total = ctx.total_days(f)
        tier = tier_for(total, ctx.rules_for(f))
    signed = {st_.step_no: st_ for st_ in f.steps}
    steps = [LeaveFormStep(n, body) for n, body in enumerate(f.chain, start=1)]
    for step in steps:
        done = signed.get(step.step_no)
        if done is not None:
            step.decision, step.signer, step.decided_on = done.decision, done.signer, done.decided_on
            step.remark = done.remark or None
    return LeaveForm(
        county=county, township=townships.get(f.township_uuid, ""), village=village,
        name=person.name if person else "", role=role, unit=unit.name if unit else "",
        phone=(person.phone or "") if person else "", kind=f.kind, start=f.start, end=f.end, days=f.days,
        destination=f.destination, reason=f.reason, contact=f.contact, handover_name=handover, steps=steps,
        state=st.state, file_with=tier.file_with, rule_set=view.label if view else "",
        return_due=st.return_due, returned_on=f.returned.returned_on if f.returned else None,
        return_registered_on=f.returned.registered_on if f.returned else None,
        return_note=(f.returned.note or None) if f.returned else None, request_no=f.uuid[:8].upper(),
        filed_on=f.filed_on, printed_at=datetime.now(),
        withdrawn_on=stored.withdrawn_on if stored is not None else None,
        withdraw_reason=(stored.withdraw_reason or None) if stored is not None else None)


def leave_book(ws: Workspace, township_uuid: str | None, year: int, month: int, *,
               today: date | None = None) -> LeaveBook:
    """请销假登记簿 of a month: every submitted request overlapping it (drafts and withdrawn ones are not on
    paper), by start date; the county's book spans every township when ``township_uuid`` is None."""
    if township_uuid is not None:
        ws.check_township(township_uuid)
    elif not ws.actor.is_county:
        township_uuid = ws.actor.township_uuid
    month_key(year, month)  # refuses a month that does not exist, in Chinese
    first = date(year, month, 1)
    after = date(year + (month == 12), month % 12 + 1, 1)
    county = county_name(ws)
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        conditions = [LeaveRequest.start_date < after, LeaveRequest.end_date >= first]
        if township_uuid:
            conditions.append(LeaveRequest.township_uuid == township_uuid)
        requests = [f for f in ctx.load(*conditions) if f.stored_state not in (STATE_DRAFT, STATE_WITHDRAWN)]
        names = person_names(s, {f.person_uuid for f in requests} | {f.handover_person_uuid or "" for f in requests})
        roles, townships = places(s, requests)
        township = s.scalar(select(Township.name).where(Township.uuid == township_uuid)) if township_uuid else ""
        rows = []
        for f in sorted(requests, key=lambda f: (f.start, townships.get(f.township_uuid, ""), f.uuid)):
            st = ctx.status(f)
            role, village = roles.get(f.posting_uuid, ("", ""))
            if not township_uuid:
                village = f"{townships.get(f.township_uuid, '')}{village}"
            rows.append(LeaveBookRow(
                name=names.get(f.person_uuid, ""), village=village, role=role, kind=f.kind, start=f.start, end=f.end,
                days=f.days, destination=f.destination, approvals=approvals_text(f.steps), state=st.state,
                return_due=st.return_due, returned_on=st.returned_on,
                handover_name=names.get(f.handover_person_uuid or "") or None, overdue_days=len(st.absent_days)))
    return LeaveBook(county=county, township=township or "", year=year, month=month, rows=rows,
                     printed_at=datetime.now())
