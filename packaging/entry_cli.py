"""PyInstaller entry point of ``zhucun`` (console): the same ``main`` as the installed console script."""

import sys

from zhucun_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
