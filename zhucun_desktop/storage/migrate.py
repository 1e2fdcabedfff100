"""Schema revisions: read them, refuse a database from a newer program, upgrade an older one in one transaction.

The Alembic scripts live in ``storage/migrations`` inside the package and are found next to this module, so the
same code works from a checkout, an installed wheel and a PyInstaller bundle (whose spec must collect
``storage/migrations`` as data files, the ``.py`` sources included: Alembic reads the scripts from disk).
No ``alembic.ini`` is needed: the Config is built here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from .errors import DatabaseTooNewError, MigrationError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None, *, script_location: Path | None = None) -> Config:
    """A programmatic Alembic Config; ``connection`` is handed to env.py through ``config.attributes``."""
    cfg = Config()
    location = script_location or MIGRATIONS_DIR
    cfg.set_main_option("script_location", str(location).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=4)
def _script_directory(location: str) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(script_location=Path(location)))


def script_directory() -> ScriptDirectory:
    return _script_directory(str(MIGRATIONS_DIR))


def head_revision() -> str:
    """The revision this program's models correspond to."""
    head = script_directory().get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise RuntimeError("no Alembic revisions found in " + str(MIGRATIONS_DIR))
    return head


def known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in script_directory().walk_revisions())


def is_known_revision(revision: str | None) -> bool:
    """None (no schema yet) and every revision in our scripts are known; anything else is from a newer program."""
    return revision is None or revision in known_revisions()


def current_revision(engine: Engine) -> str | None:
    """The database's revision, None when it has no schema yet."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> str | None:
    """Raise DatabaseTooNewError when the database was written by a newer program; return its revision."""
    revision = current_revision(engine)
    if not is_known_revision(revision):
        raise DatabaseTooNewError(revision)
    return revision


def needs_upgrade(revision: str | None) -> bool:
    return revision != head_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade to ``target`` in one transaction: either every step is applied or none is.

    On SQLite, foreign keys are switched off for the duration (they cannot be switched inside a transaction),
    because batch mode rebuilds a table by copy-and-rename, which with enforcement on would cascade or fail;
    ``PRAGMA foreign_key_check`` then proves before the commit that the data still satisfy every foreign key.
    The caller makes the "migrate" backup first (``storage.database`` does).
    """
    check_not_newer(engine)
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(alembic_config(conn), target)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(f"foreign key check failed after upgrade: {broken[:5]!r}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
