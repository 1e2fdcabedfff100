"""Helpers shared by the storage tests (a module with a unique name, importable in pytest's default import mode)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from zhucun_desktop.storage.database import Database, open_database
from zhucun_desktop.storage.models import County

REPO_ROOT = Path(__file__).resolve().parents[2]
MORNING = datetime(2026, 11, 23, 9, 12, 0)


def add_counties(db: Database, *names: str) -> None:
    with db.session() as s, s.begin():
        for name in names:
            s.add(County(name=name, origin_site="test-site"))


def county_names(path: Path, *, on_read_only_media: bool = False) -> list[str]:
    """Read straight from the file, read-only, so the check cannot change what it checks.

    A WAL database on read-only media cannot even be read normally (SQLite needs to create its -shm file), so
    there the file is read as immutable: only valid for a cleanly closed database.
    """
    query = "?mode=ro&immutable=1" if on_read_only_media else "?mode=ro"
    conn = sqlite3.connect(path.absolute().as_uri() + query, uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM counties"))
    finally:
        conn.close()


def revision_of(path: Path) -> str | None:
    conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_database_with_data(path: Path, rows: int = 1500) -> None:
    """A closed database with enough rows to span many pages (so its middle pages can be damaged)."""
    db = open_database(path, now=MORNING)
    try:
        add_counties(db, *(f"第{i:05d}县——用来占满好几页的长名字" for i in range(rows)))
    finally:
        db.close()


def damage_middle_pages(path: Path, pages: int = 6) -> None:
    """Overwrite pages in the middle of the file with junk, as a failing disk or a cut power line would."""
    page_size = 4096
    size = path.stat().st_size
    assert size > 20 * page_size, "the database is too small to damage its middle"
    start = (size // page_size // 2) * page_size
    with open(path, "r+b") as fh:
        fh.seek(start)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(pages * page_size)))


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def start_python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=python_env(),
        cwd=REPO_ROOT,
    )
