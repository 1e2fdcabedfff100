"""身份证号 per GB 11643-1999: length, characters, birth date, check digit, and what the number tells."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from zhucun_desktop.domain.errors import Finding, RuleViolation
from zhucun_desktop.domain.idcard import IdInfo, age_on, check_consistency, check_digit, parse_id_number

TODAY = date(2025, 6, 1)


def make_id(birth: str = "19900515", *, region: str = "530102", seq: str = "12", sex_digit: str = "3") -> str:
    """A valid number built with our own check_digit (the published examples below pin check_digit)."""
    first17 = region + birth + seq + sex_digit
    return first17 + check_digit(first17)


def refusal(raw: object, today: date = TODAY) -> RuleViolation:
    with pytest.raises(RuleViolation) as caught:
        parse_id_number(raw, today=today)
    return caught.value


def test_published_example_with_check_digit_x_is_valid() -> None:
    assert check_digit("11010519491231002") == "X"
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info == IdInfo(
        number="11010519491231002X", birth_date=date(1949, 12, 31), sex="女", region_code="110105"
    )


def test_published_example_440524188001010014_has_check_digit_4() -> None:
    assert check_digit("44052418800101001") == "4"
    info = parse_id_number("440524188001010014", today=date(1970, 1, 1))
    assert (info.birth_date, info.sex, info.region_code) == (date(1880, 1, 1), "男", "440524")


def test_check_digit_follows_iso_7064_mod_11_2_for_every_possible_remainder() -> None:
    # The standard's own formula, written independently: weight of position i (1..17) is 2^(18-i) mod 11,
    # and the check value is (12 - sum mod 11) mod 11, written X when it is 10.
    def by_the_standard(first17: str) -> str:
        total = sum(int(ch) * pow(2, 18 - i, 11) for i, ch in enumerate(first17, start=1))
        value = (12 - total % 11) % 11
        return "X" if value == 10 else str(value)

    seen = set()
    for n in range(400):
        first17 = f"530102199001{n:03d}" + str(n % 10) + str(n * 7 % 10)
        assert check_digit(first17) == by_the_standard(first17), first17
        seen.add(check_digit(first17))
    assert seen == set("0123456789X")


def test_lower_case_x_full_width_digits_and_spaces_are_accepted() -> None:
    assert parse_id_number("11010519491231002x", today=TODAY).number == "11010519491231002X"
    assert (
        parse_id_number("１１０１０５ １９４９１２３１ ００２Ｘ", today=TODAY).number == "11010519491231002X"
    )
    assert parse_id_number(" 1101 0519\u30004912 3100 2X\u00a0", today=TODAY).number == "11010519491231002X"


def test_birth_date_and_month_are_derived() -> None:
    info = parse_id_number(make_id("19900515"), today=TODAY)
    assert info.birth_date == date(1990, 5, 15)
    assert info.birth_month == date(1990, 5, 1)
    assert age_on(info, date(2025, 5, 14)) == 34
    assert age_on(info, date(2025, 5, 15)) == 35


def test_odd_seventeenth_digit_is_male_and_even_is_female() -> None:
    assert parse_id_number(make_id(sex_digit="7"), today=TODAY).sex == "男"
    assert parse_id_number(make_id(sex_digit="0"), today=TODAY).sex == "女"


def test_empty_number_is_refused() -> None:
    assert str(refusal("")) == "身份证号：不能为空"
    assert refusal(None).message == "不能为空"
    assert refusal("\u3000").message == "不能为空"


def test_fifteen_digit_old_number_is_refused_with_message() -> None:
    error = refusal("110105491231002")
    assert error.message == "15位旧身份证号码不再使用，请填写18位号码"
    assert error.field == "身份证号"
    assert error.rule == "GB 11643-1999"


def test_wrong_length_says_how_many_characters_were_given() -> None:
    assert "实际填写了17位" in refusal("11010519491231002").message
    assert "实际填写了19位" in refusal("11010519491231002X1").message


def test_letter_inside_the_number_is_refused_naming_its_position() -> None:
    assert refusal("11010519491231A02X").message == "第15位“A”不是数字，前17位只能是数字"


def test_last_character_may_only_be_a_digit_or_x() -> None:
    assert refusal("11010519491231002Y").message == "第18位“Y”无效，最后一位只能是数字或X"


def test_impossible_birth_date_is_refused() -> None:
    error = refusal(make_id("19900231"))
    assert error.message.startswith("出生日期19900231不存在")


def test_birth_date_in_the_future_is_refused() -> None:
    assert "出生日期20250602晚于今天" in refusal(make_id("20250602")).message
    assert parse_id_number(make_id("20250601"), today=TODAY).birth_date == TODAY


def test_age_over_one_hundred_is_refused_but_exactly_one_hundred_is_accepted() -> None:
    assert parse_id_number(make_id("19250601"), today=TODAY).birth_date == date(1925, 6, 1)
    assert parse_id_number(make_id("19240602"), today=TODAY).birth_date == date(1924, 6, 2)
    assert "距今超过100年" in refusal(make_id("19240601")).message
    assert "距今超过100年" in refusal("440524188001010014").message


def test_wrong_check_digit_says_which_is_expected() -> None:
    error = refusal("110105194912310021")
    assert str(error).startswith("身份证号：校验码错误，应为X")
    assert "填写的是1" in error.message


def test_any_single_mistyped_digit_is_caught() -> None:
    valid = make_id("19870923")
    for position in range(17):
        wrong = str((int(valid[position]) + 1) % 10)
        typo = valid[:position] + wrong + valid[position + 1 :]
        with pytest.raises(RuleViolation):
            parse_id_number(typo, today=TODAY)


def test_number_that_excel_stored_as_a_float_is_refused_with_the_remedy() -> None:
    assert "设为“文本”格式" in refusal(4.40524188001e17).message


def test_check_digit_needs_exactly_seventeen_digits() -> None:
    with pytest.raises(ValueError):
        check_digit("1101051949123100")
    with pytest.raises(ValueError):
        check_digit("1101051949123100A")


def test_entered_sex_that_differs_from_the_number_is_an_error() -> None:
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert check_consistency(info, sex="男") == [
        Finding("error", "性别", "与身份证号不一致：身份证号显示为“女”，填写的是“男”", "GB 11643-1999")
    ]
    assert check_consistency(info, sex="女") == []


def test_birth_month_is_compared_by_year_and_month_only() -> None:
    info = parse_id_number(make_id("19900515"), today=TODAY)
    assert check_consistency(info, birth=date(1990, 5, 1)) == []
    (finding,) = check_consistency(info, birth=date(1990, 6, 1))
    assert finding.level == "error"
    assert finding.text == "出生年月：与身份证号不一致：身份证号显示为1990年5月，填写的是1990年6月"
    assert len(check_consistency(info, birth=date(1991, 5, 1))) == 1


def test_nothing_entered_means_nothing_to_compare() -> None:
    assert check_consistency(parse_id_number(make_id(), today=TODAY)) == []


def test_rule_violation_reads_field_colon_message_and_survives_pickling() -> None:
    error = RuleViolation("身份证号", "校验码错误，应为X", "GB 11643-1999")
    assert str(error) == "身份证号：校验码错误，应为X"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.field, copy.message, copy.rule, str(copy)) == (
        error.field,
        error.message,
        error.rule,
        str(error),
    )
    assert error.to_finding() == Finding.error("身份证号", "校验码错误，应为X", "GB 11643-1999")
    assert Finding.warning("联系电话", "请核对").text == "联系电话：请核对"
