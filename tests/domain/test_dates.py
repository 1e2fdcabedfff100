"""Roster dates in every shape a township office produces, and the year arithmetic of §4."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from zhucun_desktop.domain.dates import add_years, format_month, parse_date, years_between
from zhucun_desktop.domain.errors import RuleViolation

FIELD = "驻村开始时间"


def read(value: object, *, month_ok: bool = True) -> date | None:
    return parse_date(value, field=FIELD, month_ok=month_ok)


@pytest.mark.parametrize(
    "text",
    [
        "2023-05-01",
        "2023/5/1",
        "2023.5.1",
        "2023年5月1日",
        "2023年05月01日",
        "2023年5月1号",
        "20230501",
        "2023-05-01 00:00:00",
        "2023-05-01T08:30:00",
    ],
)
def test_text_with_a_day_is_read(text: str) -> None:
    assert read(text) == date(2023, 5, 1)


@pytest.mark.parametrize("text", ["2023.05", "2023.5", "2023年5月", "2023-5", "2023/05", "202305"])
def test_month_only_text_gives_the_first_of_the_month(text: str) -> None:
    assert read(text) == date(2023, 5, 1)


def test_full_width_digits_and_stray_spaces_are_accepted() -> None:
    assert read("２０２３年５月") == date(2023, 5, 1)
    assert read(" 2023 年 5 月 1 日 ") == date(2023, 5, 1)
    assert read("２０２３．０５．０１") == date(2023, 5, 1)


def test_text_2023_10_is_october_and_text_2023_1_is_january() -> None:
    assert read("2023.10") == date(2023, 10, 1)
    assert read("2023.1") == date(2023, 1, 1)


def test_number_2023_1_is_october_because_excel_dropped_the_trailing_zero() -> None:
    # The clerk typed 2023.10 into a number cell; openpyxl returns the float 2023.1.
    assert read(2023.1) == date(2023, 10, 1)


def test_numbers_typed_as_year_point_month_are_months() -> None:
    assert read(2023.05) == date(2023, 5, 1)
    assert read(2023.12) == date(2023, 12, 1)
    assert read(2023.2) == date(2023, 2, 1)


def test_excel_date_objects_are_taken_as_they_are() -> None:
    assert read(datetime(2023, 5, 1, 0, 0)) == date(2023, 5, 1)
    assert read(date(2023, 5, 1)) == date(2023, 5, 1)


def test_excel_serial_numbers_use_the_1900_date_system() -> None:
    assert read(45000) == date(2023, 3, 15)
    assert read(45000.0) == date(2023, 3, 15)
    assert read(45000.75) == date(2023, 3, 15)  # a date-time cell
    assert read(61) == date(1900, 3, 1)
    assert read(59) == date(1900, 2, 28)


def test_yyyymmdd_and_yyyymm_typed_as_numbers_are_not_serials() -> None:
    assert read(20230501) == date(2023, 5, 1)
    assert read(202305) == date(2023, 5, 1)


def test_empty_cells_give_none() -> None:
    assert read(None) is None
    assert read("") is None
    assert read("\u3000 ") is None


def test_impossible_month_is_refused_with_the_value_and_the_way_to_write_it() -> None:
    with pytest.raises(RuleViolation) as caught:
        read("2023-13-01")
    assert caught.value.field == FIELD
    assert str(caught.value) == "驻村开始时间：无法识别的日期“2023-13-01”，请写成2023-05-01或2023年5月"


def test_impossible_day_is_refused_naming_the_month_length() -> None:
    with pytest.raises(RuleViolation, match="2023年2月只有28天"):
        read("2023-02-30")


@pytest.mark.parametrize(
    "junk", ["abc", "2023", 2023, "23.5.1", "5/1/2023", 0, -3, True, 2023.123, 60, "1899-12-31"]
)
def test_junk_is_refused(junk: object) -> None:
    with pytest.raises(RuleViolation, match="无法识别的日期"):
        read(junk)


def test_month_only_is_refused_where_a_day_is_needed() -> None:
    with pytest.raises(RuleViolation, match="需要具体到日"):
        read("2023.05", month_ok=False)
    with pytest.raises(RuleViolation, match="需要具体到日"):
        read(2023.1, month_ok=False)
    assert read("2023-05-01", month_ok=False) == date(2023, 5, 1)


def test_add_years_moves_a_leap_day_to_february_28() -> None:
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert add_years(date(2023, 5, 1), -2) == date(2021, 5, 1)


def test_years_between_counts_only_completed_years() -> None:
    assert years_between(date(2023, 5, 1), date(2025, 4, 30)) == 1
    assert years_between(date(2023, 5, 1), date(2025, 5, 1)) == 2
    assert years_between(date(2025, 5, 1), date(2023, 5, 1)) == -2


def test_someone_born_on_a_leap_day_completes_a_year_on_february_28() -> None:
    assert years_between(date(2000, 2, 29), date(2001, 2, 27)) == 0
    assert years_between(date(2000, 2, 29), date(2001, 2, 28)) == 1


def test_months_are_printed_the_way_forms_write_them() -> None:
    assert format_month(date(2025, 3, 1)) == "2025年3月"
