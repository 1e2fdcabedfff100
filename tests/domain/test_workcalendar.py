"""Working days (§7 due dates, §8 销假): the official calendar with its 调休, the county's calendar on top,
and no guessing for a year nobody has provided.

Dates below were checked against the State Council's notices and chinese_calendar 1.11 (which knows
2004–2026): 2026 National Day is 10-01..10-07 off with Sunday 09-20 and Saturday 10-10 worked; 2025
National Day is 10-01..10-08 off with Sunday 09-28 and Saturday 10-11 worked.
"""

from __future__ import annotations

import pickle
from datetime import date, datetime

import pytest

from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.workcalendar import (
    CalendarMissing,
    DayOverride,
    WorkCalendar,
    builtin_knows,
    builtin_years,
)

BUILTIN = WorkCalendar()

# The county's 2027 calendar as the State Council might issue it (only the exceptions to Monday–Friday):
# 元旦 Friday 01-01; the first days of January otherwise ordinary.
COUNTY_2027 = {
    date(2027, 1, 1): DayOverride("节假日", "元旦"),
    date(2027, 2, 6): DayOverride("工作日", "春节调休上班"),
}


def county_2027() -> WorkCalendar:
    return WorkCalendar(COUNTY_2027, {2027})


# ---------------------------------------------------------------- the built-in calendar


def test_builtin_calendar_covers_2004_to_at_least_2026() -> None:
    years = builtin_years()
    assert years.start == 2004
    assert 2026 in years
    assert builtin_knows(2026) and builtin_knows(2004)
    assert not builtin_knows(2003)


def test_national_day_week_2026_is_not_working_days() -> None:
    for day in range(1, 8):
        assert not BUILTIN.is_working_day(date(2026, 10, day)), f"2026-10-{day:02d}"
        assert BUILTIN.day_kind(date(2026, 10, day)) == "节假日"
        assert BUILTIN.holiday_name(date(2026, 10, day)) == "国庆节"
    assert BUILTIN.is_working_day(date(2026, 9, 30))
    assert BUILTIN.is_working_day(date(2026, 10, 8))


def test_adjusted_working_saturday_counts_as_working_day() -> None:
    # Saturday 2026-10-10 and Sunday 2026-09-20 are worked to lengthen National Day (调休上班).
    saturday, sunday = date(2026, 10, 10), date(2026, 9, 20)
    assert saturday.weekday() == 5 and sunday.weekday() == 6
    assert BUILTIN.is_working_day(saturday)
    assert BUILTIN.is_working_day(sunday)
    assert BUILTIN.day_kind(saturday) == "调休上班"
    assert BUILTIN.holiday_name(saturday) == "国庆节"
    # 2025: Sunday 09-28 and Saturday 10-11.
    assert BUILTIN.day_kind(date(2025, 9, 28)) == "调休上班"
    assert BUILTIN.day_kind(date(2025, 10, 11)) == "调休上班"


def test_ordinary_days_have_their_plain_kinds() -> None:
    assert BUILTIN.day_kind(date(2026, 10, 12)) == "工作日"  # Monday
    assert BUILTIN.day_kind(date(2026, 10, 11)) == "休息日"  # the Sunday after the 调休 Saturday
    assert BUILTIN.holiday_name(date(2026, 10, 12)) is None
    assert BUILTIN.day_kind(date(2026, 2, 17)) == "节假日"
    assert BUILTIN.holiday_name(date(2026, 2, 17)) == "春节"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 1, 1), "元旦"),
        (date(2026, 4, 6), "清明节"),
        (date(2026, 5, 1), "劳动节"),
        (date(2026, 6, 19), "端午节"),
        (date(2025, 10, 6), "中秋节"),
    ],
)
def test_holiday_names_are_chinese(day: date, name: str) -> None:
    assert BUILTIN.holiday_name(day) == name


def test_a_datetime_is_read_as_its_date() -> None:
    assert not BUILTIN.is_working_day(datetime(2026, 10, 1, 9, 30))


# ---------------------------------------------------------------- counting


def test_working_days_are_counted_inclusive() -> None:
    # 2026-09-28..10-11: Mon–Wed worked, 10-01..07 off, Thu 08, Fri 09, Sat 10 worked, Sun 11 off.
    assert BUILTIN.working_days(date(2026, 9, 28), date(2026, 10, 11)) == 6
    assert BUILTIN.working_days(date(2026, 10, 8), date(2026, 10, 8)) == 1
    assert BUILTIN.working_days(date(2026, 10, 8), date(2026, 10, 7)) == 0


def test_month_working_days_of_october_2026() -> None:
    # 22 weekdays, less 5 holiday weekdays (10-01, 02, 05, 06, 07), plus Saturday 10-10.
    assert BUILTIN.month_working_days(2026, 10) == 18


def test_nth_working_day_of_month_refuses_what_the_month_does_not_have() -> None:
    assert BUILTIN.nth_working_day_of_month(2026, 10, 1) == date(2026, 10, 8)
    with pytest.raises(ValueError):
        BUILTIN.nth_working_day_of_month(2026, 10, 19)
    with pytest.raises(ValueError):
        BUILTIN.nth_working_day_of_month(2026, 10, 0)


def test_attendance_due_for_september_2026_is_fifth_working_day_of_october() -> None:
    # October 2026: 1–7 National Day; worked Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
    assert BUILTIN.attendance_due((2026, 9)) == date(2026, 10, 13)


def test_attendance_due_for_an_ordinary_month() -> None:
    # June 2026: Mon 1 .. Fri 5 are the first five working days.
    assert BUILTIN.attendance_due((2026, 5)) == date(2026, 6, 5)
    # n comes from the rule set.
    assert BUILTIN.attendance_due((2026, 5), n=3) == date(2026, 6, 3)


def test_december_due_date_needs_next_years_calendar() -> None:
    with pytest.raises(CalendarMissing) as caught:
        BUILTIN.attendance_due((2026, 12))
    assert caught.value.year == 2027
    assert "2027年" in str(caught.value)
    # With the county's 2027 calendar: Fri 01-01 off; Mon 4, Tue 5, Wed 6, Thu 7, Fri 8.
    assert county_2027().attendance_due((2026, 12)) == date(2027, 1, 8)


def test_return_from_leave_is_due_one_working_day_after_the_leave_ends() -> None:
    # §8: leave ending Wednesday 2026-09-30 -> back by Thursday 10-08, after the holiday.
    assert BUILTIN.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    # Ending Friday 10-09 -> the 调休 Saturday 10-10 is already a working day.
    assert BUILTIN.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)
    assert BUILTIN.add_working_days(date(2026, 10, 9), 0) == date(2026, 10, 9)


def test_add_working_days_crosses_the_year_end_only_with_a_calendar() -> None:
    with pytest.raises(CalendarMissing):
        BUILTIN.add_working_days(date(2026, 12, 31), 1)
    assert county_2027().add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


# ---------------------------------------------------------------- the county's calendar


def test_county_override_wins_over_builtin() -> None:
    local = WorkCalendar(
        {
            date(2026, 10, 12): DayOverride("节假日", "县庆"),
            date(2026, 10, 10): DayOverride("节假日", ""),
            date(2026, 10, 7): DayOverride("工作日", "县里安排上班"),
        },
        set(),
    )
    assert not local.is_working_day(date(2026, 10, 12))
    assert local.day_kind(date(2026, 10, 12)) == "节假日"
    assert local.holiday_name(date(2026, 10, 12)) == "县庆"
    assert local.day_kind(date(2026, 10, 10)) == "休息日"
    assert local.is_working_day(date(2026, 10, 7))
    # Days the county did not list still follow the official calendar.
    assert not local.is_working_day(date(2026, 10, 6))
    assert local.is_working_day(date(2026, 10, 13))


def test_county_year_is_monday_to_friday_except_what_it_lists() -> None:
    cal = county_2027()
    assert cal.knows(2027)
    assert not cal.is_working_day(date(2027, 1, 1))
    assert cal.day_kind(date(2027, 1, 1)) == "节假日"
    assert cal.day_kind(date(2027, 2, 6)) == "调休上班"
    assert cal.day_kind(date(2027, 1, 2)) == "休息日"
    assert cal.day_kind(date(2027, 1, 4)) == "工作日"


def test_unknown_year_is_never_guessed() -> None:
    assert not BUILTIN.knows(2027)
    monday = date(2027, 3, 1)
    for ask in (BUILTIN.is_working_day, BUILTIN.day_kind, BUILTIN.holiday_name):
        with pytest.raises(CalendarMissing) as caught:
            ask(monday)
        assert caught.value.year == 2027
    with pytest.raises(CalendarMissing):
        BUILTIN.working_days(date(2026, 12, 1), date(2027, 1, 31))
    with pytest.raises(CalendarMissing):
        BUILTIN.month_working_days(2003, 6)


def test_one_edited_day_does_not_make_a_year_known() -> None:
    cal = WorkCalendar({date(2027, 3, 1): DayOverride("工作日", "")}, set())
    assert not cal.knows(2027)
    with pytest.raises(CalendarMissing):
        cal.is_working_day(date(2027, 3, 1))


def test_without_builtin_only_county_years_are_known() -> None:
    cal = WorkCalendar({}, {2025}, use_builtin=False)
    assert cal.knows(2025) and not cal.knows(2026)
    # The county listed no exceptions, so National Day 2025 is an ordinary weekday here.
    assert cal.is_working_day(date(2025, 10, 1))
    with pytest.raises(CalendarMissing):
        cal.is_working_day(date(2026, 10, 1))


def test_missing_calendar_message_says_which_year_and_how_to_import() -> None:
    error = CalendarMissing(2027)
    assert isinstance(error, RuleViolation)
    assert error.field == "工作日历"
    assert str(error).startswith("工作日历：缺少2027年的工作日历")
    assert "导入" in error.message and "xlsx/csv" in error.message
    copy = pickle.loads(pickle.dumps(error))
    assert copy.year == 2027 and str(copy) == str(error)


def test_an_override_kind_must_be_working_day_or_holiday() -> None:
    with pytest.raises(ValueError):
        DayOverride("休息日")  # type: ignore[arg-type]
