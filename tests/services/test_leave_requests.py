"""§8 bad input of a request, and at least two of the team in the village: each a clear message, nothing saved."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.services.test_attendance_builders import post, township_user
from tests.services.test_leave_builders import FILED, approve, draft, request, team
from zhucun_desktop.domain import terms
from zhucun_desktop.services import leave
from zhucun_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from zhucun_desktop.services.leave_print import leave_form
from zhucun_desktop.storage.models import AuditEntry, LeaveRequest

START = date(2026, 11, 9)


def _counts(ws) -> tuple[int, int]:
    with ws.read() as s:
        return (s.scalar(select(func.count()).select_from(LeaveRequest)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def _refused(ws, d: leave.LeaveDraft) -> str:
    before = _counts(ws)
    with pytest.raises(ValidationFailed) as refused:
        leave.create_request(ws, d, today=FILED)
    assert _counts(ws) == before  # nothing half-saved, not even an audit row
    return str(refused.value)


def test_overlapping_requests_of_one_person_are_refused(ws):
    t = team(ws, 4)
    request(ws, t.members[0], START, date(2026, 11, 11))
    message = _refused(ws, draft(t.members[0], date(2026, 11, 11), date(2026, 11, 12)))
    assert "与本人已有的请假重叠" in message and "重叠11月11日" in message


def test_a_withdrawn_request_no_longer_blocks_its_dates(ws):
    t = team(ws, 4)
    first = request(ws, t.members[0], START, date(2026, 11, 11))
    leave.withdraw_request(ws, first, "行程取消", today=FILED)
    second = request(ws, t.members[0], START, date(2026, 11, 12))
    assert leave.request_detail(ws, first, today=FILED).request.state == "已撤回"
    assert leave.request_detail(ws, second, today=FILED).request.state == "审批中（第1步）"


def test_leave_before_the_posting_starts_or_after_it_ends_is_refused(ws):
    arrives = post(ws, "王建国", 123, start=date(2026, 11, 10), role=terms.ROLE_TEAM_MEMBER)
    message = _refused(ws, draft(arrives, START, date(2026, 11, 11)))
    assert "早于驻村开始日期2026年11月10日" in message
    leaves = post(ws, "李强", 125, start=date(2025, 5, 1), end=date(2026, 11, 10))
    message = _refused(ws, draft(leaves, START, date(2026, 11, 12)))
    assert "晚于驻村结束日期2026年11月10日" in message


def test_an_end_before_the_start_is_refused(ws):
    t = team(ws)
    assert "结束日期不能早于开始日期" in _refused(ws, draft(t.members[0], START, date(2026, 11, 8)))


def test_first_secretary_must_name_a_handover_person_of_the_same_village(ws):
    t = team(ws)
    other = team(ws, 1, village="小河村")
    assert "驻村第一书记请假须明确工作交接人（§8）" in _refused(ws, draft(t.first_secretary, START, START))
    message = _refused(ws, draft(t.first_secretary, START, START, handover=other.members[0]))
    assert "工作交接人：工作交接人须是驻在本村的人员" in message
    uuid = leave.create_request(ws, draft(t.first_secretary, START, START, handover=t.members[1]), today=FILED)
    assert leave.request_detail(ws, uuid, today=FILED).handover_name == t.members[1].name
    assert [n for _u, n in leave.handover_candidates(ws, t.first_secretary.person_uuid, START)] == \
        sorted(m.name for m in t.members)


def test_destination_and_reason_are_needed_to_submit_but_not_for_a_draft(ws):
    t = team(ws)
    bare = leave.LeaveDraft(t.members[0].person_uuid, "病假", START, START)
    message = _refused(ws, bare)
    assert "外出地点：请填写离开本县去往的地点" in message and "请假事由：请填写请假事由" in message
    uuid = leave.create_request(ws, bare, submit=False, today=FILED)
    assert leave.request_detail(ws, uuid, today=FILED).request.state == "草稿"
    with pytest.raises(ValidationFailed, match="外出地点"):
        leave.submit_request(ws, uuid, today=FILED)
    leave.update_request(ws, uuid, draft(t.members[0], START, START, "病假"), today=FILED)
    leave.submit_request(ws, uuid, today=FILED)
    with pytest.raises(ServiceError, match="只有草稿可以修改"):
        leave.update_request(ws, uuid, draft(t.members[0], START, date(2026, 11, 10)), today=FILED)


def test_an_unknown_kind_is_refused_naming_the_six_kinds(ws):
    t = team(ws)
    assert "未知的请假类别“调休”" in _refused(ws, draft(t.members[0], START, START, "调休"))


def test_the_third_person_of_a_three_person_team_cannot_leave_while_two_are_away(ws):
    t = team(ws, 2)  # first secretary and two team members
    a, b = t.members
    approve(ws, request(ws, a, START, date(2026, 11, 11)))
    message = _refused(ws, draft(b, date(2026, 11, 10), date(2026, 11, 10)))
    assert "在村人数" in message and "同一工作队须至少2人在村（§8）" in message
    assert a.name in message and "已批准" in message


def test_two_away_of_a_larger_team_leave_too_few_and_the_message_names_them_and_their_dates(ws):
    t = team(ws, 3)  # four people: two away leave the first secretary alone
    m1, m2, m3 = t.members
    approve(ws, request(ws, m1, START, date(2026, 11, 12)))
    request(ws, m2, date(2026, 11, 10), date(2026, 11, 11))  # pending counts too
    findings = leave.check_request(ws, draft(m3, date(2026, 11, 11), date(2026, 11, 13)), today=FILED)
    assert len(findings) == 1
    text = findings[0].text
    assert text.startswith("在村人数：11月11日村里只剩1人")
    assert f"{m1.name}（请假11月9日至11月12日，已批准）" in text and f"{m2.name}（请假11月10日至11月11日，审批中）" in text
    assert leave.check_request(ws, draft(m3, date(2026, 11, 12), date(2026, 11, 13)), today=FILED) == []


def test_a_township_user_cannot_file_leave_for_another_township(ws):
    here = team(ws, 2)
    there = team(ws, 2, township="西山乡", village="石桥村")
    clerk = township_user(ws, here.first_secretary.township_uuid)
    with pytest.raises(PermissionDenied):
        leave.create_request(clerk, draft(there.members[0], START, START), today=FILED)
    people = leave.requestable_people(clerk, None, START)
    assert {p[0] for p in people} == {c.person_uuid for c in here.everyone}
    assert people[0][2] == terms.ROLE_FIRST_SECRETARY


def test_withdrawal_needs_a_reason_and_is_refused_once_the_leave_has_begun(ws):
    t = team(ws)
    uuid = request(ws, t.members[0], START, date(2026, 11, 11))
    approve(ws, uuid)
    with pytest.raises(ValidationFailed, match="撤回原因"):
        leave.withdraw_request(ws, uuid, "", today=FILED)
    with pytest.raises(ServiceError, match="请假已开始，请登记销假"):
        leave.withdraw_request(ws, uuid, "不去了", today=date(2026, 11, 10))
    leave.withdraw_request(ws, uuid, "不去了", today=date(2026, 11, 8))
    with ws.read() as s:
        assert s.get(LeaveRequest, uuid).state == "已撤回"
        assert (s.get(LeaveRequest, uuid).withdrawn_on, s.get(LeaveRequest, uuid).withdraw_reason) == (
            date(2026, 11, 8), "不去了")  # on the request itself, so they travel to the county
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.record_uuid == uuid)
                         .order_by(AuditEntry.id.desc())).first() == "撤回请假：不去了"


def test_the_withdrawal_day_and_reason_are_shown_with_the_request(ws):
    t = team(ws)
    uuid = request(ws, t.members[0], START, date(2026, 11, 11))
    leave.withdraw_request(ws, uuid, "  行程取消改派他人参会 ", today=FILED)
    detail = leave.request_detail(ws, uuid, today=FILED)
    assert detail.request.state == "已撤回"
    assert (detail.withdrawn_on, detail.withdraw_reason) == (FILED, "行程取消改派他人参会")
    form = leave_form(ws, uuid, today=FILED)
    assert (form.state, form.withdrawn_on, form.withdraw_reason) == ("已撤回", FILED, "行程取消改派他人参会")
