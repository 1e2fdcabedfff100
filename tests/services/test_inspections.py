"""督查 and 通报 (§14): findings linked to ledger rows, a circular drafted from chosen findings, and incidents
(§12, §21)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.services.supervision_support import cadre_row, ledger_count
from tests.services.test_attendance_builders import post, township_user
from zhucun_desktop.services import incidents, inspections, ledger
from zhucun_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed

TODAY = date(2026, 11, 23)


@pytest.fixture
def inspected(ws):
    wang = post(ws, "王建国", 123)
    zhao = post(ws, "赵六", 127, township="西山乡", village="石桥村")
    uuid = inspections.create_inspection(ws, title="2026年第三季度驻村工作督查", kind="不定期",
                                         start_date=date(2026, 9, 20), end_date=date(2026, 9, 24))
    row = cadre_row(wang, description="王建国周末不在村")
    row.source = ""
    f1 = inspections.add_finding(ws, uuid, township_uuid=wang.township_uuid, description="大坪村第一书记周末不在村",
                                 ledger=row)
    existing = ledger.create_ledger_row(ws, cadre_row(zhao, description="工作日志缺失"))
    f2 = inspections.add_finding(ws, uuid, township_uuid=zhao.township_uuid, description="石桥村工作日志缺失",
                                 ledger_uuid=existing)
    return uuid, f1, f2, wang, zhao


def test_each_finding_is_linked_to_a_ledger_row_whose_source_names_the_inspection(ws, inspected):
    _uuid, f1, _f2, _wang, _zhao = inspected
    [view] = inspections.list_inspections(ws)
    links = {f.description: f.ledger_uuid for f in view.findings}
    assert all(links.values()) and ledger_count(ws) == 2
    row = ledger.ledger_row(ws, links["大坪村第一书记周末不在村"], today=TODAY)
    assert row.source == "督查：2026年第三季度驻村工作督查" and row.finding_uuids == (f1,)


def test_a_circular_is_drafted_from_the_chosen_findings_saved_edited_and_marks_their_rows_circulated(ws, inspected):
    _uuid, f1, f2, _wang, _zhao = inspected
    draft = inspections.draft_circular(ws, [f1, f2], issued_on=date(2026, 10, 8))
    assert draft.title == "关于2026年第三季度驻村工作督查发现问题情况的通报"
    assert draft.issuer == "中共示例县委组织部" and draft.doc_number.startswith("示组通〔2026〕")
    lines = draft.body.splitlines()
    assert lines[0] == "各乡镇党委，县直各派出单位："
    assert "（一）东风镇：大坪村第一书记周末不在村。" in lines and "（二）西山乡：石桥村工作日志缺失。" in lines
    saved = inspections.save_circular(ws, title=draft.title, doc_number="示组通〔2026〕15号",
                                      body=draft.body + "\n（附件略）", issued_on=draft.issued_on,
                                      finding_uuids=[f1])
    assert inspections.circular(ws, saved).body.endswith("特此通报。\n（附件略）")
    circulated = {r.description: r.circulated for r in ledger.list_ledger(ws, today=TODAY)}
    assert circulated == {"王建国周末不在村": True, "工作日志缺失": False}


def test_a_circular_needs_findings_a_title_and_a_body(ws, inspected):
    with pytest.raises(ValidationFailed, match="请至少选择一条"):
        inspections.draft_circular(ws, [])
    with pytest.raises(ValidationFailed) as err:
        inspections.save_circular(ws, title=" ", doc_number="", body="", issued_on=TODAY, finding_uuids=[])
    assert {f.field for f in err.value.findings} == {"标题", "正文"}


def test_a_township_reads_the_findings_about_it_but_does_not_inspect(ws, inspected):
    uuid, _f1, _f2, wang, _zhao = inspected
    clerk = township_user(ws, wang.township_uuid)
    [view] = inspections.list_inspections(clerk)
    assert [f.township_name for f in view.findings] == ["东风镇"]
    with pytest.raises(PermissionDenied, match="督查由县委组织部负责"):
        inspections.add_finding(clerk, uuid, township_uuid=wang.township_uuid, description="自查")


def test_an_incident_is_registered_at_once_with_time_and_reporter_and_its_township_sees_it(ws):
    wang = post(ws, "王建国", 123)
    clerk = township_user(ws, wang.township_uuid)
    uuid = incidents.register_incident(clerk, kind="负伤", occurred_at=datetime(2026, 11, 20, 15, 40),
                                       reporter="东风镇党委 李组织", person_uuid=wang.person_uuid,
                                       description="入户途中摔伤左腿", now=datetime(2026, 11, 20, 17, 0))
    [seen] = incidents.list_incidents(ws)
    assert (seen.uuid, seen.township_name, seen.person_name) == (uuid, "东风镇", "王建国")
    assert seen.reported_at == datetime(2026, 11, 20, 17, 0)
    with pytest.raises(ValidationFailed) as err:
        incidents.register_incident(clerk, kind="交通", occurred_at=datetime(2026, 11, 21), reporter="",
                                    description="x", now=datetime(2026, 11, 20))
    assert {f.field for f in err.value.findings} == {"事项类别", "发生时间", "报告时间", "报告人"}
    gone = post(ws, "赵六", 127, end=date(2026, 6, 30))
    with pytest.raises(ServiceError, match="涉及人员：赵六在2026年11月20日不在驻村岗位上"):
        incidents.register_incident(ws, kind="负面舆情", occurred_at=datetime(2026, 11, 20, 9), reporter="周明",
                                    person_uuid=gone.person_uuid, description="网帖", now=datetime(2026, 11, 21))
    assert len(incidents.list_incidents(ws)) == 1
