"""The demo county's supervision part (issue 6): ledger rows in every state, two spot checks (one finding an
absent cadre, which leads to a ledger row), an inspection with its circular, an incident, and a year of
registered duty events so that the duty tracker shows 已完成 / 待办 / 即将到期 / 逾期.

Everything goes through the services (as in services.demo), deterministic for a seed; the events are drawn
from the duty rules themselves: most past duties were done, some were missed, and some of the current
periods' are done already.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from ..domain import duties as dd
from ..domain import supervision as sv
from ..domain.terms import ROLE_FIRST_SECRETARY
from .duties import ActivityInput, duty_overview, register_activities
from .incidents import register_incident
from .inspections import add_finding, create_inspection, draft_circular, save_circular
from .ledger import LedgerInput, create_ledger_row, record_progress, submit_rectified, verify_ledger_row
from .org import list_townships, list_units
from .roster import RosterFilter, list_roster
from .spot_checks import CheckedCadre, create_ledger_from_proposal, cross_check, record_spot_check
from .workspace import Workspace

DONE_PAST = 0.985  # share of past duty instances that were done (a county that mostly keeps up)
DONE_CURRENT = 0.35  # share of the current periods' instances done already
VERIFIER = "县委组织部 周明"
CHECKERS = "县委组织部 周明、县乡村振兴局 杨帆"


def add_demo_supervision(ws: Workspace, today: date, seed: int = 0) -> dict[str, int]:
    """Add the supervision records to a demo database with a roster; returns how many of each were made."""
    rng = random.Random(f"zhucun-demo/{seed}/supervision")
    made: dict[str, int] = defaultdict(int)
    in_post = list_roster(ws, RosterFilter(on_date=today))
    townships = list_townships(ws)
    units = list_units(ws)
    if not in_post or not townships or not units:
        return dict(made)
    by_township: dict[str, list] = defaultdict(list)
    for e in in_post:
        by_township[e.township_uuid].append(e)
    main = next((t for t in townships if by_township.get(t.uuid)), townships[0])
    people = by_township[main.uuid]
    _ledger_rows(ws, today, rng, main.uuid, people, units, made)
    _spot_checks(ws, today, rng, main.uuid, people, made)
    _inspection(ws, today, rng, townships, by_township, units, made)
    victim = rng.choice(people)
    register_incident(ws, kind="负伤", occurred_at=datetime.combine(today - timedelta(days=20), time(15, 40)),
                      reported_at=datetime.combine(today - timedelta(days=20), time(17, 5)),
                      reporter=f"{main.name}党委 {main.organizer_name or '组织委员'}", township_uuid=main.uuid,
                      person_uuid=victim.person_uuid, now=datetime.combine(today, time(9)),
                      description=f"{victim.name}入户走访途中摔伤左腿，已送县人民医院治疗，无生命危险；"
                                  "乡镇党委已看望慰问并报派出单位。")
    made["incidents"] += 1
    made["activities"] = _activities(ws, today, rng)
    return dict(made)


def _ledger_rows(ws: Workspace, today: date, rng: random.Random, township: str, people: list, units: list,
                 made: dict[str, int]) -> None:
    """One row per state, and an overdue one (§13)."""
    def d(days: int) -> date:
        return today - timedelta(days=days)

    a, b, c, e = (rng.choice(people) for _ in range(4))
    unit = rng.choice(units)
    rows = [
        (LedgerInput("乡镇日常管理", d(40), sv.SUBJECT_UNIT, unit.uuid,
                     f"{unit.name}上半年未听取驻村干部工作汇报（§3）", d(10), unit.contact_person or "单位分管领导",
                     "单位党组会议专题听取驻村干部汇报，形成会议纪要", township), []),
        (LedgerInput("乡镇日常管理", d(30), sv.SUBJECT_CADRE, a.person_uuid,
                     f"{a.name}驻村工作日志记录不全，与考勤登记不一致（§15）", d(-10), a.name,
                     "逐日补记工作日志，乡镇每月检查", township), ["progress"]),
        (LedgerInput("考勤核对", d(45), sv.SUBJECT_CADRE, b.person_uuid,
                     f"{b.name}请假期满未按时销假（§8）", d(15), b.name, "补办销假手续，书面说明情况", township),
         ["progress", "submit"]),
        (LedgerInput("乡镇日常管理", d(90), sv.SUBJECT_CADRE, c.person_uuid,
                     f"{c.name}未按月组织召开村工作例会（§15）", d(60), c.name, "补开例会并规范会议记录", township),
         ["progress", "submit", "pass"]),
        (LedgerInput("群众反映", d(60), sv.SUBJECT_CADRE, e.person_uuid,
                     f"群众反映{e.name}周末常不在村（“走读式”驻村，§14）", d(20), e.name,
                     "严格执行吃住在村，乡镇每周不定期点名", township), ["progress", "submit", "fail"]),
    ]
    for values, steps in rows:
        uuid = create_ledger_row(ws, values)
        made["ledger_rows"] += 1
        found = values.found_on
        if "progress" in steps:
            record_progress(ws, uuid, "已约谈本人，正在整改", on=found + timedelta(days=3))
        if "submit" in steps:
            done = min(found + timedelta(days=25), today - timedelta(days=5))
            submit_rectified(ws, uuid, completed_on=done, progress="整改完成，附佐证材料", today=today)
            if "pass" in steps:
                verify_ledger_row(ws, uuid, result=sv.RESULT_PASSED, verified_on=done + timedelta(days=4),
                                  verifier=VERIFIER, note="查阅会议记录，情况属实")
            elif "fail" in steps:
                verify_ledger_row(ws, uuid, result=sv.RESULT_FAILED, verified_on=done + timedelta(days=3),
                                  verifier=VERIFIER, note="回访群众，仍有周末不在村情况，继续整改")


def _spot_checks(ws: Workspace, today: date, rng: random.Random, township: str, people: list,
                 made: dict[str, int]) -> None:
    """§7: a phone check that finds everyone in post, and a field check that finds one cadre absent."""
    sample = rng.sample(people, min(3, len(people)))
    record_spot_check(ws, checked_at=datetime.combine(today - timedelta(days=3), time(9, 20)), method="电话询问",
                      checkers=CHECKERS, township_uuid=township,
                      results=[CheckedCadre(p.person_uuid, sv.RESULT_PRESENT) for p in sample])
    day = today - timedelta(days=12)
    present = [p for p in people if p.start_date and p.start_date <= day]
    absent, *others = rng.sample(present, min(3, len(present)))
    check = record_spot_check(
        ws, checked_at=datetime.combine(day, time(10, 30)), method="实地检查", checkers=CHECKERS,
        township_uuid=township,
        results=[CheckedCadre(absent.person_uuid, sv.RESULT_ABSENT, "村委会及住处均未见本人，村干部称其前一日已离村"),
                 *(CheckedCadre(p.person_uuid, sv.RESULT_PRESENT) for p in others)])
    made["spot_checks"] += 2
    for proposal in cross_check(ws, check):
        create_ledger_from_proposal(ws, check, proposal.person_uuid)
        made["ledger_rows"] += 1


def _inspection(ws: Workspace, today: date, rng: random.Random, townships: list, by_township: dict,
                units: list, made: dict[str, int]) -> None:
    start = today - timedelta(days=50)
    inspection = create_inspection(ws, title=f"{start.year}年驻村工作专项督查", kind="不定期", start_date=start,
                                   end_date=start + timedelta(days=4), summary="随机抽查、走访群众、查阅资料")
    findings = []
    for t in rng.sample([t for t in townships if by_township.get(t.uuid)], 2):
        who = rng.choice(by_township[t.uuid])
        text = f"{who.village_name}驻村工作队工作日志记录简单，部分日期与考勤不一致"
        ledger = LedgerInput("", start + timedelta(days=1), sv.SUBJECT_CADRE, who.person_uuid, text,
                             start + timedelta(days=30), who.name, "规范填写工作日志，乡镇每月检查", t.uuid)
        findings.append(add_finding(ws, inspection, township_uuid=t.uuid, description=text, ledger=ledger))
        made["ledger_rows"] += 1
    draft = draft_circular(ws, findings, issued_on=start + timedelta(days=10))
    save_circular(ws, title=draft.title, doc_number=f"云组通〔{start.year}〕15号", body=draft.body,
                  issued_on=draft.issued_on, finding_uuids=findings)
    made["inspections"] += 1
    made["circulars"] += 1


def _activities(ws: Workspace, today: date, rng: random.Random) -> int:
    """Events for most past duty instances and some current ones, one event per duty, period and township (a
    talk round, a training) or per first secretary (a village meeting, a plan), dated inside the period."""
    overview = duty_overview(ws, today=today)
    groups: dict[tuple, list[dd.DutyInstance]] = defaultdict(list)
    for i in overview.instances:
        chance = DONE_PAST if i.due < today else DONE_CURRENT
        if rng.random() >= chance:
            continue
        per_person = i.subject_kind in (dd.SUBJECT_FIRST_SECRETARY, dd.SUBJECT_UNIT)  # one event each
        groups[(i.duty_key, i.period_start, i.township_uuid, i.subject_uuid if per_person else None)].append(i)
    roster = list_roster(ws, RosterFilter(status="全部"))
    events: list[ActivityInput] = []
    for (_key, _start, township, _who), items in sorted(groups.items(), key=lambda kv: str(kv[0])):
        first = items[0]
        latest = min(first.due, today, first.period_end)
        training = first.activity == "培训"
        if training:
            latest = min(latest, today - timedelta(days=4))  # a five-day course that has ended
        day = max(first.period_start, latest - timedelta(days=rng.randint(0, 20)))
        persons: list[str] = []
        unit = None
        if first.subject_kind in (dd.SUBJECT_CADRE, dd.SUBJECT_FIRST_SECRETARY):
            persons = [i.subject_uuid for i in items if _in_post(roster, i.subject_uuid, day, first.subject_kind)]
            if not persons:
                continue
        elif first.subject_kind == dd.SUBJECT_UNIT:
            unit = first.subject_uuid
        events.append(ActivityInput(first.activity, day, end_date=day + timedelta(days=4) if training else None,
                                    person_uuids=persons, township_uuid=township, unit_uuid=unit,
                                    level="县级" if training else None,
                                    title=f"{first.period_label}{first.activity}",
                                    organizer="县委组织部" if township is None else ""))
    return len(register_activities(ws, events, today=today)) if events else 0


def _in_post(roster: list, person_uuid: str | None, day: date, kind: str) -> bool:
    return any(e.person_uuid == person_uuid and e.start_date and e.start_date <= day
               and (e.end_date is None or e.end_date >= day)
               and (kind != dd.SUBJECT_FIRST_SECRETARY or e.role == ROLE_FIRST_SECRETARY) for e in roster)
