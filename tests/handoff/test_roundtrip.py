"""The hand-off end to end on two real databases: the township enters and seals a month and files a leave
request, the county previews and imports it, decides its step, and the decision returns to the township."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from tests.handoff.conftest import Pair
from tests.services.test_attendance_builders import fill_all
from zhucun_desktop.handoff.export import SAFETY_MARGIN, export_package
from zhucun_desktop.handoff.importer import import_package, preview_package
from zhucun_desktop.handoff.status import county_overview, received_status
from zhucun_desktop.services.attendance import CellChange, set_cells
from zhucun_desktop.services.attendance_months import seal_month
from zhucun_desktop.storage.models import AttendanceDay, AuditEntry, LeaveRequest, LeaveStep, PackageLog

CHAIN = ["驻村第一书记", "村党支部", "乡镇党委", "县乡村振兴局", "县委组织部"]


def enter_october(pair: Pair) -> None:
    for cadre in pair.cadres:
        fill_all(pair.town, cadre, 2026, 10)
    seal_month(pair.town, pair.township_uuid, 2026, 10)


def file_leave(pair: Pair) -> str:
    """李强 (a team member) asks for 4 days; the township's three signatures are taken on paper."""
    cadre = pair.cadres[1]
    with pair.town.transaction("请假登记") as s:
        req = LeaveRequest(person_uuid=cadre.person_uuid, posting_uuid=cadre.posting_uuid,
                           township_uuid=pair.township_uuid, kind="事假", start_date=date(2026, 11, 9),
                           end_date=date(2026, 11, 12), days=4, chain=CHAIN, state="审批中（第4步）",
                           filed_on=date(2026, 11, 2))
        s.add(req)
        s.flush()
        for no, body in enumerate(CHAIN[:3], start=1):
            s.add(LeaveStep(request_uuid=req.uuid, step_no=no, body=body, signer="签字人", decision="同意",
                            decided_on=date(2026, 11, 3)))
        return req.uuid


def county_decides(pair: Pair, request_uuid: str) -> None:
    with pair.county.transaction("县级审批") as s:
        s.add(LeaveStep(request_uuid=request_uuid, step_no=4, body="县乡村振兴局", signer="周局长",
                        decision="同意", decided_on=date(2026, 11, 5)))


def test_month_and_leave_go_up_and_the_county_decision_comes_back(pair: Pair) -> None:
    enter_october(pair)
    request = file_leave(pair)
    up = export_package(pair.town, pair.town_keys, pair.stick)
    assert up.path.name == "东风镇_至_示例县_000001.zcpkg"
    assert up.counts["attendance_days"] == 3 * 31
    assert "可以安全拔出U盘" in up.message()

    preview = preview_package(pair.county, pair.county_keys, up.path)
    by_table = {t.table: t.counts() for t in preview.tables}
    assert by_table["attendance_days"] == {"new": 93, "updated": 0, "unchanged": 0, "rejected": 0}
    assert by_table["attendance_months"]["new"] == 1
    assert by_table["leave_steps"]["new"] == 3
    with pair.county.read() as s:
        assert s.scalar(select(func.count()).select_from(AttendanceDay)) == 0  # a preview writes nothing

    done = import_package(pair.county, pair.county_keys, up.path)
    assert done.applied and done.backup_path
    assert "新增" in done.message and done.receipt.sequence == 1
    with pair.county.read() as s:
        assert s.scalar(select(func.count()).select_from(AttendanceDay)) == 93
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "导入数据包")).all()
        assert len(audit) == 1 and "第1号数据包" in audit[0].summary  # one summary row, not one per record

    line = next(o for o in county_overview(pair.county, 2026, 10, today=date(2026, 11, 20))
                if o.township == "东风镇")
    assert line.sealed and line.received and not line.overdue
    assert line.leave_waiting_county == 1 and line.last_sequence == 1
    other = next(o for o in county_overview(pair.county, 2026, 10, today=date(2026, 11, 20))
                 if o.township == "西山乡")
    assert not other.received and other.overdue

    county_decides(pair, request)
    down = export_package(pair.county, pair.county_keys, pair.stick, destination=pair.town_site_id)
    assert down.path.name.startswith("示例县_至_东风镇_")
    back = import_package(pair.town, pair.town_keys, down.path)
    assert back.applied and back.preview.acknowledges == [1]

    status = received_status(pair.town)
    assert [(m.month, m.state, m.received) for m in status.months] == [("2026-10", "已封存", True)]
    leave = status.leaves[0]
    assert leave.received and leave.person_name == "李强"
    assert [(st.body, st.decision) for st in leave.county_steps] == [("县乡村振兴局", "同意")]
    with pair.town.read() as s:
        assert s.get(PackageLog, up.package_id).acknowledged


def test_a_change_after_the_receipt_shows_as_not_yet_received(pair: Pair) -> None:
    enter_october(pair)
    up = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, up.path)
    down = export_package(pair.county, pair.county_keys, pair.stick, destination=pair.town_site_id)
    import_package(pair.town, pair.town_keys, down.path)
    file_leave(pair)
    status = received_status(pair.town)
    assert status.months[0].received and not status.leaves[0].received


def test_the_same_package_twice_changes_nothing_and_says_so(pair: Pair) -> None:
    enter_october(pair)
    up = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, up.path)
    with pair.county.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    again = import_package(pair.county, pair.county_keys, up.path)
    assert not again.applied
    assert again.message.startswith("该数据包已于") and again.message.endswith("导入过，未作任何更改。")
    with pair.county.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_the_next_export_sends_only_what_changed_after_the_acknowledged_package(pair: Pair) -> None:
    enter_october(pair)
    with pair.town.db.engine.begin() as conn:  # October was entered weeks ago, not a minute before the export
        conn.exec_driver_sql("UPDATE attendance_days SET updated_at = '2026-11-01 08:00:00.000000'")
    up = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, up.path)
    down = export_package(pair.county, pair.county_keys, pair.stick, destination=pair.town_site_id)
    import_package(pair.town, pair.town_keys, down.path)
    fill_all(pair.town, pair.cadres[0], 2026, 11)
    second = export_package(pair.town, pair.town_keys, pair.stick)
    assert second.sequence == 2
    assert second.counts["attendance_days"] == 30  # November only: October was acknowledged
    with pair.town.read() as s:
        until = datetime.fromisoformat(s.get(PackageLog, up.package_id).counts["period_to"])
    assert second.since == until - SAFETY_MARGIN  # a margin re-sends the last minutes; the import is idempotent
    result = import_package(pair.county, pair.county_keys, second.path)
    assert result.preview.totals()["new"] == 30 and result.preview.missing_sequences == []


def test_a_gap_in_sequence_numbers_is_reported_and_the_package_still_applies(pair: Pair) -> None:
    enter_october(pair)
    first = export_package(pair.town, pair.town_keys, pair.stick)
    second = export_package(pair.town, pair.town_keys, pair.stick)
    third = export_package(pair.town, pair.town_keys, pair.stick)
    assert (first.sequence, second.sequence, third.sequence) == (1, 2, 3)
    result = import_package(pair.county, pair.county_keys, third.path)
    assert result.applied and result.preview.missing_sequences == [1, 2]
    assert "缺少第1、2号数据包" in result.message
    with pair.county.read() as s:
        assert s.scalar(select(func.count()).select_from(AttendanceDay)) == 93


def test_a_late_package_fills_its_gap_without_turning_older_versions_into_conflicts(pair: Pair) -> None:
    enter_october(pair)
    first = export_package(pair.town, pair.town_keys, pair.stick)
    cadre = pair.cadres[2]
    from zhucun_desktop.services.attendance_months import reopen_month

    reopen_month(pair.town, pair.township_uuid, 2026, 10, "更正张敏10月5日的考勤")
    set_cells(pair.town, pair.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, date(2026, 10, 5), "事")])
    second = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, second.path)
    late = import_package(pair.county, pair.county_keys, first.path)
    assert late.applied and late.preview.late
    assert late.preview.totals()["rejected"] == 0
    with pair.county.read() as s:
        code = s.scalar(select(AttendanceDay.code).where(AttendanceDay.person_uuid == cadre.person_uuid,
                                                         AttendanceDay.day == date(2026, 10, 5)))
    assert code == "事"  # the newer version stays
