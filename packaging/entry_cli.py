"""PyInstaller entry point of ``zhucun`` (console): the same ``main`` as the installed console script.

On Windows and macOS this is the script of the ``zhucun`` executable; on Linux the bundle has one executable and
``zhucun`` is a shell launcher running ``zhucun-desktop --cli ...``, which lands here through entry_gui.py.

``zhucun --icu-self-check`` (not in the help: a build check, not a clerk's command) runs packaging/qt_icu_check.py
inside the bundle, proving that Qt still finds what it needs in the trimmed ICU data (tools/build_bundle.py).
"""

import sys


def main() -> int:
    if sys.argv[1:] == ["--icu-self-check"]:
        from qt_icu_check import main as icu_self_check

        return icu_self_check()
    from zhucun_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
