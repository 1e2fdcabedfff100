"""Reading the dates clerks write on rosters, and the year arithmetic the rules need.

The roster (花名册) holds dates in every shape a township office produces: real Excel dates (openpyxl
gives ``datetime``), Excel serial numbers, and text such as ``2023.05``, ``2023年5月``, ``20230501``.
出生年月, 入党时间 and 参加工作时间 are months on the paper forms; a month is stored as its first day.

One trap decides a rule here. A clerk who types ``2023.10`` (October) into a cell that Excel treats
as a number gets the number 2023.1: the trailing zero is gone. No clerk writes January as ``2023.1``
in a number cell and means it, because January is typed ``2023.01`` (which stays 2023.01). So a
*number* between 1900 and 2100 with a fraction is read as year.month and a one-digit fraction of 1 is
October. *Text* ``"2023.1"`` was stored as typed and means January.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta

from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.text import normalize, normalize_compact

MIN_YEAR = 1900
MAX_YEAR = 2100

# Excel's 1900 date system counts 1900-01-01 as day 1 and keeps Lotus 1-2-3's fictitious 1900-02-29 as
# day 60; from day 61 on, day n is 1899-12-30 + n.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_MAX_SERIAL = (date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days

_TIME_SUFFIX = re.compile(r"(?:T|\s)\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_SEPARATED = re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")


def format_month(d: date) -> str:
    """``2025年3月``: how a month is printed in messages and on forms."""
    return f"{d.year}年{d.month}月"


def format_date(d: date) -> str:
    """``2025年3月1日``."""
    return f"{d.year}年{d.month}月{d.day}日"


def _hint(month_ok: bool) -> str:
    return "请写成2023-05-01或2023年5月" if month_ok else "请写成2023-05-01或2023年5月1日"


def _unreadable(raw: str, field: str, month_ok: bool) -> RuleViolation:
    return RuleViolation(field, f"无法识别的日期“{raw}”，{_hint(month_ok)}")


def _build(year: int, month: int, day: int | None, *, raw: str, field: str, month_ok: bool) -> date:
    if not (MIN_YEAR <= year <= MAX_YEAR) or not (1 <= month <= 12):
        raise _unreadable(raw, field, month_ok)
    if day is None:
        if not month_ok:
            raise RuleViolation(field, f"日期“{raw}”只有年月，这里需要具体到日，{_hint(False)}")
        return date(year, month, 1)
    last = calendar.monthrange(year, month)[1]
    if not (1 <= day <= last):
        raise RuleViolation(field, f"日期“{raw}”不存在：{year}年{month}月只有{last}天")
    return date(year, month, day)


def _from_number(value: float, *, field: str, month_ok: bool) -> date:
    raw = str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(value, float) and not value.is_integer() and MIN_YEAR <= value < MAX_YEAR + 1:
        year_text, fraction = repr(value).split(".")
        # See the module docstring: 2023.1 is what Excel leaves of a typed 2023.10.
        month = 10 if fraction == "1" else int(fraction) if len(fraction) <= 2 else 0
        return _build(int(year_text), month, None, raw=raw, field=field, month_ok=month_ok)
    whole = int(value)
    digits = str(whole)
    if len(digits) in (6, 8) and digits[:2] in ("19", "20", "21"):
        # 202305 and 20230501 typed into a number cell; as serials they would be centuries away.
        return _from_text(digits, raw=raw, field=field, month_ok=month_ok)
    if (
        MIN_YEAR <= whole <= MAX_YEAR
        or not (1 <= whole <= _EXCEL_MAX_SERIAL)
        or whole == _EXCEL_FAKE_LEAP_DAY
    ):
        # A bare year is not a date, and serials outside 1900..2100 are not dates a roster holds.
        raise _unreadable(raw, field, month_ok)
    if whole < _EXCEL_FAKE_LEAP_DAY:
        return _EXCEL_EPOCH + timedelta(days=whole + 1)
    return _EXCEL_EPOCH + timedelta(days=whole)


def _from_text(text: str, *, raw: str, field: str, month_ok: bool) -> date:
    text = normalize_compact(_TIME_SUFFIX.sub("", normalize(text)))
    # 2023年5月1日 / 2023年5月 / 2023年5月1号 -> 2023-5-1 / 2023-5; "。" from a Chinese input method.
    text = text.replace("年", "-").replace("月", "-").replace("。", ".")
    text = re.sub("[日号]$", "", text).rstrip("-.")
    match = _SEPARATED.match(text) or _COMPACT.match(text)
    if not match:
        raise _unreadable(raw, field, month_ok)
    year, month, day = match.groups()
    return _build(int(year), int(month), int(day) if day else None, raw=raw, field=field, month_ok=month_ok)


def parse_date(value: object, *, field: str, month_ok: bool = True) -> date | None:
    """Read one date cell of a roster or form; ``None`` when the cell is empty.

    Accepted: ``datetime``/``date`` objects; Excel serial numbers of the 1900 date system (45000 is
    2023-03-15); numbers typed as year.month (2023.05; 2023.1 is October, see the module docstring) or
    as 202305 / 20230501; text such as ``2023-05-01``, ``2023/5/1``, ``2023.5.1``, ``2023.05``,
    ``2023年5月``, ``2023年5月1日``, ``20230501``, ``202305``, with full-width digits or stray spaces.
    A month alone gives its first day, unless ``month_ok`` is false (a leave start date must be a day).

    Raises :class:`RuleViolation` naming ``field`` for anything else, including impossible dates, so the
    clerk sees which cell to fix and how to write it.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise _unreadable(str(value), field, month_ok)
    if isinstance(value, (int, float)):
        if math.isnan(value):  # an empty cell from a pandas-style reader
            return None
        return _from_number(value, field=field, month_ok=month_ok)
    if not normalize(value):
        return None
    raw = str(value).strip()
    return _from_text(raw, raw=raw, field=field, month_ok=month_ok)


def add_years(d: date, n: int) -> date:
    """The same day ``n`` years later (or earlier); 29 February becomes 28 February in a common year,
    so that a term that starts on a leap day still ends inside February (§4 terms of 2 years)."""
    try:
        return d.replace(year=d.year + n)
    except ValueError:
        return d.replace(year=d.year + n, day=28)


def years_between(a: date, b: date) -> int:
    """Full years completed from ``a`` to ``b`` (age, party age, years of work for §4).

    Consistent with :func:`add_years`: a year is complete on the day ``add_years(a, n)`` is reached, so
    someone born on 29 February completes a year on 28 February of a common year. When ``b`` is before
    ``a`` the result is ``-years_between(b, a)``.
    """
    if b < a:
        return -years_between(b, a)
    n = b.year - a.year
    if add_years(a, n) > b:
        n -= 1
    return n
