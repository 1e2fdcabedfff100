"""§8 and §7 together: the state of a request over time, 销假 and 逾期未销假, and what leave writes into the
monthly attendance table (and what it never overwrites)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.services.test_attendance_builders import codes_of
from tests.services.test_leave_builders import FILED, approve, draft, request, team
from zhucun_desktop.services import leave
from zhucun_desktop.services.attendance import CellChange, set_cells
from zhucun_desktop.services.attendance_months import reopen_month, seal_month
from zhucun_desktop.services.errors import ServiceError, ValidationFailed
from zhucun_desktop.storage.models import AttendanceDay, AuditEntry

START, END = date(2026, 11, 9), date(2026, 11, 11)  # Monday to Wednesday; 销假 due Thursday 12th


def _state(ws, uuid: str, today: date) -> str:
    return leave.request_detail(ws, uuid, today=today).request.state


def test_a_request_passes_through_its_states_day_by_day(ws):
    t = team(ws)
    member = t.members[0]
    uuid = leave.create_request(ws, draft(member, START, END), submit=False, today=FILED)
    assert _state(ws, uuid, FILED) == "草稿"
    leave.submit_request(ws, uuid, today=FILED)
    for n, body in enumerate(("驻村第一书记", "村党支部", "乡镇党委"), start=3):
        leave.record_step(ws, uuid, body=body, decision="同意", signer="签字人", decided_on=date(2026, 11, n),
                          today=date(2026, 11, 5))
    timeline = {d: _state(ws, uuid, d) for d in (date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4),
                                                  date(2026, 11, 5), START, END, date(2026, 11, 12),
                                                  date(2026, 11, 13))}
    assert list(timeline.values()) == ["审批中（第1步）", "审批中（第2步）", "审批中（第3步）", "已批准", "请假中",
                                       "请假中", "请假中", "逾期未销假"]
    leave.register_return(ws, uuid, date(2026, 11, 12), "按时返岗，补办销假", today=date(2026, 11, 13))
    detail = leave.request_detail(ws, uuid, today=date(2026, 11, 13))
    assert detail.request.state == "已销假" and detail.returned_on == date(2026, 11, 12)
    assert detail.return_due == date(2026, 11, 12) and detail.absent_days == []


def test_approved_leave_fills_its_days_with_its_code(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, START, END, "病假")
    assert codes_of(ws, member, 2026, 11) == {}  # pending: nothing yet
    approve(ws, uuid)
    assert codes_of(ws, member, 2026, 11) == {START: "病", date(2026, 11, 10): "病", END: "病"}
    with ws.read() as s:
        rows = s.scalars(select(AttendanceDay).where(AttendanceDay.person_uuid == member.person_uuid)).all()
        assert {r.source for r in rows} == {"leave"}
        audited = s.scalars(select(AuditEntry.action).where(AuditEntry.table_name == "attendance_days")).all()
        assert audited == ["请假审批：乡镇党委同意"] * 3  # the cells were written by the approving step


def test_official_business_is_coded_as_public_duty(ws):
    t = team(ws)
    uuid = request(ws, t.members[0], START, START, "参会培训")
    approve(ws, uuid)
    assert codes_of(ws, t.members[0], 2026, 11) == {START: "公"}


def test_withdrawing_approved_leave_removes_its_codes_but_not_the_clerks(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, START, END)
    approve(ws, uuid)
    set_cells(ws, member.township_uuid, 2026, 11, [CellChange(member.posting_uuid, date(2026, 11, 10), "√")])
    leave.withdraw_request(ws, uuid, "行程取消", today=date(2026, 11, 6))
    assert codes_of(ws, member, 2026, 11) == {date(2026, 11, 10): "√"}


def test_an_unreturned_leave_turns_into_absence_on_the_right_days(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, START, END)
    approve(ws, uuid)
    on_due_day = leave.sweep_overdue(ws, date(2026, 11, 12))
    assert on_due_day.overdue == [] and on_due_day.written == 0  # the 1 working day is not over yet
    report = leave.sweep_overdue(ws, date(2026, 11, 16))
    assert [o.name for o in report.overdue] == [member.name] and report.overdue[0].absent_days == 5
    codes = codes_of(ws, member, 2026, 11)
    assert [d.day for d, c in sorted(codes.items()) if c == "旷"] == [12, 13, 14, 15, 16]
    assert [d.day for d, c in sorted(codes.items()) if c == "事"] == [9, 10, 11]
    assert _state(ws, uuid, date(2026, 11, 16)) == "逾期未销假"
    assert [r.uuid for r in leave.list_requests(ws, state="逾期未销假", today=date(2026, 11, 16))] == [uuid]


def test_the_sweep_is_idempotent(ws):
    t = team(ws)
    approve(ws, request(ws, t.members[0], START, END))
    leave.sweep_overdue(ws, date(2026, 11, 16))
    with ws.read() as s:
        audit_rows = len(s.scalars(select(AuditEntry)).all())
    again = leave.sweep_overdue(ws, date(2026, 11, 16))
    assert (again.written, again.cleared, len(again.overdue)) == (0, 0, 1)
    with ws.read() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == audit_rows


def test_a_late_return_stops_further_absence_and_keeps_the_days_already_absent(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, START, END)
    approve(ws, uuid)
    leave.sweep_overdue(ws, date(2026, 11, 16))
    leave.register_return(ws, uuid, date(2026, 11, 15), "超假返岗", today=date(2026, 11, 16))
    codes = codes_of(ws, member, 2026, 11)
    assert [d.day for d, c in sorted(codes.items()) if c == "旷"] == [12, 13, 14]
    assert leave.sweep_overdue(ws, date(2026, 11, 20)).written == 0
    assert _state(ws, uuid, date(2026, 11, 20)) == "已销假"


def test_an_early_return_gives_the_remaining_days_back(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, START, END)
    approve(ws, uuid)
    leave.register_return(ws, uuid, date(2026, 11, 10), today=date(2026, 11, 10))
    assert codes_of(ws, member, 2026, 11) == {START: "事"}


def test_return_is_refused_before_the_leave_begins_or_twice(ws):
    t = team(ws)
    uuid = request(ws, t.members[0], START, END)
    approve(ws, uuid)
    with pytest.raises(ServiceError, match="请假尚未开始"):
        leave.register_return(ws, uuid, START, today=date(2026, 11, 8))
    with pytest.raises(ValidationFailed, match="晚于今天"):
        leave.register_return(ws, uuid, date(2026, 11, 13), today=date(2026, 11, 12))
    leave.register_return(ws, uuid, date(2026, 11, 12), today=date(2026, 11, 12))
    with pytest.raises(ServiceError, match="已于2026-11-12销假"):
        leave.register_return(ws, uuid, date(2026, 11, 12), today=date(2026, 11, 12))


def test_a_clerks_code_is_never_overwritten_and_the_conflict_is_reported(ws):
    t = team(ws)
    member = t.members[0]
    set_cells(ws, member.township_uuid, 2026, 11, [CellChange(member.posting_uuid, START, "√")])
    approve(ws, request(ws, member, START, END))
    assert codes_of(ws, member, 2026, 11)[START] == "√"
    report = leave.sweep_overdue(ws, date(2026, 11, 12))
    assert report.conflicts == [f"{member.name} 11月9日：考勤登记为“√”，与已批准事假11月9日至11月11日不符（应为“事”）"]


def test_an_attendance_edit_that_contradicts_approved_leave_is_named_before_saving(ws):
    t = team(ws)
    member = t.members[0]
    approve(ws, request(ws, member, START, END))
    lines = leave.leave_conflicts(ws, member.township_uuid, 2026, 11,
                                  [CellChange(member.posting_uuid, date(2026, 11, 10), "√"),
                                   CellChange(member.posting_uuid, END, "事假")], today=FILED)
    assert lines == [(f"{member.name} 11月10日：已批准事假11月9日至11月11日（应为“事”），改为“√”与请假不符；"
                     "如未按假期外出，请先撤回请假或登记销假")]


def test_a_sealed_month_is_not_changed_silently_but_shows_up_as_needing_a_reopen(ws):
    t = team(ws, 2)
    member = t.members[0]
    uuid = request(ws, member, date(2026, 10, 26), date(2026, 10, 30), today=date(2026, 10, 20))
    approve(ws, uuid, date(2026, 10, 20))
    for cadre in t.everyone:
        grid_codes = codes_of(ws, cadre, 2026, 10)
        set_cells(ws, cadre.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, date(2026, 10, d), "√")
                                                       for d in range(1, 32) if date(2026, 10, d) not in grid_codes])
    seal_month(ws, member.township_uuid, 2026, 10)
    leave.register_return(ws, uuid, date(2026, 10, 29), "提前返岗", today=date(2026, 11, 2))
    assert codes_of(ws, member, 2026, 10)[date(2026, 10, 30)] == "事"  # sealed: untouched
    needing = leave.months_needing_reopen(ws, today=date(2026, 11, 2))
    assert len(needing) == 1 and needing[0][:2] == ("东风镇", "2026-10")
    assert f"{member.name} 10月29日" in needing[0][2] and "应清除" in needing[0][2]
    reopen_month(ws, member.township_uuid, 2026, 10, "销假后更正请假天数")
    leave.sweep_overdue(ws, date(2026, 11, 2))
    assert codes_of(ws, member, 2026, 10).get(date(2026, 10, 29)) is None
    assert leave.months_needing_reopen(ws, today=date(2026, 11, 2)) == []


def test_a_year_without_calendar_leaves_the_return_due_unknown_but_the_leave_can_be_approved(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, date(2027, 3, 1), date(2027, 3, 3), today=date(2027, 2, 20))
    approve(ws, uuid, date(2027, 2, 22))
    detail = leave.request_detail(ws, uuid, today=date(2027, 3, 10))
    assert detail.request.state == "请假中" and detail.return_due is None
    assert detail.return_due_problem == "缺少2027年的工作日历，无法推算销假期限"
    assert leave.sweep_overdue(ws, date(2027, 3, 10)).calendar_missing == [2027]


def test_an_extension_goes_through_the_chain_of_the_whole_leave(ws):
    t = team(ws)
    member = t.members[0]
    uuid = request(ws, member, START, END)
    approve(ws, uuid)
    ext = leave.extend_request(ws, uuid, date(2026, 11, 13), "病情需要继续治疗", today=date(2026, 11, 10))
    detail = leave.request_detail(ws, ext, today=date(2026, 11, 10))
    assert (detail.request.start, detail.request.days) == (date(2026, 11, 12), 2)
    assert detail.chain == ("驻村第一书记", "村党支部", "乡镇党委", "县乡村振兴局", "县委组织部")  # 5 days in all
    assert "连同原假共5天" in detail.extends_text
    assert _state(ws, uuid, date(2026, 11, 13)) == "请假中"  # not overdue while the extension is decided
    approve(ws, ext, date(2026, 11, 11), today=date(2026, 11, 11))
    with pytest.raises(ServiceError, match="请在续假申请上登记销假"):
        leave.register_return(ws, uuid, date(2026, 11, 14), today=date(2026, 11, 16))
    leave.sweep_overdue(ws, date(2026, 11, 17))
    codes = codes_of(ws, member, 2026, 11)
    assert [d.day for d, c in sorted(codes.items())] == [9, 10, 11, 12, 13, 14, 15, 16, 17]
    assert {c for d, c in codes.items() if d.day > 13} == {"旷"}
    leave.register_return(ws, ext, date(2026, 11, 14), today=date(2026, 11, 17))
    assert _state(ws, uuid, date(2026, 11, 17)) == _state(ws, ext, date(2026, 11, 17)) == "已销假"
    assert {c for d, c in codes_of(ws, member, 2026, 11).items()} == {"事"}


def test_who_is_away_on_a_day_lists_approved_and_pending_leave_with_the_signatures(ws):
    t = team(ws, 3)
    approved = request(ws, t.members[0], START, END)
    approve(ws, approved)
    request(ws, t.members[1], date(2026, 11, 10), date(2026, 11, 10), "病假")
    away = leave.away_on(ws, t.first_secretary.township_uuid, date(2026, 11, 10), today=FILED)
    assert [(a.name, a.state) for a in away] == sorted([(t.members[0].name, "已批准"),
                                                        (t.members[1].name, "审批中（第1步）")])
    first = next(a for a in away if a.request_uuid == approved)
    assert first.approvals == "驻村第一书记 同意 11-02；村党支部 同意 11-02；乡镇党委 同意 11-02"
    assert leave.away_on(ws, t.first_secretary.township_uuid, date(2026, 11, 12), today=FILED) == []
