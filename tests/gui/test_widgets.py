"""The Excel export every page shares (gui/widgets.save_xlsx): where it writes, and what the clerk is told."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from zhucun_desktop.gui.widgets import save_xlsx
from zhucun_desktop.services.errors import ServiceError


def test_the_export_adds_xlsx_and_returns_what_the_writer_returned(gui_app, tmp_path):
    said: list[str] = []
    written = save_xlsx(QWidget(), said.append, "导出", "x.xlsx",
                        lambda target: target.write_bytes(b"PK") and 7, tmp_path / "台账")
    assert written == (tmp_path / "台账.xlsx", 7)
    assert (tmp_path / "台账.xlsx").read_bytes() == b"PK" and said == []
    assert QApplication.overrideCursor() is None


def test_a_file_still_open_in_excel_is_named_and_the_wait_cursor_ends(gui_app, tmp_path):
    said: list[str] = []

    def locked(target: Path) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    assert save_xlsx(QWidget(), said.append, "导出", "x.xlsx", locked, tmp_path / "考勤表.xlsx") is None
    assert said == ["无法写入“考勤表.xlsx”：文件可能正在 Excel 或 WPS 中打开，请关闭后再导出。"]
    assert QApplication.overrideCursor() is None


def test_a_refusal_is_told_in_its_own_words(gui_app, tmp_path):
    said: list[str] = []

    def refused(target: Path) -> None:
        raise ServiceError("本月考勤表尚未登记，不能导出。")

    assert save_xlsx(QWidget(), said.append, "导出", "x.xlsx", refused, tmp_path / "a.xlsx") is None
    assert said == ["没有导出：本月考勤表尚未登记，不能导出。"]
