"""Recurring duties (§2, §3, §9, §10, §12, §15, §16, §21 of the county's measures; DOMAIN.md "Meetings, talks,
training, reports") and their instances for a date: 已完成 / 待办 / 即将到期 / 逾期.

Every duty is data, the ``"duties"`` section of a rule set (``resources/rules/*.json``), so a county changes a
period or a due date without code (issue 6, "Rules, not code"). A duty names:

* ``period``: ``monthly`` / ``quarterly`` / ``half_yearly`` / ``yearly`` / ``term`` (the cadre's posting, §10
  "任期内");
* ``due``: ``period_end`` (the last day of the period), ``fixed_date`` with ``due_date`` ``"MM-DD"`` inside the
  period (§3: the unit head's research report "一般在9月底前完成"), or ``days_after_start`` with ``due_days`` N:
  the N-th day of the period (§15 "年初": the annual plan within 31 days, i.e. by 31 January);
* ``subject``: ``each_cadre`` / ``each_first_secretary`` / ``each_unit`` (per dispatching unit and township it
  has cadres in) / ``each_township`` / ``county``;
* ``activity``: the kind of registered event (Activity) that fulfils it, optionally only with ``min_days``
  (§10: "时间不少于3天") and ``levels`` (§10: "县级及以上").

Who is a subject (the choice issue 6 asks to document): a cadre, township or unit is a subject of a period when
a cadre was in post on **at least one day** of it. A period partly in post counts: §2 and §9 ask for full
coverage (全覆盖) every quarter, and a cadre who leaves in the middle of a quarter should still have had the
quarter's talk; the state then shows honestly whether it happened. The due date is the rule's, whoever the
subject is.

An instance is 已完成 when a matching event lies inside the period (also when it came after the due date; then
``late`` is set), otherwise 逾期 after the due date, 即将到期 within ``soon_days`` (rule set) before it, else 待办.

Pure rules: stdlib only, no Qt, no SQL.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from zhucun_desktop.domain.errors import RuleViolation
from zhucun_desktop.domain.terms import ROLE_FIRST_SECRETARY

FIELD_DUTIES = "履职事项规则"

PERIOD_MONTHLY = "monthly"
PERIOD_QUARTERLY = "quarterly"
PERIOD_HALF_YEARLY = "half_yearly"
PERIOD_YEARLY = "yearly"
PERIOD_TERM = "term"
PERIODS = {PERIOD_MONTHLY: "每月", PERIOD_QUARTERLY: "每季度", PERIOD_HALF_YEARLY: "每半年",
           PERIOD_YEARLY: "每年", PERIOD_TERM: "任期内"}

DUE_PERIOD_END = "period_end"
DUE_FIXED_DATE = "fixed_date"
DUE_DAYS_AFTER_START = "days_after_start"
DUE_KINDS = {DUE_PERIOD_END: "期末", DUE_FIXED_DATE: "固定日期", DUE_DAYS_AFTER_START: "期初若干天内"}

SUBJECT_CADRE = "each_cadre"
SUBJECT_FIRST_SECRETARY = "each_first_secretary"
SUBJECT_UNIT = "each_unit"
SUBJECT_TOWNSHIP = "each_township"
SUBJECT_COUNTY = "county"
SUBJECTS = {SUBJECT_CADRE: "每名驻村干部", SUBJECT_FIRST_SECRETARY: "每名驻村第一书记",
            SUBJECT_UNIT: "每个派出单位", SUBJECT_TOWNSHIP: "每个乡镇", SUBJECT_COUNTY: "县委组织部"}

STATE_DONE = "已完成"
STATE_TODO = "待办"
STATE_SOON = "即将到期"
STATE_OVERDUE = "逾期"
STATES = (STATE_OVERDUE, STATE_SOON, STATE_TODO, STATE_DONE)

DEFAULT_SOON_DAYS = 15
DEFAULT_TERM_YEARS = 2

_SECTION_KEYS = {"soon_days": "即将到期提前天数", "items": "履职事项"}
_ITEM_KEYS = {
    "key": "代号", "name": "名称", "rule": "依据条款", "period": "周期", "due": "截止规则",
    "due_date": "截止日期（月-日）", "due_days": "期初天数", "subject": "对象", "activity": "完成登记类别",
    "min_days": "最少天数", "levels": "培训层级",
}


@dataclass(frozen=True)
class DutyRule:
    """One recurring duty of the rule set (see the module docstring for the words)."""

    key: str
    name: str
    rule: str  # "§2"
    period: str
    due: str
    subject: str
    activity: str
    due_date: tuple[int, int] | None = None  # (month, day) for DUE_FIXED_DATE
    due_days: int | None = None  # for DUE_DAYS_AFTER_START
    min_days: int | None = None
    levels: tuple[str, ...] = ()

    @property
    def describe(self) -> str:
        """``每季度，期末前`` and the like, for the list's tooltip and the printout."""
        if self.due == DUE_FIXED_DATE and self.due_date:
            when = f"{self.due_date[0]}月{self.due_date[1]}日前"
        elif self.due == DUE_DAYS_AFTER_START:
            when = f"期初{self.due_days}天内"
        else:
            when = "期末前"
        return f"{PERIODS[self.period]}，{when}"


@dataclass(frozen=True)
class DutyRules:
    """The ``"duties"`` section: the duties and how many days before the due date one is 即将到期."""

    items: tuple[DutyRule, ...]
    soon_days: int = DEFAULT_SOON_DAYS

    @classmethod
    def from_dict(cls, data: object) -> DutyRules:
        rules, problems = _parse(data)
        if problems or rules is None:
            raise RuleViolation(FIELD_DUTIES, "；".join(problems), None)
        return rules

    def by_key(self, key: str) -> DutyRule | None:
        return next((d for d in self.items if d.key == key), None)

    @property
    def activity_kinds(self) -> tuple[str, ...]:
        """The kinds of event that fulfil a duty, in rule order without repeats (the GUI's choice list)."""
        return tuple(dict.fromkeys(d.activity for d in self.items))


def duty_rules_problems(data: object) -> list[str]:
    """Every problem of a rule set's ``"duties"`` section in Chinese, naming the duty and the field; empty when
    it can be used (for the administrator's editor)."""
    return _parse(data)[1]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _known(keys: Mapping[str, str]) -> str:
    return "、".join(f"{zh}（{key}）" for key, zh in keys.items())


def _choices(options: Mapping[str, str]) -> str:
    return "、".join(f"{key}（{zh}）" for key, zh in options.items())


def _parse_month_day(text: object) -> tuple[int, int] | None:
    if not isinstance(text, str) or text.count("-") != 1:
        return None
    m, d = text.split("-")
    if not (m.isdigit() and d.isdigit()):
        return None
    month, day = int(m), int(d)
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2001, month)[1]:
        return None
    return month, day


def _parse_item(index: int, raw: object, seen: set[str]) -> tuple[DutyRule | None, list[str]]:
    label = raw.get("name") if isinstance(raw, Mapping) else None
    name = f"第{index + 1}项（{label}）" if isinstance(label, str) and label.strip() else f"第{index + 1}项"
    if not isinstance(raw, Mapping):
        return None, [f"{name}应为一组设置（名称、周期、截止规则、对象、完成登记类别等）"]
    problems = [f"{name}有未知的设置项“{k}”，可用的有：{_known(_ITEM_KEYS)}" for k in raw if k not in _ITEM_KEYS]
    texts: dict[str, str] = {}
    for key in ("key", "name", "rule", "activity"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{name}的{_ITEM_KEYS[key]}（{key}）不能为空")
        else:
            texts[key] = value.strip()
    if texts.get("key") in seen:
        problems.append(f"{name}的代号“{texts['key']}”与前面的事项重复")
    period, due, subject = raw.get("period"), raw.get("due", DUE_PERIOD_END), raw.get("subject")
    if period not in PERIODS:
        problems.append(f"{name}的周期（period）应为{_choices(PERIODS)}之一，不能是“{period}”")
    if due not in DUE_KINDS:
        problems.append(f"{name}的截止规则（due）应为{_choices(DUE_KINDS)}之一，不能是“{due}”")
    if subject not in SUBJECTS:
        problems.append(f"{name}的对象（subject）应为{_choices(SUBJECTS)}之一，不能是“{subject}”")
    due_date = None
    if due == DUE_FIXED_DATE:
        due_date = _parse_month_day(raw.get("due_date"))
        if due_date is None:
            problems.append(f"{name}的截止日期（due_date）应写成“月-日”，例如“09-30”，不能是“{raw.get('due_date')}”")
        elif period not in (PERIOD_YEARLY, None) and period in PERIODS:
            problems.append(f"{name}：固定截止日期只适用于每年（yearly）的事项")
    due_days = raw.get("due_days")
    if due == DUE_DAYS_AFTER_START and not (_is_int(due_days) and due_days >= 1):
        problems.append(f"{name}的期初天数（due_days）应为不小于1的整数，不能是“{due_days}”")
    min_days = raw.get("min_days")
    if min_days is not None and not (_is_int(min_days) and min_days >= 1):
        problems.append(f"{name}的最少天数（min_days）应为不小于1的整数，或不写，不能是“{min_days}”")
    levels = raw.get("levels", [])
    if not isinstance(levels, Sequence) or isinstance(levels, str) or not all(
            isinstance(x, str) and x.strip() for x in levels):
        problems.append(f"{name}的培训层级（levels）应为层级名称的列表，例如[\"县级\", \"市级\"]")
        levels = []
    if problems:
        return None, problems
    seen.add(texts["key"])
    return DutyRule(texts["key"], texts["name"], texts["rule"], period, due, subject, texts["activity"],
                    due_date=due_date, due_days=due_days if due == DUE_DAYS_AFTER_START else None,
                    min_days=min_days, levels=tuple(x.strip() for x in levels)), []


def _parse(data: object) -> tuple[DutyRules | None, list[str]]:
    if not isinstance(data, Mapping):
        return None, ["履职事项规则应为一组设置（JSON对象），其中要有履职事项（items）"]
    problems = [f"未知的设置项“{k}”，可用的有：{_known(_SECTION_KEYS)}" for k in data if k not in _SECTION_KEYS]
    soon = data.get("soon_days", DEFAULT_SOON_DAYS)
    if not (_is_int(soon) and soon >= 0):
        problems.append(f"即将到期提前天数（soon_days）应为0或正整数，不能是“{soon}”")
    raw_items = data.get("items")
    items: list[DutyRule] = []
    if not isinstance(raw_items, Sequence) or isinstance(raw_items, str) or not raw_items:
        problems.append("履职事项（items）是空的：至少要有一项")
    else:
        seen: set[str] = set()
        for i, raw in enumerate(raw_items):
            item, item_problems = _parse_item(i, raw, seen)
            problems.extend(item_problems)
            if item is not None:
                items.append(item)
    if problems:
        return None, problems
    return DutyRules(tuple(items), soon), []


# ---------------------------------------------------------------------------------------------------------
# Periods


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # 2026年第3季度


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_containing(kind: str, d: date) -> Period:
    """The calendar period of ``kind`` (not ``term``) that contains ``d``."""
    y = d.year
    if kind == PERIOD_MONTHLY:
        return Period(date(y, d.month, 1), _month_end(y, d.month), f"{y}年{d.month}月")
    if kind == PERIOD_QUARTERLY:
        q = (d.month - 1) // 3
        return Period(date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3), f"{y}年第{q + 1}季度")
    if kind == PERIOD_HALF_YEARLY:
        first = d.month <= 6
        return Period(date(y, 1 if first else 7, 1), _month_end(y, 6 if first else 12),
                      f"{y}年{'上' if first else '下'}半年")
    if kind == PERIOD_YEARLY:
        return Period(date(y, 1, 1), date(y, 12, 31), f"{y}年")
    raise ValueError(f"not a calendar period: {kind}")


def periods_between(kind: str, start: date, end: date) -> list[Period]:
    """The calendar periods of ``kind`` that overlap ``start``..``end``, in order."""
    out: list[Period] = []
    d = start
    while d <= end:
        p = period_containing(kind, d)
        out.append(p)
        d = p.end + timedelta(days=1)
    return out


def due_date(rule: DutyRule, period: Period) -> date:
    if rule.due == DUE_FIXED_DATE and rule.due_date:
        month, day = rule.due_date
        return date(period.start.year, month, min(day, calendar.monthrange(period.start.year, month)[1]))
    if rule.due == DUE_DAYS_AFTER_START and rule.due_days:
        return min(period.start + timedelta(days=rule.due_days - 1), period.end)
    return period.end


# ---------------------------------------------------------------------------------------------------------
# Inputs and instances


@dataclass(frozen=True)
class InPost:
    """One posting as the duty tracker sees it: who, where, role, from when to when (end None: still in post).
    ``term_end`` is the planned end (§4) or None."""

    person_uuid: str
    person_name: str
    role: str
    township_uuid: str
    unit_uuid: str | None
    start: date
    end: date | None
    term_end: date | None = None

    def overlaps(self, start: date, end: date) -> bool:
        return self.start <= end and (self.end is None or self.end >= start)

    def covers(self, d: date) -> bool:
        return self.overlaps(d, d)


@dataclass(frozen=True)
class Event:
    """A registered event (Activity): its kind, dates, where, whom it concerns."""

    uuid: str
    kind: str
    start: date
    end: date | None = None
    township_uuid: str | None = None
    unit_uuid: str | None = None
    person_uuids: tuple[str, ...] = ()
    level: str | None = None

    @property
    def days(self) -> int:
        return ((self.end or self.start) - self.start).days + 1


@dataclass(frozen=True)
class DutyInstance:
    """One duty for one subject and one period, with its state on ``today``."""

    duty_key: str
    duty_name: str
    rule: str
    activity: str
    subject_kind: str
    subject_uuid: str | None  # person, unit or township; None for the county
    subject_name: str
    township_uuid: str | None  # the township the instance belongs to; None: the county's own
    period_label: str
    period_start: date
    period_end: date
    due: date
    state: str
    done_on: date | None = None
    activity_uuid: str | None = None
    late: bool = False
    days_left: int = 0  # due - today (negative when overdue)


@dataclass
class Names:
    """Display names of units and townships (persons carry theirs in InPost)."""

    units: dict[str, str] = field(default_factory=dict)
    townships: dict[str, str] = field(default_factory=dict)


def _fulfils(rule: DutyRule, ev: Event, start: date, end: date) -> bool:
    if ev.kind != rule.activity or not start <= ev.start <= end:
        return False
    if rule.min_days and ev.days < rule.min_days:
        return False
    return not rule.levels or (ev.level or "") in rule.levels


def _state(due: date, today: date, soon_days: int, done: Event | None) -> str:
    if done is not None:
        return STATE_DONE
    if today > due:
        return STATE_OVERDUE
    return STATE_SOON if (due - today).days <= soon_days else STATE_TODO


def _subjects(rule: DutyRule, postings: Sequence[InPost], start: date, end: date, names: Names
              ) -> list[tuple[str | None, str, str | None, Any]]:
    """(subject uuid, subject name, township, matcher) for the subjects of one period."""
    live = [p for p in postings if p.overlaps(start, end)]
    if rule.subject in (SUBJECT_CADRE, SUBJECT_FIRST_SECRETARY):
        latest: dict[str, InPost] = {}
        for p in sorted(live, key=lambda p: p.start):
            if rule.subject == SUBJECT_FIRST_SECRETARY and p.role != ROLE_FIRST_SECRETARY:
                continue
            latest[p.person_uuid] = p
        return [(p.person_uuid, p.person_name, p.township_uuid,
                 lambda ev, who=p.person_uuid: who in ev.person_uuids) for p in latest.values()]
    if rule.subject == SUBJECT_UNIT:
        pairs = sorted({(p.unit_uuid, p.township_uuid) for p in live if p.unit_uuid})
        return [(u, names.units.get(u, "派出单位"), t,
                 lambda ev, u=u, t=t: ev.unit_uuid == u and ev.township_uuid in (t, None)) for u, t in pairs]
    if rule.subject == SUBJECT_TOWNSHIP:
        townships = sorted({p.township_uuid for p in live})
        return [(t, names.townships.get(t, "乡镇"), t, lambda ev, t=t: ev.township_uuid == t) for t in townships]
    return [(None, "县委组织部", None, lambda ev: True)] if live else []


def _term_periods(rule: DutyRule, postings: Sequence[InPost], term_years: int) -> list[tuple[InPost, Period]]:
    out = []
    for p in postings:
        if rule.subject == SUBJECT_FIRST_SECRETARY and p.role != ROLE_FIRST_SECRETARY:
            continue
        planned = p.term_end or _add_years(p.start, term_years) - timedelta(days=1)
        end = p.end if p.end is not None and p.end < planned else planned
        out.append((p, Period(p.start, end, f"任期（{p.start:%Y.%m}—{end:%Y.%m}）")))
    return out


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _fitting(rule: DutyRule, candidates: list[Event], starts: list[date], start: date, end: date) -> list[Event]:
    """The candidates (sorted by start; ``starts`` their start dates) that fulfil ``rule`` within the period."""
    window = candidates[bisect_left(starts, start):bisect_right(starts, end)]
    return [e for e in window if _fulfils(rule, e, start, end)]


def _first_by_person(events: Iterable[Event]) -> dict[str, Event]:
    """Each person's earliest event among ``events`` (given in start order)."""
    first: dict[str, Event] = {}
    for e in events:
        for person in e.person_uuids:
            first.setdefault(person, e)
    return first


def duty_instances(rules: DutyRules, postings: Sequence[InPost], events: Iterable[Event], *, today: date,
                   since: date, names: Names | None = None, term_years: int = DEFAULT_TERM_YEARS
                   ) -> list[DutyInstance]:
    """Every instance whose period has begun by ``today`` and whose due date is on or after ``since`` (the
    look-back), in due-date order: an overdue one stays on the list until ``since`` passes its due date (a plan
    due in January of last year is not news in November of this one)."""
    names = names or Names()
    events = sorted(events, key=lambda e: e.start)
    out: list[DutyInstance] = []
    for rule in rules.items:
        candidates = [e for e in events if e.kind == rule.activity]
        starts = [e.start for e in candidates]
        if rule.period == PERIOD_TERM:
            if rule.subject not in (SUBJECT_CADRE, SUBJECT_FIRST_SECRETARY):
                continue  # the parser allows it, but a term belongs to a cadre: nothing to track
            for post, period in _term_periods(rule, postings, term_years):
                if period.start > today or period.end < since:
                    continue
                done = next((e for e in _fitting(rule, candidates, starts, period.start, period.end)
                             if post.person_uuid in e.person_uuids), None)
                out.append(_instance(rule, post.person_uuid, post.person_name, post.township_uuid, period,
                                     period.end, done, today, rules.soon_days, SUBJECT_CADRE))
            continue
        for period in periods_between(rule.period, since, today):
            due = due_date(rule, period)
            if due < since:
                continue
            fitting = _fitting(rule, candidates, starts, period.start, period.end)
            by_person = _first_by_person(fitting) if rule.subject in (SUBJECT_CADRE, SUBJECT_FIRST_SECRETARY) \
                else None
            for uuid, name, township, matches in _subjects(rule, postings, period.start, period.end, names):
                done = by_person.get(uuid) if by_person is not None else next(
                    (e for e in fitting if matches(e)), None)
                out.append(_instance(rule, uuid, name, township, period, due, done, today, rules.soon_days,
                                     rule.subject))
    out.sort(key=lambda i: (i.due, i.duty_key, i.subject_name))
    return out


def _instance(rule: DutyRule, uuid: str | None, name: str, township: str | None, period: Period, due: date,
              done: Event | None, today: date, soon_days: int, subject_kind: str) -> DutyInstance:
    return DutyInstance(
        duty_key=rule.key, duty_name=rule.name, rule=rule.rule, activity=rule.activity,
        subject_kind=subject_kind if rule.period != PERIOD_TERM else rule.subject, subject_uuid=uuid,
        subject_name=name, township_uuid=township, period_label=period.label, period_start=period.start,
        period_end=period.end, due=due, state=_state(due, today, soon_days, done),
        done_on=done.start if done else None, activity_uuid=done.uuid if done else None,
        late=bool(done and done.start > due), days_left=(due - today).days)


def count_states(instances: Iterable[DutyInstance]) -> dict[str, int]:
    """Counts per state, every state present (the home page shows zeros too)."""
    counts = dict.fromkeys(STATES, 0)
    for i in instances:
        counts[i.state] += 1
    return counts
