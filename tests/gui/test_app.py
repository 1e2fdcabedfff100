"""Starting the program: where the data lives, the smoke test, and a Chinese answer to every storage fault."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zhucun_desktop.gui import app
from zhucun_desktop.services.accounts import site_is_set_up
from zhucun_desktop.storage.backup import make_backup
from zhucun_desktop.storage.errors import DiskFullError

ROOT = Path(__file__).resolve().parents[2]


def run_app(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "zhucun_desktop.gui.app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False)


def damage_middle_pages(path: Path, pages: int = 8) -> None:
    """Junk over pages in the middle of the file, as a failing disk or a power cut leaves it."""
    page = 4096
    start = (path.stat().st_size // page // 2) * page
    with open(path, "r+b") as fh:
        fh.seek(start)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(pages * page)))


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """What the program would have shown in message boxes, as (title, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("zhucun_desktop.gui.messages.warn", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr("zhucun_desktop.gui.messages.inform",
                        lambda parent, title, text: shown.append((title, text)))
    return shown


# ---------------------------------------------------------------- where the data lives ------------------------


def test_the_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr("platformdirs.user_data_dir", lambda name, appauthor=None: str(tmp_path / name))
    assert app.default_db_path() == tmp_path / "zhucun_desktop" / "zhucun.db"
    assert app.default_db_path(demo=True) == tmp_path / "zhucun_desktop" / "demo.db"


def test_a_portable_build_keeps_its_database_beside_the_program(monkeypatch, tmp_path):
    exe_dir = tmp_path / "U盘" / "驻村管理"
    exe_dir.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe_dir / "zhucun-desktop.exe"))
    monkeypatch.setattr("platformdirs.user_data_dir", lambda name, appauthor=None: str(tmp_path / "home" / name))
    assert app.default_db_path() == tmp_path / "home" / "zhucun_desktop" / "zhucun.db"
    (exe_dir / "portable.txt").write_text("portable", encoding="utf-8")
    assert app.default_db_path() == exe_dir / "zhucun.db"


def test_the_options_are_parsed():
    args = app.parse_args(["--db", "数据/东风镇.db", "--demo", "--smoke-test"])
    assert (args.db, args.demo, args.smoke_test) == ("数据/东风镇.db", True, True)


# ---------------------------------------------------------------- smoke test ----------------------------------


def test_the_smoke_test_starts_opens_builds_the_window_and_quits_cleanly(db_path):
    result = run_app("--smoke-test", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "propagateSizeHints" not in result.stderr
    assert "启动自检：登录窗口已显示\n启动自检：主窗口已显示" in result.stderr  # 登录 first, while it opens


def test_the_smoke_test_on_a_new_file_creates_a_database(tmp_path):
    result = run_app("--smoke-test", "--db", str(tmp_path / "新建.db"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "新建.db").is_file()
    assert "登录窗口" not in result.stderr  # nobody to sign in yet: a new database goes to 首次设置


def test_demo_mode_builds_the_demo_database_first(tmp_path):
    from zhucun_desktop.storage.database import open_database

    path = tmp_path / "演示.db"
    result = run_app("--demo", "--smoke-test", "--db", str(path), timeout=300)
    assert result.returncode == 0, result.stderr
    db = open_database(path)
    try:
        assert site_is_set_up(db)
    finally:
        db.close()


def test_the_login_hint_of_demo_mode_names_the_demo_accounts():
    hint = app.demo_hint()
    assert "admin / admin123" in hint and "乡镇账号" in hint


# ---------------------------------------------------------------- storage faults at start ---------------------


def test_a_database_in_use_elsewhere_is_explained_not_opened(gui_app, db, messages):
    assert app.open_with_messages(db.path) is None
    ((title, text),) = messages
    assert title == "无法打开数据库" and text.startswith("数据库正由")


def test_a_database_from_a_newer_program_is_refused(gui_app, db_path, messages):
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.close()
    assert app.open_with_messages(db_path) is None
    ((_title, text),) = messages
    assert "更新版本" in text


def test_a_damaged_database_is_restored_from_the_newest_backup_when_the_clerk_agrees(
        gui_app, db_path, messages, monkeypatch):
    make_backup(db_path, "manual")
    damage_middle_pages(db_path)
    offered = []
    monkeypatch.setattr(app, "_corrupt_choice", lambda exc, path: offered.append(exc) or "restore")
    db = app.open_with_messages(db_path)
    assert db is not None
    try:
        assert site_is_set_up(db)
    finally:
        db.close()
    assert "已损坏" in offered[0].message and offered[0].newest_backup is not None
    assert messages and messages[-1][0] == "已恢复"


def test_a_damaged_database_is_left_alone_when_the_clerk_quits(gui_app, db_path, messages, monkeypatch):
    make_backup(db_path, "manual")
    damage_middle_pages(db_path)
    before = db_path.read_bytes()
    monkeypatch.setattr(app, "_corrupt_choice", lambda exc, path: "quit")
    assert app.open_with_messages(db_path) is None
    assert db_path.read_bytes() == before


# ---------------------------------------------------------------- unexpected errors ---------------------------


def test_an_environment_fault_in_a_slot_shows_its_own_message_and_logs_nothing(gui_app, tmp_path, messages):
    log = tmp_path / "zhucun-error.log"
    hook = app.make_excepthook(log)
    exc = DiskFullError()
    hook(type(exc), exc, None)
    assert messages == [("出错了", exc.message)]
    assert not log.exists()
