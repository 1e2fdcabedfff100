"""The demo county: made through the services, so it obeys the rules; the same seed gives the same county."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.eligibility import check_posting_eligibility
from zhucun_desktop.domain.idcard import parse_id_number
from zhucun_desktop.services import demo, org, roster
from zhucun_desktop.services.accounts import authenticate, list_users
from zhucun_desktop.services.attendance import month_grid
from zhucun_desktop.services.attendance_months import month_overview, verify_seal
from zhucun_desktop.services.errors import PermissionDenied, ServiceError
from zhucun_desktop.services.maintenance import check_database
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.models import AttendanceDay, AuditEntry, Person, Posting

TODAY = date(2026, 11, 23)
ALL = roster.RosterFilter(status=roster.STATUS_ALL)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo.DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, demo.build_demo(path, seed=2026, today=TODAY)


@pytest.fixture
def admin_ws(built):
    path, _summary = built
    db = open_database(path)
    yield Workspace(db, authenticate(db, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
    db.close()


def content(path: Path) -> dict[str, object]:
    """Everything a user reads in the demo, without uuids (which differ from build to build)."""
    with open_database(path) as db:
        ws = Workspace(db, authenticate(db, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
        entries = sorted(
            (e.name, e.sex, e.birth_date, e.id_number, e.political_status, e.party_join_date, e.work_start_date,
             e.ethnicity, e.education, e.unit_name, e.position, e.staffing, e.phone, e.role, e.is_leader,
             e.township_name, e.village_name, e.start_date, e.term_end_date, e.end_date, e.batch)
            for e in roster.list_roster(ws, ALL))
        villages = sorted((v.township_name, v.name, v.categories) for v in org.list_villages(ws))
        townships = sorted((t.name, t.secretary_name, t.organizer_name) for t in org.list_townships(ws))
        units = sorted((u.name, u.kind, u.contact_person, u.contact_phone) for u in org.list_units(ws))
        users = sorted((u.username, u.display_name, u.role, u.township_name) for u in list_users(ws))
        attendance: dict[str, list[tuple[date, str | None, str]]] = defaultdict(list)
        with ws.read() as s:
            for number, day, code, source in s.execute(
                    select(Person.id_number, AttendanceDay.day, AttendanceDay.code, AttendanceDay.source)
                    .join(Person, Person.uuid == AttendanceDay.person_uuid).order_by(AttendanceDay.day)):
                attendance[number].append((day, code, source))
        months = sorted((m.township, m.month, m.state) for m in month_overview(ws, TODAY.year, today=TODAY))
    return {"roster": entries, "villages": villages, "townships": townships, "units": units, "users": users,
            "attendance": attendance, "months": months}


def test_same_seed_gives_the_same_county_and_another_seed_another(built, tmp_path):
    path, _summary = built
    again = tmp_path / "again.db"
    demo.build_demo(again, seed=2026, today=TODAY)
    first = content(path)
    second = content(again)
    # Day by day, including the days the leave part filled and the 旷 days of overdue leave.
    assert len(first["attendance"]) > 150 and any(
        source == "leave" for days in first["attendance"].values() for _d, _c, source in days)
    assert second == first
    other = tmp_path / "other.db"
    demo.build_demo(other, seed=7, today=TODAY)
    different = content(other)
    assert different["roster"] != first["roster"] and different["villages"] != first["villages"]
    assert different["attendance"] != first["attendance"]
    assert different["townships"] != first["townships"]  # the same townships, other secretaries


def test_the_county_has_the_size_the_brief_asks_for(built):
    _path, summary = built
    c = summary.counts
    assert summary.county == "云岭县" and c["townships"] == 6
    assert 36 <= c["villages"] <= 48 and 20 <= c["dispatch_units"] <= 30
    assert 170 <= c["persons"] <= 240 and c["postings"] > c["persons"]
    assert c["users"] == 2 + 2 * 6 and c["audit_log"] > c["persons"] + c["postings"]
    assert summary.in_post[terms.ROLE_FIRST_SECRETARY] == c["villages"]
    assert summary.seconds < 30
    assert any("dongfeng_clerk / demo123" in line for line in summary.lines())


def test_every_village_has_categories_and_in_post_one_first_secretary_and_two_to_four_members(admin_ws):
    villages = org.list_villages(admin_ws)
    assert all(1 <= len(v.categories) <= 2 and set(v.categories) <= set(terms.VILLAGE_CATEGORIES)
               for v in villages)
    per_township = Counter(v.township_name for v in villages)
    assert set(per_township) == {name for name, _slug in demo.TOWNSHIPS}
    assert all(6 <= n <= 8 for n in per_township.values())
    in_post = roster.list_roster(admin_ws, roster.RosterFilter(on_date=TODAY))
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for e in in_post:
        roles[e.village_uuid][e.role] += 1
    assert set(roles) == {v.uuid for v in villages}
    for village_roles in roles.values():
        assert village_roles[terms.ROLE_FIRST_SECRETARY] == 1
        assert 2 <= village_roles[terms.ROLE_TEAM_MEMBER] <= 4


def test_every_first_secretary_meets_section_4_on_the_first_day(admin_ws):
    entries = roster.list_roster(admin_ws, ALL)
    secretaries = [e for e in entries if e.role == terms.ROLE_FIRST_SECRETARY]
    assert len(secretaries) > 40
    for e in secretaries:
        findings = check_posting_eligibility(role=e.role, staffing=e.staffing, political_status=e.political_status,
                                             party_join_date=e.party_join_date, work_start_date=e.work_start_date,
                                             on_date=e.start_date)
        assert findings == [], (e.name, [f.text for f in findings])
        assert e.is_leader and e.political_status == terms.PARTY_MEMBER
    members = [e for e in entries if e.role == terms.ROLE_TEAM_MEMBER]
    politics = Counter(e.political_status for e in members)
    assert politics[terms.PARTY_MEMBER] > len(members) / 2 and politics[terms.NON_PARTY] > 0
    assert all(e.staffing == terms.STAFFING_IN_POST for e in entries)


def test_id_numbers_are_valid_unique_and_agree_with_sex_and_birth(admin_ws):
    entries = roster.list_roster(admin_ws, ALL)
    persons = {e.person_uuid: e for e in entries}
    assert len({e.id_number for e in persons.values()}) == len(persons)
    assert len({e.name for e in persons.values()}) == len(persons)
    assert len({e.phone for e in persons.values()}) == len(persons)
    for e in persons.values():
        info = parse_id_number(e.id_number, today=TODAY)
        assert info.sex == e.sex and info.birth_date == e.birth_date
        assert "530100" <= info.region_code <= "532999"
        assert len(e.phone) == 11 and e.phone.isdigit() and e.phone[0] == "1"
        assert e.education in terms.EDUCATION_LEVELS and e.ethnicity and e.position and e.unit_name
    assert Counter(e.sex for e in persons.values())["女"] > 10


def test_a_township_clerk_sees_only_their_township(built, admin_ws):
    path, _summary = built
    everyone = roster.list_roster(admin_ws, ALL)
    dongfeng = {e.posting_uuid for e in everyone if e.township_name == "东风镇"}
    assert dongfeng and len(dongfeng) < len(everyone)
    clerk = Workspace(admin_ws.db, authenticate(admin_ws.db, "dongfeng_clerk", demo.TOWNSHIP_PASSWORD))
    seen = roster.list_roster(clerk, ALL)
    assert {e.posting_uuid for e in seen} == dongfeng
    assert {t.name for t in org.list_townships(clerk)} == {"东风镇"}
    assert path.exists()


def test_every_demo_account_signs_in_with_its_role_and_the_viewer_cannot_write(admin_ws):
    townships = {t.name: t.uuid for t in org.list_townships(admin_ws)}
    for account in demo.demo_accounts():
        actor = authenticate(admin_ws.db, account.username, account.password)
        assert actor.role == account.role
        assert actor.township_uuid == (townships[account.township] if account.township else None)
    assert [a[0] for a in demo.DEMO_ACCOUNTS][:2] == ["admin", "viewer"]
    viewer = Workspace(admin_ws.db, authenticate(admin_ws.db, "viewer", "viewer123"))
    with pytest.raises(PermissionDenied):
        org.save_unit(viewer, "县审计局", kind="县直机关")


def test_posting_history_tells_the_rotations_of_sections_4_to_6(admin_ws):
    entries = roster.list_roster(admin_ws, ALL)
    assert Counter(e.batch for e in entries).keys() == {demo.BATCH_1, demo.BATCH_2, demo.BATCH_3}
    by_person: dict[str, list[roster.RosterEntry]] = defaultdict(list)
    for e in entries:
        by_person[e.person_uuid].append(e)
    stayed = [uuid for uuid, posts in by_person.items() if len(posts) > 1]
    assert stayed, "no one stayed on for a second batch (连任)"
    history = roster.posting_history(admin_ws, stayed[0])
    assert [p.batch for p in history] == [demo.BATCH_2, demo.BATCH_1]
    assert history[1].end_date == history[0].start_date - timedelta(days=1)
    assert history[1].end_reason == "任职期满"
    # §6: a replaced cadre stays 15 days beside the successor who arrived in the same village.
    first = [e for e in entries if e.batch == demo.BATCH_1 and e.role == terms.ROLE_FIRST_SECRETARY
             and len(by_person[e.person_uuid]) == 1]
    assert first and all(e.end_date is not None and e.end_date.year == 2023 for e in first)
    for e in first:
        successor = next(s for s in entries if s.village_uuid == e.village_uuid and s.batch == demo.BATCH_2
                         and s.role == terms.ROLE_FIRST_SECRETARY)
        assert e.end_date - successor.start_date == timedelta(days=14)
    # §5: the 第三批 successors replace 第二批 cadres who left early for one of the §5 reasons.
    third = [e for e in entries if e.batch == demo.BATCH_3]
    assert 5 <= len(third) <= 8 and all(e.start_date.year == 2025 for e in third)
    reasons = set()
    for e in third:
        gone = [p for p in entries if p.village_uuid == e.village_uuid and p.role == e.role
                and p.batch == demo.BATCH_2 and p.end_date == e.start_date + timedelta(days=14)]
        assert gone, e.name
        reasons.update(h.end_reason for g in gone for h in roster.posting_history(admin_ws, g.person_uuid)
                       if h.uuid == g.posting_uuid)
    assert reasons and reasons <= set(terms.ADJUSTMENT_REASONS) - {"任职期满"}


def test_everything_went_through_the_services_with_an_audit_row(admin_ws):
    with admin_ws.read() as s:
        persons = s.scalar(select(func.count()).select_from(Person))
        postings = s.scalar(select(func.count()).select_from(Posting))
        audited_persons = s.scalar(select(func.count(func.distinct(AuditEntry.record_uuid)))
                                   .where(AuditEntry.table_name == "persons"))
        audited_postings = s.scalar(select(func.count()).select_from(AuditEntry)
                                    .where(AuditEntry.table_name == "postings", AuditEntry.action == "新增驻村"))
        actions = set(s.execute(select(AuditEntry.actor, AuditEntry.action).distinct()))
    assert audited_persons == persons and audited_postings == postings
    # Only the first-run set-up runs as the system; the county's records as the signed-in administrator; the
    # attendance as each township's own accounts: the clerk registers, submits and files, the leader seals (§7).
    assert {action for actor, action in actions if actor == "system"} == {"初始化站点"}
    assert {action for actor, action in actions if actor == demo.ADMIN_USERNAME} >= {
        "保存乡镇", "保存村", "保存派出单位", "保存人员", "新增驻村", "登记离岗", "新建账号"}
    for _name, slug in demo.TOWNSHIPS:
        assert {action for actor, action in actions if actor == f"{slug}_clerk"} == {"考勤登记", "考勤提交审核",
                                                                                   "考勤报送"}
        assert {action for actor, action in actions if actor == f"{slug}_leader"} == {"考勤封存"}
    assert check_database(admin_ws.db).integrity == "ok"


def test_a_database_with_data_is_refused_and_left_alone(db_path):
    with open_database(db_path) as db:
        before = check_database(db).counts
    with pytest.raises(ServiceError, match="已经有数据"):
        demo.build_demo(db_path, seed=1)
    with open_database(db_path) as db:
        assert check_database(db).counts == before



# ---------------------------------------------------------------- attendance (§7) ------------------------------


def test_three_months_are_registered_in_full_and_the_current_one_up_to_yesterday(admin_ws, built):
    _path, summary = built
    assert summary.attendance_months == ("2026-08", "2026-09", "2026-10", "2026-11")
    assert any(line.startswith("考勤登记 ") and "2026年8月" in line for line in summary.lines())
    for township in org.list_townships(admin_ws):
        for month in (8, 9, 10):
            grid = month_grid(admin_ws, township.uuid, 2026, month)
            assert grid.rows and all(code for r in grid.rows for code, ok in zip(r.codes, r.editable) if ok)
        grid = month_grid(admin_ws, township.uuid, 2026, 11)
        for r in grid.rows:
            assert all(code for d, code, ok in zip(grid.days, r.codes, r.editable, strict=True) if ok and d < TODAY)
    with admin_ws.read() as s:  # from today on only what the leave part wrote (approved leave, 旷 through today)
        later = s.scalars(select(AttendanceDay.source).where(AttendanceDay.day >= TODAY)).all()
    assert "manual" not in later


def test_the_codes_look_like_a_real_month_mostly_present_with_some_leave_and_a_rare_absence(admin_ws):
    with admin_ws.read() as s:
        codes = Counter(dict(s.execute(select(AttendanceDay.code, func.count()).group_by(AttendanceDay.code)).all()))
        weekend_rest = s.scalar(select(func.count()).select_from(AttendanceDay)
                                .where(AttendanceDay.code == "休", AttendanceDay.day == date(2026, 10, 1)))
    total = sum(codes.values())
    assert codes["√"] > 0.65 * total
    assert codes["休"] > 0.15 * total and weekend_rest > 50  # 国庆节: most are off
    assert codes["公"] > codes["事"] > 20 and codes["病"] > 20 and codes["年"] > 5
    assert 1 <= codes["旷"] <= 0.002 * total  # §8: absence without leave is rare, and circulated


def test_older_months_are_filed_and_one_township_is_late_with_october(admin_ws):
    states = {(m.township, m.month): m for m in month_overview(admin_ws, 2026, today=TODAY)}
    names = [name for name, _slug in demo.TOWNSHIPS]
    assert all(states[(n, m)].state == "已报送" for n in names for m in ("2026-08", "2026-09"))
    # On 23 November October's due date (6 November) has passed: all filed but the late township.
    assert {n: states[(n, "2026-10")].state for n in names} == {n: "未完成" if n == "东风镇" else "已报送"
                                                              for n in names}
    # The months the 首页 shows; the demo's history of attendance starts in August.
    overdue = [(m.township, m.month) for m in states.values() if m.overdue and m.month >= "2026-08"]
    assert overdue == [("东风镇", "2026-10")]
    assert all(states[(n, "2026-11")].state == "未完成" for n in names)
    township = {t.name: t.uuid for t in org.list_townships(admin_ws)}
    assert verify_seal(admin_ws, township["清水乡"], 2026, 10)  # the signed table still matches its data


def test_before_the_due_date_the_townships_are_at_different_steps(tmp_path):
    early = date(2026, 11, 4)  # October's table is due on 6 November
    path = tmp_path / "early.db"
    demo.build_demo(path, seed=2026, today=early)
    with open_database(path) as db:
        ws = Workspace(db, authenticate(db, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
        states = {(m.township, m.month): m for m in month_overview(ws, 2026, today=early)}
    october = {n: states[(n, "2026-10")].state for n, _slug in demo.TOWNSHIPS}
    assert october.pop("东风镇") == "未完成"
    assert set(october.values()) == {"已封存", "待审核", "已报送"}
    # The late township has not filed September either, due on 13 October: the one overdue table.
    assert [(m.township, m.month) for m in states.values() if m.overdue and m.month >= "2026-08"] == [
        ("东风镇", "2026-09")]
    assert states[("东风镇", "2026-08")].state == "已报送"
