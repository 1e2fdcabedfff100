"""The monthly attendance table (§7): codes as typed, row and column totals, §19 allowance days, the
seal's hash, and §7's due date of the month's table."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date

import pytest

from zhucun_desktop.domain.attendance_due import is_overdue, month_state_due
from zhucun_desktop.domain.attendance_rules import (
    DEFAULT_CODES,
    AttendanceCodeDef,
    allowance_days,
    canonical_content,
    column_totals,
    content_hash,
    month_days,
    normalize_code,
    row_totals,
)
from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.workcalendar import DayOverride, WorkCalendar

CAL = WorkCalendar()
OCTOBER_2026 = month_days(2026, 10)


# ---------------------------------------------------------------- codes


def test_default_codes_are_the_county_legend() -> None:
    assert [c.code for c in DEFAULT_CODES] == ["√", "公", "事", "病", "年", "休", "旷"]
    assert {c.code for c in DEFAULT_CODES if c.in_post} == {"√", "公"}


@pytest.mark.parametrize("typed", ["√", "v", "V", "✓", "✔", "1", "在", "在岗", "Ｖ", "１", " √ "])
def test_what_people_type_for_in_post(typed: str) -> None:
    assert normalize_code(typed) == "√"


@pytest.mark.parametrize(
    ("typed", "code"),
    [("事假", "事"), ("事", "事"), ("病假", "病"), ("年休假", "年"), ("旷工", "旷"), ("公出", "公"),
     ("参会培训", "公"), ("轮休", "休"), ("休息日离村", "休")],
)
def test_labels_become_codes(typed: str, code: str) -> None:
    assert normalize_code(typed) == code


def test_an_empty_cell_is_not_registered_yet() -> None:
    assert normalize_code("") is None
    assert normalize_code(None) is None


@pytest.mark.parametrize("typed", ["x", "请假", "出差", "0"])
def test_unknown_codes_are_refused_with_the_legend(typed: str) -> None:
    # 请假 names three codes (事, 病, 年), so it is as unknown as x.
    with pytest.raises(RuleViolation) as caught:
        normalize_code(typed)
    assert caught.value.field == "考勤符号"
    assert "√ 在岗" in caught.value.message and "旷 旷工" in caught.value.message


def test_the_countys_own_codes_are_used() -> None:
    codes = (*DEFAULT_CODES, AttendanceCodeDef("婚", "婚假", "请假", False))
    assert normalize_code("婚假", codes) == "婚"
    with pytest.raises(RuleViolation):
        normalize_code("婚假")


# ---------------------------------------------------------------- totals


def month_of(code: str, year: int = 2026, month: int = 10) -> dict[date, str | None]:
    return dict.fromkeys(month_days(year, month), code)


def test_month_days_are_every_calendar_day() -> None:
    assert len(OCTOBER_2026) == 31
    assert len(month_days(2028, 2)) == 29


def test_row_totals_count_every_calendar_day_and_the_working_days() -> None:
    codes: dict[date, str | None] = month_of("√")
    codes[date(2026, 10, 1)] = "休"  # National Day at home, registered as 休
    codes[date(2026, 10, 12)] = "事"
    codes[date(2026, 10, 13)] = "病"
    codes[date(2026, 10, 14)] = "旷"
    codes[date(2026, 10, 15)] = "公"
    codes[date(2026, 10, 31)] = None
    totals = row_totals(codes, OCTOBER_2026, CAL)
    # 25 √ and 1 公, weekends and holidays included; 休, 事, 病, 旷 and the empty day are not in post.
    assert totals.in_post_days == 26
    assert totals.by_code == {"√": 25, "公": 1, "事": 1, "病": 1, "年": 0, "休": 1, "旷": 1}
    assert totals.absent_days == 1
    assert totals.empty_days == 1
    assert totals.working_days_in_post == 18


def test_only_the_days_within_the_posting_count() -> None:
    # Posted from 2026-10-16: 16 days, of which working days are 16, 19–23, 26–30 = 11.
    posting = [d for d in OCTOBER_2026 if d >= date(2026, 10, 16)]
    codes = month_of("√")
    totals = row_totals(codes, posting, CAL)
    assert totals.in_post_days == 16
    assert totals.working_days_in_post == 11
    assert totals.empty_days == 0


def test_working_days_in_post_is_none_without_the_calendar() -> None:
    january_2027 = month_days(2027, 1)
    totals = row_totals(month_of("√", 2027, 1), january_2027, CAL)
    assert totals.in_post_days == 31  # registration works without a calendar
    assert totals.working_days_in_post is None
    assert row_totals(month_of("√"), OCTOBER_2026, None).working_days_in_post is None


def test_column_totals_count_codes_per_day() -> None:
    a = {date(2026, 10, 1): "√", date(2026, 10, 2): "事"}
    b = {date(2026, 10, 1): "√", date(2026, 10, 2): None}
    c = {date(2026, 10, 1): "休"}
    assert column_totals([a, b, c]) == {
        date(2026, 10, 1): {"√": 2, "休": 1},
        date(2026, 10, 2): {"事": 1},
    }


def test_allowance_is_paid_for_working_days_in_post() -> None:
    # §19: October 2026 all in post: 31 days registered, 18 working days paid (调休 Saturday 10-10 included).
    assert allowance_days(month_of("√"), CAL) == 18
    codes = month_of("√")
    codes[date(2026, 10, 10)] = "事"  # leave on the 调休 Saturday: one paid day fewer
    codes[date(2026, 10, 3)] = "公"  # official trip on a holiday: not a working day, not paid
    assert allowance_days(codes, CAL) == 17
    assert allowance_days(month_of("√", 2027, 1), CAL) is None


def test_allowance_uses_the_countys_calendar() -> None:
    county = WorkCalendar({date(2026, 10, 12): DayOverride("节假日", "县庆")}, set())
    assert allowance_days(month_of("√"), county) == 17


# ---------------------------------------------------------------- the seal's hash

Row = tuple[str, str, dict[date, str | None]]

ROWS: list[Row] = [
    ("530102198503120154", "张三", {date(2026, 10, 1): "休", date(2026, 10, 2): "√"}),
    ("530102199001010018", "李四", {date(2026, 10, 2): "事", date(2026, 10, 1): "√"}),
]


def test_hash_does_not_depend_on_the_order_rows_and_days_are_given_in() -> None:
    reordered = [(i, n, dict(reversed(list(days.items())))) for i, n, days in reversed(ROWS)]
    assert content_hash("城关镇", "2026-10", ROWS) == content_hash("城关镇", "2026-10", reordered)


@pytest.mark.parametrize(
    "change",
    [
        lambda rows: [(rows[0][0], rows[0][1], {**rows[0][2], date(2026, 10, 2): "公"}), rows[1]],
        lambda rows: [(rows[0][0], rows[0][1], {**rows[0][2], date(2026, 10, 3): "√"}), rows[1]],
        lambda rows: [(rows[0][0], "张叁", rows[0][2]), rows[1]],
        lambda rows: [rows[0]],
    ],
    ids=["changed cell", "added cell", "changed name", "removed row"],
)
def test_any_change_changes_the_hash(change: Callable[[list[Row]], list[Row]]) -> None:
    assert content_hash("城关镇", "2026-10", change(ROWS)) != content_hash("城关镇", "2026-10", ROWS)


def test_township_and_month_are_part_of_the_hash() -> None:
    base = content_hash("城关镇", "2026-10", ROWS)
    assert content_hash("新城乡", "2026-10", ROWS) != base


def test_an_auditor_can_recompute_the_hash_from_the_documented_form() -> None:
    document = {
        "format": "zhucun-attendance-v1",
        "month": "2026-10",
        "rows": [
            {"days": {"2026-10-01": "休", "2026-10-02": "√"}, "id": "530102198503120154", "name": "张三"},
            {"days": {"2026-10-01": "√", "2026-10-02": "事"}, "id": "530102199001010018", "name": "李四"},
        ],
        "township": "城关镇",
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert canonical_content("城关镇", "2026-10", ROWS) == text.encode("utf-8")
    assert content_hash("城关镇", "2026-10", ROWS) == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert "张三" in text  # ensure_ascii False: the names are readable in the canonical form


def test_empty_cells_do_not_enter_the_hash_and_bad_input_is_refused() -> None:
    with_empty = [(ROWS[0][0], ROWS[0][1], {**ROWS[0][2], date(2026, 10, 3): None}), ROWS[1]]
    assert content_hash("城关镇", "2026-10", with_empty) == content_hash("城关镇", "2026-10", ROWS)
    with pytest.raises(ValueError):
        content_hash("城关镇", "2026-11", ROWS)  # the days are October's
    with pytest.raises(ValueError):
        content_hash("城关镇", "2026-13", [])


# ---------------------------------------------------------------- §7 due date of the month's table


def test_month_due_date_and_overdue() -> None:
    due = month_state_due(2026, 9, CAL)
    assert due == date(2026, 10, 13)
    assert not is_overdue(due, date(2026, 10, 13), "已封存")  # filing on the due day is on time
    assert is_overdue(due, date(2026, 10, 14), "已封存")
    assert is_overdue(due, date(2026, 10, 14), "未完成")
    assert not is_overdue(due, date(2026, 11, 30), "已报送")


def test_december_due_date_is_unknown_without_next_years_calendar() -> None:
    assert month_state_due(2026, 12, CAL) is None
    assert not is_overdue(None, date(2027, 3, 1), "未完成")
    county = WorkCalendar({date(2027, 1, 1): DayOverride("节假日", "元旦")}, {2027})
    assert month_state_due(2026, 12, county) == date(2027, 1, 8)
