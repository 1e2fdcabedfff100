"""The duty tracker on the demo county, pinned to 2026-11-23: what a township's home page lists as 待办 /
即将到期 / 逾期, the county's view of all townships, and the registration that fulfils a duty."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from zhucun_desktop.domain import duties as dd
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.domain.terms import ROLE_FIRST_SECRETARY
from zhucun_desktop.services import demo, duties, inspections, ledger, spot_checks
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.demo_supervision import add_demo_supervision
from zhucun_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from zhucun_desktop.services.org import list_townships
from zhucun_desktop.services.roster import RosterFilter, list_roster
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.models import Activity, Attachment

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.build_demo(path, seed=2026, today=TODAY, supervision=False)  # duties registered by the tests only
    return path


def _open(demo_file: Path, tmp_path: Path, user: str, password: str):
    target = tmp_path / "data" / "demo.db"
    target.parent.mkdir()
    shutil.copyfile(demo_file, target)
    db = open_database(target)
    return db, Workspace(db, authenticate(db, user, password))


@pytest.fixture
def county(demo_file, tmp_path):
    db, ws = _open(demo_file, tmp_path, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    yield ws
    db.close()


def dongfeng(ws: Workspace) -> str:
    return next(t.uuid for t in list_townships(ws) if t.name == "东风镇")


def clerk_of(county: Workspace) -> Workspace:
    return Workspace(county.db, authenticate(county.db, "dongfeng_clerk", demo.TOWNSHIP_PASSWORD))


def in_post(ws: Workspace, township: str, on: date, role: str | None = None) -> set[str]:
    return {e.person_uuid for e in list_roster(ws, RosterFilter(on_date=on, township_uuid=township, role=role))}


def test_a_demo_township_s_due_list_on_a_pinned_date(county):
    clerk = clerk_of(county)
    township = dongfeng(county)
    overview = duties.duty_overview(clerk, today=TODAY)
    assert {i.township_uuid for i in overview.instances} == {township}
    by = lambda key, period: [i for i in overview.instances if i.duty_key == key and i.period_label == period]
    q3 = by("township_talk", "2026年第3季度")
    cadres_q3 = {e.person_uuid for e in list_roster(county, RosterFilter(status="全部", township_uuid=township))
                 if e.start_date <= date(2026, 9, 30) and (e.end_date is None or e.end_date >= date(2026, 7, 1))}
    assert {i.subject_uuid for i in q3} == cadres_q3
    assert {(i.due, i.state) for i in q3} == {(date(2026, 9, 30), dd.STATE_OVERDUE)}
    q4 = by("township_talk", "2026年第4季度")
    assert {(i.due, i.state, i.days_left) for i in q4} == {(date(2026, 12, 31), dd.STATE_TODO, 38)}
    meetings = by("village_meeting", "2026年11月")
    assert {i.subject_uuid for i in meetings} == in_post(county, township, TODAY, ROLE_FIRST_SECRETARY)
    assert {(i.due, i.state) for i in meetings} == {(date(2026, 11, 30), dd.STATE_SOON)}
    assert not by("village_meeting", "2026年12月")  # a period that has not begun is not listed
    visits = by("unit_head_visit", "2026年")
    assert visits and {(i.due, i.state) for i in visits} == {(date(2026, 9, 30), dd.STATE_OVERDUE)}
    assert overview.counts[dd.STATE_DONE] == 0 and overview.open_items()[0].state == dd.STATE_OVERDUE
    assert [g.township_name for g in overview.groups] == ["东风镇"]


def test_registering_the_talk_fulfils_the_quarter_for_everyone_who_took_part(county):
    clerk = clerk_of(county)
    township = dongfeng(county)
    talked = sorted(in_post(county, township, date(2026, 11, 10)))
    duties.register_activity(clerk, "谈心谈话", date(2026, 11, 10), person_uuids=talked, note="逐一谈话",
                             today=TODAY)
    q4 = [i for i in duties.duty_overview(clerk, today=TODAY).instances
          if i.duty_key == "township_talk" and i.period_label == "2026年第4季度"]
    assert {i.subject_uuid for i in q4 if i.state == dd.STATE_DONE} == set(talked)
    assert {i.done_on for i in q4 if i.state == dd.STATE_DONE} == {date(2026, 11, 10)}


def test_the_county_sees_every_township_and_its_own_duties(county):
    overview = duties.duty_overview(county, today=TODAY)
    names = [g.township_name for g in overview.groups]
    assert names[0] == "县委组织部" and sorted(names[1:]) == sorted(t.name for t in list_townships(county))
    own = overview.groups[0]
    assert {i.duty_key for i in own.instances} == {"county_symposium"}
    assert sum(g.counts[dd.STATE_OVERDUE] for g in overview.groups) == overview.counts[dd.STATE_OVERDUE]


def test_a_duty_registered_for_a_person_not_in_post_that_day_is_refused_and_nothing_is_written(county, tmp_path):
    township = dongfeng(county)
    left = next(e for e in list_roster(county, RosterFilter(status="已离岗", township_uuid=township)))
    present = sorted(in_post(county, township, date(2026, 11, 10)))
    with pytest.raises(ServiceError, match=f"第2名参加人员：{left.name}在2026年11月10日不在驻村岗位上"):
        duties.register_activity(county, "安全教育", date(2026, 11, 10),
                                 person_uuids=[present[0], left.person_uuid], township_uuid=township, today=TODAY)
    with pytest.raises(ValidationFailed, match="不能登记尚未发生的事项"):
        duties.register_activity(county, "安全教育", date(2026, 11, 24), person_uuids=present, today=TODAY)
    with pytest.raises(ValidationFailed, match="“谈心谈话”须选择参加的驻村干部"):
        duties.register_activity(county, "谈心谈话", date(2026, 11, 10), township_uuid=township, today=TODAY)
    with pytest.raises(ServiceError, match="佐证材料“会议记录.docx”无法读取"):
        duties.register_activity(county, "安全教育", date(2026, 11, 10), person_uuids=present,
                                 attachment_path=tmp_path / "会议记录.docx", today=TODAY)
    with county.read() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
    notes = tmp_path / "会议记录.docx"
    notes.write_bytes(b"PK minutes")
    uuid = duties.register_activity(county, "安全教育", date(2026, 11, 10), person_uuids=present,
                                    township_uuid=township, attachment_path=notes, today=TODAY)
    [view] = duties.list_activities(county, kind="安全教育")
    assert view.uuid == uuid and [a.file_name for a in view.attachments] == ["会议记录.docx"]


def test_a_township_registers_only_its_own_cadres(county):
    clerk = clerk_of(county)
    other = next(t.uuid for t in list_townships(county) if t.name != "东风镇")
    stranger = min(in_post(county, other, TODAY))
    with pytest.raises(ServiceError, match="不在本乡镇驻村"):
        duties.register_activity(clerk, "谈心谈话", TODAY, person_uuids=[stranger], today=TODAY)
    with pytest.raises(PermissionDenied):
        duties.duty_overview(clerk, today=TODAY, township_uuid=other)


def test_the_demo_supervision_part_shows_every_state_of_duties_and_of_the_ledger(county):
    made = add_demo_supervision(county, TODAY, seed=0)
    assert made["spot_checks"] == 2 and made["circulars"] == 1 and made["incidents"] == 1
    overview = duties.duty_overview(clerk_of(county), today=TODAY)
    assert all(overview.counts[state] > 0 for state in dd.STATES)
    rows = ledger.list_ledger(county, today=TODAY)
    assert {r.state for r in rows} == set(sv.LEDGER_STATES) and any(r.overdue for r in rows)
    assert any(r.verification and r.verification.result == sv.RESULT_FAILED for r in rows)
    absent = [c for c in spot_checks.list_spot_checks(county) if c.absent_count]
    assert len(absent) == 1 and all(r.ledger_uuid for r in absent[0].results if r.result == sv.RESULT_ABSENT)
    [circular] = inspections.list_circulars(county)
    assert circular.title.startswith("关于") and circular.title.endswith("情况的通报")
    assert sum(r.circulated for r in rows) == 2


def test_periods_and_due_dates_come_from_the_active_rule_set(ws):
    from tests.services.test_attendance_builders import post
    from zhucun_desktop.services.defaults import load_rule_file
    from zhucun_desktop.storage.models import RuleSet

    post(ws, "王建国", 123)
    talks = [i for i in duties.duty_overview(ws, today=TODAY).instances if i.duty_key == "township_talk"]
    assert talks[-1].period_label == "2026年第4季度"
    data = load_rule_file("default.json")
    data["duties"]["items"][0].update(period="monthly", due="days_after_start", due_days=10)
    with ws.transaction("测试：新规则版本") as s:  # what the county administrator's rule editor stores
        for old in s.scalars(select(RuleSet)):
            old.active = False
        s.add(RuleSet(name="每月谈话", number=2, active=True, data=data))
    talks = [i for i in duties.duty_overview(ws, today=TODAY).instances if i.duty_key == "township_talk"]
    assert (talks[-1].period_label, talks[-1].due, talks[-1].state) == ("2026年11月", date(2026, 11, 10),
                                                                         dd.STATE_OVERDUE)
