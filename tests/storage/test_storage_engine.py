"""The engine's safety settings are really in force on every connection."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from zhucun_desktop.storage.database import Database
from zhucun_desktop.storage.engine import database_url, make_engine, make_sessionmaker
from zhucun_desktop.storage.models import County, Township


def test_wal_full_sync_foreign_keys_and_busy_timeout_on_every_connection(opened: Database) -> None:
    with opened.engine.connect() as first, opened.engine.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_a_township_of_an_unknown_county_is_refused(opened: Database) -> None:
    with pytest.raises(IntegrityError), opened.session() as s, s.begin():
        s.add(Township(county_uuid="no-such-county", name="东风镇", origin_site="test-site"))


def test_ddl_is_rolled_back_with_its_transaction(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "ddl.db")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE half_made (x INTEGER)")
            conn.rollback()
            tables = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
        assert tables == []
    finally:
        engine.dispose()


def test_a_released_savepoint_still_rolls_back_with_the_outer_transaction(opened: Database) -> None:
    with opened.session() as s:
        s.begin()
        with s.begin_nested():
            s.add(County(name="甲县", origin_site="test-site"))
        s.rollback()
    with opened.session() as s:
        assert s.scalars(select(County.name)).all() == []


def test_objects_stay_readable_after_commit(opened: Database) -> None:
    maker = make_sessionmaker(opened.engine)
    with maker() as s, s.begin():
        county = County(name="乙县", origin_site="test-site")
        s.add(county)
    assert county.name == "乙县"  # no expired attribute, no lazy load after the transaction


def test_memory_stays_in_memory_and_paths_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    engine = make_engine(":memory:")
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    engine.dispose()
    assert list(tmp_path.iterdir()) == []
    assert database_url("rel.db") == f"sqlite:///{tmp_path / 'rel.db'}"
    assert database_url("postgresql://zhucun@server/zhucun") == "postgresql://zhucun@server/zhucun"
