"""Roster export: the same columns as the import reads, so an exported sheet re-imports unchanged."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..reports.roster_data import RosterRow
from ..reports.roster_pdf import render_roster_pdf
from ..reports.roster_xlsx import write_roster_xlsx
from .org import county_name, list_townships
from .roster import RosterEntry, RosterFilter, list_roster
from .workspace import Workspace


def to_roster_row(e: RosterEntry) -> RosterRow:
    return RosterRow(
        name=e.name, sex=e.sex or "", ethnicity=e.ethnicity or "", birth_month=e.birth_date,
        id_number=e.id_number, political_status=e.political_status or "", party_join_date=e.party_join_date,
        work_start_date=e.work_start_date, education=e.education or "", unit=e.unit_name or "",
        position=e.position or "", staffing=e.staffing or "", role=e.role or "", is_leader=e.is_leader,
        village=e.village_name or "", township=e.township_name or "", start_date=e.start_date,
        end_date=e.term_end_date, batch=e.batch or "", phone=e.phone or "")


def roster_rows(ws: Workspace, flt: RosterFilter | None = None) -> list[RosterRow]:
    return [to_roster_row(e) for e in list_roster(ws, flt) if e.posting_uuid]


def roster_title(ws: Workspace, flt: RosterFilter | None = None) -> str:
    scope = county_name(ws)
    if flt and flt.township_uuid or not ws.actor.is_county:
        wanted = flt.township_uuid if flt and flt.township_uuid else ws.actor.township_uuid
        scope = next((t.name for t in list_townships(ws) if t.uuid == wanted), scope)
    return f"{scope}驻村第一书记和工作队员花名册"


def export_roster_xlsx(ws: Workspace, path: str | Path, flt: RosterFilter | None = None) -> int:
    rows = roster_rows(ws, flt)
    write_roster_xlsx(rows, path, title=roster_title(ws, flt))
    return len(rows)


def export_roster_pdf(ws: Workspace, path: str | Path, flt: RosterFilter | None = None,
                      printed_at: datetime | None = None) -> int:
    rows = roster_rows(ws, flt)
    status = flt.status if flt else "在岗"
    subtitle = f"（{status}）"
    render_roster_pdf(rows, path, title=roster_title(ws, flt), subtitle=subtitle,
                      printed_at=printed_at or datetime.now())
    return len(rows)
