"""The 请销假 box on the home page: who is away today, who overstayed (旷工, §8), what waits for a signature."""

from __future__ import annotations

from datetime import date

from tests.gui.leave.team import TODAY, build_team, file_request, sign_all
from zhucun_desktop.gui.home_page import HomePage
from zhucun_desktop.services.attendance import fill_month_present, month_grid
from zhucun_desktop.services.attendance_months import mark_ready, seal_month


def test_the_home_page_names_who_is_away_who_overstayed_and_what_waits(qtbot, gui_app, ws):
    team = build_team(ws)
    away = file_request(ws, team, "李明", date(2026, 11, 1), date(2026, 11, 4), filed_on=date(2026, 10, 29))
    sign_all(ws, away, date(2026, 10, 30))
    late = file_request(ws, team, "周梅", date(2026, 10, 26), date(2026, 10, 28), filed_on=date(2026, 10, 20))
    sign_all(ws, late, date(2026, 10, 21))
    file_request(ws, team, "赵丽", date(2026, 11, 9), date(2026, 11, 16))  # 8 days: up to the county
    page = HomePage(ws, today=TODAY)
    qtbot.addWidget(page)
    panel = page.leave_panel
    assert panel.away_label.text() == "今日请假离村：1人（东风镇大坪村李明）"
    assert not panel.overdue_label.isHidden()
    assert "逾期未销假：1人——小河村周梅（10月28日到期" in panel.overdue_label.text()
    assert panel.pending_label.text() == "审批中：1件。"


def test_a_sealed_month_that_approved_leave_would_change_is_named_for_reopening(qtbot, gui_app, ws):
    team = build_team(ws)
    seal_month_of(ws, team.township, 2026, 10)
    request = file_request(ws, team, "李明", date(2026, 10, 20), date(2026, 10, 21), filed_on=date(2026, 10, 15))
    sign_all(ws, request, date(2026, 10, 16))
    page = HomePage(ws, today=TODAY)
    qtbot.addWidget(page)
    text = page.leave_panel.reopen_label.text()
    assert not page.leave_panel.reopen_label.isHidden()
    assert "东风镇2026年10月" in text and "重开" in text


def seal_month_of(ws, township: str, year: int, month: int) -> None:
    """Everyone present every day (本月全勤), then 提交审核 and 封存."""
    for row in month_grid(ws, township, year, month).rows:
        fill_month_present(ws, township, year, month, row.posting_uuid)
    mark_ready(ws, township, year, month)
    seal_month(ws, township, year, month)
