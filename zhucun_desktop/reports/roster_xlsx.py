"""Export the roster (花名册) as an Excel workbook that clerks can open, edit, print and import again.

Columns are ``ROSTER_FIELDS`` in order with their canonical headers, so an exported file is also a valid
import template (``services.roster_sheet`` reads it back unchanged).  Two things matter more than looks:

* 身份证号 and 联系电话 are written as text with the "@" format; as numbers Excel would show 4.4E+17 and
  silently drop the last three digits of an ID number the moment anyone edits the cell.
* Dates are real Excel dates (formatted ``yyyy-mm`` or ``yyyy-mm-dd``), so sorting and filtering work
  and the import side gets ``datetime`` values instead of guessing at strings.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zhucun_desktop.domain.roster_fields import ROSTER_FIELDS
from zhucun_desktop.reports.roster_data import RosterRow
from zhucun_desktop.reports.xlsx_common import THIN_BORDER, print_a4_landscape, save_workbook

__all__ = ["DAY_KEYS", "MONTH_KEYS", "TEXT_KEYS", "write_roster_xlsx"]

# Layout constants of this form (DESIGN.md: one place per form).
SHEET_NAME = "花名册"
MONTH_KEYS = frozenset({"birth_month", "party_join_date", "work_start_date"})
DAY_KEYS = frozenset({"start_date", "end_date"})
TEXT_KEYS = frozenset({"id_number", "phone"})
WRAP_KEYS = frozenset({"unit", "position"})  # long free text: left-aligned and wrapped
MONTH_FORMAT = "yyyy-mm"
DAY_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
TITLE_ROW = 1
HEADER_ROW = 2
MIN_WIDTH, MAX_WIDTH, WRAP_MAX_WIDTH = 6, 24, 30
FIXED_WIDTHS = {"id_number": 21, "phone": 14, **{k: 10 for k in MONTH_KEYS}, **{k: 12 for k in DAY_KEYS}}

_BORDER = THIN_BORDER
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
_BODY_FONT = Font(name="宋体", size=10)
_HEADER_FONT = Font(name="宋体", size=10, bold=True)
_TITLE_FONT = Font(name="宋体", size=16, bold=True)


def _display_width(text: str) -> float:
    """Approximate Excel column units: a CJK character is about two Latin characters wide."""
    return sum(2.0 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def _cell_value(row: RosterRow, key: str) -> object:
    value = getattr(row, key)
    if key == "is_leader":
        return "是" if value else "否"
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def write_roster_xlsx(rows: Sequence[RosterRow], path: str | os.PathLike[str], *, title: str) -> None:
    """Write ``rows`` as a printable 花名册 workbook at ``path`` (replaced atomically).

    Row 1 is ``title`` merged across all columns, row 2 the ``ROSTER_FIELDS`` headers, data from row 3.
    A4 landscape, fitted to one page wide, title and header repeated on every printed page.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME

    ncols = len(ROSTER_FIELDS)
    last_col = get_column_letter(ncols)

    ws.cell(row=TITLE_ROW, column=1, value=title).font = _TITLE_FONT
    ws.cell(row=TITLE_ROW, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=ncols)
    ws.row_dimensions[TITLE_ROW].height = 32

    widths: list[float] = []
    for col, field in enumerate(ROSTER_FIELDS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=field.header)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER
        cell.border = _BORDER
        widths.append(_display_width(field.header))
    ws.row_dimensions[HEADER_ROW].height = 30

    for offset, row in enumerate(rows):
        r = HEADER_ROW + 1 + offset
        for col, field in enumerate(ROSTER_FIELDS, start=1):
            value = _cell_value(row, field.key)
            cell = ws.cell(row=r, column=col, value=value)
            cell.font = _BODY_FONT
            cell.border = _BORDER
            cell.alignment = _LEFT_WRAP if field.key in WRAP_KEYS else _CENTER
            if field.key in TEXT_KEYS:
                cell.number_format = TEXT_FORMAT
            elif field.key in MONTH_KEYS and isinstance(value, date):
                cell.number_format = MONTH_FORMAT
            elif field.key in DAY_KEYS and isinstance(value, date):
                cell.number_format = DAY_FORMAT
            if isinstance(value, str):
                widths[col - 1] = max(widths[col - 1], _display_width(value))

    for col, field in enumerate(ROSTER_FIELDS, start=1):
        if field.key in FIXED_WIDTHS:
            width = float(FIXED_WIDTHS[field.key])
        else:
            cap = WRAP_MAX_WIDTH if field.key in WRAP_KEYS else MAX_WIDTH
            width = min(max(widths[col - 1] + 2, MIN_WIDTH), cap)
        ws.column_dimensions[get_column_letter(col)].width = width
    # Empty cells of the text columns stay text too, so an ID typed in later is not turned into a number.
    for key in TEXT_KEYS:
        col_letter = get_column_letter(1 + [f.key for f in ROSTER_FIELDS].index(key))
        ws.column_dimensions[col_letter].number_format = TEXT_FORMAT

    last_row = HEADER_ROW + len(rows)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=2)  # header and 姓名 stay visible while scrolling
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"

    print_a4_landscape(ws, title_rows=f"{TITLE_ROW}:{HEADER_ROW}")
    save_workbook(wb, path, title=title)
