"""One running program per database: a second start is refused and told who has it; a crash frees it."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from tests.storage.storage_helpers import MORNING, county_names, start_python
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.errors import DatabaseLockedError
from zhucun_desktop.storage.lock import DatabaseLock, LockHolder, lock_path_for

HOLDER = """
import sys, time
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.models import County

db = open_database(sys.argv[1], display_name="张三")
with db.session() as s, s.begin():
    s.add(County(name="甲县", origin_site="holder"))
print("READY", flush=True)
time.sleep(120)
"""


def _wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "READY":
        proc.kill()
        _, err = proc.communicate(timeout=10)
        pytest.fail(f"the holder process did not start: {line!r}\n{err}")


def test_a_second_program_is_refused_and_told_who_holds_the_database(db_file: Path) -> None:
    open_database(db_file, now=MORNING).close()
    proc = start_python(HOLDER, str(db_file))
    try:
        _wait_ready(proc)
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(db_file, now=MORNING)
        message = caught.value.message
        assert message.startswith("数据库正由 张三（电脑 ")
        assert socket.gethostname() in message
        assert f"进程 {proc.pid}" in message
        assert "请先关闭那边的程序" in message
        assert caught.value.holder is not None and caught.value.holder.pid == proc.pid
    finally:
        proc.kill()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()

    # The holder was killed, not closed: the OS dropped its lock, and its committed write survived in the WAL.
    db = open_database(db_file, now=MORNING)
    try:
        assert db.lock is not None and db.lock.holder is not None
        assert db.lock.holder.pid != proc.pid
    finally:
        db.close()
    assert county_names(db_file) == ["甲县"]


def test_the_lock_is_exclusive_until_released(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    first = DatabaseLock(db_file, display_name="李四").acquire()
    try:
        with pytest.raises(DatabaseLockedError) as caught:
            DatabaseLock(db_file).acquire()
        assert "李四" in caught.value.message
    finally:
        first.release()
    with DatabaseLock(db_file) as again:
        assert again.held
    assert lock_path_for(db_file).read_bytes() == b""  # released: no stale name left behind
    assert lock_path_for(db_file).name == "东风镇.db.lock"


def test_the_sign_in_name_replaces_the_account_name_in_the_lock(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    with DatabaseLock(db_file) as lock:
        lock.set_display_name("王五")
        with pytest.raises(DatabaseLockedError) as caught:
            DatabaseLock(db_file).acquire()
    assert caught.value.message.startswith("数据库正由 王五（")


def test_the_holder_message_names_computer_process_and_time() -> None:
    holder = LockHolder(
        user="zs", host="OFFICE-PC", pid=1234, display_name="张三", since="2026-11-23T09:12:31"
    )
    message = DatabaseLockedError(holder).message
    assert message.startswith(
        "数据库正由 张三（电脑 OFFICE-PC，进程 1234，自 2026-11-23 09:12 起）使用。请先关闭那边的程序"
    )
    assert "已经关机" in message


def test_an_unreadable_lock_file_still_gives_a_clear_message() -> None:
    message = DatabaseLockedError(LockHolder()).message
    assert message.startswith("数据库正由另一个程序使用。请先关闭那边的程序")
