"""``zhucun calendar …`` and ``zhucun attendance …``: the working-day calendar and the monthly attendance
table (§7) from the command line, through the same services as the GUI.

Wired into :mod:`zhucun_desktop.cli` by ``register(commands, run)``, with cli_common's shared steps. It follows
cli.py's contract: exit 0 done, 1 input refused (every reason on stderr), 2 usage or environment; each error
one ``中文 / English`` line. Services and libraries are imported by the command that needs them, so ``zhucun --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from .cli import EXIT_OK, EXIT_REFUSED, CliError, _error, _say
from .cli_common import (
    ONE_TOWNSHIP_HELP,
    Runner,
    chosen_township,
    command_maker,
    dry_run_option,
    output_option,
    parse_month,
    subcommands,
    township_option,
)

if TYPE_CHECKING:
    from .services.workspace import Workspace


# ---------------------------------------------------------------- calendar ----------------------------------


def calendar_show(ws: Workspace, args: argparse.Namespace) -> int:
    """Per month: working days, and the due date of that month's table (§7: 次月第5个工作日)."""
    import json

    from .services.calendar import calendar_year_summary

    months = calendar_year_summary(ws, args.year)
    if args.json:
        _say(json.dumps({"year": args.year, "months": [
            {"month": m.month, "working_days": m.working_days,
             "attendance_due": m.attendance_due.isoformat() if m.attendance_due else None} for m in months]},
            ensure_ascii=False))
        return EXIT_OK
    _say(f"{args.year}年工作日历 / working-day calendar")
    _say("月份       工作日  考勤表报送截止（次月第5个工作日）")
    for m in months:
        working = f"{m.working_days:>4}" if m.working_days is not None else "   —"
        due = m.attendance_due.isoformat() if m.attendance_due else "—"
        _say(f"{m.month}  {working}    {due}")
    # A month's due date falls in the next month, so December's needs next year's calendar.
    missing = sorted({args.year + 1 if m.month.endswith("-12") else args.year
                      for m in months if m.attendance_due is None})
    for year in missing:
        _say(f"“—”：缺少{year}年的工作日历，不推算；请用 zhucun calendar import 导入县里下发的日历 "
             f"/ the {year} calendar is missing and is never guessed")
    return EXIT_OK


def calendar_import(ws: Workspace, args: argparse.Namespace) -> int:
    """导入工作日历: all or nothing; every bad row on stderr."""
    from .services.calendar import import_calendar

    report = import_calendar(ws, args.file, args.year)
    if not report.ok:
        for line in report.errors:
            print(line, file=sys.stderr)
        _error(f"日历文件有{len(report.errors)}处问题，未导入任何数据",
               f"{len(report.errors)} problems in the calendar file, nothing imported")
        return EXIT_REFUSED
    _say(report.summary())
    if report.backup_path:
        _say(f"导入前的备份：{report.backup_path}")
    return EXIT_OK


# ---------------------------------------------------------------- attendance --------------------------------


def attendance_pdf(ws: Workspace, args: argparse.Namespace) -> int:
    """打印考勤表 (PDF): one township, or every township the user may see."""
    from .services.attendance_io import export_attendance_pdf

    year, month = parse_month(args.month)
    pages = export_attendance_pdf(ws, args.output, year, month, chosen_township(ws, args.township))
    _say(f"已生成{year}年{month}月考勤表PDF（{pages}页）：{args.output} / attendance PDF written")
    return EXIT_OK


def attendance_xlsx(ws: Workspace, args: argparse.Namespace) -> int:
    """导出考勤表 (XLSX), in the layout ``attendance import`` reads back."""
    from .services.attendance_io import export_attendance_xlsx

    year, month = parse_month(args.month)
    rows = export_attendance_xlsx(ws, args.output, year, month, chosen_township(ws, args.township))
    _say(f"已导出{year}年{month}月考勤表（{rows}人次）：{args.output} / attendance XLSX written")
    return EXIT_OK


def attendance_import(ws: Workspace, args: argparse.Namespace) -> int:
    """导入考勤表 (XLSX) of one township: any bad row or cell and nothing is taken."""
    from .services.attendance_io import import_attendance_xlsx

    year, month = parse_month(args.month)
    township_uuid = chosen_township(ws, args.township)
    if township_uuid is None:
        raise CliError("请用 --township 指定要导入的乡镇", "--township is required for an import")
    report = import_attendance_xlsx(ws, township_uuid, year, month, args.file, dry_run=args.dry_run)
    for line in report.warnings:
        _say(f"提示 {line}")
    if not report.ok:
        for line in report.errors:
            print(line, file=sys.stderr)
        _error(f"有{len(report.errors)}处问题，未导入任何数据：请改正后重新导入",
               f"{len(report.errors)} problems, nothing imported")
        return EXIT_REFUSED
    _say(("预览（未写入数据库）：" if args.dry_run else "导入：") + report.summary())
    if report.not_in_file:
        _say(f"文件中没有、未改动：{'、'.join(report.not_in_file)}")
    if report.backup_path:
        _say(f"导入前的备份：{report.backup_path}")
    return EXIT_OK


# ---------------------------------------------------------------- parser ------------------------------------


def register(subparsers: Any, run: Runner | None = None) -> None:
    """Add ``calendar`` and ``attendance`` to the ``zhucun`` command's subparsers.

    ``run(args, job)`` opens the database and calls ``job(workspace, args)``; None uses
    :func:`zhucun_desktop.cli_common.open_and_run`, which is cli.py's own opening and identity steps.
    """
    command = command_maker(run)

    def month_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，例如 2026-10 / month")

    calendar = command(subparsers, "calendar", None, "工作日历：查看、导入 / working-day calendar")
    calendar_commands = subcommands(calendar, "calendar_command")
    p = command(calendar_commands, "show", calendar_show,
                "每月工作日和考勤表报送截止日 / working days and attendance due date per month")
    p.add_argument("year", type=int, metavar="YEAR", help="年份 / year")
    p.add_argument("--json", action="store_true",
                   help='输出 JSON / {"year": Y, "months": [{"month", "working_days", "attendance_due"}]}')
    p = command(calendar_commands, "import", calendar_import,
                "导入县里下发的工作日历（xlsx/csv：日期、类型、说明）/ import the county calendar")
    p.add_argument("file", metavar="FILE", help="日历文件 xlsx 或 csv / calendar file")
    p.add_argument("--year", type=int, default=None, metavar="YEAR",
                   help="文件所属年份（不写则按文件判断）/ the year the file is for")

    attendance = command(subparsers, "attendance", None, "月度考勤表：打印、导出、导入 / monthly attendance")
    attendance_commands = subcommands(attendance, "attendance_command")
    p = command(attendance_commands, "pdf", attendance_pdf, "打印考勤表 PDF / print the attendance table")
    month_options(p)
    township_option(p)
    output_option(p, "FILE.pdf", "PDF 文件 / output file")
    p = command(attendance_commands, "xlsx", attendance_xlsx, "导出考勤表 XLSX / export the attendance table")
    month_options(p)
    township_option(p)
    output_option(p, "FILE.xlsx", "XLSX 文件 / output file")
    p = command(attendance_commands, "import", attendance_import,
                "导入一个乡镇的考勤表 XLSX / import one township's attendance XLSX")
    month_options(p)
    township_option(p, ONE_TOWNSHIP_HELP)
    p.add_argument("file", metavar="FILE.xlsx", help="考勤表文件 / attendance spreadsheet")
    dry_run_option(p)
