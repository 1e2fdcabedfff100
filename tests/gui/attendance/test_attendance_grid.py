"""考勤 page (§7): the clerk registers a month from the keyboard, faster than in Excel; bad input changes
nothing; the township leader seals the month and reopens it only with a reason.

October 2026 in 东风镇: six cadres in two villages, 张华 posted from 15 October. 1–7 October is 国庆节, Saturday
10 October a 调休 working day. QTest can type only ASCII, so "√" arrives as a key event carrying the character
(a soft keyboard or a symbol key) and 公/事 arrive through the input method, as on a clerk's PC.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from tests.gui.gui_support import show_offscreen, type_chinese
from tests.services.helpers import person_values, place
from zhucun_desktop.domain import terms
from zhucun_desktop.gui.attendance import page as page_module
from zhucun_desktop.gui.attendance.grid_model import (
    DAY_KIND_ROLE,
    DAY_OFF_COLOR,
    FIRST_DAY,
    AttendanceGridModel,
)
from zhucun_desktop.gui.attendance.page import AttendancePage
from zhucun_desktop.gui.pdf_preview import PdfPreviewDialog
from zhucun_desktop.services import roster
from zhucun_desktop.services.accounts import authenticate, create_user
from zhucun_desktop.services.attendance import CellChange, month_grid, set_cells
from zhucun_desktop.services.attendance_io import export_attendance_xlsx
from zhucun_desktop.services.attendance_months import seal_month
from zhucun_desktop.services.workspace import Workspace

YEAR, MONTH = 2026, 10
LATE_START = date(2026, 10, 15)
CADRES = (  # name, serial, village, role, start
    ("王建国", 101, "大坪村", terms.ROLE_FIRST_SECRETARY, date(2025, 5, 1)),
    ("李明", 103, "大坪村", terms.ROLE_TEAM_MEMBER, date(2025, 5, 1)),
    ("张华", 105, "大坪村", terms.ROLE_TEAM_MEMBER, LATE_START),
    ("赵丽", 102, "小河村", terms.ROLE_FIRST_SECRETARY, date(2025, 5, 1)),
    ("陈刚", 107, "小河村", terms.ROLE_TEAM_MEMBER, date(2025, 5, 1)),
    ("刘洋", 109, "小河村", terms.ROLE_TEAM_MEMBER, date(2025, 5, 1)),
)


@pytest.fixture
def township(ws: Workspace) -> str:
    for name, serial, village, role, start in CADRES:
        t, v = place(ws, "东风镇", village)
        person = roster.save_person(ws, person_values(ws, name, serial=serial), accept_warnings=True).uuid
        roster.add_posting(ws, person, village_uuid=v, role=role, start_date=start, accept_warnings=True)
    return t


def open_page(qtbot, ws: Workspace, year: int = YEAR, month: int = MONTH) -> AttendancePage:
    page = AttendancePage(ws)
    qtbot.addWidget(page)
    page.resize(1200, 640)
    show_offscreen(page)
    page.set_month(year, month)
    return page


def row_of(page_or_model, name: str) -> int:
    model = page_or_model.model if isinstance(page_or_model, AttendancePage) else page_or_model
    return next(r for r in range(model.n_rows) if model.row_name(r) == name)


def col(day: int) -> int:
    return FIRST_DAY + day - 1


def db_codes(ws: Workspace, township: str, name: str, year: int = YEAR, month: int = MONTH) -> dict[int, str]:
    """What the database holds for the cadre's row: day of month -> code."""
    grid = month_grid(ws, township, year, month)
    row = next(r for r in grid.rows if r.name == name)
    return {d.day: c for d, c in zip(grid.days, row.codes, strict=True) if c}


def select(page: AttendancePage, top: int, left: int, bottom: int | None = None,
           right: int | None = None) -> None:
    page.view.select_block(top, left, top if bottom is None else bottom, left if right is None else right)


def press(widget, text: str) -> None:
    """A key that types ``text`` (√ from a symbol key or a soft keyboard)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, text))


def total(page: AttendancePage, row: int, header: str) -> str:
    return page.model.text_at(row, page.model.first_total + page.model.total_headers.index(header))


def message(page: AttendancePage) -> str:
    return page.message_label.text()


# -- typing ----------------------------------------------------------------------------------------------


def test_typing_v_on_a_selection_fills_every_cell_and_the_row_total_updates(qtbot, ws, township):
    page = open_page(qtbot, ws)
    li = row_of(page, "李明")
    select(page, li, col(12), li, col(16))
    qtbot.keyClicks(page.view, "v")
    assert db_codes(ws, township, "李明") == {d: "√" for d in range(12, 17)}
    assert [page.model.text_at(li, col(d)) for d in range(12, 17)] == ["√"] * 5
    assert total(page, li, "在岗") == "5"
    assert page.model.text_at(page.model.n_rows, col(12)) == "1"  # 合计: one cadre in post that day
    assert "已登记5格" in message(page)


def test_typing_a_tick_in_one_cell_moves_to_the_next_day_like_excel(qtbot, ws, township):
    page = open_page(qtbot, ws)
    wang = row_of(page, "王建国")
    select(page, wang, col(1))
    press(page.view, "√")
    type_chinese(page.view, "事")
    qtbot.keyClicks(page.view, "g ")  # g = 公, space = √
    assert db_codes(ws, township, "王建国") == {1: "√", 2: "事", 3: "公", 4: "√"}
    assert page.view.currentIndex().column() == col(5)
    assert total(page, wang, "事") == "1" and total(page, wang, "公") == "1" and total(page, wang, "在岗") == "3"


def test_an_unknown_code_is_refused_on_the_spot(qtbot, ws, township):
    page = open_page(qtbot, ws)
    select(page, row_of(page, "王建国"), col(3))
    qtbot.keyClicks(page.view, "q")
    assert "“q”不是考勤符号" in message(page) and "√ 公 事 病 年 休 旷" in message(page)
    assert db_codes(ws, township, "王建国") == {}


def test_enter_moves_down_and_delete_clears_the_selection(qtbot, ws, township):
    page = open_page(qtbot, ws)
    wang = row_of(page, "王建国")
    select(page, wang, col(20), wang + 1, col(21))
    qtbot.keyClicks(page.view, "v")
    select(page, wang, col(20))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.view.currentIndex().row() == wang + 1
    select(page, wang, col(20), wang + 1, col(20))
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert db_codes(ws, township, "王建国") == {21: "√"}


def test_a_day_outside_the_posting_cannot_be_edited(qtbot, ws, township):
    page = open_page(qtbot, ws)
    zhang = row_of(page, "张华")
    assert not page.model.flags(page.model.index(zhang, col(3))) & Qt.ItemFlag.ItemIsEditable
    assert page.model.flags(page.model.index(zhang, col(15))) & Qt.ItemFlag.ItemIsEditable
    select(page, zhang, col(3))
    qtbot.keyClicks(page.view, "v")
    assert "张华 10月3日不在驻村期内" in message(page)
    assert db_codes(ws, township, "张华") == {}
    select(page, zhang, col(13), zhang, col(16))  # a selection across the start: only the posting's days
    qtbot.keyClicks(page.view, "v")
    assert db_codes(ws, township, "张华") == {15: "√", 16: "√"}


# -- paste, fill down, undo ------------------------------------------------------------------------------


def test_pasting_a_block_copied_from_excel_fills_the_cells(qtbot, ws, township):
    page = open_page(qtbot, ws)
    wang, li = row_of(page, "王建国"), row_of(page, "李明")
    assert li == wang + 2  # 王建国, 张华, 李明: 张华's October starts on the 15th, pasting across him would fail
    QApplication.clipboard().setText("√\t√\t事\r\n休\t公\t√\r\n")
    select(page, li, col(5))
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert db_codes(ws, township, "李明") == {5: "√", 6: "√", 7: "事"}
    assert db_codes(ws, township, page.model.row_name(li + 1)) == {5: "休", 6: "公", 7: "√"}
    assert "已粘贴2行×3列" in message(page)


def test_pasting_an_unknown_code_changes_nothing_and_names_the_cell(qtbot, ws, township):
    page = open_page(qtbot, ws)
    wang = row_of(page, "王建国")
    QApplication.clipboard().setText("√\t√\tX\t√\n")
    select(page, wang, col(5))
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "王建国 10月7日（粘贴内容第1行第3列）：无法识别的考勤符号“X”" in message(page)
    assert "全部未保存" in message(page)
    assert db_codes(ws, township, "王建国") == {}
    assert page.model.text_at(wang, col(5)) == ""


def test_pasting_a_block_larger_than_the_grid_changes_nothing(qtbot, ws, township):
    page = open_page(qtbot, ws)
    wang = row_of(page, "王建国")
    QApplication.clipboard().setText("\t".join(["√"] * 8))
    select(page, wang, col(25))
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert message(page).startswith("粘贴的内容有8列，但从10月25日起本月只剩7天")
    QApplication.clipboard().setText("√\n" * 7)
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert message(page).startswith("粘贴的内容有7行，但从王建国起只剩6人")
    assert db_codes(ws, township, "王建国") == {}


def test_pasting_a_code_onto_days_outside_a_posting_is_refused_whole(qtbot, ws, township):
    page = open_page(qtbot, ws)
    zhang = row_of(page, "张华")
    QApplication.clipboard().setText("√\t√\t√\n")
    select(page, zhang, col(13))
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "张华 10月13日（粘贴内容第1行第1列）：不在驻村期内" in message(page)
    assert db_codes(ws, township, "张华") == {}
    QApplication.clipboard().setText("\t\t√\n")  # blanks before the posting starts are fine
    qtbot.keyClick(page.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert db_codes(ws, township, "张华") == {15: "√"}


def test_ctrl_d_fills_the_selection_down_from_its_top_row(qtbot, ws, township):
    page = open_page(qtbot, ws)
    zhao = row_of(page, "赵丽")
    select(page, zhao, col(8), zhao, col(9))
    type_chinese(page.view, "病")
    select(page, zhao, col(8), zhao + 2, col(9))
    qtbot.keyClick(page.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    for r in (zhao, zhao + 1, zhao + 2):
        assert db_codes(ws, township, page.model.row_name(r)) == {8: "病", 9: "病"}
        assert total(page, r, "病") == "2"
    select(page, zhao, col(8), zhao + 1, col(10))
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "病\t病\t\n病\t病\t\n"  # ready for Excel/WPS


def test_ctrl_z_undoes_and_the_database_shows_the_old_value_again(qtbot, ws, township):
    page = open_page(qtbot, ws)
    wang = row_of(page, "王建国")
    select(page, wang, col(9))
    type_chinese(page.view, "事")
    select(page, wang, col(8), wang, col(10))
    qtbot.keyClicks(page.view, "v")
    assert db_codes(ws, township, "王建国") == {8: "√", 9: "√", 10: "√"}
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_codes(ws, township, "王建国") == {9: "事"}
    assert page.model.text_at(wang, col(9)) == "事" and total(page, wang, "在岗") == "0"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert db_codes(ws, township, "王建国") == {}
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert message(page) == "没有可撤销的修改。"


def test_full_month_fills_only_the_empty_days_of_the_selected_rows(qtbot, ws, township):
    page = open_page(qtbot, ws)
    zhang = row_of(page, "张华")
    select(page, zhang, col(20))
    type_chinese(page.view, "事")
    select(page, zhang, col(1), zhang + 1, col(1))  # 张华 and 李明
    page.full_action.trigger()
    assert db_codes(ws, township, "张华") == {d: "事" if d == 20 else "√" for d in range(15, 32)}
    assert db_codes(ws, township, "李明") == {d: "√" for d in range(1, 32)}
    assert db_codes(ws, township, "王建国") == {}
    assert total(page, zhang, "在岗") == "16" and total(page, zhang, "事") == "1"
    assert "本月全勤：2人的47个空白日已登记为√" in message(page)


# -- sign-off --------------------------------------------------------------------------------------------


def fill_month(ws: Workspace, township: str) -> None:
    grid = month_grid(ws, township, YEAR, MONTH)
    set_cells(ws, township, YEAR, MONTH, [CellChange(r.posting_uuid, d, "√") for r in grid.rows
                                          for d, ok in zip(grid.days, r.editable, strict=True) if ok])


def test_a_sealed_month_is_read_only_and_typing_says_it_is_sealed(qtbot, ws, township, monkeypatch):
    fill_month(ws, township)
    page = open_page(qtbot, ws)
    shown = []
    monkeypatch.setattr(page_module, "confirm", lambda *args, **kw: True)
    monkeypatch.setattr(page_module, "inform", lambda parent, title, text: shown.append(text))
    page.seal_action.trigger()
    digest = page.model.grid.content_hash
    assert digest and digest in shown[0]
    assert page.bar.state_label.text() == f"已封存  校验码 {digest[:12]}"
    wang = row_of(page, "王建国")
    assert not page.model.flags(page.model.index(wang, col(5))) & Qt.ItemFlag.ItemIsEditable
    select(page, wang, col(5))
    type_chinese(page.view, "事")
    assert "2026年10月已封存" in message(page) and "重开" in message(page)
    assert db_codes(ws, township, "王建国")[5] == "√"
    assert not page.full_action.isEnabled() and page.reopen_action.isEnabled()


def test_reopening_needs_a_reason_and_enables_editing_again(qtbot, ws, township, monkeypatch):
    fill_month(ws, township)
    first = seal_month(ws, township, YEAR, MONTH)
    page = open_page(qtbot, ws)
    page.reopen("改")
    assert "至少4个字" in message(page) and page.model.locked
    typed = "王建国10月5日实为事假，更正"
    monkeypatch.setattr(page_module.QInputDialog, "exec", lambda dialog: dialog.setTextValue(typed) or 1)
    page.reopen_action.trigger()
    assert not page.model.locked and page.bar.state_label.text() == "未完成"
    wang = row_of(page, "王建国")
    select(page, wang, col(5))
    type_chinese(page.view, "事")
    assert db_codes(ws, township, "王建国")[5] == "事"
    second = seal_month(ws, township, YEAR, MONTH)
    assert second != first  # a new seal, a new hash


def test_a_township_clerk_submits_but_cannot_seal(qtbot, ws, township):
    create_user(ws, username="clerk", display_name="周文", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                password="clerk-2026", township_uuid=township)
    clerk = Workspace(ws.db, authenticate(ws.db, "clerk", "clerk-2026"))
    page = open_page(qtbot, clerk)
    assert not page.seal_action.isVisible() and not page.reopen_action.isVisible()
    assert not page.bar.township_combo.isEnabled()
    page.ready_action.trigger()
    assert "还有" in message(page) and "个单元格未登记，不能提交审核" in message(page)
    fill_month(ws, township)
    page.reload()
    page.ready_action.trigger()
    assert page.bar.state_label.text() == "待审核"


def test_a_county_viewer_sees_the_month_but_changes_nothing(qtbot, ws, township):
    create_user(ws, username="viewer", display_name="县级", role=terms.USER_ROLE_COUNTY_VIEWER,
                password="viewer-2026")
    viewer = Workspace(ws.db, authenticate(ws.db, "viewer", "viewer-2026"))
    page = open_page(qtbot, viewer)
    assert page.model.n_rows == 6 and not page.full_action.isVisible()
    select(page, row_of(page, "王建国"), col(5))
    qtbot.keyClicks(page.view, "v")
    assert "县级查看" in message(page)


# -- the model alone -------------------------------------------------------------------------------------


def test_the_model_shows_days_holidays_and_totals(ws, township):
    posting = next(r.posting_uuid for r in month_grid(ws, township, YEAR, MONTH).rows if r.name == "王建国")
    set_cells(ws, township, YEAR, MONTH, [CellChange(posting, date(2026, 10, d), code)
                                          for d, code in ((12, "√"), (13, "√"), (14, "事"), (15, "旷"))])
    model = AttendanceGridModel(ws, month_grid(ws, township, YEAR, MONTH))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:FIRST_DAY] == ["姓名", "驻村身份", "所驻村"]
    assert headers[col(1)] == "1\n四" and headers[col(12)] == "12\n一"
    assert headers[col(10)] == "10\n班"  # Saturday 10 October 2026: 调休上班
    assert headers[model.first_total:] == ["在岗", "工作日\n在岗", "公", "事", "病", "年", "休", "旷"]
    holiday = model.index(0, col(1))
    assert model.data(holiday, DAY_KIND_ROLE) == "节假日"
    assert model.data(holiday, Qt.ItemDataRole.BackgroundRole).color().name() == DAY_OFF_COLOR
    assert "国庆节" in model.headerData(col(1), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, col(12)), Qt.ItemDataRole.BackgroundRole) is None  # a working Monday
    wang = row_of(model, "王建国")
    totals = [model.text_at(wang, c) for c in range(model.first_total, model.columnCount())]
    assert totals == ["2", "18", "", "1", "", "", "", "1"]  # 18 working days: 国庆 off, 10 Oct on
    zhang = row_of(model, "张华")
    assert model.data(model.index(zhang, col(3)), Qt.ItemDataRole.BackgroundRole).style() == \
        Qt.BrushStyle.BDiagPattern
    last = model.n_rows
    assert model.rowCount() == 7 and model.text_at(last, 0) == "合计" and model.text_at(last, 1) == "6人"
    assert model.text_at(last, col(12)) == "1" and model.text_at(last, col(14)) == "0"
    assert model.text_at(last, model.first_total) == "2"


def test_a_missing_calendar_is_named_but_the_grid_still_works(qtbot, ws, township):
    page = open_page(qtbot, ws, 2027, 3)
    assert page.notice_label.isVisible()
    assert page.notice_label.text().startswith("缺少2027年的工作日历")
    wang = row_of(page, "王建国")
    select(page, wang, col(1), wang, col(3))
    qtbot.keyClicks(page.view, "v")
    assert db_codes(ws, township, "王建国", 2027, 3) == {1: "√", 2: "√", 3: "√"}
    assert total(page, wang, "工作日\n在岗") == "—"


# -- paper -----------------------------------------------------------------------------------------------


def test_print_opens_the_table_in_the_print_preview(qtbot, ws, township, monkeypatch):
    fill_month(ws, township)
    opened = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: opened.append(self.page_count()) or 0)
    page = open_page(qtbot, ws)
    page.print_action.trigger()
    assert opened and opened[0] >= 1


def test_export_and_the_village_placard(qtbot, ws, township, tmp_path, monkeypatch):
    fill_month(ws, township)
    page = open_page(qtbot, ws)
    page.export_excel(tmp_path / "十月")
    assert (tmp_path / "十月.xlsx").is_file() and "已导出到" in message(page)
    opened = []
    monkeypatch.setattr(page_module.PlacardDialog, "exec", lambda self: 1)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0)
    page.placard_action.trigger()
    assert opened == ["挂牌公示"]


def _xlsx_with(ws: Workspace, township: str, path: Path, edits: dict[tuple[str, int], str]) -> Path:
    """The month exported, then cells typed over in Excel: (姓名, day) -> value."""
    export_attendance_xlsx(ws, path, YEAR, MONTH, township)
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    for (name, day), value in edits.items():
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == name)
        sheet.cell(row, 5 + day).value = value
    wb.save(path)
    return path


def test_import_lists_every_problem_and_imports_only_a_clean_file(qtbot, ws, township, tmp_path, monkeypatch):
    bad = _xlsx_with(ws, township, tmp_path / "bad.xlsx", {("王建国", 3): "X", ("张华", 2): "√"})
    dialog = page_module.AttendanceImportDialog(ws, township, YEAR, MONTH, bad)
    qtbot.addWidget(dialog)
    problems = [dialog.problem_list.item(i).text() for i in range(dialog.problem_list.count())]
    assert any("第3日：无法识别的考勤符号“X”" in p for p in problems)
    assert any("第2日：不在驻村期内" in p for p in problems)
    assert not dialog.import_button.isEnabled()
    good = _xlsx_with(ws, township, tmp_path / "good.xlsx", {("王建国", 3): "事", ("李明", 4): "√"})
    page = open_page(qtbot, ws)
    monkeypatch.setattr(page_module.AttendanceImportDialog, "exec", lambda self: self.import_button.click())
    page.import_excel(good)
    assert db_codes(ws, township, "王建国") == {3: "事"} and db_codes(ws, township, "李明") == {4: "√"}
    assert page.model.text_at(row_of(page, "王建国"), col(3)) == "事"
    assert "导入" in message(page)


def test_filters_show_one_village_and_one_role(qtbot, ws, township):
    page = open_page(qtbot, ws)
    page.bar.village_combo.setCurrentIndex(page.bar.village_combo.findText("小河村"))
    assert sorted(page.model.row_name(r) for r in range(page.model.n_rows)) == ["刘洋", "赵丽", "陈刚"]
    page.bar.role_combo.setCurrentIndex(page.bar.role_combo.findData(terms.ROLE_FIRST_SECRETARY))
    assert [page.model.row_name(r) for r in range(page.model.n_rows)] == ["赵丽"]
    page.bar.step(1)
    assert page.bar.year_month() == (2026, 11)
