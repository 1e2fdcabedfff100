"""Start-up does no work that can wait: 登录 is painted before the storage layer is imported, the schema
revision is read without Alembic, and a start on an up-to-date database imports neither Alembic nor the PDF or
spreadsheet libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from zhucun_desktop.storage import migrate

ROOT = Path(__file__).resolve().parents[2]
# chinese_calendar (~15 ms) is still imported at start by domain/workcalendar.py via the 首页 dashboard.
DEFERRED = ("alembic", "reportlab", "openpyxl", "mako")


def test_the_revisions_read_from_the_scripts_are_alembics(tmp_path, monkeypatch):
    scripts = migrate.script_directory()
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    folder = tmp_path / "migrations" / "versions"
    folder.mkdir(parents=True)
    (folder / "0001_a.py").write_text('revision: str = "0001"\ndown_revision = None\n', encoding="utf-8")
    (folder / "0002_b.py").write_text("revision = '0002'\ndown_revision: str | None = '0001'\n", encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder.parent)
    assert migrate.head_revision() == "0002" and migrate.known_revisions() == {"0001", "0002"}
    assert not migrate.is_known_revision("0003") and migrate.needs_upgrade("0001")


def test_a_start_on_an_up_to_date_database_defers_the_heavy_libraries(db_path):
    code = ("import json, sys\nfrom zhucun_desktop.gui import app\n"
            f"rc = app.main(['--smoke-test', '--db', {str(db_path)!r}])\n"
            f"print(json.dumps([rc, sorted(m for m in sys.modules if m.split('.')[0] in {DEFERRED!r})]))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    rc, loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert rc == 0, result.stderr
    assert loaded == []



def test_the_sign_in_window_is_painted_before_sqlalchemy_is_imported(db_path):
    code = ("import json, sys\nfrom zhucun_desktop.gui import app\nseen = {}\n"
            "note = app._smoke_note\n"
            "def record(text):\n"
            "    seen[text] = sorted(m for m in ('sqlalchemy', 'zhucun_desktop.storage.models') if m in sys.modules)\n"
            "    note(text)\n"
            "app._smoke_note = record\n"
            f"rc = app.main(['--smoke-test', '--db', {str(db_path)!r}])\n"
            "print(json.dumps([rc, seen]))")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    rc, seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert rc == 0, result.stderr
    assert seen == {"登录窗口已显示": [], "主窗口已显示": ["sqlalchemy", "zhucun_desktop.storage.models"]}
    assert "启动自检：登录窗口已显示" in result.stderr
