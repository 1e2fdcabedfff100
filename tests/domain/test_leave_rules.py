"""Leave and return (请假销假, §8): bands and signatures, the request's bad input, two in the village, the
order of signatures, the return and absenteeism, and the rule sets that carry all of it."""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources
from typing import Any

import pytest

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.errors import RuleViolation, has_errors
from zhucun_desktop.domain.leave_checks import Away, TeamMember, check_two_remain, validate_request
from zhucun_desktop.domain.leave_rules import (
    KIND_TO_CODE,
    LEAVE_KINDS_OFFICIAL,
    STATE_APPROVED,
    STATE_DRAFT,
    STATE_ON_LEAVE,
    STATE_OVERDUE,
    STATE_REFUSED,
    STATE_RETURNED,
    STATE_WITHDRAWN,
    LeaveRules,
    approval_chain,
    filed_with,
    filing_note,
    leave_days,
    leave_rules_problems,
    pending_state,
)
from zhucun_desktop.domain.leave_states import (
    LeaveRequestFacts,
    Step,
    absent_days_after,
    apply_step,
    return_due,
    state_on,
)

FS = terms.ROLE_FIRST_SECRETARY
MEMBER = terms.ROLE_TEAM_MEMBER


def rule_file(name: str) -> dict[str, Any]:
    text = resources.files("zhucun_desktop").joinpath("resources", "rules", name).read_text(encoding="utf-8")
    return json.loads(text)


DEFAULT = LeaveRules.from_dict(rule_file("default.json")["leave"])


class FakeCalendar:
    """Monday to Friday are working days, except the listed holidays (enough for §8's "1个工作日")."""

    def __init__(self, holidays: tuple[date, ...] = ()) -> None:
        self.holidays = set(holidays)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def add_working_days(self, d: date, n: int) -> date:
        while n > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                n -= 1
        return d


WEEKDAYS = FakeCalendar()
NATIONAL_DAY_2025 = FakeCalendar(tuple(date(2025, 10, day) for day in range(1, 9)))


def request_findings(**overrides: Any) -> list:
    """A team member's 3-day 事假 inside the posting, changed by ``overrides``."""
    values: dict[str, Any] = {
        "role": MEMBER,
        "kind": "事假",
        "start": date(2025, 11, 3),
        "end": date(2025, 11, 5),
        "posting_start": date(2024, 5, 1),
        "posting_end": date(2026, 5, 1),
        "handover_person_uuid": None,
        "handover_same_village": None,
        "other_requests_of_person": [],
    }
    values.update(overrides)
    return validate_request(**values)


# --- bands and chains -------------------------------------------------------------------------------------


def test_leave_of_three_days_needs_village_branch_and_township() -> None:
    # Saturday to Monday: weekends count, since §8 covers leaving the county on any day.
    days = leave_days(date(2025, 11, 1), date(2025, 11, 3))
    assert days == 3
    assert approval_chain(days, FS, DEFAULT) == ["村党支部", "乡镇党委"]
    assert filed_with(days, DEFAULT) == "县委组织部"
    assert filing_note(days, DEFAULT) == "报县委组织部备案"
    assert approval_chain(1, FS, DEFAULT) == ["村党支部", "乡镇党委"]


def test_leave_of_four_days_needs_county_signatures() -> None:
    county_chain = ["村党支部", "乡镇党委", "县乡村振兴局", "县委组织部"]
    assert approval_chain(leave_days(date(2025, 11, 3), date(2025, 11, 6)), FS, DEFAULT) == county_chain
    assert approval_chain(5, FS, DEFAULT) == county_chain
    assert filed_with(4, DEFAULT) is None


def test_leave_of_six_days_needs_deputy_secretary_consent() -> None:
    chain = approval_chain(6, FS, DEFAULT)
    assert chain == ["村党支部", "乡镇党委", "县乡村振兴局", "县委组织部", "县委分管副书记"]
    assert approval_chain(40, FS, DEFAULT) == chain


def test_leave_days_are_calendar_days_and_end_before_start_is_refused() -> None:
    # Across the National Day week: every day counts.
    assert leave_days(date(2025, 9, 30), date(2025, 10, 8)) == 9
    assert leave_days(date(2025, 11, 3), date(2025, 11, 3)) == 1
    with pytest.raises(RuleViolation) as caught:
        leave_days(date(2025, 11, 5), date(2025, 11, 3))
    assert "结束日期不能早于开始日期" in str(caught.value)
    assert caught.value.rule == "§8"


def test_team_member_leave_starts_with_first_secretary() -> None:
    chain = approval_chain(3, MEMBER, DEFAULT)
    assert chain == ["驻村第一书记", "村党支部", "乡镇党委"]
    assert approval_chain(3, "队员", DEFAULT)[0] == "驻村第一书记"
    # The village branch cannot sign first: the first secretary's signature is missing.
    state, error = apply_step(chain, [], Step(1, "村党支部", "同意", date(2025, 10, 28)))
    assert state == pending_state(1)
    assert error is not None and error.is_error
    assert "第1步应为“驻村第一书记”签字" in error.message
    assert "工作队员请假须先经驻村第一书记签字同意" in error.message


def test_leave_kinds_give_attendance_codes() -> None:
    assert {KIND_TO_CODE[kind] for kind in LEAVE_KINDS_OFFICIAL} == {"公"}
    assert (KIND_TO_CODE["事假"], KIND_TO_CODE["病假"], KIND_TO_CODE["年休假"]) == ("事", "病", "年")


# --- the request's bad input ------------------------------------------------------------------------------


def test_first_secretary_must_name_a_handover_person_from_the_same_village() -> None:
    missing = request_findings(role=FS)
    assert [f.field for f in missing] == ["工作交接人"]
    assert "须明确工作交接人" in missing[0].message

    other_village = request_findings(role=FS, handover_person_uuid="p-9", handover_same_village=False)
    assert has_errors(other_village)
    assert "驻在本村" in other_village[0].message

    unknown = request_findings(role=FS, handover_person_uuid="p-9", handover_same_village=None)
    assert has_errors(unknown)

    herself = request_findings(
        role=FS, handover_person_uuid="p-1", handover_same_village=True, requester_uuid="p-1"
    )
    assert "不能是请假人本人" in herself[0].message

    assert request_findings(role=FS, handover_person_uuid="p-2", handover_same_village=True) == []
    # A team member names none.
    assert request_findings(role=MEMBER) == []


def test_bad_request_dates_and_kind_are_refused() -> None:
    assert "未知的请假类别“探亲假”" in request_findings(kind="探亲假")[0].message
    assert "结束日期不能早于开始日期" in request_findings(end=date(2025, 11, 1))[0].message
    before = request_findings(posting_start=date(2025, 11, 4))
    assert "早于驻村开始日期2025年11月4日" in before[0].message
    after = request_findings(start=date(2026, 5, 3), end=date(2026, 5, 4))
    assert "请假从2026年5月3日开始，晚于驻村结束日期2026年5月1日" in after[0].message
    running_over = request_findings(start=date(2026, 4, 30), end=date(2026, 5, 2))
    assert "请假到2026年5月2日结束" in running_over[0].message


def test_overlap_with_own_request_is_refused_unless_withdrawn_or_refused() -> None:
    own = [(date(2025, 11, 5), date(2025, 11, 7), pending_state(2))]
    findings = request_findings(other_requests_of_person=own)
    assert len(findings) == 1
    assert "与本人已有的请假重叠：11月5日至11月7日（审批中），重叠11月5日" in findings[0].message
    gone = [
        (date(2025, 11, 5), date(2025, 11, 7), STATE_WITHDRAWN),
        (date(2025, 11, 1), date(2025, 11, 4), STATE_REFUSED),
    ]
    assert request_findings(other_requests_of_person=gone) == []
    next_week = [(date(2025, 11, 6), date(2025, 11, 7), STATE_APPROVED)]
    assert request_findings(other_requests_of_person=next_week) == []


# --- at least two stay ------------------------------------------------------------------------------------


def team_of(n: int) -> list[TeamMember]:
    names = ["王书记", "张三", "李四", "赵五", "钱六"]
    return [TeamMember(f"p-{i}", names[i], date(2024, 5, 1), date(2026, 5, 1)) for i in range(n)]


ZHANG_AWAY = Away("p-1", "张三", date(2025, 11, 2), date(2025, 11, 6), STATE_APPROVED)
LI_AWAY = Away("p-2", "李四", date(2025, 11, 3), date(2025, 11, 7), pending_state(2))


def test_third_member_cannot_leave_while_two_are_away() -> None:
    refused = check_two_remain(
        team=team_of(4),
        requester_uuid="p-3",
        start=date(2025, 11, 3),
        end=date(2025, 11, 5),
        away=[ZHANG_AWAY, LI_AWAY],
    )
    assert len(refused) == 1 and refused[0].is_error
    assert refused[0].message == (
        "11月3日至11月5日村里只剩1人：张三（请假11月2日至11月6日，已批准）、"
        "李四（请假11月3日至11月7日，审批中）已离村；同一工作队须至少2人在村（§8）"
    )
    # Only the day both are away is named.
    partly = check_two_remain(
        team=team_of(4),
        requester_uuid="p-3",
        start=date(2025, 11, 1),
        end=date(2025, 11, 3),
        away=[ZHANG_AWAY, LI_AWAY],
    )
    assert partly[0].message.startswith("11月3日村里只剩1人：")
    # With five, two remain.
    assert (
        check_two_remain(
            team=team_of(5),
            requester_uuid="p-3",
            start=date(2025, 11, 3),
            end=date(2025, 11, 5),
            away=[ZHANG_AWAY, LI_AWAY],
        )
        == []
    )


def test_withdrawn_request_does_not_count_as_away() -> None:
    def check(li: Away) -> list:
        return check_two_remain(
            team=team_of(4),
            requester_uuid="p-3",
            start=date(2025, 11, 3),
            end=date(2025, 11, 5),
            away=[ZHANG_AWAY, li],
        )

    for state in (STATE_WITHDRAWN, STATE_DRAFT, STATE_REFUSED):
        assert check(Away("p-2", "李四", date(2025, 11, 3), date(2025, 11, 7), state)) == []
    # Returned early on the 3rd: back in the village for the whole request.
    returned = Away("p-2", "李四", date(2025, 10, 30), date(2025, 11, 7), STATE_RETURNED, date(2025, 11, 3))
    assert check(returned) == []
    # An overdue colleague is still away after the end of the leave.
    overdue = Away("p-2", "李四", date(2025, 10, 27), date(2025, 10, 31), STATE_OVERDUE)
    assert "李四（请假10月27日至10月31日，逾期未销假）" in check(overdue)[0].message


def test_two_person_team_cannot_spare_anyone() -> None:
    findings = check_two_remain(
        team=team_of(2), requester_uuid="p-1", start=date(2025, 11, 3), end=date(2025, 11, 3), away=[]
    )
    assert findings[0].message == (
        "11月3日村里只剩1人（本工作队除请假人外在岗只有1人）；同一工作队须至少2人在村（§8），"
        "在岗不足3人的工作队任何人离村都会少于2人，须先安排人员补位"
    )
    # A member whose posting ended is not in the village.
    team = team_of(4)
    team[2] = TeamMember("p-2", "李四", date(2024, 5, 1), date(2025, 10, 31))
    findings = check_two_remain(
        team=team, requester_uuid="p-3", start=date(2025, 11, 3), end=date(2025, 11, 3), away=[ZHANG_AWAY]
    )
    assert findings[0].message.startswith("11月3日村里只剩1人：张三")


# --- signatures in order ----------------------------------------------------------------------------------


def test_step_out_of_order_is_refused() -> None:
    chain = approval_chain(4, FS, DEFAULT)
    done = [
        Step(1, "村党支部", "同意", date(2025, 10, 27)),
        Step(2, "乡镇党委", "同意", date(2025, 10, 28)),
    ]
    state, error = apply_step(chain, done, Step(4, "县委组织部", "同意", date(2025, 10, 29)))
    assert state == pending_state(3)
    assert error is not None
    assert error.message == "第3步应为“县乡村振兴局”签字，不能先由“县委组织部”签"

    _, again = apply_step(chain, done, Step(3, "乡镇党委", "同意", date(2025, 10, 29)))
    assert again is not None and "“乡镇党委”已在第2步签过" in again.message
    _, stranger = apply_step(chain, done, Step(3, "县财政局", "同意", date(2025, 10, 29)))
    assert stranger is not None and "“县财政局”不在本次请假的审批顺序中" in stranger.message
    _, numbered = apply_step(chain, done, Step(5, "县乡村振兴局", "同意", date(2025, 10, 29)))
    assert numbered is not None and "步骤编号应为3" in numbered.message
    _, earlier = apply_step(chain, done, Step(3, "县乡村振兴局", "同意", date(2025, 10, 27)))
    assert earlier is not None and "早于第2步的" in earlier.message

    state, error = apply_step(chain, done, Step(3, "县乡村振兴局", "同意", date(2025, 10, 29)))
    assert (state, error) == (pending_state(4), None)


def test_refusal_ends_the_approval_and_the_last_consent_approves() -> None:
    chain = approval_chain(2, FS, DEFAULT)
    first = Step(1, "村党支部", "同意", date(2025, 10, 27))
    _, early = apply_step(chain, [], first, filed_on=date(2025, 10, 28))
    assert early is not None and "早于请假申请提交日期" in early.message
    assert apply_step(chain, [], first, filed_on=date(2025, 10, 27)) == (pending_state(2), None)

    no = Step(2, "乡镇党委", "不同意", date(2025, 10, 28), signer="刘书记", remark="秋收期间")
    assert apply_step(chain, [first], no) == (STATE_REFUSED, None)
    state, after = apply_step(chain, [first, no], Step(3, "县委组织部", "同意", date(2025, 10, 29)))
    assert state == STATE_REFUSED and after is not None and "审批已结束" in after.message

    assert apply_step(chain, [first], Step(2, "乡镇党委", "同意", date(2025, 10, 28))) == (
        STATE_APPROVED,
        None,
    )
    _, odd = apply_step(chain, [first], Step(2, "乡镇党委", "原则同意", date(2025, 10, 28)))
    assert odd is not None and "签字意见应为" in odd.message


# --- states, return and absenteeism -----------------------------------------------------------------------


def test_state_follows_the_request_through_its_days() -> None:
    chain = tuple(approval_chain(3, FS, DEFAULT))
    request = LeaveRequestFacts(date(2025, 11, 5), date(2025, 11, 7), chain, submitted_on=date(2025, 10, 27))
    steps = [
        Step(1, "村党支部", "同意", date(2025, 10, 28)),
        Step(2, "乡镇党委", "同意", date(2025, 10, 30)),
    ]

    def on(day: int, month: int = 11, back: date | None = None, req: LeaveRequestFacts = request) -> str:
        return state_on(req, steps, back, date(2025, month, day), WEEKDAYS, DEFAULT)

    assert on(26, 10) == STATE_DRAFT
    assert on(27, 10) == pending_state(1)
    assert on(29, 10) == pending_state(2)
    assert on(30, 10) == STATE_APPROVED
    assert on(5) == STATE_ON_LEAVE
    assert on(10) == STATE_ON_LEAVE  # Friday's leave: due back on paper by Monday the 10th
    assert on(10, back=date(2025, 11, 10)) == STATE_RETURNED
    withdrawn = LeaveRequestFacts(
        request.start, request.end, chain, submitted_on=date(2025, 10, 27), withdrawn_on=date(2025, 11, 1)
    )
    assert on(31, 10, req=withdrawn) == STATE_APPROVED
    assert on(1, req=withdrawn) == STATE_WITHDRAWN


def test_unreturned_leave_becomes_overdue_and_days_turn_absent() -> None:
    end = date(2025, 11, 7)  # a Friday
    assert return_due(end, WEEKDAYS, DEFAULT) == date(2025, 11, 10)
    request = LeaveRequestFacts(
        date(2025, 11, 5), end, ("村党支部", "乡镇党委"), submitted_on=date(2025, 10, 27)
    )
    steps = [Step(1, "村党支部", "同意", date(2025, 10, 28)), Step(2, "乡镇党委", "同意", date(2025, 10, 29))]

    # Up to the due date nothing is absent yet.
    assert state_on(request, steps, None, date(2025, 11, 10), WEEKDAYS) == STATE_ON_LEAVE
    assert absent_days_after(end, None, date(2025, 11, 10), WEEKDAYS) == []
    # The day after, the request is overdue and every day from the day after the end is 旷.
    assert state_on(request, steps, None, date(2025, 11, 11), WEEKDAYS) == STATE_OVERDUE
    assert absent_days_after(end, None, date(2025, 11, 11), WEEKDAYS) == [
        date(2025, 11, 8),
        date(2025, 11, 9),
        date(2025, 11, 10),
        date(2025, 11, 11),
    ]
    # A late return stops the count the day before it; a return on time leaves nothing absent.
    assert absent_days_after(end, date(2025, 11, 12), date(2025, 11, 20), WEEKDAYS)[-1] == date(2025, 11, 11)
    assert state_on(request, steps, date(2025, 11, 12), date(2025, 11, 20), WEEKDAYS) == STATE_RETURNED
    assert absent_days_after(end, date(2025, 11, 10), date(2025, 11, 20), WEEKDAYS) == []
    # The due date follows the holiday calendar: a leave ending on 30 September is due on 9 October.
    assert return_due(date(2025, 9, 30), NATIONAL_DAY_2025) == date(2025, 10, 9)
    assert absent_days_after(date(2025, 9, 30), None, date(2025, 10, 9), NATIONAL_DAY_2025) == []
    assert len(absent_days_after(date(2025, 9, 30), None, date(2025, 10, 10), NATIONAL_DAY_2025)) == 10


# --- rule sets --------------------------------------------------------------------------------------------


def test_programme_003_preset_has_two_tiers() -> None:
    rules = LeaveRules.from_dict(rule_file("programme_003.json")["leave"])
    assert [tier.max_days for tier in rules.tiers] == [3, None]
    assert approval_chain(3, FS, rules) == ["乡镇党委"]
    assert approval_chain(4, FS, rules) == ["乡镇党委", "县委组织部"]
    assert approval_chain(30, FS, rules) == ["乡镇党委", "县委组织部"]
    assert approval_chain(2, MEMBER, rules) == ["驻村第一书记", "乡镇党委"]


def test_rule_set_round_trips_through_its_dict() -> None:
    for name in ("default.json", "programme_003.json"):
        section = rule_file(name)["leave"]
        assert LeaveRules.from_dict(section).to_dict() == section
    assert leave_rules_problems(DEFAULT.to_dict()) == []


def test_bad_rule_set_is_explained() -> None:
    section = rule_file("default.json")["leave"]

    not_ascending = json.loads(json.dumps(section))
    not_ascending["tiers"][0]["max_days"] = 5
    not_ascending["tiers"][1]["max_days"] = 3
    with pytest.raises(RuleViolation) as caught:
        LeaveRules.from_dict(not_ascending)
    assert caught.value.field == "请假审批规则"
    assert (
        "第2档（3天至5天）的天数上限（3天）应大于上一档的（5天）：各档须按天数从少到多排列"
        in caught.value.message
    )

    empty_chain = json.loads(json.dumps(section))
    empty_chain["tiers"][1]["chain"] = []
    with pytest.raises(RuleViolation) as caught:
        LeaveRules.from_dict(empty_chain)
    assert "第2档（3天至5天）的签字顺序是空的" in caught.value.message

    several = json.loads(json.dumps(section))
    several["tiers"][2]["max_days"] = 10
    several["min_remaining"] = 2
    several["tiers"][0]["chain"] = ["村党支部", "村党支部"]
    problems = leave_rules_problems(several)
    assert len(problems) == 3
    assert any("最后一档（第3档（5天以上））须不设天数上限" in p for p in problems)
    assert any("未知的设置项“min_remaining”" in p for p in problems)
    assert any("“村党支部”出现了两次" in p for p in problems)
