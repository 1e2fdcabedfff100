"""PyInstaller entry point of ``zhucun-desktop`` (windowed): the same ``main`` as the installed gui-script.

On Linux the bundle ships this one executable for both programs (a console/GUI split matters only on Windows):
``zhucun`` is a shell launcher that runs ``zhucun-desktop --cli ARGS`` (packaging/zhucun.spec writes it), and
``--cli`` as the first argument hands the rest to the command-line tool (entry_cli.py).
"""

import sys

CLI_SWITCH = "--cli"

if __name__ == "__main__":
    if sys.argv[1:2] == [CLI_SWITCH]:
        del sys.argv[1]
        from entry_cli import main as cli_main

        sys.exit(cli_main())
    from zhucun_desktop.gui.app import main

    sys.exit(main())
