"""``zhucun calendar …`` and ``zhucun attendance …``: the working-day calendar and the monthly attendance
table (§7) from the command line, through the same services as the GUI.

Wired into :mod:`zhucun_desktop.cli` by ``register(commands, run)``. It follows cli.py's contract: exit 0
done, 1 input refused (every reason on stderr), 2 usage or environment; each error one ``中文 / English``
line. Services and libraries are imported by the command that needs them, so ``zhucun --help`` stays fast.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .services.workspace import Workspace

#: A command's body: given the workspace on ``--db`` and the parsed arguments, it returns the exit code.
Job = Callable[["Workspace", argparse.Namespace], int]
#: How cli.py runs a job: opens ``args.db``, makes the workspace (system actor or ``--user``), calls the job.
Runner = Callable[[argparse.Namespace, Job], int]

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def open_and_run(args: argparse.Namespace, job: Job) -> int:
    """The default runner: cli.py's own steps (lock-aware open, identity from --user or the system actor)."""
    from .cli import _open, _workspace

    with _open(args) as db:
        return job(_workspace(db, args), args)


def _cli() -> Any:
    from . import cli

    return cli


def _month(text: str) -> tuple[int, int]:
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        cli = _cli()
        raise cli.CliError(f"--month 应写成 年-月，例如 2026-10，而不是“{text}”",
                           f"--month must be YYYY-MM, not {text!r}")
    return int(match.group(1)), int(match.group(2))


def _township(ws: Workspace, name: str | None) -> str | None:
    """--township NAME → uuid. Without it: a township user's own township, or the county's only one; None
    when the county has several (every township, for the exports)."""
    from .domain.text import normalize
    from .services.org import list_townships

    townships = list_townships(ws)
    if name:
        found = [t.uuid for t in townships if t.name == normalize(name)]
        if not found:
            known = "、".join(t.name for t in townships) or "（无）"
            raise _cli().CliError(f"没有名为“{name}”的乡镇（可选：{known}）", f"no township named {name!r}")
        return found[0]
    if len(townships) == 1 or (townships and not ws.actor.is_county):
        return townships[0].uuid
    return None


# ---------------------------------------------------------------- calendar ----------------------------------


def calendar_show(ws: Workspace, args: argparse.Namespace) -> int:
    """Per month: working days, and the due date of that month's table (§7: 次月第5个工作日)."""
    import json

    from .services.calendar import calendar_year_summary

    months = calendar_year_summary(ws, args.year)
    cli = _cli()
    if args.json:
        cli._say(json.dumps({"year": args.year, "months": [
            {"month": m.month, "working_days": m.working_days,
             "attendance_due": m.attendance_due.isoformat() if m.attendance_due else None} for m in months]},
            ensure_ascii=False))
        return cli.EXIT_OK
    cli._say(f"{args.year}年工作日历 / working-day calendar")
    cli._say("月份       工作日  考勤表报送截止（次月第5个工作日）")
    for m in months:
        working = f"{m.working_days:>4}" if m.working_days is not None else "   —"
        due = m.attendance_due.isoformat() if m.attendance_due else "—"
        cli._say(f"{m.month}  {working}    {due}")
    # A month's due date falls in the next month, so December's needs next year's calendar.
    missing = sorted({args.year + 1 if m.month.endswith("-12") else args.year
                      for m in months if m.attendance_due is None})
    for year in missing:
        cli._say(f"“—”：缺少{year}年的工作日历，不推算；请用 zhucun calendar import 导入县里下发的日历 "
                 f"/ the {year} calendar is missing and is never guessed")
    return cli.EXIT_OK


def calendar_import(ws: Workspace, args: argparse.Namespace) -> int:
    """导入工作日历: all or nothing; every bad row on stderr."""
    from .services.calendar import import_calendar

    cli = _cli()
    report = import_calendar(ws, args.file, args.year)
    if not report.ok:
        for line in report.errors:
            print(line, file=sys.stderr)
        cli._error(f"日历文件有{len(report.errors)}处问题，未导入任何数据",
                   f"{len(report.errors)} problems in the calendar file, nothing imported")
        return cli.EXIT_REFUSED
    cli._say(report.summary())
    if report.backup_path:
        cli._say(f"导入前的备份：{report.backup_path}")
    return cli.EXIT_OK


# ---------------------------------------------------------------- attendance --------------------------------


def attendance_pdf(ws: Workspace, args: argparse.Namespace) -> int:
    """打印考勤表 (PDF): one township, or every township the user may see."""
    from .services.attendance_io import export_attendance_pdf

    year, month = _month(args.month)
    pages = export_attendance_pdf(ws, args.output, year, month, _township(ws, args.township))
    cli = _cli()
    cli._say(f"已生成{year}年{month}月考勤表PDF（{pages}页）：{args.output} / attendance PDF written")
    return cli.EXIT_OK


def attendance_xlsx(ws: Workspace, args: argparse.Namespace) -> int:
    """导出考勤表 (XLSX), in the layout ``attendance import`` reads back."""
    from .services.attendance_io import export_attendance_xlsx

    year, month = _month(args.month)
    rows = export_attendance_xlsx(ws, args.output, year, month, _township(ws, args.township))
    cli = _cli()
    cli._say(f"已导出{year}年{month}月考勤表（{rows}人次）：{args.output} / attendance XLSX written")
    return cli.EXIT_OK


def attendance_import(ws: Workspace, args: argparse.Namespace) -> int:
    """导入考勤表 (XLSX) of one township: any bad row or cell and nothing is taken."""
    from .services.attendance_io import import_attendance_xlsx

    year, month = _month(args.month)
    township = _township(ws, args.township)
    if township is None:
        raise _cli().CliError("请用 --township 指定要导入的乡镇", "--township is required for an import")
    report = import_attendance_xlsx(ws, township, year, month, args.file, dry_run=args.dry_run)
    cli = _cli()
    for line in report.warnings:
        cli._say(f"提示 {line}")
    if not report.ok:
        for line in report.errors:
            print(line, file=sys.stderr)
        cli._error(f"有{len(report.errors)}处问题，未导入任何数据：请改正后重新导入",
                   f"{len(report.errors)} problems, nothing imported")
        return cli.EXIT_REFUSED
    cli._say(("预览（未写入数据库）：" if args.dry_run else "导入：") + report.summary())
    if report.not_in_file:
        cli._say(f"文件中没有、未改动：{'、'.join(report.not_in_file)}")
    if report.backup_path:
        cli._say(f"导入前的备份：{report.backup_path}")
    return cli.EXIT_OK


# ---------------------------------------------------------------- parser ------------------------------------


def register(subparsers: Any, run: Runner | None = None) -> None:
    """Add ``calendar`` and ``attendance`` to the ``zhucun`` command's subparsers.

    ``run(args, job)`` opens the database and calls ``job(workspace, args)``; None uses :func:`open_and_run`,
    which is cli.py's own opening and identity steps.
    """
    cli = _cli()
    runner = run or open_and_run
    identity = cli._identity_options()
    fmt = argparse.RawDescriptionHelpFormatter

    def command(owner: Any, name: str, job: Job | None, help_text: str) -> argparse.ArgumentParser:
        sub = owner.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                               parents=[identity])
        if job is not None:
            sub.set_defaults(func=lambda args: runner(args, job))
        return sub

    def db_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--db", required=True, metavar="PATH", help="数据库文件 / database file")

    def month_options(sub: argparse.ArgumentParser, township_help: str) -> None:
        db_option(sub)
        sub.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，例如 2026-10 / month")
        sub.add_argument("--township", default=None, metavar="NAME", help=township_help)

    every = "乡镇名称；县里不写则为全部乡镇 / township name (county: every township when omitted)"
    one = "乡镇名称；县里有多个乡镇时必须写 / township name (required when the county has several)"

    calendar = command(subparsers, "calendar", None, "工作日历：查看、导入 / working-day calendar")
    calendar_commands = calendar.add_subparsers(dest="calendar_command", metavar="子命令", required=True)
    p = command(calendar_commands, "show", calendar_show,
                "每月工作日和考勤表报送截止日 / working days and attendance due date per month")
    p.add_argument("year", type=int, metavar="YEAR", help="年份 / year")
    db_option(p)
    p.add_argument("--json", action="store_true",
                   help='输出 JSON / {"year": Y, "months": [{"month", "working_days", "attendance_due"}]}')
    p = command(calendar_commands, "import", calendar_import,
                "导入县里下发的工作日历（xlsx/csv：日期、类型、说明）/ import the county calendar")
    db_option(p)
    p.add_argument("file", metavar="FILE", help="日历文件 xlsx 或 csv / calendar file")
    p.add_argument("--year", type=int, default=None, metavar="YEAR",
                   help="文件所属年份（不写则按文件判断）/ the year the file is for")

    attendance = command(subparsers, "attendance", None, "月度考勤表：打印、导出、导入 / monthly attendance")
    attendance_commands = attendance.add_subparsers(dest="attendance_command", metavar="子命令",
                                                    required=True)
    p = command(attendance_commands, "pdf", attendance_pdf, "打印考勤表 PDF / print the attendance table")
    month_options(p, every)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF 文件 / output file")
    p = command(attendance_commands, "xlsx", attendance_xlsx, "导出考勤表 XLSX / export the attendance table")
    month_options(p, every)
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="XLSX 文件 / output file")
    p = command(attendance_commands, "import", attendance_import,
                "导入一个乡镇的考勤表 XLSX / import one township's attendance XLSX")
    month_options(p, one)
    p.add_argument("file", metavar="FILE.xlsx", help="考勤表文件 / attendance spreadsheet")
    p.add_argument("--dry-run", action="store_true", help="只检查和预览，不写入 / check and preview only")
