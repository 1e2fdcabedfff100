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
from datetime import date
from typing import Any, Protocol

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.errors import RuleViolation

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
