"""Environment faults get a clear Chinese message; everything else stays the exception it was (a bug)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from tests.storage.storage_helpers import county_names
from zhucun_desktop.storage.database import Database
from zhucun_desktop.storage.engine import make_engine
from zhucun_desktop.storage.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DiskFullError,
    NotADatabaseError,
    StorageError,
    classify_operational_error,
    translate_storage_errors,
)
from zhucun_desktop.storage.models import County


def _readonly_uri(path: Path) -> str:
    return path.absolute().as_uri() + "?mode=ro"


def test_a_write_to_a_read_only_database_says_so(opened: Database) -> None:
    assert opened.path is not None
    conn = sqlite3.connect(_readonly_uri(opened.path), uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as raw:
            conn.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    finally:
        conn.close()
    mapped = classify_operational_error(raw.value)
    assert isinstance(mapped, DatabaseReadOnlyError)
    assert "只读" in mapped.message and "复制到可写的文件夹" in mapped.message


def test_a_read_only_engine_error_is_recognised_through_sqlalchemy(opened: Database) -> None:
    assert opened.path is not None
    engine = make_engine(f"sqlite:///{_readonly_uri(opened.path)}&uri=true")
    try:
        with pytest.raises(OperationalError) as raw, engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('x', '1')")
    finally:
        engine.dispose()
    assert isinstance(classify_operational_error(raw.value), DatabaseReadOnlyError)


def test_a_full_disk_loses_nothing_and_says_what_to_do(opened: Database) -> None:
    """SQLite's page limit produces the real SQLITE_FULL error a full disk gives."""
    with opened.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    with opened.session() as s, s.begin():
        s.add(County(name="甲县", origin_site="test-site"))
    session = opened.session()
    session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(OperationalError) as raw:
        for i in range(300):
            session.add(County(name=f"乙县{i}" + "很长的名字" * 40, origin_site="test-site"))
        session.commit()
    session.rollback()
    session.close()
    mapped = classify_operational_error(raw.value)
    assert isinstance(mapped, DiskFullError)
    assert "磁盘已满" in mapped.message and "清理磁盘空间" in mapped.message
    with opened.session() as s:
        assert s.scalar(select(func.count()).select_from(County)) == 1  # the whole batch was rolled back
    opened.close()
    assert opened.path is not None and county_names(opened.path) == ["甲县"]


def test_sqlites_own_lock_is_reported_as_busy(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError) as raw:
            other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()
        writer.close()
    mapped = classify_operational_error(raw.value)
    assert isinstance(mapped, DatabaseLockedError)
    assert "数据库正忙" in mapped.message and "没有保存" in mapped.message


def test_garbage_read_as_a_database_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "note.db"
    path.write_bytes(b"this is a shopping list, not a database" * 200)
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError) as raw:
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()
    assert isinstance(classify_operational_error(raw.value, db_path=path), NotADatabaseError)


def test_os_errors_of_the_environment_are_recognised() -> None:
    assert isinstance(
        classify_operational_error(OSError(errno.ENOSPC, "No space left on device")), DiskFullError
    )
    assert isinstance(
        classify_operational_error(OSError(errno.EROFS, "Read-only file system")), DatabaseReadOnlyError
    )
    assert isinstance(
        classify_operational_error(PermissionError(errno.EACCES, "denied")), DatabaseReadOnlyError
    )
    assert classify_operational_error(FileNotFoundError(errno.ENOENT, "gone")) is None


def test_bugs_stay_bugs(opened: Database) -> None:
    with pytest.raises(OperationalError) as raw, opened.engine.connect() as conn:
        conn.exec_driver_sql("SELECT * FROM no_such_table")
    assert classify_operational_error(raw.value) is None
    assert classify_operational_error(ValueError("database is locked")) is None
    with pytest.raises(OperationalError), translate_storage_errors(), opened.engine.connect() as conn:
        conn.exec_driver_sql("SELECT * FROM no_such_table")


def test_translate_turns_an_environment_fault_into_a_storage_error() -> None:
    with pytest.raises(DiskFullError) as caught, translate_storage_errors():
        raise sqlite3.OperationalError("database or disk is full")
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert isinstance(caught.value, StorageError)
    assert caught.value.one_line().endswith("(the disk is full)")
