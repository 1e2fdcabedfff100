"""Which days are working days: the official calendar with its 调休, and the county's own calendar.

Two rules of the county's measures count in working days, and nothing else in the program does:

* §7: the monthly attendance table is filed with the county org dept by the 5th working day of the
  following month (次月第5个工作日前);
* §8: a cadre registers the return from leave (销假) within 1 working day after the leave ends.

§19 adds a third user: the living allowance is paid per working day in post (see
:func:`zhucun_desktop.domain.attendance_rules.allowance_days`).

Working days are Monday to Friday, except the official holidays, plus the weekends the State Council
moves into the working week to lengthen a holiday (调休上班). Both change every year, by a notice
published in the autumn before. So a year is either *known* or not:

* the ``chinese_calendar`` package knows the official calendar for the years it ships data for
  (version 1.11: 2004–2026); for those years it is the base;
* the county issues a calendar (imported from xlsx/csv, see :mod:`calendar_import`, or edited in the
  settings) that lists only the exceptions to Monday–Friday. Importing a year makes that year known.
  A county day (an *override*) wins over the package, also in a year the package knows: a county may
  have a local holiday, or the package may be wrong.

A year that is neither is **never guessed** ("Monday–Friday" would silently misdate every due date
around the Spring Festival): anything that needs it raises :class:`CalendarMissing`, whose message tells
the user which year's calendar to import and where. Daily registration of attendance never needs it,
because every calendar day is registered (§7, §8: weekends and holidays included).
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal

from zhucun_desktop.domain.errors import RuleViolation

OverrideKind = Literal["工作日", "节假日"]
DayKind = Literal["工作日", "休息日", "节假日", "调休上班"]

WORKING_DAY: OverrideKind = "工作日"
HOLIDAY: OverrideKind = "节假日"
OVERRIDE_KINDS: tuple[OverrideKind, ...] = (WORKING_DAY, HOLIDAY)

CALENDAR_FIELD = "工作日历"

#: §7: the month's table is due on this working day of the following month (rule set:
#: ``attendance.due_working_day_of_next_month``).
DEFAULT_DUE_WORKING_DAY = 5

# The English names chinese_calendar uses for its holidays, as they are printed on Chinese calendars.
HOLIDAY_NAMES_ZH: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    # 2015-09-03, a one-off national holiday.
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


class CalendarMissing(RuleViolation):
    """A year's working-day calendar is needed and nobody has provided it (never guessed, see module doc).

    ``year`` is the missing year; the message tells the user how to import it.
    """

    def __init__(self, year: int) -> None:
        super().__init__(
            CALENDAR_FIELD,
            f"缺少{year}年的工作日历，请在“系统设置—工作日历”导入县里下发的{year}年日历（xlsx/csv：日期、类型、说明）",
            "§7",
        )
        self.year = year
        # Exception.args must rebuild the object when unpickled: CalendarMissing(year).
        self.args = (year,)


@dataclass(frozen=True)
class DayOverride:
    """One day of the county's calendar: ``kind`` is 工作日 or 节假日, ``note`` what the county wrote
    (e.g. "国庆节" or "国庆节调休上班")."""

    kind: OverrideKind
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in OVERRIDE_KINDS:
            raise ValueError(f"DayOverride.kind must be 工作日 or 节假日, not {self.kind!r}")


def _as_date(d: date) -> date:
    # datetime is a subclass of date, and datetime(2026, 10, 1) != date(2026, 10, 1) as a dict key.
    return d.date() if isinstance(d, datetime) else d


def _is_weekend(d: date) -> bool:
    return d.weekday() >= 5


@cache
def builtin_knows(year: int) -> bool:
    """Whether the installed ``chinese_calendar`` has the official calendar of ``year``.

    Asked of the package itself (it raises ``NotImplementedError`` for a year it has no data for), so a
    newer package version that knows more years is used without a code change.
    """
    try:
        import chinese_calendar  # deferred: not needed to open the main window

        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def builtin_years() -> range:
    """The years the installed ``chinese_calendar`` knows (2004–2026 in version 1.11), for the settings
    page ("内置日历：2004—2026年")."""
    import chinese_calendar

    years = {d.year for d in chinese_calendar.constants.holidays}
    return range(min(years), max(years) + 1)


class WorkCalendar:
    """The working-day calendar the rules ask (§7 due dates, §8 销假, §19 allowance days).

    ``overrides`` are the county's days (each wins over the built-in calendar), ``county_years`` the years
    the county has issued a calendar for; ``use_builtin`` false ignores ``chinese_calendar`` altogether
    (a county that wants only its own calendar, and tests).

    A year is known when the county issued it or the built-in calendar has it. For a known year a day is
    a working day when the county says so; otherwise, when the built-in calendar knows the year, as it
    says; otherwise (a county year) when it is Monday to Friday, since the county lists only exceptions.
    An override in an unknown year does not make the year known: one edited day is not a calendar.
    """

    def __init__(
        self,
        overrides: Mapping[date, DayOverride] | None = None,
        county_years: Iterable[int] = (),
        *,
        use_builtin: bool = True,
    ) -> None:
        self._overrides: dict[date, DayOverride] = {_as_date(d): o for d, o in (overrides or {}).items()}
        self._county_years = frozenset(county_years)
        self._use_builtin = use_builtin

    # ------------------------------------------------------------------ which years
    def knows(self, year: int) -> bool:
        """True when ``year``'s working days can be told without guessing."""
        return year in self._county_years or (self._use_builtin and builtin_knows(year))

    def require(self, year: int) -> None:
        """Raise :class:`CalendarMissing` unless ``year`` is known."""
        if not self.knows(year):
            raise CalendarMissing(year)

    def missing_years(self, start: date, end: date) -> list[int]:
        """The years between ``start`` and ``end`` (inclusive) that are not known, in order."""
        return [y for y in range(_as_date(start).year, _as_date(end).year + 1) if not self.knows(y)]

    # ------------------------------------------------------------------ one day
    def _builtin_detail(self, d: date) -> tuple[bool, str | None] | None:
        """(is working day, English holiday name) from chinese_calendar, or None if it lacks the year."""
        if not self._use_builtin:
            return None
        try:
            import chinese_calendar

            is_holiday, name = chinese_calendar.get_holiday_detail(d)
        except NotImplementedError:
            return None
        return not is_holiday, name

    def is_working_day(self, d: date) -> bool:
        """Whether ``d`` is a working day; raises :class:`CalendarMissing` for an unknown year."""
        d = _as_date(d)
        self.require(d.year)
        override = self._overrides.get(d)
        if override is not None:
            return override.kind == WORKING_DAY
        detail = self._builtin_detail(d)
        if detail is not None:
            return detail[0]
        return not _is_weekend(d)

    def holiday_name(self, d: date) -> str | None:
        """The holiday ``d`` belongs to, in Chinese ("国庆节"), or None for an ordinary day.

        A 调休 working weekend belongs to the holiday it pays for (2026-10-10 → "国庆节"), as on printed
        calendars. For a county day it is the county's note (None when the note is empty). Raises
        :class:`CalendarMissing` for an unknown year, like every question about a day's kind.
        """
        d = _as_date(d)
        self.require(d.year)
        override = self._overrides.get(d)
        if override is not None:
            return override.note or None
        detail = self._builtin_detail(d)
        if detail is None or detail[1] is None:
            return None
        return HOLIDAY_NAMES_ZH.get(detail[1], detail[1])

    def day_kind(self, d: date) -> DayKind:
        """工作日 (an ordinary working weekday), 调休上班 (a working weekend), 节假日 (a day off that belongs
        to a holiday, or any day off Monday to Friday) or 休息日 (an ordinary weekend).

        Raises :class:`CalendarMissing` for an unknown year.
        """
        d = _as_date(d)
        if self.is_working_day(d):
            return "调休上班" if _is_weekend(d) else "工作日"
        if not _is_weekend(d) or self.holiday_name(d) is not None:
            return "节假日"
        return "休息日"

    # ------------------------------------------------------------------ counting
    def working_days(self, start: date, end: date) -> int:
        """The number of working days from ``start`` to ``end``, both included (0 when ``end`` is earlier).

        Raises :class:`CalendarMissing` naming the first unknown year in the range.
        """
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return 0
        missing = self.missing_years(start, end)
        if missing:
            raise CalendarMissing(missing[0])
        return sum(self.is_working_day(start + timedelta(days=i)) for i in range((end - start).days + 1))

    def month_working_days(self, year: int, month: int) -> int:
        """Working days of a calendar month (the ``working_days`` column of ``calendar show``)."""
        last = _stdlib_calendar.monthrange(year, month)[1]
        return self.working_days(date(year, month, 1), date(year, month, last))

    def nth_working_day_of_month(self, year: int, month: int, n: int) -> date:
        """The ``n``-th working day (1-based) of a month.

        Raises :class:`CalendarMissing` for an unknown year and ``ValueError`` when ``n`` is below 1 or the
        month has fewer than ``n`` working days.
        """
        if n < 1:
            raise ValueError(f"n must be at least 1, not {n}")
        self.require(year)
        last = _stdlib_calendar.monthrange(year, month)[1]
        count = 0
        for day in range(1, last + 1):
            d = date(year, month, day)
            if self.is_working_day(d):
                count += 1
                if count == n:
                    return d
        raise ValueError(f"{year}年{month}月只有{count}个工作日，没有第{n}个")

    def attendance_due(self, month: tuple[int, int], n: int = DEFAULT_DUE_WORKING_DAY) -> date:
        """§7: the due date of a month's attendance table, the ``n``-th working day of the next month
        (次月第5个工作日前; ``n`` comes from the rule set). Filing on that day is on time.

        December's table is due in January of the next year, so it needs that year's calendar:
        ``attendance_due((2026, 12))`` raises :class:`CalendarMissing` for 2027 until 2027 is known.
        """
        year, mon = month
        if not 1 <= mon <= 12:
            raise ValueError(f"month must be 1..12, not {mon}")
        next_year, next_month = (year + 1, 1) if mon == 12 else (year, mon + 1)
        return self.nth_working_day_of_month(next_year, next_month, n)

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (``d`` itself not counted; ``n == 0`` gives ``d``).

        §8: the return from leave is registered within 1 working day after the leave ends, so the 销假 due
        date is ``add_working_days(leave_end, 1)``: leave ending Wednesday 2026-09-30 is due back by
        Thursday 2026-10-08, after the National Day holiday. Crosses year ends, and raises
        :class:`CalendarMissing` when it reaches an unknown year.
        """
        if n < 0:
            raise ValueError(f"n must not be negative, not {n}")
        d = _as_date(d)
        current = d
        found = 0
        while found < n:
            current += timedelta(days=1)
            if self.is_working_day(current):
                found += 1
        return current
