"""How the CLI tests call ``zhucun``: in-process, through ``cli.main`` exactly as the installed command runs it,
so the exit code, stdout and stderr (read with pytest's ``capsys``) are the ones a user or a script gets."""

from __future__ import annotations

from zhucun_desktop import cli

#: Every command group that cli.py's build_parser registers from its cli_*.py module.
COMMAND_GROUPS = ("calendar", "attendance", "leave", "ledger", "duties", "site", "package")


def zhucun(*argv: str) -> int:
    """``zhucun ARGV…``: the exit code (0 done, 1 input refused, 2 usage or environment, 3 bug)."""
    return cli.main(list(argv))
