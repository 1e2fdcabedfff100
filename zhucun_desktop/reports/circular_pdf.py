"""Print a 通报 (§14) as an A4 portrait PDF in the usual layout of a Chinese official document (GB/T 9704):
the issuing body's red masthead with its 文号 and a red rule, the title ``关于……情况的通报`` centred, the body
in 3号 (16 pt) with a two-character first-line indent, the issuing body and the date at the bottom right, and
the page number as "— 1 —".

On Windows the system's FangSong/SimSun give the familiar look; elsewhere the bundled font (reports.fonts).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from zhucun_desktop.reports.fonts import register_cjk_fonts
from zhucun_desktop.reports.pdf_common import cjk_style, embedded_font_canvas, fit_size, write_document

__all__ = ["CircularPrint", "render_circular_pdf"]

# ---- layout constants (GB/T 9704-2012, simplified) ----
PAGE_SIZE = A4
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
MASTHEAD_SIZE = 30
TITLE_SIZE = 22  # 2号
BODY_SIZE = 16  # 3号
BODY_LEADING = 28
NUMBER_SIZE = 16
PAGE_NUMBER_SIZE = 14  # 4号
RED = colors.HexColor("#D8121B")


@dataclass(frozen=True)
class CircularPrint:
    title: str
    doc_number: str  # 文号, e.g. 云组通〔2026〕12号
    body: str  # paragraphs separated by line breaks
    issuer: str  # 中共云岭县委组织部
    issued_on: date
    printed_at: datetime


class _Masthead(Flowable):
    """The red 发文机关标志, the 文号 under it and the red rule."""

    def __init__(self, issuer: str, number: str, font: str, width: float) -> None:
        super().__init__()
        self.issuer, self.number, self.font, self.width = issuer, number, font, width
        self.height = MASTHEAD_SIZE * 1.3 + 14 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        size = fit_size(self.issuer, self.font, self.width, MASTHEAD_SIZE)
        c.setFillColor(RED)
        c.setFont(self.font, size)
        top = self.height - size
        c.drawCentredString(self.width / 2, top, self.issuer)
        c.setFillColor(colors.black)
        c.setFont(self.font, NUMBER_SIZE)
        c.drawCentredString(self.width / 2, top - 10 * mm, self.number)
        c.setStrokeColor(RED)
        c.setLineWidth(1.2)
        c.line(0, top - 14 * mm, self.width, top - 14 * mm)
        c.restoreState()


def _styles(font: str, title_font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": cjk_style("title", title_font, TITLE_SIZE, TITLE_SIZE * 1.5, alignment=TA_CENTER),
        "addressee": cjk_style("addressee", font, BODY_SIZE, BODY_LEADING, alignment=TA_JUSTIFY),
        "para": cjk_style("para", font, BODY_SIZE, BODY_LEADING, alignment=TA_JUSTIFY,
                          firstLineIndent=2 * BODY_SIZE),
        "sign": cjk_style("sign", font, BODY_SIZE, BODY_LEADING, alignment=TA_RIGHT, rightIndent=2 * BODY_SIZE),
    }


def _page_number(canvas: Canvas, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(doc.cjk_font, PAGE_NUMBER_SIZE)
    canvas.drawCentredString(PAGE_SIZE[0] / 2, 20 * mm, f"— {canvas.getPageNumber()} —")
    canvas.restoreState()


def render_circular_pdf(data: CircularPrint, path: str | os.PathLike[str]) -> None:
    """Render the circular to ``path`` (replaced atomically)."""
    fonts = register_cjk_fonts()
    st = _styles(fonts.body, fonts.bold_title)
    width = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
    story: list[Any] = [_Masthead(data.issuer, data.doc_number, fonts.bold_title, width), Spacer(1, 8 * mm),
                        Paragraph(escape(data.title), st["title"]), Spacer(1, BODY_LEADING * 0.6)]
    lines = [line.strip() for line in data.body.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        # The first line ending in "：" is the 主送机关 (addressee), flush left; every other paragraph indented.
        style = st["addressee"] if i == 0 and line.endswith("：") else st["para"]
        story.append(Paragraph(escape(line), style))
    d = data.issued_on
    story += [Spacer(1, BODY_LEADING * 1.5), Paragraph(escape(data.issuer), st["sign"]),
              Paragraph(f"{d.year}年{d.month}月{d.day}日", st["sign"])]
    write_document(path, story, template=SimpleDocTemplate, pagesize=PAGE_SIZE,
                   margins=(MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP - 12 * mm, MARGIN_BOTTOM), title=data.title,
                   subject=data.doc_number or data.title, author=data.issuer, on_page=_page_number,
                   doc_attrs={"cjk_font": fonts.body}, canvasmaker=embedded_font_canvas(fonts.body))
