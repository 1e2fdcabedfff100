"""首页: people in post per township, terms ending within 60 days, terms past without 离岗, the last backup."""

from __future__ import annotations

from zhucun_desktop.gui.home_page import CountsModel, HomePage, ReminderModel


def table(model) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_county_sees_every_township_and_a_total(qtbot, gui_app, ws, county):
    page = HomePage(ws)
    qtbot.addWidget(page)
    assert page.counts_box.title() == "各乡镇在岗人数"
    assert [CountsModel.HEADERS[c] for c in range(5)] == ["乡镇", "村", "在岗第一书记", "在岗工作队员", "派出单位"]
    assert table(page.counts) == [
        ["东风镇", "2", "1", "2", "2"],
        ["红旗乡", "1", "1", "0", "1"],
        ["合计", "3", "2", "2", "2"],  # two units in all: a unit in both townships counts once
    ]


def test_a_township_clerk_sees_only_its_own_township(qtbot, gui_app, clerk_ws):
    page = HomePage(clerk_ws)
    qtbot.addWidget(page)
    assert page.counts_box.title() == "本乡镇在岗人数"
    assert table(page.counts) == [["东风镇", "2", "1", "2", "2"]]
    assert [r[ReminderModel.COL_NAME] for r in table(page.ending)] == ["王建国"]
    assert table(page.overdue) == []  # 陈刚 is in 红旗乡
    assert page.overdue_view.isHidden() and not page.overdue_empty.isHidden()


def test_terms_ending_within_sixty_days_are_listed_with_the_days_left(qtbot, gui_app, ws, county):
    page = HomePage(ws)
    qtbot.addWidget(page)
    (row,) = table(page.ending)
    assert row[ReminderModel.COL_NAME] == "王建国"
    assert row[ReminderModel.COL_VILLAGE] == "大坪村"
    assert row[ReminderModel.COL_DAYS] == "还剩30天"


def test_terms_past_their_end_without_departure_are_listed(qtbot, gui_app, ws, county):
    page = HomePage(ws)
    qtbot.addWidget(page)
    (row,) = table(page.overdue)
    assert row[ReminderModel.COL_NAME] == "陈刚"
    assert row[ReminderModel.COL_TOWNSHIP] == "红旗乡"
    assert row[ReminderModel.COL_DAYS] == "已过10天"


def test_a_registered_departure_takes_the_cadre_off_the_overdue_list(qtbot, gui_app, ws, county):
    from datetime import date, timedelta

    from zhucun_desktop.services import dashboard, roster

    (overdue,) = dashboard.terms_overdue(ws)
    roster.end_posting(ws, overdue.posting_uuid, date.today() - timedelta(days=1), "任职期满")
    page = HomePage(ws)
    qtbot.addWidget(page)
    assert table(page.overdue) == []
    assert table(page.counts)[-1][2] == "1"  # one first secretary left in post


def test_the_last_backup_is_named_with_its_reason_in_chinese(qtbot, gui_app, ws):
    page = HomePage(ws)
    qtbot.addWidget(page)
    assert page.backup_label.text().startswith("最近一次备份：")
    assert "（每日）" in page.backup_label.text() or "（启动时）" in page.backup_label.text()
