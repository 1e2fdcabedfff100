"""Builders shared by the attendance tests: cadres posted through the roster services, township accounts.

(Named test_attendance_* so it sits with the tests it serves; it holds no tests itself.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.services.helpers import person_values, place
from zhucun_desktop.domain import terms
from zhucun_desktop.services import roster
from zhucun_desktop.services.accounts import authenticate, create_user
from zhucun_desktop.services.attendance import CellChange, MonthGrid, month_grid, set_cells
from zhucun_desktop.services.workspace import Workspace

PASSWORD = "secret-2026"


@dataclass(frozen=True)
class Cadre:
    name: str
    person_uuid: str
    posting_uuid: str
    township_uuid: str
    village_uuid: str


def post(ws: Workspace, name: str, serial: int, *, township: str = "东风镇", village: str = "大坪村",
         role: str = terms.ROLE_TEAM_MEMBER, start: date = date(2025, 5, 1), end: date | None = None,
         person_uuid: str | None = None) -> Cadre:
    """A cadre posted through the roster services (a second posting of the same person with person_uuid)."""
    t, v = place(ws, township, village)
    if person_uuid is None:
        person_uuid = roster.save_person(ws, person_values(ws, name, serial=serial)).uuid
    posting = roster.add_posting(ws, person_uuid, village_uuid=v, role=role, start_date=start).uuid
    if end is not None:
        roster.end_posting(ws, posting, end, "其他")
    return Cadre(name, person_uuid, posting, t, v)


def township_user(ws: Workspace, township_uuid: str, role: str = terms.USER_ROLE_TOWNSHIP_CLERK,
                  username: str = "clerk") -> Workspace:
    """A workspace for a township account (clerk or leader) on the same database."""
    create_user(ws, username=username, display_name=f"{username}姓名", role=role, password=PASSWORD,
                township_uuid=township_uuid)
    return Workspace(ws.db, authenticate(ws.db, username, PASSWORD))


def month_days_of(year: int, month: int) -> list[date]:
    from zhucun_desktop.domain.attendance_rules import month_days

    return month_days(year, month)


def fill_all(ws: Workspace, cadre: Cadre, year: int, month: int, code: str = "√") -> None:
    """Every day of the month inside the cadre's posting gets ``code``."""
    grid = month_grid(ws, cadre.township_uuid, year, month)
    row = next(r for r in grid.rows if r.posting_uuid == cadre.posting_uuid)
    days = [d for d, ok in zip(grid.days, row.editable, strict=True) if ok]
    set_cells(ws, cadre.township_uuid, year, month, [CellChange(cadre.posting_uuid, d, code) for d in days])


def row_of(grid: MonthGrid, cadre: Cadre):
    return next(r for r in grid.rows if r.posting_uuid == cadre.posting_uuid)


def codes_of(ws: Workspace, cadre: Cadre, year: int, month: int) -> dict[date, str]:
    grid = month_grid(ws, cadre.township_uuid, year, month)
    row = row_of(grid, cadre)
    return {d: c for d, c in zip(grid.days, row.codes, strict=True) if c}
