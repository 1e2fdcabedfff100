"""``zhucun ledger export …`` and ``zhucun duties …``: the 负面清单及整改台账 (§13) and the duty tracker from
the command line, through the same services as the GUI.

Wired into :mod:`zhucun_desktop.cli` by ``register(commands, run)``, like cli_attendance: exit 0 done, 1 input
refused (reasons on stderr), 2 usage or environment; each error one ``中文 / English`` line.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from .cli_attendance import Runner, _cli, _township, open_and_run

if TYPE_CHECKING:
    from .services.workspace import Workspace


def _date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _cli().CliError(f"--date 应写成 年-月-日，例如 2026-11-23，而不是“{text}”",
                              f"--date must be YYYY-MM-DD, not {text!r}") from None


def ledger_export(ws: Workspace, args: argparse.Namespace) -> int:
    """打印或导出台账: ``.pdf`` (A4 landscape) or ``.xlsx``, one township or every township the user sees."""
    from .services.ledger_export import export_ledger

    cli = _cli()
    if not args.output.lower().endswith((".pdf", ".xlsx")):
        raise cli.CliError(f"-o 的文件名须以 .pdf 或 .xlsx 结尾，而不是“{args.output}”",
                           "-o must end in .pdf or .xlsx")
    count = export_ledger(ws, args.output, township_uuid=_township(ws, args.township), today=_date(args.date))
    cli._say(f"已导出负面清单及整改台账（{count}条）：{args.output} / ledger written ({count} rows)")
    return cli.EXIT_OK


def duties_show(ws: Workspace, args: argparse.Namespace) -> int:
    """履职事项: 逾期 / 即将到期 / 待办 per township for a date; ``--json`` lists every instance."""
    import json

    from .services.duties import duty_overview

    cli = _cli()
    today = _date(args.date)
    overview = duty_overview(ws, today=today, township_uuid=_township(ws, args.township))
    if args.json:
        cli._say(json.dumps({
            "date": today.isoformat(), "counts": overview.counts,
            "townships": [{"township": g.township_name, "counts": g.counts, "items": [
                {"duty": i.duty_name, "key": i.duty_key, "rule": i.rule, "subject": i.subject_name,
                 "period": i.period_label, "due": i.due.isoformat(), "state": i.state,
                 "done_on": i.done_on.isoformat() if i.done_on else None} for i in g.instances]}
                for g in overview.groups]}, ensure_ascii=False))
        return cli.EXIT_OK
    cli._say(f"{today.year}年{today.month}月{today.day}日履职事项 / duties on {today.isoformat()}")
    for g in overview.groups:
        c = g.counts
        cli._say(f"{g.township_name}：逾期 {c['逾期']}，即将到期 {c['即将到期']}，待办 {c['待办']}，已完成 {c['已完成']}")
        for i in sorted((i for i in g.instances if i.state != "已完成"),
                        key=lambda i: (i.state != "逾期", i.due, i.duty_key, i.subject_name)):
            cli._say(f"  [{i.state}] {i.due.isoformat()} {i.duty_name}（{i.rule}）{i.period_label} {i.subject_name}")
    return cli.EXIT_OK


def register(subparsers: Any, run: Runner | None = None) -> None:
    """Add ``ledger`` and ``duties`` to the ``zhucun`` command's subparsers (``run`` as in cli_attendance)."""
    cli = _cli()
    runner = run or open_and_run
    identity = cli._identity_options()
    fmt = argparse.RawDescriptionHelpFormatter

    def command(owner: Any, name: str, job: Any, help_text: str) -> argparse.ArgumentParser:
        sub = owner.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                               parents=[identity])
        if job is not None:
            sub.set_defaults(func=lambda args: runner(args, job))
            sub.add_argument("--db", required=True, metavar="PATH", help="数据库文件 / database file")
        return sub

    every = "乡镇名称；县里不写则为全部乡镇 / township name (county: every township when omitted)"
    ledger = command(subparsers, "ledger", None, "负面清单及整改台账 / the rectification ledger (§13)")
    ledger_commands = ledger.add_subparsers(dest="ledger_command", metavar="子命令", required=True)
    p = command(ledger_commands, "export", ledger_export,
                "打印（PDF）或导出（XLSX）整改台账 / print or export the ledger")
    p.add_argument("--township", default=None, metavar="NAME", help=every)
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="按哪一天计算逾期（默认今天）/ as of date")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.xlsx", help="输出文件 / output file")
    p = command(subparsers, "duties", duties_show,
                "履职事项：逾期、即将到期、待办 / recurring duties and their due dates")
    p.add_argument("--township", default=None, metavar="NAME", help=every)
    p.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="日期（默认今天）/ date (default today)")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
