"""PyInstaller entry point of ``zhucun-desktop`` (windowed): the same ``main`` as the installed gui-script."""

import sys

from zhucun_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
