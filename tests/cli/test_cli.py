"""The ``zhucun`` command's contract: exit 0 done, 1 input refused (reasons on stderr), 2 usage or environment error,
every error one ``中文 / English`` line; the same services as the GUI underneath."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.services.helpers import id_number
from zhucun_desktop.cli import main
from zhucun_desktop.domain import terms
from zhucun_desktop.services.accounts import authenticate, create_user
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database

REPO = Path(__file__).resolve().parents[2]
COUNT_KEYS = {"persons", "postings", "townships", "villages", "dispatch_units", "attendance_days",
              "leave_requests", "ledger_rows", "spot_checks", "activities", "users", "audit_log"}
# Synonyms a clerk's sheet uses instead of our headers (身份证号码, 驻村身份, 驻村村名, 乡镇, 驻村时间, 手机号码).
HEADER = ["序号", "姓 名", "性别", "身份证号码", "政治面貌", "入党时间", "参加工作时间", "编制性质", "派出单位",
          "职务", "驻村身份", "驻村村名", "乡镇", "驻村时间", "批次", "手机号码"]


def wrong_check_digit(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


def row(name: str, birth: date, serial: int, *, role: str = "第一书记", idn: str | None = None) -> list:
    return [name, "男" if serial % 2 else "女", idn or id_number(birth, serial), "中共党员", "2008.06", "2008.07",
            "在编在岗", "县财政局", "四级主任科员", role, "大坪村", "东风镇", "2025年5月", "第三批", "13987654321"]


def ugly_sheet(path: Path, rows: list[list]) -> Path:
    """A title row merged across the sheet, the header in row 2 with synonyms, data from row 3, a footer."""
    wb = Workbook()
    sheet = wb.active
    sheet.append(["云岭县驻村第一书记和工作队员花名册"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for i, r in enumerate(rows, start=1):
        sheet.append([i, *r])
    sheet.append(["填表人：张三"])
    wb.save(path)
    return path


def bad_sheet(tmp_path: Path) -> Path:
    """Row 3 is good; row 4 has a 身份证号 whose check digit is wrong (one digit mistyped)."""
    return ugly_sheet(tmp_path / "花名册.xlsx", [
        row("王建国", date(1985, 3, 12), 123),
        row("李强", date(1987, 4, 2), 331, role="队员", idn=wrong_check_digit(id_number(date(1987, 4, 2), 331))),
    ])


def good_sheet(tmp_path: Path) -> Path:
    return ugly_sheet(tmp_path / "好的花名册.xlsx", [
        row("王建国", date(1985, 3, 12), 123),
        row("陈丽", date(1990, 1, 5), 224, role="队员"),
    ])


def counts(db_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    capsys.readouterr()
    assert main(["check", "--db", str(db_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok"
    return report["counts"]


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


# ---------------------------------------------------------------- help and usage


def test_help_lists_the_commands_and_says_the_cli_acts_as_county_admin_by_default(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("init", "demo", "roster", "check", "backup", "restore"):
        assert command in out
    assert "县委组织部管理员" in out and "system actor" in out and "退出码" in out


def test_usage_error_is_one_line_in_chinese_and_english_with_exit_2(capsys):
    assert main(["check"]) == 2
    lines = error_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "命令行参数有误" in lines[0] and " / usage error" in lines[0]
    assert main(["roster", "import", "--db", "x.db"]) == 2
    assert main(["frobnicate"]) == 2


# ---------------------------------------------------------------- init


def test_init_sets_up_a_county_with_its_administrator(tmp_path, capsys):
    path = tmp_path / "县.db"
    assert main(["init", "--db", str(path), "--county", "云岭县", "--admin", "boss", "--password", "secret12"]) == 0
    assert "云岭县" in capsys.readouterr().out
    with open_database(path, create=False) as db:
        actor = authenticate(db, "boss", "secret12")
        assert actor.role == terms.USER_ROLE_COUNTY_ADMIN
    assert main(["init", "--db", str(path), "--county", "云岭县", "--password", "secret12"]) == 1
    err = capsys.readouterr().err
    assert "已经初始化" in err and len(error_lines(err)) == 1


def test_init_takes_the_password_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZHUCUN_ADMIN_PASSWORD", "from-env-1")
    path = tmp_path / "a.db"
    assert main(["init", "--db", str(path), "--county", "云岭县"]) == 0
    with open_database(path, create=False) as db:
        assert authenticate(db, "admin", "from-env-1").username == "admin"


def test_init_without_any_password_and_no_terminal_is_an_environment_error(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("ZHUCUN_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    path = tmp_path / "a.db"
    assert main(["init", "--db", str(path), "--county", "云岭县"]) == 2
    err = capsys.readouterr().err
    assert "ZHUCUN_ADMIN_PASSWORD" in err and " / administrator password required" in err
    assert not path.exists()


def test_init_with_a_too_short_password_is_refused_and_leaves_no_half_made_database(tmp_path, capsys):
    path = tmp_path / "a.db"
    assert main(["init", "--db", str(path), "--county", "云岭县", "--password", "123"]) == 1
    assert "密码" in capsys.readouterr().err
    assert not path.exists()


# ---------------------------------------------------------------- roster import / export


def test_import_of_a_sheet_with_a_bad_row_names_row_and_field_and_writes_nothing(db_path, tmp_path, capsys):
    before = counts(db_path, capsys)
    assert main(["roster", "import", "--db", str(db_path), str(bad_sheet(tmp_path))]) == 1
    captured = capsys.readouterr()
    assert "第4行 身份证号：" in captured.err and "校验码" in captured.err
    assert not any(line.startswith("第3行") for line in captured.err.splitlines())
    assert "--partial" in captured.err and "共2行" in captured.out
    assert counts(db_path, capsys) == before


def test_partial_import_takes_the_good_rows_and_lists_the_rest(db_path, tmp_path, capsys):
    before = counts(db_path, capsys)
    assert main(["roster", "import", "--db", str(db_path), str(bad_sheet(tmp_path)), "--partial"]) == 0
    captured = capsys.readouterr()
    assert "第4行 身份证号：" in captured.err
    assert "已导入无误的1行" in captured.out and "导入前的备份" in captured.out
    after = counts(db_path, capsys)
    assert after["persons"] == before["persons"] + 1 and after["postings"] == before["postings"] + 1
    assert after["townships"] == before["townships"] + 1 and after["villages"] == before["villages"] + 1


def test_dry_run_previews_without_writing_then_the_import_applies(db_path, tmp_path, capsys):
    sheet = good_sheet(tmp_path)
    before = counts(db_path, capsys)
    assert main(["roster", "import", "--db", str(db_path), str(sheet), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "预览" in out and "新增人员2人" in out
    assert counts(db_path, capsys) == before
    assert main(["roster", "import", "--db", str(db_path), str(sheet)]) == 0
    assert "已导入2行" in capsys.readouterr().out
    assert counts(db_path, capsys)["persons"] == before["persons"] + 2


def test_dry_run_of_a_bad_sheet_exits_1(db_path, tmp_path, capsys):
    assert main(["roster", "import", "--db", str(db_path), str(bad_sheet(tmp_path)), "--dry-run"]) == 1
    assert "第4行 身份证号" in capsys.readouterr().err


def test_import_of_a_missing_file_is_refused_in_one_line(db_path, tmp_path, capsys):
    assert main(["roster", "import", "--db", str(db_path), str(tmp_path / "没有.xlsx")]) == 1
    lines = error_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "找不到文件" in lines[0] and " / the spreadsheet cannot be read" in lines[0]


def test_export_and_pdf_write_the_roster(db_path, tmp_path, capsys):
    assert main(["roster", "import", "--db", str(db_path), str(good_sheet(tmp_path))]) == 0
    xlsx, pdf = tmp_path / "导出.xlsx", tmp_path / "花名册.pdf"
    assert main(["roster", "export", "--db", str(db_path), str(xlsx)]) == 0
    assert "已导出2行" in capsys.readouterr().out
    cells = {c.value for r in load_workbook(xlsx).active.iter_rows() for c in r}
    assert {"王建国", "陈丽", id_number(date(1985, 3, 12), 123)} <= cells
    assert main(["roster", "pdf", "--db", str(db_path), "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and "2人" in capsys.readouterr().out


def test_export_onto_a_folder_is_an_environment_error(db_path, tmp_path, capsys):
    target = tmp_path / "是个文件夹.xlsx"
    target.mkdir()
    assert main(["roster", "export", "--db", str(db_path), str(target)]) == 2
    lines = error_lines(capsys.readouterr().err)
    assert len(lines) == 1 and "是个文件夹.xlsx" in lines[0] and " / file error" in lines[0]


# ---------------------------------------------------------------- acting as a named user


def test_a_named_user_acts_with_their_role(db_path, tmp_path, capsys):
    with open_database(db_path) as db:
        ws = Workspace(db, authenticate(db, ADMIN, ADMIN_PASSWORD))
        create_user(ws, username="viewer", display_name="查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                    password="viewer123")
    sheet = str(good_sheet(tmp_path))
    before = counts(db_path, capsys)
    assert main(["--user", "viewer", "--password", "viewer123", "roster", "import", "--db", str(db_path),
                 sheet]) == 1
    assert "只能查看" in capsys.readouterr().err
    assert main(["roster", "import", "--db", str(db_path), sheet, "--user", "viewer",
                 "--password", "wrong-pw"]) == 2
    assert "用户名或密码不正确" in capsys.readouterr().err
    assert counts(db_path, capsys) == before
    assert main(["--user", ADMIN, "--password", ADMIN_PASSWORD, "roster", "import", "--db", str(db_path),
                 sheet]) == 0


def test_user_and_password_come_from_the_environment(db_path, monkeypatch, capsys):
    monkeypatch.setenv("ZHUCUN_USER", ADMIN)
    monkeypatch.setenv("ZHUCUN_PASSWORD", "not-the-password")
    assert main(["check", "--db", str(db_path)]) == 2
    monkeypatch.setenv("ZHUCUN_PASSWORD", ADMIN_PASSWORD)
    assert main(["check", "--db", str(db_path)]) == 0


def test_a_named_non_admin_may_not_restore(db_path, capsys):
    with open_database(db_path) as db:
        ws = Workspace(db, authenticate(db, ADMIN, ADMIN_PASSWORD))
        create_user(ws, username="viewer", display_name="查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                    password="viewer123")
    assert main(["backup", "--db", str(db_path)]) == 0
    made = capsys.readouterr().out.split("已备份到 ")[1].split(" / ")[0]
    assert main(["--user", "viewer", "--password", "viewer123", "restore", "--db", str(db_path), made]) == 1
    assert "管理员" in capsys.readouterr().err


# ---------------------------------------------------------------- check, backup, restore


def test_check_json_reports_integrity_and_every_count(db_path, capsys):
    assert main(["check", "--db", str(db_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["integrity"] == "ok" and set(report["counts"]) == COUNT_KEYS
    assert report["counts"]["users"] == 1 and report["counts"]["persons"] == 0


def test_check_in_words(db_path, capsys):
    assert main(["check", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "完整性检查：正常" in out and "驻村干部（persons）：0" in out


def test_backup_then_restore_brings_the_old_content_back(db_path, tmp_path, capsys):
    assert main(["backup", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    made = Path(out.split("已备份到 ")[1].split(" / ")[0])
    assert made.is_file() and made.parent.name == db_path.stem
    assert main(["roster", "import", "--db", str(db_path), str(good_sheet(tmp_path))]) == 0
    assert counts(db_path, capsys)["persons"] == 2
    assert main(["restore", "--db", str(db_path), str(made)]) == 0
    out = capsys.readouterr().out
    assert "已从备份恢复" in out and "恢复前的数据已另存为" in out
    assert counts(db_path, capsys)["persons"] == 0


def test_restore_from_a_file_that_is_not_a_backup_is_refused(db_path, tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    assert main(["restore", "--db", str(db_path), str(junk)]) == 2
    assert " / the file is not a zhucun database" in capsys.readouterr().err


def test_a_database_open_in_the_program_is_locked_exit_2(db_path, capsys):
    with open_database(db_path, display_name="东风镇 张三"):
        assert main(["check", "--db", str(db_path)]) == 2
        lines = error_lines(capsys.readouterr().err)
        assert len(lines) == 1 and "张三" in lines[0] and lines[0].endswith(" / database is in use by another program")
        assert main(["restore", "--db", str(db_path), str(db_path)]) == 2


def test_a_missing_or_foreign_file_is_an_environment_error(tmp_path, capsys):
    assert main(["check", "--db", str(tmp_path / "none.db")]) == 2
    assert " / database file not found" in capsys.readouterr().err
    other = tmp_path / "other.db"
    other.write_text("名单\n", encoding="utf-8")
    assert main(["check", "--db", str(other)]) == 2
    assert " / the file is not a zhucun database" in capsys.readouterr().err


def test_import_into_a_database_never_set_up_is_an_environment_error(tmp_path, capsys):
    path = tmp_path / "empty.db"
    open_database(path).close()
    assert main(["roster", "import", "--db", str(path), str(good_sheet(tmp_path))]) == 2
    assert "zhucun init" in capsys.readouterr().err


# ---------------------------------------------------------------- demo


def test_demo_builds_a_county_and_refuses_a_database_with_data(db_path, tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--seed", "7"]) == 0
    out = capsys.readouterr().out
    assert "云岭县" in out and "dongfeng_clerk / demo123" in out and "admin / admin123" in out
    assert counts(path, capsys)["persons"] >= 150
    assert main(["demo", "--db", str(path)]) == 1
    assert main(["demo", "--db", str(db_path)]) == 1
    assert "已经有数据" in capsys.readouterr().err


# ---------------------------------------------------------------- as a real process


def _run(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ZHUCUN_")}
    environ.update(env, PYTHONPATH=str(REPO) + os.pathsep + environ.get("PYTHONPATH", ""),
                   PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "zhucun_desktop", *args], check=False, cwd=cwd, env=environ,
                          capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120)


def test_exit_codes_of_the_real_command(tmp_path):
    db = tmp_path / "县.db"
    assert _run("--help", cwd=tmp_path).returncode == 0
    done = _run("init", "--db", str(db), "--county", "云岭县", cwd=tmp_path, ZHUCUN_ADMIN_PASSWORD="secret12")
    assert done.returncode == 0, done.stderr
    check = _run("check", "--db", str(db), "--json", cwd=tmp_path)
    assert check.returncode == 0 and json.loads(check.stdout)["counts"]["users"] == 1
    refused = _run("roster", "import", "--db", str(db), str(bad_sheet(tmp_path)), cwd=tmp_path)
    assert refused.returncode == 1 and "第4行 身份证号" in refused.stderr
    assert json.loads(_run("check", "--db", str(db), "--json", cwd=tmp_path).stdout) == json.loads(check.stdout)
    usage = _run("check", cwd=tmp_path)
    assert usage.returncode == 2 and " / usage error" in usage.stderr
    no_password = _run("init", "--db", str(tmp_path / "b.db"), "--county", "云岭县", cwd=tmp_path)
    assert no_password.returncode == 2 and len(error_lines(no_password.stderr)) == 1
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(db.read_bytes()[:100] + b"\0" * 4000)
    broken = _run("check", "--db", str(damaged), cwd=tmp_path)
    assert broken.returncode == 2 and " / " in broken.stderr and "Traceback" not in broken.stderr


def test_help_does_not_import_the_heavy_libraries(tmp_path):
    code = ("import sys; from zhucun_desktop.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('sqlalchemy', 'openpyxl', 'reportlab', 'PySide6') if m in sys.modules))")
    environ = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", code], check=False, cwd=tmp_path, env=environ,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr
