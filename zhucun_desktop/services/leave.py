"""请销假 (§8): a leave request from the form to its return — request, signatures, withdrawal, 销假, 续假.

Decisions (DOMAIN.md §8, DESIGN.md "Records that travel"):

- The request is made at the site that keeps the township's records (a township user for its own township, or
  the county administrator); it is checked by the domain's rules (``validate_request``: kind, dates within the
  posting, no overlap with the same person's requests, a 工作交接人 posted to the same village for a first
  secretary; ``check_two_remain``: at least 2 of the team stay in the village, counting leave approved or
  pending). A draft (草稿) needs only the first; submitting needs all, plus 外出地点 and 请假事由.
- On submission the request keeps the active rule set's uuid and number and a snapshot of its chain
  (``approval_chain``: a team member's starts with 驻村第一书记); later rule changes never alter it.
- A signature (``record_step``) is one LeaveStep row owned by the site that records it, in the chain's order
  (``apply_step``: a body out of order, a step on a decided request, a date before the previous step's or in the
  future are refused; 不同意 ends it as 未批准). Paper steps (驻村第一书记, 村党支部, 乡镇党委) are entered at the
  site that owns the request, by a user of its township or the county administrator; county bodies (every body
  starting with 县: 县乡村振兴局, 县委组织部, 县委分管副书记) are decided at the county site only, by a county user.
- Withdrawal (撤回) is the owner's, while the domain allows it (``can_withdraw``); a withdrawn request shows
  已撤回 from then on (the model keeps no withdrawal date; the reason goes to the audit action).
- 销假 (``register_return``) is one LeaveReturn row; it is registered on the last link of a 续假 chain. An
  extension (``extend_request``) is a new request (``extends_uuid``) from the day after the end, through the
  same checks and a chain chosen by the WHOLE leave's length, so a long leave cannot be split to dodge a band.
- Every change is one transaction; the attendance link (``leave_sync``) runs inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy.orm import Session

from ..domain.errors import Finding, RuleViolation, has_errors
from ..domain.leave_checks import check_two_remain, validate_request
from ..domain.leave_rules import (
    FIELD_DATES,
    FIELD_STEP,
    RULE,
    STATE_APPROVED,
    STATE_DRAFT,
    STATE_ON_LEAVE,
    STATE_OVERDUE,
    STATE_RETURNED,
    STATE_WITHDRAWN,
    approval_chain,
    can_withdraw,
    leave_days,
    pending_state,
    tier_for,
)
from ..domain.leave_states import Step, apply_step
from ..domain.text import normalize
from ..storage.models import LeaveRequest, LeaveReturn, LeaveStep, Person, Posting
from .calendar import load_calendar
from .errors import PermissionDenied, ServiceError, ValidationFailed
from .leave_facts import LeaveContext, RequestFacts, away_of, is_county_body, posting_for, team_of
from .leave_sync import refresh_stored_states, sync_people
from .rule_sets import RuleSetView
from .workspace import Workspace

FIELD_PERSON = "请假人"
FIELD_DESTINATION = "外出地点"
FIELD_REASON = "请假事由"
FIELD_SIGNER = "签字人"
FIELD_RETURN = "销假日期"
MIN_WITHDRAW_REASON = 2


@dataclass
class LeaveDraft:
    """What the request dialog collects (请假审批表的填写内容)."""

    person_uuid: str
    kind: str
    start: date
    end: date
    destination: str = ""
    reason: str = ""
    contact: str = ""
    handover_person_uuid: str | None = None
    filed_on: date | None = None
    extends_uuid: str | None = None  # 续假: the request this one extends


@dataclass(frozen=True)
class ChainPreview:
    """The chain a draft would go through, for the dialog to show before it is submitted."""

    days: int  # this request's length as §8 counts it (calendar days)
    total_days: int  # with the leave it extends, if any: this picks the band
    tier_label: str
    chain: tuple[str, ...]
    file_with: str | None
    rule_set_name: str
    rule_set_number: int
    rule_set_uuid: str | None
    role: str = ""
    problem: str | None = None  # why no chain can be shown yet (dates, person)


@dataclass
class _Examined:
    """What checking a draft found out."""

    findings: list[Finding] = field(default_factory=list)
    posting: Posting | None = None
    person: Person | None = None
    days: int = 0
    total_days: int = 0
    chain: tuple[str, ...] = ()
    rules: RuleSetView | None = None


def _clean(draft: LeaveDraft) -> LeaveDraft:
    return replace(draft, kind=normalize(draft.kind), destination=normalize(draft.destination),
                   reason=(draft.reason or "").strip(), contact=normalize(draft.contact),
                   handover_person_uuid=draft.handover_person_uuid or None, extends_uuid=draft.extends_uuid or None)


def _examine(ws: Workspace, ctx: LeaveContext, draft: LeaveDraft, request_uuid: str | None, *,
             for_submit: bool) -> _Examined:
    s = ctx.s
    out = _Examined(rules=ctx.active)
    person = s.get(Person, draft.person_uuid) if draft.person_uuid else None
    if person is None or person.deleted:
        out.findings.append(Finding.error(FIELD_PERSON, "请选择请假的驻村干部", RULE))
        return out
    out.person = person
    posting = posting_for(s, person.uuid, draft.start, draft.end)
    if posting is None:
        out.findings.append(Finding.error(FIELD_PERSON, f"{person.name}没有驻村记录：只能为驻村期间请假", RULE))
        return out
    ws.check_township(posting.township_uuid)
    out.posting = posting
    same_village = None
    if draft.handover_person_uuid:
        on = min(draft.start, draft.end)
        same_village = any(p.village_uuid == posting.village_uuid and p.start_date <= on
                           and (p.end_date is None or on <= p.end_date)
                           for p in s.query(Posting).filter(Posting.person_uuid == draft.handover_person_uuid,
                                                            Posting.deleted.is_(False)))
    others = [(f.start, f.end, ctx.state(f)) for f in ctx.load_persons([person.uuid]) if f.uuid != request_uuid]
    out.findings += validate_request(
        role=posting.role, kind=draft.kind, start=draft.start, end=draft.end, posting_start=posting.start_date,
        posting_end=posting.end_date, handover_person_uuid=draft.handover_person_uuid,
        handover_same_village=same_village, other_requests_of_person=others, requester_uuid=person.uuid,
        rules=ctx.active.leave)
    if draft.end < draft.start:
        return out
    out.days = out.total_days = leave_days(draft.start, draft.end)
    if draft.extends_uuid:
        out.findings += _extension_findings(ctx, draft, out)
    try:
        out.chain = tuple(approval_chain(out.total_days, posting.role, ctx.active.leave))
    except RuleViolation as exc:
        out.findings.append(exc.to_finding())
    if not for_submit:
        return out
    if not draft.destination:
        out.findings.append(Finding.error(FIELD_DESTINATION, "请填写离开本县去往的地点（§8：离县须书面请假）", RULE))
    if not draft.reason:
        out.findings.append(Finding.error(FIELD_REASON, "请填写请假事由", RULE))
    team = team_of(s, posting.village_uuid, draft.start, draft.end)
    exclude = [request_uuid] if request_uuid else []
    out.findings += check_two_remain(team=team, requester_uuid=person.uuid, start=draft.start, end=draft.end,
                                     away=away_of(ctx, team, person.uuid, draft.end, exclude),
                                     min_remaining=ctx.active.leave.min_remaining_in_village)
    return out


def _extension_findings(ctx: LeaveContext, draft: LeaveDraft, out: _Examined) -> list[Finding]:
    parent = ctx.load_one(draft.extends_uuid or "")
    if parent is None:
        return [Finding.error(FIELD_DATES, "要续假的原请假不存在", RULE)]
    state = ctx.state(parent)
    problems = []
    if parent.person_uuid != draft.person_uuid:
        problems.append("续假只能由原请假人申请")
    if state not in (STATE_APPROVED, STATE_ON_LEAVE) or ctx.active_extension(parent) is not None:
        why = "已有续假申请" if ctx.active_extension(parent) is not None else f"原请假是“{state}”"
        problems.append(f"{why}：只有已批准、尚未销假的请假可以续假（逾期未销假的须先销假）")
    if draft.start != parent.end + timedelta(days=1):
        problems.append(f"续假应从原请假结束的次日（{parent.end + timedelta(days=1):%Y-%m-%d}）开始")
    out.total_days = ctx.total_days(parent) + out.days
    return [Finding.error(FIELD_DATES, p, RULE) for p in problems]


def _context(ws: Workspace, s: Session, today: date | None) -> LeaveContext:
    return LeaveContext(s, load_calendar(s), today or date.today())


def check_request(ws: Workspace, draft: LeaveDraft, *, request_uuid: str | None = None,
                  today: date | None = None) -> list[Finding]:
    """Every problem that would stop the request from being submitted (live, in the dialog; writes nothing)."""
    with ws.read() as s:
        return _examine(ws, _context(ws, s, today), _clean(draft), request_uuid, for_submit=True).findings


def preview_chain(ws: Workspace, draft: LeaveDraft, *, today: date | None = None) -> ChainPreview:
    """The days as §8 counts them, the band and its chain under the active rule set."""
    draft = _clean(draft)
    with ws.read() as s:
        ctx = _context(ws, s, today)
        ex = _examine(ws, ctx, draft, None, for_submit=False)
    rules = ex.rules or ctx.active
    problem = None
    if ex.posting is None:
        problem = ex.findings[0].text if ex.findings else "请选择请假人"
    elif draft.end < draft.start:
        problem = f"{FIELD_DATES}：结束日期不能早于开始日期"
    if problem:
        return ChainPreview(0, 0, "", (), None, rules.name, rules.number, rules.uuid, problem=problem)
    tier = tier_for(ex.total_days, rules.leave)
    return ChainPreview(ex.days, ex.total_days, tier.label, ex.chain, tier.file_with, rules.name, rules.number,
                        rules.uuid, ex.posting.role)


def _refuse(findings: list[Finding], what: str) -> None:
    if has_errors(findings):
        raise ValidationFailed([f for f in findings if f.is_error], f"请假申请没有{what}：")


def _fill(row: LeaveRequest, draft: LeaveDraft, ex: _Examined) -> None:
    assert ex.posting is not None
    row.person_uuid, row.posting_uuid, row.township_uuid = draft.person_uuid, ex.posting.uuid, ex.posting.township_uuid
    row.kind, row.start_date, row.end_date, row.days = draft.kind, draft.start, draft.end, ex.days
    row.destination, row.reason, row.contact = draft.destination or None, draft.reason or None, draft.contact or None
    row.handover_person_uuid, row.extends_uuid = draft.handover_person_uuid, draft.extends_uuid
    row.chain = list(ex.chain)
    if draft.filed_on is not None:
        row.filed_on = draft.filed_on


def _submit(row: LeaveRequest, ex: _Examined, today: date) -> None:
    """The snapshot that travels with the request: rule-set version and chain, and the filing date."""
    assert ex.rules is not None
    row.rule_set_uuid, row.rule_set_number = ex.rules.uuid, ex.rules.number
    row.chain = list(ex.chain)
    row.state = pending_state(1)
    row.filed_on = row.filed_on or today


def create_request(ws: Workspace, draft: LeaveDraft, *, submit: bool = True, today: date | None = None) -> str:
    """新建请假 (and 提交 by default); nothing is stored when anything is refused."""
    draft = _clean(draft)
    with ws.transaction("提交请假" if submit else "保存请假草稿") as s:
        ctx = _context(ws, s, today)
        ex = _examine(ws, ctx, draft, None, for_submit=submit)
        _refuse(ex.findings, "提交" if submit else "保存")
        row = LeaveRequest(state=STATE_DRAFT)
        _fill(row, draft, ex)
        if submit:
            _submit(row, ex, ctx.today)
        else:
            row.rule_set_uuid, row.rule_set_number = ctx.active.uuid, ctx.active.number
        s.add(row)
        s.flush()
        return row.uuid


def _require_owner(ws: Workspace, f: RequestFacts, what: str) -> None:
    if f.origin_site and f.origin_site != ws.site_id:
        raise PermissionDenied(f"这份请假由乡镇登记，只能在登记它的电脑上{what}。")


def update_request(ws: Workspace, request_uuid: str, draft: LeaveDraft, *, today: date | None = None) -> None:
    """修改草稿: only a draft may be changed; a submitted request is withdrawn and made again instead."""
    draft = _clean(draft)
    with ws.transaction("修改请假草稿") as s:
        ctx = _context(ws, s, today)
        f = ctx.request_in_scope(ws, request_uuid)
        _require_owner(ws, f, "修改")
        if f.stored_state != STATE_DRAFT:
            raise ServiceError(f"只有草稿可以修改；这份请假是“{ctx.state(f)}”，如需改期请撤回后重新申请。")
        ex = _examine(ws, ctx, draft, request_uuid, for_submit=False)
        _refuse(ex.findings, "保存")
        row = s.get(LeaveRequest, request_uuid)
        _fill(row, draft, ex)
        row.rule_set_uuid, row.rule_set_number = ctx.active.uuid, ctx.active.number


def submit_request(ws: Workspace, request_uuid: str, *, today: date | None = None) -> None:
    """提交: 草稿 → 审批中（第1步）, under the rule set active now."""
    with ws.transaction("提交请假") as s:
        ctx = _context(ws, s, today)
        f = ctx.request_in_scope(ws, request_uuid)
        _require_owner(ws, f, "提交")
        if f.stored_state != STATE_DRAFT:
            raise ServiceError(f"这份请假已经提交（{ctx.state(f)}），不能重复提交。")
        draft = LeaveDraft(f.person_uuid, f.kind, f.start, f.end, f.destination, f.reason, f.contact,
                           f.handover_person_uuid, f.filed_on, f.extends_uuid)
        ex = _examine(ws, ctx, draft, request_uuid, for_submit=True)
        _refuse(ex.findings, "提交")
        row = s.get(LeaveRequest, request_uuid)
        _fill(row, draft, ex)
        _submit(row, ex, ctx.today)


def _check_recorder(ws: Workspace, f: RequestFacts, body: str) -> None:
    """Who records which signature (see the module docstring)."""
    if is_county_body(body):
        if not ws.is_county_site or not ws.actor.is_county:
            raise PermissionDenied(f"“{body}”的审批意见由县委组织部在县里的电脑上登记，乡镇只登记"
                                   "驻村第一书记、村党支部和乡镇党委的纸质签字。")
        return
    if f.origin_site and f.origin_site != ws.site_id:
        raise PermissionDenied(f"“{body}”的签字在纸质审批表上，由登记这份请假的乡镇录入。")


def record_step(ws: Workspace, request_uuid: str, *, body: str, decision: str, signer: str, decided_on: date,
                remark: str = "", today: date | None = None) -> None:
    """登记审批意见: the next body of the chain signs 同意 or 不同意 (§8)."""
    body, signer, remark = normalize(body), normalize(signer), (remark or "").strip()
    with ws.transaction(f"请假审批：{body}{decision}"[:40]) as s:
        ctx = _context(ws, s, today)
        f = ctx.request_in_scope(ws, request_uuid)
        if f.stored_state in (STATE_DRAFT, STATE_WITHDRAWN):
            what = "还是草稿，请先提交" if f.stored_state == STATE_DRAFT else "已撤回"
            raise ServiceError(f"这份请假{what}，不能登记审批意见。")
        _check_recorder(ws, f, body)
        if not signer:
            raise ValidationFailed([Finding.error(FIELD_SIGNER, f"请填写“{body}”签字人的姓名", RULE)])
        if decided_on > ctx.today:
            raise ValidationFailed([Finding.error(FIELD_STEP, f"签字日期{decided_on:%Y-%m-%d}晚于今天，"
                                                  "请按实际签字日期填写", RULE)])
        steps = [st.as_step() for st in f.steps]
        new = Step(len(steps) + 1, body, decision, decided_on, signer, remark)
        _state, problem = apply_step(f.chain, steps, new, filed_on=f.filed_on)
        if problem is not None:
            raise ValidationFailed([problem])
        s.add(LeaveStep(request_uuid=f.uuid, step_no=new.step_no, body=body, signer=signer, decision=decision,
                        decided_on=decided_on, remark=remark or None))
        s.flush()
        _after_change(ws, ctx, f.person_uuid)


def _after_change(ws: Workspace, ctx: LeaveContext, person_uuid: str) -> None:
    ctx.reload()
    sync_people(ctx.s, ws, ctx, [person_uuid])
    refresh_stored_states(ctx, ws, ctx.load_persons([person_uuid]))


def withdraw_request(ws: Workspace, request_uuid: str, reason: str, *, today: date | None = None) -> None:
    """撤回: while a draft, pending, or approved and not yet begun; its leave codes leave the table again. The day
    and the reason are kept on the request, so the county sees why it was withdrawn."""
    reason = normalize(reason)
    if len(reason) < MIN_WITHDRAW_REASON:
        raise ValidationFailed([Finding.error("撤回原因", "请写明撤回的原因", RULE)])
    with ws.transaction(f"撤回请假：{reason}"[:40]) as s:
        ctx = _context(ws, s, today)
        f = ctx.request_in_scope(ws, request_uuid)
        _require_owner(ws, f, "撤回")
        state = ctx.state(f)
        if not can_withdraw(state):
            hint = "请假已开始，请登记销假" if state in (STATE_ON_LEAVE, STATE_OVERDUE) else "不能撤回"
            raise ServiceError(f"这份请假是“{state}”，{hint}。")
        row = s.get(LeaveRequest, f.uuid)
        row.state = STATE_WITHDRAWN
        row.withdrawn_on, row.withdraw_reason = ctx.today, reason  # travel with the request (the audit does not)
        s.flush()
        _after_change(ws, ctx, f.person_uuid)


def register_return(ws: Workspace, request_uuid: str, returned_on: date, note: str = "", *,
                    today: date | None = None) -> None:
    """销假 (§8: "向谁请假备案，向谁销假"): the day the cadre was back in the village."""
    with ws.transaction("销假登记") as s:
        ctx = _context(ws, s, today)
        f = ctx.request_in_scope(ws, request_uuid)
        st = ctx.status(f)
        if st.extension_uuid is not None:
            ext = ctx.facts[st.extension_uuid]
            raise ServiceError(f"这份请假已续假至{ext.end:%Y-%m-%d}，请在续假申请上登记销假。")
        if st.state == STATE_RETURNED or f.returned is not None:
            raise ServiceError(f"这份请假已于{st.returned_on or f.returned.returned_on:%Y-%m-%d}销假。")
        if st.state == STATE_APPROVED:
            raise ServiceError("请假尚未开始，不能销假；如不再外出，请撤回申请。")
        if st.state not in (STATE_ON_LEAVE, STATE_OVERDUE):
            raise ServiceError(f"这份请假是“{st.state}”，只有已批准的请假才能销假。")
        if returned_on <= f.start:
            raise ValidationFailed([Finding.error(FIELD_RETURN, f"返岗日期应晚于请假开始日期{f.start:%Y-%m-%d}；"
                                                  "未离村的请撤回申请", RULE)])
        if returned_on > ctx.today:
            raise ValidationFailed([Finding.error(FIELD_RETURN, f"返岗日期{returned_on:%Y-%m-%d}晚于今天", RULE)])
        s.add(LeaveReturn(request_uuid=f.uuid, returned_on=returned_on, registered_on=ctx.today,
                          note=(note or "").strip() or None))
        s.flush()
        _after_change(ws, ctx, f.person_uuid)


def extend_request(ws: Workspace, request_uuid: str, new_end: date, reason: str, *,
                   today: date | None = None) -> str:
    """续假: a new request from the day after the end to ``new_end``, through the same checks and chain logic
    (the band by the whole leave's length). Returns the new request's uuid."""
    with ws.read() as s:
        ctx = _context(ws, s, today)
        f = ctx.request_in_scope(ws, request_uuid)
    if new_end <= f.end:
        raise ValidationFailed([Finding.error(FIELD_DATES, f"续假的结束日期应晚于原请假的结束日期{f.end:%Y-%m-%d}",
                                              RULE)])
    draft = LeaveDraft(f.person_uuid, f.kind, f.end + timedelta(days=1), new_end, f.destination,
                       normalize(reason) or f.reason, f.contact, f.handover_person_uuid,
                       today or date.today(), f.uuid)
    return create_request(ws, draft, submit=True, today=today)


# The rest of the leave API lives in its siblings; the GUI and the CLI import it all from here.
from .leave_queries import (
    AwayRow,
    LeaveDetail,
    LeaveRow,
    away_on,
    handover_candidates,
    list_requests,
    request_detail,
    requestable_people,
)
from .leave_sync import SweepReport, leave_conflicts, months_needing_reopen, sweep_overdue

__all__ = ["AwayRow", "ChainPreview", "LeaveDetail", "LeaveDraft", "LeaveRow", "SweepReport", "away_on",
           "check_request", "create_request", "extend_request", "handover_candidates", "leave_conflicts",
           "list_requests", "months_needing_reopen", "preview_chain", "record_step", "register_return",
           "request_detail", "requestable_people", "submit_request", "sweep_overdue", "update_request",
           "withdraw_request"]
