"""Leave and return (请假销假, §8 of the county's measures; DOMAIN.md "Leave" and "Rule sets").

§8 in short: every absence that takes a stationed cadre out of the county needs a written request, official
(出差出访, 学习考察, 参会培训) or personal (事假, 病假, 年休假), on working days, weekends and holidays alike. Who
signs depends on the length: 3 days or less the village party branch and the township party committee, then
filed with the county org dept; 3 to 5 days also the county rural revitalisation bureau and the county org dept;
more than 5 days also the county committee deputy secretary in charge. The source's bands overlap at 3 and 5;
"以内" is inclusive in Chinese legal usage, so the default rule set reads them as ≤3 / 4–5 / ≥6 calendar days.
A work team member's request is first signed by the first secretary; a first secretary's request names a work
handover person (工作交接人). Members of one team take leave in turns so that at least 2 remain in the village.
The return (销假) is registered within 1 working day after the leave ends; overstaying is absenteeism (旷工).

Thresholds and chains are data (:class:`LeaveRules`, the ``"leave"`` section of a rule set in
``resources/rules/*.json``), so a county administrator changes them without code; 003's programme (≤3 days the
township, >3 days the county org dept) ships as a preset.

Pure rules: stdlib only, no Qt, no SQL. The working-day calendar is passed in as any object with
``add_working_days(date, int) -> date`` (:class:`WorkingDays`); the real one may raise ``CalendarMissing`` for
a year the county has not loaded, which is left to propagate to the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.errors import Finding, RuleViolation

RULE = "§8"

# Kinds of leave (§8: "出差出访、学习考察、参会培训等因公和事假、病假、年休假等因私").
LEAVE_KINDS_OFFICIAL = ("出差出访", "学习考察", "参会培训")
LEAVE_KINDS_PERSONAL = ("事假", "病假", "年休假")
LEAVE_KINDS = LEAVE_KINDS_OFFICIAL + LEAVE_KINDS_PERSONAL
# The code a leave day gets in the daily attendance table (考勤按日登记, §7).
KIND_TO_CODE: dict[str, str] = {
    **{kind: "公" for kind in LEAVE_KINDS_OFFICIAL},
    "事假": "事",
    "病假": "病",
    "年休假": "年",
}
# The attendance code of a day away without leave or past the leave (§8: "按旷工处理").
ABSENT_CODE = "旷"

# Decisions written on the form at each step.
DECISION_AGREE = "同意"
DECISION_DISAGREE = "不同意"
DECISIONS = (DECISION_AGREE, DECISION_DISAGREE)

# States of a request. A pending request shows its step: ``pending_state(2) == "审批中（第2步）"``.
STATE_DRAFT = "草稿"
STATE_PENDING = "审批中"
STATE_APPROVED = "已批准"
STATE_REFUSED = "未批准"
STATE_WITHDRAWN = "已撤回"
STATE_ON_LEAVE = "请假中"
STATE_RETURNED = "已销假"
STATE_OVERDUE = "逾期未销假"
STATES = (
    STATE_DRAFT,
    STATE_PENDING,
    STATE_APPROVED,
    STATE_REFUSED,
    STATE_WITHDRAWN,
    STATE_ON_LEAVE,
    STATE_RETURNED,
    STATE_OVERDUE,
)
# States whose dates are taken: a second request of the same person may not overlap them.
STATES_NOT_OCCUPYING = (STATE_WITHDRAWN, STATE_REFUSED)

COUNTING_CALENDAR_DAYS = "calendar_days"

# Defaults of §8, shared by :class:`LeaveRules` and the functions that may be called without a rule set.
DEFAULT_TEAM_MEMBER_FIRST_STEP = terms.ROLE_FIRST_SECRETARY
DEFAULT_FIRST_SECRETARY_NEEDS_HANDOVER = True
DEFAULT_MIN_REMAINING_IN_VILLAGE = 2
DEFAULT_RETURN_WITHIN_WORKING_DAYS = 1

# Field names (the labels the user sees) of findings and violations.
FIELD_RULES = "请假审批规则"
FIELD_KIND = "请假类别"
FIELD_DATES = "请假起止日期"
FIELD_ROLE = "驻村角色"
FIELD_HANDOVER = "工作交接人"
FIELD_IN_VILLAGE = "在村人数"
FIELD_STEP = "审批步骤"

# Keys of a rule set's "leave" section and of one tier, with the words the administrator's GUI uses.
_LEAVE_KEYS = {
    "counting": "计日方式",
    "tiers": "审批档次",
    "team_member_first_step": "工作队员请假第一步签字",
    "first_secretary_needs_handover": "第一书记请假须明确工作交接人",
    "min_remaining_in_village": "至少在村人数",
    "return_within_working_days": "销假期限（工作日）",
}
_TIER_KEYS = {"max_days": "天数上限", "label": "名称", "chain": "签字顺序", "file_with": "备案单位"}


class WorkingDays(Protocol):
    """What the leave rules need of the working-day calendar (``domain.workcalendar.WorkCalendar``):
    the official national holidays with their adjusted working weekends (调休)."""

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (``d`` itself not counted)."""
        ...


# ---------------------------------------------------------------------------------------------------------
# The rule set


@dataclass(frozen=True)
class LeaveTier:
    """One band of leave length and who signs it (§8). ``max_days`` is inclusive ("3天以内" = up to and
    including 3 days); ``None`` is the open-ended last band. ``file_with`` is the body the approved form is
    filed with (备案), if the band names one."""

    max_days: int | None
    label: str
    chain: tuple[str, ...]
    file_with: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "max_days": self.max_days,
            "label": self.label,
            "chain": list(self.chain),
            "file_with": self.file_with,
        }


@dataclass(frozen=True)
class LeaveRules:
    """The ``"leave"`` section of a rule set (§8 by default; 003's programme as a preset).

    Build it from the stored JSON with :meth:`from_dict`, which explains every problem in words the county
    administrator can act on; constructing it directly (in code and tests) is trusted as written.
    ``team_member_first_step`` is the body that signs a work team member's request before the band's chain
    (§8: "驻村工作队员请假须经驻村第一书记签字同意"); ``None`` leaves it out.
    """

    tiers: tuple[LeaveTier, ...]
    team_member_first_step: str | None = DEFAULT_TEAM_MEMBER_FIRST_STEP
    first_secretary_needs_handover: bool = DEFAULT_FIRST_SECRETARY_NEEDS_HANDOVER
    min_remaining_in_village: int = DEFAULT_MIN_REMAINING_IN_VILLAGE
    return_within_working_days: int = DEFAULT_RETURN_WITHIN_WORKING_DAYS
    counting: str = COUNTING_CALENDAR_DAYS

    @classmethod
    def from_dict(cls, data: object) -> LeaveRules:
        """Read a rule set's ``"leave"`` section. Raises :class:`RuleViolation` (field ``请假审批规则``)
        listing every problem at once, separated by "；", so that the administrator fixes them in one go."""
        rules, problems = _parse_leave_rules(data)
        if problems or rules is None:
            raise RuleViolation(FIELD_RULES, "；".join(problems), RULE)
        return rules

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape :meth:`from_dict` reads (a rule set's ``"leave"`` section)."""
        return {
            "counting": self.counting,
            "tiers": [tier.to_dict() for tier in self.tiers],
            "team_member_first_step": self.team_member_first_step,
            "first_secretary_needs_handover": self.first_secretary_needs_handover,
            "min_remaining_in_village": self.min_remaining_in_village,
            "return_within_working_days": self.return_within_working_days,
        }


def leave_rules_problems(data: object) -> list[str]:
    """Every problem of a rule set's ``"leave"`` section, in Chinese; empty when it can be used. For the
    administrator's editor, which shows them as a list instead of one joined message."""
    return _parse_leave_rules(data)[1]


def _tier_name(index: int, raw: object) -> str:
    label = raw.get("label") if isinstance(raw, Mapping) else None
    return (
        f"第{index + 1}档（{label.strip()}）"
        if isinstance(label, str) and label.strip()
        else f"第{index + 1}档"
    )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _known_keys_text(keys: Mapping[str, str]) -> str:
    return "、".join(f"{zh}（{key}）" for key, zh in keys.items())


def _default_label(max_days: int | None, previous_max: int | None) -> str:
    if max_days is None:
        return f"{previous_max}天以上" if previous_max else "不限天数"
    return f"{max_days}天以内" if previous_max is None else f"{previous_max + 1}天至{max_days}天"


def _parse_tier(
    index: int, raw: object, *, is_last: bool, previous_max: int | None, first_step: str | None
) -> tuple[LeaveTier | None, list[str]]:
    name = _tier_name(index, raw)
    if not isinstance(raw, Mapping):
        return None, [f"{name}应为一组设置（天数上限、名称、签字顺序、备案单位）"]
    problems = [
        f"{name}有未知的设置项“{key}”，可用的有：{_known_keys_text(_TIER_KEYS)}"
        for key in raw
        if key not in _TIER_KEYS
    ]

    max_days = raw.get("max_days")
    if max_days is not None and not (_is_int(max_days) and max_days >= 1):
        problems.append(f"{name}的天数上限应为不小于1的整数天，或留空表示不设上限，不能是“{max_days}”")
        max_days = None
    elif max_days is None and not is_last:
        problems.append(f"{name}没有天数上限：只有最后一档可以不设上限（如“5天以上”），前面各档都要写明天数")
    elif max_days is not None and is_last:
        problems.append(
            f"最后一档（{name}）须不设天数上限，否则超过{max_days}天的请假找不到审批档次；"
            f"请在后面加一档“{max_days}天以上”或把这一档的上限留空"
        )
    if max_days is not None and previous_max is not None and max_days <= previous_max:
        problems.append(
            f"{name}的天数上限（{max_days}天）应大于上一档的（{previous_max}天）：各档须按天数从少到多排列"
        )

    label = raw.get("label")
    if label is not None and not isinstance(label, str):
        problems.append(f"{name}的名称应为文字")
        label = None
    label = (label or "").strip() or _default_label(max_days, previous_max)

    chain_raw = raw.get("chain")
    chain: list[str] = []
    if not isinstance(chain_raw, Sequence) or isinstance(chain_raw, str) or not chain_raw:
        problems.append(f"{name}的签字顺序是空的：至少要有一个签字单位（如“乡镇党委”）")
    else:
        for position, body in enumerate(chain_raw, start=1):
            if not isinstance(body, str) or not body.strip():
                problems.append(f"{name}签字顺序的第{position}个单位是空的")
                continue
            body = body.strip()
            if body in chain:
                problems.append(f"{name}的签字顺序中“{body}”出现了两次")
            elif first_step and body == first_step:
                problems.append(
                    f"{name}的签字顺序中不应有“{body}”：工作队员请假时会自动先由“{body}”签字，"
                    "第一书记本人请假也不能自己签"
                )
            chain.append(body)

    file_with = raw.get("file_with")
    if file_with is not None and not isinstance(file_with, str):
        problems.append(f"{name}的备案单位应为单位名称，或留空表示不需备案")
        file_with = None
    file_with = (file_with or "").strip() or None

    if problems:
        return None, problems
    return LeaveTier(max_days, label, tuple(chain), file_with), []


def _parse_leave_rules(data: object) -> tuple[LeaveRules | None, list[str]]:
    if not isinstance(data, Mapping):
        return None, ["请假审批规则应为一组设置（JSON对象），其中至少要有审批档次（tiers）"]
    problems = [
        f"未知的设置项“{key}”，可用的有：{_known_keys_text(_LEAVE_KEYS)}"
        for key in data
        if key not in _LEAVE_KEYS
    ]

    counting = data.get("counting", COUNTING_CALENDAR_DAYS)
    if counting != COUNTING_CALENDAR_DAYS:
        problems.append(
            f"计日方式只能是按自然日计算（{COUNTING_CALENDAR_DAYS}），不能是“{counting}”："
            "§8规定在周末和法定节假日离县也要请假，这些天都计入请假天数"
        )

    first_step = data.get("team_member_first_step", DEFAULT_TEAM_MEMBER_FIRST_STEP)
    if first_step is not None and (not isinstance(first_step, str) or not first_step.strip()):
        problems.append("工作队员请假第一步签字应为签字人（如“驻村第一书记”），或留空表示不需要")
        first_step = None
    elif isinstance(first_step, str):
        first_step = first_step.strip()

    tiers: list[LeaveTier] = []
    raw_tiers = data.get("tiers")
    if raw_tiers is None:
        problems.append("缺少审批档次（tiers）：至少要有一档，最后一档不设天数上限")
    elif not isinstance(raw_tiers, Sequence) or isinstance(raw_tiers, str) or not raw_tiers:
        problems.append("审批档次是空的：至少要有一档，最后一档不设天数上限")
    else:
        previous_max: int | None = None
        for index, raw in enumerate(raw_tiers):
            tier, tier_problems = _parse_tier(
                index,
                raw,
                is_last=index == len(raw_tiers) - 1,
                previous_max=previous_max,
                first_step=first_step,
            )
            problems.extend(tier_problems)
            raw_max = raw.get("max_days") if isinstance(raw, Mapping) else None
            if _is_int(raw_max):
                previous_max = raw_max
            if tier is not None:
                tiers.append(tier)

    needs_handover = data.get("first_secretary_needs_handover", DEFAULT_FIRST_SECRETARY_NEEDS_HANDOVER)
    if not isinstance(needs_handover, bool):
        problems.append("“第一书记请假须明确工作交接人”应为是（true）或否（false）")

    min_remaining = data.get("min_remaining_in_village", DEFAULT_MIN_REMAINING_IN_VILLAGE)
    if not (_is_int(min_remaining) and min_remaining >= 0):
        problems.append(f"至少在村人数应为0或正整数（§8为2人），不能是“{min_remaining}”")

    return_within = data.get("return_within_working_days", DEFAULT_RETURN_WITHIN_WORKING_DAYS)
    if not (_is_int(return_within) and return_within >= 1):
        problems.append(f"销假期限应为1个或以上工作日（§8为1个工作日），不能是“{return_within}”")

    if problems:
        return None, problems
    return (
        LeaveRules(
            tiers=tuple(tiers),
            team_member_first_step=first_step,
            first_secretary_needs_handover=needs_handover,
            min_remaining_in_village=min_remaining,
            return_within_working_days=return_within,
            counting=counting,
        ),
        [],
    )


# ---------------------------------------------------------------------------------------------------------
# Length, band, chain


def _day(d: date, ref: date | None = None) -> str:
    """``11月3日``, with the year when it differs from ``ref`` (or when there is no ``ref``)."""
    if ref is not None and d.year == ref.year:
        return f"{d.month}月{d.day}日"
    return f"{d.year}年{d.month}月{d.day}日"


def _span(start: date, end: date, ref: date | None = None) -> str:
    if start == end:
        return _day(start, ref)
    return f"{_day(start, ref)}至{_day(end, start if ref is None else ref)}"


def leave_days(start: date, end: date) -> int:
    """The length of a leave as §8 counts it: calendar days, both ends included. §8 covers leaving the county
    "在工作日、周末休息日和法定节假日", so weekends and holidays count like any other day."""
    if end < start:
        raise RuleViolation(
            FIELD_DATES, f"结束日期不能早于开始日期（开始{_day(start)}，结束{_day(end)}）", RULE
        )
    return (end - start).days + 1


def tier_for(days: int, rules: LeaveRules) -> LeaveTier:
    """The band a leave of ``days`` falls in: the first whose ``max_days`` is at least ``days`` (§8's "以内"
    is inclusive: 3 days is in "3天以内", 4 in "3天至5天", 6 in "5天以上")."""
    if days < 1:
        raise RuleViolation(FIELD_DATES, f"请假天数应至少为1天，不能是{days}天", RULE)
    for tier in rules.tiers:
        if tier.max_days is None or days <= tier.max_days:
            return tier
    raise RuleViolation(FIELD_RULES, f"没有适用于{days}天请假的审批档次：最后一档须不设天数上限", RULE)


def _canonical_role(role: str) -> str:
    text = (role or "").strip()
    return terms.ROLE_SYNONYMS.get(text, text)


def approval_chain(days: int, role: str, rules: LeaveRules) -> list[str]:
    """The bodies that sign, in order (§8). A work team member's request is first signed by the first
    secretary ("驻村工作队员请假须经驻村第一书记签字同意"), then goes through the band's chain."""
    canonical = _canonical_role(role)
    if canonical not in terms.ROLES:
        raise RuleViolation(FIELD_ROLE, f"未知的驻村角色“{role}”，应为{'或'.join(terms.ROLES)}", RULE)
    chain = list(tier_for(days, rules).chain)
    if canonical == terms.ROLE_TEAM_MEMBER and rules.team_member_first_step:
        chain.insert(0, rules.team_member_first_step)
    return chain


def filed_with(days: int, rules: LeaveRules) -> str | None:
    """The body an approved request of ``days`` is filed with (备案), e.g. ``"县委组织部"`` for 3 days or
    less under §8 ("并报县委组织部备案"); ``None`` when the band names none."""
    return tier_for(days, rules).file_with


def filing_note(days: int, rules: LeaveRules) -> str | None:
    """The filing as printed on the form: ``"报县委组织部备案"``."""
    body = filed_with(days, rules)
    return f"报{body}备案" if body else None


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


# ---------------------------------------------------------------------------------------------------------
# Approval steps and states


def pending_state(step_no: int) -> str:
    """``审批中（第2步）``: waiting for the signature of step ``step_no``."""
    return f"{STATE_PENDING}（第{step_no}步）"


def is_pending(state: str) -> bool:
    return state.startswith(STATE_PENDING)


def _base_state(state: str) -> str:
    return STATE_PENDING if is_pending(state) else state


def can_withdraw(state: str) -> bool:
    """A request may be withdrawn (撤回) while a draft, pending, or approved but not yet begun; once the
    leave has begun it ends by 销假, not by withdrawal."""
    return state in (STATE_DRAFT, STATE_APPROVED) or is_pending(state)


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
