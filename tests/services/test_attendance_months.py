"""§7 sign-off: the township leader seals the complete month; a correction needs a reasoned 重开; the seal's
hash shows any change behind it; the month is filed by the 5th working day of the next month."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.services.test_attendance_builders import codes_of, fill_all, post, township_user
from zhucun_desktop.domain import terms
from zhucun_desktop.domain.attendance_rules import content_hash, month_days
from zhucun_desktop.services.attendance import CellChange, month_grid, set_cells
from zhucun_desktop.services.attendance_months import (
    mark_ready,
    mark_submitted,
    month_overview,
    reopen_month,
    seal_history,
    seal_month,
    verify_seal,
)
from zhucun_desktop.services.errors import PermissionDenied, ServiceError
from zhucun_desktop.storage.models import AttendanceDay, AttendanceMonth, AuditEntry, MonthSealEvent


@pytest.fixture
def month(ws):
    """东风镇, October 2026: two cadres with every day registered."""
    a = post(ws, "王建国", 123, role=terms.ROLE_FIRST_SECRETARY)
    b = post(ws, "李强", 125)
    fill_all(ws, a, 2026, 10)
    fill_all(ws, b, 2026, 10)
    return a, b


def test_clerk_cannot_seal(ws, month):
    a, _ = month
    clerk = township_user(ws, a.township_uuid)
    mark_ready(clerk, a.township_uuid, 2026, 10)
    with pytest.raises(PermissionDenied) as refused:
        seal_month(clerk, a.township_uuid, 2026, 10)
    assert "乡镇领导" in str(refused.value)
    assert month_grid(ws, a.township_uuid, 2026, 10).state == "待审核"
    leader = township_user(ws, a.township_uuid, terms.USER_ROLE_TOWNSHIP_LEADER, "leader")
    seal_month(leader, a.township_uuid, 2026, 10)
    assert month_grid(ws, a.township_uuid, 2026, 10).state == "已封存"


def test_a_month_with_empty_cells_cannot_go_up(ws):
    a = post(ws, "王建国", 123)
    set_cells(ws, a.township_uuid, 2026, 10, [CellChange(a.posting_uuid, d, "√") for d in month_days(2026, 10)
                                              if d.day not in (3, 4)])
    for step in (mark_ready, seal_month):
        with pytest.raises(ServiceError) as refused:
            step(ws, a.township_uuid, 2026, 10)
        assert "还有2个单元格未登记" in str(refused.value)
        assert "王建国 10月3日、王建国 10月4日" in str(refused.value)
    assert month_grid(ws, a.township_uuid, 2026, 10).state == "未完成"


def test_sealed_month_refuses_edits_until_reopened_with_a_reason(ws, month):
    a, _ = month
    seal_month(ws, a.township_uuid, 2026, 10)
    change = [CellChange(a.posting_uuid, date(2026, 10, 12), "事")]
    with pytest.raises(ServiceError) as refused:
        set_cells(ws, a.township_uuid, 2026, 10, change)
    assert str(refused.value) == "2026年10月已封存，如需更正请由乡镇领导先“重开”并说明原因"
    for reason in ("", "  改 ", "更正"):
        with pytest.raises(ServiceError):
            reopen_month(ws, a.township_uuid, 2026, 10, reason)
    assert month_grid(ws, a.township_uuid, 2026, 10).state == "已封存"
    reopen_month(ws, a.township_uuid, 2026, 10, "10月12日王建国实为事假，更正")
    set_cells(ws, a.township_uuid, 2026, 10, change)
    assert codes_of(ws, a, 2026, 10)[date(2026, 10, 12)] == "事"


def test_new_seal_after_correction_gives_a_new_hash(ws, month):
    a, b = month
    first = seal_month(ws, a.township_uuid, 2026, 10)
    assert verify_seal(ws, a.township_uuid, 2026, 10)
    grid = month_grid(ws, a.township_uuid, 2026, 10)
    assert grid.content_hash == first and grid.sealed_by == "李管理"
    # The hash is the documented one: an auditor can recompute it from the printed table.
    rows = [(r.id_number, r.name, dict(zip(grid.days, r.codes, strict=True))) for r in grid.rows]
    assert first == content_hash("东风镇", "2026-10", rows)
    reopen_month(ws, a.township_uuid, 2026, 10, "李强10月5日公出，补登")
    assert month_grid(ws, a.township_uuid, 2026, 10).content_hash is None
    set_cells(ws, a.township_uuid, 2026, 10, [CellChange(b.posting_uuid, date(2026, 10, 5), "公")])
    second = seal_month(ws, a.township_uuid, 2026, 10)
    assert second != first and verify_seal(ws, a.township_uuid, 2026, 10)
    assert [(e.action, e.content_hash) for e in seal_history(ws, a.township_uuid, 2026, 10)] == [
        ("封存", first), ("重开", first), ("封存", second)]


def test_reopen_is_audited_with_its_reason(ws, month):
    a, _ = month
    seal_month(ws, a.township_uuid, 2026, 10)
    leader = township_user(ws, a.township_uuid, terms.USER_ROLE_TOWNSHIP_LEADER, "leader")
    reopen_month(leader, a.township_uuid, 2026, 10, "王建国10月12日应为病假")
    with ws.read() as s:
        event = s.scalars(select(MonthSealEvent).where(MonthSealEvent.action == "重开")).one()
        assert (event.reason, event.actor) == ("王建国10月12日应为病假", "leader姓名")
        audit = s.scalars(select(AuditEntry).where(AuditEntry.record_uuid == event.uuid)).one()
        assert (audit.actor, audit.action) == ("leader", "考勤重开")
        assert audit.after["reason"] == "王建国10月12日应为病假"
        record = s.scalars(select(AttendanceMonth)).one()
        assert (record.state, record.content_hash, record.sealed_at) == ("未完成", None, None)


def test_clerk_cannot_reopen_a_sealed_month(ws, month):
    a, _ = month
    seal_month(ws, a.township_uuid, 2026, 10)
    clerk = township_user(ws, a.township_uuid)
    with pytest.raises(PermissionDenied):
        reopen_month(clerk, a.township_uuid, 2026, 10, "我想改一下数据")


def test_a_change_behind_the_seal_shows_and_blocks_filing(ws, month):
    a, _ = month
    seal_month(ws, a.township_uuid, 2026, 10)
    with ws.db.session() as s, s.begin():  # e.g. a tampered database file
        row = s.scalars(select(AttendanceDay).where(AttendanceDay.person_uuid == a.person_uuid,
                                                    AttendanceDay.day == date(2026, 10, 12))).one()
        row.code = "旷"
    assert not verify_seal(ws, a.township_uuid, 2026, 10)
    with pytest.raises(ServiceError) as refused:
        mark_submitted(ws, a.township_uuid, 2026, 10)
    assert "封存后被改动" in str(refused.value)


def test_filing_stops_the_due_date_clock(ws, month):
    a, _ = month
    late = date(2026, 11, 9)  # due 2026-11-06 (5th working day of November)
    (status,) = [m for m in month_overview(ws, 2026, today=late) if m.month == "2026-10"]
    assert (status.state, status.due, status.overdue) == ("未完成", date(2026, 11, 6), True)
    (on_due_day,) = [m for m in month_overview(ws, 2026, today=date(2026, 11, 6)) if m.month == "2026-10"]
    assert not on_due_day.overdue
    with pytest.raises(ServiceError):
        mark_submitted(ws, a.township_uuid, 2026, 10)  # not sealed yet
    seal_month(ws, a.township_uuid, 2026, 10)
    mark_submitted(ws, a.township_uuid, 2026, 10)
    (status,) = [m for m in month_overview(ws, 2026, today=late) if m.month == "2026-10"]
    assert (status.state, status.overdue) == ("已报送", False)
    assert month_grid(ws, a.township_uuid, 2026, 10).submitted_at is not None


def test_overview_lists_begun_months_with_cadres_and_only_the_users_township(ws):
    ours = post(ws, "王建国", 123, start=date(2026, 9, 15))
    post(ws, "李强", 125, township="西山乡", village="石桥村", start=date(2026, 1, 1))
    months = month_overview(ws, 2026, today=date(2026, 11, 23))
    assert [m.month for m in months if m.township == "东风镇"] == ["2026-09", "2026-10", "2026-11"]
    assert len([m for m in months if m.township == "西山乡"]) == 11
    december = [m for m in month_overview(ws, 2026, today=date(2026, 12, 31)) if m.month == "2026-12"]
    assert december and all(m.due is None and not m.overdue for m in december)  # 2027 calendar missing
    clerk = township_user(ws, ours.township_uuid)
    assert {m.township for m in month_overview(clerk, 2026, today=date(2026, 11, 23))} == {"东风镇"}
