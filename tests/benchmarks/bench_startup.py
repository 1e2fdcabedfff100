"""Cold start, against a bare PySide6 QMainWindow started the same way (fresh processes, offscreen).

The program shows 登录 first and opens the database while the clerk types (gui/app.py), so two moments count:

- **启动到登录窗口**: from launching ``python -m zhucun_desktop.gui.app --smoke-test --db DEMO`` until the sign-in
  window is painted (the program writes "启动自检：登录窗口已显示" to stderr right after painting it), against
  launching a script that shows a bare QMainWindow and writes a line right after painting it. Goal: ≤ 1.5×.
- **启动到主窗口**: from launching until the main window, with the 首页 read from the demo database, is painted
  ("主窗口已显示"), with no time spent typing — the whole start an impatient clerk could see. Reported against the
  same bare window; ``--floor`` also times the bare window after importing our SQLAlchemy models, the cost any
  start that reads the database pays, to show how much of the gap is left to our own code.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Result

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show()
app.processEvents(); w.repaint(); app.processEvents()
sys.stderr.write("painted\\n"); sys.stderr.flush()
"""
MODELS_THEN_BARE = "import zhucun_desktop.storage.models\n" + BARE
LOGIN_SHOWN = "登录窗口已显示"
MAIN_SHOWN = "主窗口已显示"


def _env(tmp: str) -> dict[str, str]:
    """Offscreen, and with compiled bytecode kept (under ``tmp``) as an installed program has it: a machine
    with PYTHONDONTWRITEBYTECODE would otherwise compile every one of our modules at every start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8",
               PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def milestones(args: list[str], markers: tuple[str, ...], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch until each marker line appears on the child's stderr (and "exit" until it ends)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen: dict[str, float] = {}
    assert proc.stderr is not None
    for raw in proc.stderr:
        line = raw.decode("utf-8", "replace")
        for marker in markers:
            if marker in line and marker not in seen:
                seen[marker] = time.perf_counter() - start
    if proc.wait() != 0:
        raise RuntimeError(f"{args} failed with {proc.returncode}")
    seen["exit"] = time.perf_counter() - start
    missing = [m for m in markers if m not in seen]
    if missing:
        raise RuntimeError(f"{args} never wrote {missing}")
    return seen


def run(runs: int = 5, seed: int = 2026) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        db = Path(tmp) / "demo.db"
        subprocess.run([sys.executable, "-m", "zhucun_desktop", "demo", "--db", str(db), "--seed", str(seed)],
                       check=True, env=env, capture_output=True)
        ours_cmd = [sys.executable, "-m", "zhucun_desktop.gui.app", "--smoke-test", "--db", str(db)]
        bare_cmd = [sys.executable, "-c", BARE]
        milestones(ours_cmd, (LOGIN_SHOWN, MAIN_SHOWN), env)  # warm the file and bytecode caches for both
        milestones(bare_cmd, ("painted",), env)
        login, main, bare = [], [], []
        for _ in range(runs):  # alternating, so that drift of a shared machine hits both alike
            ours = milestones(ours_cmd, (LOGIN_SHOWN, MAIN_SHOWN), env)
            login.append(ours[LOGIN_SHOWN])
            main.append(ours[MAIN_SHOWN])
            bare.append(milestones(bare_cmd, ("painted",), env)["painted"])
    baseline = statistics.median(bare)
    return [Result("启动到登录窗口 (start to sign-in window)", statistics.median(login), baseline, "≤1.5×"),
            Result("启动到主窗口 (start to main window, no typing)", statistics.median(main), baseline, "—")]


def floor(runs: int = 5) -> Result:
    """The bare window with the SQLAlchemy models imported first, against the bare window."""
    models, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(tmp)
        for _ in range(runs + 1):  # the first pair only fills the bytecode cache
            models.append(milestones([sys.executable, "-c", MODELS_THEN_BARE], ("painted",), env)["painted"])
            bare.append(milestones([sys.executable, "-c", BARE], ("painted",), env)["painted"])
    models, bare = models[1:], bare[1:]
    return Result("下限：模型+空窗口 (floor: models + bare window)", statistics.median(models),
                  statistics.median(bare), "—")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--floor", action="store_true", help="also time the floor (models + bare window)")
    options = parser.parse_args()
    for result in run(options.runs):
        print(result.line())
    if options.floor:
        print(floor(options.runs).line())
