"""``zhucun calendar …`` and ``zhucun attendance …``: the §7 calendar and monthly table from the command line,
with cli.py's contract (0 done, 1 input refused with the reasons on stderr, 2 usage or environment)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.cli_support import zhucun
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.services.test_attendance_builders import fill_all, post
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database


@pytest.fixture
def county(db_path: Path) -> dict[str, str]:
    """东风镇 with two cadres registered for October 2026, 西山乡 with one; the database closed again."""
    db = open_database(db_path)
    try:
        ws = Workspace(db, authenticate(db, ADMIN, ADMIN_PASSWORD))
        a = post(ws, "王建国", 123)
        b = post(ws, "李强", 125)
        c = post(ws, "赵六", 127, township="西山乡", village="石桥村")
        for cadre in (a, b, c):
            fill_all(ws, cadre, 2026, 10)
        from zhucun_desktop.services.roster import person_values

        return {"db": str(db_path), "li_id": person_values(ws, b.person_uuid)["id_number"]}
    finally:
        db.close()


def test_calendar_show_json_gives_working_days_and_due_dates(db_path, capsys):
    assert zhucun("calendar", "show", "2026", "--db", str(db_path), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["year"] == 2026 and len(shown["months"]) == 12
    october = shown["months"][9]
    assert october == {"month": "2026-10", "working_days": 18, "attendance_due": "2026-11-06"}
    assert shown["months"][11]["attendance_due"] is None  # needs 2027's calendar, never guessed


def test_calendar_show_in_words_says_which_calendar_is_missing(db_path, capsys):
    assert zhucun("calendar", "show", "2026", "--db", str(db_path)) == 0
    out = capsys.readouterr().out
    assert "2026-10    18    2026-11-06" in out and "缺少2027年的工作日历" in out


def test_calendar_import_then_show_the_new_year(db_path, tmp_path, capsys):
    path = tmp_path / "2027.csv"
    path.write_text("日期,类型,说明\n2027-01-01,节假日,元旦\n2027-02-06,上班,春节调休上班\n",
                    encoding="utf-8")
    assert zhucun("calendar", "import", "--db", str(db_path), str(path)) == 0
    assert "2027年" in capsys.readouterr().out
    assert zhucun("calendar", "show", "2027", "--db", str(db_path), "--json") == 0
    january = json.loads(capsys.readouterr().out)["months"][0]
    assert january == {"month": "2027-01", "working_days": 20, "attendance_due": "2027-02-05"}


def test_a_bad_calendar_file_is_refused_with_every_row_on_stderr(db_path, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("日期,类型,说明\n2027-01-01,节假日,元旦\n2027-02-30,上班,\n2027-03-01,随便,\n",
                    encoding="utf-8")
    assert zhucun("calendar", "import", "--db", str(db_path), str(path)) == 1
    err = capsys.readouterr().err
    assert "第3行 日期" in err and "第4行 类型" in err and "未导入任何数据" in err


def test_attendance_pdf_of_every_township(county, tmp_path, capsys):
    out = tmp_path / "考勤表.pdf"
    assert zhucun("attendance", "pdf", "--db", county["db"], "--month", "2026-10", "-o", str(out)) == 0
    assert out.stat().st_size > 0 and "2页" in capsys.readouterr().out


def test_attendance_xlsx_then_import_with_a_change(county, tmp_path, capsys):
    out = tmp_path / "东风镇.xlsx"
    month = ["--db", county["db"], "--month", "2026-10", "--township", "东风镇"]
    assert zhucun("attendance", "xlsx", *month, "-o", str(out)) == 0
    wb = load_workbook(out)
    sheet = wb["东风镇"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 3).value == county["li_id"])
    sheet.cell(row, 5 + 12).value = "事假"
    wb.save(out)
    assert zhucun("attendance", "import", *month, str(out), "--dry-run") == 0
    assert "修改1格" in capsys.readouterr().out
    assert zhucun("attendance", "import", *month, str(out)) == 0
    assert "导入前的备份" in capsys.readouterr().out


def test_attendance_import_with_a_bad_cell_exits_1_and_names_it(county, tmp_path, capsys):
    out = tmp_path / "东风镇.xlsx"
    month = ["--db", county["db"], "--month", "2026-10", "--township", "东风镇"]
    assert zhucun("attendance", "xlsx", *month, "-o", str(out)) == 0
    wb = load_workbook(out)
    sheet = wb.active
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 3).value == county["li_id"])
    sheet.cell(row, 5 + 7).value = "X"
    wb.save(out)
    capsys.readouterr()
    assert zhucun("attendance", "import", *month, str(out)) == 1
    err = capsys.readouterr().err
    assert f"第{row}行 第7日：无法识别的考勤符号“X”" in err and "未导入任何数据" in err


def test_import_without_township_in_a_county_of_several_is_a_usage_error(county, tmp_path, capsys):
    code = zhucun("attendance", "import", "--db", county["db"], "--month", "2026-10",
                  str(tmp_path / "x.xlsx"))
    assert code == 2 and "--township" in capsys.readouterr().err


@pytest.mark.parametrize("month", ["2026-13", "202610", "十月"])
def test_a_bad_month_is_a_usage_error(county, tmp_path, capsys, month):
    code = zhucun("attendance", "pdf", "--db", county["db"], "--month", month, "-o", str(tmp_path / "a.pdf"))
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert "YYYY-MM" in err and len(err.splitlines()) == 1


def test_an_unknown_township_is_a_usage_error(county, tmp_path, capsys):
    code = zhucun("attendance", "xlsx", "--db", county["db"], "--month", "2026-10", "--township", "南山镇",
                  "-o", str(tmp_path / "a.xlsx"))
    assert code == 2 and "没有名为“南山镇”的乡镇（可选：东风镇、西山乡）" in capsys.readouterr().err


def test_a_month_with_nobody_posted_is_refused(county, tmp_path, capsys):
    code = zhucun("attendance", "pdf", "--db", county["db"], "--month", "2024-01",
                  "-o", str(tmp_path / "a.pdf"))
    assert code == 1 and "没有在岗的驻村干部" in capsys.readouterr().err
