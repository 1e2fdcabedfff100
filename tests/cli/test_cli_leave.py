"""``zhucun leave …``: list, sweep, form and book from the command line, with cli.py's exit codes."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.cli_support import zhucun
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.services.test_leave_builders import approve, request, team
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database


@pytest.fixture
def county(db_path: Path) -> dict[str, str]:
    """东风镇大坪村: an approved leave 11月9日–11日 of a team member nobody returned from, and a pending one."""
    db = open_database(db_path)
    try:
        ws = Workspace(db, authenticate(db, ADMIN, ADMIN_PASSWORD))
        t = team(ws, 4)
        overdue = request(ws, t.members[0], date(2026, 11, 9), date(2026, 11, 11))
        approve(ws, overdue)
        pending = request(ws, t.members[1], date(2026, 11, 16), date(2026, 11, 21), "学习考察")
        return {"db": str(db_path), "overdue": overdue, "pending": pending, "name": t.members[0].name}
    finally:
        db.close()


def test_leave_list_json_shows_each_request_with_its_state_on_the_day(county, capsys):
    assert zhucun("leave", "list", "--db", county["db"], "--month", "2026-11", "--today", "2026-11-16",
                  "--json") == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[county["overdue"]]["state"] == "逾期未销假" and rows[county["overdue"]]["return_due"] == "2026-11-12"
    assert rows[county["pending"]]["state"] == "审批中（第1步）"
    assert rows[county["pending"]]["next_body"] == "驻村第一书记" and rows[county["pending"]]["days"] == 6


def test_leave_sweep_writes_absence_and_says_who_is_overdue(county, capsys):
    assert zhucun("leave", "sweep", "--db", county["db"], "--today", "2026-11-16") == 0
    out = capsys.readouterr().out
    assert "逾期未销假1人次，考勤写入5天" in out
    assert f"逾期未销假：东风镇{county['name']}（事假11月9日至11月11日，销假期限11月12日，旷工5天）" in out
    assert zhucun("leave", "sweep", "--db", county["db"], "--today", "2026-11-16") == 0
    assert "考勤写入0天" in capsys.readouterr().out


def test_leave_form_prints_both_copies_of_the_form(county, tmp_path, capsys):
    out = tmp_path / "form.pdf"
    assert zhucun("leave", "form", "--db", county["db"], county["overdue"][:8].upper(), "-o", str(out),
                  "--today", "2026-11-10") == 0
    assert "已生成请假审批表" in capsys.readouterr().out
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    text = "".join(page.extract_text() for page in reader.pages)
    assert county["name"] in text and "乡镇存根" in text and "县委组织部备案联" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(tmp_path / "form")],
                   check=True)


def test_leave_book_writes_pdf_and_xlsx_of_the_month(county, tmp_path, capsys):
    pdf, xlsx = tmp_path / "book.pdf", tmp_path / "book.xlsx"
    assert zhucun("leave", "book", "--db", county["db"], "--month", "2026-11", "-o", str(pdf),
                  "--today", "2026-11-16") == 0
    assert zhucun("leave", "book", "--db", county["db"], "--month", "2026-11", "-o", str(xlsx),
                  "--today", "2026-11-16") == 0
    assert "东风镇驻村干部请销假登记簿（2026年11月）" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert county["name"] in text and "逾期未销假" in text
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row if c]
    assert county["name"] in cells


def test_an_unknown_request_number_is_refused_and_a_wrong_output_type_is_a_usage_error(county, tmp_path, capsys):
    assert zhucun("leave", "form", "--db", county["db"], "ffffffff", "-o", str(tmp_path / "x.pdf")) == 1
    assert "没有这份请假" in capsys.readouterr().err
    assert zhucun("leave", "book", "--db", county["db"], "--month", "2026-11", "-o", str(tmp_path / "x.doc")) == 2
    assert "须以 .pdf 或 .xlsx 结尾" in capsys.readouterr().err
    assert zhucun("leave", "list", "--db", county["db"], "--today", "2026/11/16") == 2
