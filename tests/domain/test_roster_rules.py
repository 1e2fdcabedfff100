"""One roster (花名册) record: required columns, terms, 身份证号 agreement, date order, phone, §4."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.errors import Finding, RuleViolation, has_errors
from zhucun_desktop.domain.idcard import check_digit
from zhucun_desktop.domain.roster_fields import ROSTER_FIELDS
from zhucun_desktop.domain.roster_rules import (
    canonical_bool,
    canonical_political_status,
    canonical_role,
    canonical_sex,
    canonical_staffing,
    is_valid_phone,
    validate_person_fields,
)

TODAY = date(2025, 6, 1)


def make_id(birth: str, sex_digit: str) -> str:
    first17 = "530102" + birth + "01" + sex_digit
    return first17 + check_digit(first17)


MALE_1985_03 = make_id("19850312", "5")


def record(**overrides: object) -> dict[str, object]:
    """A first secretary whose record passes every rule, changed by ``overrides``."""
    values: dict[str, object] = {
        "name": "张三",
        "sex": "男",
        "ethnicity": "汉族",
        "birth_month": date(1985, 3, 1),
        "id_number": MALE_1985_03,
        "political_status": terms.PARTY_MEMBER,
        "party_join_date": date(2008, 6, 1),
        "work_start_date": date(2007, 7, 1),
        "education": "大学本科",
        "unit": "县财政局",
        "position": "四级主任科员",
        "staffing": terms.STAFFING_IN_POST,
        "role": terms.ROLE_FIRST_SECRETARY,
        "is_leader": True,
        "village": "新村",
        "township": "东风镇",
        "start_date": date(2023, 5, 1),
        "end_date": date(2025, 5, 1),
        "batch": "第三批",
        "phone": "13912345678",
    }
    values.update(overrides)
    return values


def validate(**overrides: object) -> list[Finding]:
    return validate_person_fields(record(**overrides), today=TODAY)


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.text for f in findings]
    return findings[0]


def test_complete_and_consistent_record_has_no_findings() -> None:
    assert validate() == []


@pytest.mark.parametrize("field", [f for f in ROSTER_FIELDS if f.required], ids=lambda f: f.key)
@pytest.mark.parametrize("empty", [None, "", "\u3000"])
def test_required_column_must_be_filled(field: object, empty: object) -> None:
    findings = validate(**{field.key: empty})  # type: ignore[attr-defined]
    assert Finding.error(field.header, "必须填写") in findings  # type: ignore[attr-defined]
    assert [f for f in findings if f.field == field.header] == [Finding.error(field.header, "必须填写")]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "key",
    ["sex", "ethnicity", "birth_month", "education", "position", "is_leader", "end_date", "batch", "phone"],
)
def test_optional_column_may_be_empty(key: str) -> None:
    assert validate(**{key: None}) == []


def test_sex_must_be_male_or_female() -> None:
    finding = only(validate(sex="男性"))
    assert finding.text == "性别：“男性”不是规定的值，应为：男、女"


def test_role_staffing_and_political_status_must_be_canonical_terms() -> None:
    assert only(validate(role="书记")).field == "驻村角色"
    assert only(validate(political_status="党员同志")).field == "政治面貌"
    finding = only(validate(staffing="事业编制"))  # §4 does not report 编制性质 a second time
    assert finding.text == "编制性质：“事业编制”不是规定的值，应为：在编在岗、工勤人员、临聘人员、借用人员"


def test_invalid_id_number_is_reported_under_its_column() -> None:
    finding = only(validate(id_number="110105491231002"))
    assert finding.text == "身份证号：15位旧身份证号码不再使用，请填写18位号码"
    assert finding.rule == "GB 11643-1999"


def test_sex_must_agree_with_the_id_number() -> None:
    finding = only(validate(sex="女"))
    assert (finding.level, finding.field) == ("error", "性别")


def test_birth_month_must_agree_with_the_id_number() -> None:
    finding = only(validate(birth_month=date(1985, 4, 1)))
    assert finding.text == "出生年月：与身份证号不一致：身份证号显示为1985年3月，填写的是1985年4月"


def test_end_of_posting_must_be_after_its_start() -> None:
    findings = validate(end_date=date(2023, 5, 1))
    assert [(f.level, f.field) for f in findings] == [("error", "驻村结束时间")]
    assert "应晚于驻村开始时间" in findings[0].message


def test_term_shorter_than_two_years_is_a_warning() -> None:
    finding = only(validate(end_date=date(2024, 5, 1)))
    assert (finding.level, finding.rule) == ("warning", "§4")


def test_party_join_date_must_be_after_birth() -> None:
    finding = only(validate(party_join_date=date(1984, 6, 1)))
    assert (finding.level, finding.field) == ("error", "入党时间")


def test_joining_the_party_before_eighteen_is_a_warning_to_check() -> None:
    finding = only(validate(party_join_date=date(2003, 2, 1)))
    assert (finding.level, finding.field) == ("warning", "入党时间")
    assert validate(party_join_date=date(2003, 3, 1)) == []


def test_work_must_start_at_sixteen_or_later() -> None:
    finding = only(validate(work_start_date=date(2001, 2, 1)))
    assert (finding.level, finding.field) == ("error", "参加工作时间")
    assert "不满16岁" in finding.message
    assert validate(work_start_date=date(2001, 3, 1)) == []


def test_work_start_before_birth_is_an_error() -> None:
    finding = only(validate(work_start_date=date(1980, 1, 1)))
    assert "不晚于出生年月" in finding.message


def test_birth_month_is_used_when_the_id_number_is_unreadable() -> None:
    findings = validate(id_number="123", work_start_date=date(1990, 1, 1))
    assert [f.field for f in findings] == ["身份证号", "参加工作时间"]


@pytest.mark.parametrize(
    "phone",
    [
        "13912345678",
        "139 1234 5678",
        "+86 13912345678",
        "0871-1234567",
        "0871－12345678",
        "010-12345678",
        "(0871)1234567",
        "08711234567",
        "13912345678/0871-1234567",
        13912345678.0,
    ],
)
def test_mobile_and_landline_numbers_are_accepted(phone: object) -> None:
    assert is_valid_phone(phone)
    assert validate(phone=phone) == []


@pytest.mark.parametrize("phone", ["1391234567", "12912345678", "139123456789", "1234567", "无"])
def test_other_phone_numbers_get_a_warning(phone: str) -> None:
    finding = only(validate(phone=phone))
    assert (finding.level, finding.field) == ("warning", "联系电话")
    assert "不像11位手机号" in finding.message


def test_eligibility_of_section_4_is_part_of_the_record_check() -> None:
    finding = only(validate(staffing=terms.STAFFING_BORROWED))
    assert finding.text == "编制性质：借用人员不得选派驻村，须为在编在岗人员（§4）"
    finding = only(validate(party_join_date=date(2022, 10, 1)))
    assert finding.message.startswith("党龄不足1年（入党时间2022年10月，驻村开始2023年5月）")


def test_team_member_who_is_not_a_party_member_is_saved_with_a_warning() -> None:
    findings = validate(role=terms.ROLE_TEAM_MEMBER, political_status=terms.NON_PARTY, party_join_date=None)
    assert [(f.level, f.field) for f in findings] == [("warning", "政治面貌")]
    assert not has_errors(findings)


def test_findings_follow_the_order_of_the_roster_columns() -> None:
    findings = validate(phone="123", name=None, staffing=terms.STAFFING_TEMPORARY, sex="女")
    assert [f.field for f in findings] == ["姓名", "性别", "编制性质", "联系电话"]


def test_dates_still_in_text_form_are_read_and_junk_is_reported() -> None:
    assert validate(start_date="2023年5月", end_date="2025.05", birth_month=datetime(1985, 3, 1)) == []
    finding = only(validate(end_date="明年"))
    assert finding.text.startswith("驻村结束时间：无法识别的日期“明年”")


def test_without_a_start_date_eligibility_is_judged_today() -> None:
    findings = validate(start_date=None, end_date=None, party_join_date=date(2024, 9, 1))
    assert [f.field for f in findings] == ["入党时间", "驻村开始时间"]
    assert "驻村开始2025年6月" in findings[0].message


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("第一书记", terms.ROLE_FIRST_SECRETARY),
        ("第一书记（队长）", terms.ROLE_FIRST_SECRETARY),
        ("驻村第一书记兼工作队长", terms.ROLE_FIRST_SECRETARY),
        (" 队员 ", terms.ROLE_TEAM_MEMBER),
        ("驻村工作队队员", terms.ROLE_TEAM_MEMBER),
        ("", None),
        (None, None),
        ("书记", "书记"),
    ],
)
def test_role_synonyms_map_to_the_words_of_section_4(raw: object, role: str | None) -> None:
    assert canonical_role(raw) == role


@pytest.mark.parametrize(
    ("raw", "staffing"),
    [
        ("在编", terms.STAFFING_IN_POST),
        ("在编在岗", terms.STAFFING_IN_POST),
        ("工勤编制", terms.STAFFING_SERVICE),
        ("临时聘用人员", terms.STAFFING_TEMPORARY),
        ("借调", terms.STAFFING_BORROWED),
        ("事业编制", "事业编制"),
        (None, None),
    ],
)
def test_staffing_synonyms_never_guess_in_post(raw: object, staffing: str | None) -> None:
    assert canonical_staffing(raw) == staffing


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("党员", terms.PARTY_MEMBER),
        ("中国共产党党员", terms.PARTY_MEMBER),
        ("预备党员", terms.PROBATIONARY_MEMBER),
        ("中共预备党员", terms.PROBATIONARY_MEMBER),
        ("中国共产党预备党员", terms.PROBATIONARY_MEMBER),
        ("中国共产主义青年团团员", terms.LEAGUE_MEMBER),
        ("团员", terms.LEAGUE_MEMBER),
        ("九三学社社员", "民主党派"),
        ("无党派", "无党派人士"),
        ("群众", terms.NON_PARTY),
        ("", None),
    ],
)
def test_political_status_synonyms_keep_probationary_members_apart(raw: str, status: str | None) -> None:
    assert canonical_political_status(raw) == status


@pytest.mark.parametrize(("raw", "sex"), [("男", "男"), ("女性", "女"), ("m", "男"), ("F", "女"), ("", None)])
def test_sex_synonyms(raw: str, sex: str | None) -> None:
    assert canonical_sex(raw) == sex


@pytest.mark.parametrize("raw", ["是", "√", "1", 1, 1.0, "true", "TRUE", "Y", True])
def test_yes_values(raw: object) -> None:
    assert canonical_bool(raw) is True


@pytest.mark.parametrize("raw", ["否", "×", "0", 0, "false", "no", False])
def test_no_values(raw: object) -> None:
    assert canonical_bool(raw) is False


def test_empty_yes_no_cell_is_none_and_anything_else_is_refused() -> None:
    assert canonical_bool(None) is None
    assert canonical_bool(" ") is None
    with pytest.raises(RuleViolation) as caught:
        canonical_bool("也许")
    assert str(caught.value) == "是否队长：无法识别“也许”，请填写“是”或“否”"
