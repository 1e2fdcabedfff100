"""Screenshots for docs/screenshots/: the 考勤 grid of a realistic month, a sealed month and the import check.

The page is grabbed at the size it has in the main window maximised on a 1366×768 screen (navigation, menu,
status bar and taskbar taken off), so the pictures show what a township clerk sees on an old office PC.
A real test: every picture must be written and must not be blank.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage

from tests.gui.gui_support import show_offscreen
from zhucun_desktop.gui.attendance.dialogs import AttendanceImportDialog
from zhucun_desktop.gui.attendance.grid_model import FIRST_DAY
from zhucun_desktop.gui.attendance.page import AttendancePage
from zhucun_desktop.services import org
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.attendance import CellChange, month_grid, set_cells
from zhucun_desktop.services.attendance_io import export_attendance_xlsx
from zhucun_desktop.services.attendance_months import seal_month
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
PAGE_SIZE = (1196, 640)  # a 1366×768 screen less the navigation (150), frames, menu, status bar and taskbar
TOWNSHIP = "东风镇"
SEALED = (2026, 10)
CURRENT = (2026, 11)
FILLED_UP_TO = 20  # the current month is registered up to the 20th
# The demo's "today": 东风镇 is the demo's late township, so its October is still open to be sealed here.
TODAY = date(2026, 11, 21)


def save(widget, name: str) -> Path:
    """Grab, write and read back: a blank or all-boxes grab has only a few colours."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().toImage().save(str(path)), f"could not write {path}"
    written = QImage(str(path))
    assert not written.isNull() and written.width() > 100 and written.height() > 100
    colours = {written.pixel(x, y) for y in range(0, written.height(), 3)
               for x in range(0, written.width(), 3)}
    assert len(colours) > 20, f"{name}.png looks blank"
    return path


def realistic_codes(rng: random.Random, kinds: list[str], days: int) -> list[str]:
    """Mostly √ on working days, 休 on most weekends and holidays (some on duty), a few 公 事 病 年."""
    codes = []
    for kind in kinds[:days]:
        if kind in ("休息日", "节假日"):
            codes.append("√" if rng.random() < 0.25 else "休")
            continue
        roll = rng.random()
        codes.append("公" if roll < 0.05 else "事" if roll < 0.07 else "病" if roll < 0.08
                     else "年" if roll < 0.085 else "√")
    return codes


def fill(ws: Workspace, township: str, year: int, month: int, up_to: int, rng: random.Random) -> None:
    grid = month_grid(ws, township, year, month)
    if any(code for r in grid.rows for code in r.codes):
        return  # the demo already has attendance
    changes = []
    for r in grid.rows:
        for d, code in zip(grid.days, realistic_codes(rng, grid.day_kinds, up_to), strict=False):
            if r.editable[d.day - 1]:
                changes.append(CellChange(r.posting_uuid, d, code))
    set_cells(ws, township, year, month, changes)


@pytest.fixture(scope="module")
def demo_month(tmp_path_factory) -> Path:
    """The demo county, with October 2026 of one township registered and sealed, November up to the 20th."""
    from zhucun_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME, build_demo

    path = tmp_path_factory.mktemp("attendance") / "云岭县.db"
    build_demo(path, today=TODAY)
    db = open_database(path)
    try:
        ws = Workspace(db, authenticate(db, ADMIN_USERNAME, ADMIN_PASSWORD))
        township = next(t.uuid for t in org.list_townships(ws) if t.name == TOWNSHIP)
        rng = random.Random(7)
        fill(ws, township, *SEALED, 31, rng)
        seal_month(ws, township, *SEALED)
        fill(ws, township, *CURRENT, FILLED_UP_TO, rng)
    finally:
        db.close()
    return path


@pytest.fixture
def demo_ws(demo_month):
    from zhucun_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME

    db = open_database(demo_month)
    yield Workspace(db, authenticate(db, ADMIN_USERNAME, ADMIN_PASSWORD))
    db.close()


def open_page(qtbot, ws: Workspace, year: int, month: int) -> AttendancePage:
    page = AttendancePage(ws)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    show_offscreen(page)
    page.bar.township_combo.setCurrentIndex(page.bar.township_combo.findText(TOWNSHIP))
    page.set_month(year, month)
    qtbot.wait(10)
    return page


def test_screenshot_of_the_attendance_grid(qtbot, gui_app, demo_ws):
    page = open_page(qtbot, demo_ws, *CURRENT)
    assert page.model.n_rows > 15
    day = FIRST_DAY + FILLED_UP_TO
    first_row = next(r for r in range(page.model.n_rows) if page.model.is_editable(r, day))
    page.view.select_block(first_row, day, first_row + 2, day + 1)
    page.view.setFocus()
    view = page.view
    # 31 days and every total in view without scrolling sideways, on a 1366-pixel screen.
    assert view.horizontalScrollBar().maximum() == 0, view.horizontalScrollBar().maximum()
    save(page, "attendance_grid")


def test_screenshot_of_a_sealed_month(qtbot, gui_app, demo_ws):
    page = open_page(qtbot, demo_ws, *SEALED)
    assert page.model.locked and page.bar.state_label.text().startswith("已封存  校验码 ")
    assert page.view.horizontalScrollBar().maximum() == 0  # 31 days and the totals fit too
    page.say(f"{page._month_text()}考勤表已封存，校验码 {page.model.grid.content_hash[:12]}…", True)
    save(page, "attendance_sealed")


def test_screenshot_of_the_import_check(qtbot, gui_app, demo_ws, tmp_path):
    township = next(t.uuid for t in org.list_townships(demo_ws) if t.name == TOWNSHIP)
    path = tmp_path / f"{TOWNSHIP}2026年11月考勤表.xlsx"
    export_attendance_xlsx(demo_ws, path, *CURRENT, township)
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    first = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == 1)
    for row, day, value in ((first, 21, "√"), (first, 22, "出差"), (first + 3, 21, "x"), (first + 4, 23, "迟到"),
                            (first + 6, 25, "√")):
        sheet.cell(row, 5 + day).value = value
    sheet.cell(first + 9, 2).value = "张三"  # a name that does not match the 身份证号: a warning
    wb.save(path)
    dialog = AttendanceImportDialog(demo_ws, township, *CURRENT, path)
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    assert not dialog.import_button.isEnabled() and dialog.problem_list.count() >= 3
    save(dialog, "attendance_import_preview")
