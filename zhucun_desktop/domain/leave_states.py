"""§8 approval steps in order, the request's state on a day, the 销假 due date and the days that turn 旷."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.errors import Finding
from zhucun_desktop.domain.leave_rules import (
    DECISION_DISAGREE,
    DECISIONS,
    DEFAULT_RETURN_WITHIN_WORKING_DAYS,
    FIELD_STEP,
    RULE,
    STATE_APPROVED,
    STATE_DRAFT,
    STATE_ON_LEAVE,
    STATE_OVERDUE,
    STATE_REFUSED,
    STATE_RETURNED,
    STATE_WITHDRAWN,
    LeaveRules,
    WorkingDays,
    _day,
    pending_state,
)

# ---------------------------------------------------------------------------------------------------------
# Approval steps and states


@dataclass(frozen=True)
class Step:
    """One signature on the form (§8: "签字同意"): which body, its number in the chain, the decision and the
    date, who signed and a remark."""

    step_no: int
    body: str
    decision: str
    decided_on: date
    signer: str = ""
    remark: str = ""


def approval_state(chain: Sequence[str], steps: Sequence[Step]) -> str:
    """The state the signatures so far give, assuming they were accepted by :func:`apply_step`: any
    不同意 refuses; every body having agreed approves; otherwise pending at the next step."""
    if any(step.decision == DECISION_DISAGREE for step in steps):
        return STATE_REFUSED
    if chain and len(steps) >= len(chain):
        return STATE_APPROVED
    return pending_state(len(steps) + 1)


def _step_error(message: str) -> Finding:
    return Finding.error(FIELD_STEP, message, RULE)


def apply_step(
    chain: Sequence[str],
    steps_so_far: Sequence[Step],
    new_step: Step,
    *,
    filed_on: date | None = None,
) -> tuple[str, Finding | None]:
    """Record one signature, in the order of the chain (§8 lists the bodies in the order they sign; a team
    member's request starts with the first secretary). Returns the new state and ``None``, or the unchanged
    state and the reason the step is refused:

    - the approval is already over (已批准 or 未批准);
    - the decision is not 同意/不同意;
    - the step number or the body is not the next one in the chain;
    - the date is before the previous step's, or before the request was filed (``filed_on``).

    不同意 ends the approval with 未批准; the last 同意 gives 已批准.
    """
    done = sorted(steps_so_far, key=lambda s: s.step_no)
    current = approval_state(chain, done)
    if current in (STATE_APPROVED, STATE_REFUSED):
        return current, _step_error(f"审批已结束（{current}），不能再签第{new_step.step_no}步")
    if new_step.decision not in DECISIONS:
        return current, _step_error(f"签字意见应为“同意”或“不同意”，不能是“{new_step.decision}”")

    expected_no = len(done) + 1
    expected_body = chain[expected_no - 1]
    body = new_step.body.strip()
    if body != expected_body:
        if body in chain and chain.index(body) < expected_no - 1:
            message = (
                f"“{body}”已在第{chain.index(body) + 1}步签过；第{expected_no}步应为“{expected_body}”签字"
            )
        elif body in chain:
            message = f"第{expected_no}步应为“{expected_body}”签字，不能先由“{body}”签"
        else:
            message = f"“{body}”不在本次请假的审批顺序中（{'→'.join(chain)}）；第{expected_no}步应为“{expected_body}”签字"
        if expected_no == 1 and expected_body == terms.ROLE_FIRST_SECRETARY:
            message += "（工作队员请假须先经驻村第一书记签字同意，§8）"
        return current, _step_error(message)
    if new_step.step_no != expected_no:
        return current, _step_error(
            f"“{body}”是第{expected_no}步，步骤编号应为{expected_no}，不能是{new_step.step_no}"
        )

    if done and new_step.decided_on < done[-1].decided_on:
        return current, _step_error(
            f"第{expected_no}步的签字日期（{_day(new_step.decided_on)}）早于第{expected_no - 1}步的"
            f"（{_day(done[-1].decided_on)}），请按实际签字日期填写"
        )
    if filed_on is not None and new_step.decided_on < filed_on:
        return current, _step_error(
            f"第{expected_no}步的签字日期（{_day(new_step.decided_on)}）早于请假申请提交日期（{_day(filed_on)}）"
        )

    if new_step.decision == DECISION_DISAGREE:
        return STATE_REFUSED, None
    if expected_no == len(chain):
        return STATE_APPROVED, None
    return pending_state(expected_no + 1), None


@dataclass(frozen=True)
class LeaveRequestFacts:
    """What :func:`state_on` needs of a request: its dates, its chain (from :func:`approval_chain` when it was
    filed), when it was filed (提交; ``None`` while a draft) and when it was withdrawn, if it was."""

    start: date
    end: date
    chain: tuple[str, ...]
    submitted_on: date | None = None
    withdrawn_on: date | None = None


def return_due(end: date, calendar: WorkingDays, rules: LeaveRules | None = None) -> date:
    """The last day to register the return (销假): §8 "在请假结束后1个工作日内" — the first working day after
    the leave's last day (by the official calendar with its 调休), or the rule set's number of working days."""
    n = rules.return_within_working_days if rules else DEFAULT_RETURN_WITHIN_WORKING_DAYS
    return calendar.add_working_days(end, n)


def state_on(
    request: LeaveRequestFacts,
    steps: Sequence[Step],
    return_date: date | None,
    today: date,
    calendar: WorkingDays,
    rules: LeaveRules | None = None,
) -> str:
    """The state of a request on the day ``today``, from what had happened by then (steps signed, return
    registered, withdrawal on or before ``today``):

    草稿 (not filed) → 审批中（第N步） → 已批准 / 未批准; an approved leave is 请假中 from its first day until
    the return is registered (已销假), including the grace days between its end and the return due date,
    when the request is still open; past the due date (:func:`return_due`) with no return it is 逾期未销假
    (§8: "不得擅自超假"). 已撤回 wins over everything once withdrawn.
    """
    if request.withdrawn_on is not None and request.withdrawn_on <= today:
        return STATE_WITHDRAWN
    if request.submitted_on is None or request.submitted_on > today:
        return STATE_DRAFT
    signed = [step for step in steps if step.decided_on <= today]
    state = approval_state(request.chain, sorted(signed, key=lambda s: s.step_no))
    if state != STATE_APPROVED:
        return state
    if return_date is not None and return_date <= today:
        return STATE_RETURNED
    if today < request.start:
        return STATE_APPROVED
    if today <= request.end:
        return STATE_ON_LEAVE
    if today > return_due(request.end, calendar, rules):
        return STATE_OVERDUE
    return STATE_ON_LEAVE


def absent_days_after(
    end: date,
    return_date: date | None,
    today: date,
    calendar: WorkingDays,
    rules: LeaveRules | None = None,
) -> list[date]:
    """The days after a leave that the attendance table marks 旷 (§8: "擅自超假的一律按旷工处理").

    §8 says "在请假结束后1个工作日内……进行销假登记": the person is due back in post the day after the
    leave ends; the 1 working day is for the paperwork of 销假. So:

    - while the return is not overdue (``today`` on or before :func:`return_due`), no day is 旷 yet: the
      person may well be back and the clerk not yet have registered it;
    - a return registered by the due date is taken as on time, and no day is 旷;
    - once overdue, *every* day from the day after the leave's end is 旷 — not only those after the due date,
      since the person was away without leave from that day — up to the day before the registered return
      (the return date is a day back in post), or through ``today`` while no return is registered.

    Calendar days, like the leave itself: §8 forbids leaving the county on weekends and holidays too. Whether
    a 旷 weekend day affects the allowance (paid for working days) is for the allowance rules to decide.
    """
    due = return_due(end, calendar, rules)
    if return_date is not None:
        if return_date <= due:
            return []
        last = return_date - timedelta(days=1)
    else:
        if today <= due:
            return []
        last = today
    return [end + timedelta(days=offset) for offset in range(1, (last - end).days + 1)]
