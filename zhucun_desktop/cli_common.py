"""What the ``zhucun`` command groups of cli_attendance, cli_leave, cli_supervision and cli_handoff share: how a
command is added (identity options, ``--db``, a job run on the opened workspace), and how ``--month``,
``--township``, a date option and an output file chosen by its suffix are read.

One source for these keeps the groups' messages and exit codes alike (cli.py's contract: 0 done, 1 input
refused, 2 usage or environment; each error one ``中文 / English`` line). Only argparse and cli.py are imported
here; the services are imported by the function that needs them, so ``zhucun --help`` stays fast.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from .cli import EXIT_ENVIRONMENT, CliError, _identity_options, _open, _workspace

if TYPE_CHECKING:
    from .services.workspace import Workspace

#: A command's body: given the workspace on ``--db`` and the parsed arguments, it returns the exit code.
Job = Callable[["Workspace", argparse.Namespace], int]
#: How a job is run: opens ``args.db``, makes the workspace (system actor or ``--user``), calls the job.
Runner = Callable[[argparse.Namespace, Job], int]
#: ``command(owner, name, job, help_text)``: adds one (sub)command; see :func:`command_maker`.
CommandMaker = Callable[[Any, str, "Job | None", str], argparse.ArgumentParser]

EVERY_TOWNSHIP_HELP = "乡镇名称；县里不写则为全部乡镇 / township name (county: every township when omitted)"
ONE_TOWNSHIP_HELP = "乡镇名称；县里有多个乡镇时必须写 / township name (required when the county has several)"

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def open_and_run(args: argparse.Namespace, job: Job) -> int:
    """cli.py's own steps: the lock-aware open of ``--db``, identity from ``--user`` or the system actor."""
    with _open(args) as db:
        return job(_workspace(db, args), args)


def command_maker(run: Runner | None = None) -> CommandMaker:
    """The ``command(owner, name, job, help_text)`` a group's ``register`` adds its commands with.

    Every command takes ``--user``/``--password``; one with a job also takes ``--db`` and runs
    ``run(args, job)`` (default :func:`open_and_run`); one without (a group such as ``zhucun leave``) only
    holds subcommands.
    """
    runner = run or open_and_run
    identity = _identity_options()
    fmt = argparse.RawDescriptionHelpFormatter

    def command(owner: Any, name: str, job: Job | None, help_text: str) -> argparse.ArgumentParser:
        sub = owner.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                               parents=[identity])
        if job is not None:
            sub.set_defaults(func=lambda args: runner(args, job))
            sub.add_argument("--db", required=True, metavar="PATH", help="数据库文件 / database file")
        return sub

    return command


def subcommands(group: argparse.ArgumentParser, dest: str) -> Any:
    """The subparsers of a command group (``zhucun attendance pdf|xlsx|import``)."""
    return group.add_subparsers(dest=dest, metavar="子命令", required=True)


# ---------------------------------------------------------------- options ----------------------------------


def parse_month(text: str) -> tuple[int, int]:
    """``--month 2026-10`` → (2026, 10); anything else is a usage error."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise CliError(f"--month 应写成 年-月，例如 2026-10，而不是“{text}”", f"--month must be YYYY-MM, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def date_option(flag: str) -> Callable[[str], date]:
    """An argparse ``type`` for a ``YYYY-MM-DD`` option: a bad date is a usage error naming ``flag``."""

    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise CliError(f"{flag} 应写成 年-月-日，例如 2026-11-23，而不是“{text}”",
                           f"{flag} must be YYYY-MM-DD, not {text!r}") from None

    return parse


def township_named(ws: Workspace, name: str) -> str:
    """The uuid of the township called ``name``; an unknown name is a usage error listing the known ones."""
    from .domain.text import normalize
    from .services.org import list_townships

    townships = list_townships(ws)
    for t in townships:
        if t.name == normalize(name):
            return t.uuid
    known = "、".join(t.name for t in townships) or "（无）"
    raise CliError(f"没有名为“{name}”的乡镇（可选：{known}）", f"no township named {name!r}")


def chosen_township(ws: Workspace, name: str | None) -> str | None:
    """``--township NAME`` → uuid. Without it: a township user's own township, or the county's only one; None
    when the county has several (every township, for the exports)."""
    if name:
        return township_named(ws, name)
    from .services.org import list_townships

    townships = list_townships(ws)
    if len(townships) == 1 or (townships and not ws.actor.is_county):
        return townships[0].uuid
    return None


def output_kind(path: str, kinds: Iterable[str] = ("pdf", "xlsx"), *, code: int = EXIT_ENVIRONMENT) -> str:
    """The kind of file ``-o`` asks for, by its suffix (``pdf`` or ``xlsx``); another suffix is refused."""
    kinds = tuple(kinds)
    suffix = str(path).lower().rsplit(".", 1)[-1]
    if suffix not in kinds:
        wanted = " 或 ".join(f".{k}" for k in kinds)
        raise CliError(f"-o 的文件名须以 {wanted} 结尾，而不是“{path}”",
                       f"-o must end in {' or '.join('.' + k for k in kinds)}", code)
    return suffix


def township_option(sub: argparse.ArgumentParser, help_text: str = EVERY_TOWNSHIP_HELP, *,
                    required: bool = False) -> None:
    sub.add_argument("--township", required=required, default=None, metavar="NAME", help=help_text)


def output_option(sub: argparse.ArgumentParser, metavar: str, help_text: str = "输出文件 / output file") -> None:
    sub.add_argument("-o", "--output", required=True, metavar=metavar, help=help_text)


def dry_run_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--dry-run", action="store_true", help="只检查和预览，不写入 / check and preview only")
