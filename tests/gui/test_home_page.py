"""首页: people in post per township, the months' attendance tables (§7), terms ending within 60 days, terms past
without 离岗, the last backup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.gui.gui_support import show_offscreen
from tests.services.test_dashboard import add_township, clerk_of, move
from zhucun_desktop.gui.home_page import (
    OVERDUE_COLOUR,
    CountsModel,
    CountyMonthsModel,
    HomePage,
    MonthStatesModel,
    ReminderModel,
)
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database


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


# ---------------------------------------------------------------- 考勤表报送情况 (§7) -----------------------------

MONTHS_TODAY = date(2026, 11, 23)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def filed(ws) -> dict[str, str]:
    """东风镇: August and September filed, October never submitted; 红旗乡: October sealed but not filed."""
    townships = {"东风镇": add_township(ws, "东风镇", 101), "红旗乡": add_township(ws, "红旗乡", 103)}
    for name, states in (("东风镇", ("已报送", "已报送", "未完成")), ("红旗乡", ("已报送", "已报送", "已封存"))):
        for month, state in zip((8, 9, 10), states, strict=True):
            move(ws, townships[name], 2026, month, state)
    return townships


def is_red(model, row: int, column: int) -> bool:
    colour = model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
    return colour is not None and colour.name() == OVERDUE_COLOUR.name()


def test_a_township_sees_its_months_with_due_dates_and_the_late_one_in_red(qtbot, gui_app, ws, filed):
    page = HomePage(clerk_of(ws, filed["东风镇"]), today=MONTHS_TODAY)
    qtbot.addWidget(page)
    assert page.months_box.title() == "本乡镇考勤表报送情况"
    assert list(MonthStatesModel.HEADERS) == ["月份", "状态", "报送截止", "剩余天数"]
    assert table(page.months) == [
        ["2026年8月", "已报送", "9月7日", ""],
        ["2026年9月", "已报送", "10月13日", ""],
        ["2026年10月", "未完成", "11月6日", "逾期17天"],
        ["2026年11月", "未完成", "12月7日", "还剩14天"],
    ]
    assert is_red(page.months, 2, MonthStatesModel.COL_LEFT) and is_red(page.months, 2, MonthStatesModel.COL_STATE)
    assert not any(is_red(page.months, r, MonthStatesModel.COL_LEFT) for r in (0, 1, 3))


def test_the_county_sees_townships_by_month_with_the_due_date_in_the_header(qtbot, gui_app, ws, filed):
    page = HomePage(ws, today=MONTHS_TODAY)
    qtbot.addWidget(page)
    model = page.months
    assert isinstance(model, CountyMonthsModel)
    assert page.months_box.title() == "各乡镇考勤表报送情况（近3个月，逾期2个）"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["乡镇", "2026年8月\n9月7日截止", "2026年9月\n10月13日截止", "2026年10月\n11月6日截止"]
    assert table(model) == [["东风镇", "已报送", "已报送", "未完成，逾期17天"],
                            ["红旗乡", "已报送", "已报送", "已封存，逾期17天"]]  # only 已报送 stops the clock
    assert is_red(model, 0, 3) and is_red(model, 1, 3) and not is_red(model, 0, 2)


def test_a_missing_calendar_is_named_instead_of_a_due_date(qtbot, gui_app, ws, filed):
    page = HomePage(clerk_of(ws, filed["东风镇"]), today=date(2027, 1, 10))
    qtbot.addWidget(page)
    rows = {r[MonthStatesModel.COL_MONTH]: r for r in table(page.months)}
    assert rows["2026年12月"][MonthStatesModel.COL_DUE:] == ["缺少2027年工作日历", "—"]
    assert rows["2027年1月"][MonthStatesModel.COL_DUE] == "缺少2027年工作日历"
    assert rows["2026年11月"][MonthStatesModel.COL_DUE] == "12月7日"


def test_a_month_opens_in_the_attendance_page_by_double_click_or_button(qtbot, gui_app, ws, filed):
    page = HomePage(ws, today=MONTHS_TODAY)
    qtbot.addWidget(page)
    show_offscreen(page)
    assert not page.open_button.isEnabled()
    index = page.months.index(1, 3)  # 红旗乡, October
    with qtbot.waitSignal(page.open_month) as signal:
        page.months_view.doubleClicked.emit(index)
    assert signal.args == [filed["红旗乡"], 2026, 10]
    page.months_view.setCurrentIndex(page.months.index(0, 1))
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_month) as signal:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [filed["东风镇"], 2026, 8]
    page.months_view.setCurrentIndex(page.months.index(0, 0))  # the township's name is not a month
    assert not page.open_button.isEnabled()


# ---------------------------------------------------------------- the demo county's home pages ----------------


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    from zhucun_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "云岭县.db"
    build_demo(path, today=MONTHS_TODAY)
    return path


def save(qtbot, widget, name: str) -> None:
    qtbot.wait(10)  # the scroll area settles at the page's size
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().toImage().save(str(path))
    image = QImage(str(path))
    colours = {image.pixel(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)}
    assert len(colours) > 20, f"{name}.png looks blank"


@pytest.fixture
def demo_db(demo_path):
    db = open_database(demo_path)
    yield db
    db.close()


def demo_page(qtbot, db, username: str, password: str) -> HomePage:
    page = HomePage(Workspace(db, authenticate(db, username, password)), today=MONTHS_TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    show_offscreen(page)  # a hidden page keeps its first, default-sized layout (and a stale scroll bar)
    return page


def test_the_demo_townships_clerk_sees_the_late_october_in_red(qtbot, gui_app, demo_db):
    from zhucun_desktop.services.demo import TOWNSHIP_PASSWORD

    page = demo_page(qtbot, demo_db, "dongfeng_clerk", TOWNSHIP_PASSWORD)
    rows = table(page.months)
    assert [r[MonthStatesModel.COL_MONTH] for r in rows] == ["2026年8月", "2026年9月", "2026年10月", "2026年11月"]
    assert rows[2][1:] == ["未完成", "11月6日", "逾期17天"] and is_red(page.months, 2, MonthStatesModel.COL_LEFT)
    save(qtbot, page, "home_township_months")


def test_the_demo_county_sees_one_late_township(qtbot, gui_app, demo_db):
    from zhucun_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME

    page = demo_page(qtbot, demo_db, ADMIN_USERNAME, ADMIN_PASSWORD)
    rows = table(page.months)
    assert len(rows) == 6 and page.months_box.title().endswith("逾期1个）")
    late = [r for r in range(len(rows)) if any(is_red(page.months, r, c) for c in range(1, 4))]
    assert [rows[r][0] for r in late] == ["东风镇"]
    save(qtbot, page, "home_county_months")
