"""Backups are sound, named so a clerk can find them, rotated by a fixed policy, and can be restored."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
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
from zhucun_desktop.storage.backup import (
    backup_dir_for,
    list_backups,
    make_backup,
    needs_daily_backup,
    restore,
    rotate,
)
from zhucun_desktop.storage.database import Database, open_database, restore_database
from zhucun_desktop.storage.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseTooNewError,
    NotADatabaseError,
)
from zhucun_desktop.storage.lock import DatabaseLock

NOW = datetime(2026, 11, 23, 12, 0, 0)  # a Monday


def test_a_backup_is_a_sound_self_contained_copy_with_a_findable_name(
    opened: Database, db_file: Path
) -> None:
    add_counties(opened, "甲县")
    made = make_backup(db_file, "manual", now=NOW)

    assert made == db_file.parent / "备份" / "东风镇" / "东风镇_20261123-120000_manual.db"
    assert county_names(made) == ["甲县"]
    conn = sqlite3.connect(made.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, no -wal beside it
    finally:
        conn.close()
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no temporary file left


def test_a_backup_through_the_engine_includes_what_is_still_in_the_wal(opened: Database) -> None:
    add_counties(opened, "乙县")
    made = opened.backup("manual", now=NOW)
    assert county_names(made) == ["乙县"]
    assert [b.reason for b in list_backups(opened.path)] == ["manual"]  # type: ignore[arg-type]


def test_two_backups_in_the_same_second_both_survive_newest_first(opened: Database, db_file: Path) -> None:
    first = make_backup(db_file, "import", now=NOW)
    second = make_backup(db_file, "import", now=NOW)
    assert second.name == "东风镇_20261123-120000_import-2.db"
    assert [b.path for b in list_backups(db_file)] == [second, first]


def test_a_backup_reason_must_be_an_ascii_word(opened: Database, db_file: Path) -> None:
    with pytest.raises(ValueError):
        make_backup(db_file, "导入")


def test_a_damaged_database_gives_no_backup_that_looks_good(db_file: Path) -> None:
    make_database_with_data(db_file)
    damage_middle_pages(db_file)
    with pytest.raises(DatabaseCorruptError):
        make_backup(db_file, "manual", now=NOW)
    assert list(backup_dir_for(db_file).iterdir()) == []


def _touch_backup(db_file: Path, when: datetime, reason: str = "start") -> Path:
    folder = backup_dir_for(db_file)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{db_file.stem}_{when:%Y%m%d-%H%M%S}_{reason}.db"
    path.write_bytes(b"synthetic backup")
    return path


def test_rotation_keeps_recent_daily_weekly_monthly_and_future_backups(db_file: Path) -> None:
    t = _touch_backup
    last_hours = [t(db_file, NOW - timedelta(hours=h)) for h in range(1, 13)]  # 11:00 back to 00:00 today
    kept = {
        *last_hours[:10],  # the 10 newest of the last 24 hours
        t(db_file, datetime(2026, 11, 22, 18, 0)),  # newest of Sunday and of ISO week 47
        t(db_file, datetime(2026, 11, 20, 17, 0), "daily"),  # newest of Friday
        t(db_file, datetime(2026, 11, 12, 10, 0)),  # newest of ISO week 46
        t(db_file, datetime(2026, 10, 20, 10, 0)),  # newest of October
        t(db_file, datetime(2025, 12, 15, 10, 0), "migrate"),  # newest of December 2025, 12th month back
        t(db_file, datetime(2026, 11, 24, 8, 0)),  # in the future: the clock was wrong, keep it
    }
    deleted = {
        *last_hours[10:],  # 01:00 and 00:00 today: more than 10 in 24 h, and not the newest of the day
        t(db_file, datetime(2026, 11, 22, 8, 0)),
        t(db_file, datetime(2026, 11, 20, 9, 0)),
        t(db_file, datetime(2026, 11, 10, 10, 0)),
        t(db_file, datetime(2026, 10, 5, 10, 0)),
        t(db_file, datetime(2025, 12, 1, 10, 0)),
        t(db_file, datetime(2025, 11, 30, 10, 0)),  # 13 months back
    }
    foreign = [
        backup_dir_for(db_file) / "说明.txt",
        backup_dir_for(db_file) / "西湖镇_20261101-100000_start.db",
    ]
    for path in foreign:
        path.write_text("not ours", encoding="utf-8")

    removed = rotate(db_file, now=NOW)

    assert set(removed) == deleted
    assert {b.path for b in list_backups(db_file)} == kept
    assert all(path.exists() for path in foreign)


def test_rotation_never_deletes_the_last_backup_however_old(db_file: Path) -> None:
    old = _touch_backup(db_file, datetime(2023, 5, 1, 9, 0))
    older = _touch_backup(db_file, datetime(2023, 4, 1, 9, 0))
    assert rotate(db_file, now=NOW) == [older]
    assert [b.path for b in list_backups(db_file)] == [old]


def test_a_daily_backup_is_due_once_per_calendar_day(db_file: Path) -> None:
    assert needs_daily_backup(db_file, NOW)
    _touch_backup(db_file, NOW.replace(hour=8))
    assert not needs_daily_backup(db_file, NOW)
    assert needs_daily_backup(db_file, NOW + timedelta(days=1))


def test_restore_brings_back_the_old_content_and_keeps_a_safety_copy(db_file: Path) -> None:
    db = open_database(db_file, now=MORNING)
    add_counties(db, "甲县")
    good = db.backup("manual", now=MORNING)
    add_counties(db, "乙县")

    safety = db.restore(good, now=MORNING + timedelta(minutes=5))

    assert safety is not None and safety.name == "东风镇_20261123-091700_restore.db"
    assert county_names(safety) == ["乙县", "甲县"]
    add_counties(db, "丙县")  # the reopened engine works on the restored file
    db.close()
    assert county_names(db_file) == ["丙县", "甲县"]


def test_restore_from_the_command_line_takes_the_lock(db_file: Path) -> None:
    db = open_database(db_file, now=MORNING)
    add_counties(db, "甲县")
    good = db.backup("manual", now=MORNING)
    add_counties(db, "乙县")
    with pytest.raises(DatabaseLockedError):
        restore_database(db_file, good)  # the GUI still has it open
    db.close()

    safety = restore_database(db_file, good, now=MORNING + timedelta(hours=1))

    assert county_names(db_file) == ["甲县"]
    assert safety is not None and county_names(safety) == ["乙县", "甲县"]
    with DatabaseLock(db_file):  # released again
        pass


def test_restore_over_a_damaged_file_keeps_the_damaged_bytes(db_file: Path) -> None:
    make_database_with_data(db_file, rows=1500)
    good = open_database(db_file, now=MORNING).start_backup
    assert good is not None
    damage_middle_pages(db_file)
    damaged = digest(db_file)

    with DatabaseLock(db_file):
        kept = restore(db_file, good, now=NOW)

    assert kept is not None and kept.suffix == ".damaged" and digest(kept) == damaged
    assert len(county_names(db_file)) == 1500
    assert kept not in [b.path for b in list_backups(db_file)]  # never offered as a backup


def test_restore_refuses_files_that_are_not_good_zhucun_backups(db_file: Path, tmp_path: Path) -> None:
    db = open_database(db_file, now=MORNING)
    add_counties(db, "甲县")
    db.close()
    before = digest(db_file)

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    future = make_backup(db_file, "manual", now=NOW)
    conn = sqlite3.connect(future)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.db"
    make_database_with_data(damaged)
    damage_middle_pages(damaged)

    with DatabaseLock(db_file):
        with pytest.raises(NotADatabaseError):
            restore(db_file, garbage)
        with pytest.raises(NotADatabaseError):
            restore(db_file, foreign)
        with pytest.raises(DatabaseTooNewError):
            restore(db_file, future)
        with pytest.raises(DatabaseCorruptError) as caught:
            restore(db_file, damaged)
    assert "备份文件“damaged.db”已损坏" in caught.value.message
    assert digest(db_file) == before
    assert [b.reason for b in list_backups(db_file)] == ["manual"]  # no safety copies for refused restores
