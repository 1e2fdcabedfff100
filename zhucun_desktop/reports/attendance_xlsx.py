"""The monthly attendance table (考勤表, §7) as an Excel workbook: export for printing in WPS/Excel, and import.

Many townships kept this year's attendance in Excel before the program came.  The export looks like the
printed form (title, day numbers over weekdays, shaded weekends and holidays, totals, legend, signature lines)
and prints on A4 landscape, one page wide, header repeated.  Totals are values, not formulas: WPS and old
Excel show exactly what the program counted, and an edited code never silently changes a signed total.

The import reads the same layout back (title rows above a header of 姓名, 身份证号码 and day numbers) as raw
cell texts: making codes of "在岗" or "v" and finding the cadre is the attendance service's job (§7 codes are a
county setting).  A bad cell is reported as ``第N行 第M日：原因``, the sheet's own row, as the clerk sees it.
"""

from __future__ import annotations

import calendar
import logging
import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from zhucun_desktop.domain.text import normalize, normalize_compact, normalize_name
from zhucun_desktop.reports.attendance_data import AttendanceSheet
from zhucun_desktop.reports.attendance_pdf import DAY_OFF, WEEKDAYS, seal_text, total_columns
from zhucun_desktop.reports.xlsx_common import NARROW_MARGINS, THIN_BORDER, print_a4_landscape, save_workbook

__all__ = ["AttendanceImport", "ImportedRow", "read_attendance_xlsx", "write_attendance_xlsx"]

log = logging.getLogger(__name__)

# ---- layout of the exported sheet ----
TITLE_ROW, INFO_ROW, HEADER_ROW, WEEKDAY_ROW, FIRST_DATA_ROW = 1, 2, 3, 4, 5
FIXED_HEADERS = ("序号", "姓名", "身份证号码", "驻村身份", "所驻村")
FIXED_WIDTHS = (5, 10, 20, 15, 11)
DAY_WIDTH, TOTAL_WIDTH = 3.8, 6.5
TEXT_FORMAT = "@"
_BORDER = THIN_BORDER
_DAY_OFF_FILL = PatternFill("solid", fgColor="EDEDED")
_OUTSIDE_FILL = PatternFill("solid", fgColor="C8C8C8")  # outside the posting: darker than a weekend
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=False)
_BODY_FONT = Font(name="宋体", size=10)
_SMALL_FONT, _SIGN_FONT = Font(name="宋体", size=9), Font(name="宋体", size=11)
_HEAD_FONT, _TITLE_FONT = Font(name="宋体", size=9, bold=True), Font(name="宋体", size=16, bold=True)

# ---- reading ----
HEADER_SCAN_ROWS = 20
ID_HEADERS = frozenset({"身份证号码", "身份证号", "公民身份号码", "身份证"})
_DAY_TEXT = re.compile(r"^(\d{1,2})(?:日|号)?$")
_MONTH_TEXT = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_SHEET_MONTH = re.compile(r"^(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月(?:份)?$")
_WEEKDAY_CHARS = frozenset("一二三四五六日天七班休周星期 /")
# fmt: off
_FOOTER = ("合计", "总计", "小计", "考勤符号", "说明", "注:", "填表人", "制表人", "乡镇党委", "报送期限", "以下空白")
# fmt: on
_EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class ImportedRow:
    """One person's line as typed: ``codes`` maps day → the cell's text, stripped and half-width."""

    row_number: int  # the sheet's own 1-based row number
    name: str
    id_number: str
    codes: dict[int, str] = field(default_factory=dict)
    sheet: str = ""  # the worksheet's name, when a file holds several townships


@dataclass
class AttendanceImport:
    """The rows read and every problem found; the caller must take nothing while ``errors`` is not empty."""

    rows: list[ImportedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


# ============================================================================ writing


def _sheet_name(township: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", township.strip())[:28] or "考勤表"
    name, n = base, 2
    while name in used:
        name, n = f"{base}({n})", n + 1
    used.add(name)
    return name


def _style(cell: Any, font: Font = _BODY_FONT, fill: PatternFill | None = None) -> Any:
    cell.font, cell.alignment, cell.border = font, _CENTER, _BORDER
    if fill is not None:
        cell.fill = fill
    return cell


def _merge_text(ws: Worksheet, row: int, cols: tuple[int, int], value: str, font: Font = _SIGN_FONT) -> None:
    cell = ws.cell(row=row, column=cols[0], value=value)
    cell.font, cell.alignment = font, _LEFT
    ws.merge_cells(start_row=row, start_column=cols[0], end_row=row, end_column=cols[1])


def _write_header(ws: Worksheet, sheet: AttendanceSheet, day_off: list[bool], totals: list[str]) -> None:
    """Rows 3–4: the fixed and total columns merged over both rows; day numbers over weekdays (班/休 marks)."""
    n_fixed, n_days = len(FIXED_HEADERS), len(sheet.days)
    merged = list(enumerate(FIXED_HEADERS, start=1))
    merged += [(n_fixed + n_days + 1 + k, h.replace("\n", "")) for k, h in enumerate(totals)]
    for col, header in merged:
        _style(ws.cell(row=HEADER_ROW, column=col, value=header), _HEAD_FONT)
        _style(ws.cell(row=WEEKDAY_ROW, column=col), _HEAD_FONT)
        ws.merge_cells(start_row=HEADER_ROW, start_column=col, end_row=WEEKDAY_ROW, end_column=col)
    for i, day in enumerate(sheet.days):
        kind = sheet.day_kinds[i] if i < len(sheet.day_kinds) else ""
        weekday = WEEKDAYS[day.weekday()] + {"调休上班": "\n班", "节假日": "\n休"}.get(kind, "")
        fill = _DAY_OFF_FILL if day_off[i] else None
        _style(ws.cell(row=HEADER_ROW, column=n_fixed + 1 + i, value=day.day), _HEAD_FONT, fill)
        _style(ws.cell(row=WEEKDAY_ROW, column=n_fixed + 1 + i, value=weekday), _HEAD_FONT, fill)
    ws.row_dimensions[HEADER_ROW].height = 18
    ws.row_dimensions[WEEKDAY_ROW].height = 26


def _write_closing(ws: Worksheet, sheet: AttendanceSheet, r: int, ncols: int) -> None:
    """The legend, then 填表人 / 乡镇党委书记（签字） / 乡镇党委（盖章）, the date and 报送期限 (§7)."""
    legend = "考勤符号：" + "；".join(f"{code} {label}" for code, label in sheet.legend)
    _merge_text(ws, r, (1, ncols), legend, _SMALL_FONT)
    third, sign = max(ncols // 3, 1), r + 2
    _merge_text(ws, sign, (1, 4), f"填表人：{sheet.filler or '__________'}")
    _merge_text(ws, sign, (5, 5 + third), "乡镇党委书记（签字）：______________")
    _merge_text(ws, sign, (6 + third, ncols), "乡镇党委（盖章）")
    ws.row_dimensions[sign].height = 36
    if sheet.due is not None:
        due = f"报送期限：次月第5个工作日前（{sheet.due.year}年{sheet.due.month}月{sheet.due.day}日）"
        _merge_text(ws, sign + 1, (1, 5 + third), due)
    _merge_text(ws, sign + 1, (6 + third, ncols), "______年____月____日")


def _page_setup(ws: Worksheet, sheet: AttendanceSheet, state: str) -> None:
    """A4 landscape, one page wide, title and header rows on every page: WPS/Excel print it as it is."""
    exported = f"导出时间：{sheet.printed_at:%Y-%m-%d %H:%M}" if sheet.printed_at else ""
    print_a4_landscape(ws, title_rows=f"{TITLE_ROW}:{WEEKDAY_ROW}", margins=NARROW_MARGINS,
                       footer_sides=(state, exported), footer_size=8)


def _write_sheet(ws: Worksheet, sheet: AttendanceSheet) -> None:
    totals = total_columns(sheet)
    n_days, n_fixed = len(sheet.days), len(FIXED_HEADERS)
    first_total = n_fixed + n_days + 1
    ncols = n_fixed + n_days + len(totals)
    day_off = [i < len(sheet.day_kinds) and sheet.day_kinds[i] in DAY_OFF for i in range(n_days)]
    state, small = seal_text(sheet)

    title = ws.cell(row=TITLE_ROW, column=1, value=sheet.title)
    title.font, title.alignment = _TITLE_FONT, Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=ncols)
    ws.row_dimensions[TITLE_ROW].height = 30
    info = f"{sheet.county}{sheet.township}　共 {len(sheet.rows)} 人　{state}　{small}"
    _merge_text(ws, INFO_ROW, (1, ncols), info, _SMALL_FONT)
    _write_header(ws, sheet, day_off, [t.header for t in totals])

    for n, row in enumerate(sheet.rows, start=1):
        r = FIRST_DATA_ROW + n - 1
        role = row.role + ("（队长）" if row.is_leader and "队长" not in row.role else "")
        for col, value in enumerate((n, row.name, row.id_number, role, row.village), start=1):
            cell = _style(ws.cell(row=r, column=col, value=value))
            cell.number_format = TEXT_FORMAT if col == 3 else cell.number_format
        for i in range(n_days):
            editable = row.editable[i] if i < len(row.editable) else True
            code = (row.codes[i] if i < len(row.codes) else None) if editable else None
            fill = _OUTSIDE_FILL if not editable else (_DAY_OFF_FILL if day_off[i] else None)
            _style(ws.cell(row=r, column=n_fixed + 1 + i, value=code or None), fill=fill)
        for k, total in enumerate(totals):
            value = total.value(row)
            _style(ws.cell(row=r, column=first_total + k, value="—" if value is None else value))

    r = FIRST_DATA_ROW + len(sheet.rows)  # 合计
    for col in range(1, ncols + 1):
        _style(ws.cell(row=r, column=col), _HEAD_FONT if col == 1 else _BODY_FONT)
    ws.cell(row=r, column=1, value="合计")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n_fixed)
    ws.cell(row=r, column=n_fixed + 1, value=f"共 {len(sheet.rows)} 人")
    ws.merge_cells(start_row=r, start_column=n_fixed + 1, end_row=r, end_column=first_total - 1)
    for k, total in enumerate(totals):
        values = [total.value(row) for row in sheet.rows]
        ws.cell(row=r, column=first_total + k, value="—" if None in values else sum(v or 0 for v in values))
    _write_closing(ws, sheet, r + 1, ncols)

    widths = list(FIXED_WIDTHS) + [DAY_WIDTH] * n_days + [TOTAL_WIDTH] * len(totals)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.column_dimensions["C"].number_format = TEXT_FORMAT  # an ID typed in later stays text, all 18 digits
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=n_fixed + 1)
    _page_setup(ws, sheet, state)


def write_attendance_xlsx(sheets: Sequence[AttendanceSheet], path: str | os.PathLike[str]) -> None:
    """Write one worksheet per township (named after it) to ``path``, replaced atomically.

    Row 1 the title, row 2 the township, head count and seal state, rows 3–4 the header (day numbers over
    weekdays), the cadres from row 5, then 合计, the legend and the signature lines.
    """
    if not sheets:
        raise ValueError("没有要导出的考勤表")
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for sheet in sheets:
        _write_sheet(wb.create_sheet(_sheet_name(sheet.township, used)), sheet)
    save_workbook(wb, path, title=sheets[0].title)


# ============================================================================ reading


_key = normalize_compact  # a header or footer text reduced to what identifies it


def _day_number(value: object) -> int | None:
    """A header cell as a day of the month: 1, 1.0, "1", "１日", "1号", or a date cell shown as its day."""
    if isinstance(value, date):
        return value.day
    match = _DAY_TEXT.match(_key(value))  # normalize writes 1.0 as "1"
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 31 else None


@dataclass
class _Header:
    row: int
    name_col: int
    id_col: int
    days: dict[int, int]  # column -> day
    errors: list[str]


def _find_header(ws: Worksheet) -> _Header | None:
    """The first row with 姓名, an ID header and at least the days 1…28 (a month's shortest)."""
    for r, values in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1):
        keys = [_key(v) for v in values]
        if "姓名" not in keys or not ID_HEADERS.intersection(keys):
            continue
        columns: dict[int, int] = {}  # day -> column
        errors: list[str] = []
        for col, day in ((c, _day_number(v)) for c, v in enumerate(values, start=1)):
            if day is not None and day in columns:
                errors.append(f"表头第{r}行：第{day}日出现两次（第{columns[day]}列和第{col}列）")
            elif day is not None:
                columns[day] = col
        if all(d in columns for d in range(1, 29)):
            id_col = next(i for i, k in enumerate(keys, start=1) if k in ID_HEADERS)
            return _Header(r, keys.index("姓名") + 1, id_col, {c: d for d, c in columns.items()}, errors)
    return None


def _above_header(ws: Worksheet, header_row: int) -> str:
    """The text of the title rows above the header ("东风镇…考勤表（2026年10月）")."""
    rows = ws.iter_rows(max_row=header_row - 1, values_only=True)
    return " ".join(normalize(v) for values in rows for v in values if v is not None)


def _named_month(ws: Worksheet, header_row: int) -> tuple[int | None, int] | None:
    """The month a sheet says it is for: its name ("10月", "2026年10月") or a title row above the header."""
    match = _SHEET_MONTH.match(_key(ws.title))
    if match:
        return (int(match.group(1)) if match.group(1) else None, int(match.group(2)))
    found = _MONTH_TEXT.search(_above_header(ws, header_row))
    return (int(found.group(1)), int(found.group(2))) if found else None


def _open(path: Path) -> Any:
    """The workbook, or a Chinese message the clerk can act on (an .xls or .et file is the usual case)."""
    name = path.name
    if not path.is_file():
        return f"找不到文件：{path}"
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(_OLE_MAGIC) or path.suffix.lower() in {".xls", ".et"}:
        return f"文件“{name}”不是 .xlsx 格式：请用 WPS/Excel 打开，另存为“Excel 工作簿(*.xlsx)”后再导入"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # WPS extensions, data validation: nothing that matters here
            return load_workbook(path, data_only=True)
    # A damaged or foreign zip fails anywhere in zipfile, XML parsing or openpyxl; the message is the same.
    except Exception as exc:  # noqa: BLE001
        log.info("cannot open %s as xlsx: %r", path, exc)
        return f"无法打开文件“{name}”：请确认是 .xlsx 格式（WPS/Excel 另存为“Excel 工作簿”）"


class _Reader:
    """Collects rows and problems over the chosen sheets; a person is recognised by 身份证号码 across them."""

    def __init__(self, year: int, month: int, several: bool) -> None:
        self.month, self.length, self.several = month, calendar.monthrange(year, month)[1], several
        self.result = AttendanceImport()

    def read(self, ws: Worksheet, header: _Header) -> None:
        errors, month, length = self.result.errors, self.month, self.length
        prefix = f"工作表“{ws.title}” " if self.several else ""
        errors.extend(prefix + e for e in header.errors)
        missing = sorted(set(range(1, length + 1)) - set(header.days.values()))
        errors.extend(f"{prefix}表头缺少第{d}日（{month}月有{length}天）" for d in missing)
        first_day_col, days = min(header.days), sorted(header.days.items(), key=lambda item: item[1])
        rows = ws.iter_rows(min_row=header.row + 1, values_only=True)
        for r, values in enumerate(rows, start=header.row + 1):
            values = (*values, *[None] * max(0, max(header.days) - len(values)))
            if next((_key(v) for v in values[: first_day_col - 1] if _key(v)), "").startswith(_FOOTER):
                break  # 合计, the legend and the signature lines close the table
            raw_id = values[header.id_col - 1]
            name, id_number = normalize_name(values[header.name_col - 1]), normalize_compact(raw_id).upper()
            where, codes = f"{prefix}第{r}行", {}
            for col, day in days:
                text = normalize(values[col - 1])
                if text and day > length:
                    errors.append(f"{where} 第{day}日：{month}月只有{length}天")
                elif text.upper() in _EXCEL_ERRORS:
                    errors.append(f"{where} 第{day}日：单元格是错误值 {text}")
                elif text:
                    codes[day] = text
            if not name and not id_number:
                if codes and not set("".join(codes.values())) <= _WEEKDAY_CHARS:
                    errors.append(f"{where}：有考勤记录，但没有姓名和身份证号码")
                continue  # an empty line, or the weekday line under the day numbers
            if isinstance(raw_id, float):  # Excel keeps 15 digits of a number: the ID is already damaged
                errors.append(f"{where}：身份证号码存成了数字，后几位可能已丢失，请设为文本后重新录入")
            elif not id_number:
                errors.append(f"{where}：{name}缺少身份证号码")
            if not name:
                errors.append(f"{where}：缺少姓名（身份证号码{id_number}）")
            # The same ID on two rows is a cadre who moved villages within the month (one row per posting);
            # the service merges such rows and refuses a day given two different codes.
            self.result.rows.append(ImportedRow(r, name, id_number, codes, ws.title))


def read_attendance_xlsx(
    path: str | os.PathLike[str], *, year: int, month: int, township: str | None = None
) -> AttendanceImport:
    """Read the attendance of ``year``-``month`` from a workbook in the exported layout (or a clerk's own).

    Every worksheet with a header (姓名, 身份证号码/身份证号/公民身份号码 and the days 1…28 at least, as
    numbers or texts like "1日") is read, except those whose name or title names another month — so a
    workbook with a sheet per month works; given ``township``, only the sheets naming it (in the sheet name or
    title) when any does — a county export has a sheet per township.  Rows end at a 合计/填表人/考勤符号 line.  Problems are collected,
    never raised: a value in a day the month does not have, an Excel error value, a row without name or
    身份证号码, an ID stored as a number, the same person twice.
    """
    opened = _open(Path(path))
    if isinstance(opened, str):
        return AttendanceImport(errors=[opened])
    try:
        found = [(ws, h) for ws in opened.worksheets if isinstance(ws, Worksheet) and (h := _find_header(ws))]
        named = {ws.title: _named_month(ws, h.row) for ws, h in found}
        matching = [(ws, h) for ws, h in found if named[ws.title] in ((year, month), (None, month))]
        chosen = matching or [(ws, h) for ws, h in found if named[ws.title] is None]
        if township:
            chosen = [
                (ws, h) for ws, h in chosen if township in ws.title + _above_header(ws, h.row)
            ] or chosen
        reader = _Reader(year, month, several=len(chosen) > 1)
        months = sorted({(y or 0, m) for y, m in filter(None, named.values())})
        others = "、".join(f"{y}年{m}月" if y else f"{m}月" for y, m in months)
        if not found:
            reader.result.errors.append("未找到表头：需要一行同时有“姓名”“身份证号码”和日期1～28")
        elif not chosen:
            reader.result.errors.append(f"文件中没有{year}年{month}月的考勤表（只有：{others}）")
        for ws, header in chosen:
            reader.read(ws, header)
        return reader.result
    finally:
        opened.close()
