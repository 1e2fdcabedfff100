"""Schema revisions: read them, refuse a database from a newer program, upgrade an older one in one transaction.

The Alembic scripts live in ``storage/migrations`` inside the package and are found next to this module, so the
same code works from a checkout, an installed wheel and a PyInstaller bundle (whose spec must collect
``storage/migrations`` as data files, the ``.py`` sources included: Alembic reads the scripts from disk).
No ``alembic.ini`` is needed: the Config is built here.

Start-up speed: importing Alembic costs about half a second (it imports every dialect's DDL module and Mako).
Every start has to know the head revision and the database's revision, but almost never has to upgrade, so both
are read without Alembic: the database's from the ``alembic_version`` table with plain SQL, the scripts' from
their ``revision = "…"`` / ``down_revision = …`` lines. Alembic is imported only when an upgrade is due (and in
``script_directory`` for tools and tests, which check that both readings agree).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect

from .errors import DatabaseTooNewError, MigrationError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"

# Module-level assignments as Alembic's script template writes them (with or without a type annotation).
_REVISION_RE = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_RE = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED_RE = re.compile(r"['\"]([^'\"]+)['\"]")


def alembic_config(connection: Connection | None = None, *, script_location: Path | None = None) -> Config:
    """A programmatic Alembic Config; ``connection`` is handed to env.py through ``config.attributes``."""
    from alembic.config import Config

    cfg = Config()
    location = script_location or MIGRATIONS_DIR
    cfg.set_main_option("script_location", str(location).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@lru_cache(maxsize=4)
def _script_directory(location: str) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location=Path(location)))


def script_directory() -> ScriptDirectory:
    """Alembic's view of the scripts (imports Alembic: for upgrades, tools and tests, not for every start)."""
    return _script_directory(str(MIGRATIONS_DIR))


def _version_files(location: Path) -> tuple[tuple[str, int], ...]:
    folder = location / "versions"
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.py") if p.name != "__init__.py"))


@lru_cache(maxsize=8)
def _scan(location: str, _files: tuple[tuple[str, int], ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(every revision, the heads) read from the scripts' text; keyed on the file list so an edit is seen."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for name, _mtime in _files:
        text = (Path(location) / "versions" / name).read_text(encoding="utf-8")
        found = _REVISION_RE.search(text)
        if found is None:
            continue
        revisions.add(found.group(1))
        down = _DOWN_RE.search(text)
        if down is not None:
            parents.update(_QUOTED_RE.findall(down.group(1)))
    return frozenset(revisions), frozenset(revisions - parents)


def _revisions_and_heads() -> tuple[frozenset[str], frozenset[str]]:
    location = MIGRATIONS_DIR
    return _scan(str(location), _version_files(location))


def head_revision() -> str:
    """The revision this program's models correspond to."""
    _all, heads = _revisions_and_heads()
    if len(heads) != 1:  # pragma: no cover - the package always ships one line of revisions
        raise RuntimeError(f"expected one Alembic head in {MIGRATIONS_DIR}, found {sorted(heads)}")
    return next(iter(heads))


def known_revisions() -> frozenset[str]:
    return _revisions_and_heads()[0]


def is_known_revision(revision: str | None) -> bool:
    """None (no schema yet) and every revision in our scripts are known; anything else is from a newer program."""
    return revision is None or revision in known_revisions()


def current_revision(engine: Engine) -> str | None:
    """The database's revision (plain SQL on ``alembic_version``), None when it has no schema yet."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()


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
    from alembic import command

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
