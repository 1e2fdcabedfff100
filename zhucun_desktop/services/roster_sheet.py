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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

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


def _open_workbook(path: Path) -> Any:
    """Open with ``data_only=True`` (values, not formulas) and not read-only (merged cells are needed).

    The file is sniffed first, because the most common failure is an old .xls or a WPS .et file, and the
    clerk needs to hear "save it as .xlsx", not "bad zip file".
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
    generic = f"无法打开文件“{name}”：请确认是.xlsx格式（{_SAVE_AS_HINT}）"
    if not head.startswith(_ZIP_MAGIC):
        raise SheetError(generic)
    try:
        with open(path, "rb") as fh, warnings.catch_warnings():
            # openpyxl warns about WPS extensions, data validation and missing styles; none matter here.
            warnings.simplefilter("ignore")
            return load_workbook(fh, data_only=True)
    except Exception as exc:  # a damaged or foreign zip can fail in zipfile, XML parsing or openpyxl
        log.info("cannot open %s as xlsx: %r", path, exc)
        raise SheetError(generic) from exc


def _find_header(ws: Worksheet) -> tuple[int, int] | None:
    """(row, number of recognised fields) of the best header candidate in the first rows, or None."""
    best: tuple[int, int] | None = None
    for r, values in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1):
        keys = {_LOOKUP.get(_header_key(v)) for v in values if v is not None}
        keys.discard(None)
        if len(keys) >= MIN_HEADER_MATCHES and (best is None or len(keys) > best[1]):
            best = (r, len(keys))
    return best


def _map_columns(ws: Worksheet, header_row: int) -> tuple[dict[str, int], dict[str, str], list[str]]:
    columns: dict[str, int] = {}
    texts: dict[str, str] = {}
    unknown: list[str] = []
    for cell in ws[header_row]:
        if cell.value is None:
            continue
        shown = normalize(cell.value)
        if not shown:
            continue
        key = _LOOKUP.get(_header_key(cell.value))
        if key is not None and key not in columns:
            columns[key] = cell.column
            texts[key] = shown
        elif key is not None or _header_key(cell.value) not in IGNORED_HEADERS:
            unknown.append(shown)
    return columns, texts, unknown


def _merged_fill(ws: Worksheet, header_row: int, columns: dict[str, int]) -> dict[tuple[int, int], Any]:
    """Value of each covered cell of merged ranges inside the data area: clerks merge 所属乡镇 or 所驻村
    down over several people, and every one of them belongs to that township."""
    wanted = set(columns.values())
    fill: dict[tuple[int, int], Any] = {}
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= header_row:
            continue
        value = ws.cell(row=rng.min_row, column=rng.min_col).value
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


def _read_rows(ws: Worksheet, header_row: int, columns: dict[str, int]) -> list[RawRow]:
    fill = _merged_fill(ws, header_row, columns)
    rows: list[RawRow] = []
    for r, cells in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1):
        values: dict[str, Any] = {}
        for key, c in columns.items():
            raw = fill[(r, c)] if (r, c) in fill else (cells[c - 1] if c - 1 < len(cells) else None)
            values[key] = _clean(raw)
        if values.get("name") is None and values.get("id_number") is None:
            continue  # empty spacer row, or a 合计/填表人 line in another column
        if _is_footer(values):
            continue
        rows.append(RawRow(row_number=r, values=values))
    return rows


def read_roster_sheet(path: str | os.PathLike[str]) -> SheetData:
    """Find the roster in the first worksheet that has a header and return its rows, raw.

    The header is the row, among the first 15, where the most cells (at least 3) name a ``ROSTER_FIELDS``
    column or synonym after normalisation.  Visible sheets are tried before hidden ones.  Raises
    :class:`SheetError` with a Chinese message when the file cannot be opened, no header is found, or the
    header lacks a required column.
    """
    path = Path(path)
    wb = _open_workbook(path)
    try:
        sheets = [ws for ws in wb.worksheets if isinstance(ws, Worksheet)]
        sheets.sort(key=lambda ws: ws.sheet_state != "visible")  # stable: keeps the workbook's order
        for ws in sheets:
            found = _find_header(ws)
            if found is None:
                continue
            header_row = found[0]
            columns, texts, unknown = _map_columns(ws, header_row)
            missing = [f for f in ROSTER_FIELDS if f.required and f.key not in columns]
            if missing:
                raise SheetError(
                    "表头缺少必填列："
                    + "；".join(_describe(f) for f in missing)
                    + f"。（表头在工作表“{ws.title}”第{header_row}行）"
                )
            return SheetData(
                sheet_name=ws.title,
                header_row=header_row,
                columns=columns,
                unknown_headers=unknown,
                rows=_read_rows(ws, header_row, columns),
                header_texts=texts,
            )
    finally:
        wb.close()
    raise SheetError(
        f"在文件“{path.name}”各工作表的前{HEADER_SCAN_ROWS}行中没有找到花名册表头："
        f"表头一行至少要有{MIN_HEADER_MATCHES}个可识别的列名，如 姓名、身份证号、派出单位、所驻村"
    )
