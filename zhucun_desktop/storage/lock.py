"""One running program per database (DESIGN.md, "Safety of data").

SQLite's own locks serialise transactions but happily let two programs interleave them, so two clerks on a shared
folder could each fill in the same month and the second would never know. ``<db>.lock`` next to the database
prevents that. The exclusion is an OS lock on the open file (``fcntl.flock`` / ``msvcrt.locking``), not the
file's existence: when a program crashes or its PC is switched off, the OS drops the lock, so a stale lock file
never blocks anyone. The JSON inside only tells the next person *who* holds it.

The file is never deleted (deleting a locked file lets a third process lock a fresh inode while the second still
locks the old one); on release it is emptied instead.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .errors import DatabaseLockedError, classify_operational_error

if TYPE_CHECKING:
    from typing_extensions import Self

# Windows locks byte ranges and forbids reading a locked range, so we lock one byte far past the JSON.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database: written into the lock file so that a second start can name them."""

    user: str = ""
    host: str = ""
    pid: int = 0
    display_name: str = ""
    since: str = ""  # local time, ISO format

    @property
    def since_text(self) -> str:
        try:
            return datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return self.since

    @classmethod
    def current(cls, display_name: str | None = None) -> LockHolder:
        try:
            user = getpass.getuser()
        except (OSError, KeyError, ImportError):  # no user name (a service account): not worth failing for
            user = ""
        return cls(
            user=user,
            host=socket.gethostname(),
            pid=os.getpid(),
            display_name=display_name or user,
            since=datetime.now().isoformat(timespec="seconds"),
        )

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        return cls(
            user=str(data.get("user", "")),
            host=str(data.get("host", "")),
            pid=int(data.get("pid", 0) or 0),
            display_name=str(data.get("display_name", "")),
            since=str(data.get("since", "")),
        )


def lock_path_for(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseLock:
    """The lock of one database file; acquire once, release once (or use ``with``)."""

    def __init__(self, db_path: str | Path, display_name: str | None = None) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self.display_name = display_name
        self.holder: LockHolder | None = None
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DatabaseLock:
        """Take the lock or raise DatabaseLockedError naming whoever holds it."""
        if self._fd is not None:
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            mapped = classify_operational_error(exc, db_path=self.db_path)
            if mapped is None:
                raise
            raise mapped from exc
        if not _try_lock(fd):
            holder = self._read_holder(fd)
            os.close(fd)
            raise DatabaseLockedError(holder or LockHolder())  # empty: "另一个程序"
        self._fd = fd
        try:
            self._write(LockHolder.current(self.display_name))
        except OSError as exc:
            self.release()
            mapped = classify_operational_error(exc, db_path=self.db_path)
            if mapped is None:
                raise
            raise mapped from exc
        return self

    def set_display_name(self, display_name: str) -> None:
        """After sign-in, name the person rather than the Windows account in the lock file."""
        self.display_name = display_name
        if self._fd is not None and self.holder is not None:
            self._write(LockHolder(**{**asdict(self.holder), "display_name": display_name}))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        except OSError:
            pass  # the lock is what matters; stale text is only a hint
        try:
            _unlock(fd)
        finally:
            os.close(fd)
            self.holder = None

    def _write(self, holder: LockHolder) -> None:
        assert self._fd is not None
        data = json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8")
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)
        os.fsync(self._fd)
        self.holder = holder

    @staticmethod
    def _read_holder(fd: int) -> LockHolder | None:
        # The holder may be between taking the lock and writing its name: look a few times.
        for attempt in range(5):
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                text = os.read(fd, 64 * 1024).decode("utf-8", errors="replace")
            except OSError:
                text = ""
            holder = LockHolder.from_json(text) if text.strip() else None
            if holder is not None:
                return holder
            if attempt < 4:
                time.sleep(0.05)
        return None

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def __del__(self) -> None:  # an abandoned lock object must not keep the database locked
        with contextlib.suppress(OSError):  # interpreter shutdown: nothing sensible left to do
            self.release()
