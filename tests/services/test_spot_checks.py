"""抽查 (§7) cross-checked with that day's attendance (§7) and leave (§8); a contradiction proposes a ledger
row (§13) created with one click and linked both ways."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from tests.services.supervision_support import add_leave, ledger_count
from tests.services.test_attendance_builders import fill_all, post, township_user
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.services import ledger, spot_checks
from zhucun_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from zhucun_desktop.services.spot_checks import CheckedCadre
from zhucun_desktop.storage.models import SpotCheck, SpotCheckResult

CHECKED_AT = datetime(2026, 10, 14, 10, 30)
TODAY = date(2026, 11, 23)


@pytest.fixture
def team(ws):
    return post(ws, "王建国", 123), post(ws, "李强", 125), post(ws, "陈芳", 124)


def check(ws, results, township_uuid=None, method="实地检查"):
    return spot_checks.record_spot_check(ws, checked_at=CHECKED_AT, method=method, checkers="周明、杨帆",
                                         results=results, township_uuid=township_uuid)


def test_absent_cadre_without_leave_leads_to_a_ledger_row_that_is_rectified_verified_and_closed(ws, team):
    wang, li, _chen = team
    uuid = check(ws, [CheckedCadre(wang.person_uuid, sv.RESULT_ABSENT, "住处无人"),
                      CheckedCadre(li.person_uuid, sv.RESULT_PRESENT)], wang.township_uuid)
    [proposal] = spot_checks.cross_check(ws, uuid)
    assert (proposal.person_name, proposal.day, proposal.why) == ("王建国", date(2026, 10, 14), "不在岗且无已批准的请假")
    assert proposal.draft.deadline == date(2026, 10, 29) and proposal.draft.source == "县委组织部抽查（实地检查）"
    row_uuid = spot_checks.create_ledger_from_proposal(ws, uuid, wang.person_uuid)
    view = spot_checks.spot_check(ws, uuid)
    assert {r.person_name: r.ledger_uuid for r in view.results} == {"王建国": row_uuid, "李强": None}
    row = ledger.ledger_row(ws, row_uuid, today=TODAY)
    assert row.spot_check_uuids == (uuid,) and row.subject_name == "王建国" and row.township_uuid == wang.township_uuid
    assert "2026年10月14日10:30县委组织部实地检查抽查，王建国不在岗" in row.description
    ledger.record_progress(ws, row_uuid, "本人作出书面说明，按旷工处理", on=date(2026, 10, 16))
    ledger.submit_rectified(ws, row_uuid, completed_on=date(2026, 10, 20), today=TODAY)
    ledger.verify_ledger_row(ws, row_uuid, result=sv.RESULT_PASSED, verified_on=date(2026, 10, 22), verifier="周明")
    closed = ledger.list_ledger(ws, state=sv.STATE_CLOSED, today=TODAY)
    assert [r.uuid for r in closed] == [row_uuid]
    assert spot_checks.cross_check(ws, uuid)[0].ledger_uuid == row_uuid
    with pytest.raises(ServiceError, match="已经列入台账，不能重复登记"):
        spot_checks.create_ledger_from_proposal(ws, uuid, wang.person_uuid)


def test_attendance_tick_on_a_day_found_absent_is_proposed_even_when_leave_was_approved(ws, team):
    wang, li, _chen = team
    fill_all(ws, wang, 2026, 10)
    fill_all(ws, li, 2026, 10)
    add_leave(ws, wang, date(2026, 10, 13), date(2026, 10, 15), "已批准")
    uuid = check(ws, [CheckedCadre(wang.person_uuid, sv.RESULT_ABSENT),
                      CheckedCadre(li.person_uuid, sv.RESULT_ABSENT)])
    reasons = {p.person_name: p.reasons for p in spot_checks.cross_check(ws, uuid)}
    assert reasons == {"王建国": ("考勤登记为√但抽查不在岗",),
                       "李强": ("不在岗且无已批准的请假", "考勤登记为√但抽查不在岗")}


def test_only_approved_leave_covering_the_day_excuses_an_absence(ws, team):
    wang, li, chen = team
    add_leave(ws, wang, date(2026, 10, 12), date(2026, 10, 16), "请假中")
    add_leave(ws, li, date(2026, 10, 12), date(2026, 10, 16), "审批中（第2步）")
    add_leave(ws, chen, date(2026, 10, 10), date(2026, 10, 13), "已批准")
    uuid = check(ws, [CheckedCadre(c.person_uuid, sv.RESULT_ABSENT) for c in team])
    assert [p.person_name for p in spot_checks.cross_check(ws, uuid)] == ["李强", "陈芳"]


def test_cadres_found_in_post_with_no_contradiction_propose_nothing(ws, team):
    uuid = check(ws, [CheckedCadre(c.person_uuid, sv.RESULT_PRESENT) for c in team], method="微信视频")
    assert spot_checks.cross_check(ws, uuid) == []
    with pytest.raises(ServiceError, match="不需要列入台账"):
        spot_checks.create_ledger_from_proposal(ws, uuid, team[0].person_uuid)
    assert ledger_count(ws) == 0


def test_a_cadre_not_in_post_on_the_day_is_refused_and_the_whole_check_is_not_written(ws, team):
    gone = post(ws, "赵六", 127, start=date(2025, 5, 1), end=date(2026, 9, 30))
    with pytest.raises(ServiceError, match="第2名抽查对象：赵六在2026年10月14日不在驻村岗位上"):
        check(ws, [CheckedCadre(team[0].person_uuid, sv.RESULT_PRESENT),
                   CheckedCadre(gone.person_uuid, sv.RESULT_ABSENT)])
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(SpotCheck)) == 0
        assert s.scalar(select(func.count()).select_from(SpotCheckResult)) == 0


def test_bad_method_result_and_empty_checkers_are_named(ws, team):
    with pytest.raises(ValidationFailed) as err:
        spot_checks.record_spot_check(ws, checked_at=CHECKED_AT, method="暗访", checkers=" ",
                                      results=[CheckedCadre(team[0].person_uuid, "外出")])
    assert {f.field for f in err.value.findings} == {"抽查方式", "检查人员", "第1名抽查结果"}


def test_spot_checks_are_the_county_s_and_a_township_sees_only_its_own_cadres_results(ws, team):
    wang = team[0]
    other = post(ws, "赵六", 127, township="西山乡", village="石桥村")
    uuid = check(ws, [CheckedCadre(wang.person_uuid, sv.RESULT_ABSENT),
                      CheckedCadre(other.person_uuid, sv.RESULT_UNREACHABLE)])
    clerk = township_user(ws, wang.township_uuid)
    with pytest.raises(PermissionDenied, match="抽查由县委组织部"):
        check(clerk, [CheckedCadre(wang.person_uuid, sv.RESULT_PRESENT)])
    [seen] = spot_checks.list_spot_checks(clerk)
    assert [r.person_name for r in seen.results] == ["王建国"]
    assert [p.why for p in spot_checks.cross_check(ws, uuid)] == ["不在岗且无已批准的请假",
                                                                    "联系不上且无已批准的请假"]
    assert [p.person_name for p in spot_checks.cross_check(clerk, uuid)] == ["王建国"]
