"""系统设置 → 工作日历: a year known or not and from where, its months' working days and due dates (§7), the
county's own days edited through a dialog, the county's file imported, the template, and who may edit."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.gui_support import type_chinese
from zhucun_desktop.gui.main_window import MainWindow
from zhucun_desktop.gui.settings import calendar_tab as tab_module
from zhucun_desktop.gui.settings.calendar_tab import CalendarDayDialog, CalendarTab, DaysModel, MonthsModel
from zhucun_desktop.services import calendar as calendar_service
from zhucun_desktop.services.errors import PermissionDenied

TODAY = date(2026, 11, 23)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def month_cell(tab: CalendarTab, month: int, column: int) -> str:
    return tab.months.data(tab.months.index(month - 1, column))


def day_rows(tab: CalendarTab) -> list[list[str]]:
    m = tab.days
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


@pytest.fixture
def tab(qtbot, gui_app, ws) -> CalendarTab:
    widget = CalendarTab(ws, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def fill_dialog(monkeypatch, day: date | None, kind: str, note: str) -> list[CalendarDayDialog]:
    """The clerk's part of the 添加/修改 dialog: pick the date and the type, type the note, click 保存."""
    opened: list[CalendarDayDialog] = []

    def exec_(dialog: CalendarDayDialog) -> int:
        opened.append(dialog)
        if day is not None:
            dialog.date_edit.setDate(day)
        dialog.kind_combo.setCurrentText(kind)
        dialog.note_edit.clear()
        type_chinese(dialog.note_edit, note)
        buttons = dialog.findChild(QDialogButtonBox)
        next(b for b in buttons.buttons() if b.text() == "保存").click()
        return dialog.result()

    monkeypatch.setattr(CalendarDayDialog, "exec", exec_)
    return opened


def write_xlsx(path: Path, rows: list[tuple[object, object, object]]) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.append(["XX县2027年工作日历", None, None])
    sheet.append(["日期", "类型", "说明"])
    for row in rows:
        sheet.append(list(row))
    wb.save(path)
    return path


# ---------------------------------------------------------------- a year and where it comes from -------------


def test_a_year_of_the_official_calendar_shows_its_months_working_days_and_due_dates(tab):
    assert tab.year() == 2026
    assert tab.source_label.text().startswith("2026年：国家法定节假日（程序内置")
    assert [MonthsModel.HEADERS[c] for c in range(3)] == ["月份", "工作日天数", "考勤表报送截止"]
    # October 2026: 国庆 1–7 off and Saturday the 10th worked; its table is due on the 5th working day of November.
    assert month_cell(tab, 10, MonthsModel.COL_WORKING) == "18"
    assert month_cell(tab, 10, MonthsModel.COL_DUE) == "11月6日（周五）"
    # December's table is due in January 2027, whose calendar nobody has provided: never guessed.
    assert month_cell(tab, 12, MonthsModel.COL_DUE) == "缺少2027年工作日历"
    assert tab.days.rowCount() == 0 and tab.days_empty.text() == "县里没有调整2026年的日期。这一年按国家法定节假日安排。"


def test_a_year_nobody_provided_is_unknown_and_says_how_to_import_it(tab):
    tab.year_spin.setValue(2027)
    assert tab.source_label.text().startswith("2027年：未知 — 需导入。")
    assert "导入日历文件" in tab.source_label.text()
    assert {month_cell(tab, m, MonthsModel.COL_WORKING) for m in range(1, 13)} == {"—"}
    assert month_cell(tab, 5, MonthsModel.COL_DUE) == "缺少2027年工作日历"


# ---------------------------------------------------------------- the county's days --------------------------


def test_a_working_saturday_added_in_the_dialog_adds_a_working_day_to_its_month(tab, ws, monkeypatch):
    before = int(month_cell(tab, 11, MonthsModel.COL_WORKING))
    fill_dialog(monkeypatch, date(2026, 11, 28), "工作日", "调休上班")
    tab.add_button.click()
    assert day_rows(tab) == [["2026-11-28（周六）", "工作日", "调休上班"]]
    assert int(month_cell(tab, 11, MonthsModel.COL_WORKING)) == before + 1
    assert tab.source_label.text().endswith("另有县里调整1天）")
    assert tab.selected_day().day == date(2026, 11, 28)
    stored = calendar_service.list_calendar_days(ws, 2026)
    assert [(d.day, d.kind, d.note) for d in stored] == [(date(2026, 11, 28), "工作日", "调休上班")]


def test_a_local_holiday_before_the_due_date_moves_the_due_date(tab, monkeypatch):
    assert month_cell(tab, 10, MonthsModel.COL_DUE) == "11月6日（周五）"
    fill_dialog(monkeypatch, date(2026, 11, 3), "节假日", "县里放假")
    tab.add_button.click()
    # One working day fewer in the first week of November: October's table is due a working day later.
    assert month_cell(tab, 10, MonthsModel.COL_DUE) == "11月9日（周一）"


def test_a_day_is_changed_and_removed_again(tab, ws, monkeypatch):
    calendar_service.set_calendar_day(ws, date(2026, 8, 7), "节假日", "火把节")
    tab.refresh()
    working = month_cell(tab, 8, MonthsModel.COL_WORKING)
    tab.select_day(date(2026, 8, 7))
    opened = fill_dialog(monkeypatch, None, "节假日", "火把节（县里放假）")
    tab.edit_button.click()
    assert not opened[0].date_edit.isEnabled()  # another date is another row
    assert day_rows(tab)[0][DaysModel.COL_NOTE] == "火把节(县里放假)"
    monkeypatch.setattr(tab_module, "confirm", lambda *args, **kwargs: True)
    tab.select_day(date(2026, 8, 7))
    tab.delete_button.click()
    assert day_rows(tab) == []
    assert int(month_cell(tab, 8, MonthsModel.COL_WORKING)) == int(working) + 1
    assert calendar_service.list_calendar_days(ws, 2026) == []


def test_a_refused_day_keeps_the_dialog_open_with_the_reason(tab, ws, monkeypatch):
    monkeypatch.setattr(calendar_service, "set_calendar_day",
                        lambda *args, **kwargs: (_ for _ in ()).throw(PermissionDenied("只有“县委组织部管理员”可以做这项操作。")))
    opened = fill_dialog(monkeypatch, date(2026, 11, 28), "工作日", "调休上班")
    tab.add_button.click()
    assert not opened[0].result()
    assert opened[0].error_label.text() == "只有“县委组织部管理员”可以做这项操作。"
    assert day_rows(tab) == []


# ---------------------------------------------------------------- the county's file and the template --------


def test_importing_the_county_file_for_2027_makes_the_year_known(tab, tmp_path):
    path = write_xlsx(tmp_path / "2027年工作日历.xlsx", [
        (date(2027, 1, 1), "节假日", "元旦"),
        ("2027-02-05", "节假日", "春节"), ("2027-02-08", "节假日", "春节"), ("2027-02-09", "节假日", "春节"),
        ("2027-02-20", "工作日", "春节调休上班"),
        ("2027-10-01", "节假日", "国庆节"), ("2027-10-09", "补班", "国庆节调休上班"),
    ])
    tab.year_spin.setValue(2027)
    tab.import_file(path)
    assert tab.result_label.text().startswith("已导入“2027年工作日历.xlsx”。工作日历2027年：共7天，新增7天")
    assert tab.source_label.text() == "2027年：县级日历（已导入县里下发的日历，共调整7天）"
    # February 2027: 20 weekdays, 3 of them off, one Saturday worked.
    assert month_cell(tab, 2, MonthsModel.COL_WORKING) == "18"
    # January's table: the 5th working day of February skips the three days of 春节.
    assert month_cell(tab, 1, MonthsModel.COL_DUE) == "2月10日（周三）"
    assert [r[0] for r in day_rows(tab)][:2] == ["2027-01-01（周五）", "2027-02-05（周五）"]
    tab.year_spin.setValue(2026)  # December 2026's table is due in January 2027, now known
    assert month_cell(tab, 12, MonthsModel.COL_DUE) == "1月8日（周五）"


def test_a_bad_file_is_reported_row_by_row_and_nothing_is_imported(tab, ws, tmp_path):
    path = write_xlsx(tmp_path / "有错的日历.xlsx", [
        ("2027-01-01", "节假日", "元旦"), ("2027-13-01", "节假日", ""), ("2027-02-20", "上午班", ""),
    ])
    tab.year_spin.setValue(2027)
    tab.import_file(path)
    text = tab.result_label.text()
    assert text.startswith("“有错的日历.xlsx”有2处问题，没有导入任何内容：")
    assert "第4行 日期：" in text and "第5行 类型：无法识别的“上午班”" in text
    assert tab.source_label.text().startswith("2027年：未知 — 需导入。")
    assert calendar_service.list_calendar_days(ws, 2027) == [] and calendar_service.county_years(ws) == []


def test_the_template_holds_the_years_exceptions_and_imports_back_unchanged(tab, tmp_path):
    before = [month_cell(tab, m, MonthsModel.COL_WORKING) for m in range(1, 13)]
    written = tab.download_template(tmp_path / "2026年工作日历.xlsx")
    assert "已按程序中的2026年日历填好" in tab.result_label.text()
    sheet = load_workbook(written).worksheets[0]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert rows[0] == ("日期", "类型", "说明")
    listed = {(r[0].date(), r[1], r[2]) for r in rows[1:]}
    assert (date(2026, 10, 1), "节假日", "国庆节") in listed
    assert (date(2026, 10, 10), "工作日", "国庆节调休上班") in listed
    assert all(d.weekday() < 5 if kind == "节假日" else d.weekday() >= 5 for d, kind, _note in listed)
    tab.import_file(written)
    assert tab.source_label.text().startswith("2026年：县级日历")
    assert [month_cell(tab, m, MonthsModel.COL_WORKING) for m in range(1, 13)] == before


def test_the_template_of_an_unknown_year_has_only_its_header(tab, tmp_path):
    tab.year_spin.setValue(2028)
    written = tab.download_template(tmp_path / "2028.xlsx")
    sheet = load_workbook(written).worksheets[0]
    assert [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)] == [("日期", "类型", "说明")]
    assert "表中只有表头" in tab.result_label.text()


# ---------------------------------------------------------------- who may edit ------------------------------


def test_a_township_user_sees_the_calendar_but_cannot_edit_it(qtbot, gui_app, clerk_ws, ws):
    calendar_service.set_calendar_day(ws, date(2026, 11, 28), "工作日", "调休上班")
    tab = CalendarTab(clerk_ws, today=TODAY)
    qtbot.addWidget(tab)
    assert day_rows(tab) == [["2026-11-28（周六）", "工作日", "调休上班"]]
    for button in (tab.add_button, tab.edit_button, tab.delete_button, tab.import_button, tab.template_button):
        assert button.isHidden()
    assert not tab.read_only_label.isHidden()
    assert tab.read_only_label.text().startswith("工作日历由县委组织部统一维护")
    with pytest.raises(PermissionDenied):
        calendar_service.set_calendar_day(clerk_ws, date(2026, 11, 28), None)


def test_everyone_finds_the_calendar_in_the_settings(qtbot, gui_app, clerk_ws, ws):
    for who in (ws, clerk_ws):
        window = MainWindow(who)
        qtbot.addWidget(window)
        settings = window.open_page("系统设置")
        titles = [settings.tabs.tabText(i) for i in range(settings.tabs.count())]
        assert settings.tabs.widget(titles.index("工作日历")) is settings.calendar_tab


def test_screenshot_of_the_calendar_tab(qtbot, gui_app, ws):
    calendar_service.set_calendar_day(ws, date(2026, 8, 7), "节假日", "火把节（县里放假）")
    calendar_service.set_calendar_day(ws, date(2026, 11, 28), "工作日", "调休上班")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_page("系统设置")
    settings = window.stack.currentWidget()
    settings.tabs.setCurrentWidget(settings.calendar_tab)
    settings.calendar_tab.year_spin.setValue(2026)
    settings.calendar_tab.select_day(date(2026, 11, 28))
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "settings_calendar.png"
    assert window.grab().toImage().save(str(path))
    image = QImage(str(path))
    colours = {image.pixel(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)}
    assert image.size().toTuple() == (1280, 800) and len(colours) > 20
