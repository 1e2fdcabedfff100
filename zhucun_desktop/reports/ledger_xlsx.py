"""The 负面清单及整改台账 (§13) as a print-ready workbook: the same columns as the PDF, A4 landscape, title and
header repeated on every printed page, overdue rows filled red with "（逾期）" after the deadline."""

from __future__ import annotations

import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from zhucun_desktop.reports.ledger_data import LEDGER_COLUMNS, LedgerPrint
from zhucun_desktop.reports.xlsx_common import THIN_BORDER, print_a4_landscape, save_workbook

__all__ = ["OVERDUE_FILL_COLOR", "write_ledger_xlsx"]

SHEET_NAME = "整改台账"
TITLE_ROW = 1
SUBTITLE_ROW = 2
HEADER_ROW = 3
WIDTHS = {"序号": 5, "问题来源": 14, "发现时间": 11, "责任主体": 16, "问题描述": 34, "整改措施": 26,
          "整改时限": 12, "责任人": 9, "整改进展": 28, "完成时间": 11, "核查结果": 20, "是否通报": 7}
LEFT = {"问题来源", "责任主体", "问题描述", "整改措施", "整改进展", "核查结果"}
OVERDUE_FILL_COLOR = "F8D7D5"

_BORDER = THIN_BORDER
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_OVERDUE_FILL = PatternFill("solid", fgColor=OVERDUE_FILL_COLOR)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_BODY = Font(name="宋体", size=10)
_OVERDUE_FONT = Font(name="宋体", size=10, color="A4161A", bold=True)
_HEADER = Font(name="宋体", size=10, bold=True)
_TITLE = Font(name="宋体", size=16, bold=True)


def write_ledger_xlsx(data: LedgerPrint, path: str | os.PathLike[str]) -> None:
    """Write the ledger at ``path`` (replaced atomically)."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ncols = len(LEDGER_COLUMNS)
    for row, text, font, height in ((TITLE_ROW, data.title, _TITLE, 30), (SUBTITLE_ROW, data.subtitle, _BODY, 18)):
        cell = ws.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
        ws.row_dimensions[row].height = height
    for col, head in enumerate(LEDGER_COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=head)
        cell.font, cell.fill, cell.alignment, cell.border = _HEADER, _HEADER_FILL, _CENTER, _BORDER
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[head]
    ws.row_dimensions[HEADER_ROW].height = 28
    deadline_col = LEDGER_COLUMNS.index("整改时限") + 1
    for n, item in enumerate(data.rows, start=1):
        r = HEADER_ROW + n
        for col, (head, text) in enumerate(zip(LEDGER_COLUMNS, item.cells(n)), start=1):
            cell = ws.cell(row=r, column=col, value=int(text) if head == "序号" else (text or None))
            cell.font = _OVERDUE_FONT if item.overdue and col == deadline_col else _BODY
            cell.alignment = _LEFT if head in LEFT else _CENTER
            cell.border = _BORDER
            if item.overdue:
                cell.fill = _OVERDUE_FILL
    last = HEADER_ROW + max(len(data.rows), 1)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(ncols)}{last}"
    print_a4_landscape(ws, title_rows=f"{TITLE_ROW}:{HEADER_ROW}")
    save_workbook(wb, path, title=data.title)
