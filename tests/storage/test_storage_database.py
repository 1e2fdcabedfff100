"""Opening a database: every way it can go wrong ends in a clear message and an unchanged file."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from tests.storage.storage_helpers import (
    MORNING,
    add_counties,
    county_names,
    damage_middle_pages,
    digest,
    make_database_with_data,
)
from zhucun_desktop.storage import database as database_module
from zhucun_desktop.storage import lock as lock_module
from zhucun_desktop.storage import migrate
from zhucun_desktop.storage.backup import list_backups
from zhucun_desktop.storage.database import is_database_file, open_database, restore_database
from zhucun_desktop.storage.errors import (
    DatabaseCorruptError,
    DatabaseNotFoundError,
    DatabaseReadOnlyError,
    MigrationError,
    NotADatabaseError,
)
from zhucun_desktop.storage.lock import DatabaseLock


def test_a_new_database_opens_within_a_second(db_file: Path) -> None:
    started = time.perf_counter()
    db = open_database(db_file, now=MORNING)
    elapsed = time.perf_counter() - started
    db.close()
    assert elapsed < 1.0
    assert is_database_file(db_file)


def test_a_missing_database_is_not_created_unless_asked(db_file: Path) -> None:
    with pytest.raises(DatabaseNotFoundError) as caught:
        open_database(db_file, create=False)
    assert "找不到数据库文件" in caught.value.message
    assert not db_file.exists()


def test_a_file_of_garbage_is_not_a_database_and_is_left_alone(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.write_bytes(b"PK\x03\x04 a zip file renamed to .db by mistake" * 50)
    before = digest(db_file)

    with pytest.raises(NotADatabaseError) as caught:
        open_database(db_file, now=MORNING)

    assert "“东风镇.db”不是本程序的数据库" in caught.value.message
    assert digest(db_file) == before
    assert not is_database_file(db_file)
    assert list_backups(db_file) == []


def test_a_damaged_database_is_refused_with_the_newest_good_backup_named(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database_with_data(db_file)
    db = open_database(db_file, now=MORNING + timedelta(hours=1))  # the start backup of a sound file
    good = db.start_backup
    db.close()
    assert good is not None
    damage_middle_pages(db_file)
    damaged = digest(db_file)

    def no_backup_of_a_damaged_file(*args: object, **kwargs: object) -> None:
        raise AssertionError("the start check must refuse the file before anything else reads or writes it")

    with monkeypatch.context() as patch:
        patch.setattr(database_module, "make_backup", no_backup_of_a_damaged_file)
        with pytest.raises(DatabaseCorruptError) as caught:
            open_database(db_file, now=MORNING + timedelta(hours=2))

    message = caught.value.message
    assert "已损坏" in message and good.name in message and "从备份恢复" in message
    assert caught.value.newest_backup == good
    assert digest(db_file) == damaged
    with DatabaseLock(db_file):  # a failed open does not keep the lock
        pass

    # The way out the message names works.
    restore_database(db_file, good, now=MORNING + timedelta(hours=3))
    with open_database(db_file, now=MORNING + timedelta(hours=4)) as db:
        assert db.path is not None
    assert len(county_names(db_file)) == 1500


def test_backups_are_made_at_each_start_daily_first_and_rotated(db_file: Path) -> None:
    open_database(db_file, now=MORNING).close()  # new: nothing to back up
    open_database(db_file, now=MORNING + timedelta(hours=1)).close()
    open_database(db_file, now=MORNING + timedelta(hours=2)).close()
    open_database(db_file, now=MORNING + timedelta(days=1)).close()

    assert [(b.created_at, b.reason) for b in list_backups(db_file)] == [
        (MORNING + timedelta(days=1), "daily"),
        (MORNING + timedelta(hours=2), "start"),
        (MORNING + timedelta(hours=1), "daily"),
    ]


def test_a_program_left_running_over_midnight_makes_its_daily_backup(opened, db_file: Path) -> None:
    add_counties(opened, "甲县")
    assert opened.backup_if_due(MORNING + timedelta(days=1)) is not None
    assert opened.backup_if_due(MORNING + timedelta(days=1, hours=1)) is None
    assert list_backups(db_file)[0].reason == "daily"
    assert county_names(list_backups(db_file)[0].path) == ["甲县"]


def test_a_database_that_could_not_be_created_leaves_no_half_made_file(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_upgrade(engine: object, target: str = "head") -> None:
        raise RuntimeError("migration bug")

    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    with pytest.raises(MigrationError):
        open_database(db_file, now=MORNING)
    assert not db_file.exists()
    with DatabaseLock(db_file):
        pass


def test_a_sqlite_url_is_opened_as_its_file(db_file: Path) -> None:
    with open_database(f"sqlite:///{db_file}", now=MORNING) as db:
        assert db.path == db_file and db.lock is not None and db.lock.held


@contextlib.contextmanager
def _read_only_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Make ``folder`` read-only for real, then put it back.

    A normal user: chmod. Root ignores chmod, so root remounts a tmpfs read-only (how a write-protected share
    looks). Root in a container without mount rights gets the OS's answer simulated at the first write the
    program makes there, the lock file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    mounted = False
    if is_root:
        with contextlib.suppress(OSError):
            mounted = (
                subprocess.run(
                    ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(folder)],
                    check=False,
                    capture_output=True,
                ).returncode
                == 0
            )

    def make_read_only() -> None:
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        elif not is_root:
            for p in folder.iterdir():
                p.chmod(0o444)
            folder.chmod(0o555)
        else:
            real_open = os.open

            def refusing_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
                if str(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                    raise OSError(errno.EROFS, "Read-only file system", str(path))
                return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(lock_module.os, "open", refusing_open)

    try:
        yield make_read_only
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)
        elif not is_root:
            folder.chmod(0o755)
            for p in folder.iterdir():
                p.chmod(0o644)


def test_a_database_in_a_read_only_folder_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "共享"
    with _read_only_folder(folder, monkeypatch) as make_read_only:
        db_file = folder / "东风镇.db"
        db = open_database(db_file, now=MORNING)
        add_counties(db, "甲县")
        db.close()
        before = digest(db_file)
        make_read_only()

        with pytest.raises(DatabaseReadOnlyError) as caught:
            open_database(db_file, now=MORNING + timedelta(hours=1))

        assert "只读" in caught.value.message and "复制到可写的文件夹" in caught.value.message
        assert digest(db_file) == before
        assert county_names(db_file, on_read_only_media=True) == ["甲县"]
