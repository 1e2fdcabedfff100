"""Print the 负面清单及整改台账 (§13) as an A4 landscape PDF with embedded fonts.

The columns are the paper ledger's (``LEDGER_COLUMNS``); the header repeats on every page; each footer says
"第 N 页 共 M 页". A row past its 整改时限 and not yet rectified is shaded red and its deadline carries
"（逾期）", so that it still stands out on a black-and-white printer.
"""

from __future__ import annotations

import os
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.ledger_data import LEDGER_COLUMNS, LedgerPrint
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
    return {
        **heading_styles(fonts.bold_title, fonts.body, title_size=TITLE_SIZE, subtitle_size=SUBTITLE_SIZE),
        "center": cjk_style("center", fonts.body, BODY_SIZE, BODY_LEADING, alignment=TA_CENTER),
        "left": cjk_style("left", fonts.body, BODY_SIZE, BODY_LEADING),
        "overdue": cjk_style("overdue", fonts.body, BODY_SIZE, BODY_LEADING, alignment=TA_CENTER,
                             textColor=OVERDUE_TEXT),
    }


def render_ledger_pdf(data: LedgerPrint, path: str | os.PathLike[str]) -> None:
    """Render the ledger to ``path`` (replaced atomically)."""
    fonts = register_cjk_fonts()
    st = _styles(fonts)
    header = [para(h, st["center"]) for h in LEDGER_COLUMNS]
    table_rows: list[list[Any]] = [header]
    commands = ruled_table_commands(fonts.body, BODY_SIZE, BODY_LEADING, grid=GRID_COLOR, header_bg=HEADER_BG,
                                    pad_x=CELL_PAD, pad_y=CELL_PAD)
    deadline_col = LEDGER_COLUMNS.index("整改时限")
    for n, row in enumerate(data.rows, start=1):
        cells = []
        for i, (head, text) in enumerate(zip(LEDGER_COLUMNS, row.cells(n))):
            style = st["left"] if head in LEFT_ALIGNED else st["center"]
            if row.overdue and i == deadline_col:
                style = st["overdue"]
            cells.append(para(text, style))
        table_rows.append(cells)
        if row.overdue:
            commands.append(("BACKGROUND", (0, n), (-1, n), OVERDUE_BG))
    say_when_empty(table_rows, commands, para("（暂无台账记录）", st["center"]))
    table = Table(table_rows, colWidths=_widths(), repeatRows=1, hAlign="CENTER")
    table.setStyle(TableStyle(commands))
    story = [para(data.title, st["title"]), para(data.subtitle, st["subtitle"]), Spacer(1, 3 * mm), table]
    printed = f"打印时间：{data.printed_at:%Y-%m-%d %H:%M}"
    footer = register_footer(fonts.body, FOOTER_SIZE, margin_x=MARGIN_X, y=FOOTER_Y, title=data.title,
                             printed=printed)
    write_document(path, story, template=SimpleDocTemplate, pagesize=PAGE_SIZE,
                   margins=(MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM), title=data.title,
                   subject=data.subtitle, canvasmaker=numbered_canvas(fonts.body, footer))
