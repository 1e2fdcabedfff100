"""What the program's workbooks (花名册, 考勤表, 请销假登记簿, 整改台账) share: the thin grey cell border, the
print set-up that lets WPS/Excel print a sheet as it is, and the atomic save with the file's properties."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Border, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from zhucun_desktop.fileutil import atomic_output

__all__ = ["NARROW_MARGINS", "PAGE_COUNT", "ROOMY_MARGINS", "THIN_BORDER", "print_a4_landscape",
           "save_workbook"]

_THIN = Side(style="thin", color="808080")
#: Every cell of a printed table: a thin grey line on all four sides.
THIN_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
#: "第 N 页 共 M 页" in Excel's header/footer codes.
PAGE_COUNT = "第 &P 页 共 &N 页"
#: Margins in inches for a register with only the page count below it.
ROOMY_MARGINS = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
#: Narrower margins for the wide tables (考勤表, 登记簿) whose footer has three parts.
NARROW_MARGINS = PageMargins(left=0.3, right=0.3, top=0.5, bottom=0.6, header=0.2, footer=0.25)


def print_a4_landscape(ws: Worksheet, *, title_rows: str, margins: PageMargins = ROOMY_MARGINS,
                       footer_sides: tuple[str, str] | None = None, footer_size: float = 9) -> None:
    """A4 landscape, one page wide and as many tall as needed, centred, ``title_rows`` (e.g. "1:3") repeated
    on every page, "第 N 页 共 M 页" in the footer — with ``footer_sides`` (left, right) beside it."""
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=margins.left, right=margins.right, top=margins.top,
                                  bottom=margins.bottom, header=margins.header, footer=margins.footer)
    footer = ws.oddFooter
    parts = [(footer.center, PAGE_COUNT)]
    if footer_sides is not None:
        parts += [(footer.left, footer_sides[0]), (footer.right, footer_sides[1])]
    for part, text in parts:
        part.text, part.size = text, footer_size


def save_workbook(wb: Workbook, path: str | os.PathLike[str], *, title: str) -> Path:
    """Save ``wb`` at ``path``, replaced atomically (a failed save keeps the old file), titled ``title``."""
    wb.properties.title = title
    wb.properties.creator = "zhucun_desktop"
    target = Path(path)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target
