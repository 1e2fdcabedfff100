"""Looking after the database file: a health check with row counts, backups and restores.

The CLI (``zhucun check``, ``zhucun backup``, ``zhucun restore``) and the GUI (系统设置 → 数据备份) call these same
thin wrappers, so both say the same thing about the same file (DESIGN.md, "Safety of data": integrity check, backups,
a restore path the user can follow).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..storage.backup import BackupInfo, is_database_file, list_backups, make_backup, rotate
from ..storage.database import Database, restore_database
from ..storage.errors import DatabaseNotFoundError, NotADatabaseError
from ..storage.models import (
    Activity,
    AttendanceDay,
    AuditEntry,
    DispatchUnit,
    LeaveRequest,
    LedgerRow,
    Person,
    Posting,
    SpotCheck,
    Township,
    User,
    Village,
)

# key -> (model, Chinese label). Travelling tables count their live rows: a tombstone (deleted) is not a record
# the user sees any more, and these counts are what a user compares before and after an import or a hand-off.
COUNTED: dict[str, tuple[Any, str]] = {
    "persons": (Person, "驻村干部"),
    "postings": (Posting, "驻村记录"),
    "townships": (Township, "乡镇"),
    "villages": (Village, "村"),
    "dispatch_units": (DispatchUnit, "派出单位"),
    "attendance_days": (AttendanceDay, "考勤记录"),
    "leave_requests": (LeaveRequest, "请假申请"),
    "ledger_rows": (LedgerRow, "负面清单台账"),
    "spot_checks": (SpotCheck, "抽查"),
    "activities": (Activity, "活动记录"),
    "users": (User, "账号"),
    "audit_log": (AuditEntry, "操作日志"),
}
COUNT_LABELS: dict[str, str] = {key: label for key, (_model, label) in COUNTED.items()}

INTEGRITY_OK = "ok"
INTEGRITY_NOT_CHECKED = "not checked (database server)"


@dataclass(frozen=True)
class CheckReport:
    """``integrity`` is ``"ok"`` or SQLite's own report (problems joined by "; ")."""

    integrity: str
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return self.integrity in (INTEGRITY_OK, INTEGRITY_NOT_CHECKED)

    def as_dict(self) -> dict[str, Any]:
        return {"integrity": self.integrity, "counts": dict(self.counts)}


def check_database(db: Database) -> CheckReport:
    """``PRAGMA integrity_check`` (the full one, not the quick check done at every start) and the row counts."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            problems = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            integrity = INTEGRITY_OK if problems == ["ok"] else "; ".join(problems[:20])
        else:
            integrity = INTEGRITY_NOT_CHECKED
    counts: dict[str, int] = {}
    with db.session() as s:
        for key, (model, _label) in COUNTED.items():
            q = select(func.count()).select_from(model)
            if hasattr(model, "deleted"):
                q = q.where(model.deleted.is_(False))
            counts[key] = int(s.scalar(q) or 0)
    return CheckReport(integrity, counts)


def remove_database_files(db_path: str | Path) -> None:
    """Remove a database this program has just created and could not finish (``init`` or ``demo`` failing half-way),
    with its ``-wal``/``-shm``; the lock file stays (storage/lock.py never deletes it). Never used on a database
    that held data before."""
    path = Path(db_path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def backups(db_path: str | Path) -> list[BackupInfo]:
    """The database's backups, newest first."""
    return list_backups(db_path)


def backup_open_database(db: Database, reason: str = "manual") -> Path:
    """立即备份 of a database the program has open (through its engine: includes what is still in the WAL)."""
    return db.backup(reason)


def backup_file(db_path: str | Path, reason: str = "manual") -> Path:
    """A backup of a database file that need not be open: SQLite's backup API takes a consistent snapshot even
    while the program has the file open elsewhere, so an administrator can always make a copy. The file is first
    checked to be a SQLite file; ``make_backup`` checks the copy's integrity before it carries a backup's name."""
    path = Path(db_path)
    if not path.is_file():
        raise DatabaseNotFoundError(path)
    if not is_database_file(path):
        raise NotADatabaseError(path, "文件头不是 SQLite 数据库")
    made = make_backup(path, reason)
    rotate(path)
    return made


def restore_open_database(db: Database, backup_path: str | Path) -> Path | None:
    """从备份恢复 in the running program: keeps the lock; returns the safety copy of the replaced content."""
    return db.restore(backup_path)


def restore_file(db_path: str | Path, backup_path: str | Path) -> Path | None:
    """Restore a database that is not open (from the CLI, or after the program refused a damaged file): takes the
    lock, so it is refused while the program has the database open; returns the safety copy, if any."""
    return restore_database(db_path, backup_path)
