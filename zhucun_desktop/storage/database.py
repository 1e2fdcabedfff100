"""Opening a database safely: the one entry point the GUI and the CLI use.

``open_database`` does, in this order, and stops with a clear StorageError at the first problem:

1. refuse a file that is not SQLite (nothing is written to it);
2. take the lock (one running program per database), naming the holder if someone else has it;
3. check the file read-only: ``PRAGMA quick_check``, that it is one of ours, and that its schema revision is
   known (a database from a newer program is refused before anything touches it);
4. back it up (reason ``migrate`` when an upgrade follows, else ``daily`` for the first start of the day, else
   ``start``) and rotate the backups;
5. upgrade an older schema in one transaction, or create a new database's schema through the same migrations
   (never ``create_all``: the migrations are the only definition of the schema on disk).

Everything the environment can get wrong (read-only folder, full disk, damaged file, lock) becomes a StorageError
with a Chinese message; the file is left as it was.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import Engine, orm
from sqlalchemy.engine import make_url

from . import migrate
from .backup import (
    connect_readonly,
    integrity_errors,
    is_database_file,
    make_backup,
    needs_daily_backup,
    newest_backup,
    restore,
    rotate,
)
from .engine import make_engine, make_sessionmaker
from .errors import (
    DatabaseCorruptError,
    DatabaseNotFoundError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    MigrationError,
    NotADatabaseError,
    StorageError,
    classify_operational_error,
    translate_storage_errors,
)
from .lock import DatabaseLock

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["Database", "is_database_file", "open_database", "restore_database"]


@dataclass
class Database:
    """An open database: its engine, a session factory, and (for a file) the lock that makes it ours alone.

    ``start_backup`` is the backup taken when it was opened and ``migrated_from`` the revision it was upgraded
    from ("base" for a database without schema; None when no upgrade ran), so the GUI can tell the user.
    """

    path: Path | None
    engine: Engine
    sessionmaker: orm.sessionmaker[orm.Session]
    lock: DatabaseLock | None
    start_backup: Path | None = None
    migrated_from: str | None = None
    created: bool = False
    _closed: bool = field(default=False, repr=False)

    def session(self) -> orm.Session:
        """A new Session; the services open exactly one transaction on it per user action."""
        return self.sessionmaker()

    def backup(self, reason: str = "manual", *, now: datetime | None = None) -> Path:
        """A backup of the live database (through the engine, so un-checkpointed changes are included), rotated."""
        if self.path is None:
            raise _server_backup_error()
        made = make_backup(self.engine, reason, now=now)
        rotate(self.path, now=now)
        return made

    def backup_if_due(self, now: datetime | None = None) -> Path | None:
        """The daily backup for a program left running over midnight; the GUI calls this from a timer."""
        if self.path is None or not needs_daily_backup(self.path, now):
            return None
        return self.backup("daily", now=now)

    def restore(self, backup_path: str | Path, *, now: datetime | None = None) -> Path | None:
        """Replace the content with a backup while keeping the lock; return the safety copy of the old content.

        Every Session made before must be closed first: the engine is disposed and rebuilt on the restored file
        (which is upgraded if the backup is from an older program version).
        """
        if self.path is None:
            raise _server_backup_error()
        self.engine.dispose()
        safety = restore(self.path, backup_path, now=now)
        engine, backup_made, migrated_from = _prepare(self.path, existed=True, now=now, start_backup=False)
        self.engine = engine
        self.sessionmaker = make_sessionmaker(engine)
        self.migrated_from = migrated_from
        if backup_made is not None:
            self.start_backup = backup_made
        return safety

    def close(self) -> None:
        """Dispose the engine (WAL is checkpointed when the last connection closes) and release the lock."""
        if self._closed:
            return
        self._closed = True
        try:
            self.engine.dispose()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _server_backup_error() -> StorageError:
    return StorageError(
        "服务器数据库由管理员用服务器自带的工具备份和恢复，本程序只备份本机的数据库文件。",
        "backups of a database server are the server administrator's job",
    )


def _inspect_existing(path: Path) -> str | None:
    """Read-only checks before anything writes to the file; return its schema revision."""
    conn = connect_readonly(path)
    try:
        problems = integrity_errors(conn, quick=True)
        if problems:
            newest = newest_backup(path)
            raise DatabaseCorruptError(newest.path if newest else None, "; ".join(problems[:5]))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        conn.close()
    if revision is None and tables - {"alembic_version"}:
        raise NotADatabaseError(path, "这是其他程序的 SQLite 数据库")
    if not migrate.is_known_revision(revision):
        raise DatabaseTooNewError(revision)
    return revision


def _prepare(
    path: Path, *, existed: bool, now: datetime | None, start_backup: bool = True
) -> tuple[Engine, Path | None, str | None]:
    """Checks, backup, migration; return the engine, the backup made and the revision upgraded from."""
    revision = _inspect_existing(path) if existed else None
    behind = existed and migrate.needs_upgrade(revision)
    if existed and not os.access(path, os.W_OK):
        raise DatabaseReadOnlyError(path)
    backup_made: Path | None = None
    if existed and (behind or start_backup):
        reason = "migrate" if behind else ("daily" if needs_daily_backup(path, now) else "start")
        backup_made = make_backup(path, reason, now=now)
        rotate(path, now=now)
    engine = make_engine(path)
    try:
        if not existed or behind:
            _upgrade(engine, backup_made)
        else:
            with engine.connect() as conn:  # runs the connect PRAGMAs now, so a read-only file fails here
                conn.exec_driver_sql("SELECT 1")
    except BaseException:
        engine.dispose()
        raise
    return engine, backup_made, ((revision or "base") if behind else None)


def _upgrade(engine: Engine, backup: Path | None) -> None:
    try:
        migrate.upgrade(engine)
    except StorageError:
        raise
    except Exception as exc:
        mapped = classify_operational_error(exc)
        if mapped is not None:
            raise mapped from exc
        # A migration that fails on the user's data is our bug, but the user needs to hear that nothing changed.
        raise MigrationError(f"{type(exc).__name__}: {exc}", backup) from exc


def _file_path(path_or_url: str | Path) -> Path | None:
    """The database file for a path or a ``sqlite:///`` URL; None for a server URL."""
    if isinstance(path_or_url, str) and "://" in path_or_url:
        url = make_url(path_or_url)
        if url.get_backend_name() != "sqlite":
            return None
        if not url.database or url.database == ":memory:":
            raise ValueError("open_database needs a database file, not an in-memory database")
        path_or_url = url.database
    return Path(path_or_url).expanduser().absolute()


def _open_server(url: str) -> Database:
    """A database server (PostgreSQL on the county's LAN): no lock file or file backups, the server does those."""
    engine = make_engine(url)
    try:
        with translate_storage_errors():
            revision = migrate.check_not_newer(engine)
            behind = migrate.needs_upgrade(revision)
            if behind:
                _upgrade(engine, None)
    except BaseException:
        engine.dispose()
        raise
    migrated_from = (revision or "base") if behind else None
    return Database(None, engine, make_sessionmaker(engine), None, migrated_from=migrated_from)


def _exists_with_content(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def open_database(
    path: str | Path, *, create: bool = True, now: datetime | None = None, display_name: str | None = None
) -> Database:
    """Open (or with ``create``, make) the database at ``path``; see the module docstring for the steps.

    ``display_name`` is written into the lock file so that a second start can say who has the database open.
    """
    file_path = _file_path(path)
    if file_path is None:
        return _open_server(str(path))
    with translate_storage_errors(file_path):
        if file_path.is_dir():
            raise NotADatabaseError(file_path, "这是一个文件夹")
        if not create and not _exists_with_content(file_path):
            raise DatabaseNotFoundError(file_path)
        if _exists_with_content(file_path) and not is_database_file(file_path):
            raise NotADatabaseError(file_path, "文件头不是 SQLite 数据库")
        file_path.parent.mkdir(parents=True, exist_ok=True)
    lock = DatabaseLock(file_path, display_name).acquire()
    existed = True
    try:
        with translate_storage_errors(file_path):
            # Decided under the lock: another program may have created the file a moment ago.
            existed = _exists_with_content(file_path)
            if existed and not is_database_file(file_path):
                raise NotADatabaseError(file_path, "文件头不是 SQLite 数据库")
            engine, backup_made, migrated_from = _prepare(file_path, existed=existed, now=now)
    except BaseException:
        if not existed:  # a database we were creating and could not finish: leave no half-made file behind
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    file_path.with_name(file_path.name + suffix).unlink()
        lock.release()
        raise
    return Database(
        path=file_path,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        lock=lock,
        start_backup=backup_made,
        migrated_from=migrated_from,
        created=not existed,
    )


def restore_database(
    path: str | Path, backup_path: str | Path, *, now: datetime | None = None, display_name: str | None = None
) -> Path | None:
    """Restore from the CLI (or a GUI that has not opened the database): take the lock, restore, release.

    Returns the safety copy of the previous content. Raises DatabaseLockedError when the program has the
    database open elsewhere.
    """
    file_path = _file_path(path)
    if file_path is None:
        raise _server_backup_error()
    with DatabaseLock(file_path, display_name):
        return restore(file_path, backup_path, now=now)
