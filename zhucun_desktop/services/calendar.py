"""The county's working-day calendar (工作日历) as the services see it: read, imported, edited, summarised.

Working days matter for two rules (DOMAIN.md §7, §8): the month's attendance table is due by the 5th working
day of the next month, and 销假 is due 1 working day after leave. The calendar is the built-in official one
(``chinese_calendar``) plus the county's own rows (CalendarDay: the exceptions to Monday–Friday; CalendarYear:
the years the county issued), which are county-owned travelling records. A year that nobody provided is
never guessed: its answers are None here and :class:`CalendarMissing` in the domain.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.attendance_due import month_state_due
from ..domain.calendar_import import load_calendar_file
from ..domain.errors import RuleViolation
from ..domain.text import normalize
from ..domain.workcalendar import (
    DEFAULT_DUE_WORKING_DAY,
    OVERRIDE_KINDS,
    CalendarMissing,
    DayOverride,
    WorkCalendar,
)
from ..storage.models import CalendarDay, CalendarYear, RuleSet
from .errors import ServiceError
from .workspace import Workspace

SOURCE_MAX = 50  # CalendarYear.source column width


class RememberingCalendar(WorkCalendar):
    """A WorkCalendar that remembers each day's answer.

    ``chinese_calendar`` takes ~30 µs a day; a county month grid asks 2,000 rows × 31 days, so without this
    the §19 working-day totals alone would take seconds. The calendar is immutable once built, so answers are
    kept for its lifetime (it is rebuilt after any calendar change, see :func:`load_calendar`).
    """

    def __init__(self, overrides: Mapping[date, DayOverride] | None = None, county_years: Iterable[int] = (),
                 *, use_builtin: bool = True) -> None:
        super().__init__(overrides, county_years, use_builtin=use_builtin)
        self._answers: dict[date, bool] = {}

    def is_working_day(self, d: date) -> bool:
        d = d.date() if isinstance(d, datetime) else d
        answer = self._answers.get(d)
        if answer is None:
            answer = self._answers[d] = super().is_working_day(d)
        return answer


# One calendar per Workspace, with the stamp of the calendar tables it was built from: any write (a version
# bump, a new row), here or merged from a USB package, changes the stamp, so a stale calendar is never used.
_CACHE: weakref.WeakKeyDictionary[Workspace, tuple[tuple, WorkCalendar]] = weakref.WeakKeyDictionary()


def _stamp(s: Session) -> tuple:
    """Changes to the calendar tables, from this workspace or merged from a USB package, change this."""
    days = s.execute(select(func.count(), func.sum(CalendarDay.version),
                            func.max(CalendarDay.updated_at))).one()
    years = s.execute(select(func.count(), func.sum(CalendarYear.version),
                             func.max(CalendarYear.updated_at))).one()
    return tuple(days) + tuple(years)


def _build(s: Session) -> WorkCalendar:
    overrides = {
        row.day: DayOverride(row.kind, row.note or "")  # type: ignore[arg-type]
        for row in s.scalars(select(CalendarDay).where(CalendarDay.deleted.is_(False)))
        if row.kind in OVERRIDE_KINDS
    }
    years = s.scalars(select(CalendarYear.year).where(CalendarYear.deleted.is_(False))).all()
    return RememberingCalendar(overrides, years, use_builtin=True)


def load_calendar(ws_or_session: Workspace | Session) -> WorkCalendar:
    """The working-day calendar: the built-in official one, then the county's days and years on top.

    With a Workspace the calendar is cached until the calendar tables change; with a Session (inside a
    transaction) it is built from what that session sees, uncached.
    """
    if isinstance(ws_or_session, Session):
        return _build(ws_or_session)
    ws = ws_or_session
    with ws.read() as s:
        stamp = _stamp(s)
        cached = _CACHE.get(ws)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        cal = _build(s)
    _CACHE[ws] = (stamp, cal)
    return cal


def due_working_day(s: Session) -> int:
    """§7's "次月第5个工作日": the n of the active rule set (``attendance.due_working_day_of_next_month``)."""
    rule_set = s.scalars(select(RuleSet).where(RuleSet.active.is_(True), RuleSet.deleted.is_(False))
                         .order_by(RuleSet.number.desc())).first()
    data = (rule_set.data or {}) if rule_set is not None else {}
    n = (data.get("attendance") or {}).get("due_working_day_of_next_month", DEFAULT_DUE_WORKING_DAY)
    return n if isinstance(n, int) and n >= 1 else DEFAULT_DUE_WORKING_DAY


# ------------------------------------------------------------------------------------------------ summary


@dataclass(frozen=True)
class MonthSummary:
    """One line of ``calendar show``: None where the calendar that would answer it is missing."""

    month: str  # YYYY-MM
    working_days: int | None
    attendance_due: date | None


def calendar_year_summary(ws: Workspace, year: int) -> list[MonthSummary]:
    """Per month: its working days and the due date of its attendance table (§7). Never guessed: working days
    are None when ``year`` is unknown, and December's due date is None until next year's calendar is known."""
    cal = load_calendar(ws)
    with ws.read() as s:
        n = due_working_day(s)
    out = []
    for month in range(1, 13):
        try:
            working = cal.month_working_days(year, month)
        except CalendarMissing:
            working = None
        out.append(MonthSummary(f"{year:04d}-{month:02d}", working, month_state_due(year, month, cal, n)))
    return out


@dataclass(frozen=True)
class CalendarDayView:
    day: date
    kind: str
    note: str


def list_calendar_days(ws: Workspace, year: int) -> list[CalendarDayView]:
    """The county's own days of ``year`` (the settings page's table)."""
    with ws.read() as s:
        rows = s.scalars(select(CalendarDay).where(CalendarDay.deleted.is_(False),
                                                   CalendarDay.day >= date(year, 1, 1),
                                                   CalendarDay.day <= date(year, 12, 31))
                         .order_by(CalendarDay.day))
        return [CalendarDayView(r.day, r.kind, r.note or "") for r in rows]


def county_years(ws: Workspace) -> list[int]:
    """The years the county has issued a calendar for."""
    with ws.read() as s:
        return sorted(s.scalars(select(CalendarYear.year).where(CalendarYear.deleted.is_(False))))


# ------------------------------------------------------------------------------------------------ changes


def _set_day(s: Session, row: CalendarDay | None, day: date, override: DayOverride) -> str:
    """Upsert one county day; 'added', 'changed' or 'unchanged'. ``day`` is unique, so a tombstoned row is
    brought back rather than a second row made."""
    if row is None:
        s.add(CalendarDay(day=day, kind=override.kind, note=override.note or None))
        return "added"
    note = override.note or None
    if not row.deleted and row.kind == override.kind and (row.note or None) == note:
        return "unchanged"
    was_deleted = row.deleted
    row.kind, row.note, row.deleted = override.kind, note, False
    return "added" if was_deleted else "changed"


def set_calendar_day(ws: Workspace, day: date, kind: str | None, note: str = "") -> None:
    """Edit one day of the county calendar in the settings (county-owned, so administrators only).

    ``kind`` is 工作日 or 节假日; None removes the county's day, so the built-in calendar (or Monday–Friday in
    a county year) answers again. One edited day does not make its year known (one day is not a calendar).
    """
    ws.require_admin()
    if kind is not None and kind not in OVERRIDE_KINDS:
        raise ServiceError(f"类型：只能是{'或'.join(OVERRIDE_KINDS)}，不能是“{kind}”。")
    with ws.transaction("修改工作日历") as s:
        row = s.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
        if kind is None:
            if row is not None and not row.deleted:
                row.deleted = True
            return
        _set_day(s, row, day, DayOverride(kind, normalize(note)[:100]))  # type: ignore[arg-type]


@dataclass
class CalendarImportReport:
    """What ``import_calendar`` found and did; ``errors`` non-empty means nothing was written."""

    file: str
    years: list[int] = field(default_factory=list)
    days: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    applied: bool = False
    backup_path: str | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        years = "、".join(f"{y}年" for y in self.years) or "无"
        return (f"工作日历{years}：共{self.days}天，新增{self.added}天，修改{self.changed}天，"
                f"删除{self.removed}天，未变{self.unchanged}天")


def import_calendar(ws: Workspace, path: str | Path, year: int | None = None) -> CalendarImportReport:
    """Import the county's calendar file (xlsx/csv: 日期、类型、说明) — all or nothing.

    The file replaces the county's days of the years it makes known: old days of those years that the file
    no longer lists are tombstoned (so the removal travels), listed days are upserted by date. Days on the
    edge of a neighbouring year (a New Year holiday starting on 31 December) are upserted without touching
    the rest of that year. The calendar is county-owned, so only the county administrator imports it.
    """
    ws.require_admin()
    path = Path(path)
    report = CalendarImportReport(file=path.name)
    try:
        parsed = load_calendar_file(path, year)
    except RuleViolation as exc:
        report.errors.append(str(exc))
        return report
    except OSError as exc:
        raise ServiceError(f"日历文件：无法读取“{path}”（{exc.strerror or exc}）。") from exc
    report.errors.extend(parsed.errors)
    if parsed.ok and not parsed.years:
        report.errors.append("日历文件：日期都在年初或年末一周内，无法判断是哪一年的日历，请指定年份后再导入")
    if report.errors:
        return report
    report.years = sorted(parsed.years)
    report.days = len(parsed.overrides)
    report.backup_path = ws.backup_before("import")
    with ws.transaction("导入工作日历") as s:
        rows = {r.day: r for r in s.scalars(select(CalendarDay))}
        for day, override in sorted(parsed.overrides.items()):
            outcome = _set_day(s, rows.get(day), day, override)
            setattr(report, outcome, getattr(report, outcome) + 1)
        for day, row in rows.items():
            if day.year in parsed.years and day not in parsed.overrides and not row.deleted:
                row.deleted = True
                report.removed += 1
        known = {r.year: r for r in s.scalars(select(CalendarYear))}
        source = path.name[:SOURCE_MAX]
        for y in report.years:
            issued = known.get(y)
            if issued is None:
                s.add(CalendarYear(year=y, source=source))
            elif issued.deleted or issued.source != source:
                issued.deleted, issued.source = False, source
    report.applied = True
    return report
