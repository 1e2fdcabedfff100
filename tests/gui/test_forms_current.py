"""The committed forms (gui/forms/ui_*.py) are what uic makes of ui/*.ui today: a forgotten rebuild fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_ui_tool():
    spec = importlib.util.spec_from_file_location("build_ui", ROOT / "tools" / "build_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_designer_form_has_a_committed_module_identical_to_a_fresh_compile(tmp_path):
    tool = _build_ui_tool()
    forms = sorted(p.stem for p in tool.UI_DIR.glob("*.ui"))
    assert {"login", "first_run"} <= set(forms)
    tool.build(tmp_path)
    for name in forms:
        fresh = (tmp_path / f"ui_{name}.py").read_text(encoding="utf-8")
        committed = tool.FORMS_DIR / f"ui_{name}.py"
        assert committed.is_file(), f"{committed.name} missing: run python tools/build_ui.py"
        assert committed.read_text(encoding="utf-8") == fresh, (
            f"{committed.name} is out of date with ui/{name}.ui: run python tools/build_ui.py")
    assert (tool.FORMS_DIR / "__init__.py").read_text(encoding="utf-8") == (tmp_path / "__init__.py").read_text(
        encoding="utf-8")


def test_no_committed_form_is_left_over_from_a_deleted_ui_file():
    tool = _build_ui_tool()
    expected = {f"ui_{p.stem}.py" for p in tool.UI_DIR.glob("*.ui")} | {"__init__.py"}
    assert {p.name for p in tool.FORMS_DIR.glob("*.py")} == expected
