"""§4: who may be posted to a village, as which role, and for how long."""

from __future__ import annotations

from datetime import date

import pytest

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.eligibility import (
    TERM_YEARS,
    EligibilityRules,
    check_posting_eligibility,
    check_term_length,
    default_term_end,
)
from zhucun_desktop.domain.errors import Finding, has_errors

START = date(2025, 10, 1)


def check(**overrides: object) -> list[Finding]:
    """An eligible first secretary, changed by ``overrides``."""
    person: dict[str, object] = {
        "role": terms.ROLE_FIRST_SECRETARY,
        "staffing": terms.STAFFING_IN_POST,
        "political_status": terms.PARTY_MEMBER,
        "party_join_date": date(2010, 7, 1),
        "work_start_date": date(2008, 8, 1),
        "on_date": START,
    }
    person.update(overrides)
    return check_posting_eligibility(**person)  # type: ignore[arg-type]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def test_in_post_party_member_with_party_age_and_work_experience_may_be_first_secretary() -> None:
    assert check() == []


@pytest.mark.parametrize(
    "staffing", [terms.STAFFING_SERVICE, terms.STAFFING_TEMPORARY, terms.STAFFING_BORROWED]
)
@pytest.mark.parametrize("role", terms.ROLES)
def test_service_temporary_and_borrowed_staff_are_never_posted(staffing: str, role: str) -> None:
    (finding,) = errors(check(role=role, staffing=staffing))
    assert finding.field == "编制性质"
    assert finding.message == f"{staffing}不得选派驻村，须为在编在岗人员（§4）"
    assert finding.rule == "§4"


def test_staffing_other_than_in_post_is_blocked() -> None:
    (finding,) = check(staffing="事业编制")
    assert finding.level == "error"
    assert "不是在编在岗" in finding.message


def test_missing_staffing_is_blocked() -> None:
    (finding,) = check(staffing=None)
    assert (finding.level, finding.field) == ("error", "编制性质")


def test_first_secretary_must_be_a_full_party_member() -> None:
    (finding,) = check(political_status=terms.NON_PARTY)
    assert finding.level == "error"
    assert finding.field == "政治面貌"
    assert finding.message.startswith("驻村第一书记须为中共正式党员（§4）")


def test_probationary_member_may_not_be_first_secretary() -> None:
    (finding,) = check(political_status=terms.PROBATIONARY_MEMBER)
    assert finding.level == "error"
    assert "预备党员不符合条件" in finding.message


def test_first_secretary_needs_one_year_of_party_age() -> None:
    (finding,) = check(party_join_date=date(2025, 3, 1))
    assert finding.level == "error"
    assert finding.field == "入党时间"
    assert finding.message.startswith("党龄不足1年（入党时间2025年3月，驻村开始2025年10月）")


def test_exactly_one_year_of_party_age_is_enough() -> None:
    assert check(party_join_date=date(2024, 10, 1)) == []
    assert len(check(party_join_date=date(2024, 10, 2))) == 1


def test_first_secretary_without_party_join_date_is_blocked() -> None:
    (finding,) = check(party_join_date=None)
    assert (finding.level, finding.field) == ("error", "入党时间")
    assert "未填写入党时间" in finding.message


def test_first_secretary_needs_two_years_of_work_experience() -> None:
    (finding,) = check(work_start_date=date(2023, 11, 1))
    assert finding.level == "error"
    assert finding.field == "参加工作时间"
    assert "工作经历不足2年（参加工作时间2023年11月，驻村开始2025年10月）" in finding.message
    assert check(work_start_date=date(2023, 10, 1)) == []


def test_first_secretary_without_work_start_date_is_blocked() -> None:
    (finding,) = check(work_start_date=None)
    assert (finding.level, finding.field) == ("error", "参加工作时间")


def test_non_member_first_secretary_is_not_also_told_about_party_age() -> None:
    assert [f.field for f in check(political_status=terms.NON_PARTY, party_join_date=None)] == ["政治面貌"]


def test_every_failing_condition_is_reported_at_once() -> None:
    findings = check(staffing=terms.STAFFING_BORROWED, party_join_date=date(2025, 9, 1), work_start_date=None)
    assert [f.field for f in findings] == ["编制性质", "入党时间", "参加工作时间"]


def test_team_member_who_is_not_a_party_member_gets_a_warning_not_a_block() -> None:
    findings = check(role=terms.ROLE_TEAM_MEMBER, political_status=terms.NON_PARTY, party_join_date=None)
    assert findings == [Finding.warning("政治面貌", "工作队员优先选派党员（§4），当前政治面貌为“群众”", "§4")]
    assert not has_errors(findings)


def test_probationary_member_counts_as_party_member_for_team_members() -> None:
    assert check(role=terms.ROLE_TEAM_MEMBER, political_status=terms.PROBATIONARY_MEMBER) == []


def test_team_member_needs_no_party_age_or_work_experience() -> None:
    assert check(role=terms.ROLE_TEAM_MEMBER, party_join_date=None, work_start_date=date(2025, 7, 1)) == []


def test_common_synonyms_are_understood() -> None:
    assert check(role="第一书记", staffing="在编", political_status="正式党员") == []
    assert "预备党员" in check(political_status="预备党员")[0].message


def test_thresholds_come_from_the_rule_set() -> None:
    strict = EligibilityRules(min_party_years=2)
    findings = check(party_join_date=date(2024, 4, 1), rules=strict)
    assert findings[0].message.startswith("党龄不足2年")
    assert check(party_join_date=date(2024, 4, 1)) == []


def test_default_term_is_two_years() -> None:
    assert TERM_YEARS == 2
    assert default_term_end(date(2023, 5, 1)) == date(2025, 5, 1)
    assert default_term_end(date(2024, 2, 29)) == date(2026, 2, 28)


def test_term_shorter_than_two_years_is_a_warning() -> None:
    (finding,) = check_term_length(date(2023, 5, 1), date(2025, 3, 1))
    assert (finding.level, finding.field, finding.rule) == ("warning", "驻村结束时间", "§4")
    assert "一般不少于2年" in finding.message
    assert check_term_length(date(2023, 5, 1), date(2025, 5, 1)) == []
    assert check_term_length(date(2023, 5, 1), None) == []
