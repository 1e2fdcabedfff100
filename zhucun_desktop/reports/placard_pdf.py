"""The village placard (挂牌公示, §7) as an A4 portrait PDF, one page per village.

§7 wants each cadre's name, position, contact and current whereabouts (去向) shown at a conspicuous place in
the village, so that villagers know who is stationed there and whether he is there today, and can report
one who is not.  The sheet is printed, pinned up, and read from a step away: large type, few columns, a
frame, the date it was posted (it is only true on that day) and a line for the supervision phone number,
which the township writes in by hand when the county has not set one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from zhucun_desktop.reports.attendance_data import Placard, PlacardEntry
from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.pdf_common import (
    cjk_style,
    embedded_font_canvas,
    fit_size,
    split_long_text,
    write_document,
)

__all__ = ["HEADERS", "TITLE", "position_text", "render_placard_pdf"]

# ---- layout constants of this form ----
PAGE_SIZE = A4
MARGIN = 20 * mm
FRAME_INSET = 10 * mm
TITLE = "驻村第一书记和工作队公示牌"
HEADERS = ("姓名", "驻村职务", "联系电话", "今日去向")
COLUMN_SHARES = (0.20, 0.24, 0.22, 0.34)
TITLE_SIZE = 28
PLACE_SIZE = 17
CELL_SIZE = 15
CELL_MIN = (11.0, 12.0, 10.0, 13.0)  # per column: a name or phone shrinks, a long note wraps
NOTE_SIZE = 13
ROW_PAD = 10
CELL_PAD_X = 6
GRID = colors.HexColor("#333333")
HEADER_BG = colors.HexColor("#E6E6E6")


def position_text(entry: PlacardEntry) -> str:
    """驻村职务 as villagers call it; the team leader (队长) is named, because he is the one to ask for."""
    if entry.is_leader and "队长" not in entry.role:
        return f"{entry.role}（队长）"
    return entry.role


def _styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, font: str = fonts.body, align: int = TA_CENTER) -> ParagraphStyle:
        return cjk_style(name, font, size, size * 1.35, alignment=align)

    return {
        "title": style("title", TITLE_SIZE, fonts.bold_title),
        "place": style("place", PLACE_SIZE, fonts.bold_title),
        "head": style("head", CELL_SIZE, fonts.bold_title),
        "cell": style("cell", CELL_SIZE),
        "note": style("note", NOTE_SIZE, align=TA_LEFT),
    }


def _para(text: str, style: ParagraphStyle, width: float | None = None, smallest: float = 10) -> Paragraph:
    """A cell or line of text, escaped (a "<" in a whereabouts note must print, not break the markup).

    Given the column ``width``, a text too long for one line is broken where a reader expects it — "请假"
    over "（事假，至11月25日）", "阿卜杜热依木·" over "买买提明" — and set smaller (not below ``smallest``) until
    each line fits, so that a name or a phone number is never split anywhere else.
    """
    text = text.strip()
    font, size = style.fontName, style.fontSize
    if width is None or stringWidth(text, font, size) <= width:
        return Paragraph(escape(text), style)
    cut = text.find("（")
    lines = [text[:cut], text[cut:]] if cut > 0 else list(split_long_text(text)) if "·" in text else [text]
    fitted = max(smallest, min(fit_size(line, font, width, size) for line in lines))
    smaller = ParagraphStyle(
        f"{style.name}-{fitted:.1f}", parent=style, fontSize=fitted, leading=fitted * 1.3
    )
    return Paragraph("<br/>".join(escape(line) for line in lines), smaller)


def _table(placard: Placard, styles: dict[str, ParagraphStyle], width: float) -> Table:
    widths = [width * share for share in COLUMN_SHARES]
    data: list[list[Any]] = [[_para(h, styles["head"]) for h in HEADERS]]
    for entry in placard.entries:
        texts = (entry.name, position_text(entry), entry.phone, entry.whereabouts)
        data.append(
            [
                _para(text or "—", styles["cell"], w - 2 * CELL_PAD_X, smallest)
                for text, w, smallest in zip(texts, widths, CELL_MIN)
            ]
        )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), styles["cell"].fontName, CELL_SIZE),  # no Helvetica in the file
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("BOX", (0, 0), (-1, -1), 1.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PAD),
    ]
    if not placard.entries:
        data.append([_para("（本村暂无驻村干部）", styles["cell"]), "", "", ""])
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _draw_frame(c: Canvas, _doc: Any) -> None:
    """A double frame round the page: the look of a notice board sheet, and a cutting guide for a holder."""
    width, height = PAGE_SIZE
    c.saveState()
    c.setStrokeColor(GRID)
    c.setLineWidth(2)
    c.rect(FRAME_INSET, FRAME_INSET, width - 2 * FRAME_INSET, height - 2 * FRAME_INSET)
    c.setLineWidth(0.6)
    inner = FRAME_INSET + 2 * mm
    c.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    c.restoreState()


def render_placard_pdf(placards: Sequence[Placard], path: str | os.PathLike[str]) -> int:
    """Render one A4 portrait 公示牌 per village to ``path`` (replaced atomically); return the page count.

    Each page: the title, 乡镇 and 村, a table 姓名 / 驻村职务 / 联系电话 / 今日去向, then "公示日期：
    2026年11月23日" (the placard's ``on``) and "监督电话：______" to be filled in by hand.
    """
    if not placards:
        raise ValueError("没有要打印的公示牌")
    fonts = register_cjk_fonts()
    styles = _styles(fonts)
    width = PAGE_SIZE[0] - 2 * MARGIN
    story: list[Any] = []
    for number, placard in enumerate(placards):
        if number:
            story.append(PageBreak())
        on = placard.on
        story += [
            Spacer(1, 6 * mm),
            _para(TITLE, styles["title"]),
            Spacer(1, 4 * mm),
            _para(f"{placard.township}　{placard.village}", styles["place"]),
            Spacer(1, 9 * mm),
            _table(placard, styles, width),
            Spacer(1, 10 * mm),
            _para(f"公示日期：{on.year}年{on.month}月{on.day}日", styles["note"]),
            Spacer(1, 3 * mm),
            _para("监督电话：____________________", styles["note"]),
            Spacer(1, 3 * mm),
            _para("驻村干部不在岗、不在村或去向与公示不符的，欢迎拨打监督电话反映。", styles["note"]),
        ]
    return write_document(path, story, template=SimpleDocTemplate, pagesize=PAGE_SIZE,
                          margins=(MARGIN, MARGIN, MARGIN, MARGIN),
                          title=f"{TITLE}（{placards[0].township}{placards[0].village}）", on_page=_draw_frame,
                          canvasmaker=embedded_font_canvas(fonts.body))
