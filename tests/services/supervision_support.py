"""Builders shared by the supervision tests (ledger, spot checks, inspections, duties); holds no tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from tests.services.helpers import unit
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.services.ledger import LedgerInput
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.models import LeaveRequest, LedgerRow

FOUND = date(2026, 10, 12)


def cadre_row(cadre, *, found: date = FOUND, deadline: date | None = date(2026, 10, 31),
              description: str = "驻村工作日志记录不全") -> LedgerInput:
    return LedgerInput(source="乡镇日常管理", found_on=found, subject_kind=sv.SUBJECT_CADRE,
                       subject_uuid=cadre.person_uuid, description=description, deadline=deadline,
                       responsible=cadre.name, measures="逐日补记", township_uuid=cadre.township_uuid)


def unit_row(ws: Workspace, township_uuid: str, *, name: str = "县财政局") -> LedgerInput:
    return LedgerInput(source="乡镇日常管理", found_on=FOUND, subject_kind=sv.SUBJECT_UNIT,
                       subject_uuid=unit(ws, name), description=f"{name}上半年未听取驻村干部工作汇报",
                       deadline=date(2026, 11, 10), responsible="张分管", township_uuid=township_uuid)


def ledger_count(ws: Workspace) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(LedgerRow))


def add_leave(ws: Workspace, cadre, start: date, end: date, state: str) -> str:
    """A leave request as the leave service leaves it (written directly: that service is not ours)."""
    with ws.transaction("测试：请假") as s:
        row = LeaveRequest(person_uuid=cadre.person_uuid, posting_uuid=cadre.posting_uuid,
                           township_uuid=cadre.township_uuid, kind="事假", start_date=start, end_date=end,
                           days=(end - start).days + 1, state=state)
        s.add(row)
        s.flush()
        return row.uuid
