"""Reading the county's working-day calendar from the xlsx/csv file it sends round (§7's 工作日).

The file lists only the exceptions to Monday–Friday, one day a row, under the header
``日期 | 类型 | 说明`` (``类别``/``性质`` are accepted for 类型, ``备注`` for 说明)::

    日期        类型    说明
    2027-01-01  节假日  元旦
    2027-02-06  工作日  春节调休上班

类型 is 工作日 (also written 上班, 补班, 调休上班) or 节假日 (休息, 放假, 假日). A 工作日 on an ordinary
weekday or a 节假日 on a weekend says what the day already is; such rows are harmless and kept, since
the county often lists every day of a holiday run, weekend included.

Importing a file makes its years known (:class:`~zhucun_desktop.domain.workcalendar.WorkCalendar`). The
State Council's notice for a year often reaches into the next or the previous one (the 2027 New Year
holiday may start on 2026-12-31; a notice may list a working Sunday of late December), so a year whose
only rows fall in its first or last week is *not* made known by them: those rows are kept as days, but
a whole year is never inferred from one holiday on its edge. Pass ``year`` to say which year a file
is for; then rows more than a week away from that year are errors.

Every bad row is reported as ``第N行 日期：…`` or ``第N行 类型：…`` with the row number the clerk sees in
Excel, and a file with any error should import nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from zhucun_desktop.domain.dates import parse_date
from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.text import normalize, normalize_compact
from zhucun_desktop.domain.workcalendar import HOLIDAY, WORKING_DAY, DayOverride, OverrideKind

DATE_COLUMN = "日期"
KIND_COLUMN = "类型"
NOTE_COLUMN = "说明"
FILE_FIELD = "日历文件"

# Header text (without spaces) -> the column it stands for.
HEADER_SYNONYMS: dict[str, str] = {
    "日期": DATE_COLUMN,
    "类型": KIND_COLUMN,
    "类别": KIND_COLUMN,
    "性质": KIND_COLUMN,
    "说明": NOTE_COLUMN,
    "备注": NOTE_COLUMN,
}

KIND_SYNONYMS: dict[str, OverrideKind] = {
    "工作日": WORKING_DAY,
    "上班": WORKING_DAY,
    "补班": WORKING_DAY,
    "调休上班": WORKING_DAY,
    "节假日": HOLIDAY,
    "休息": HOLIDAY,
    "放假": HOLIDAY,
    "假日": HOLIDAY,
}

# Days at either end of a year that belong as often to the neighbouring year's holiday notice.
EDGE_DAYS = 7

# How far down a sheet the header row may be (below a title such as "XX县2027年工作日历").
HEADER_SEARCH_ROWS = 20

Row = tuple[int, Mapping[str, object]]


@dataclass
class CalendarImport:
    """What a calendar file says: the ``years`` it makes known, its days, and the problems found."""

    years: set[int] = field(default_factory=set)
    overrides: dict[date, DayOverride] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def canonical_header(text: object) -> str | None:
    """The column a header cell stands for (日期/类型/说明), or None."""
    return HEADER_SYNONYMS.get(normalize_compact(text))


def _canonical_row(values: Mapping[str, object]) -> dict[str, object]:
    row: dict[str, object] = {}
    for key, value in values.items():
        column = canonical_header(key)
        if column is not None and column not in row:
            row[column] = value
    return row


def _blank(value: object) -> bool:
    return value is None or normalize(value) == ""


def _on_edge(d: date) -> bool:
    return d <= date(d.year, 1, EDGE_DAYS) or d >= date(d.year, 12, 31) - timedelta(days=EDGE_DAYS - 1)


def _kind_message(raw: str) -> str:
    return f"无法识别的“{raw}”，应为工作日（上班、补班、调休上班）或节假日（休息、放假、假日）"


def parse_calendar_rows(rows: Iterable[Row], year: int | None = None) -> CalendarImport:
    """Read the rows of a county calendar, each ``(row number, {header: value})`` as a sheet gives them.

    Blank rows are skipped. Errors: an unreadable or missing 日期, a missing or unknown 类型, a date listed
    twice (naming both rows), and, when ``year`` is given, a date outside that year and its edge weeks.
    The ``overrides`` hold every good row; ``years`` the years the file makes known (see module doc).
    """
    result = CalendarImport()
    first_row: dict[date, int] = {}
    for number, values in rows:
        row = _canonical_row(values)
        if all(_blank(v) for v in row.values()):
            continue
        day: date | None = None
        try:
            day = parse_date(row.get(DATE_COLUMN), field=DATE_COLUMN, month_ok=False)
            if day is None:
                result.errors.append(f"第{number}行 {DATE_COLUMN}：不能为空")
        except RuleViolation as exc:
            result.errors.append(f"第{number}行 {exc}")

        raw_kind = normalize(row.get(KIND_COLUMN))
        kind = KIND_SYNONYMS.get(normalize_compact(raw_kind))
        if not raw_kind:
            result.errors.append(f"第{number}行 {KIND_COLUMN}：不能为空，应为工作日或节假日")
        elif kind is None:
            result.errors.append(f"第{number}行 {KIND_COLUMN}：{_kind_message(raw_kind)}")

        if day is None:
            continue
        if year is not None and not (date(year, 1, 1) - timedelta(days=EDGE_DAYS)
                                     <= day <= date(year, 12, 31) + timedelta(days=EDGE_DAYS)):
            result.errors.append(f"第{number}行 {DATE_COLUMN}：{day.isoformat()}不属于{year}年的日历")
            continue
        if day in first_row:
            result.errors.append(
                f"第{number}行 {DATE_COLUMN}：{day.isoformat()}与第{first_row[day]}行重复，同一天只能写一行"
            )
            continue
        first_row[day] = number
        if kind is not None:
            result.overrides[day] = DayOverride(kind, normalize(row.get(NOTE_COLUMN)))

    if not first_row and not result.errors:
        result.errors.append(f"{DATE_COLUMN}：文件里没有任何日期行")
    if year is not None:
        result.years = {year}
    else:
        result.years = {d.year for d in first_row if not _on_edge(d)}
    return result


# ---------------------------------------------------------------------------- files


def _find_header(table: Iterable[tuple[int, list[object]]]) -> list[Row]:
    """Rows below the first row that has both a 日期 and a 类型 column, keyed by canonical header."""
    header: list[str | None] | None = None
    out: list[Row] = []
    for number, cells in table:
        if header is None:
            if number > HEADER_SEARCH_ROWS:
                break
            columns = [canonical_header(c) for c in cells]
            if DATE_COLUMN in columns and KIND_COLUMN in columns:
                header = columns
            continue
        values: dict[str, object] = {}
        for column, value in zip(header, cells):
            if column is not None and column not in values:
                values[column] = value
        out.append((number, values))
    if header is None:
        raise RuleViolation(
            FILE_FIELD, f"找不到表头：前{HEADER_SEARCH_ROWS}行里需要有“{DATE_COLUMN}”和“{KIND_COLUMN}”两列"
            f"（可再加“{NOTE_COLUMN}”列）"
        )
    return out


def _decode_csv(data: bytes) -> str:
    # Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK; "CSV UTF-8" has a BOM. GB18030
    # is a superset of GBK, so it reads both and the few characters GBK lacks.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise RuleViolation(FILE_FIELD, "无法识别文件编码，请在Excel中另存为“CSV UTF-8”或xlsx") from exc


def _csv_table(path: Path) -> list[tuple[int, list[object]]]:
    text = _decode_csv(path.read_bytes())
    # Comma-separated, as Excel writes it in a Chinese locale. Row numbers count records, which is what
    # the clerk sees when Excel opens the file.
    return [(i, list(cells)) for i, cells in enumerate(csv.reader(io.StringIO(text)), start=1)]


def _xlsx_table(path: Path) -> list[tuple[int, list[object]]]:
    import openpyxl  # only this reader needs it; the rules stay importable without it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException: not a readable xlsx
        raise RuleViolation(FILE_FIELD, f"无法打开xlsx文件：{exc}") from exc
    try:
        sheets = [workbook.active, *[ws for ws in workbook.worksheets if ws is not workbook.active]]
        first: list[tuple[int, list[object]]] | None = None
        for sheet in sheets:
            if sheet is None:
                continue
            table = [(i, list(cells)) for i, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
            if first is None:
                first = table
            try:
                _find_header(table)
            except RuleViolation:
                continue
            return table  # the first sheet, active one first, that has the header
        return first or []
    finally:
        workbook.close()


def read_calendar_file(path: str | Path) -> list[Row]:
    """The data rows of a county calendar file (.xlsx or .csv), each ``(row number, {列: 值})`` with the
    headers already mapped to 日期/类型/说明, ready for :func:`parse_calendar_rows`.

    CSV may be UTF-8 (with or without BOM) or GBK; in xlsx the header row may sit below a title row, and
    the first sheet that has one is read. Raises :class:`RuleViolation` (field 日历文件) for another file
    type, an unreadable file or a missing header.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _csv_table(path)
    elif suffix in (".xlsx", ".xlsm"):
        table = _xlsx_table(path)
    else:
        raise RuleViolation(FILE_FIELD, f"不支持“{path.suffix or path.name}”文件，请另存为xlsx或csv后导入")
    return _find_header(table)


def load_calendar_file(path: str | Path, year: int | None = None) -> CalendarImport:
    """:func:`read_calendar_file` then :func:`parse_calendar_rows`."""
    return parse_calendar_rows(read_calendar_file(path), year)
