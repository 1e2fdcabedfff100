"""Shared fixtures: a real SQLite file per test, a county set up with an administrator, offscreen Qt.

Qt runs offscreen with a CJK font; pytest-qt fails a test on any unexpected Qt warning (pyproject).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from zhucun_desktop.services.accounts import setup_county_site
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database

ADMIN = "admin"
ADMIN_PASSWORD = "zhucun-2026"

_TEMPLATE: dict[str, Path] = {}


def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly set-up county database, built once and copied per test (Anki's idea)."""
    if "county" not in _TEMPLATE:
        folder = tmp_path_factory.mktemp("template")
        path = folder / "county.db"
        db = open_database(path)
        setup_county_site(db, county_name="示例县", admin_username=ADMIN, admin_password=ADMIN_PASSWORD,
                          admin_display_name="李管理")
        db.close()
        _TEMPLATE["county"] = path
    return _TEMPLATE["county"]


@pytest.fixture
def db_path(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path / "data" / "zhucun.db"
    target.parent.mkdir(parents=True)
    shutil.copyfile(_template_db(tmp_path_factory), target)
    return target


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def ws(db) -> Workspace:
    """A county administrator's workspace on a real, set-up SQLite file."""
    from zhucun_desktop.services.accounts import authenticate

    return Workspace(db, authenticate(db, ADMIN, ADMIN_PASSWORD))
