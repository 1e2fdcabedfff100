"""Schema revisions: a new database is made by the migrations, an old one is upgraded, a newer one is refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tests.storage.storage_helpers import MORNING, add_counties, county_names, digest, revision_of
from zhucun_desktop.storage import migrate
from zhucun_desktop.storage.backup import list_backups
from zhucun_desktop.storage.base import Base
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.engine import make_engine
from zhucun_desktop.storage.errors import DatabaseTooNewError, MigrationError, NotADatabaseError

EXTRA_REVISION = '''
"""A later program version adds a column (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("counties") as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(6), nullable=True))
    op.execute("UPDATE counties SET code = '370000'")
    {fail}


def downgrade():
    with op.batch_alter_table("counties") as batch_op:
        batch_op.drop_column("code")
'''


def _scripts_with_extra_revision(tmp_path: Path, *, fail: bool) -> Path:
    target = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    body = EXTRA_REVISION.replace("{fail}", 'raise RuntimeError("step 2 failed")' if fail else "pass")
    body = body.replace("{head}", migrate.head_revision())
    (target / "versions" / "0099_county_code.py").write_text(body, encoding="utf-8")
    return target


def test_a_new_database_is_created_at_head_by_the_migrations(db_file: Path) -> None:
    db = open_database(db_file, now=MORNING)
    try:
        assert db.created
        assert migrate.current_revision(db.engine) == migrate.head_revision() == "0002"
        assert db.start_backup is None  # nothing to protect yet
        assert list_backups(db_file) == []
    finally:
        db.close()


def test_the_migrations_build_exactly_the_models(opened) -> None:
    with opened.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == [], "models.py changed without a migration: add one with Alembic autogenerate"


def test_a_database_from_a_newer_program_is_refused_and_left_unchanged(db_file: Path) -> None:
    db = open_database(db_file, now=MORNING)
    add_counties(db, "甲县")
    db.close()
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = digest(db_file)

    with pytest.raises(DatabaseTooNewError) as caught:
        open_database(db_file, now=MORNING)

    assert "更新版本" in caught.value.message and "安装最新版本" in caught.value.message
    assert "没有被改动" in caught.value.message
    assert digest(db_file) == before
    assert list_backups(db_file) == []
    engine = make_engine(db_file)
    try:
        with pytest.raises(DatabaseTooNewError):
            migrate.check_not_newer(engine)
    finally:
        engine.dispose()


def test_an_empty_schema_is_backed_up_then_upgraded(db_file: Path) -> None:
    db = open_database(db_file, now=MORNING)
    with db.engine.connect() as conn:  # back to before the first revision: as an old, empty database
        command.downgrade(migrate.alembic_config(conn), "base")
        conn.commit()
    db.close()
    assert revision_of(db_file) is None

    db = open_database(db_file, now=MORNING)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        assert db.migrated_from == "base"
        reasons = [b.reason for b in list_backups(db_file)]
        assert reasons == ["migrate"]
        assert db.start_backup == list_backups(db_file)[0].path
    finally:
        db.close()


def test_an_older_database_is_upgraded_with_its_data_after_a_migrate_backup(
    db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(db_file, now=MORNING)
    add_counties(db, "甲县", "乙县")
    db.close()

    shipped_head = migrate.head_revision()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _scripts_with_extra_revision(tmp_path, fail=False))
    db = open_database(db_file, now=MORNING)
    try:
        assert db.migrated_from == shipped_head
        assert migrate.current_revision(db.engine) == "0099"
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT name, code FROM counties ORDER BY name").fetchall()
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # switched back on after
        assert rows == [("乙县", "370000"), ("甲县", "370000")]
    finally:
        db.close()
    backup = list_backups(db_file)[0]
    assert backup.reason == "migrate"
    assert revision_of(backup.path) == shipped_head
    assert county_names(backup.path) == ["乙县", "甲县"]


def test_a_failing_migration_changes_nothing(
    db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(db_file, now=MORNING)
    add_counties(db, "甲县")
    db.close()

    shipped_head = migrate.head_revision()
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _scripts_with_extra_revision(tmp_path, fail=True))
    with pytest.raises(MigrationError) as caught:
        open_database(db_file, now=MORNING)

    assert "所有改动已撤销" in caught.value.message and "_migrate.db" in caught.value.message
    assert revision_of(db_file) == shipped_head
    conn = sqlite3.connect(db_file.absolute().as_uri() + "?mode=ro", uri=True)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(counties)")]
    conn.close()
    assert "code" not in columns  # the batch rebuild of the table was rolled back too
    assert county_names(db_file) == ["甲县"]


def test_a_sqlite_file_of_another_program_is_not_touched(db_file: Path) -> None:
    db_file.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_file)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('春节.jpg')")
    conn.commit()
    conn.close()
    before = digest(db_file)

    with pytest.raises(NotADatabaseError) as caught:
        open_database(db_file, now=MORNING)

    assert "不是本程序的数据库" in caught.value.message
    assert digest(db_file) == before
