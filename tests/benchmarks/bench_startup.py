"""Cold start to a usable main window, against a bare PySide6 QMainWindow started the same way.

Both run as fresh processes (offscreen): ours is `python -m zhucun_desktop.gui.app --smoke-test --db DEMO`,
which opens the database, builds the main window, processes events and quits. Goal: ≤ 1.5×.
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    print(run(parser.parse_args().runs).line())
