"""§7's due date counts working days of the official calendar with its 调休; a year nobody provided is never
guessed, and the county's own calendar file makes it known."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.test_attendance_builders import post, township_user
from zhucun_desktop.services.attendance import month_grid
from zhucun_desktop.services.calendar import (
    calendar_year_summary,
    import_calendar,
    list_calendar_days,
    load_calendar,
    set_calendar_day,
)
from zhucun_desktop.services.errors import PermissionDenied, ServiceError
from zhucun_desktop.storage.models import CalendarDay, CalendarYear

CALENDAR_2027 = """日期,类型,说明
2027-01-01,节假日,元旦
2027-02-06,上班,春节调休上班
2027-02-08,放假,春节
2027-02-09,放假,春节
2027-02-10,放假,春节
2027-02-11,放假,春节
2027-02-12,放假,春节
"""


def calendar_file(tmp_path: Path, text: str = CALENDAR_2027, name: str = "2027年工作日历.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def summary(ws, year: int) -> dict[str, tuple[int | None, date | None]]:
    return {m.month: (m.working_days, m.attendance_due) for m in calendar_year_summary(ws, year)}


def test_due_date_of_december_needs_next_years_calendar(ws, tmp_path):
    year_2026 = summary(ws, 2026)
    # October: 22 weekdays, 5 of them National Day (1, 2, 5, 6, 7), Saturday the 10th works (调休): 18.
    assert year_2026["2026-10"] == (18, date(2026, 11, 6))
    assert year_2026["2026-11"][1] == date(2026, 12, 7)
    assert year_2026["2026-12"] == (23, None)  # December is known; its table is due in January 2027: unknown
    import_calendar(ws, calendar_file(tmp_path))
    assert summary(ws, 2026)["2026-12"] == (23, date(2027, 1, 8))  # 1 January is a holiday: 4, 5, 6, 7, 8


def test_calendar_import_makes_the_year_known(ws, tmp_path):
    assert set(summary(ws, 2027).values()) == {(None, None)}
    cadre = post(ws, "王建国", 123)
    assert month_grid(ws, cadre.township_uuid, 2027, 2).calendar_missing == 2027
    report = import_calendar(ws, calendar_file(tmp_path))
    assert report.applied and report.years == [2027] and report.added == 7
    year = summary(ws, 2027)
    assert year["2027-02"][0] == 20 - 5 + 1  # 20 weekdays, 5 of them Spring Festival, Saturday the 6th works
    assert year["2027-01"] == (20, date(2027, 2, 5))
    assert year["2027-12"][1] is None  # 2028 still unknown
    grid = month_grid(ws, cadre.township_uuid, 2027, 2)
    assert grid.calendar_missing is None
    assert grid.day_kinds[5] == "调休上班" and grid.day_kinds[7] == "节假日" and grid.holidays[7] == "春节"


def test_reimporting_a_year_replaces_its_days_and_tombstones_the_dropped_ones(ws, tmp_path):
    import_calendar(ws, calendar_file(tmp_path))
    corrected = CALENDAR_2027.replace("2027-02-12,放假,春节\n", "") + "2027-02-13,上班,春节调休上班\n"
    report = import_calendar(ws, calendar_file(tmp_path, corrected, "更正.csv"))
    assert (report.added, report.removed, report.unchanged) == (1, 1, 6)
    with ws.read() as s:
        dropped = s.scalars(select(CalendarDay).where(CalendarDay.day == date(2027, 2, 12))).one()
        assert dropped.deleted and dropped.version == 2
        assert s.scalars(select(CalendarYear)).one().source == "更正.csv"
    assert [d.day.day for d in list_calendar_days(ws, 2027) if d.day.month == 2] == [6, 8, 9, 10, 11, 13]
    assert load_calendar(ws).is_working_day(date(2027, 2, 12))


def test_a_calendar_file_with_a_bad_row_imports_nothing(ws, tmp_path):
    bad = CALENDAR_2027 + "2027-13-01,放假,\n2027-05-01,随便,劳动节\n"
    report = import_calendar(ws, calendar_file(tmp_path, bad))
    assert not report.applied and len(report.errors) == 2
    assert report.errors[1].startswith("第10行 类型：")
    assert list_calendar_days(ws, 2027) == [] and summary(ws, 2027)["2027-01"] == (None, None)


def test_only_the_county_administrator_changes_the_calendar(ws, tmp_path):
    cadre = post(ws, "王建国", 123)
    clerk = township_user(ws, cadre.township_uuid)
    with pytest.raises(PermissionDenied):
        import_calendar(clerk, calendar_file(tmp_path))
    with pytest.raises(PermissionDenied):
        set_calendar_day(clerk, date(2026, 10, 12), "节假日", "县里放假")
    assert summary(clerk, 2026)["2026-10"][1] == date(2026, 11, 6)  # reading is for everyone


def test_an_edited_day_moves_the_due_date_and_removing_it_restores_the_official_day(ws):
    calendar_before = load_calendar(ws)
    set_calendar_day(ws, date(2026, 11, 2), "节假日", "县庆")
    assert summary(ws, 2026)["2026-10"][1] == date(2026, 11, 9)
    assert load_calendar(ws) is not calendar_before  # the cached calendar was dropped
    set_calendar_day(ws, date(2026, 11, 2), None)
    assert summary(ws, 2026)["2026-10"][1] == date(2026, 11, 6)
    with pytest.raises(ServiceError):
        set_calendar_day(ws, date(2026, 11, 2), "放假")


def test_the_calendar_is_cached_until_it_changes(ws):
    first = load_calendar(ws)
    assert load_calendar(ws) is first
    with ws.transaction() as s:  # a change that did not come through this module (e.g. a USB package)
        s.add(CalendarDay(day=date(2026, 11, 3), kind="节假日", note="补休"))
    assert load_calendar(ws) is not first
    assert not load_calendar(ws).is_working_day(date(2026, 11, 3))
