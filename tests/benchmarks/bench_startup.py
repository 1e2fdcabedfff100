"""Cold start to a usable main window, against a bare PySide6 QMainWindow started the same way.

Both run as fresh processes (offscreen): ours is `python -m zhucun_desktop.gui.app --smoke-test --db DEMO`,
which opens the database, builds the main window, processes events and quits. Goal: ≤ 1.5×.

``--floor`` also times the same bare window after importing our SQLAlchemy models (what any start that reads
the database must pay before its first query), to show how much of the gap is left to our own code.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result, alternate

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show()
app.processEvents()
sys.exit(0)
"""
MODELS_THEN_BARE = "import zhucun_desktop.storage.models\n" + BARE


def run(runs: int = 5, seed: int = 2026) -> Result:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        subprocess.run([sys.executable, "-m", "zhucun_desktop", "demo", "--db", str(db), "--seed", str(seed)],
                       check=True, env=env, capture_output=True)

        def ours() -> None:
            subprocess.run([sys.executable, "-m", "zhucun_desktop.gui.app", "--smoke-test", "--db", str(db)],
                           check=True, env=env, capture_output=True)

        def bare() -> None:
            subprocess.run([sys.executable, "-c", BARE], check=True, env=env, capture_output=True)

        ours()  # warm the file cache for both
        bare()
        a, b = alternate(ours, bare, runs)
    return Result("启动到主窗口 (start to main window)", a, b, "≤1.5×")


def floor(runs: int = 5) -> Result:
    """The bare window with the SQLAlchemy models imported first, against the bare window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def models() -> None:
        subprocess.run([sys.executable, "-c", MODELS_THEN_BARE], check=True, env=env, capture_output=True)

    def bare() -> None:
        subprocess.run([sys.executable, "-c", BARE], check=True, env=env, capture_output=True)

    models()
    bare()
    a, b = alternate(models, bare, runs)
    return Result("下限：模型+空窗口 (floor: models + bare window)", a, b, "—")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--floor", action="store_true", help="also time the floor (models + bare window)")
    options = parser.parse_args()
    print(run(options.runs).line())
    if options.floor:
        print(floor(options.runs).line())
