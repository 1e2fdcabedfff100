"""§7: when a township's monthly attendance table is due at the county, and whether it is late.

The table is signed by the township party secretary, stamped, and filed with the county org dept by the
5th working day of the following month (次月第5个工作日前). "前" is read as "by": filing on the due day
itself is on time, as the county counts it. A month's state (AttendanceMonth.state) is one of
未完成 / 待审核 / 已封存 / 已报送; only 已报送 (filed) stops the clock.
"""

from __future__ import annotations

from datetime import date

from zhucun_desktop.domain.workcalendar import DEFAULT_DUE_WORKING_DAY, CalendarMissing, WorkCalendar

MONTH_STATES = ("未完成", "待审核", "已封存", "已报送")
FILED_STATE = "已报送"


def month_state_due(year: int, month: int, cal: WorkCalendar, n: int = DEFAULT_DUE_WORKING_DAY) -> date | None:
    """The due date of the table for ``year``-``month`` (the ``n``-th working day of the next month, ``n``
    from the rule set), or None when the next month's year has no calendar: never guessed. Callers that
    must explain the None ask :meth:`WorkCalendar.attendance_due` and show its :class:`CalendarMissing`."""
    try:
        return cal.attendance_due((year, month), n)
    except CalendarMissing:
        return None


def is_overdue(due: date | None, today: date, state: str) -> bool:
    """True when a month not yet filed (state other than 已报送) is past its due date. An unknown due
    date (missing calendar) is never reported as overdue; the missing calendar is reported instead."""
    if due is None or state == FILED_STATE:
        return False
    return today > due
