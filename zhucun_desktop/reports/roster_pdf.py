"""Print the roster (花名册) as an A4 landscape PDF with embedded fonts.

The printed roster leaves out 身份证号 on purpose: printouts lie on desks, go into folders and get pinned
up, and an ID number together with a name and a phone number is exactly what fraudsters need.  The full
record, ID included, stays in the program and in the XLSX export (which goes where the data may go).

编制性质, 是否队长, 入党时间 and 参加工作时间 are left out only for width: fifteen columns is what fits on A4
landscape at a legible 8.5 pt.  The start and end of the posting share one column, "2024.03—2026.03",
as on the county's paper forms.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from zhucun_desktop.fileutil import atomic_output
from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.pdf_common import numbered_canvas
from zhucun_desktop.reports.roster_data import RosterRow

__all__ = ["PDF_COLUMN_HEADERS", "render_roster_pdf"]

# ---- layout constants of this form (DESIGN.md: one place per form) ----
PAGE_SIZE = landscape(A4)
MARGIN_X = 12 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm  # room for the footer line
FOOTER_Y = 8 * mm
BODY_SIZE = 8.5
BODY_LEADING = 10.5
TITLE_SIZE = 18
SUBTITLE_SIZE = 10
FOOTER_SIZE = 8
CELL_PAD_X = 3
CELL_PAD_Y = 2.5
GRID_COLOR = colors.HexColor("#7F8790")
HEADER_BG = colors.HexColor("#DDE4EE")
ZEBRA_BG = colors.HexColor("#F3F5F8")
RANGE_DASH = "—"  # 2024.03—2026.03


def _month(d: date | None) -> str:
    return f"{d.year}.{d.month:02d}" if d else ""


def _term(row: RosterRow) -> str:
    if row.start_date is None:
        return ""
    return f"{_month(row.start_date)}{RANGE_DASH}{_month(row.end_date)}"


@dataclass(frozen=True)
class _Column:
    """A printed column.  ``sample`` is the widest usual content and fixes the width; ``None`` means the
    column is flexible and shares the remaining width by ``weight`` (its content wraps)."""

    header: str
    text: Callable[[int, RosterRow], str]
    sample: str | None = None
    weight: float = 0.0
    left: bool = False


COLUMNS: tuple[_Column, ...] = (
    _Column("序号", lambda i, r: str(i), sample="999"),
    _Column("姓名", lambda i, r: r.name, sample="欧阳某某"),
    _Column("性别", lambda i, r: r.sex, sample="性别"),
    _Column("民族", lambda i, r: r.ethnicity, sample="维吾尔族"),
    _Column("出生年月", lambda i, r: _month(r.birth_month), sample="0000.00"),
    _Column("政治面貌", lambda i, r: r.political_status, sample="中共党员"),
    _Column("学历", lambda i, r: r.education, sample="大学本科"),
    _Column("派出单位", lambda i, r: r.unit, weight=3.4, left=True),
    _Column("职务职级", lambda i, r: r.position, weight=1.8, left=True),
    _Column("驻村角色", lambda i, r: r.role, sample="驻村第一书记"),
    _Column("所驻村", lambda i, r: r.village, weight=1.0),
    _Column("所属乡镇", lambda i, r: r.township, weight=1.0),
    _Column("驻村起止时间", lambda i, r: _term(r), sample=f"0000.00{RANGE_DASH}0000.00"),
    _Column("批次", lambda i, r: r.batch, sample="第十批"),
    _Column("联系电话", lambda i, r: r.phone, sample="000000000000"),
)
PDF_COLUMN_HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)


def _column_widths(font: str, frame_width: float) -> list[float]:
    """Fixed columns get their sample's width; flexible ones share the rest, never below their header."""

    def need(text: str) -> float:
        return stringWidth(text, font, BODY_SIZE) + 2 * CELL_PAD_X + 1

    widths: list[float] = [0.0] * len(COLUMNS)
    for i, col in enumerate(COLUMNS):
        if col.sample is not None:
            widths[i] = max(need(col.sample), need(col.header) if len(col.header) <= 4 else 0)
    remaining = frame_width - sum(widths)
    flex = [i for i, c in enumerate(COLUMNS) if c.sample is None]
    total_weight = sum(COLUMNS[i].weight for i in flex)
    for i in flex:
        widths[i] = max(remaining * COLUMNS[i].weight / total_weight, need(COLUMNS[i].header))
    scale = frame_width / sum(widths)
    if scale < 1:  # only with an unusually wide font: shrink everything rather than overflow the page
        widths = [w * scale for w in widths]
    return widths


def _styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    base: dict[str, Any] = {
        "fontName": fonts.body,
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "wordWrap": "CJK",
    }
    return {
        "title": ParagraphStyle(
            "title",
            fontName=fonts.bold_title,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.35,
            alignment=TA_CENTER,
            wordWrap="CJK",
        ),
        "subtitle": ParagraphStyle(
            "subtitle",
            fontName=fonts.body,
            fontSize=SUBTITLE_SIZE,
            leading=SUBTITLE_SIZE * 1.4,
            alignment=TA_CENTER,
            wordWrap="CJK",
        ),
        "head": ParagraphStyle("head", alignment=TA_CENTER, **base),
        "cell": ParagraphStyle("cell", alignment=TA_CENTER, **base),
        "cell_left": ParagraphStyle("cell_left", alignment=TA_LEFT, **base),
    }


def _numbered_canvas(font: str, title: str, printed_at: datetime) -> type[Canvas]:
    """The shared two-pass canvas (``pdf_common.numbered_canvas``) with the roster's footer:
    title left, 第 N 页 共 M 页 centred, print time right."""
    printed = f"打印时间：{printed_at:%Y-%m-%d %H:%M}"

    def draw_footer(canvas: Canvas, page: int, total: int) -> None:
        width, _ = canvas._pagesize
        canvas.setFont(font, FOOTER_SIZE)
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.drawString(MARGIN_X, FOOTER_Y, title)
        canvas.drawCentredString(width / 2, FOOTER_Y, f"第 {page} 页 共 {total} 页")
        canvas.drawRightString(width - MARGIN_X, FOOTER_Y, printed)

    return numbered_canvas(font, draw_footer)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    # Escaped: a unit called "科技&农业局" or a stray "<" must print, not break the markup.
    return Paragraph(escape(text.strip()), style)


def render_roster_pdf(
    rows: Sequence[RosterRow],
    path: str | os.PathLike[str],
    *,
    title: str,
    subtitle: str = "",
    printed_at: datetime,
) -> None:
    """Render the printed 花名册 for ``rows`` to ``path`` (replaced atomically).

    A4 landscape; title, then a subtitle line ending in the head count; the table header repeats on every
    page; each page's footer carries the title, "第 N 页 共 M 页" and ``printed_at``.  身份证号 is deliberately
    not printed (privacy, see the module docstring).  ``printed_at`` is a parameter, not ``now()``, so that
    the caller decides the clock and tests are reproducible.
    """
    fonts = register_cjk_fonts()
    styles = _styles(fonts)
    target = Path(path)
    frame_width = PAGE_SIZE[0] - 2 * MARGIN_X
    widths = _column_widths(fonts.body, frame_width)

    data: list[list[Any]] = [[_para(c.header, styles["head"]) for c in COLUMNS]]
    for number, row in enumerate(rows, start=1):
        data.append(
            [_para(c.text(number, row) or "", styles["cell_left" if c.left else "cell"]) for c in COLUMNS]
        )
    commands: list[tuple[Any, ...]] = [
        # Cells hold Paragraphs, but the table still sets its cell font; keep it ours so that no
        # non-embedded Helvetica ends up in the file.
        ("FONT", (0, 0), (-1, -1), fonts.body, BODY_SIZE, BODY_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOR),
        ("BOX", (0, 0), (-1, -1), 0.8, GRID_COLOR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_BG]),
    ]
    if not rows:
        data.append([_para("（无人员）", styles["cell"])] + [""] * (len(COLUMNS) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))

    count = f"共 {len(rows)} 人"
    story = [
        _para(title, styles["title"]),
        _para(f"{subtitle}　{count}" if subtitle.strip() else count, styles["subtitle"]),
        Spacer(1, 3 * mm),
        table,
    ]

    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(
            str(tmp),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            subject=subtitle or title,
            author="zhucun_desktop",
            creator="zhucun_desktop",
        )
        doc.build(story, canvasmaker=_numbered_canvas(fonts.body, title, printed_at))
