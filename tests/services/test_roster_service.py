"""The roster services enforce §4 on every save and write an audit row for every change."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.services.helpers import id_number, person_values, place
from zhucun_desktop.domain import terms
from zhucun_desktop.services import accounts, roster
from zhucun_desktop.services.errors import PermissionDenied, ValidationFailed
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.models import AuditEntry, Person, Posting


def _first_secretary(ws, **kw):
    t, v = place(ws)
    pid = roster.save_person(ws, person_values(ws, **kw)).uuid
    roster.add_posting(ws, pid, village_uuid=v, role=terms.ROLE_FIRST_SECRETARY, start_date=date(2025, 5, 1))
    return pid, t, v


def test_birth_date_and_sex_are_derived_from_the_id_number(ws):
    pid = roster.save_person(ws, person_values(ws, birth=date(1990, 2, 28), serial=124)).uuid
    values = roster.person_values(ws, pid)
    assert values["birth_date"] == date(1990, 2, 28)
    assert values["sex"] == "女"


def test_a_sex_that_contradicts_the_id_number_is_refused(ws):
    values = person_values(ws, serial=123) | {"sex": "女"}
    with pytest.raises(ValidationFailed) as err:
        roster.save_person(ws, values)
    assert "性别" in str(err.value)


def test_duplicate_id_number_names_the_existing_person(ws):
    roster.save_person(ws, person_values(ws, "王建国"))
    with pytest.raises(ValidationFailed) as err:
        roster.save_person(ws, person_values(ws, "王建军"))
    assert "身份证号：与已有人员“王建国”重复" in str(err.value)


def test_first_secretary_who_is_not_a_party_member_cannot_be_posted(ws):
    _, v = place(ws)
    pid = roster.save_person(ws, person_values(ws, political="群众", party=None)).uuid
    with pytest.raises(ValidationFailed) as err:
        roster.add_posting(ws, pid, village_uuid=v, role=terms.ROLE_FIRST_SECRETARY, start_date=date(2025, 5, 1))
    assert "§4" in str(err.value) or "党员" in str(err.value)
    assert roster.posting_history(ws, pid) == []


def test_borrowed_staff_cannot_be_posted_in_any_role(ws):
    _, v = place(ws)
    pid = roster.save_person(ws, person_values(ws, staffing=terms.STAFFING_BORROWED)).uuid
    with pytest.raises(ValidationFailed) as err:
        roster.add_posting(ws, pid, village_uuid=v, role=terms.ROLE_TEAM_MEMBER, start_date=date(2025, 5, 1))
    assert "编制性质" in str(err.value)


def test_team_member_who_is_not_a_party_member_is_a_warning_to_accept(ws):
    _, v = place(ws)
    pid = roster.save_person(ws, person_values(ws, political="群众", party=None)).uuid
    with pytest.raises(ValidationFailed):
        roster.add_posting(ws, pid, village_uuid=v, role=terms.ROLE_TEAM_MEMBER, start_date=date(2025, 5, 1))
    result = roster.add_posting(ws, pid, village_uuid=v, role=terms.ROLE_TEAM_MEMBER,
                                start_date=date(2025, 5, 1), accept_warnings=True)
    assert result.warnings and all(w.level == "warning" for w in result.warnings)
    assert len(roster.posting_history(ws, pid)) == 1


def test_default_term_end_is_two_years_after_the_start(ws):
    pid, _, _ = _first_secretary(ws)
    (post,) = roster.posting_history(ws, pid)
    assert post.term_end_date == date(2027, 5, 1)
    assert post.is_leader


def test_one_village_at_a_time(ws):
    pid, _t, _ = _first_secretary(ws)
    _, other = place(ws, "东风镇", "小河村")
    with pytest.raises(ValidationFailed) as err:
        roster.add_posting(ws, pid, village_uuid=other, role=terms.ROLE_FIRST_SECRETARY,
                           start_date=date(2026, 1, 1))
    assert "一人同一时间只能驻一个村" in str(err.value) and "大坪村" in str(err.value)
    (post,) = roster.posting_history(ws, pid)
    roster.end_posting(ws, post.uuid, date(2025, 12, 31), "家庭原因")
    roster.add_posting(ws, pid, village_uuid=other, role=terms.ROLE_FIRST_SECRETARY, start_date=date(2026, 1, 1))
    history = roster.posting_history(ws, pid)
    assert [h.village_name for h in history] == ["小河村", "大坪村"]


def test_roster_filters_by_status_role_and_text(ws):
    _pid, _, v = _first_secretary(ws)
    other = roster.save_person(ws, person_values(ws, "赵小梅", serial=124)).uuid
    roster.add_posting(ws, other, village_uuid=v, role=terms.ROLE_TEAM_MEMBER, start_date=date(2025, 5, 1))
    on = date(2026, 1, 1)
    names = {e.name for e in roster.list_roster(ws, roster.RosterFilter(on_date=on))}
    assert names == {"王建国", "赵小梅"}
    fs = roster.list_roster(ws, roster.RosterFilter(role=terms.ROLE_FIRST_SECRETARY, on_date=on))
    assert [e.name for e in fs] == ["王建国"]
    assert [e.name for e in roster.list_roster(ws, roster.RosterFilter(text="小梅", on_date=on))] == ["赵小梅"]
    assert roster.list_roster(ws, roster.RosterFilter(status=roster.STATUS_LEFT, on_date=on)) == []


def test_every_change_is_audited_with_before_and_after(ws):
    pid = roster.save_person(ws, person_values(ws)).uuid
    roster.save_person(ws, person_values(ws) | {"phone": "13800000000"}, uuid=pid)
    with ws.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.record_uuid == pid).order_by(AuditEntry.id)).all()
        version = s.get(Person, pid).version
    assert [r.action for r in rows] == ["保存人员", "保存人员"]
    assert rows[0].before is None and rows[0].after["name"] == "王建国"
    assert rows[1].before == {"phone": "13987654321"} and rows[1].after == {"phone": "13800000000"}
    assert rows[1].actor == "admin"
    assert version == 2


def test_a_refused_change_leaves_no_trace(ws):
    values = person_values(ws) | {"id_number": "530102198503121234"}
    with ws.read() as s:
        before = s.query(AuditEntry).count()
    with pytest.raises(ValidationFailed):
        roster.save_person(ws, values)
    with ws.read() as s:
        assert s.query(AuditEntry).count() == before
        assert s.query(Person).count() == 0


def test_township_user_sees_only_its_township(ws, db):
    pid, _t, v = _first_secretary(ws)
    t2, v2 = place(ws, "清水乡", "团结村")
    other = roster.save_person(ws, person_values(ws, "刘芳", serial=224)).uuid
    roster.add_posting(ws, other, village_uuid=v2, role=terms.ROLE_FIRST_SECRETARY, start_date=date(2025, 5, 1))
    accounts.create_user(ws, username="qs", display_name="清水乡录入员", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                         password="secret-1", township_uuid=t2)
    clerk = Workspace(db, accounts.authenticate(db, "qs", "secret-1"))
    assert [e.name for e in roster.list_roster(clerk, roster.RosterFilter(on_date=date(2026, 1, 1)))] == ["刘芳"]
    with pytest.raises(PermissionDenied):
        roster.add_posting(clerk, pid, village_uuid=v, role=terms.ROLE_TEAM_MEMBER, start_date=date(2026, 1, 1))


def test_a_viewer_cannot_change_anything(ws, db):
    accounts.create_user(ws, username="look", display_name="查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="secret-1")
    viewer = Workspace(db, accounts.authenticate(db, "look", "secret-1"))
    with pytest.raises(PermissionDenied):
        roster.save_person(viewer, person_values(ws))


def test_deleting_a_person_leaves_a_tombstone(ws):
    pid, _, _ = _first_secretary(ws)
    roster.delete_person(ws, pid)
    with ws.read() as s:
        assert s.get(Person, pid).deleted
        assert all(p.deleted for p in s.scalars(select(Posting).where(Posting.person_uuid == pid)))
    assert roster.list_roster(ws, roster.RosterFilter(status=roster.STATUS_ALL)) == []


def test_id_helper_makes_valid_numbers():
    assert id_number(date(1949, 12, 31), 2, "110105") == "11010519491231002X"
