"""The 考勤表 workbook: written as the printed form, read back cell for cell, and clerks' own sheets read with
every bad cell reported as 第N行 第M日：原因 (§7)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook

from tests.reports.test_attendance_pdf import make_id, make_sheet
from zhucun_desktop.reports.attendance_xlsx import read_attendance_xlsx, write_attendance_xlsx

TOTALS = ["在岗天数", "工作日在岗", "公出", "事假", "病假", "年休假", "轮休", "旷工"]


def _expected(sheet) -> dict[str, dict[int, str]]:
    """身份证号 -> {day: code} of the days within the posting that have a code."""
    return {
        row.id_number: {
            i + 1: code for i, (code, inside) in enumerate(zip(row.codes, row.editable)) if code and inside
        }
        for row in sheet.rows
    }


def _clerks_workbook(path: Path, header: list[object], rows: list[list[object]], title: str) -> Path:
    """A workbook as a clerk makes it: a title row, a blank row, the header, data, a 填表人 line."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([title])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.append(["填表人：张三"])
    wb.save(path)
    return path


def test_round_trip_gives_back_every_code_of_every_person_and_day(tmp_path) -> None:
    east, red = make_sheet(60), make_sheet(12, township="红星乡", first_id=100, sealed=False, seed=9)
    path = tmp_path / "考勤表.xlsx"
    write_attendance_xlsx([east, red], path)
    result = read_attendance_xlsx(path, year=2026, month=10)
    assert result.errors == [] and result.ok
    assert len(result.rows) == 72
    got = {row.id_number: row.codes for row in result.rows}
    assert got == {**_expected(east), **_expected(red)}
    assert [(r.name, r.sheet, r.row_number) for r in result.rows[:2]] == [
        ("欧阳晓峰", "东风镇", 5),
        ("买买提·艾力", "东风镇", 6),
    ]
    only_red = read_attendance_xlsx(path, year=2026, month=10, township="红星乡")
    assert only_red.ok and [r.id_number for r in only_red.rows] == [r.id_number for r in red.rows]


def test_the_sheet_is_laid_out_like_the_printed_form(tmp_path) -> None:
    sheet = make_sheet(60)
    path = tmp_path / "考勤表.xlsx"
    write_attendance_xlsx([sheet, make_sheet(3, township="红星乡", first_id=100)], path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["东风镇", "红星乡"]
    ws = wb["东风镇"]
    assert ws["A1"].value == "东风镇驻村第一书记和工作队员考勤表（2026年10月）"
    assert "A1:AR1" in {str(r) for r in ws.merged_cells.ranges}  # 5 + 31 days + 8 totals = 44 columns
    header = [ws.cell(row=3, column=c).value for c in range(1, 45)]
    assert header == ["序号", "姓名", "身份证号码", "驻村身份", "所驻村", *range(1, 32), *TOTALS]
    weekdays = [ws.cell(row=4, column=5 + d).value for d in (1, 8, 10, 11)]
    assert weekdays == ["四\n休", "四", "六\n班", "日"]  # 国庆, a workday, the 调休 Saturday, a Sunday
    first = sheet.rows[0]
    assert ws["C5"].value == first.id_number and ws["C5"].number_format == "@"
    assert ws["D5"].value == "驻村第一书记（队长）"
    assert [ws.cell(row=5, column=c).value for c in range(37, 45)] == [
        first.in_post_days,
        first.working_days_in_post,
        *(first.by_code[c] for c in "公事病年休旷"),
    ]
    assert not any(str(cell.value).startswith("=") for row in ws.iter_rows() for cell in row)  # values only
    assert ws["H5"].fill.fgColor.rgb.endswith("EDEDED")  # 10-03, 国庆: shaded
    assert ws.cell(row=5, column=5 + 8).fill.fill_type is None  # 10-08, a workday
    late = sheet.rows[4]  # posted from the 16th: the first fifteen days grey and empty
    assert late.editable[:15] == [False] * 15
    outside = [ws.cell(row=9, column=5 + d) for d in range(1, 16)]
    assert all(c.value is None and c.fill.fgColor.rgb.endswith("C8C8C8") for c in outside)
    total_row = 5 + 60
    assert ws.cell(row=total_row, column=1).value == "合计"
    assert ws.cell(row=total_row, column=37).value == sum(r.in_post_days for r in sheet.rows)
    texts = " ".join(str(c.value) for row in ws.iter_rows(min_row=total_row) for c in row if c.value)
    assert "乡镇党委书记（签字）" in texts and "乡镇党委（盖章）" in texts and "填表人：李小燕" in texts
    assert "报送期限：次月第5个工作日前（2026年11月6日）" in texts and "考勤符号：√ 在岗" in texts


def test_print_setup_is_a4_landscape_one_page_wide_with_repeated_header(tmp_path) -> None:
    path = tmp_path / "考勤表.xlsx"
    write_attendance_xlsx([make_sheet(60)], path)
    ws = load_workbook(path)["东风镇"]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # 9: A4
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$1:$4"
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    assert ws.oddFooter.left.text.startswith("已封存 校验码：3f9a1c0e7b2d4a6f")


def test_a_code_on_the_31st_of_november_is_reported_and_nothing_taken(tmp_path) -> None:
    header = ["序号", "姓名", "身份证号码", *[f"{d}日" for d in range(1, 32)]]
    good = [1, "张伟", make_id(1), *["√"] * 30, None]
    bad = [2, "李秀英", make_id(2), *["√"] * 30, "√"]
    path = _clerks_workbook(tmp_path / "11月.xlsx", header, [good, bad], "东风镇考勤表（2026年11月）")
    result = read_attendance_xlsx(path, year=2026, month=11)
    assert result.errors == ["第5行 第31日：11月只有30天"]
    assert not result.ok
    assert 31 not in result.rows[1].codes and len(result.rows[0].codes) == 30


def test_raw_values_are_stripped_and_made_half_width_and_headers_may_be_numbers(tmp_path) -> None:
    header = ["姓名", "公民身份号码", *[float(d) for d in range(1, 29)], "29", "30号", "３１"]
    values = [" 　公 ", "１", "事假", 1, "v", None, "  "] + ["√"] * 24
    row = ["张 伟", make_id(7).lower().replace("x", "ｘ"), *values]
    path = _clerks_workbook(tmp_path / "a.xlsx", header, [row], "考勤表")
    result = read_attendance_xlsx(path, year=2026, month=10)
    assert result.errors == []
    (got,) = result.rows
    assert got.name == "张伟" and got.id_number == make_id(7) and got.row_number == 4
    assert (got.codes[1], got.codes[2], got.codes[3], got.codes[4], got.codes[5]) == (
        "公",
        "1",
        "事假",
        "1",
        "v",
    )
    assert 6 not in got.codes and 7 not in got.codes and got.codes[31] == "√"


def test_missing_ids_and_ids_stored_as_numbers_are_all_reported(tmp_path) -> None:
    header = ["姓名", "身份证号", *range(1, 32)]
    rows = [
        ["张伟", make_id(1), "√"],
        ["李秀英", None, "√"],
        ["张伟", make_id(1), "事"],
        ["王建国", 5.10921197001010e17, "√"],
        [None, None, "√", "√"],
        [None, None, "#REF!"],
    ]
    path = _clerks_workbook(tmp_path / "a.xlsx", header, rows, "东风镇（2026年10月）")
    errors = read_attendance_xlsx(path, year=2026, month=10).errors
    assert errors[0] == "第5行：李秀英缺少身份证号码"
    assert errors[1].startswith("第7行：身份证号码存成了数字")
    assert errors[2] == "第8行：有考勤记录，但没有姓名和身份证号码"
    assert errors[3] == "第9行 第1日：单元格是错误值 #REF!"
    assert len(errors) == 4


def test_a_cadre_who_moved_villages_comes_back_as_two_rows(tmp_path) -> None:
    """One row per posting: the reader keeps both; the service merges them and refuses clashing days."""
    header = ["姓名", "身份证号", *range(1, 32)]
    rows = [["张伟", make_id(1), "√"], ["张伟", make_id(1), None, "事"]]
    path = _clerks_workbook(tmp_path / "a.xlsx", header, rows, "东风镇（2026年10月）")
    result = read_attendance_xlsx(path, year=2026, month=10)
    assert result.errors == []
    assert [(r.row_number, r.codes) for r in result.rows] == [(4, {1: "√"}), (5, {2: "事"})]


def test_a_year_workbook_is_read_on_the_months_sheet_only(tmp_path) -> None:
    wb = Workbook()
    for index, month in enumerate((9, 10, 11)):
        ws = wb.active if index == 0 else wb.create_sheet()
        ws.title = f"{month}月"
        ws.append([f"东风镇考勤表（2026年{month}月）"])
        ws.append(["姓名", "身份证号码", *range(1, 32)])
        ws.append(["张伟", make_id(1), str(month)])
    path = tmp_path / "2026年考勤.xlsx"
    wb.save(path)
    result = read_attendance_xlsx(path, year=2026, month=10)
    assert result.ok and [r.codes for r in result.rows] == [{1: "10"}]
    missing = read_attendance_xlsx(path, year=2026, month=12)
    assert missing.errors == ["文件中没有2026年12月的考勤表（只有：9月、10月、11月）"]


def test_files_that_are_not_attendance_tables_say_what_to_do(tmp_path) -> None:
    xls = tmp_path / "旧表.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert "另存为" in read_attendance_xlsx(xls, year=2026, month=10).errors[0]
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "无法打开文件" in read_attendance_xlsx(broken, year=2026, month=10).errors[0]
    no_header = _clerks_workbook(tmp_path / "b.xlsx", ["姓名", "电话"], [["张伟", "138"]], "花名册")
    assert read_attendance_xlsx(no_header, year=2026, month=10).errors[0].startswith("未找到表头")
    short = _clerks_workbook(tmp_path / "c.xlsx", ["姓名", "身份证号码", *range(1, 31)], [], "考勤表")
    assert read_attendance_xlsx(short, year=2026, month=10).errors == ["表头缺少第31日（10月有31天）"]
