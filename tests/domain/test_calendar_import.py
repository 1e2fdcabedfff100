"""The county's calendar file (日期 | 类型 | 说明, only the exceptions to Monday–Friday), as clerks send it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from zhucun_desktop.domain.calendar_import import (
    load_calendar_file,
    parse_calendar_rows,
    read_calendar_file,
)
from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.workcalendar import DayOverride, WorkCalendar


def rows(*cells: tuple[object, object, object], first: int = 2) -> list[tuple[int, dict[str, object]]]:
    return [(first + i, {"日期": d, "类型": k, "说明": n}) for i, (d, k, n) in enumerate(cells)]


CSV_2027 = "日期,类型,说明\n2027-01-01,节假日,元旦\n2027-02-06,上班,春节调休\n2027-02-08,放假,春节\n"


def test_rows_become_days_and_make_their_year_known() -> None:
    result = parse_calendar_rows(rows(
        ("2027-01-01", "节假日", "元旦"),
        (datetime(2027, 2, 6), "补班", "春节调休上班"),
        ("2027/2/8", "放假", None),
    ))
    assert result.ok, result.errors
    assert result.years == {2027}
    assert result.overrides == {
        date(2027, 1, 1): DayOverride("节假日", "元旦"),
        date(2027, 2, 6): DayOverride("工作日", "春节调休上班"),
        date(2027, 2, 8): DayOverride("节假日", ""),
    }
    cal = WorkCalendar(result.overrides, result.years)
    assert cal.attendance_due((2026, 12)) == date(2027, 1, 8)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("工作日", "工作日"), ("上班", "工作日"), ("补班", "工作日"), ("调休上班", "工作日"),
     ("节假日", "节假日"), ("休息", "节假日"), ("放假", "节假日"), ("假日", "节假日"), (" 节 假 日 ", "节假日")],
)
def test_kind_spellings(typed: str, kind: str) -> None:
    result = parse_calendar_rows(rows(("2027-05-03", typed, "")))
    assert result.ok, result.errors
    assert result.overrides[date(2027, 5, 3)].kind == kind


def test_header_synonyms_are_accepted() -> None:
    result = parse_calendar_rows([(2, {"日 期": "2027-05-03", "类别": "节假日", "备注": "劳动节"}),
                                  (3, {"日期": "2027-05-08", "性质": "工作日"})])
    assert result.ok, result.errors
    assert result.overrides[date(2027, 5, 3)] == DayOverride("节假日", "劳动节")
    assert result.overrides[date(2027, 5, 8)].kind == "工作日"


def test_bad_rows_are_reported_with_their_row_numbers() -> None:
    result = parse_calendar_rows(rows(
        ("2027-02-30", "节假日", ""),
        ("", "节假日", ""),
        ("2027-03-01", "加班", ""),
        ("2027-03-02", None, ""),
        (None, None, None),  # a blank row is skipped, not an error
        first=3,
    ))
    assert result.errors[0].startswith("第3行 日期：")
    assert "2月只有28天" in result.errors[0]
    assert result.errors[1] == "第4行 日期：不能为空"
    assert result.errors[2].startswith("第5行 类型：无法识别的“加班”")
    assert result.errors[3].startswith("第6行 类型：不能为空")
    assert len(result.errors) == 4


def test_a_date_listed_twice_names_both_rows() -> None:
    result = parse_calendar_rows(rows(("2027-10-01", "节假日", "国庆节"), ("2027/10/1", "工作日", "")))
    assert result.errors == ["第3行 日期：2027-10-01与第2行重复，同一天只能写一行"]
    assert result.overrides[date(2027, 10, 1)].kind == "节假日"


def test_redundant_rows_are_kept() -> None:
    # A holiday on Saturday 2027-10-02 and a working Monday say what the days already are: harmless.
    result = parse_calendar_rows(rows(("2027-10-02", "节假日", "国庆节"), ("2027-10-11", "工作日", "")))
    assert result.ok
    assert set(result.overrides) == {date(2027, 10, 2), date(2027, 10, 11)}


def test_a_neighbouring_years_edge_day_does_not_make_that_year_known() -> None:
    # A 2026 notice that already lists the first day of 2027.
    result = parse_calendar_rows(rows(("2026-10-01", "节假日", "国庆节"), ("2027-01-01", "节假日", "元旦")))
    assert result.ok
    assert result.years == {2026}
    assert date(2027, 1, 1) in result.overrides


def test_an_explicit_year_rejects_days_far_from_it() -> None:
    result = parse_calendar_rows(rows(("2026-12-31", "节假日", "元旦"), ("2028-05-01", "节假日", "")), year=2027)
    assert result.years == {2027}
    assert result.errors == ["第3行 日期：2028-05-01不属于2027年的日历"]
    assert date(2026, 12, 31) in result.overrides


def test_an_empty_file_is_an_error() -> None:
    assert parse_calendar_rows([]).errors


# ---------------------------------------------------------------- files


def test_csv_in_utf8_with_and_without_bom(tmp_path: Path) -> None:
    for name, encoding in (("plain.csv", "utf-8"), ("bom.csv", "utf-8-sig")):
        path = tmp_path / name
        path.write_text(CSV_2027, encoding=encoding)
        result = load_calendar_file(path)
        assert result.ok, result.errors
        assert result.overrides[date(2027, 2, 6)] == DayOverride("工作日", "春节调休")


def test_csv_saved_by_excel_on_chinese_windows_is_gbk(tmp_path: Path) -> None:
    path = tmp_path / "日历.csv"
    path.write_bytes(CSV_2027.encode("gbk"))
    result = load_calendar_file(path)
    assert result.ok, result.errors
    assert result.overrides[date(2027, 1, 1)] == DayOverride("节假日", "元旦")


def test_xlsx_with_a_title_row_above_the_header(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["XX县2027年工作日历"])
    sheet.append([])
    sheet.append(["日期", "类型", "说明"])
    sheet.append([datetime(2027, 1, 1), "节假日", "元旦"])
    sheet.append(["2027-02-06", "工作日", None])
    path = tmp_path / "calendar.xlsx"
    workbook.save(path)

    data = read_calendar_file(path)
    assert data[0][0] == 4  # the row number the clerk sees in Excel
    result = parse_calendar_rows(data)
    assert result.ok, result.errors
    assert result.overrides == {
        date(2027, 1, 1): DayOverride("节假日", "元旦"),
        date(2027, 2, 6): DayOverride("工作日", ""),
    }


def test_a_file_without_the_header_or_of_another_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("日子,说明\n2027-01-01,元旦\n", encoding="utf-8")
    with pytest.raises(RuleViolation, match="找不到表头"):
        read_calendar_file(path)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(RuleViolation, match="xlsx或csv"):
        read_calendar_file(old)
