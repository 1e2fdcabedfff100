"""The attendance link of leave (§7, §8): approved leave fills its days, overstaying turns into 旷.

What the attendance table should say because of leave is computed from the requests (``leave_facts``), and the
table is brought in line with it person by person, inside the transaction of the step, withdrawal or return that
changed it (so the workspace audits every cell with it), and by :func:`sweep_overdue`, which catches up with
time passing and with approvals that arrived from the other site on the USB stick. The rules:

- a granted request (已批准 / 请假中 / 已销假 / 逾期未销假) puts its code (``KIND_TO_CODE``: 公/事/病/年) on each
  leave day inside the posting, up to the day before an early return, with ``source="leave"``;
- overdue (逾期未销假): the days after the end, until the return or through today, become ``旷`` with
  ``source="overdue"`` (``domain.leave_states.absent_days_after``); a late return stops further 旷 days and
  keeps those before it (the person was absent);
- withdrawn or refused: the request's ``leave``/``overdue`` codes are cleared again; a code the clerk typed
  (``manual`` or ``import``) is never overwritten — it is reported as a conflict instead;
- a sealed or filed month (已封存 / 已报送) is never changed silently: nothing is written there and
  :func:`months_needing_reopen` names it, so the township leader can 重开 it with a reason;
- only the site that keeps the township's attendance writes it: the township's own installation, or the county
  when the township has no installation of its own (one county database for everything). Elsewhere the link
  waits for that site's own sweep.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain import terms
from ..domain.leave_rules import ABSENT_CODE, KIND_TO_CODE, STATE_OVERDUE
from ..storage.models import AttendanceDay, LeaveRequest, Posting, Site, Township
from .attendance import LOCKED_STATES, day_label, month_key, month_record, month_state
from .calendar import load_calendar
from .leave_facts import GRANTED, IN_CHUNK, LeaveContext, RequestFacts, person_names
from .workspace import Workspace

SOURCE_LEAVE = "leave"
SOURCE_OVERDUE = "overdue"
SYSTEM_SOURCES = (SOURCE_LEAVE, SOURCE_OVERDUE)


@dataclass(frozen=True)
class Wanted:
    code: str
    source: str
    request: RequestFacts


@dataclass
class SyncResult:
    """What bringing the attendance in line with leave did (or, for a sealed month, would have done)."""

    written: int = 0
    cleared: int = 0
    conflicts: list[str] = field(default_factory=list)  # clerk's codes that contradict leave, kept
    locked: list[tuple[str, str, str]] = field(default_factory=list)  # (township uuid, YYYY-MM, why)


class _Sites:
    """Whether this site keeps a township's attendance, and whether a month is sealed (cached)."""

    def __init__(self, s: Session, ws: Workspace) -> None:
        self.s, self.ws = s, ws
        self._writes: dict[str, bool] = {}
        self._locked: dict[tuple[str, str], bool] = {}

    def writes(self, township_uuid: str) -> bool:
        if township_uuid not in self._writes:
            site = self.ws.site() or {}
            if site.get("kind") == terms.SITE_KIND_TOWNSHIP:
                answer = site.get("township_uuid") == township_uuid
            else:
                own = self.s.scalar(select(func.count()).select_from(Site).where(
                    Site.kind == terms.SITE_KIND_TOWNSHIP, Site.township_uuid == township_uuid,
                    Site.is_self.is_(False)))
                answer = not own
            self._writes[township_uuid] = answer
        return self._writes[township_uuid]

    def locked(self, township_uuid: str, day: date) -> bool:
        key = (township_uuid, month_key(day.year, day.month))
        if key not in self._locked:
            self._locked[key] = month_state(month_record(self.s, *key)) in LOCKED_STATES
        return self._locked[key]


def wanted_days(ctx: LeaveContext, requests: Iterable[RequestFacts]) -> dict[tuple[str, date], Wanted]:
    """(person, day) → the code leave puts there. Leave days win over 旷 days of another link."""
    postings: dict[str, Posting | None] = {}
    out: dict[tuple[str, date], Wanted] = {}
    absent: list[tuple[tuple[str, date], Wanted]] = []
    for f in requests:
        st = ctx.status(f)
        if st.state not in GRANTED:
            continue
        if f.posting_uuid not in postings:
            postings[f.posting_uuid] = ctx.s.get(Posting, f.posting_uuid)
        post = postings[f.posting_uuid]
        if post is None:
            continue

        def inside(d: date, post: Posting = post) -> bool:
            return post.start_date <= d and (post.end_date is None or d <= post.end_date)

        code = KIND_TO_CODE.get(f.kind)
        if code:
            out.update({(f.person_uuid, d): Wanted(code, SOURCE_LEAVE, f) for d in st.leave_days if inside(d)})
        absent += [((f.person_uuid, d), Wanted(ABSENT_CODE, SOURCE_OVERDUE, f)) for d in st.absent_days
                   if inside(d)]
    for key, want in absent:
        out.setdefault(key, want)
    return out


def _rows(s: Session, people: Sequence[str], days: Iterable[date]) -> dict[tuple[str, date], AttendanceDay]:
    """The people's rows written by leave, and their rows on the wanted days."""
    day_list = sorted(set(days))
    out: dict[tuple[str, date], AttendanceDay] = {}
    for i in range(0, len(people), IN_CHUNK):
        part = list(people[i:i + IN_CHUNK])
        conditions = [AttendanceDay.source.in_(SYSTEM_SOURCES)]
        if day_list:
            conditions.append(AttendanceDay.day.in_(day_list))
        q = select(AttendanceDay).where(AttendanceDay.person_uuid.in_(part), or_(*conditions))
        out.update({(r.person_uuid, r.day): r for r in s.scalars(q)})
    return out


def _why(want: Wanted) -> str:
    f = want.request
    if want.source == SOURCE_OVERDUE:
        return f"{f.kind}{day_label(f.start)}至{day_label(f.end)}逾期未销假，应记旷工"
    return f"已批准{f.kind}{day_label(f.start)}至{day_label(f.end)}"


def sync_people(s: Session, ws: Workspace, ctx: LeaveContext, person_uuids: Iterable[str], *,
                write: bool = True) -> SyncResult:
    """Bring the people's attendance in line with their leave (``write=False``: only say what differs)."""
    people = sorted(set(person_uuids))
    requests = ctx.load_persons(people)
    wanted = wanted_days(ctx, requests)
    rows = _rows(s, people, (d for _, d in wanted))
    names = person_names(s, people)
    sites = _Sites(s, ws)
    result = SyncResult()
    me = ws.site_id

    def blocked(township_uuid: str, day: date, name: str, text: str) -> bool:
        if not sites.writes(township_uuid):
            return True
        if sites.locked(township_uuid, day):
            result.locked.append((township_uuid, month_key(day.year, day.month), f"{name} {day_label(day)}：{text}"))
            return True
        return False

    for (person, day), want in sorted(wanted.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        row = rows.get((person, day))
        name = names.get(person, "")
        if row is not None and not row.deleted and row.code == want.code:
            continue
        township = want.request.township_uuid
        free = row is None or row.deleted or not row.code or row.source in SYSTEM_SOURCES
        owned = row is None or not row.origin_site or row.origin_site == me
        if not free or not owned:
            if sites.writes(township):
                who = "" if owned else "（由其他单位登记）"
                text = f"考勤登记为“{row.code}”{who}，与{_why(want)}不符（应为“{want.code}”）"
                if sites.locked(township, day):  # a sealed table that contradicts leave: only a reopen fixes it
                    result.locked.append((township, month_key(day.year, day.month), f"{name} {day_label(day)}：{text}"))
                else:
                    result.conflicts.append(f"{name} {day_label(day)}：{text}")
            continue
        if blocked(township, day, name, f"应记“{want.code}”（{_why(want)}）"):
            continue
        if not write:
            continue
        if row is None:
            row = AttendanceDay(person_uuid=person, day=day)
            s.add(row)
        row.code, row.source, row.deleted = want.code, want.source, False
        row.posting_uuid, row.township_uuid = want.request.posting_uuid, township
        result.written += 1

    for (person, day), row in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if (person, day) in wanted or row.source not in SYSTEM_SOURCES or not row.code or row.deleted:
            continue
        if row.origin_site and row.origin_site != me:
            continue
        name = names.get(person, "")
        if blocked(row.township_uuid, day, name, f"“{row.code}”已没有请假依据（请假已撤回、未批准或已提前销假），应清除"):
            continue
        if write:
            row.code = None
            result.cleared += 1
    return result


def refresh_stored_states(ctx: LeaveContext, ws: Workspace, requests: Iterable[RequestFacts]) -> None:
    """The owner's cached ``LeaveRequest.state`` (see ``leave_facts``): only rows this site owns."""
    me = ws.site_id
    for f in requests:
        if f.origin_site and f.origin_site != me:
            continue
        state = ctx.state(f)
        if state != f.stored_state:
            row = ctx.s.get(LeaveRequest, f.uuid)
            if row is not None and row.state != state:
                row.state = state


# ------------------------------------------------------------------------------------------------ the sweep


@dataclass
class OverdueLine:
    request_uuid: str
    name: str
    township: str
    kind: str
    start: date
    end: date
    return_due: date | None
    absent_days: int


@dataclass
class SweepReport:
    """What :func:`sweep_overdue` found and did; running it again the same day changes nothing."""

    today: date
    overdue: list[OverdueLine] = field(default_factory=list)
    written: int = 0
    cleared: int = 0
    conflicts: list[str] = field(default_factory=list)
    locked: list[tuple[str, str, str]] = field(default_factory=list)
    calendar_missing: list[int] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [(f"{self.today:%Y-%m-%d}：逾期未销假{len(self.overdue)}人次，考勤写入{self.written}天，"
               f"清除{self.cleared}天")]
        out += [f"逾期未销假：{o.township}{o.name}（{o.kind}{day_label(o.start)}至{day_label(o.end)}，"
                f"销假期限{day_label(o.return_due) if o.return_due else '未知'}，旷工{o.absent_days}天）"
                for o in self.overdue]
        out += [f"考勤不一致：{c}" for c in self.conflicts]
        out += [f"需重开：{m}（{why}）" for _t, m, why in self.locked]
        out += [f"缺少{y}年的工作日历，无法判断销假期限" for y in self.calendar_missing]
        return out


def sweep_overdue(ws: Workspace, today: date) -> SweepReport:
    """逾期未销假: mark the requests past their return due and write their 旷 days (§8), and catch the
    attendance up with every leave decided since the last sweep. Idempotent."""
    cal = load_calendar(ws)
    report = SweepReport(today)
    with ws.transaction("逾期未销假登记") as s:
        ctx = LeaveContext(s, cal, today)
        conditions = [LeaveRequest.state != "草稿"]
        if not ws.actor.is_county:
            conditions.append(LeaveRequest.township_uuid == ws.actor.township_uuid)
        requests = ctx.load(*conditions)
        result = sync_people(s, ws, ctx, {f.person_uuid for f in requests})
        refresh_stored_states(ctx, ws, ctx.facts.values())
        names = person_names(s, {f.person_uuid for f in requests})
        townships = dict(s.execute(select(Township.uuid, Township.name)).all())
        missing = set()
        for f in sorted(requests, key=lambda f: (f.start, f.uuid)):
            st = ctx.status(f)
            if st.calendar_missing and st.state in GRANTED and not st.returned_on:
                missing.add(st.calendar_missing)
            if st.state == STATE_OVERDUE:
                report.overdue.append(OverdueLine(f.uuid, names.get(f.person_uuid, ""),
                                                  townships.get(f.township_uuid, ""), f.kind, f.start, f.end,
                                                  st.return_due, len(st.absent_days)))
    report.written, report.cleared = result.written, result.cleared
    report.conflicts, report.locked = result.conflicts, result.locked
    report.calendar_missing = sorted(missing)
    return report


# ------------------------------------------------------------------------------------------------ checks


def months_needing_reopen(ws: Workspace, township_uuid: str | None = None, *, today: date | None = None
                          ) -> list[tuple[str, str, str]]:
    """Sealed or filed months (§7) that leave would change: (township name, YYYY-MM, why), one line per
    township and month, the reasons joined. The leader reopens the month; the next sweep then writes it."""
    if township_uuid is not None:
        ws.check_township(township_uuid)
    elif not ws.actor.is_county:
        township_uuid = ws.actor.township_uuid
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        conditions = [LeaveRequest.state != "草稿"]
        if township_uuid is not None:
            conditions.append(LeaveRequest.township_uuid == township_uuid)
        people = {f.person_uuid for f in ctx.load(*conditions)}
        result = sync_people(s, ws, ctx, people, write=False)
        townships = dict(s.execute(select(Township.uuid, Township.name)).all())
    grouped: dict[tuple[str, str], list[str]] = {}
    for t, month, why in result.locked:
        if township_uuid is None or t == township_uuid:
            grouped.setdefault((t, month), []).append(why)
    return [(townships.get(t, ""), month, "；".join(whys)) for (t, month), whys in
            sorted(grouped.items(), key=lambda kv: (townships.get(kv[0][0], ""), kv[0][1]))]


def leave_conflicts(ws: Workspace, township_uuid: str, year: int, month: int, changes,
                    *, today: date | None = None) -> list[str]:
    """Attendance edits (``attendance.CellChange``: posting, day, code) that contradict granted leave or a
    recorded overstay, as Chinese lines for the confirmation the grid asks before saving (§7: the table
    records truthfully; a clerk may know better, e.g. the cadre came back early without 销假)."""
    from ..domain.attendance_rules import normalize_code
    from ..domain.errors import RuleViolation
    from .attendance import code_defs

    ws.check_township(township_uuid)
    changes = list(changes)
    if not changes:
        return []
    cal = load_calendar(ws)
    with ws.read() as s:
        ctx = LeaveContext(s, cal, today or date.today())
        posting_person = dict(s.execute(select(Posting.uuid, Posting.person_uuid).where(
            Posting.uuid.in_(sorted({c.posting_uuid for c in changes})))).all())
        wanted = wanted_days(ctx, ctx.load_persons(posting_person.values()))
        names = person_names(s, posting_person.values())
        legend = tuple(code_defs(s))
    out = []
    for ch in changes:
        person = posting_person.get(ch.posting_uuid)
        want = wanted.get((person, ch.day)) if person else None
        if want is None or (ch.day.year, ch.day.month) != (year, month):
            continue
        try:
            code = normalize_code(ch.code, legend)
        except RuleViolation:
            continue  # the grid refuses it anyway, with its own message
        if code == want.code:
            continue
        shown = f"“{code}”" if code else "空白"
        if want.source == SOURCE_OVERDUE:
            note = "如已返岗，请先登记销假"
        else:
            note = "如未按假期外出，请先撤回请假或登记销假"
        out.append(f"{names.get(person, '')} {day_label(ch.day)}：{_why(want)}（应为“{want.code}”），"
                   f"改为{shown}与请假不符；{note}")
    return out
