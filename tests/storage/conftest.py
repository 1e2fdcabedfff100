"""Fixtures for the storage tests: real SQLite files in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage.storage_helpers import MORNING
from zhucun_desktop.storage.database import Database, open_database


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """Where a test's database lives: a Chinese name in a sub-folder, as on a township PC."""
    return tmp_path / "数据" / "东风镇.db"


@pytest.fixture
def opened(db_file: Path) -> Iterator[Database]:
    database = open_database(db_file, now=MORNING)
    yield database
    database.close()
