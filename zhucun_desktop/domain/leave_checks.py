"""§8 checks on a leave request: the request itself, and that at least two of the team stay in the village."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.errors import Finding
from zhucun_desktop.domain.leave_rules import (
    DEFAULT_FIRST_SECRETARY_NEEDS_HANDOVER,
    DEFAULT_MIN_REMAINING_IN_VILLAGE,
    FIELD_DATES,
    FIELD_HANDOVER,
    FIELD_IN_VILLAGE,
    FIELD_KIND,
    FIELD_ROLE,
    KIND_TO_CODE,
    LEAVE_KINDS_OFFICIAL,
    LEAVE_KINDS_PERSONAL,
    RULE,
    STATE_APPROVED,
    STATE_ON_LEAVE,
    STATE_OVERDUE,
    STATE_RETURNED,
    STATES_NOT_OCCUPYING,
    LeaveRules,
    _base_state,
    _canonical_role,
    _day,
    _span,
    is_pending,
    leave_days,
)

# ---------------------------------------------------------------------------------------------------------
# Checking a request


def validate_request(
    *,
    role: str,
    kind: str,
    start: date,
    end: date,
    posting_start: date,
    posting_end: date | None,
    handover_person_uuid: str | None,
    handover_same_village: bool | None,
    other_requests_of_person: Sequence[tuple[date, date, str]],
    requester_uuid: str | None = None,
    rules: LeaveRules | None = None,
) -> list[Finding]:
    """The bad input of a leave request (§8), as blocking findings.

    - the kind must be one of §8's six;
    - the end may not be before the start;
    - the whole leave lies within the posting (a leave is leave *from the village*; before the posting starts
      or after it ends there is nothing to leave);
    - it may not overlap the same person's other requests, except withdrawn (已撤回) and refused (未批准) ones;
      the caller leaves the request being edited out of ``other_requests_of_person`` (start, end, state);
    - a first secretary names a work handover person (§8: "驻村第一书记请假须明确工作交接人") who is posted to
      the same village: ``handover_same_village`` is what the caller found (``None``: could not be found out,
      which is refused too, since the rule asks for someone known to be in the village).
    """
    findings: list[Finding] = []
    needs_handover = rules.first_secretary_needs_handover if rules else DEFAULT_FIRST_SECRETARY_NEEDS_HANDOVER

    if kind not in KIND_TO_CODE:
        findings.append(
            Finding.error(
                FIELD_KIND,
                f"未知的请假类别“{kind}”，应为{'、'.join(LEAVE_KINDS_OFFICIAL)}（因公）"
                f"或{'、'.join(LEAVE_KINDS_PERSONAL)}（因私）",
                RULE,
            )
        )

    canonical = _canonical_role(role)
    if canonical not in terms.ROLES:
        findings.append(
            Finding.error(FIELD_ROLE, f"未知的驻村角色“{role}”，应为{'或'.join(terms.ROLES)}", RULE)
        )

    if end < start:
        findings.append(
            Finding.error(
                FIELD_DATES, f"结束日期不能早于开始日期（开始{_day(start)}，结束{_day(end)}）", RULE
            )
        )
    else:
        if start < posting_start:
            findings.append(
                Finding.error(
                    FIELD_DATES,
                    f"请假从{_day(start)}开始，早于驻村开始日期{_day(posting_start)}：只能为驻村期间请假",
                    RULE,
                )
            )
        if posting_end is not None and end > posting_end:
            told = f"请假从{_day(start)}开始" if start > posting_end else f"请假到{_day(end)}结束"
            findings.append(
                Finding.error(
                    FIELD_DATES, f"{told}，晚于驻村结束日期{_day(posting_end)}：只能为驻村期间请假", RULE
                )
            )
        clashes = [
            (s, e, state)
            for s, e, state in other_requests_of_person
            if state not in STATES_NOT_OCCUPYING and s <= end and start <= e
        ]
        if clashes:
            parts = [
                f"{_span(s, e, start)}（{_base_state(state)}），重叠{_span(max(s, start), min(e, end), start)}"
                for s, e, state in sorted(clashes)
            ]
            findings.append(
                Finding.error(
                    FIELD_DATES,
                    f"与本人已有的请假重叠：{'；'.join(parts)}。一人同一天只能有一份请假，"
                    "如需改期请先撤回原申请",
                    RULE,
                )
            )

    if canonical == terms.ROLE_FIRST_SECRETARY and needs_handover:
        if not handover_person_uuid:
            findings.append(Finding.error(FIELD_HANDOVER, "驻村第一书记请假须明确工作交接人（§8）", RULE))
        elif requester_uuid is not None and handover_person_uuid == requester_uuid:
            findings.append(Finding.error(FIELD_HANDOVER, "工作交接人不能是请假人本人", RULE))
        elif handover_same_village is False:
            findings.append(
                Finding.error(
                    FIELD_HANDOVER, "工作交接人须是驻在本村的人员，所选人员驻在其他村或未驻村", RULE
                )
            )
        elif handover_same_village is None:
            findings.append(
                Finding.error(FIELD_HANDOVER, "无法确认工作交接人驻在本村，请选择本村的驻村人员", RULE)
            )
    return findings


@dataclass(frozen=True)
class TeamMember:
    """A person posted to the village (first secretary or team member), with the posting's dates; a posting
    without an end date is open."""

    person_uuid: str
    name: str
    posting_start: date
    posting_end: date | None = None

    def in_post_on(self, d: date) -> bool:
        return self.posting_start <= d and (self.posting_end is None or d <= self.posting_end)


@dataclass(frozen=True)
class Away:
    """Another request of a team member, as the two-remain rule sees it. ``returned_on`` is the return date
    registered by 销假 (the person is back in the village from that day)."""

    person_uuid: str
    name: str
    start: date
    end: date
    state: str
    returned_on: date | None = None

    def away_on(self, d: date) -> bool:
        """Whether this request takes the person out of the village on ``d``.

        Approved, pending (审批中 at any step, since it may still be approved: §8 asks the township to plan
        turns before signing), on leave and overdue requests count; drafts, withdrawn and refused ones do not.
        A returned request counts only up to the day before the return. An overdue one (逾期未销假) counts
        past its end for as long as no return is registered: the person is still away.
        """
        if self.returned_on is not None and d >= self.returned_on:
            return False
        if d < self.start:
            return False
        if self.state == STATE_OVERDUE:
            return True
        if self.state in (STATE_APPROVED, STATE_ON_LEAVE, STATE_RETURNED) or is_pending(self.state):
            return d <= self.end
        return False


def check_two_remain(
    *,
    team: Sequence[TeamMember],
    requester_uuid: str,
    start: date,
    end: date,
    away: Sequence[Away],
    min_remaining: int = DEFAULT_MIN_REMAINING_IN_VILLAGE,
) -> list[Finding]:
    """§8: "同一工作队的队员一般轮流休假，确保至少2人在村".

    For every day of the requested leave, the team members in post that day (by posting dates), less the
    requester and less those away (:meth:`Away.away_on`), must be at least ``min_remaining``. Otherwise one
    error finding names the days and who is away, grouped into runs of days with the same people away.

    A team with fewer than ``min_remaining + 1`` people in post can never spare anyone: the rule is read as
    written, and the message says so, so that the township can arrange cover (or the county change the rule
    set) instead of the software hiding the conflict.
    """
    if min_remaining <= 0:
        return []
    n_days = leave_days(start, end)
    others = [m for m in team if m.person_uuid != requester_uuid]

    runs: list[tuple[date, date, int, int, tuple[Away, ...]]] = []  # first, last, in post, remaining, away
    for offset in range(n_days):
        d = start + timedelta(days=offset)
        in_post = {m.person_uuid for m in others if m.in_post_on(d)}
        away_by_person: dict[str, Away] = {}
        for entry in sorted(away, key=lambda a: (a.start, a.name)):
            if entry.person_uuid in in_post and entry.person_uuid not in away_by_person and entry.away_on(d):
                away_by_person[entry.person_uuid] = entry
        remaining = len(in_post) - len(away_by_person)
        if remaining >= min_remaining:
            continue
        key = (len(in_post), remaining, tuple(away_by_person.values()))
        if runs and runs[-1][1] == d - timedelta(days=1) and runs[-1][2:] == key:
            runs[-1] = (runs[-1][0], d, *key)
        else:
            runs.append((d, d, *key))
    if not runs:
        return []

    parts: list[str] = []
    small_team = False
    for first, last, in_post_count, remaining, away_entries in runs:
        left = "村里无人" if remaining == 0 else f"村里只剩{remaining}人"
        text = f"{_span(first, last, start)}{left}"
        if away_entries:
            names = "、".join(
                f"{a.name}（请假{_span(a.start, a.end, start)}，{_base_state(a.state)}）"
                for a in away_entries
            )
            text += f"：{names}已离村"
        if in_post_count < min_remaining:
            small_team = True
            text += f"（本工作队除请假人外在岗只有{in_post_count}人）"
        parts.append(text)
    message = "；".join(parts) + f"；同一工作队须至少{min_remaining}人在村（§8）"
    if small_team:
        message += (
            f"，在岗不足{min_remaining + 1}人的工作队任何人离村都会少于{min_remaining}人，须先安排人员补位"
        )
    return [Finding.error(FIELD_IN_VILLAGE, message, RULE)]
