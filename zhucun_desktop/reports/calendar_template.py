"""The county calendar's template (工作日历模板.xlsx): the file the county fills in and imports (§7's 工作日).

The import (``domain.calendar_import``) reads a sheet with the header ``日期 | 类型 | 说明`` that lists only
the exceptions to Monday–Friday. The template is that sheet, with a title above the header (the import looks
for the header in the first rows) and a second sheet that says how to fill it in. For a year the program
already knows, the rows are that year's exceptions as the program has them (holidays on weekdays, 调休
working weekends), so the county only corrects or adds; for an unknown year the sheet is empty below the
header. The writer never touches the database: the caller passes the calendar.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from zhucun_desktop.domain.calendar_import import DATE_COLUMN, KIND_COLUMN, NOTE_COLUMN
from zhucun_desktop.domain.workcalendar import HOLIDAY, WORKING_DAY, WorkCalendar
from zhucun_desktop.fileutil import atomic_output

__all__ = ["TemplateRow", "exception_rows", "write_calendar_template"]

SHEET_TITLE = "工作日历"
HELP_TITLE = "填写说明"
HEADER_ROW = 2
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
WIDTHS = (14, 10, 30)
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class TemplateRow:
    day: date
    kind: str  # 工作日 / 节假日
    note: str


def exception_rows(cal: WorkCalendar, year: int) -> list[TemplateRow]:
    """The days of ``year`` that differ from Monday–Friday in ``cal``: a weekday off (节假日) or a weekend
    worked (工作日, 调休上班); empty when the calendar does not know the year (never guessed)."""
    if not cal.knows(year):
        return []
    rows = []
    day, last = date(year, 1, 1), date(year, 12, 31)
    while day <= last:
        working = cal.is_working_day(day)
        weekend = day.weekday() >= 5
        if working and weekend:
            name = cal.holiday_name(day) or ""
            rows.append(TemplateRow(day, WORKING_DAY, f"{name}调休上班" if name else "调休上班"))
        elif not working and not weekend:
            rows.append(TemplateRow(day, HOLIDAY, cal.holiday_name(day) or ""))
        day += timedelta(days=1)
    return rows


def write_calendar_template(path: str | os.PathLike[str], year: int, rows: list[TemplateRow],
                            county: str = "") -> Path:
    """Write the template for ``year`` (``rows`` from :func:`exception_rows`) to ``path``, atomically."""
    target = Path(path)
    wb = Workbook()
    sheet = wb.active
    sheet.title = SHEET_TITLE
    sheet.cell(1, 1, f"{county}{year}年工作日历（只列出与“周一至周五上班”不同的日子）").font = Font(bold=True, size=13)
    for column, (title, width) in enumerate(zip((DATE_COLUMN, KIND_COLUMN, NOTE_COLUMN), WIDTHS, strict=True),
                                            start=1):
        cell = sheet.cell(HEADER_ROW, column, title)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[cell.column_letter].width = width
    for i, row in enumerate(rows, start=HEADER_ROW + 1):
        sheet.cell(i, 1, row.day).number_format = "yyyy-mm-dd"
        sheet.cell(i, 2, row.kind)
        sheet.cell(i, 3, row.note)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)

    guide = wb.create_sheet(HELP_TITLE)
    lines = (
        "怎样填写工作日历",
        "1. 在“工作日历”表中每行写一天：日期（如2027-10-01）、类型、说明。",
        "2. 类型只写“工作日”或“节假日”：周一至周五放假的日子写“节假日”，周六、周日调休上班的日子写“工作日”。",
        "3. 只列出与“周一至周五上班、周六周日休息”不同的日子；其余日子不用写。",
        "4. 说明写节日名称，如“国庆节”“春节调休上班”，可以不写。",
        ("5. 导入一年的日历后，这一年就按本表计算工作日和考勤表报送截止日期（次月第5个工作日，§7）；"
         "再次导入同一年会替换这一年原来的日历。"),
        "6. 可以另存为xlsx或csv（UTF-8或GBK编码）后在“系统设置—工作日历”中点“导入日历文件…”。",
    )
    for i, text in enumerate(lines, start=1):
        guide.cell(i, 1, text).font = Font(bold=i == 1)
    guide.column_dimensions["A"].width = 100
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target
