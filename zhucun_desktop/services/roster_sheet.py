"""Read a roster (花名册) spreadsheet as clerks really make them, before any rule looks at the values.

Township sheets are copied from last year's file, retyped from paper or assembled in WPS: one or two
title rows above the header, header cells like "身份证\\n号码" or "*姓名", synonyms instead of our column
names, 所属乡镇 merged down over a village's rows, empty spacer rows, and a "合计" or "填表人：" line under
the data.  This module finds the header, maps columns to ``ROSTER_FIELDS`` keys and hands back the raw
cell values with the sheet's own row numbers, so that every later error message can say "第7行" and the
clerk finds the row in the file he has open.  Turning values into dates, IDs and terms is the validator's
job, not this one's: values stay as openpyxl gives them (str stripped, datetime, int, float).
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet.cell_range import CellRange

from zhucun_desktop.domain.roster_fields import ROSTER_FIELDS, RosterField
from zhucun_desktop.domain.text import normalize
from zhucun_desktop.services.errors import ServiceError

__all__ = ["HEADER_SCAN_ROWS", "MIN_HEADER_MATCHES", "RawRow", "SheetData", "SheetError", "read_roster_sheet"]

log = logging.getLogger(__name__)

HEADER_SCAN_ROWS = 15
MIN_HEADER_MATCHES = 3
# Columns every roster has that carry nothing to import; not reported as unknown.
IGNORED_HEADERS = frozenset({"序号", "编号"})
# A row under the data whose name cell starts like this is a footer, not a person.
# fmt: off
FOOTER_MARKERS = (
    "合计", "总计", "小计", "填表人", "填报人", "制表人", "审核人", "审批人", "负责人", "单位负责人", "联系人",
    "填表日期", "填报日期", "制表日期", "备注", "说明", "注:", "注：", "签字", "盖章", "以下空白",
)
# fmt: on
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et, and password-protected .xlsx
_ZIP_MAGIC = b"PK"
_SAVE_AS_HINT = "WPS/Excel另存为“Excel 工作簿”"
_REQUIRED_MARKS = re.compile(r"[*※]|\((?:必填|必填项|选填|可选|非必填)\)")


class SheetError(ServiceError):
    """The file cannot be read as a roster; ``message`` (Chinese) says what the clerk should do."""


@dataclass
class RawRow:
    """One data row.  ``values`` has every mapped column's key; empty cells are ``None``."""

    row_number: int  # the sheet's own 1-based row number
    values: dict[str, Any]


@dataclass
class SheetData:
    """What was found: where the header is, which column holds which field, and the data rows.

    ``unknown_headers`` lists header cells that were not recognised, and second columns for a field that
    is already mapped (the first one wins) — both are ignored on import, and the user should be told.
    ``header_texts`` keeps the header as written in the file, for messages ("「身份证号码」列").
    """

    sheet_name: str
    header_row: int
    columns: dict[str, int]  # ROSTER_FIELDS key -> 1-based column index
    unknown_headers: list[str]
    rows: list[RawRow]
    header_texts: dict[str, str] = field(default_factory=dict)


def _header_key(value: object) -> str:
    """Header text reduced to what identifies it: half-width, no spaces or line breaks, no "*" marks."""
    text = re.sub(r"\s+", "", normalize(value))
    return _REQUIRED_MARKS.sub("", text)


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for f in ROSTER_FIELDS:
        for name in (f.header, *f.synonyms):
            lookup.setdefault(_header_key(name), f.key)
    return lookup


_LOOKUP = _build_lookup()
_FOOTER_KEYS = tuple(_header_key(m) for m in FOOTER_MARKERS)


def _describe(f: RosterField) -> str:
    if not f.synonyms:
        return f.header
    return f"{f.header}（也可写作 {'/'.join(f.synonyms[:2])}）"


@contextmanager
def _open_workbook(path: Path) -> Iterator[Workbook]:
    """Open read-only with ``data_only=True`` (values, not formulas), and close it again.

    The file is sniffed first, because the most common failure is an old .xls or a WPS .et file, and the
    clerk needs to hear "save it as .xlsx", not "bad zip file".  A read-only workbook keeps the zip open
    until it is closed; both the workbook and our own file handle are closed on the way out, because
    Windows cannot delete or overwrite a file that is still open.
    """
    name = path.name
    if not path.is_file():
        raise SheetError(f"找不到文件：{path}")
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except PermissionError as exc:
        raise SheetError(f"无法打开文件“{name}”：文件正被其他程序占用，请先在 WPS/Excel 中关闭它") from exc
    except OSError as exc:
        raise SheetError(f"无法打开文件“{name}”：{exc.strerror or exc}") from exc

    suffix = path.suffix.lower()
    if head.startswith(_OLE_MAGIC) or suffix in {".xls", ".et"}:
        if suffix == ".xlsx":
            raise SheetError(
                f"无法打开文件“{name}”：文件设置了打开密码，或其实是旧版 .xls 文件改了扩展名。"
                f"请在 WPS/Excel 中打开它（如有密码先取消），再另存为“Excel 工作簿(*.xlsx)”后导入"
            )
        kind = "WPS 表格（.et）" if suffix == ".et" else "旧版 Excel 97-2003（.xls）"
        raise SheetError(
            f"文件“{name}”是{kind}格式，本程序只能读取 .xlsx。"
            f"请用 WPS 或 Excel 打开它，点“另存为”，文件类型选“Excel 工作簿(*.xlsx)”，再导入新文件"
        )
    if not head.startswith(_ZIP_MAGIC):
        raise SheetError(_not_xlsx(path))
    # A file object rather than the path: openpyxl refuses a path whose extension is not .xlsx/.xlsm.
    with open(path, "rb") as fh:
        try:
            with warnings.catch_warnings():
                # openpyxl warns about WPS extensions, data validation and missing styles; none matter here.
                warnings.simplefilter("ignore")
                wb = load_workbook(fh, read_only=True, data_only=True)
        except Exception as exc:  # a damaged or foreign zip can fail in zipfile, XML parsing or openpyxl
            log.info("cannot open %s as xlsx: %r", path, exc)
            raise SheetError(_not_xlsx(path)) from exc
        try:
            yield wb
        finally:
            wb.close()


def _not_xlsx(path: Path) -> str:
    return f"无法打开文件“{path.name}”：请确认是.xlsx格式（{_SAVE_AS_HINT}）"


def _parse_sheet_xml(
    wb: Workbook, ws: ReadOnlyWorksheet
) -> tuple[dict[int, dict[int, Any]], list[CellRange]]:
    """Cell values by row and column, and the merged ranges, in one streaming pass over the sheet's XML.

    openpyxl's read-only worksheet does not give merged ranges, and a normal (not read-only) load builds a
    Cell object for every cell: reading a 10,000-row roster took 5 s that way against 3 s with this.
    Its own sheet parser yields the rows *and* collects ``<mergeCells>`` (written after ``<sheetData>``) as it
    goes, so it is used directly, set up the way ``ReadOnlyWorksheet._cells_by_row`` sets it up (openpyxl
    3.1): same shared strings, epoch and date formats, so values (dates included) are exactly what a normal
    load gives.  This is the only place that touches openpyxl's private API.
    """
    rows: dict[int, dict[int, Any]] = {}
    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            ws._shared_strings,
            data_only=wb.data_only,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for row_number, cells in parser.parse():
            values = {c["column"]: c["value"] for c in cells if c["value"] is not None}
            if values:
                rows.setdefault(row_number, {}).update(values)
    merged = [CellRange(m.ref) for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return rows, merged


@dataclass
class _Grid:
    """One worksheet as read: non-empty cells by 1-based row and column, and its merged ranges."""

    title: str
    cells: dict[int, dict[int, Any]]
    merged: list[CellRange]

    def value(self, row: int, column: int) -> Any:
        return self.cells.get(row, {}).get(column)


def _read_grid(path: Path, wb: Workbook, ws: ReadOnlyWorksheet) -> _Grid:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a date-formatted number out of range, read as an error
            cells, merged = _parse_sheet_xml(wb, ws)
    except Exception as exc:  # damaged sheet XML only shows now: a read-only load reads sheets lazily
        log.info("cannot read sheet %r of %s: %r", ws.title, path, exc)
        raise SheetError(_not_xlsx(path)) from exc
    # As in a normal load, a merged range's value is its top-left cell's; whatever else the file keeps in
    # covered cells is not shown by Excel or WPS and is dropped.
    for rng in merged:
        for r in range(rng.min_row, rng.max_row + 1):
            row = cells.get(r)
            if row is None:
                continue
            first = rng.min_col + 1 if r == rng.min_row else rng.min_col
            for c in range(first, rng.max_col + 1):
                row.pop(c, None)
    return _Grid(ws.title, cells, merged)


def _find_header(grid: _Grid) -> tuple[int, int] | None:
    """(row, number of recognised fields) of the best header candidate in the first rows, or None."""
    best: tuple[int, int] | None = None
    for r in range(1, HEADER_SCAN_ROWS + 1):
        keys = {_LOOKUP.get(_header_key(v)) for v in grid.cells.get(r, {}).values()}
        keys.discard(None)
        if len(keys) >= MIN_HEADER_MATCHES and (best is None or len(keys) > best[1]):
            best = (r, len(keys))
    return best


def _map_columns(grid: _Grid, header_row: int) -> tuple[dict[str, int], dict[str, str], list[str]]:
    columns: dict[str, int] = {}
    texts: dict[str, str] = {}
    unknown: list[str] = []
    for column, value in sorted(grid.cells.get(header_row, {}).items()):
        shown = normalize(value)
        if not shown:
            continue
        key = _LOOKUP.get(_header_key(value))
        if key is not None and key not in columns:
            columns[key] = column
            texts[key] = shown
        elif key is not None or _header_key(value) not in IGNORED_HEADERS:
            unknown.append(shown)
    return columns, texts, unknown


def _merged_fill(grid: _Grid, header_row: int, columns: dict[str, int]) -> dict[tuple[int, int], Any]:
    """Value of each covered cell of merged ranges inside the data area: clerks merge 所属乡镇 or 所驻村
    down over several people, and every one of them belongs to that township."""
    wanted = set(columns.values())
    fill: dict[tuple[int, int], Any] = {}
    for rng in grid.merged:
        if rng.min_row <= header_row:
            continue
        value = grid.value(rng.min_row, rng.min_col)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if c in wanted:
                    fill[(r, c)] = value
    return fill


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _is_footer(values: dict[str, Any]) -> bool:
    """A 合计/填表人/以下空白 line.  Such a line is often one cell merged across the row, which the merge
    fill copies into both 姓名 and 身份证号 — a person never has the same text in both."""
    name, id_number = values.get("name"), values.get("id_number")
    if name is not None and name == id_number:
        return True
    if id_number is not None:  # whoever has an ID is a person, even one surnamed 盖
        return False
    return isinstance(name, str) and _header_key(name).startswith(_FOOTER_KEYS)


def _read_rows(grid: _Grid, header_row: int, columns: dict[str, int]) -> list[RawRow]:
    fill = _merged_fill(grid, header_row, columns)
    numbers = {r for r in grid.cells if r > header_row} | {r for r, _ in fill}
    rows: list[RawRow] = []
    for r in sorted(numbers):
        cells = grid.cells.get(r, {})
        values: dict[str, Any] = {}
        for key, c in columns.items():
            values[key] = _clean(fill[(r, c)] if (r, c) in fill else cells.get(c))
        if values.get("name") is None and values.get("id_number") is None:
            continue  # empty spacer row, or a 合计/填表人 line in another column
        if _is_footer(values):
            continue
        rows.append(RawRow(row_number=r, values=values))
    return rows


def read_roster_sheet(path: str | os.PathLike[str]) -> SheetData:
    """Find the roster in the first worksheet that has a header and return its rows, raw.

    The header is the row, among the first 15, where the most cells (at least 3) name a ``ROSTER_FIELDS``
    column or synonym after normalisation.  Visible sheets are tried before hidden ones; chart sheets are
    skipped.  Raises :class:`SheetError` with a Chinese message when the file cannot be opened, no header is
    found, or the header lacks a required column.
    """
    path = Path(path)
    with _open_workbook(path) as wb:
        sheets = [ws for ws in wb.worksheets if isinstance(ws, ReadOnlyWorksheet)]
        sheets.sort(key=lambda ws: ws.sheet_state != "visible")  # stable: keeps the workbook's order
        for ws in sheets:
            grid = _read_grid(path, wb, ws)
            found = _find_header(grid)
            if found is None:
                continue
            header_row = found[0]
            columns, texts, unknown = _map_columns(grid, header_row)
            missing = [f for f in ROSTER_FIELDS if f.required and f.key not in columns]
            if missing:
                raise SheetError(
                    "表头缺少必填列："
                    + "；".join(_describe(f) for f in missing)
                    + f"。（表头在工作表“{grid.title}”第{header_row}行）"
                )
            return SheetData(
                sheet_name=grid.title,
                header_row=header_row,
                columns=columns,
                unknown_headers=unknown,
                rows=_read_rows(grid, header_row, columns),
                header_texts=texts,
            )
    raise SheetError(
        f"在文件“{path.name}”各工作表的前{HEADER_SCAN_ROWS}行中没有找到花名册表头："
        f"表头一行至少要有{MIN_HEADER_MATCHES}个可识别的列名，如 姓名、身份证号、派出单位、所驻村"
    )
