#!/usr/bin/env python3
"""One command for a fresh machine: make the virtual environment, install what is missing, then run.

    python3 tools/dev.py run [--demo] [--db PATH]   start the program (GUI)
    python3 tools/dev.py test [pytest args]          run the test suite
    python3 tools/dev.py cli [zhucun args]           run the command-line tool
    python3 tools/dev.py bench                       run the benchmarks

On Windows use `py tools\\dev.py ...`. Only the standard library is used here, so it runs before anything
is installed. Dependencies are reinstalled when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("ZHUCUN_VENV", ROOT / ".venv"))
WINDOWS = os.name == "nt"
PY = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_env() -> None:
    if not PY.exists():
        print(f"创建虚拟环境 / creating virtual environment: {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".zhucun-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("安装依赖 / installing dependencies …", flush=True)
        subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
        subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"])
        stamp.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "cli", "bench"):
        print(__doc__)
        return 2
    ensure_env()
    cmd, rest = argv[0], argv[1:]
    env = dict(os.environ)
    if cmd == "run":
        args = [str(PY), "-m", "zhucun_desktop.gui.app", *rest]
    elif cmd == "cli":
        args = [str(PY), "-m", "zhucun_desktop", *rest]
    elif cmd == "bench":
        args = [str(PY), str(ROOT / "tests" / "benchmarks" / "run_all.py"), *rest]
    else:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        args = [str(PY), "-m", "pytest", *rest]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
