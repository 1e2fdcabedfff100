"""Backups of the SQLite file: taken at start, daily, before a migration and before an import; rotated; restored.

A backup is made with SQLite's online backup API (``sqlite3.Connection.backup``), which copies a consistent
snapshot even while the program has the database open in WAL mode; a plain file copy could catch a half-applied
checkpoint or miss the ``-wal`` file. Every backup is written to a temporary name, checked with
``PRAGMA integrity_check``, flushed to disk and only then renamed, so a file that carries a backup's name is
always complete and sound: "restore the newest backup" is then always safe advice.

Backups live in ``<db folder>/备份/<db stem>/`` and are named ``<stem>_YYYYmmdd-HHMMSS_<reason>.db`` (local time,
the reason in ASCII), so that a clerk can find them with the file manager and copy one to a USB stick.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from .errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseNotFoundError,
    DatabaseTooNewError,
    NotADatabaseError,
    StorageError,
    classify_operational_error,
)

BACKUP_FOLDER = "备份"
REASONS = ("start", "daily", "migrate", "import", "restore", "manual")
SQLITE_HEADER = b"SQLite format 3\x00"
# Tables that make a file one of ours (checked before a restore overwrites the live database).
REQUIRED_TABLES = frozenset({"alembic_version", "sites"})

KEEP_RECENT = 10  # backups of the last 24 hours
KEEP_DAYS = 7
KEEP_WEEKS = 4
KEEP_MONTHS = 12

_NAME = re.compile(r"^(?P<stem>.+)_(?P<ts>\d{8}-\d{6})_(?P<reason>[a-z]+)(?:-(?P<n>\d+))?\.db$")
_TS_FORMAT = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime  # local time, from the file name (survives copying, unlike mtime)
    reason: str
    size: int


def is_database_file(path: str | Path) -> bool:
    """True when the file starts with SQLite's 16-byte header (an empty file is not a database yet)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def backup_dir_for(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.absolute().parent / BACKUP_FOLDER / db_path.stem


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A connection that can never create or change the file (``mode=ro``), for checks and as a backup source."""
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=5.0)
    conn.isolation_level = None
    return conn


def integrity_errors(conn: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    """The problems ``PRAGMA integrity_check`` (or the faster ``quick_check``) reports; empty when sound.

    A badly damaged file makes SQLite raise instead of report; that is turned into a one-line problem too.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        mapped = classify_operational_error(exc)
        if mapped is None or isinstance(mapped, (DatabaseCorruptError, NotADatabaseError)):
            return [str(exc)]
        raise  # locked, full disk, I/O: the environment, not the file
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """This database's backups, newest first. Files that do not follow our naming are ignored, never touched."""
    folder = backup_dir_for(db_path)
    stem = Path(db_path).stem
    found: list[tuple[datetime, int, BackupInfo]] = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for entry in entries:
        m = _NAME.match(entry.name)
        if not m or m["stem"] != stem:
            continue
        try:
            created = datetime.strptime(m["ts"], _TS_FORMAT)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append((created, int(m["n"] or 1), BackupInfo(entry, created, m["reason"], size)))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [info for _, _, info in found]


def newest_backup(db_path: str | Path) -> BackupInfo | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


def needs_daily_backup(db_path: str | Path, now: datetime | None = None) -> bool:
    """True when no backup (of any reason) was made on today's date: at least one sound copy per working day."""
    today = (now or datetime.now()).date()
    return not any(b.created_at.date() == today for b in list_backups(db_path))


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":  # directories cannot be opened for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink_quietly(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


@contextlib.contextmanager
def _storage_errors(db_path: Path | None) -> Iterator[None]:
    try:
        yield
    except StorageError:
        raise
    except (sqlite3.Error, OSError) as exc:
        mapped = classify_operational_error(exc, db_path=db_path)
        if mapped is None:
            raise
        raise mapped from exc


def _free_name(folder: Path, stem: str, stamp: datetime, reason: str) -> Path:
    base = f"{stem}_{stamp.strftime(_TS_FORMAT)}_{reason}"
    candidate = folder / f"{base}.db"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}.db"
        n += 1
    return candidate


def _write_checked_copy(source: sqlite3.Connection, target: Path) -> list[str]:
    """Copy ``source`` into a new file ``target`` with the backup API; return integrity problems (empty: sound).

    The copy is switched to the rollback journal so that it is one self-contained file (no -wal beside it).
    """
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
        dest.isolation_level = None
        dest.execute("PRAGMA journal_mode=DELETE")
        problems = integrity_errors(dest)
    finally:
        dest.close()
    return problems


def _engine_db_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite" or not engine.url.database or engine.url.database == ":memory:":
        raise StorageError(
            "只有本机 SQLite 数据库文件由程序自动备份；服务器数据库请由管理员用服务器自带的备份工具备份。",
            "automatic backups are for SQLite files only",
        )
    return Path(engine.url.database)


def make_backup(source: str | Path | Engine, reason: str, *, now: datetime | None = None) -> Path:
    """Write a checked backup of the database and return its path.

    ``source`` is the database file or an open engine on it (the engine's own connection then gives the snapshot,
    which includes changes not yet checkpointed from the WAL). Raises DatabaseCorruptError when the copy fails
    its integrity check (the source is damaged; the bad copy is deleted), DiskFullError / DatabaseReadOnlyError
    when the backup folder cannot be written.
    """
    if not re.fullmatch(r"[a-z]+", reason):
        raise ValueError(f"backup reason must be a lowercase ASCII word, not {reason!r}")
    if isinstance(source, Engine):
        db_path = _engine_db_path(source)
    else:
        db_path = Path(source)
        if not db_path.is_file():
            raise DatabaseNotFoundError(db_path)
    folder = backup_dir_for(db_path)
    with _storage_errors(db_path):
        folder.mkdir(parents=True, exist_ok=True)
        final = _free_name(folder, db_path.stem, now or datetime.now(), reason)
        tmp = folder / f".{final.name}.tmp"
        try:
            if isinstance(source, Engine):
                raw = source.raw_connection()
                try:
                    problems = _write_checked_copy(raw.driver_connection, tmp)  # type: ignore[arg-type]
                finally:
                    raw.close()
            else:
                src = connect_readonly(db_path)
                try:
                    problems = _write_checked_copy(src, tmp)
                finally:
                    src.close()
            if problems:
                raise DatabaseCorruptError(_newest_path(db_path), "; ".join(problems[:5]))
            _fsync_file(tmp)
            os.replace(tmp, final)
            _fsync_dir(folder)
        except BaseException:
            _unlink_quietly(tmp, tmp.with_name(tmp.name + "-journal"))
            raise
    return final


def _newest_path(db_path: Path) -> Path | None:
    newest = newest_backup(db_path)
    return newest.path if newest else None


# ---------------------------------------------------------------- rotation ----------------------------------


def _month_keys(today: date, count: int) -> list[tuple[int, int]]:
    keys = []
    year, month = today.year, today.month
    for _ in range(count):
        keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys


def backups_to_keep(backups: Iterable[BackupInfo], now: datetime) -> set[Path]:
    """The rotation policy as a pure function of the backups and the clock (see ``rotate``)."""
    newest_first = sorted(backups, key=lambda b: b.created_at, reverse=True)
    if not newest_first:
        return set()
    keep = {newest_first[0].path}
    keep.update(b.path for b in newest_first if b.created_at > now)
    recent = [b for b in newest_first if now - timedelta(hours=24) <= b.created_at <= now]
    keep.update(b.path for b in recent[:KEEP_RECENT])
    today = now.date()
    days = {today - timedelta(days=i) for i in range(KEEP_DAYS)}
    weeks = {(today - timedelta(weeks=i)).isocalendar()[:2] for i in range(KEEP_WEEKS)}
    months = set(_month_keys(today, KEEP_MONTHS))
    seen_days: set[date] = set()
    seen_weeks: set[tuple[int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for b in newest_first:
        if b.created_at > now:
            continue
        d = b.created_at.date()
        week = d.isocalendar()[:2]
        month = (d.year, d.month)
        if d in days and d not in seen_days:
            seen_days.add(d)
            keep.add(b.path)
        if week in weeks and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(b.path)
        if month in months and month not in seen_months:
            seen_months.add(month)
            keep.add(b.path)
    return keep


def rotate(db_path: str | Path, *, now: datetime | None = None) -> list[Path]:
    """Delete backups the policy no longer needs; return the deleted paths.

    Kept (a backup kept by any rule stays):

    - the 10 newest backups of the last 24 hours (a day of many restarts must not fill the disk, but the last
      few hours stay recoverable step by step);
    - the newest backup of each of the last 7 calendar days (today included);
    - the newest backup of each of the last 4 ISO weeks (this week included);
    - the newest backup of each of the last 12 calendar months (this month included);
    - always the newest backup of all, however old, so a database never ends up with no backup at all;
    - every backup dated in the future (the PC's clock was wrong: we cannot tell its age, so we do not guess).

    Everything else that follows our naming is deleted; other files in the folder are never touched, except our
    own temporary files left by an interrupted backup, which are removed after an hour.
    """
    now = now or datetime.now()
    backups = list_backups(db_path)
    keep = backups_to_keep(backups, now)
    deleted: list[Path] = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
            except FileNotFoundError:
                continue
            deleted.append(b.path)
    folder = backup_dir_for(db_path)
    with contextlib.suppress(OSError):
        for entry in folder.glob(".*.tmp"):
            if datetime.fromtimestamp(entry.stat().st_mtime) < now - timedelta(hours=1):
                _unlink_quietly(entry)
    return deleted


# ---------------------------------------------------------------- restore -----------------------------------


def check_backup_file(backup_path: str | Path) -> str | None:
    """Check that a file is a sound zhucun database this program can read; return its schema revision."""
    from .migrate import is_known_revision  # alembic is imported only when a restore is asked for

    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise DatabaseNotFoundError(backup_path)
    if not is_database_file(backup_path):
        raise NotADatabaseError(backup_path, "不是 SQLite 数据库文件")
    with _storage_errors(None):
        conn = connect_readonly(backup_path)
        try:
            problems = integrity_errors(conn)
            if problems:
                raise DatabaseCorruptError(
                    None, "; ".join(problems[:5]), subject=f"备份文件“{backup_path.name}”"
                )
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not REQUIRED_TABLES <= tables:
                raise NotADatabaseError(backup_path, "缺少本程序的数据表")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    revision = row[0] if row else None
    if not is_known_revision(revision):
        raise DatabaseTooNewError(revision)
    return revision


def _keep_damaged_copy(db_path: Path, now: datetime | None) -> Path:
    """Save an unreadable live file byte for byte (with its -wal) before a restore replaces it: nothing is lost.

    The ``.damaged`` suffix keeps it out of ``list_backups`` and out of rotation.
    """
    folder = backup_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime(_TS_FORMAT)
    target = folder / f"{db_path.stem}_{stamp}_restore.damaged"
    shutil.copy2(db_path, target)
    _fsync_file(target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    _fsync_dir(folder)
    return target


def restore(db_path: str | Path, backup_path: str | Path, *, now: datetime | None = None) -> Path | None:
    """Replace the database with a backup; return the safety copy of what was there before (None if nothing was).

    The caller must hold the DatabaseLock and have no engine open on ``db_path`` (dispose it first): the file is
    replaced underneath SQLite, which only works when nobody has it open. ``Database.restore`` and
    ``database.restore_database`` do both.

    Steps, each safe to interrupt: check the backup (sound, ours, not from a newer program); save the current
    file as a "restore" backup, or byte for byte when it is too damaged to read; write the backup's content to a
    temporary file beside the database with the backup API and check it; remove the old ``-wal``/``-shm`` (they
    belong to the old file and would corrupt the new one); rename the temporary file over the database.
    """
    db_path = Path(db_path)
    backup_path = Path(backup_path)
    check_backup_file(backup_path)
    safety: Path | None = None
    if db_path.is_file() and db_path.stat().st_size > 0:
        try:
            safety = make_backup(db_path, "restore", now=now)
        except (DatabaseCorruptError, NotADatabaseError):
            with _storage_errors(db_path):
                safety = _keep_damaged_copy(db_path, now)
    tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    with _storage_errors(db_path):
        try:
            src = connect_readonly(backup_path)
            try:
                problems = _write_checked_copy(src, tmp)
            finally:
                src.close()
            if problems:  # pragma: no cover - the backup passed the same check a moment ago
                raise DatabaseCorruptError(None, "; ".join(problems), subject="恢复出的数据库")
            _fsync_file(tmp)
            try:
                for suffix in ("-wal", "-shm"):
                    side = db_path.with_name(db_path.name + suffix)
                    if side.exists():
                        side.unlink()
                os.replace(tmp, db_path)
            except PermissionError as exc:
                if sys.platform != "win32":
                    raise  # a read-only folder: classified by _storage_errors
                # Windows refuses to replace or delete a file that is still open somewhere.
                raise DatabaseLockedError(
                    None,
                    "数据库文件正被打开，无法恢复。请关闭所有使用这个数据库的程序窗口后再试；"
                    "恢复前的数据已另存为备份。",
                ) from exc
            _fsync_dir(db_path.absolute().parent)
        finally:
            _unlink_quietly(tmp, tmp.with_name(tmp.name + "-journal"))
    return safety
