"""The monthly 请销假登记簿 (§8) of a township (or the county), as an A4 landscape PDF and as an XLSX workbook.

§8 asks that every leave is requested in writing, approved in chain order and closed by a return (销假)
registered within the set time, overstaying counting as 旷工.  The book is the month's ledger of that: one line
per request with who approved it and when, the due and actual return, and the state, 逾期未销假 standing out
on paper (a light fill that survives a black-and-white printer, and the 旷工 days under the state).  It closes
with lines for 填表人 and 审核人, as the township files it.

Both files have the same columns, in the same order (:data:`BOOK_COLUMNS`); the workbook prints as it is in
WPS/Excel (A4 landscape, one page wide, title and header repeated on every page).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from zhucun_desktop.domain.leave_rules import STATE_OVERDUE
from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.leave_data import LeaveBook, LeaveBookRow
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
from zhucun_desktop.reports.xlsx_common import NARROW_MARGINS, THIN_BORDER, print_a4_landscape, save_workbook

__all__ = ["BOOK_COLUMNS", "approvals_text", "period_text", "write_leave_book_pdf", "write_leave_book_xlsx"]

EMPTY_TEXT = "（本月无请销假记录）"
SIGN_LINE = "__________"


def _short(d: date | None, year: int) -> str:
    """``11.05`` for a date of the book's year, ``2025.12.30`` for another year; "" for none."""
    if d is None:
        return ""
    return f"{d.month:02d}.{d.day:02d}" if d.year == year else f"{d.year}.{d.month:02d}.{d.day:02d}"


def period_text(row: LeaveBookRow, year: int) -> str:
    """起止日期: ``11.02—11.04`` (a one-day leave: ``11.02``); the year only where it is not the book's."""
    if row.start == row.end:
        return _short(row.start, year)
    return f"{_short(row.start, year)}—{_short(row.end, year)}"


def approvals_text(row: LeaveBookRow) -> str:
    """审批情况 as recorded, and the 工作交接人 of a first secretary's leave (§8)."""
    text = row.approvals.strip()
    if row.handover_name:
        text = f"{text}；工作交接人：{row.handover_name}" if text else f"工作交接人：{row.handover_name}"
    return text


def state_text(row: LeaveBookRow) -> str:
    """状态, with the days marked 旷 after an overstayed leave under it."""
    return f"{row.state}\n旷工{row.overdue_days}天" if row.overdue_days else row.state


def is_overdue(row: LeaveBookRow) -> bool:
    return row.state == STATE_OVERDUE or row.overdue_days > 0


@dataclass(frozen=True)
class BookColumn:
    """A column of the book: header, PDF width in points (``None``: shares the rest by ``weight``), XLSX width
    in characters, and its text."""

    header: str
    pdf_width: float | None
    xlsx_width: float
    text: Callable[[int, LeaveBookRow, int], str]
    weight: float = 0.0
    left: bool = False


BOOK_COLUMNS: tuple[BookColumn, ...] = (
    BookColumn("序号", 24, 5, lambda i, r, y: str(i)),
    BookColumn("姓名", 56, 11, lambda i, r, y: r.name),
    BookColumn("所驻村", 54, 10, lambda i, r, y: r.village),
    BookColumn("驻村身份", 60, 13, lambda i, r, y: r.role),
    BookColumn("请假类别", 46, 9, lambda i, r, y: r.kind),
    BookColumn("起止日期", 70, 13, lambda i, r, y: period_text(r, y)),
    BookColumn("天数", 26, 5, lambda i, r, y: str(r.days)),
    BookColumn("外出去向", None, 18, lambda i, r, y: r.destination, weight=1.0, left=True),
    BookColumn("审批情况", None, 40, lambda i, r, y: approvals_text(r), weight=2.3, left=True),
    BookColumn("应销假日期", 50, 11, lambda i, r, y: _short(r.return_due, y)),
    BookColumn("销假日期", 46, 11, lambda i, r, y: _short(r.returned_on, y)),
    BookColumn("状态", 56, 12, lambda i, r, y: state_text(r)),
)
HEADERS = tuple(c.header for c in BOOK_COLUMNS)


def _subtitle(book: LeaveBook) -> str:
    overdue = sum(is_overdue(r) for r in book.rows)
    place = f"{book.county}{book.township or '（全县）'}"
    return f"{place}　共 {len(book.rows)} 条，其中逾期未销假 {overdue} 条"


def _closing_text() -> str:
    return f"填表人：{SIGN_LINE}　　　　审核人：{SIGN_LINE}　　　　填报日期：______年____月____日"


# ============================================================================ PDF

PAGE_SIZE = landscape(A4)
MARGIN_X = 12 * mm
MARGIN_TOP = 11 * mm
MARGIN_BOTTOM = 15 * mm
FOOTER_Y = 7.5 * mm
FRAME_W = PAGE_SIZE[0] - 2 * MARGIN_X
TITLE_SIZE = 17
SUBTITLE_SIZE = 9.5
BODY_SIZE = 8.5
FOOTER_SIZE = 8
GRID = colors.HexColor("#555555")
HEADER_BG = colors.HexColor("#E6E6E6")
OVERDUE_BG = colors.HexColor("#F6D6D6")  # light on paper; black-and-white printers keep it a light grey
OVERDUE_INK = colors.HexColor("#9B0000")
GAP = "\xa0" * 10  # a Paragraph collapses ordinary and ideographic spaces


def _pdf_widths() -> list[float]:
    fixed = sum(c.pdf_width or 0 for c in BOOK_COLUMNS)
    weight = sum(c.weight for c in BOOK_COLUMNS if c.pdf_width is None)
    return [c.pdf_width or (FRAME_W - fixed) * c.weight / weight for c in BOOK_COLUMNS]


def _pdf_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    leading = BODY_SIZE * 1.3
    return {
        **heading_styles(fonts.bold_title, fonts.body, title_size=TITLE_SIZE, subtitle_size=SUBTITLE_SIZE,
                         title_leading=1.3, subtitle_leading=1.5),
        "cell": cjk_style("cell", fonts.body, BODY_SIZE, leading, alignment=TA_CENTER),
        "left": cjk_style("left", fonts.body, BODY_SIZE, leading),
        "overdue": cjk_style("overdue", fonts.body, BODY_SIZE, leading, alignment=TA_CENTER,
                             textColor=OVERDUE_INK),
        "closing": cjk_style("closing", fonts.body, 10.5, 14),
    }


def _pdf_table(book: LeaveBook, styles: dict[str, ParagraphStyle]) -> Table:
    data: list[list[Any]] = [[para(h, styles["cell"]) for h in HEADERS]]
    commands = ruled_table_commands(styles["cell"].fontName, BODY_SIZE, styles["cell"].leading, grid=GRID,
                                    header_bg=HEADER_BG)
    commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.9, GRID))
    state_col = HEADERS.index("状态")
    for n, row in enumerate(book.rows, start=1):
        cells = []
        for k, column in enumerate(BOOK_COLUMNS):
            style = "left" if column.left else "cell"
            if k == state_col and is_overdue(row):
                style = "overdue"
            cells.append(para(column.text(n, row, book.year), styles[style]))
        data.append(cells)
        if is_overdue(row):
            commands.append(("BACKGROUND", (0, n), (-1, n), OVERDUE_BG))
    say_when_empty(data, commands, para(EMPTY_TEXT, styles["cell"]))
    return Table(data, colWidths=_pdf_widths(), repeatRows=1, hAlign="CENTER", style=TableStyle(commands))


def write_leave_book_pdf(book: LeaveBook, path: str | os.PathLike[str]) -> Path:
    """Write the 请销假登记簿 to ``path`` (replaced atomically) and return the path.

    A4 landscape; the header row repeats on every page, each footer says "第 N 页 共 M 页" and the print time
    (``book.printed_at``, else now); 逾期未销假 lines are shaded; 填表人 and 审核人 close the last page.
    """
    fonts = register_cjk_fonts()
    styles = _pdf_styles(fonts)
    printed = f"打印时间：{book.printed_at or datetime.now():%Y-%m-%d %H:%M}"
    closing = Table(
        [[para(_closing_text().replace("　　　　", GAP), styles["closing"])]],
        colWidths=(FRAME_W,),
        style=TableStyle(
            [("FONT", (0, 0), (-1, -1), fonts.body, 10.5), ("TOPPADDING", (0, 0), (-1, -1), 10)]
        ),
    )
    story = [
        para(book.title, styles["title"]),
        para(_subtitle(book), styles["subtitle"]),
        Spacer(1, 2 * mm),
        _pdf_table(book, styles),
        KeepTogether([closing]),
    ]
    footer = register_footer(fonts.body, FOOTER_SIZE, margin_x=MARGIN_X, y=FOOTER_Y, title=book.title,
                             printed=printed)
    write_document(path, story, template=SimpleDocTemplate, pagesize=PAGE_SIZE,
                   margins=(MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM), title=book.title,
                   subject=_subtitle(book), canvasmaker=numbered_canvas(fonts.body, footer))
    return Path(path)


# ============================================================================ XLSX

TITLE_ROW, INFO_ROW, HEADER_ROW, FIRST_DATA_ROW = 1, 2, 3, 4
_BORDER = THIN_BORDER
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_PLAIN = Alignment(horizontal="left", vertical="center", wrap_text=False)
_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_HEAD_FONT = Font(name="宋体", size=10, bold=True)
_BODY_FONT = Font(name="宋体", size=10)
_SIGN_FONT = Font(name="宋体", size=11)
_OVERDUE_FONT = Font(name="宋体", size=10, bold=True, color="9B0000")
_HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
_OVERDUE_FILL = PatternFill("solid", fgColor="F6D6D6")
LINE_HEIGHT = 14.0  # points per text line of 10 pt 宋体


def _display_width(text: str) -> int:
    """Width in Excel's character units: a CJK character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _lines(text: str, width: float) -> int:
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(_display_width(part) / usable)) for part in text.split("\n"))


def _sheet_name(book: LeaveBook) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", f"{book.year}年{book.month}月")


def _merged(ws: Worksheet, row: int, cols: tuple[int, int], value: str, font: Font, align: Alignment) -> None:
    cell = ws.cell(row=row, column=cols[0], value=value)
    cell.font, cell.alignment = font, align
    ws.merge_cells(start_row=row, start_column=cols[0], end_row=row, end_column=cols[1])


def _write_xlsx_rows(ws: Worksheet, book: LeaveBook) -> int:
    """The data rows from :data:`FIRST_DATA_ROW`; returns the next free row."""
    state_col = HEADERS.index("状态") + 1
    date_cols = {HEADERS.index("应销假日期") + 1: "return_due", HEADERS.index("销假日期") + 1: "returned_on"}
    r = FIRST_DATA_ROW
    for n, row in enumerate(book.rows, start=1):
        overdue, lines = is_overdue(row), 1
        for k, column in enumerate(BOOK_COLUMNS, start=1):
            text = column.text(n, row, book.year)
            value: Any = text
            if k == 1 or column.header == "天数":
                value = int(text)
            elif k in date_cols:
                value = getattr(row, date_cols[k])
            cell = ws.cell(row=r, column=k, value=value)
            cell.border, cell.alignment = _BORDER, _LEFT if column.left else _CENTER
            cell.font = _OVERDUE_FONT if overdue and k == state_col else _BODY_FONT
            if k in date_cols:
                cell.number_format = "yyyy-mm-dd"
            if overdue:
                cell.fill = _OVERDUE_FILL
            lines = max(lines, _lines(text, column.xlsx_width))
        ws.row_dimensions[r].height = max(LINE_HEIGHT * lines + 4, 20)
        r += 1
    if not book.rows:
        for k in range(1, len(HEADERS) + 1):
            ws.cell(row=r, column=k).border = _BORDER
        _merged(ws, r, (1, len(HEADERS)), EMPTY_TEXT, _BODY_FONT, _CENTER)
        ws.row_dimensions[r].height = 24
        r += 1
    return r


def write_leave_book_xlsx(book: LeaveBook, path: str | os.PathLike[str]) -> Path:
    """Write the 请销假登记簿 as a workbook of one sheet to ``path`` (replaced atomically); return the path.

    Row 1 the title, row 2 the place and counts, row 3 the header (repeated on printed pages), the requests
    from row 4 (dates as real dates, 天数 as numbers, 逾期未销假 filled), then 填表人 / 审核人 / 填报日期.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_name(book)
    ncols = len(HEADERS)
    _merged(
        ws, TITLE_ROW, (1, ncols), book.title, _TITLE_FONT, Alignment(horizontal="center", vertical="center")
    )
    ws.row_dimensions[TITLE_ROW].height = 30
    _merged(ws, INFO_ROW, (1, ncols), _subtitle(book), _BODY_FONT, _PLAIN)
    for k, header in enumerate(HEADERS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=k, value=header)
        cell.font, cell.alignment, cell.border, cell.fill = _HEAD_FONT, _CENTER, _BORDER, _HEAD_FILL
    ws.row_dimensions[HEADER_ROW].height = 24
    r = _write_xlsx_rows(ws, book)
    sign = r + 1
    _merged(ws, sign, (1, 4), f"填表人：{SIGN_LINE}", _SIGN_FONT, _PLAIN)
    _merged(ws, sign, (5, 8), f"审核人：{SIGN_LINE}", _SIGN_FONT, _PLAIN)
    _merged(ws, sign, (9, ncols), "填报日期：______年____月____日", _SIGN_FONT, _PLAIN)
    ws.row_dimensions[sign].height = 30
    for k, column in enumerate(BOOK_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(k)].width = column.xlsx_width
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    exported = f"导出时间：{book.printed_at:%Y-%m-%d %H:%M}" if book.printed_at else ""
    print_a4_landscape(ws, title_rows=f"{TITLE_ROW}:{HEADER_ROW}", margins=NARROW_MARGINS,
                       footer_sides=(book.title, exported), footer_size=8)
    return save_workbook(wb, path, title=book.title)
