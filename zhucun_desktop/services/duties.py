"""The duty tracker (§2, §3, §9, §10, §12, §15, §16, §21): every recurring duty of the active rule set, per
cadre, first secretary, unit, township or the county, with its due date and state (已完成 / 待办 / 即将到期 /
逾期) for a date; and the registration of the events (Activity) that fulfil them.

A township user sees its township's duties; the county sees all, grouped by township (the county's own duties,
e.g. the quarterly symposium, under 县委组织部). The rules are in ``domain.duties``; the periods and due dates
come from the rule set (``supervision_common.duty_rules``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import or_, select

from ..domain import duties as dd
from ..domain.errors import Finding
from ..storage.base import new_uuid
from ..storage.models import Activity, DispatchUnit, Person, Posting, Village
from .attachments import AttachmentView, list_attachments, record_attachment, store_file
from .errors import NotFound, ValidationFailed
from .supervision_common import (
    duty_rules,
    person_names,
    require_in_post,
    require_township,
    term_years,
    township_names,
    unit_names,
)
from .workspace import Workspace

OWNER_TABLE = "activities"
COUNTY_GROUP = "县委组织部"
LEVELS = ("乡镇级", "县级", "市级", "省级", "国家级")
DEFAULT_LOOKBACK_DAYS = 365


@dataclass(frozen=True)
class DutyGroup:
    township_uuid: str | None
    township_name: str
    instances: tuple[dd.DutyInstance, ...]
    counts: dict[str, int]


@dataclass(frozen=True)
class DutyOverview:
    """What the home page shows: every instance, per township, and the counts of 待办 / 即将到期 / 逾期."""

    today: date
    instances: tuple[dd.DutyInstance, ...]
    groups: tuple[DutyGroup, ...]
    counts: dict[str, int]

    def open_items(self) -> list[dd.DutyInstance]:
        """Not done yet, most urgent first (逾期, then by due date)."""
        return sorted((i for i in self.instances if i.state != dd.STATE_DONE),
                      key=lambda i: (i.state != dd.STATE_OVERDUE, i.due, i.duty_key, i.subject_name))


@dataclass(frozen=True)
class ActivityView:
    uuid: str
    kind: str
    title: str
    start_date: date
    end_date: date | None
    township_uuid: str | None
    township_name: str
    unit_uuid: str | None
    unit_name: str
    person_uuids: tuple[str, ...]
    person_names: tuple[str, ...]
    organizer: str
    level: str
    note: str
    attachments: tuple[AttachmentView, ...] = ()


def activity_kinds(ws: Workspace) -> tuple[str, ...]:
    """The kinds of event the rule set's duties are fulfilled by (the registration form's choices)."""
    with ws.read() as s:
        return duty_rules(s).activity_kinds


def duty_overview(ws: Workspace, *, today: date | None = None, township_uuid: str | None = None,
                  lookback_days: int = DEFAULT_LOOKBACK_DAYS) -> DutyOverview:
    """Duty instances on ``today`` for periods that began in the last ``lookback_days`` (and term duties of
    cadres in post then); a township user gets its own township only, the county all or ``township_uuid``."""
    today = today or date.today()
    since = today - timedelta(days=lookback_days)
    if township_uuid is not None:
        ws.check_township(township_uuid)
    elif not ws.actor.is_county:
        township_uuid = ws.actor.township_uuid
    with ws.read() as s:
        rules = duty_rules(s)
        years = term_years(s)
        q = (select(Posting, Person.name, Person.unit_uuid).join(Person, Person.uuid == Posting.person_uuid)
             .where(Posting.deleted.is_(False), Person.deleted.is_(False), Posting.start_date <= today,
                    or_(Posting.end_date.is_(None), Posting.end_date >= since)))
        postings = [dd.InPost(p.person_uuid, name, p.role, p.township_uuid, unit, p.start_date, p.end_date,
                              p.term_end_date) for p, name, unit in s.execute(q)]
        # No period that can still be on the list began before the earlier of 1 January of the look-back's
        # year (month, quarter and year periods) and the start of a posting in it (term periods).
        earliest = min([date(since.year, 1, 1), *(p.start for p in postings)])
        columns = (Activity.uuid, Activity.kind, Activity.start_date, Activity.end_date, Activity.township_uuid,
                   Activity.unit_uuid, Activity.person_uuids, Activity.level)
        events = [dd.Event(uuid, kind, start, end, township, unit, tuple(people or ()), level)
                  for uuid, kind, start, end, township, unit, people, level in s.execute(
                      select(*columns).where(Activity.deleted.is_(False), Activity.start_date >= earliest,
                                             Activity.kind.in_(sorted(rules.activity_kinds))))]
        tnames = township_names(s)
        names = dd.Names(units=unit_names(s), townships=tnames)
    instances = dd.duty_instances(rules, postings, events, today=today, since=since, names=names,
                                  term_years=years)
    if township_uuid is not None:
        instances = [i for i in instances if i.township_uuid == township_uuid]
    grouped: dict[str | None, list[dd.DutyInstance]] = {}
    for i in instances:
        grouped.setdefault(i.township_uuid, []).append(i)
    groups = [DutyGroup(t, tnames.get(t, "") if t else COUNTY_GROUP, tuple(items), dd.count_states(items))
              for t, items in grouped.items()]
    groups.sort(key=lambda g: (g.township_uuid is not None, g.township_name))
    return DutyOverview(today, tuple(instances), tuple(groups), dd.count_states(instances))


def _needs(rules: dd.DutyRules, kind: str) -> set[str]:
    return {d.subject for d in rules.items if d.activity == kind}


@dataclass(frozen=True)
class ActivityInput:
    """One event to register (登记活动): what the form collects."""

    kind: str
    start_date: date
    end_date: date | None = None
    person_uuids: Sequence[str] = ()
    township_uuid: str | None = None
    village_uuid: str | None = None
    unit_uuid: str | None = None
    title: str = ""
    organizer: str = ""
    level: str | None = None
    note: str = ""
    attachment_path: str | Path | None = None


def register_activity(ws: Workspace, kind: str, start_date: date, *, end_date: date | None = None,
                      person_uuids: Sequence[str] = (), township_uuid: str | None = None,
                      village_uuid: str | None = None, unit_uuid: str | None = None, title: str = "",
                      organizer: str = "", level: str | None = None, note: str = "",
                      attachment_path: str | Path | None = None, today: date | None = None) -> str:
    """Register an event (date, participants, note, attachment) that fulfils the duties of its kind.

    Refused with a clear message, writing nothing, when a participant is not in post on ``start_date``, the
    date lies in the future, the kind is not one the rule set knows, or the attachment cannot be read."""
    item = ActivityInput(kind, start_date, end_date, person_uuids, township_uuid, village_uuid, unit_uuid, title,
                         organizer, level, note, attachment_path)
    return register_activities(ws, [item], today=today)[0]


def _activity_findings(rules: dd.DutyRules, item: ActivityInput, township_uuid: str | None, today: date
                       ) -> list[Finding]:
    kind, start_date, end_date = item.kind, item.start_date, item.end_date
    findings: list[Finding] = []
    if kind not in rules.activity_kinds:
        findings.append(Finding.error("登记类别", f"应为{'、'.join(rules.activity_kinds)}之一"))
    if start_date is None:
        findings.append(Finding.error("日期", "请填写日期"))
    else:
        if start_date > today:
            findings.append(Finding.error("日期", "不能登记尚未发生的事项（日期晚于今天）"))
        if end_date is not None and end_date < start_date:
            findings.append(Finding.error("结束日期", "不能早于开始日期"))
    if item.level and item.level not in LEVELS:
        findings.append(Finding.error("层级", f"应为{'、'.join(LEVELS)}之一"))
    needs = _needs(rules, kind)
    rule_of = {d.subject: d.rule for d in rules.items if d.activity == kind}
    if needs & {dd.SUBJECT_CADRE, dd.SUBJECT_FIRST_SECRETARY} and not item.person_uuids:
        rule = rule_of.get(dd.SUBJECT_CADRE) or rule_of.get(dd.SUBJECT_FIRST_SECRETARY)
        findings.append(Finding.error("参加人员", f"“{kind}”须选择参加的驻村干部", rule))
    if dd.SUBJECT_UNIT in needs and not item.unit_uuid:
        findings.append(Finding.error("派出单位", f"“{kind}”须选择派出单位", rule_of.get(dd.SUBJECT_UNIT)))
    if needs == {dd.SUBJECT_TOWNSHIP} and not township_uuid:
        findings.append(Finding.error("乡镇", f"“{kind}”须选择乡镇", rule_of.get(dd.SUBJECT_TOWNSHIP)))
    return findings


def register_activities(ws: Workspace, items: Sequence[ActivityInput], *, today: date | None = None) -> list[str]:
    """Register several events in one transaction (all or none), e.g. a county training's roll; the uuids in
    order. A refusal names the event (第N条) when there is more than one."""
    today = today or date.today()
    with ws.read() as s:
        rules = duty_rules(s)
    townships: list[str | None] = []
    findings: list[Finding] = []
    for n, item in enumerate(items, start=1):
        township_uuid = item.township_uuid
        if not ws.actor.is_county:
            township_uuid = township_uuid or ws.actor.township_uuid
            ws.check_township(township_uuid)
        townships.append(township_uuid)
        found = _activity_findings(rules, item, township_uuid, today)
        if len(items) > 1:
            found = [Finding(f.level, f"第{n}条 {f.field}", f.message, f.rule) for f in found]
        findings.extend(found)
    if findings:
        raise ValidationFailed(findings, "未登记：")
    stored = [store_file(ws, item.attachment_path) if item.attachment_path else None for item in items]
    uuids: list[str] = []
    action = f"登记{items[0].kind}" if len(items) == 1 else f"登记活动{len(items)}条"
    with ws.transaction(action) as s:
        for item, township_uuid, attachment in zip(items, townships, stored, strict=True):
            uuids.append(_write_activity(s, ws, item, township_uuid, attachment))
    return uuids


def _write_activity(s, ws: Workspace, item: ActivityInput, township_uuid: str | None, stored) -> str:
    with s.no_autoflush:  # checks of many events in one transaction need not flush the ones before
        _check_activity_refs(s, ws, item, township_uuid)
    row = Activity(uuid=new_uuid(), kind=item.kind, title=item.title.strip() or None, start_date=item.start_date,
                   end_date=item.end_date, township_uuid=township_uuid, village_uuid=item.village_uuid,
                   unit_uuid=item.unit_uuid, person_uuids=list(dict.fromkeys(item.person_uuids)),
                   organizer=item.organizer.strip() or None, level=item.level or None,
                   note=item.note.strip() or None)
    s.add(row)
    if stored is not None:
        record_attachment(s, OWNER_TABLE, row.uuid, stored)
    return row.uuid


def _check_activity_refs(s, ws: Workspace, item: ActivityInput, township_uuid: str | None) -> None:
    if township_uuid:
        require_township(s, township_uuid)
    if item.village_uuid:
        village = s.get(Village, item.village_uuid)
        if village is None or village.deleted or (township_uuid and village.township_uuid != township_uuid):
            raise NotFound("所选的村不存在，或不属于所选乡镇。")
    if item.unit_uuid:
        unit = s.get(DispatchUnit, item.unit_uuid)
        if unit is None or unit.deleted:
            raise NotFound("所选的派出单位不存在或已删除。")
    for n, person in enumerate(dict.fromkeys(item.person_uuids), start=1):
        require_in_post(s, person, item.start_date, field=f"第{n}名参加人员",
                        township_uuid=None if ws.actor.is_county else township_uuid)


def list_activities(ws: Workspace, *, kind: str | None = None, township_uuid: str | None = None,
                    since: date | None = None, until: date | None = None) -> list[ActivityView]:
    """Registered events, newest first; a township user sees its township's and the county's own (e.g. the
    symposium its cadres attended)."""
    with ws.read() as s:
        q = select(Activity).where(Activity.deleted.is_(False)).order_by(Activity.start_date.desc())
        if kind:
            q = q.where(Activity.kind == kind)
        if not ws.actor.is_county:
            q = q.where(or_(Activity.township_uuid == ws.actor.township_uuid, Activity.township_uuid.is_(None)))
        if township_uuid:
            q = q.where(Activity.township_uuid == township_uuid)
        if since:
            q = q.where(Activity.start_date >= since)
        if until:
            q = q.where(Activity.start_date <= until)
        rows = list(s.scalars(q))
        tnames, units = township_names(s), unit_names(s)
        pnames = person_names(s, {p for a in rows for p in (a.person_uuids or ())})
    return [ActivityView(a.uuid, a.kind, a.title or "", a.start_date, a.end_date, a.township_uuid,
                         tnames.get(a.township_uuid or "", ""), a.unit_uuid, units.get(a.unit_uuid or "", ""),
                         tuple(a.person_uuids or ()), tuple(pnames.get(p, "") for p in a.person_uuids or ()),
                         a.organizer or "", a.level or "", a.note or "",
                         tuple(list_attachments(ws, OWNER_TABLE, a.uuid))) for a in rows]


def delete_activity(ws: Workspace, uuid: str) -> None:
    """An event registered by mistake: a tombstone (the duty it fulfilled is open again)."""
    with ws.transaction("删除履职登记") as s:
        row = s.get(Activity, uuid)
        if row is None or row.deleted:
            raise NotFound("登记记录不存在或已删除。")
        if row.township_uuid or not ws.actor.is_county:
            ws.check_township(row.township_uuid)
        row.deleted = True
