"""The shared print preview opens a real PDF, says how many pages it has, prints every page and saves a copy."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from tests.gui.roster.builders import TM, add_cadre
from zhucun_desktop.gui import pdf_preview
from zhucun_desktop.gui.pdf_preview import PdfPreviewDialog
from zhucun_desktop.services.roster import RosterFilter
from zhucun_desktop.services.roster_export import export_roster_pdf


def roster_pdf(ws, tmp_path, persons: int = 3):
    for i in range(persons):
        add_cadre(ws, f"干部{i:02d}", 101 + 2 * i, role=TM, village_name=f"第{i}村")
    path = tmp_path / "花名册.pdf"
    export_roster_pdf(ws, path, RosterFilter())
    return path


def test_the_preview_opens_a_real_pdf_and_shows_its_page_count(qtbot, ws, tmp_path):
    dialog = PdfPreviewDialog(roster_pdf(ws, tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1
    assert dialog.page_label.text() == "共 1 页"
    assert dialog.print_button.isEnabled()


def test_printing_paints_every_page_on_the_printer(qtbot, ws, tmp_path):
    source = roster_pdf(ws, tmp_path, persons=40)  # more than one page
    dialog = PdfPreviewDialog(source)
    qtbot.addWidget(dialog)
    pages = dialog.page_count()
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog._match_orientation(printer)
    assert dialog.print_to(printer) == pages
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_save_as_copies_the_pdf(qtbot, ws, tmp_path, monkeypatch):
    dialog = PdfPreviewDialog(roster_pdf(ws, tmp_path))
    qtbot.addWidget(dialog)
    target = tmp_path / "copy"
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(pdf_preview, "inform", lambda *_a: None)
    dialog.save_as()
    assert (tmp_path / "copy.pdf").read_bytes() == dialog.pdf_path.read_bytes()


def test_a_missing_file_is_said_and_cannot_be_printed(qtbot, tmp_path):
    dialog = PdfPreviewDialog(tmp_path / "gone.pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_label.text() == "无法打开文件：gone.pdf"
    assert not dialog.print_button.isEnabled()
