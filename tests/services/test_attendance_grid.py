"""§7: the month's table registers every day inside a posting; a paste is taken whole or not at all."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select

from tests.services.test_attendance_builders import codes_of, fill_all, post, row_of, township_user
from zhucun_desktop.domain import terms
from zhucun_desktop.services.attendance import (
    CellChange,
    CellsRefused,
    fill_month_present,
    month_grid,
    set_cells,
)
from zhucun_desktop.services.errors import PermissionDenied
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.models import AttendanceDay, AuditEntry


def test_month_grid_greys_days_outside_the_posting(ws):
    arrives = post(ws, "王建国", 123, start=date(2026, 10, 10))
    leaves = post(ws, "李强", 125, start=date(2025, 5, 1), end=date(2026, 10, 20))
    left_before = post(ws, "赵六", 127, start=date(2025, 5, 1), end=date(2026, 9, 30))
    grid = month_grid(ws, arrives.township_uuid, 2026, 10)
    assert [r.name for r in grid.rows] == ["李强", "王建国"]  # 赵六 left in September: no row
    assert left_before.posting_uuid not in {r.posting_uuid for r in grid.rows}
    first = row_of(grid, arrives).editable
    assert first[:9] == [False] * 9 and all(first[9:])
    last = row_of(grid, leaves).editable
    assert all(last[:20]) and last[20:] == [False] * 11
    assert row_of(grid, arrives).totals.empty_days == 22


def test_day_kinds_come_from_the_official_calendar(ws):
    cadre = post(ws, "王建国", 123)
    grid = month_grid(ws, cadre.township_uuid, 2026, 10)
    assert grid.day_kinds[0] == "节假日" and grid.holidays[0] == "国庆节"
    assert grid.day_kinds[grid.days.index(date(2026, 10, 10))] == "调休上班"
    assert grid.day_kinds[grid.days.index(date(2026, 10, 12))] == "工作日"
    assert grid.calendar_missing is None
    assert grid.due == date(2026, 11, 6)  # §7: the 5th working day of November


def test_a_year_without_calendar_leaves_day_kinds_blank_but_the_grid_works(ws):
    cadre = post(ws, "王建国", 123)
    fill_all(ws, cadre, 2027, 3)
    grid = month_grid(ws, cadre.township_uuid, 2027, 3)
    assert grid.day_kinds == [""] * 31 and grid.calendar_missing == 2027
    totals = row_of(grid, cadre).totals
    assert totals.in_post_days == 31
    assert totals.working_days_in_post is None  # never guessed


def test_pasting_an_unknown_code_changes_nothing(ws):
    cadre = post(ws, "王建国", 123)
    set_cells(ws, cadre.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, date(2026, 10, 1), "休")])
    paste = [CellChange(cadre.posting_uuid, date(2026, 10, 2), "√"),
             CellChange(cadre.posting_uuid, date(2026, 10, 1), "事"),
             CellChange(cadre.posting_uuid, date(2026, 10, 5), "X", where="第2行第5列")]
    with pytest.raises(CellsRefused) as refused:
        set_cells(ws, cadre.township_uuid, 2026, 10, paste)
    assert refused.value.problems == ["第2行第5列：无法识别的考勤符号“X”，可用：√ 公 事 病 年 休 旷"]
    assert codes_of(ws, cadre, 2026, 10) == {date(2026, 10, 1): "休"}


def test_a_day_outside_the_posting_is_refused_by_name_and_date(ws):
    cadre = post(ws, "王建国", 123, start=date(2026, 11, 10))
    with pytest.raises(CellsRefused) as refused:
        set_cells(ws, cadre.township_uuid, 2026, 11, [CellChange(cadre.posting_uuid, date(2026, 11, 3), "√")])
    assert refused.value.problems == ["王建国 11月3日：不在驻村期内"]


def test_what_clerks_type_is_stored_as_the_code(ws):
    cadre = post(ws, "王建国", 123)
    typed = {date(2026, 10, 12): "v", date(2026, 10, 13): "事假", date(2026, 10, 14): "轮休",
             date(2026, 10, 15): " 公出 ", date(2026, 10, 16): "✓"}
    result = set_cells(ws, cadre.township_uuid, 2026, 10,
                       [CellChange(cadre.posting_uuid, d, text) for d, text in typed.items()])
    assert codes_of(ws, cadre, 2026, 10) == {date(2026, 10, 12): "√", date(2026, 10, 13): "事",
                                             date(2026, 10, 14): "休", date(2026, 10, 15): "公",
                                             date(2026, 10, 16): "√"}
    totals = result.totals[cadre.posting_uuid]
    assert (totals.in_post_days, totals.by_code["事"], totals.empty_days) == (3, 1, 26)


def test_clearing_a_cell_keeps_its_row_so_the_clearing_travels(ws):
    cadre = post(ws, "王建国", 123)
    day = date(2026, 10, 12)
    set_cells(ws, cadre.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, day, "√")])
    set_cells(ws, cadre.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, day, None)])
    with ws.read() as s:
        row = s.scalars(select(AttendanceDay).where(AttendanceDay.person_uuid == cadre.person_uuid)).one()
        assert (row.code, row.deleted, row.version) == (None, False, 2)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.record_uuid == row.uuid)).all()
        assert [a.after.get("code") for a in audit] == ["√", None]


def test_cadre_who_moved_villages_has_a_row_per_posting(ws):
    first = post(ws, "王建国", 123, village="大坪村", start=date(2025, 5, 1), end=date(2026, 10, 15))
    second = post(ws, "王建国", 123, village="小河村", start=date(2026, 10, 16),
                  person_uuid=first.person_uuid)
    grid = month_grid(ws, first.township_uuid, 2026, 10)
    assert [(r.village_name, sum(r.editable)) for r in grid.rows] == [("大坪村", 15), ("小河村", 16)]
    fill_all(ws, first, 2026, 10, "√")
    fill_all(ws, second, 2026, 10, "公")
    grid = month_grid(ws, first.township_uuid, 2026, 10)
    assert row_of(grid, first).totals.by_code["√"] == 15 and row_of(grid, first).totals.by_code["公"] == 0
    assert row_of(grid, second).totals.by_code["公"] == 16 and row_of(grid, second).codes[0] is None
    assert len(month_grid(ws, first.township_uuid, 2026, 10, village_uuid=second.village_uuid).rows) == 1


def test_fill_month_present_fills_only_empty_cells(ws):
    cadre = post(ws, "王建国", 123)
    set_cells(ws, cadre.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, date(2026, 10, 20), "病")])
    result = fill_month_present(ws, cadre.township_uuid, 2026, 10, cadre.posting_uuid)
    codes = codes_of(ws, cadre, 2026, 10)
    assert len(codes) == 31 and codes[date(2026, 10, 20)] == "病"
    assert result.changed == 30 and result.totals[cadre.posting_uuid].empty_days == 0


def test_township_clerk_cannot_touch_another_township(ws):
    ours = post(ws, "王建国", 123, township="东风镇")
    theirs = post(ws, "李强", 125, township="西山乡", village="石桥村")
    clerk = township_user(ws, ours.township_uuid)
    set_cells(clerk, ours.township_uuid, 2026, 10, [CellChange(ours.posting_uuid, date(2026, 10, 12), "√")])
    with pytest.raises(PermissionDenied):
        set_cells(clerk, theirs.township_uuid, 2026, 10,
                  [CellChange(theirs.posting_uuid, date(2026, 10, 12), "√")])
    with pytest.raises(PermissionDenied):
        month_grid(clerk, theirs.township_uuid, 2026, 10)
    # Their posting sent under our township is not a row of our table either.
    with pytest.raises(CellsRefused):
        set_cells(clerk, ours.township_uuid, 2026, 10,
                  [CellChange(theirs.posting_uuid, date(2026, 10, 12), "√")])
    assert codes_of(ws, theirs, 2026, 10) == {}


def test_county_viewer_cannot_enter_attendance(ws):
    from zhucun_desktop.services.accounts import authenticate, create_user

    cadre = post(ws, "王建国", 123)
    create_user(ws, username="viewer", display_name="查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                password="secret-2026")
    viewer = Workspace(ws.db, authenticate(ws.db, "viewer", "secret-2026"))
    assert month_grid(viewer, cadre.township_uuid, 2026, 10).rows
    with pytest.raises(PermissionDenied):
        set_cells(viewer, cadre.township_uuid, 2026, 10,
                  [CellChange(cadre.posting_uuid, date(2026, 10, 1), "√")])


def test_month_grid_reads_with_a_fixed_number_of_queries(ws):
    """A county month (2,000 cadres) must load at once: no query per row."""
    cadres = [post(ws, f"干部{i}", 101 + 2 * i, village=f"{i % 3}号村") for i in range(9)]
    for c in cadres[:3]:
        fill_all(ws, c, 2026, 10)
    statements: list[str] = []

    def count(*args) -> None:
        statements.append(args[2])

    event.listen(ws.db.engine, "before_cursor_execute", count)
    try:
        grid = month_grid(ws, cadres[0].township_uuid, 2026, 10)
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", count)
    assert len(grid.rows) == 9
    assert sum("FROM postings" in s for s in statements) == 1
    assert sum("FROM attendance_days" in s for s in statements) == 1
    assert len(statements) <= 10


def test_a_county_month_of_2000_cadres_loads_in_seconds(ws):
    """2,000 cadres × 31 registered days, written in bulk (the services would take minutes to build it)."""
    from time import perf_counter

    from sqlalchemy import insert

    from zhucun_desktop.domain.attendance_rules import month_days
    from zhucun_desktop.services import org
    from zhucun_desktop.storage.base import new_uuid
    from zhucun_desktop.storage.models import Person, Posting

    township = org.save_township(ws, "东风镇")
    villages = [org.save_village(ws, township, f"{i:03d}村") for i in range(100)]
    site = ws.site_id
    persons = [{"uuid": new_uuid(), "origin_site": site, "name": f"干部{i:04d}", "id_number": f"T{i:017d}"}
               for i in range(2000)]
    postings = [{"uuid": new_uuid(), "origin_site": site, "person_uuid": p["uuid"], "township_uuid": township,
                 "village_uuid": villages[i % 100], "role": terms.ROLE_TEAM_MEMBER,
                 "start_date": date(2025, 5, 1)}
                for i, p in enumerate(persons)]
    days = [{"uuid": new_uuid(), "origin_site": site, "person_uuid": p["uuid"], "posting_uuid": q["uuid"],
             "township_uuid": township, "day": d, "code": "√", "source": "manual"}
            for p, q in zip(persons, postings, strict=True) for d in month_days(2026, 10)]
    with ws.db.session() as s, s.begin():
        s.execute(insert(Person), persons)
        s.execute(insert(Posting), postings)
        s.execute(insert(AttendanceDay), days)
    started = perf_counter()
    grid = month_grid(ws, township, 2026, 10)
    elapsed = perf_counter() - started
    assert len(grid.rows) == 2000 and all(r.totals.in_post_days == 31 for r in grid.rows)
    assert grid.column_totals[date(2026, 10, 1)] == {"√": 2000}
    assert elapsed < 4.0, f"month_grid took {elapsed:.2f} s"  # about 0.4 s on a developer's PC
