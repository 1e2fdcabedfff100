"""Print and export the 负面清单及整改台账 (§13): the ledger rows the actor may see, in the paper layout, as an
A4 landscape PDF or a print-ready XLSX (reports.ledger_pdf / reports.ledger_xlsx)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path

from ..domain import supervision as sv
from ..reports.ledger_data import LedgerPrint, LedgerPrintRow
from .ledger import LedgerView, list_ledger
from .org import county_name, list_townships
from .workspace import Workspace


def _row(v: LedgerView) -> LedgerPrintRow:
    subject = f"{v.subject_name}（{v.subject_kind}）" if v.subject_name else v.subject_kind
    return LedgerPrintRow(source=v.source, found_on=v.found_on, subject=subject, description=v.description,
                          measures=v.measures, deadline=v.deadline, responsible=v.responsible,
                          progress=v.progress, completed_on=v.completed_on, verification=v.verification_text,
                          circulated=v.circulated, state=v.state, overdue=v.overdue)


def ledger_title(ws: Workspace, township_uuid: str | None) -> str:
    """``东风镇负面清单及整改台账``; the county's whole ledger is ``云岭县负面清单及整改台账``."""
    if township_uuid:
        name = next((t.name for t in list_townships(ws) if t.uuid == township_uuid), "")
    elif not ws.actor.is_county:
        name = next((t.name for t in list_townships(ws)), "")
    else:
        name = county_name(ws)
    return f"{name}负面清单及整改台账"


def ledger_print_data(ws: Workspace, *, township_uuid: str | None = None, today: date | None = None,
                      printed_at: datetime | None = None) -> LedgerPrint:
    today = today or date.today()
    views = list_ledger(ws, township_uuid=township_uuid, today=today)
    counts = Counter(v.state for v in views)
    overdue = sum(v.overdue for v in views)
    parts = [f"截至{today.year}年{today.month}月{today.day}日", f"共{len(views)}条"]
    parts += [f"{state}{counts[state]}条" for state in sv.LEDGER_STATES if counts[state]]
    if overdue:
        parts.append(f"其中逾期未整改{overdue}条")
    return LedgerPrint(title=ledger_title(ws, township_uuid), subtitle="　".join(parts),
                       rows=tuple(_row(v) for v in views), printed_at=printed_at or datetime.now(),
                       counts={s: counts[s] for s in sv.LEDGER_STATES})


def export_ledger(ws: Workspace, path: str | Path, *, township_uuid: str | None = None,
                  today: date | None = None, printed_at: datetime | None = None) -> int:
    """Write the ledger to ``path``: ``.pdf`` prints it, ``.xlsx`` exports it; returns the number of rows."""
    from .errors import ServiceError

    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ServiceError(f"台账只能导出为PDF或XLSX文件，不能是“{target.suffix or target.name}”。")
    data = ledger_print_data(ws, township_uuid=township_uuid, today=today, printed_at=printed_at)
    if suffix == ".pdf":
        from ..reports.ledger_pdf import render_ledger_pdf

        render_ledger_pdf(data, target)
    else:
        from ..reports.ledger_xlsx import write_ledger_xlsx

        write_ledger_xlsx(data, target)
    return len(data.rows)
