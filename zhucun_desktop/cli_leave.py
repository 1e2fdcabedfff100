"""``zhucun leave …``: the leave requests (请销假, §8) from the command line, through the same services as the GUI.

``list`` shows the month's requests with their state today, ``sweep`` marks 逾期未销假 and writes the 旷 days
(a township runs it daily, e.g. from the Windows task scheduler), ``form`` prints one request's two-copy
请假审批表 and ``book`` the month's 请销假登记簿. Wired into :mod:`zhucun_desktop.cli` by ``register``; the exit
codes are cli.py's (0 done, 1 input refused, 2 usage or environment, 3 bug).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from .cli import EXIT_OK, EXIT_REFUSED, CliError, _say
from .cli_common import (
    Runner,
    chosen_township,
    command_maker,
    date_option,
    output_kind,
    output_option,
    parse_month,
    subcommands,
    township_option,
)

if TYPE_CHECKING:
    from .services.workspace import Workspace


def _request_uuid(ws: Workspace, ref: str) -> str:
    """A request by its full uuid or the printed 编号 (its first 8 characters, any case)."""
    from sqlalchemy import select

    from .storage.models import LeaveRequest

    ref = ref.strip().lower()
    with ws.read() as s:
        found = s.scalars(select(LeaveRequest.uuid).where(LeaveRequest.deleted.is_(False),
                                                          LeaveRequest.uuid.like(f"{ref}%"))).all()
    if len(found) != 1 or len(ref) < 8:
        why = "有多份请假以它开头" if len(found) > 1 else "没有这份请假"
        raise CliError(f"请假编号“{ref}”：{why}（请用 zhucun leave list 查看编号，至少8位）",
                       f"no single leave request {ref!r}", code=EXIT_REFUSED)
    return found[0]


def leave_list(ws: Workspace, args: argparse.Namespace) -> int:
    """请假列表: the requests overlapping the month (or all), with today's state."""
    import json

    from .services.leave import list_requests

    month = None
    if args.month:
        year, mon = parse_month(args.month)
        month = f"{year:04d}-{mon:02d}"
    today = args.today or date.today()
    rows = list_requests(ws, township_uuid=chosen_township(ws, args.township) if args.township else None,
                         month=month, today=today)
    if args.json:
        _say(json.dumps([{
            "id": r.uuid, "no": r.uuid[:8].upper(), "name": r.name, "role": r.role, "township": r.township,
            "village": r.village, "kind": r.kind, "start": r.start.isoformat(), "end": r.end.isoformat(),
            "days": r.days, "state": r.state, "next_body": r.next_body,
            "return_due": r.return_due.isoformat() if r.return_due else None,
            "returned_on": r.returned_on.isoformat() if r.returned_on else None,
            "absent_days": r.overdue_days} for r in rows], ensure_ascii=False))
        return EXIT_OK
    _say(f"请假 {len(rows)} 份（{today:%Y-%m-%d}的状态）/ {len(rows)} leave requests")
    for r in rows:
        waiting = f"，待{r.next_body}签字" if r.next_body else ""
        absent = f"，旷工{r.overdue_days}天" if r.overdue_days else ""
        _say(f"{r.uuid[:8].upper()}  {r.township}{r.village} {r.name}（{r.role}） {r.kind} "
                 f"{r.start:%Y-%m-%d}至{r.end:%Y-%m-%d} {r.days}天  {r.state}{waiting}{absent}")
    return EXIT_OK


def leave_sweep(ws: Workspace, args: argparse.Namespace) -> int:
    """逾期未销假: mark overdue requests and write their 旷 days; catch the attendance up with approvals."""
    from .services.leave import sweep_overdue

    report = sweep_overdue(ws, args.today or date.today())
    for line in report.lines():
        _say(line)
    return EXIT_OK


def leave_form(ws: Workspace, args: argparse.Namespace) -> int:
    """打印请假审批表 (PDF, the two copies 各执一联)."""
    from .reports.leave_form_pdf import write_leave_form_pdf
    from .services.leave_print import leave_form as build_form

    form = build_form(ws, _request_uuid(ws, args.request), today=args.today)
    write_leave_form_pdf(form, args.output)
    _say(f"已生成请假审批表（{form.name}，{form.kind}{form.days}天）：{args.output} / leave form written")
    return EXIT_OK


def leave_book(ws: Workspace, args: argparse.Namespace) -> int:
    """请销假登记簿 of a month, PDF or XLSX by the output's suffix."""
    from .services.leave_print import leave_book as build_book

    year, month = parse_month(args.month)
    suffix = output_kind(args.output)
    book = build_book(ws, chosen_township(ws, args.township), year, month, today=args.today)
    from .reports import leave_book as writers

    (writers.write_leave_book_pdf if suffix == "pdf" else writers.write_leave_book_xlsx)(book, args.output)
    _say(f"已生成{book.title}（{len(book.rows)}条）：{args.output} / leave book written")
    return EXIT_OK


def register(subparsers: Any, run: Runner | None = None) -> None:
    """Add ``leave`` to the ``zhucun`` command's subparsers (``run`` as in ``cli_common.command_maker``)."""
    make = command_maker(run)

    def command(owner: Any, name: str, job: Any, help_text: str) -> argparse.ArgumentParser:
        sub = make(owner, name, job, help_text)
        sub.add_argument("--today", type=date_option("--today"), default=None, metavar="DATE",
                         help="按这一天计算状态（默认今天）/ the day states are computed for (default: today)")
        return sub

    leave = make(subparsers, "leave", None, "请销假：列表、逾期检查、打印 / leave requests (§8)")
    commands = subcommands(leave, "leave_command")
    p = command(commands, "list", leave_list, "请假列表及今天的状态 / leave requests and their state")
    p.add_argument("--month", default=None, metavar="YYYY-MM", help="只列与该月重叠的请假 / overlapping this month")
    township_option(p)
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    command(commands, "sweep", leave_sweep,
            "逾期未销假检查：登记旷工天数，补写已批准请假的考勤 / mark overdue leave and write 旷 days")
    p = command(commands, "form", leave_form, "打印请假审批表 PDF / print one request's form")
    p.add_argument("request", metavar="REQUEST_ID", help="请假编号（列表中的8位编号或完整编号）/ request id")
    output_option(p, "FILE.pdf", "PDF 文件 / output file")
    p = command(commands, "book", leave_book, "打印请销假登记簿 PDF 或 XLSX / the month's leave book")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，例如 2026-11 / month")
    township_option(p)
    output_option(p, "FILE", "FILE.pdf 或 FILE.xlsx / output file")
