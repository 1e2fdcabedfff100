"""打印审批表 and 请销假登记簿: the paper of §8, through the same services and writers as the CLI.

The 请假审批表 is printed in two copies, one page each (各执一联: the township keeps one, the county org dept
the other); the monthly 请销假登记簿 is previewed as PDF or saved as xlsx. A PDF is written to a temporary folder,
previewed (打印…, 另存为…) and removed when the preview closes (``gui.pdf_preview.preview_pdf``, shared with
the attendance and supervision pages).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from ...services.workspace import Workspace
from ..pdf_preview import PdfPreviewDialog, preview_pdf

__all__ = ["FORMAT_PDF", "FORMAT_XLSX", "BookDialog", "PdfPreviewDialog", "preview_pdf", "write_book",
           "write_form_pdf"]

FORMAT_PDF, FORMAT_XLSX = "pdf", "xlsx"
FIRST_YEAR = 2015


def write_form_pdf(ws: Workspace, request_uuid: str, path: Path, today: date | None = None) -> Path:
    from ...reports.leave_form_pdf import write_leave_form_pdf  # reportlab: only when printing
    from ...services import leave_print

    write_leave_form_pdf(leave_print.leave_form(ws, request_uuid, today=today), path)
    return path


def write_book(ws: Workspace, township_uuid: str | None, year: int, month: int, path: Path,
               today: date | None = None) -> Path:
    from ...reports.leave_book import write_leave_book_pdf, write_leave_book_xlsx
    from ...services import leave_print

    book = leave_print.leave_book(ws, township_uuid, year, month, today=today)
    if path.suffix.lower() == f".{FORMAT_XLSX}":
        write_leave_book_xlsx(book, path)
    else:
        write_leave_book_pdf(book, path)
    return path


class BookDialog(QDialog):
    """请销假登记簿: which month, and PDF (print) or Excel (save)."""

    def __init__(self, year: int, month: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("请销假登记簿")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, max(year, FIRST_YEAR) + 1)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix("年")
        self.month_combo = QComboBox()
        self.month_combo.addItems([f"{m}月" for m in range(1, 13)])
        self.month_combo.setCurrentIndex(month - 1)
        self.format_combo = QComboBox()
        self.format_combo.addItem("打印预览（PDF）", FORMAT_PDF)
        self.format_combo.addItem("导出Excel（xlsx）", FORMAT_XLSX)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("年份", self.year_spin)
        form.addRow("月份", self.month_combo)
        form.addRow("输出", self.format_combo)
        form.addRow(buttons)

    def choice(self) -> tuple[int, int, str]:
        return self.year_spin.value(), self.month_combo.currentIndex() + 1, self.format_combo.currentData()
