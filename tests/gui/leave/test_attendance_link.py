"""§8 and §7 together in the 考勤 grid: approved leave fills its days, and typing over them asks first."""

from __future__ import annotations

from datetime import date

from tests.gui.attendance.test_attendance_grid import col, db_codes, message, open_page, press, row_of, select
from tests.gui.leave.team import build_team, file_request, sign_all
from zhucun_desktop.gui.attendance import grid_view


def approved_leave_of_li_ming(ws):
    team = build_team(ws)
    request = file_request(ws, team, "李明", date(2026, 11, 3), date(2026, 11, 4), filed_on=date(2026, 10, 29))
    sign_all(ws, request, date(2026, 10, 30))
    return team


def test_approved_leave_shows_its_code_in_the_grid(qtbot, gui_app, ws):
    team = approved_leave_of_li_ming(ws)
    page = open_page(qtbot, ws, 2026, 11)
    assert db_codes(ws, team.township, "李明", 2026, 11) == {3: "事", 4: "事"}
    row = row_of(page, "李明")
    assert page.model.text_at(row, col(3)) == "事"


def test_typing_present_over_approved_leave_asks_and_a_no_changes_nothing(qtbot, gui_app, ws, monkeypatch):
    team = approved_leave_of_li_ming(ws)
    asked = []
    monkeypatch.setattr(grid_view, "confirm", lambda _parent, title, text, **_kw: asked.append(text) or False)
    page = open_page(qtbot, ws, 2026, 11)
    select(page, row_of(page, "李明"), col(3))
    press(page.view, "√")
    assert len(asked) == 1 and "李明" in asked[0] and "事假" in asked[0]
    assert message(page) == "已取消：考勤没有改动。"
    assert db_codes(ws, team.township, "李明", 2026, 11) == {3: "事", 4: "事"}


def test_the_clerk_may_confirm_a_code_that_contradicts_leave(qtbot, gui_app, ws, monkeypatch):
    team = approved_leave_of_li_ming(ws)
    monkeypatch.setattr(grid_view, "confirm", lambda *_a, **_kw: True)
    page = open_page(qtbot, ws, 2026, 11)
    select(page, row_of(page, "李明"), col(4))
    press(page.view, "√")
    assert db_codes(ws, team.township, "李明", 2026, 11) == {3: "事", 4: "√"}


def test_codes_that_agree_with_no_leave_are_saved_without_a_question(qtbot, gui_app, ws, monkeypatch):
    team = approved_leave_of_li_ming(ws)
    monkeypatch.setattr(grid_view, "confirm", lambda *_a, **_kw: (_ for _ in ()).throw(AssertionError("asked")))
    page = open_page(qtbot, ws, 2026, 11)
    select(page, row_of(page, "赵丽"), col(3))
    press(page.view, "√")
    assert db_codes(ws, team.township, "赵丽", 2026, 11) == {3: "√"}
