"""The demo county's attendance (考勤, §7): recent months registered day by day and carried through their states.

For every township, the ``FULL_MONTHS`` months before the demo's today are registered in full and the current
month up to yesterday (around the days the leave part already filled), through ``edit_month`` (the one code path of the grid's paste, fill and import) as the
township's clerk, one transaction per township and month. The codes are what a month really looks like: √ on
working days, on weekends and holidays mostly 休 (some stay on duty), a few runs of 公 (training, meetings),
事, 病 and 年, and a very rare 旷.

The months then go through §7's states as the township's own accounts would move them (clerk: 提交审核 and 报送;
leader: 封存): the older months are 已报送. The previous month depends on where today stands against its
due date (次月第5个工作日):

* before or on it, the townships are at different steps (已封存, 待审核, 已报送), and the late township has not
  even finished the month before (未完成, overdue);
* after it, every township has filed it (已报送) except the late one (未完成, overdue): only 已报送 stops the
  clock, so any other state past the due date would be one more overdue township.

The late township is the first one (东风镇), so its clerk's 首页 — the README's screenshot — shows a red 逾期.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from ...domain.attendance_due import month_state_due
from ...domain.attendance_rules import month_days
from ...domain.workcalendar import WorkCalendar
from ..attendance import (
    STATE_OPEN,
    STATE_READY,
    STATE_SEALED,
    STATE_SUBMITTED,
    CellChange,
    EditContext,
    edit_month,
    load_codes,
)
from ..attendance_months import mark_ready, mark_submitted, seal_month
from ..calendar import due_working_day, load_calendar
from ..workspace import Actor, Workspace
from .common import TOWNSHIPS

FULL_MONTHS = 3  # the 首页 shows the last three months: all of them have their data
LATE_TOWNSHIP = 0  # index into TOWNSHIPS: the township that is late with its table

WORKING_KINDS = ("工作日", "调休上班")
ON_DUTY = 0.3  # share of weekends and holidays a cadre spends in the village (√)
# (code, chance per cadre and month, shortest and longest run in working days)
RUNS: tuple[tuple[str, float, int, int], ...] = (
    ("公", 0.30, 1, 3),  # 参会培训, 学习考察
    ("事", 0.12, 1, 2),
    ("病", 0.07, 1, 3),
    ("年", 0.03, 2, 5),
)
ABSENT = 0.006  # 旷: a day away without leave, rare (§8: circulated county-wide)

Month = tuple[int, int]


def months_before(today: date, n: int) -> list[Month]:
    """The ``n`` calendar months before ``today``'s month, oldest first."""
    out: list[Month] = []
    year, month = today.year, today.month
    for _ in range(n):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        out.append((year, month))
    return out[::-1]


def day_kind(cal: WorkCalendar, d: date) -> str:
    """The day's kind for drawing codes. Registering a day never needs the calendar (§7, §8); in a year
    without one the demo simply takes weekends as the days off."""
    if cal.knows(d.year):
        return cal.day_kind(d)
    return "休息日" if d.weekday() >= 5 else "工作日"


def month_codes(rng: random.Random, days: Sequence[date], kinds: dict[date, str]) -> dict[date, str]:
    """One cadre's codes for ``days`` (the posting's days of the month)."""
    codes = {d: "√" if kinds[d] in WORKING_KINDS or rng.random() < ON_DUTY else "休" for d in days}
    working = [d for d in days if kinds[d] in WORKING_KINDS]
    if not working:
        return codes
    for code, chance, shortest, longest in RUNS:
        if rng.random() < chance:
            start = rng.randrange(len(working))
            for d in working[start:start + rng.randint(shortest, longest)]:
                if codes[d] == "√":
                    codes[d] = code
    if rng.random() < ABSENT:
        codes[rng.choice(working)] = "旷"
    return codes


class AttendanceParts:
    """The ``attendance`` part of :class:`DemoBuilder` (see the module docstring)."""

    workspace: Workspace
    today: date
    township_uuids: dict[str, str]
    township_people: dict[str, tuple[str, str]]
    attendance_months: tuple[str, ...]

    def _build_attendance(self, rng: random.Random) -> None:
        cal = load_calendar(self.workspace)
        full = months_before(self.today, FULL_MONTHS)
        plan = self._month_plan(rng, cal, full)
        yesterday = self.today - timedelta(days=1)
        current = (self.today.year, self.today.month)
        for name, slug in TOWNSHIPS:
            township = self.township_uuids[name]
            clerk, leader = self._township_workspaces(name, slug)
            for year, month in full:
                self._register(clerk, township, year, month, rng, cal, None)
                self._move(clerk, leader, township, year, month, plan[(name, (year, month))])
            if self.today.day > 1:
                self._register(clerk, township, *current, rng, cal, yesterday)
        months = full + ([current] if self.today.day > 1 else [])
        self.attendance_months = tuple(f"{y:04d}-{m:02d}" for y, m in months)

    def _township_workspaces(self, name: str, slug: str) -> tuple[Workspace, Workspace]:
        """The township's 组织委员 (clerk: registers, submits, files) and 党委书记 (leader: signs = 封存), as the
        accounts part made them."""
        from ...domain import terms

        secretary, organizer = self.township_people[name]
        township = self.township_uuids[name]
        db = self.workspace.db
        clerk = Actor(f"{slug}_clerk", organizer, terms.USER_ROLE_TOWNSHIP_CLERK, township)
        leader = Actor(f"{slug}_leader", secretary, terms.USER_ROLE_TOWNSHIP_LEADER, township)
        return Workspace(db, clerk), Workspace(db, leader)

    def _month_plan(self, rng: random.Random, cal: WorkCalendar, full: list[Month]) -> dict[tuple[str, Month], str]:
        """Each township's state for each full month (see the module docstring)."""
        with self.workspace.read() as s:
            n = due_working_day(s)
        *older, previous = full
        names = [name for name, _slug in TOWNSHIPS]
        late = names[LATE_TOWNSHIP]
        plan = {(name, month): STATE_SUBMITTED for name in names for month in full}
        due = month_state_due(*previous, cal, n)
        if due is not None and self.today > due:
            plan[(late, previous)] = STATE_OPEN
            return plan
        others = [name for name in names if name != late]
        steps = (STATE_SEALED, STATE_READY, STATE_SUBMITTED)
        states = [steps[i % len(steps)] for i in range(len(others))]
        rng.shuffle(states)
        plan.update({(name, previous): state for name, state in zip(others, states, strict=True)})
        plan[(late, previous)] = STATE_OPEN
        if older:
            plan[(late, older[-1])] = STATE_OPEN
        return plan

    @staticmethod
    def _register(clerk: Workspace, township: str, year: int, month: int, rng: random.Random,
                  cal: WorkCalendar, last_day: date | None) -> None:
        """Every day of every posting of the month (up to ``last_day``) that is still empty, in one transaction;
        days the leave part filled (approved leave, 旷 after an overdue return) keep their codes."""
        days = [d for d in month_days(year, month) if last_day is None or d <= last_day]
        kinds = {d: day_kind(cal, d) for d in days}

        def changes(ctx: EditContext) -> list[CellChange]:
            registered = load_codes(ctx.session, township, year, month)  # the leave part's 公/事/病/年/旷
            out = []
            for cadre in ctx.cadres:
                # Drawn for every day, so one cadre's leave never shifts the codes of the others.
                codes = month_codes(rng, [d for d in days if cadre.inside(d)], kinds)
                out.extend(CellChange(cadre.posting_uuid, d, code) for d, code in codes.items()
                           if not registered.get((cadre.person_uuid, d)))
            return out

        edit_month(clerk, township, year, month, changes)

    @staticmethod
    def _move(clerk: Workspace, leader: Workspace, township: str, year: int, month: int, state: str) -> None:
        """From 未完成 to ``state``: 提交审核 (clerk), 封存 (leader, §7's signature), 报送 (clerk)."""
        steps: tuple[tuple[str, Callable[..., object], Workspace], ...] = (
            (STATE_READY, mark_ready, clerk), (STATE_SEALED, seal_month, leader),
            (STATE_SUBMITTED, mark_submitted, clerk))
        order = [STATE_OPEN, *(s for s, _f, _w in steps)]
        for step, action, ws in steps:
            if order.index(step) > order.index(state):
                return
            action(ws, township, year, month)
