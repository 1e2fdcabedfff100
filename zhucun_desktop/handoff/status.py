"""What each side knows about the other after the hand-off.

- ``received_status`` (township): which of its months and leave requests the county has received — a row is
  received when its last change went out in a package the county acknowledged with a receipt — and which steps
  the county has decided on its requests.
- ``county_overview`` (county): per township for one month — the table sealed / received / overdue (§7: by the
  5th working day of the next month), leave waiting for county signatures (§8), ledger rows open or overdue
  (§13, §14), the last package and its number, and the conflicts waiting for review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from ..domain.attendance_due import FILED_STATE, is_overdue, month_state_due
from ..domain.leave_rules import is_pending
from ..domain.supervision import can_edit
from ..services.calendar import due_working_day, load_calendar
from ..services.errors import PermissionDenied, ServiceError
from ..services.leave_facts import is_county_body
from ..services.ledger import statuses as ledger_statuses
from ..storage.models import (
    AttendanceMonth,
    Conflict,
    LeaveRequest,
    LeaveStep,
    LedgerRow,
    PackageLog,
    Person,
    Site,
    Township,
)
from .sites import self_site

SEALED_STATES = ("已封存", "已报送")


@dataclass(frozen=True)
class CountyStep:
    step_no: int
    body: str
    decision: str
    decided_on: date
    signer: str | None


@dataclass(frozen=True)
class ReceivedMonth:
    month: str
    state: str
    received: bool


@dataclass(frozen=True)
class ReceivedLeave:
    request_uuid: str
    person_name: str
    kind: str
    start_date: date
    end_date: date
    state: str
    received: bool
    county_steps: tuple[CountyStep, ...]


@dataclass
class ReceivedStatus:
    last_acknowledged_sequence: int | None
    acknowledged_until: datetime | None
    months: list[ReceivedMonth] = field(default_factory=list)
    leaves: list[ReceivedLeave] = field(default_factory=list)


def received_status(ws) -> ReceivedStatus:
    """The township's view of what the county has received and decided."""
    with ws.read() as s:
        me = self_site(s)
        if me.township_uuid is None:
            raise ServiceError("“县里已收到”只在乡镇的数据库中查看。")
        acked = list(s.scalars(select(PackageLog).where(PackageLog.direction == "out",
                                                        PackageLog.acknowledged.is_(True))))
        ends = [datetime.fromisoformat(p.counts["period_to"]) for p in acked if p.counts.get("period_to")]
        until = max(ends) if ends else None
        status = ReceivedStatus(max((p.sequence for p in acked), default=None), until)

        def got(updated_at: datetime) -> bool:
            return until is not None and updated_at <= until

        for m in s.scalars(select(AttendanceMonth).where(AttendanceMonth.township_uuid == me.township_uuid,
                                                         AttendanceMonth.deleted.is_(False),
                                                         AttendanceMonth.origin_site == me.site_id)
                           .order_by(AttendanceMonth.month)):
            status.months.append(ReceivedMonth(m.month, m.state, got(m.updated_at)))
        steps: dict[str, list[CountyStep]] = {}
        for st in s.scalars(select(LeaveStep).where(LeaveStep.origin_site != me.site_id,
                                                    LeaveStep.deleted.is_(False)).order_by(LeaveStep.step_no)):
            steps.setdefault(st.request_uuid, []).append(
                CountyStep(st.step_no, st.body, st.decision, st.decided_on, st.signer))
        q = (select(LeaveRequest, Person.name).join(Person, Person.uuid == LeaveRequest.person_uuid)
             .where(LeaveRequest.township_uuid == me.township_uuid, LeaveRequest.deleted.is_(False),
                    LeaveRequest.origin_site == me.site_id).order_by(LeaveRequest.start_date))
        for req, name in s.execute(q):
            status.leaves.append(ReceivedLeave(req.uuid, name, req.kind, req.start_date, req.end_date, req.state,
                                               got(req.updated_at), tuple(steps.get(req.uuid, ()))))
        return status


@dataclass(frozen=True)
class TownshipOverview:
    township_uuid: str
    township: str
    month: str
    state: str
    sealed: bool
    received: bool
    due: date | None
    overdue: bool
    leave_waiting_county: int
    ledger_open: int
    ledger_overdue: int
    last_sequence: int | None
    last_package_at: datetime | None
    open_conflicts: int


def _waiting_county(chain: list[str], signed: int, state: str) -> bool:
    """§8: the request's next signature belongs to a county body (县乡村振兴局, 县委组织部, 县委分管副书记…)."""
    return is_pending(state) and signed < len(chain) and is_county_body(chain[signed])


def county_overview(ws, year: int, month: int, *, today: date | None = None) -> list[TownshipOverview]:
    """汇总: one line per township for ``year``-``month`` (the county's 数据交换 overview)."""
    if not ws.actor.is_county or not ws.is_county_site:
        raise PermissionDenied("汇总情况只在县委组织部的数据库中查看。")
    today = today or date.today()
    key = f"{year:04d}-{month:02d}"
    cal = load_calendar(ws)
    with ws.read() as s:
        due = month_state_due(year, month, cal, due_working_day(s))
        sites = {x.township_uuid: x.site_id for x in s.scalars(select(Site).where(Site.is_self.is_(False)))}
        months = {m.township_uuid: m for m in s.scalars(select(AttendanceMonth).where(
            AttendanceMonth.month == key, AttendanceMonth.deleted.is_(False)))}
        signed = dict(s.execute(select(LeaveStep.request_uuid, func.count()).where(LeaveStep.deleted.is_(False))
                                .group_by(LeaveStep.request_uuid)).all())
        waiting: dict[str, int] = {}
        for req in s.scalars(select(LeaveRequest).where(LeaveRequest.deleted.is_(False))):
            if _waiting_county(list(req.chain or []), signed.get(req.uuid, 0), req.state):
                waiting[req.township_uuid] = waiting.get(req.township_uuid, 0) + 1
        ledger_open: dict[str | None, int] = {}
        ledger_late: dict[str | None, int] = {}
        rows = list(s.scalars(select(LedgerRow).where(LedgerRow.deleted.is_(False))))
        states = ledger_statuses(s, [r.uuid for r in rows])
        for row in rows:
            if not can_edit(states[row.uuid].state):  # reported complete or closed (§13)
                continue
            ledger_open[row.township_uuid] = ledger_open.get(row.township_uuid, 0) + 1
            if row.deadline < today:
                ledger_late[row.township_uuid] = ledger_late.get(row.township_uuid, 0) + 1
        last = {r[0]: (r[1], r[2]) for r in s.execute(
            select(PackageLog.peer_site, func.max(PackageLog.sequence), func.max(PackageLog.at))
            .where(PackageLog.direction == "in").group_by(PackageLog.peer_site))}
        conflicts = dict(s.execute(
            select(PackageLog.peer_site, func.count(Conflict.id)).join(PackageLog,
                                                                       PackageLog.package_id == Conflict.package_id)
            .where(Conflict.resolved.is_(False)).group_by(PackageLog.peer_site)).all())
        out = []
        for t in s.scalars(select(Township).where(Township.deleted.is_(False)).order_by(Township.name)):
            record = months.get(t.uuid)
            state = record.state if record else "未完成"
            sealed = state in SEALED_STATES
            received = sealed and record is not None and record.origin_site == sites.get(t.uuid)
            site_id = sites.get(t.uuid)
            seq, at = last.get(site_id, (None, None)) if site_id else (None, None)
            out.append(TownshipOverview(
                t.uuid, t.name, key, state, sealed, received, due,
                is_overdue(due, today, FILED_STATE if received else state), waiting.get(t.uuid, 0),
                ledger_open.get(t.uuid, 0), ledger_late.get(t.uuid, 0), seq, at,
                conflicts.get(site_id, 0) if site_id else 0))
        return out
