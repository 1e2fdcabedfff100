"""The 首页's month states (§7): each township's recent months with state, due date (次月第5个工作日), days left
or overdue, a missing calendar named instead of a guessed date, and a cost that does not grow with the table."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from tests.gui.conftest import add_cadre
from zhucun_desktop.domain import terms
from zhucun_desktop.services import accounts, dashboard, org
from zhucun_desktop.services.attendance import fill_month_present, month_grid
from zhucun_desktop.services.attendance_months import mark_ready, mark_submitted, seal_month
from zhucun_desktop.services.workspace import Workspace

TODAY = date(2026, 11, 23)
START = date(2025, 3, 1)


def fill(ws: Workspace, township: str, year: int, month: int) -> None:
    for row in month_grid(ws, township, year, month).rows:
        fill_month_present(ws, township, year, month, row.posting_uuid)


STATES = ("未完成", "待审核", "已封存", "已报送")
STEPS = {"待审核": mark_ready, "已封存": seal_month, "已报送": mark_submitted}


def move(ws: Workspace, township: str, year: int, month: int, state: str) -> None:
    """Register the whole month, then take it to ``state`` (待审核 → 已封存 → 已报送)."""
    fill(ws, township, year, month)
    for step in STATES[1:STATES.index(state) + 1]:
        STEPS[step](ws, township, year, month)


def add_township(ws: Workspace, name: str, serial: int) -> str:
    township = org.save_township(ws, name)
    village = org.save_village(ws, township, f"{name[:2]}村")
    unit = org.save_unit(ws, f"{name}帮扶单位", kind="县直机关")
    add_cadre(ws, f"{name[:2]}书记", serial, village, terms.ROLE_FIRST_SECRETARY, START, unit)
    return township


@pytest.fixture
def townships(ws) -> dict[str, str]:
    """东风镇: August and September filed, October not even submitted; 红旗乡: October sealed but not filed."""
    t = {"东风镇": add_township(ws, "东风镇", 101), "红旗乡": add_township(ws, "红旗乡", 103)}
    for name, states in (("东风镇", ("已报送", "已报送", "未完成")), ("红旗乡", ("已报送", "已报送", "已封存"))):
        for month, state in zip((8, 9, 10), states, strict=True):
            move(ws, t[name], 2026, month, state)
    return t


def clerk_of(ws: Workspace, township: str) -> Workspace:
    accounts.create_user(ws, username="clerk", display_name="周文", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                         password="clerk-pass-1", township_uuid=township)
    return Workspace(ws.db, accounts.authenticate(ws.db, "clerk", "clerk-pass-1"))


def test_a_township_sees_its_last_three_months_and_the_current_one(ws, townships):
    clerk = clerk_of(ws, townships["东风镇"])
    rows = dashboard.township_month_states(clerk, TODAY)
    assert [(r.township_name, r.month, r.state) for r in rows] == [
        ("东风镇", 8, "已报送"), ("东风镇", 9, "已报送"), ("东风镇", 10, "未完成"), ("东风镇", 11, "未完成")]
    aug, sep, oct_, nov = rows
    assert (aug.due, sep.due, oct_.due, nov.due) == (date(2026, 9, 7), date(2026, 10, 13), date(2026, 11, 6),
                                                     date(2026, 12, 7))
    assert (oct_.overdue, oct_.days_left) == (True, -17)  # 5th working day of November, passed 17 days ago
    assert (nov.overdue, nov.days_left) == (False, 14)
    assert not aug.overdue and not sep.overdue  # filed: the clock has stopped


def test_only_filing_stops_the_clock_a_sealed_month_past_its_due_date_is_overdue(ws, townships):
    months, rows = dashboard.county_month_states(ws, TODAY)
    assert months == [(2026, 8), (2026, 9), (2026, 10)]
    by = {(r.township_name, r.month): r for r in rows}
    assert set(by) == {(t, m) for t in ("东风镇", "红旗乡") for m in (8, 9, 10)}
    assert by[("红旗乡", 10)].state == "已封存" and by[("红旗乡", 10)].overdue
    assert by[("东风镇", 10)].overdue and not by[("红旗乡", 9)].overdue


def test_a_month_due_in_a_year_without_a_calendar_names_the_missing_year(ws, townships):
    # In January 2027: December's table is due in January and January's in February, both in 2027, unknown.
    rows = dashboard.township_month_states(ws, date(2027, 1, 10))
    by = {(r.township_name, r.year, r.month): r for r in rows}
    december, january = by[("东风镇", 2026, 12)], by[("东风镇", 2027, 1)]
    assert (december.due, december.missing_year, december.days_left, december.overdue) == (None, 2027, None, False)
    assert january.missing_year == 2027
    assert by[("东风镇", 2026, 11)].due == date(2026, 12, 7) and by[("东风镇", 2026, 11)].missing_year is None
    assert by[("东风镇", 2026, 10)].overdue  # a known due date still counts


def test_months_back_crosses_the_new_year(ws):
    assert dashboard.months_back(date(2027, 2, 3), 3, include_current=True) == [
        (2026, 11), (2026, 12), (2027, 1), (2027, 2)]
    assert dashboard.months_back(date(2027, 2, 3), 3, include_current=False) == [(2026, 11), (2026, 12), (2027, 1)]


def test_the_county_table_costs_the_same_queries_with_more_townships(ws, townships):
    def queries() -> int:
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # (conn, cursor, statement, …)
        event.listen(ws.db.engine, "before_cursor_execute", listener)
        try:
            dashboard.county_month_states(ws, TODAY)
        finally:
            event.remove(ws.db.engine, "before_cursor_execute", listener)
        return len(statements)

    queries()  # the calendar is loaded and cached once
    two = queries()
    for i, name in enumerate(("龙泉镇", "石门乡", "白沙镇", "新华乡")):
        move(ws, add_township(ws, name, 111 + 2 * i), 2026, 9, "已报送")
    assert len(dashboard.county_month_states(ws, TODAY)[1]) == 6 * 3
    assert queries() == two
