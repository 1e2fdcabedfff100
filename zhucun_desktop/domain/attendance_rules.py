"""The monthly attendance table (考勤登记表, §7): codes, what clerks type, totals, and the seal's hash.

§7: attendance is registered per day (考勤按日登记) and is the basis for paying the living allowance, so
each day records truthfully whether the cadre was in post or away and why. §8: every absence from the
county needs leave, on working days, weekends and holidays alike. So **every calendar day** of a posting
has a code, weekends and holidays included; the working-day calendar is needed only for the columns that
count working days (在岗工作日, §19's allowance days), never to register a day.

The codes are the county's (editable in the settings; the printed legend reads from the same list);
:data:`DEFAULT_CODES` is what a new database starts with.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.text import normalize_compact
from zhucun_desktop.domain.workcalendar import CalendarMissing, WorkCalendar

CODE_FIELD = "考勤符号"

# Categories of codes; ``category`` of a county's own code is one of these.
IN_POST = "在岗"
OFFICIAL = "公出"
LEAVE = "请假"
REST = "休息"
ABSENT = "旷工"


@dataclass(frozen=True)
class AttendanceCodeDef:
    """One attendance code: the ``code`` written in the cell ("事"), its ``label`` in the legend ("事假"),
    its ``category`` (在岗/公出/请假/休息/旷工) and whether the day counts as ``in_post`` (在岗天数)."""

    code: str
    label: str
    category: str
    in_post: bool


#: The default legend (§7, §8). 公出 (出差出访, 学习考察, 参会培训) is work, so it counts as in post; it
#: still needs a leave request because it takes the cadre out of the county (§8).
DEFAULT_CODES: tuple[AttendanceCodeDef, ...] = (
    AttendanceCodeDef("√", "在岗", IN_POST, True),
    AttendanceCodeDef("公", "公出（出差出访/学习考察/参会培训）", OFFICIAL, True),
    AttendanceCodeDef("事", "事假", LEAVE, False),
    AttendanceCodeDef("病", "病假", LEAVE, False),
    AttendanceCodeDef("年", "年休假", LEAVE, False),
    AttendanceCodeDef("休", "轮休/休息日离村", REST, False),
    AttendanceCodeDef("旷", "旷工", ABSENT, False),
)

# What people type for "in post": the tick in its Unicode shapes, a v from the keyboard, 1, 在.
IN_POST_SPELLINGS = ("√", "v", "V", "✓", "✔", "☑", "✅", "1", "在", "在岗")

_LABEL_PARTS = re.compile(r"[/／、（）()]")


# ---------------------------------------------------------------------------- codes


def _in_post_code(codes: Sequence[AttendanceCodeDef]) -> str | None:
    if any(c.code == "√" for c in codes):
        return "√"
    return next((c.code for c in codes if c.category == IN_POST and c.in_post), None)


def _aliases(codes: Sequence[AttendanceCodeDef]) -> dict[str, str]:
    """Typed text -> code. A code is itself; then its label, the parts of its label ("轮休", "学习考察")
    and its category, each only when it names a single code (请假 names three, so it is not accepted)."""
    candidates: dict[str, set[str]] = {}

    def add(text: str, code: str) -> None:
        key = normalize_compact(text).casefold()
        if key:
            candidates.setdefault(key, set()).add(code)

    for c in codes:
        add(c.label, c.code)
        for part in _LABEL_PARTS.split(c.label):
            add(part, c.code)
        add(c.category, c.code)
    aliases = {text: next(iter(found)) for text, found in candidates.items() if len(found) == 1}
    in_post = _in_post_code(codes)
    if in_post is not None:
        for spelling in IN_POST_SPELLINGS:
            aliases[normalize_compact(spelling).casefold()] = in_post
    for c in codes:  # a code always means itself, whatever a label says
        aliases[normalize_compact(c.code).casefold()] = c.code
    return aliases


def legend(codes: Sequence[AttendanceCodeDef] = DEFAULT_CODES) -> str:
    """``√ 在岗、公 公出（…）、事 事假、…``: the printed legend, and the list in error messages."""
    return "、".join(f"{c.code} {c.label}" for c in codes)


def normalize_code(text: object, codes: Sequence[AttendanceCodeDef] = DEFAULT_CODES) -> str | None:
    """The code for what a clerk typed into a cell; None for an empty cell (the day is not registered yet).

    Accepted: the code itself; for 在岗 also √ ✓ ✔ v V 1 在 在岗; a label ("事假" → 事) or a part of one
    ("轮休" → 休, "参会培训" → 公) or a category naming one code ("公出" → 公); full-width characters and
    spaces are ignored. Anything else raises :class:`RuleViolation` on 考勤符号 listing the valid codes.
    """
    key = normalize_compact(text).casefold()
    if not key:
        return None
    code = _aliases(codes).get(key)
    if code is None:
        shown = normalize_compact(text)
        raise RuleViolation(CODE_FIELD, f"无法识别的“{shown}”，应为：{legend(codes)}", "§7")
    return code


# ---------------------------------------------------------------------------- the month's grid


def month_days(year: int, month: int) -> list[date]:
    """Every calendar day of a month: the columns of the table (§7 registers every day)."""
    last = _stdlib_calendar.monthrange(year, month)[1]
    return [date(year, month, d) for d in range(1, last + 1)]


@dataclass(frozen=True)
class RowTotals:
    """The totals at the end of one cadre's row in a month.

    * ``in_post_days`` (在岗天数): days coded with an in-post code (√, 公), every calendar day counted;
    * ``working_days_in_post``: working days of the month within the posting (the editable days), from the
      calendar; None when that year's calendar is missing (the table still works, this column shows the
      missing calendar instead);
    * ``by_code``: days per code, every code of the legend present (0 when unused), in legend order;
      a code no longer in the legend but found in the data is counted after them;
    * ``absent_days`` (旷工): days coded with a 旷工-category code;
    * ``empty_days``: editable days not registered yet (a month with any cannot be sealed).
    """

    in_post_days: int
    working_days_in_post: int | None
    by_code: dict[str, int] = field(default_factory=dict)
    absent_days: int = 0
    empty_days: int = 0


def _working_days_or_none(days: Iterable[date], cal: WorkCalendar | None) -> int | None:
    if cal is None:
        return None
    try:
        return sum(cal.is_working_day(d) for d in days)
    except CalendarMissing:
        return None


def row_totals(
    codes_by_day: Mapping[date, str | None],
    editable_days: Iterable[date],
    cal: WorkCalendar | None,
    code_defs: Sequence[AttendanceCodeDef] = DEFAULT_CODES,
) -> RowTotals:
    """Totals of one row (§7). Only ``editable_days`` (the days of the month within the posting) count:
    a code left on a day outside the posting, after its dates were corrected, is not the cadre's."""
    days = sorted(set(editable_days))
    by_def = {c.code: c for c in code_defs}
    by_code = {c.code: 0 for c in code_defs}
    in_post = absent = empty = 0
    for d in days:
        code = codes_by_day.get(d)
        if not code:
            empty += 1
            continue
        by_code[code] = by_code.get(code, 0) + 1
        definition = by_def.get(code)
        if definition is not None and definition.in_post:
            in_post += 1
        if definition is not None and definition.category == ABSENT:
            absent += 1
    return RowTotals(
        in_post_days=in_post,
        working_days_in_post=_working_days_or_none(days, cal),
        by_code=by_code,
        absent_days=absent,
        empty_days=empty,
    )


def column_totals(rows: Iterable[Mapping[date, str | None]]) -> dict[date, dict[str, int]]:
    """Per day (a column of the table), how many cadres have each code; empty cells are not counted.
    Days appear in date order, codes in the order first met."""
    totals: dict[date, dict[str, int]] = {}
    for row in rows:
        for d, code in row.items():
            if code:
                column = totals.setdefault(d, {})
                column[code] = column.get(code, 0) + 1
    return dict(sorted(totals.items()))


def allowance_days(
    codes_by_day: Mapping[date, str | None],
    cal: WorkCalendar | None,
    code_defs: Sequence[AttendanceCodeDef] = DEFAULT_CODES,
) -> int | None:
    """§19: the living allowance is a *working-day* allowance (工作日生活补助, half the travel meal
    subsidy), paid for days worked as recorded by attendance (§7). So allowance days are the days coded
    with an in-post code (√ 在岗, 公 公出) that are working days; a weekend in the village is registered
    (√) but not paid, a 调休 working Saturday is paid. None when the calendar of a day's year is missing:
    the amount is never guessed.
    """
    in_post = {c.code for c in code_defs if c.in_post}
    days = [d for d, code in codes_by_day.items() if code in in_post]
    return _working_days_or_none(days, cal)


# ---------------------------------------------------------------------------- the seal

HASH_FORMAT = "zhucun-attendance-v1"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def canonical_content(
    township_name: str,
    month: str,
    rows: Iterable[tuple[str, str, Mapping[date, str | None]]],
) -> bytes:
    """The exact bytes :func:`content_hash` hashes; see there for the form."""
    match = _MONTH.match(month)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month must be YYYY-MM, not {month!r}")
    year, mon = int(match.group(1)), int(match.group(2))
    canonical_rows = []
    for id_number, name, days in rows:
        cells: dict[str, str] = {}
        for d, code in days.items():
            if (d.year, d.month) != (year, mon):
                raise ValueError(f"{d.isoformat()} is not in {month} ({name})")
            if code:
                cells[d.isoformat()] = code
        canonical_rows.append({"id": id_number, "name": name, "days": dict(sorted(cells.items()))})
    canonical_rows.sort(key=lambda r: (r["id"], r["name"], json.dumps(r["days"], ensure_ascii=False)))
    document = {"format": HASH_FORMAT, "township": township_name, "month": month, "rows": canonical_rows}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def content_hash(
    township_name: str,
    month: str,
    rows: Iterable[tuple[str, str, Mapping[date, str | None]]],
) -> str:
    """The SHA-256 (lower-case hex) a sealed month carries (§7 month sign-off), so that any later change
    to a sealed table shows. An auditor recomputes it from the printed table like this:

    1. one object per cadre row: ``{"days": {...}, "id": 身份证号, "name": 姓名}``, where ``days`` maps each
       registered day as ``YYYY-MM-DD`` to its code (empty cells left out), in date order;
    2. the rows sorted by 身份证号 (then 姓名, then the days as JSON, for a cadre with two rows);
    3. the document ``{"format": "zhucun-attendance-v1", "month": "YYYY-MM", "rows": [...],
       "township": 乡镇名称}``;
    4. ``json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)``, encoded UTF-8;
    5. ``hashlib.sha256(...).hexdigest()``.

    Values are hashed as stored (codes are already canonical, see :func:`normalize_code`). The order the
    rows or days are given in does not matter; any changed, added or removed cell, name or 身份证号 changes
    the hash. Raises ``ValueError`` for a malformed month or a day outside it.
    """
    return hashlib.sha256(canonical_content(township_name, month, rows)).hexdigest()
