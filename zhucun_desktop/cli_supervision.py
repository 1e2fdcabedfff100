"""``zhucun ledger export …`` and ``zhucun duties …``: the 负面清单及整改台账 (§13) and the duty tracker from
the command line, through the same services as the GUI.

Wired into :mod:`zhucun_desktop.cli` by ``register(commands, run)`` with cli_common's shared steps: exit 0
done, 1 input refused (reasons on stderr), 2 usage or environment; each error one ``中文 / English`` line.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from .cli import EXIT_OK, _say
from .cli_common import (
    Runner,
    chosen_township,
    command_maker,
    date_option,
    output_kind,
    output_option,
    subcommands,
    township_option,
)

if TYPE_CHECKING:
    from .services.workspace import Workspace


def ledger_export(ws: Workspace, args: argparse.Namespace) -> int:
    """打印或导出台账: ``.pdf`` (A4 landscape) or ``.xlsx``, one township or every township the user sees."""
    from .services.ledger_export import export_ledger

    output_kind(args.output)
    count = export_ledger(ws, args.output, township_uuid=chosen_township(ws, args.township),
                          today=args.date or date.today())
    _say(f"已导出负面清单及整改台账（{count}条）：{args.output} / ledger written ({count} rows)")
    return EXIT_OK


def duties_show(ws: Workspace, args: argparse.Namespace) -> int:
    """履职事项: 逾期 / 即将到期 / 待办 per township for a date; ``--json`` lists every instance."""
    import json

    from .services.duties import duty_overview

    today = args.date or date.today()
    overview = duty_overview(ws, today=today, township_uuid=chosen_township(ws, args.township))
    if args.json:
        _say(json.dumps({
            "date": today.isoformat(), "counts": overview.counts,
            "townships": [{"township": g.township_name, "counts": g.counts, "items": [
                {"duty": i.duty_name, "key": i.duty_key, "rule": i.rule, "subject": i.subject_name,
                 "period": i.period_label, "due": i.due.isoformat(), "state": i.state,
                 "done_on": i.done_on.isoformat() if i.done_on else None} for i in g.instances]}
                for g in overview.groups]}, ensure_ascii=False))
        return EXIT_OK
    _say(f"{today.year}年{today.month}月{today.day}日履职事项 / duties on {today.isoformat()}")
    for g in overview.groups:
        c = g.counts
        _say(f"{g.township_name}：逾期 {c['逾期']}，即将到期 {c['即将到期']}，待办 {c['待办']}，已完成 {c['已完成']}")
        for i in sorted((i for i in g.instances if i.state != "已完成"),
                        key=lambda i: (i.state != "逾期", i.due, i.duty_key, i.subject_name)):
            _say(f"  [{i.state}] {i.due.isoformat()} {i.duty_name}（{i.rule}）{i.period_label} {i.subject_name}")
    return EXIT_OK


def register(subparsers: Any, run: Runner | None = None) -> None:
    """Add ``ledger`` and ``duties`` to the ``zhucun`` command's subparsers (``run`` as in cli_common)."""
    command = command_maker(run)

    def date_arg(sub: argparse.ArgumentParser, help_text: str) -> None:
        sub.add_argument("--date", type=date_option("--date"), default=None, metavar="YYYY-MM-DD",
                         help=help_text)

    ledger = command(subparsers, "ledger", None, "负面清单及整改台账 / the rectification ledger (§13)")
    p = command(subcommands(ledger, "ledger_command"), "export", ledger_export,
                "打印（PDF）或导出（XLSX）整改台账 / print or export the ledger")
    township_option(p)
    date_arg(p, "按哪一天计算逾期（默认今天）/ as of date")
    output_option(p, "FILE.pdf|FILE.xlsx")
    p = command(subparsers, "duties", duties_show,
                "履职事项：逾期、即将到期、待办 / recurring duties and their due dates")
    township_option(p)
    date_arg(p, "日期（默认今天）/ date (default today)")
    p.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
