#!/usr/bin/env python3
"""Compile the Qt Designer forms: every ``zhucun_desktop/ui/*.ui`` → ``zhucun_desktop/gui/forms/ui_<name>.py``.

    python tools/build_ui.py            rebuild the committed forms
    python tools/build_ui.py --check    exit 1 when a committed form differs from its .ui file

The generated modules are committed, so a fresh clone and the frozen build need no build step (Picard keeps
``picard/ui/forms/ui_*.py`` the same way); ``tests/gui/test_forms_current.py`` fails when a rebuild was forgotten.

The compiler is the ``uic`` that ships with PySide6 — the same program ``pyside6-uic`` runs — located inside the
installed package, so no ``PATH`` set-up is needed. Its banner names the Qt version; we drop that one line so that
a form compiled with a newer patch release of PySide6 does not count as changed, and we add a ``# ruff: noqa``
line, because generated code follows uic's style, not ours. uic imports a fixed list of QtCore/QtGui names whatever
the form uses; each name PySide6 hands out is a class it must set up (≈30 ms for the list, at every start before
the sign-in window), so the imports are cut to the names the form's code uses.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "zhucun_desktop" / "ui"
FORMS_DIR = ROOT / "zhucun_desktop" / "gui" / "forms"

INIT_TEXT = '''"""Forms compiled from ``zhucun_desktop/ui/*.ui`` by ``tools/build_ui.py``; do not edit by hand."""
'''

_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*\n", re.MULTILINE)
_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import (\([^)]*\)|[^\n]*)\n", re.MULTILINE)


def prune_qt_imports(source: str) -> str:
    """Keep only the PySide6 names the generated code refers to (a module left with none is not imported)."""
    used = set(re.findall(r"\b\w+\b", _QT_IMPORT.sub("", source)))

    def pruned(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).strip("()").split(",") if n.strip()]
        kept = [n for n in names if n in used]
        if not kept:
            return ""
        lines = textwrap.wrap(f"from {match.group(1)} import ({', '.join(kept)})", width=100,
                              subsequent_indent="    ", break_on_hyphens=False)
        return "\n".join(lines) + "\n"

    return _QT_IMPORT.sub(pruned, source)


def uic_executable() -> Path:
    """The uic program inside the installed PySide6 package (what ``pyside6-uic`` calls)."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    candidates = [base / "uic.exe", base / "uic"] if sys.platform == "win32" else [base / "Qt" / "libexec" / "uic"]
    for exe in candidates:
        if exe.is_file():
            return exe
    raise FileNotFoundError(f"PySide6 uic not found under {base}")


def compile_form(ui_file: Path) -> str:
    """The Python source uic generates for one .ui file, without the Qt-version banner line."""
    result = subprocess.run([os.fspath(uic_executable()), "-g", "python", os.fspath(ui_file)],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    if result.returncode != 0:
        raise RuntimeError(f"uic failed on {ui_file.name}: {result.stderr.strip()}")
    # Generated code follows uic's style, not ours: keep ruff out of it (the file says so at the top).
    return "# ruff: noqa\n" + prune_qt_imports(_VERSION_LINE.sub("", result.stdout))


def target_name(ui_file: Path) -> str:
    return f"ui_{ui_file.stem}.py"


def build(out_dir: Path = FORMS_DIR, ui_dir: Path = UI_DIR) -> list[Path]:
    """Compile every form into ``out_dir`` (created if needed) and write its ``__init__.py``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(ui_dir.glob("*.ui")):
        target = out_dir / target_name(ui_file)
        target.write_text(compile_form(ui_file), encoding="utf-8", newline="\n")
        written.append(target)
    init = out_dir / "__init__.py"
    init.write_text(INIT_TEXT, encoding="utf-8", newline="\n")
    written.append(init)
    return written


def stale_forms(out_dir: Path = FORMS_DIR, ui_dir: Path = UI_DIR) -> list[str]:
    """Names of committed forms that are missing or differ from a fresh compile."""
    stale = []
    for ui_file in sorted(ui_dir.glob("*.ui")):
        committed = out_dir / target_name(ui_file)
        if not committed.is_file() or committed.read_text(encoding="utf-8") != compile_form(ui_file):
            stale.append(committed.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compile zhucun_desktop/ui/*.ui with PySide6 uic.")
    parser.add_argument("--check", action="store_true", help="only report forms that need a rebuild")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_forms()
        for name in stale:
            print(f"out of date: {name}")
        return 1 if stale else 0
    for path in build():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
