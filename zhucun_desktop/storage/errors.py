"""Storage faults that are the environment's fault, each with a Chinese message that says what to do.

The idea is qutebrowser's (``misc/sql.py``): a locked, read-only, full or damaged database is not a bug in this
program, so the user gets a clear sentence and a way out instead of a traceback; anything that is *not* recognised
here stays the original exception, so real bugs still surface as bugs.

``StorageError.message`` is the Chinese text for dialogs; ``english`` is a short English line for the CLI, which
prints both (DESIGN.md, "Interfaces that tests and users can script").
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lock import LockHolder

RESTORE_HINT = "在程序的“系统设置 → 数据备份 → 从备份恢复”中选择它，或在命令行运行 zhucun restore"


class StorageError(Exception):
    """A database problem the user can act on. ``message`` is Chinese and ends with what to do."""

    english = "storage error"

    def __init__(self, message: str, english: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if english is not None:
            self.english = english

    def __str__(self) -> str:
        return self.message

    def one_line(self) -> str:
        """Chinese and English on one line, for the CLI's error output."""
        return f"{self.message} ({self.english})".replace("\n", " ")


class DatabaseLockedError(StorageError):
    """Another running program holds the database (our lock file, or SQLite's own lock)."""

    english = "database is in use by another program"

    def __init__(self, holder: LockHolder | None = None, message: str | None = None) -> None:
        self.holder = holder
        super().__init__(message or self._describe(holder))

    @staticmethod
    def _describe(holder: LockHolder | None) -> str:
        if holder is None:  # SQLite's own lock: a write of ours collided with another, or a foreign program
            return (
                "数据库正忙：另一个程序或本程序的另一项操作正在写入，刚才的改动没有保存。"
                "请稍等片刻再试一次；如果一直如此，请关闭其他打开这个数据库的程序。"
            )
        if not (holder.display_name or holder.user or holder.host):
            who = "另一个程序"
        else:
            details = []
            if holder.host:
                details.append(f"电脑 {holder.host}")
            if holder.pid:
                details.append(f"进程 {holder.pid}")
            if holder.since:
                details.append(f"自 {holder.since_text} 起")
            name = holder.display_name or holder.user
            who = f" {name}（{'，'.join(details)}）" if details else f" {name} "
        return (
            f"数据库正由{who}使用。请先关闭那边的程序，再重新打开。"
            "如果那台电脑已经关机或死机，锁会在它断开后自动解除：请等几分钟再试；"
            "仍然不行时，请重启存放数据库的电脑。请不要删除数据库旁边的 .lock 文件。"
        )


class DatabaseReadOnlyError(StorageError):
    english = "the database or its folder is read-only"

    def __init__(self, path: Path | str | None = None) -> None:
        where = f"（{path}）" if path else ""
        super().__init__(
            f"数据库文件或它所在的文件夹是只读的{where}，程序无法保存任何改动。"
            "请把数据库复制到可写的文件夹（例如“文档”）后再打开，或请电脑管理员给予写入权限；"
            "如果数据库在光盘或写保护的U盘上，请先复制到电脑上。"
        )


class DiskFullError(StorageError):
    english = "the disk is full"

    def __init__(self) -> None:
        super().__init__(
            "磁盘已满，刚才的改动没有保存（已写入的数据都完好）。"
            "请清理磁盘空间（例如删除不需要的文件、清空回收站）后再试一次。"
        )


class DiskIOError(StorageError):
    english = "disk I/O error"

    def __init__(self) -> None:
        super().__init__(
            "读写磁盘时出错：U盘可能被拔出、网络文件夹断开，或磁盘有故障。刚才的改动没有保存。"
            "请检查存储设备后重新启动程序；如果反复出现，请把数据库复制到另一块磁盘，或从备份恢复。"
        )


class CannotOpenError(StorageError):
    english = "the database file cannot be opened"

    def __init__(self, path: Path | str | None = None) -> None:
        where = f"（{path}）" if path else ""
        super().__init__(
            f"无法打开数据库文件{where}。请检查文件夹是否存在、U盘或网络文件夹是否已连接，以及是否有权限访问。"
        )


class DatabaseNotFoundError(StorageError):
    english = "database file not found"

    def __init__(self, path: Path | str) -> None:
        super().__init__(f"找不到数据库文件：{path}。请检查路径是否正确，或选择“新建数据库”。")


class DatabaseCorruptError(StorageError):
    """The file is damaged. Names the newest backup, which passed an integrity check when it was written."""

    english = "the database file is damaged"

    def __init__(
        self, newest_backup: Path | None = None, detail: str = "", *, subject: str = "数据库文件"
    ) -> None:
        self.newest_backup = newest_backup
        self.detail = detail
        if newest_backup is not None:
            way_out = f"请从最近的完好备份恢复：{newest_backup.name}（{RESTORE_HINT}）。"
        else:
            way_out = "没有找到本程序的自动备份：请找出以前复制的数据库文件，或联系技术支持。"
        super().__init__(
            f"{subject}已损坏，程序没有改动它。{way_out}恢复前程序会把损坏的文件另存一份，不会丢失。"
        )


class DatabaseTooNewError(StorageError):
    english = "the database was written by a newer program version"

    def __init__(self, revision: str | None = None) -> None:
        self.revision = revision
        rev = f"（数据库版本 {revision}）" if revision else ""
        super().__init__(
            f"这个数据库是由更新版本的程序写入的{rev}，本程序无法安全地读取它；数据库没有被改动。"
            "请安装最新版本的程序后再打开。"
        )


class NotADatabaseError(StorageError):
    english = "the file is not a zhucun database"

    def __init__(self, path: Path | str | None = None, reason: str = "") -> None:
        self.path = path
        where = f"“{Path(path).name}”" if path else "这个文件"
        super().__init__(
            f"{where}不是本程序的数据库{('（' + reason + '）') if reason else ''}，程序没有改动它。"
            "请选择正确的数据库文件（扩展名 .db），或新建一个数据库。"
        )


class MigrationError(StorageError):
    english = "the database upgrade failed; nothing was changed"

    def __init__(self, detail: str, backup: Path | None = None) -> None:
        self.detail = detail
        saved = f"升级前的备份是 {backup.name}。" if backup is not None else ""
        super().__init__(
            f"数据库升级失败，所有改动已撤销，数据库保持原样。{saved}请把这段信息发给技术支持：{detail}"
        )


# SQLite primary result codes (https://sqlite.org/rescode.html); the low byte of an extended code.
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26

_TEXTS: tuple[tuple[str, int], ...] = (
    ("database is locked", _SQLITE_BUSY),
    ("database table is locked", _SQLITE_LOCKED),
    ("attempt to write a readonly database", _SQLITE_READONLY),
    ("readonly database", _SQLITE_READONLY),
    ("database or disk is full", _SQLITE_FULL),
    ("disk i/o error", _SQLITE_IOERR),
    ("file is not a database", _SQLITE_NOTADB),
    ("file is encrypted or is not a database", _SQLITE_NOTADB),
    ("database disk image is malformed", _SQLITE_CORRUPT),
    ("unable to open database file", _SQLITE_CANTOPEN),
)


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+ when raised by SQLite itself
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    for needle, primary in _TEXTS:
        if needle in text:
            return primary
    return None


def _newest_backup(db_path: Path | str | None) -> Path | None:
    if db_path is None:
        return None
    from .backup import list_backups  # backup imports this module

    try:
        found = list_backups(db_path)
    except OSError:
        return None
    return found[0].path if found else None


def classify_operational_error(
    exc: BaseException, *, db_path: Path | str | None = None
) -> StorageError | None:
    """Map an environment fault to its StorageError; return None for anything else, which is a bug to re-raise.

    Accepts ``sqlite3`` errors, SQLAlchemy ``DBAPIError`` wrappers (``.orig``) and ``OSError`` (a full disk or a
    read-only folder met while writing a backup or the lock file). ``db_path`` lets a corrupt-database message
    name the newest backup.
    """
    if isinstance(exc, StorageError):
        return exc
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        exc = orig
    if isinstance(exc, OSError):
        return _classify_os_error(exc, db_path)
    if not isinstance(exc, sqlite3.Error):
        # Another driver (PostgreSQL): only the text is portable; a lost server is not our business here.
        text = str(exc).lower()
        if "no space left" in text or "disk full" in text:
            return DiskFullError()
        if "read-only" in text or "readonly" in text:
            return DatabaseReadOnlyError(db_path)
        return None
    code = _sqlite_code(exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return DatabaseLockedError(None)
    if code == _SQLITE_READONLY:
        return DatabaseReadOnlyError(db_path)
    if code == _SQLITE_FULL:
        return DiskFullError()
    if code == _SQLITE_IOERR:
        return DiskIOError()
    if code == _SQLITE_NOTADB:
        return NotADatabaseError(db_path, "文件头不是 SQLite 数据库")
    if code == _SQLITE_CORRUPT:
        return DatabaseCorruptError(_newest_backup(db_path), str(exc))
    if code == _SQLITE_CANTOPEN:
        return CannotOpenError(db_path)
    return None


def _classify_os_error(exc: OSError, db_path: Path | str | None) -> StorageError | None:
    if getattr(exc, "winerror", None) in (32, 33):  # Windows sharing / lock violation: another program has it
        return DatabaseLockedError(None)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFullError()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return DatabaseReadOnlyError(exc.filename or db_path)
    if exc.errno == errno.EIO:
        return DiskIOError()
    return None


@contextmanager
def translate_storage_errors(db_path: Path | str | None = None) -> Iterator[None]:
    """Re-raise environment faults inside the block as StorageError (chained); let bugs through unchanged."""
    try:
        yield
    except StorageError:
        raise
    except Exception as exc:  # classified below; re-raised unchanged when it is not ours
        mapped = classify_operational_error(exc, db_path=db_path)
        if mapped is None:
            raise
        raise mapped from exc
