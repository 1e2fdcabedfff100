"""打印审批表 and 请销假登记簿 from the page: real PDFs read back with pdftotext, the xlsx with openpyxl."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.gui.gui_support import show_offscreen
from tests.gui.leave.team import TODAY, Team, build_team, clerk_workspace, file_request, sign_all
from zhucun_desktop.gui.leave import output
from zhucun_desktop.gui.leave.page import LeavePage

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
PAGE_SIZE = (1196, 640)  # a 1366×768 screen less the navigation, frames, menu, status bar and taskbar


@pytest.fixture
def team(ws) -> Team:
    return build_team(ws)


@pytest.fixture
def clerk(ws, team):
    return clerk_workspace(ws, team)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def capture_preview(monkeypatch) -> list[tuple[str, int, str]]:
    """What the preview showed: its title, page count and the PDF's text (read while the file exists)."""
    shown = []

    def fake_exec(dialog) -> int:
        shown.append((dialog.windowTitle(), dialog.page_count(), pdf_text(dialog.pdf_path)))
        return 0

    monkeypatch.setattr(output.PdfPreviewDialog, "exec", fake_exec)
    return shown


def test_the_selected_request_prints_as_a_two_copy_form(qtbot, gui_app, clerk, team, monkeypatch):
    uuid = file_request(clerk, team, "王建国", date(2026, 11, 4), date(2026, 11, 6))
    sign_all(clerk, uuid, TODAY)
    page = LeavePage(clerk, today=TODAY)
    qtbot.addWidget(page)
    page.select_request(uuid)
    shown = capture_preview(monkeypatch)
    page.print_action.trigger()
    title, _pages, text = shown[0]
    assert title == "打印请假审批表"
    assert "王建国" in text and "李明" in text  # the requester and the 工作交接人
    assert "乡镇存根" in text and "县委组织部备案联" in text  # 各执一联
    assert page.message() == ""


def test_the_month_book_is_previewed_as_pdf_and_saved_as_xlsx(qtbot, gui_app, clerk, team, monkeypatch,
                                                               tmp_path):
    uuid = file_request(clerk, team, "赵丽", date(2026, 11, 4), date(2026, 11, 5))
    sign_all(clerk, uuid, TODAY)
    page = LeavePage(clerk, today=TODAY)
    qtbot.addWidget(page)
    shown = capture_preview(monkeypatch)
    page.write_book(2026, 11, output.FORMAT_PDF)
    assert "请销假登记簿" in shown[0][2] and "赵丽" in shown[0][2]

    target = page.write_book(2026, 11, output.FORMAT_XLSX, tmp_path / "登记簿")
    assert target == tmp_path / "登记簿.xlsx"
    cells = [str(c) for row in load_workbook(target).active.iter_rows(values_only=True) for c in row if c]
    assert any("赵丽" in c for c in cells)
    assert "已导出到" in page.message()


def test_screenshot_of_the_leave_page(qtbot, gui_app, clerk, team):
    late = file_request(clerk, team, "周梅", date(2026, 10, 19), date(2026, 10, 21), filed_on=date(2026, 10, 16))
    sign_all(clerk, late, date(2026, 10, 16), today=date(2026, 10, 16))
    away = file_request(clerk, team, "孙强", date(2026, 11, 1), date(2026, 11, 3), filed_on=date(2026, 10, 29))
    sign_all(clerk, away, date(2026, 10, 29), today=date(2026, 10, 29))
    file_request(clerk, team, "赵丽", date(2026, 11, 9), date(2026, 11, 14), kind="参会培训")
    pending = file_request(clerk, team, "王建国", date(2026, 11, 5), date(2026, 11, 7), kind="学习考察")
    sign_all(clerk, pending, TODAY, steps=1)
    file_request(clerk, team, "吴磊", date(2026, 11, 20), date(2026, 11, 21), submit=False)
    page = LeavePage(clerk, today=TODAY)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    show_offscreen(page)
    page.select_request(pending)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "leave_page.png"
    assert page.grab().save(str(path))
    assert path.stat().st_size > 20_000
