"""§7 on paper and in Excel: the table prints for signing, exports to XLSX and reads back unchanged; an import
with any bad cell takes nothing; the village placard shows each cadre's whereabouts from that day's code."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from tests.services.test_attendance_builders import codes_of, fill_all, post, township_user
from zhucun_desktop.domain import terms
from zhucun_desktop.services.attendance import CellChange, set_cells
from zhucun_desktop.services.attendance_io import (
    attendance_sheet,
    export_attendance_pdf,
    export_attendance_xlsx,
    export_placard_pdf,
    import_attendance_xlsx,
    placard,
)
from zhucun_desktop.services.attendance_months import seal_month
from zhucun_desktop.services.errors import PermissionDenied, ServiceError
from zhucun_desktop.storage.models import AttendanceDay

FIRST_DAY_COLUMN = 6  # 序号 姓名 身份证号码 驻村身份 所驻村, then day 1


@pytest.fixture
def october(ws):
    """东风镇, October 2026: a first secretary with every day registered, a member with some leave."""
    a = post(ws, "王建国", 123, role=terms.ROLE_FIRST_SECRETARY)
    b = post(ws, "李强", 125)
    fill_all(ws, a, 2026, 10)
    fill_all(ws, b, 2026, 10)
    set_cells(ws, b.township_uuid, 2026, 10, [CellChange(b.posting_uuid, date(2026, 10, d), "事")
                                              for d in (12, 13)])
    return a, b


def edit_cell(path: Path, id_number: str, day: int, value: object) -> int:
    """Type ``value`` into the day's cell of the cadre's row, as a clerk would in Excel; returns the row."""
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 3).value == id_number)
    sheet.cell(row, FIRST_DAY_COLUMN + day - 1).value = value
    wb.save(path)
    return row


def all_codes(ws) -> list[tuple[str, date, str | None]]:
    with ws.read() as s:
        return sorted((r.person_uuid, r.day, r.code) for r in s.scalars(select(AttendanceDay)))


def test_the_sheet_carries_the_grid_totals_and_seal(ws, october):
    a, _ = october
    sheet = attendance_sheet(ws, a.township_uuid, 2026, 10, filler="张组织")
    assert (sheet.county, sheet.township, sheet.state) == ("示例县", "东风镇", "未完成")
    assert sheet.due == date(2026, 11, 6) and sheet.filler == "张组织"
    assert [r.name for r in sheet.rows] == ["王建国", "李强"]  # the first secretary (队长) first
    li = sheet.rows[1]
    assert (li.in_post_days, li.by_code["事"], li.working_days_in_post) == (29, 2, 18)
    assert sheet.legend[0] == ("√", "在岗") and sheet.day_kinds[9] == "调休上班"
    digest = seal_month(ws, a.township_uuid, 2026, 10)
    assert attendance_sheet(ws, a.township_uuid, 2026, 10).content_hash == digest


def test_the_pdf_names_the_township_and_the_people(ws, october, tmp_path):
    post(ws, "赵六", 127, township="西山乡", village="石桥村")
    path = tmp_path / "考勤表.pdf"
    pages = export_attendance_pdf(ws, path, 2026, 10)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert pages == 2  # one township a page: 东风镇 and 西山乡
    assert "东风镇" in text and "西山乡" in text and "王建国" in text and "赵六" in text


def test_attendance_xlsx_round_trip(ws, october, tmp_path):
    a, b = october
    path = tmp_path / "东风镇2026年10月考勤表.xlsx"
    assert export_attendance_xlsx(ws, path, 2026, 10, a.township_uuid) == 2
    before = all_codes(ws)
    unchanged = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path)
    assert unchanged.ok, unchanged.errors
    assert (unchanged.changed, unchanged.unchanged, unchanged.kept) == (0, 62, 0)
    assert all_codes(ws) == before
    edit_cell(path, _id(ws, b), 20, "病假")
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path)
    assert report.applied and report.changed == 1 and report.backup_path
    codes = codes_of(ws, b, 2026, 10)
    assert codes[date(2026, 10, 20)] == "病" and codes[date(2026, 10, 12)] == "事"
    with ws.read() as s:
        sources = {r.day: r.source for r in s.scalars(select(AttendanceDay)
                                                       .where(AttendanceDay.person_uuid == b.person_uuid))}
    assert sources[date(2026, 10, 20)] == "import" and sources[date(2026, 10, 19)] == "manual"


def test_a_blank_cell_in_the_file_never_erases_a_registered_day(ws, october, tmp_path):
    a, b = october
    path = tmp_path / "考勤表.xlsx"
    export_attendance_xlsx(ws, path, 2026, 10, a.township_uuid)
    edit_cell(path, _id(ws, b), 21, None)
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path)
    assert report.ok and (report.changed, report.kept) == (0, 1)
    assert codes_of(ws, b, 2026, 10)[date(2026, 10, 21)] == "√"


def _id(ws, cadre) -> str:
    from zhucun_desktop.services.roster import person_values

    return person_values(ws, cadre.person_uuid)["id_number"]


def test_import_with_one_bad_cell_takes_nothing(ws, october, tmp_path):
    a, b = october
    path = tmp_path / "考勤表.xlsx"
    export_attendance_xlsx(ws, path, 2026, 10, a.township_uuid)
    edit_cell(path, _id(ws, a), 3, "公")  # a good change …
    row = edit_cell(path, _id(ws, b), 5, "X")  # … and a bad one
    before = all_codes(ws)
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path)
    assert report.errors == [f"第{row}行 第5日：无法识别的考勤符号“X”，可用：√ 公 事 病 年 休 旷"]
    assert not report.applied and all_codes(ws) == before


def test_import_refuses_a_person_not_posted_in_the_township_that_month(ws, october, tmp_path):
    a, _ = october
    stranger = post(ws, "赵六", 127, township="西山乡", village="石桥村")
    fill_all(ws, stranger, 2026, 10)
    path = tmp_path / "西山乡.xlsx"
    export_attendance_xlsx(ws, path, 2026, 10, stranger.township_uuid)
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path, dry_run=True)
    assert report.errors == [f"第5行：身份证号{_id(ws, stranger)}不是东风镇2026年10月在岗的驻村干部"]


def test_a_dry_run_reports_without_writing(ws, october, tmp_path):
    a, b = october
    path = tmp_path / "考勤表.xlsx"
    export_attendance_xlsx(ws, path, 2026, 10, a.township_uuid)
    edit_cell(path, _id(ws, b), 20, "√")
    before = all_codes(ws)
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path, dry_run=True)
    assert report.ok and report.changed == 0 and report.unchanged == 62  # 20th was √ already
    edit_cell(path, _id(ws, b), 20, "旷")
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path, dry_run=True)
    assert report.ok and report.changed == 1 and not report.applied and all_codes(ws) == before


def test_import_into_a_sealed_month_takes_nothing(ws, october, tmp_path):
    a, b = october
    path = tmp_path / "考勤表.xlsx"
    export_attendance_xlsx(ws, path, 2026, 10, a.township_uuid)
    seal_month(ws, a.township_uuid, 2026, 10)
    edit_cell(path, _id(ws, b), 20, "旷")
    report = import_attendance_xlsx(ws, a.township_uuid, 2026, 10, path)
    assert not report.applied and "已封存" in report.errors[0]


def test_a_clerk_exports_and_imports_only_their_township(ws, october, tmp_path):
    a, _ = october
    other = post(ws, "赵六", 127, township="西山乡", village="石桥村")
    clerk = township_user(ws, a.township_uuid)
    path = tmp_path / "考勤表.xlsx"
    assert export_attendance_xlsx(clerk, path, 2026, 10) == 2  # only 东风镇's two cadres
    assert load_workbook(path).sheetnames == ["东风镇"]
    with pytest.raises(PermissionDenied):
        import_attendance_xlsx(clerk, other.township_uuid, 2026, 10, path)


def test_placard_shows_each_cadres_whereabouts(ws, october, tmp_path):
    a, _ = october
    set_cells(ws, a.township_uuid, 2026, 10, [CellChange(a.posting_uuid, date(2026, 10, 12), "公")])
    board = placard(ws, a.village_uuid, date(2026, 10, 12))
    assert (board.township, board.village) == ("东风镇", "大坪村")
    assert [(e.name, e.is_leader, e.whereabouts) for e in board.entries] == [
        ("王建国", True, "公出"), ("李强", False, "请假（事假，至10月13日）")]
    next_day = placard(ws, a.village_uuid, date(2026, 10, 13))
    assert [e.whereabouts for e in next_day.entries] == ["在村", "请假（事假）"]
    newcomer = post(ws, "赵六", 127, start=date(2026, 11, 1))
    november = placard(ws, a.village_uuid, date(2026, 11, 2))
    assert {e.name: e.whereabouts for e in november.entries}[newcomer.name] == "未登记"
    pages = export_placard_pdf(ws, tmp_path / "公示牌.pdf", date(2026, 10, 12))
    assert pages == 1 and "王建国" in PdfReader(tmp_path / "公示牌.pdf").pages[0].extract_text()


def test_nothing_to_print_is_said_plainly(ws, tmp_path):
    post(ws, "王建国", 123, start=date(2026, 11, 1))
    with pytest.raises(ServiceError) as refused:
        export_attendance_pdf(ws, tmp_path / "空.pdf", 2026, 10)
    assert "没有在岗的驻村干部" in str(refused.value)
    assert not (tmp_path / "空.pdf").exists()
