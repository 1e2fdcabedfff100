"""§8 approval chains: who signs a request of 3, 4, 5 and 6 days, in which order, and who records it where."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.services.test_attendance_builders import township_user
from tests.services.test_leave_builders import FILED, approve, draft, request, team
from zhucun_desktop.services import leave
from zhucun_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from zhucun_desktop.storage.models import LeaveStep

START = date(2026, 11, 9)


def _chain_for(ws, days: int, member: bool = True) -> tuple[str, ...]:
    t = team(ws)
    cadre = t.members[0] if member else t.first_secretary
    handover = None if member else t.members[0]
    uuid = request(ws, cadre, START, date(2026, 11, 8 + days), handover=handover)
    return leave.request_detail(ws, uuid, today=FILED).chain


def test_leave_of_three_days_needs_village_branch_and_township_then_is_filed_with_county(ws):
    t = team(ws)
    uuid = request(ws, t.first_secretary, START, date(2026, 11, 11), handover=t.members[0])
    detail = leave.request_detail(ws, uuid, today=FILED)
    assert detail.chain == ("村党支部", "乡镇党委")
    assert detail.file_with == "县委组织部" and detail.tier_label == "3天以内"
    assert detail.request.days == 3 and detail.request.state == "审批中（第1步）"
    assert detail.request.next_body == "村党支部"


def test_leave_of_four_days_needs_county_signatures(ws):
    assert _chain_for(ws, 4, member=False) == ("村党支部", "乡镇党委", "县乡村振兴局", "县委组织部")


def test_leave_of_five_days_still_stops_at_the_county_org_dept(ws):
    assert _chain_for(ws, 5, member=False) == ("村党支部", "乡镇党委", "县乡村振兴局", "县委组织部")


def test_leave_of_six_days_needs_deputy_secretary_consent(ws):
    chain = _chain_for(ws, 6, member=False)
    assert chain == ("村党支部", "乡镇党委", "县乡村振兴局", "县委组织部", "县委分管副书记")


def test_team_member_leave_starts_with_the_first_secretary_signature(ws):
    assert _chain_for(ws, 6) == ("驻村第一书记", "村党支部", "乡镇党委", "县乡村振兴局", "县委组织部",
                                 "县委分管副书记")


def test_team_member_request_cannot_pass_without_the_first_secretary(ws):
    t = team(ws)
    uuid = request(ws, t.members[0], START, date(2026, 11, 10))
    with pytest.raises(ValidationFailed) as refused:
        leave.record_step(ws, uuid, body="村党支部", decision="同意", signer="张书记", decided_on=FILED,
                          today=FILED)
    assert "第1步应为“驻村第一书记”签字" in str(refused.value) and "§8" in str(refused.value)
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(LeaveStep)) == 0
    approve(ws, uuid)
    assert leave.request_detail(ws, uuid, today=FILED).request.state == "已批准"


def test_step_out_of_order_is_refused_with_the_step_that_is_due(ws):
    t = team(ws)
    uuid = request(ws, t.first_secretary, START, date(2026, 11, 12), handover=t.members[0])
    leave.record_step(ws, uuid, body="村党支部", decision="同意", signer="张书记", decided_on=FILED, today=FILED)
    with pytest.raises(ValidationFailed) as refused:
        leave.record_step(ws, uuid, body="县委组织部", decision="同意", signer="刘部长", decided_on=FILED,
                          today=FILED)
    assert "第2步应为“乡镇党委”签字，不能先由“县委组织部”签" in str(refused.value)
    with pytest.raises(ValidationFailed) as again:
        leave.record_step(ws, uuid, body="村党支部", decision="同意", signer="张书记", decided_on=FILED,
                          today=FILED)
    assert "已在第1步签过" in str(again.value)
    detail = leave.request_detail(ws, uuid, today=FILED)
    assert [s.body for s in detail.steps] == ["村党支部"] and detail.request.state == "审批中（第2步）"


def test_a_signature_dated_before_the_previous_one_or_in_the_future_is_refused(ws):
    t = team(ws)
    uuid = request(ws, t.first_secretary, START, date(2026, 11, 10), handover=t.members[0])
    leave.record_step(ws, uuid, body="村党支部", decision="同意", signer="张书记", decided_on=date(2026, 11, 4),
                      today=date(2026, 11, 4))
    with pytest.raises(ValidationFailed, match="早于第1步的"):
        leave.record_step(ws, uuid, body="乡镇党委", decision="同意", signer="李书记", decided_on=date(2026, 11, 3),
                          today=date(2026, 11, 4))
    with pytest.raises(ValidationFailed, match="晚于今天"):
        leave.record_step(ws, uuid, body="乡镇党委", decision="同意", signer="李书记", decided_on=date(2026, 11, 6),
                          today=date(2026, 11, 4))


def test_disagreement_ends_the_request_as_refused_and_no_step_follows(ws):
    t = team(ws)
    uuid = request(ws, t.first_secretary, START, date(2026, 11, 13), handover=t.members[0])
    leave.record_step(ws, uuid, body="村党支部", decision="同意", signer="张书记", decided_on=FILED, today=FILED)
    leave.record_step(ws, uuid, body="乡镇党委", decision="不同意", signer="李书记", decided_on=FILED,
                      remark="秋收期间不宜离村", today=FILED)
    assert leave.request_detail(ws, uuid, today=FILED).request.state == "未批准"
    with pytest.raises(ValidationFailed, match="审批已结束（未批准）"):
        leave.record_step(ws, uuid, body="县乡村振兴局", decision="同意", signer="王局长", decided_on=FILED,
                          today=FILED)


def test_a_draft_cannot_be_signed_until_it_is_submitted(ws):
    t = team(ws)
    uuid = leave.create_request(ws, draft(t.members[0], START, date(2026, 11, 10)), submit=False, today=FILED)
    with pytest.raises(ServiceError, match="还是草稿"):
        leave.record_step(ws, uuid, body="驻村第一书记", decision="同意", signer="王建国", decided_on=FILED,
                          today=FILED)
    leave.submit_request(ws, uuid, today=FILED)
    assert leave.request_detail(ws, uuid, today=FILED).request.state == "审批中（第1步）"


def test_county_bodies_are_decided_at_the_county_by_county_users(ws):
    t = team(ws)
    uuid = request(ws, t.first_secretary, START, date(2026, 11, 12), handover=t.members[0])
    clerk = township_user(ws, t.first_secretary.township_uuid)
    leave.record_step(clerk, uuid, body="村党支部", decision="同意", signer="张书记", decided_on=FILED, today=FILED)
    leave.record_step(clerk, uuid, body="乡镇党委", decision="同意", signer="李书记", decided_on=FILED, today=FILED)
    with pytest.raises(PermissionDenied, match="由县委组织部在县里的电脑上登记"):
        leave.record_step(clerk, uuid, body="县乡村振兴局", decision="同意", signer="王局长", decided_on=FILED,
                          today=FILED)
    detail = leave.request_detail(clerk, uuid, today=FILED)
    assert detail.next_body == "县乡村振兴局" and not detail.next_step_here
    leave.record_step(ws, uuid, body="县乡村振兴局", decision="同意", signer="王局长", decided_on=FILED, today=FILED)
    assert leave.request_detail(ws, uuid, today=FILED).request.next_body == "县委组织部"


def test_preview_shows_days_band_chain_and_rule_set_before_submitting(ws):
    t = team(ws)
    preview = leave.preview_chain(ws, draft(t.members[0], START, date(2026, 11, 13)), today=FILED)
    assert (preview.days, preview.tier_label) == (5, "3天至5天")
    assert preview.chain == ("驻村第一书记", "村党支部", "乡镇党委", "县乡村振兴局", "县委组织部")
    assert preview.rule_set_number == 1 and preview.problem is None
    backwards = leave.preview_chain(ws, draft(t.members[0], START, date(2026, 11, 1)), today=FILED)
    assert backwards.chain == () and "结束日期不能早于开始日期" in backwards.problem
