"""The engine factory: one place that knows how SQLite must be set up so that no change is lost or half-written.

On SQLite every connection gets WAL (readers never block the writer, a crash never tears a page),
``synchronous=FULL`` (a committed transaction survives a power cut, which matters on office PCs without a UPS),
``foreign_keys=ON`` (SQLite leaves them off by default) and a 5 s busy timeout.

Python's ``sqlite3`` driver by default does not emit ``BEGIN`` before DDL or SELECT, so DDL in a migration would
be autocommitted statement by statement and a SAVEPOINT would not roll back with its transaction. We use the fix
documented by SQLAlchemy ("Transactions with SQLite and the sqlite3 driver" → "Using SQLAlchemy to emit BEGIN in
lieu of SQLite's transaction control"): ``isolation_level = None`` on the DBAPI connection, and our own ``BEGIN``
from the engine's ``begin`` event.

The BEGIN is deferred, not IMMEDIATE: with WAL a reader never blocks the writer, whereas ``BEGIN IMMEDIATE`` would
make every open session (a table model reading, a report being printed) block every save for the busy timeout.
Writes come one at a time from the services; should two ever collide, SQLite refuses the later one as a whole
("database is locked", shown as DatabaseLockedError) rather than letting it overwrite what it did not see.

Everything SQLite-specific sits behind ``dialect.name == "sqlite"``: a county may point the program at a
PostgreSQL server with a URL, and then the server's defaults apply.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_PRAGMAS: tuple[tuple[str, str], ...] = (
    ("journal_mode", "WAL"),
    ("synchronous", "FULL"),
    ("foreign_keys", "ON"),
    ("busy_timeout", "5000"),
)


def database_url(path_or_url: str | Path) -> str:
    """A URL stays a URL, ``:memory:`` stays in memory; a filesystem path becomes ``sqlite:///<absolute path>``."""
    if isinstance(path_or_url, str) and ("://" in path_or_url or path_or_url in ("", ":memory:")):
        return path_or_url if "://" in path_or_url else "sqlite://"
    return f"sqlite:///{Path(path_or_url).expanduser().absolute()}"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the driver (see module docstring); PRAGMAs then run in autocommit,
    # which they must: journal_mode and foreign_keys are ignored inside a transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for name, value in SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {name}={value}")
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(path_or_url: str | Path, *, echo: bool = False) -> Engine:
    """An engine for a database file or URL, set up for safety on SQLite (see module docstring)."""
    url = make_url(database_url(path_or_url))
    engine = create_engine(url, echo=echo)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit: the GUI shows them after the transaction is over."""
    return sessionmaker(bind=engine, expire_on_commit=False)
