"""Roster import from an ugly clerk's sheet: a per-row report, and nothing written while any row is bad."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tests.services.helpers import id_number
from zhucun_desktop.services import roster
from zhucun_desktop.services.roster_export import export_roster_xlsx
from zhucun_desktop.services.roster_import import import_roster
from zhucun_desktop.storage.models import AuditEntry, Person, Posting, Township, Village

HEADER = ["序号", "姓 名", "性别", "身份证号码", "政治面貌", "入党时间", "参加工作时间", "编制性质", "派出单位",
          "职务", "驻村身份", "驻村村名", "乡镇", "驻村时间", "批次", "手机号码"]


def ugly_sheet(path: Path, rows: list[list]) -> Path:
    """Two title rows (one merged), a header with synonyms and a stray space, data from row 4."""
    wb = Workbook()
    ws = wb.active
    ws.append(["云岭县驻村第一书记和工作队员花名册"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(["填报单位：东风镇党委", None, None, None, None, None, None, None, None, None, None, None, None,
               "填报时间：2026年11月"])
    ws.append(HEADER)
    for i, r in enumerate(rows, start=1):
        ws.append([i, *r])
    ws.append(["填表人：张三"])
    wb.save(path)
    return path


def good_row(name: str, birth: date, serial: int, role: str = "第一书记", village: str = "大坪村") -> list:
    return [name, "男" if serial % 2 else "女", " " + id_number(birth, serial).replace("1", "１", 1), "中共党员",
            "2008.06", datetime(2008, 7, 1), "在编在岗", "县财政局", "四级主任科员", role, village, "东风镇",
            "2025年5月", "第三批", "139 8765 4321"]


def test_bad_rows_are_reported_with_sheet_row_and_field_and_nothing_is_written(ws, tmp_path):
    bad_id = id_number(date(1987, 4, 2), 331)[:-1] + ("0" if id_number(date(1987, 4, 2), 331)[-1] != "0" else "1")
    rows = [
        good_row("王建国", date(1985, 3, 12), 123),
        good_row("李 强", date(1987, 4, 2), 331)[:2] + [bad_id] + good_row("李强", date(1987, 4, 2), 331)[3:],
        good_row("陈丽", date(1990, 1, 5), 224, role="队员")[:5] + ["2024-13-01"] + good_row("陈丽", date(1990, 1, 5), 224, role="队员")[6:],
        good_row("赵敏", date(1991, 9, 9), 442, role="工作队员")[:6] + ["临聘"] + good_row("赵敏", date(1991, 9, 9), 442)[7:9] + ["工作队员"] + good_row("赵敏", date(1991, 9, 9), 442)[10:],
    ]
    sheet = ugly_sheet(tmp_path / "花名册.xlsx", rows)
    report = import_roster(ws, sheet)
    texts = [e.text for e in report.errors]
    assert any(t.startswith("第5行 身份证号：") and "校验码" in t for t in texts), texts
    assert any(t.startswith("第6行 参加工作时间：") for t in texts), texts
    assert any(t.startswith("第7行 编制性质：") for t in texts), texts
    assert not any(t.startswith("第4行") for t in texts)
    assert report.bad_rows == [5, 6, 7] and not report.applied
    with ws.read() as s:
        assert s.query(Person).count() == 0 and s.query(Township).count() == 0
        assert s.query(AuditEntry).filter(AuditEntry.table_name == "persons").count() == 0


def test_partial_import_takes_exactly_the_good_rows_and_creates_the_places(ws, tmp_path):
    rows = [good_row("王建国", date(1985, 3, 12), 123),
            good_row("李强", date(1987, 4, 2), 331)[:2] + ["123456789012345"] + good_row("李强", date(1987, 4, 2), 331)[3:],
            good_row("陈丽", date(1990, 1, 5), 224, role="队员")]
    sheet = ugly_sheet(tmp_path / "r.xlsx", rows)
    preview = import_roster(ws, sheet, dry_run=True)
    assert preview.new_townships == ["东风镇"] and preview.new_villages == ["东风镇大坪村"]
    assert preview.new_units == ["县财政局"]
    assert any("15位" in e.text and e.row == 5 for e in preview.errors)
    report = import_roster(ws, sheet, partial=True)
    assert report.applied and report.backup_path and Path(report.backup_path).exists()
    entries = roster.list_roster(ws, roster.RosterFilter(status=roster.STATUS_ALL))
    assert sorted(e.name for e in entries) == ["王建国", "陈丽"]
    wang = next(e for e in entries if e.name == "王建国")
    assert wang.id_number == id_number(date(1985, 3, 12), 123) and wang.phone == "13987654321"
    assert wang.start_date == date(2025, 5, 1) and wang.term_end_date == date(2027, 5, 1) and wang.is_leader
    with ws.read() as s:
        assert s.query(Village).count() == 1 and s.query(Posting).count() == 2


def test_importing_the_same_sheet_twice_changes_nothing(ws, tmp_path):
    sheet = ugly_sheet(tmp_path / "r.xlsx", [good_row("王建国", date(1985, 3, 12), 123)])
    assert import_roster(ws, sheet).applied
    again = import_roster(ws, sheet, dry_run=True)
    assert again.unchanged_persons == ["王建国"] and again.new_postings == 0 and not again.errors


def test_an_exported_roster_reimports_unchanged(ws, tmp_path):
    rows = [good_row("王建国", date(1985, 3, 12), 123), good_row("陈丽", date(1990, 1, 5), 224, role="队员"),
            good_row("周涛", date(1982, 11, 30), 335, role="工作队员", village="小河村")]
    assert import_roster(ws, ugly_sheet(tmp_path / "r.xlsx", rows)).applied
    out = tmp_path / "export.xlsx"
    assert export_roster_xlsx(ws, out) == 3
    report = import_roster(ws, out, dry_run=True)
    assert not report.errors
    assert sorted(report.unchanged_persons) == ["周涛", "王建国", "陈丽"]
    assert report.updated_persons == [] and report.new_persons == []


def test_a_file_that_is_not_a_workbook_is_refused_with_a_message(ws, tmp_path):
    junk = tmp_path / "花名册.xlsx"
    junk.write_bytes(b"not a zip")
    report = import_roster(ws, junk)
    assert not report.applied and report.errors and "xlsx" in report.errors[0].text


def test_a_person_already_posted_elsewhere_is_refused(ws, tmp_path):
    sheet = ugly_sheet(tmp_path / "a.xlsx", [good_row("王建国", date(1985, 3, 12), 123)])
    assert import_roster(ws, sheet).applied
    moved = good_row("王建国", date(1985, 3, 12), 123, village="小河村")
    moved[12] = "2026年1月"
    report = import_roster(ws, ugly_sheet(tmp_path / "b.xlsx", [moved]))
    assert not report.applied
    assert report.errors[0].row == 4 and report.errors[0].field == "所驻村"
