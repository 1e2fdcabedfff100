"""Print the 负面清单及整改台账 (§13) as an A4 landscape PDF with embedded fonts.

The columns are the paper ledger's (``LEDGER_COLUMNS``); the header repeats on every page; each footer says
"第 N 页 共 M 页". A row past its 整改时限 and not yet rectified is shaded red and its deadline carries
"（逾期）", so that it still stands out on a black-and-white printer.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from zhucun_desktop.fileutil import atomic_output
from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.ledger_data import LEDGER_COLUMNS, LedgerPrint

__all__ = ["render_ledger_pdf"]

# ---- layout constants of this form (DESIGN.md: one place per form) ----
PAGE_SIZE = landscape(A4)
MARGIN_X = 10 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 15 * mm
FOOTER_Y = 7 * mm
BODY_SIZE = 8
BODY_LEADING = 10
TITLE_SIZE = 18
SUBTITLE_SIZE = 10
FOOTER_SIZE = 8
CELL_PAD = 2.5
GRID_COLOR = colors.HexColor("#6F7780")
HEADER_BG = colors.HexColor("#DDE4EE")
OVERDUE_BG = colors.HexColor("#F8D7D5")
OVERDUE_TEXT = colors.HexColor("#A4161A")
# Widths in mm for the fixed columns; None shares the rest by weight (free text that wraps).
WIDTHS: dict[str, float | None] = {
    "序号": 8, "问题来源": 20, "发现时间": 17, "责任主体": 24, "问题描述": None, "整改措施": None,
    "整改时限": 18, "责任人": 14, "整改进展": None, "完成时间": 17, "核查结果": None, "是否通报": 10,
}
WEIGHTS = {"问题描述": 3.0, "整改措施": 2.2, "整改进展": 2.4, "核查结果": 1.4}
LEFT_ALIGNED = {"问题来源", "责任主体", "问题描述", "整改措施", "整改进展", "核查结果"}


def _widths() -> list[float]:
    frame = PAGE_SIZE[0] - 2 * MARGIN_X
    fixed = sum(w * mm for w in WIDTHS.values() if w)
    rest = frame - fixed
    total = sum(WEIGHTS.values())
    return [(w * mm) if w else rest * WEIGHTS[h] / total for h, w in WIDTHS.items()]


def _styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    base: dict[str, Any] = {"fontName": fonts.body, "fontSize": BODY_SIZE, "leading": BODY_LEADING,
                            "wordWrap": "CJK"}
    return {
        "title": ParagraphStyle("title", fontName=fonts.bold_title, fontSize=TITLE_SIZE,
                                leading=TITLE_SIZE * 1.35, alignment=TA_CENTER, wordWrap="CJK"),
        "subtitle": ParagraphStyle("subtitle", fontName=fonts.body, fontSize=SUBTITLE_SIZE,
                                   leading=SUBTITLE_SIZE * 1.4, alignment=TA_CENTER, wordWrap="CJK"),
        "center": ParagraphStyle("center", alignment=TA_CENTER, **base),
        "left": ParagraphStyle("left", alignment=TA_LEFT, **base),
        "overdue": ParagraphStyle("overdue", alignment=TA_CENTER, textColor=OVERDUE_TEXT, **base),
    }


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    # Escaped so that "&" or "<" in a description prints; line breaks of 整改进展 are kept.
    return Paragraph(escape(text.strip()).replace("\n", "<br/>"), style)


def _numbered_canvas(font: str, title: str, printed: str) -> type[Canvas]:
    """Holds the pages until the end so every footer can say 共 M 页 (reportlab's two-pass recipe)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font  # no stray Helvetica
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.saveState()
                self.setFont(font, FOOTER_SIZE)
                self.drawString(MARGIN_X, FOOTER_Y, title)
                self.drawCentredString(width / 2, FOOTER_Y, f"第 {self._pageNumber} 页 共 {total} 页")
                self.drawRightString(width - MARGIN_X, FOOTER_Y, printed)
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def render_ledger_pdf(data: LedgerPrint, path: str | os.PathLike[str]) -> None:
    """Render the ledger to ``path`` (replaced atomically)."""
    fonts = register_cjk_fonts()
    st = _styles(fonts)
    header = [_para(h, st["center"]) for h in LEDGER_COLUMNS]
    table_rows: list[list[Any]] = [header]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.body, BODY_SIZE, BODY_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOR),
        ("BOX", (0, 0), (-1, -1), 0.9, GRID_COLOR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    deadline_col = LEDGER_COLUMNS.index("整改时限")
    for n, row in enumerate(data.rows, start=1):
        cells = []
        for i, (head, text) in enumerate(zip(LEDGER_COLUMNS, row.cells(n))):
            style = st["left"] if head in LEFT_ALIGNED else st["center"]
            if row.overdue and i == deadline_col:
                style = st["overdue"]
            cells.append(_para(text, style))
        table_rows.append(cells)
        if row.overdue:
            commands.append(("BACKGROUND", (0, n), (-1, n), OVERDUE_BG))
    if not data.rows:
        table_rows.append([_para("（暂无台账记录）", st["center"])] + [""] * (len(LEDGER_COLUMNS) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(table_rows, colWidths=_widths(), repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    story = [_para(data.title, st["title"]), _para(data.subtitle, st["subtitle"]), Spacer(1, 3 * mm), table]
    printed = f"打印时间：{data.printed_at:%Y-%m-%d %H:%M}"
    with atomic_output(Path(path)) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=PAGE_SIZE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                                topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=data.title,
                                subject=data.subtitle, author="zhucun_desktop", creator="zhucun_desktop")
        doc.build(story, canvasmaker=_numbered_canvas(fonts.body, data.title, printed))
