"""``python -m zhucun_desktop``: the command-line tool (the GUI is ``python -m zhucun_desktop.gui.app``)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
