"""打印预览: show one of the program's PDFs, print it, or save a copy. Shared by every page that prints.

The PDF is what gets printed, page by page: each page is rendered at the printer's resolution and painted onto
the printer's page, so the paper matches the preview and the file (fonts are embedded by reportlab, DESIGN.md).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .messages import inform, warn
from .roster.feedback import service_message
from .widgets import busy, done

# Pages are rendered at no more than this for printing: a 1200 dpi A4 image would need half a gigabyte.
MAX_RENDER_DPI = 300
ZOOMS = (("适合宽度", None), ("整页", -1.0), ("100%", 1.0), ("150%", 1.5))


class PdfPreviewDialog(QDialog):
    """``PdfPreviewDialog(pdf_path)``: 打印…, 另存为…, 关闭. ``suggested_name`` is offered by 另存为."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None, *, title: str = "打印预览",
                 suggested_name: str | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.suggested_name = suggested_name or self.pdf_path.name
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._build()
        error = self.document.load(str(self.pdf_path))
        if error != QPdfDocument.Error.None_:
            self.page_label.setText(f"无法打开文件：{self.pdf_path.name}")
            self.print_button.setEnabled(False)
        else:
            self.page_label.setText(f"共 {self.page_count()} 页")
        self.resize(1000, 720)

    def _build(self) -> None:
        self.print_button = QPushButton("打印…")
        self.print_button.setDefault(True)
        self.save_button = QPushButton("另存为…")
        self.close_button = QPushButton("关闭")
        self.zoom_combo = QComboBox()
        for text, _factor in ZOOMS:
            self.zoom_combo.addItem(text)
        self.zoom_combo.setToolTip("显示比例")
        self.page_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel("显示比例"))
        bar.addWidget(self.zoom_combo)
        bar.addSpacing(16)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        self.zoom_combo.currentIndexChanged.connect(self._zoom)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_with_dialog)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _zoom(self, index: int) -> None:
        factor = ZOOMS[index][1]
        if factor is None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif factor < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)

    # -- printing -------------------------------------------------------------------------------------------
    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._match_orientation(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        dialog.setMinMax(1, max(self.page_count(), 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.print_to(printer)
        except RuntimeError as exc:
            warn(self, "打印没有完成", str(exc))

    def _match_orientation(self, printer: QPrinter) -> None:
        """A landscape roster goes on landscape paper."""
        if self.page_count():
            size = self.document.pagePointSize(0)
            landscape = size.width() > size.height()
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                       else QPageLayout.Orientation.Portrait)

    def print_to(self, printer: QPrinter) -> int:
        """Print the pages the printer asks for (all, or its from/to range); returns the pages printed."""
        first, last = 1, self.page_count()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or last, last)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("无法开始打印，请检查打印机是否连接并已开机。")
        try:
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                self._paint_page(painter, printer, number - 1)
        finally:
            painter.end()
        return last - first + 1

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        points = self.document.pagePointSize(index)
        # Fit the page into the printable area, keeping its proportions, centred.
        scale = min(target.width() / points.width(), target.height() / points.height())
        drawn = QSizeF(points.width() * scale, points.height() * scale)
        # Render at the printer's resolution, capped so that an old PC does not run out of memory.
        render_scale = min(scale, MAX_RENDER_DPI / 72)
        image: QImage = self.document.render(index, QSize(round(points.width() * render_scale),
                                                          round(points.height() * render_scale)))
        corner = QPointF((target.width() - drawn.width()) / 2, (target.height() - drawn.height()) / 2)
        painter.drawImage(QRectF(corner, drawn), image)

    # -- saving ---------------------------------------------------------------------------------------------
    def save_as(self) -> None:
        start = str(Path.home() / self.suggested_name)
        target, _ = QFileDialog.getSaveFileName(self, "另存为", start, "PDF 文件 (*.pdf)")
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            warn(self, "没有保存", f"无法保存到“{target}”：{exc.strerror or exc}")
            return
        inform(self, "已保存", f"已保存到：\n{target}")

    def closeEvent(self, event) -> None:
        self.document.close()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)


def preview_pdf(parent: QWidget, write: Callable[[Path], object], title: str, name: str,
                say: Callable[[str], None]) -> Path | None:
    """Write the PDF (``write(path)``) into a temporary folder, preview it (print, save as), remove it when
    the preview closes. A failure is said in Chinese through ``say``. Returns the temporary path (None on
    failure)."""
    folder = Path(tempfile.mkdtemp(prefix="zhucun-print-"))
    pdf = folder / name
    busy()
    try:
        write(pdf)
    except Exception as exc:  # noqa: BLE001 - told in Chinese; nothing half-written is left
        done()
        shutil.rmtree(folder, ignore_errors=True)
        say(f"无法生成{title}：{service_message(exc)}")
        return None
    done()
    dialog = PdfPreviewDialog(pdf, parent, title=title, suggested_name=name)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
        shutil.rmtree(folder, ignore_errors=True)  # Windows may still hold it: the system cleans temp
    return pdf
