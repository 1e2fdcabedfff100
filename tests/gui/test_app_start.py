"""Starting the program where offices start it: read-only folders, Chinese paths with spaces, a full disk, a second
start, and an unexpected error — each a clear Chinese message, never a traceback in the clerk's face.

Read-only folders are real: the program runs in a subprocess that cannot write there. Tests run as root in CI,
and root ignores permission bits, so the subprocess drops the capabilities that let root override them.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from zhucun_desktop.gui import app
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.errors import DiskFullError

ROOT = Path(__file__).resolve().parents[2]
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
PR_CAPBSET_DROP = 24


def _without_root_powers() -> None:
    """In the child before exec: as root, give up overriding file permissions (as an office clerk has none)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def start(*args: str, env_extra: dict[str, str] | None = None, code: str | None = None, cwd: Path = ROOT,
          timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """``zhucun-desktop ARGS`` (or ``python -c CODE``) as an unprivileged user would run it, offscreen."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", **(env_extra or {}))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "zhucun_desktop.gui.app", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, check=False, preexec_fn=_without_root_powers)


def read_only(folder: Path) -> Path:
    folder.chmod(0o555)
    return folder


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("zhucun_desktop.gui.messages.warn", lambda parent, title, text: shown.append((title, text)))
    return shown


def frozen_start(exe_dir: Path, home: Path) -> str:
    """Python code that runs ``main`` as the frozen ``zhucun-desktop`` in ``exe_dir`` would, smoke-testing."""
    return ("import sys; sys.frozen = True; "
            f"sys.executable = {str(exe_dir / 'zhucun-desktop')!r}; "
            "from zhucun_desktop.gui import app; sys.exit(app.main(['--smoke-test']))")


# ---------------------------------------------------------------- paths with Chinese characters and spaces ----


def test_a_data_folder_with_chinese_characters_and_spaces_works(tmp_path):
    data_home = tmp_path / "用户 数据" / "本地 文件"
    result = start("--smoke-test", env_extra={"XDG_DATA_HOME": str(data_home), "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (data_home / "zhucun_desktop" / "zhucun.db").is_file()
    assert "Traceback" not in result.stderr


def test_a_database_path_with_chinese_characters_and_spaces_works(db_path, tmp_path):
    target = tmp_path / "东风镇 驻村 资料" / "2026 年 数据库.db"
    target.parent.mkdir()
    target.write_bytes(db_path.read_bytes())
    result = start("--smoke-test", "--db", str(target))
    assert result.returncode == 0, result.stderr
    assert any((target.parent / "备份").iterdir())  # the start backup went beside it, under the same odd path


# ---------------------------------------------------------------- read-only folders -------------------------------


def test_started_from_a_read_only_folder_the_data_still_lives_in_the_user_folder(db_path, tmp_path):
    program_folder = tmp_path / "只读 程序"
    program_folder.mkdir()
    read_only(program_folder)
    result = start("--smoke-test", "--db", str(db_path), cwd=program_folder)
    assert result.returncode == 0, result.stderr


def test_a_database_in_a_read_only_folder_is_refused_with_a_chinese_message(db_path, tmp_path):
    folder = tmp_path / "光盘"
    folder.mkdir()
    copy = folder / "zhucun.db"
    copy.write_bytes(db_path.read_bytes())
    read_only(folder)
    result = start("--smoke-test", "--db", str(copy))
    assert result.returncode == 1
    assert "无法打开数据库" in result.stderr and "只读" in result.stderr and "可写的文件夹" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_portable_copy_keeps_its_database_beside_the_program(tmp_path):
    exe_dir = tmp_path / "U盘 程序"
    exe_dir.mkdir()
    (exe_dir / app.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    result = start(code=frozen_start(exe_dir, tmp_path), env_extra={"XDG_DATA_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert (exe_dir / "zhucun.db").is_file() and not (tmp_path / "home" / "zhucun_desktop").exists()


def test_a_portable_copy_in_a_read_only_folder_says_so_and_names_the_user_folder(tmp_path):
    exe_dir = tmp_path / "只读 光盘"
    exe_dir.mkdir()
    (exe_dir / app.PORTABLE_MARKER).write_text("portable", encoding="utf-8")
    read_only(exe_dir)
    home = tmp_path / "home"
    result = start(code=frozen_start(exe_dir, tmp_path), env_extra={"XDG_DATA_HOME": str(home)})
    assert result.returncode == 1
    assert "便携模式无法使用" in result.stderr and "只读" in result.stderr
    assert str(home / "zhucun_desktop") in result.stderr and "Traceback" not in result.stderr
    assert not (exe_dir / "zhucun.db").exists()


def test_the_clerk_may_switch_a_read_only_portable_copy_to_the_user_folder(gui_app, monkeypatch, tmp_path):
    """The choice itself (the read-only detection above runs for real in a subprocess)."""
    exe_dir = tmp_path / "光盘"
    monkeypatch.setattr(app, "portable_dir", lambda: exe_dir)
    monkeypatch.setattr(app, "folder_is_writable", lambda folder: False)
    monkeypatch.setattr(app, "user_data_dir", lambda: tmp_path / "用户数据")
    seen: list[str] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle() + "|" + box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("改用用户数据文件夹"))
    assert app.choose_data_dir() == tmp_path / "用户数据"
    QTimer.singleShot(0, lambda: answer("退出"))
    assert app.choose_data_dir() is None
    assert seen[0].startswith("便携模式无法使用|") and str(exe_dir) in seen[0]


# ---------------------------------------------------------------- a full disk -----------------------------------


def test_a_full_disk_at_the_start_backup_is_told_and_the_database_stays_closed(gui_app, db_path, messages,
                                                                               monkeypatch):
    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    before = db_path.read_bytes()
    monkeypatch.setattr("zhucun_desktop.storage.database.make_backup", full)
    assert app.open_with_messages(db_path) is None
    assert messages == [("无法打开数据库", DiskFullError().message)]
    assert db_path.read_bytes() == before
    monkeypatch.undo()
    open_database(db_path).close()  # the lock was released: the next start works


def test_a_full_disk_when_writing_the_lock_file_is_told(gui_app, db_path, messages, monkeypatch):
    def full(self, holder):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("zhucun_desktop.storage.lock.DatabaseLock._write", full)
    assert app.open_with_messages(db_path) is None
    ((title, text),) = messages
    assert title == "无法打开数据库" and "磁盘已满" in text and "清理磁盘空间" in text


def test_a_full_disk_while_creating_a_new_database_leaves_no_half_made_file(gui_app, tmp_path, messages,
                                                                            monkeypatch):
    def full(engine, target="head"):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("zhucun_desktop.storage.migrate.upgrade", full)
    path = tmp_path / "新建 数据库.db"
    assert app.open_with_messages(path) is None
    assert messages and "磁盘已满" in messages[0][1]
    assert not path.exists()


# ---------------------------------------------------------------- started twice -------------------------------------


def test_a_second_start_on_the_same_database_names_who_has_it_open(db_path):
    first = open_database(db_path, display_name="周文")
    try:
        result = start("--smoke-test", "--db", str(db_path))
    finally:
        first.close()
    assert result.returncode == 1
    assert "无法打开数据库" in result.stderr and "数据库正由 周文" in result.stderr
    assert "Traceback" not in result.stderr


# ---------------------------------------------------------------- unexpected errors -----------------------------


def _find_box(title: str) -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    matching = [b for b in boxes if b.windowTitle() == title]
    assert matching, [b.windowTitle() for b in boxes]
    return matching[-1]


def test_an_unexpected_error_shows_program_error_with_a_copyable_detail_and_a_log(gui_app, qtbot, tmp_path):
    log = tmp_path / "数据" / "zhucun-error.log"
    hook = app.make_excepthook(log)
    try:
        raise ValueError("a bug in a slot")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    box = _find_box("程序出错")
    assert "意外错误" in box.text() and str(log) in box.text() and "Traceback" not in box.text()
    assert "ValueError: a bug in a slot" in box.detailedText()
    copy = next(b for b in box.buttons() if b.text() == "复制错误信息")
    copy.click()
    assert "ValueError: a bug in a slot" in QApplication.clipboard().text()
    assert box.isVisible()  # copying is not an answer
    next(b for b in box.buttons() if b.text() == "确定").click()
    qtbot.waitUntil(lambda: not box.isVisible())
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: a bug in a slot" in logged


def test_the_error_log_goes_to_the_temporary_folder_when_the_data_folder_cannot_take_it(monkeypatch, tmp_path):
    blocker = tmp_path / "满"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "临时"))
    (tmp_path / "临时").mkdir()
    written = app.write_error_log(blocker / "zhucun-error.log", "Traceback: details")
    assert written == tmp_path / "临时" / app.LOG_FILE_NAME
    assert "details" in written.read_text(encoding="utf-8")
    assert "无法写入日志" in app.crash_text(None) and str(written) in app.crash_text(written)


def test_an_error_while_starting_is_told_in_chinese_and_logged_beside_the_database(db_path):
    code = ("import sys; from zhucun_desktop.gui import main_window\n"
            "def broken(self, ws): raise RuntimeError('window could not be built')\n"
            "main_window.MainWindow.__init__ = broken\n"
            "from zhucun_desktop.gui import app\n"
            f"sys.exit(app.main(['--smoke-test', '--db', {str(db_path)!r}]))")
    result = start(code=code)
    assert result.returncode == 3
    assert "程序出错：程序出现了一个意外错误" in result.stderr
    log = db_path.parent / app.LOG_FILE_NAME
    assert "RuntimeError: window could not be built" in log.read_text(encoding="utf-8")
