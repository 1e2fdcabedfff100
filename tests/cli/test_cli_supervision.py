"""``zhucun ledger export`` and ``zhucun duties``: with cli.py's contract (0 done, 1 refused, 2 usage)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.cli.cli_support import zhucun
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.services.supervision_support import cadre_row
from tests.services.test_attendance_builders import post
from zhucun_desktop.services import duties, ledger
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database


@pytest.fixture
def county(db_path: Path) -> Path:
    """东风镇 with an overdue ledger row and a talk this quarter; 西山乡 with one cadre; the database closed."""
    db = open_database(db_path)
    try:
        ws = Workspace(db, authenticate(db, ADMIN, ADMIN_PASSWORD))
        wang = post(ws, "王建国", 123)
        post(ws, "赵六", 127, township="西山乡", village="石桥村")
        ledger.create_ledger_row(ws, cadre_row(wang, deadline=date(2026, 11, 1)))
        duties.register_activity(ws, "谈心谈话", date(2026, 10, 9), person_uuids=[wang.person_uuid],
                                 today=date(2026, 11, 23))
    finally:
        db.close()
    return db_path


def test_ledger_export_prints_a_township_s_ledger_to_pdf_and_xlsx(county, tmp_path, capsys):
    pdf = tmp_path / "台账.pdf"
    assert zhucun("ledger", "export", "--db", str(county), "--township", "东风镇", "--date", "2026-11-23",
                  "-o", str(pdf)) == 0
    assert "1条" in capsys.readouterr().out
    text = PdfReader(pdf).pages[0].extract_text()
    assert "东风镇负面清单及整改台账" in text and "逾期" in text
    xlsx = tmp_path / "台账.xlsx"
    assert zhucun("ledger", "export", "--db", str(county), "-o", str(xlsx)) == 0
    assert load_workbook(xlsx).active["A1"].value == "示例县负面清单及整改台账"


def test_ledger_export_refuses_another_file_type_and_an_unknown_township(county, tmp_path, capsys):
    assert zhucun("ledger", "export", "--db", str(county), "-o", str(tmp_path / "台账.doc")) == 2
    assert "须以 .pdf 或 .xlsx 结尾" in capsys.readouterr().err
    assert zhucun("ledger", "export", "--db", str(county), "--township", "南山乡", "-o",
                  str(tmp_path / "a.pdf")) == 2
    assert "没有名为“南山乡”的乡镇" in capsys.readouterr().err


def test_duties_lists_what_is_overdue_and_done_for_a_date_as_json(county, capsys):
    assert zhucun("duties", "--db", str(county), "--township", "东风镇", "--date", "2026-11-23", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    [group] = data["townships"]
    talks = {i["period"]: i["state"] for i in group["items"] if i["key"] == "township_talk"}
    assert talks["2026年第3季度"] == "逾期" and talks["2026年第4季度"] == "已完成"
    assert data["counts"]["逾期"] == group["counts"]["逾期"] > 0


def test_duties_prints_one_line_per_open_duty_and_refuses_a_bad_date(county, capsys):
    assert zhucun("duties", "--db", str(county), "--date", "2026-11-23") == 0
    out = capsys.readouterr().out
    assert "东风镇：逾期" in out and "西山乡：逾期" in out and "[逾期] 2026-09-30 乡镇党委书记与驻村干部谈心谈话" in out
    assert zhucun("duties", "--db", str(county), "--date", "2026/11/23") == 2
    assert "--date 应写成 年-月-日" in capsys.readouterr().err
