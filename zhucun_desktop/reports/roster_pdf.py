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
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.pdf_common import (
    cjk_style,
    heading_styles,
    numbered_canvas,
    para,
    register_footer,
    ruled_table_commands,
    say_when_empty,
    write_document,
)
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
    return {
        **heading_styles(fonts.bold_title, fonts.body, title_size=TITLE_SIZE, subtitle_size=SUBTITLE_SIZE),
        "cell": cjk_style("cell", fonts.body, BODY_SIZE, BODY_LEADING, alignment=TA_CENTER),
        "cell_left": cjk_style("cell_left", fonts.body, BODY_SIZE, BODY_LEADING),
    }


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
    frame_width = PAGE_SIZE[0] - 2 * MARGIN_X
    widths = _column_widths(fonts.body, frame_width)

    data: list[list[Any]] = [[para(c.header, styles["cell"]) for c in COLUMNS]]
    for number, row in enumerate(rows, start=1):
        data.append(
            [para(c.text(number, row) or "", styles["cell_left" if c.left else "cell"]) for c in COLUMNS]
        )
    commands = ruled_table_commands(fonts.body, BODY_SIZE, BODY_LEADING, grid=GRID_COLOR, header_bg=HEADER_BG,
                                    box=0.8, pad_x=CELL_PAD_X, pad_y=CELL_PAD_Y)
    commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA_BG]))
    say_when_empty(data, commands, para("（无人员）", styles["cell"]))
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))

    count = f"共 {len(rows)} 人"
    story = [
        para(title, styles["title"]),
        para(f"{subtitle}　{count}" if subtitle.strip() else count, styles["subtitle"]),
        Spacer(1, 3 * mm),
        table,
    ]

    printed = f"打印时间：{printed_at:%Y-%m-%d %H:%M}"
    footer = register_footer(fonts.body, FOOTER_SIZE, margin_x=MARGIN_X, y=FOOTER_Y, title=title, printed=printed)
    write_document(path, story, template=SimpleDocTemplate, pagesize=PAGE_SIZE,
                   margins=(MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM), title=title, subject=subtitle or title, canvasmaker=numbered_canvas(fonts.body, footer))
