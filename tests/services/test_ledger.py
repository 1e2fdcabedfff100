"""负面清单及整改台账 (§13): required fields, states, the county's verification as its own record, evidence files,
overdue rows — on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from tests.services.supervision_support import FOUND, cadre_row, ledger_count, unit_row
from tests.services.test_attendance_builders import post, township_user
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.services import ledger
from zhucun_desktop.services.attachments import attachment_path
from zhucun_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from zhucun_desktop.storage.models import Attachment, LedgerRow, LedgerVerification

TODAY = date(2026, 11, 23)


@pytest.fixture
def wang(ws):
    return post(ws, "王建国", 123)


def test_a_row_without_responsible_subject_or_deadline_is_refused_naming_both_fields_and_nothing_is_written(ws, wang):
    values = cadre_row(wang, deadline=None)
    values.subject_uuid = None
    with pytest.raises(ValidationFailed) as err:
        ledger.create_ledger_row(ws, values)
    fields = {f.field for f in err.value.findings}
    assert fields == {"责任主体", "整改时限"} and all(f.rule == "§13" for f in err.value.findings)
    assert "台账记录未保存" in str(err.value)
    assert ledger_count(ws) == 0


def test_completion_before_discovery_is_refused_and_the_row_stays_as_it_was(ws, wang):
    uuid = ledger.create_ledger_row(ws, cadre_row(wang))
    with pytest.raises(ValidationFailed, match="完成时间（2026-10-01）不能早于发现时间（2026-10-12）"):
        ledger.submit_rectified(ws, uuid, completed_on=date(2026, 10, 1), today=TODAY)
    row = ledger.ledger_row(ws, uuid, today=TODAY)
    assert row.state == sv.STATE_OPEN and row.completed_on is None


def test_rectified_verified_row_is_closed_and_can_no_longer_change(ws, wang):
    uuid = ledger.create_ledger_row(ws, cadre_row(wang))
    ledger.record_progress(ws, uuid, "已约谈本人", on=date(2026, 10, 15))
    assert ledger.ledger_row(ws, uuid, today=TODAY).state == sv.STATE_IN_PROGRESS
    ledger.submit_rectified(ws, uuid, completed_on=date(2026, 10, 28), progress="日志已补记", today=TODAY)
    assert ledger.ledger_row(ws, uuid, today=TODAY).verification_text == "待核查"
    ledger.verify_ledger_row(ws, uuid, result=sv.RESULT_PASSED, verified_on=date(2026, 11, 2), verifier="周明")
    row = ledger.ledger_row(ws, uuid, today=TODAY)
    assert row.state == sv.STATE_CLOSED and not row.editable and not row.overdue
    assert row.verification_text == "核查通过（2026-11-02 周明）"
    assert row.progress.splitlines() == ["2026-10-15 已约谈本人", "2026-10-28 日志已补记"]
    with pytest.raises(ServiceError, match="已核查通过"):
        ledger.record_progress(ws, uuid, "再补一条")


def test_failed_verification_needs_a_reason_and_sends_the_row_back_to_rectification(ws, wang):
    uuid = ledger.create_ledger_row(ws, cadre_row(wang))
    ledger.submit_rectified(ws, uuid, completed_on=date(2026, 10, 20), today=TODAY)
    with pytest.raises(ValidationFailed, match="核查未通过须写明原因"):
        ledger.verify_ledger_row(ws, uuid, result=sv.RESULT_FAILED, verified_on=date(2026, 10, 25), verifier="周明")
    ledger.verify_ledger_row(ws, uuid, result=sv.RESULT_FAILED, verified_on=date(2026, 10, 25), verifier="周明",
                             note="日志仍缺10月上旬")
    row = ledger.ledger_row(ws, uuid, today=TODAY)
    assert row.state == sv.STATE_IN_PROGRESS and row.overdue  # deadline 10-31 has passed
    assert row.verification_text == "核查未通过（2026-10-25 周明）：日志仍缺10月上旬"
    ledger.submit_rectified(ws, uuid, completed_on=date(2026, 11, 3), today=TODAY)
    assert ledger.ledger_row(ws, uuid, today=TODAY).state == sv.STATE_AWAITING
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(LedgerVerification)) == 1


def test_the_county_verifying_a_township_s_row_writes_only_its_own_record_and_the_row_shows_closed(ws, wang):
    uuid = ledger.create_ledger_row(ws, cadre_row(wang))
    ledger.submit_rectified(ws, uuid, completed_on=date(2026, 10, 20), today=TODAY)
    with ws.db.session() as s, s.begin():  # the row came from the township's PC on the USB stick
        s.execute(update(LedgerRow).where(LedgerRow.uuid == uuid).values(origin_site="township-site"))
    with ws.read() as s:
        version = s.get(LedgerRow, uuid).version
    ledger.verify_ledger_row(ws, uuid, result=sv.RESULT_PASSED, verified_on=date(2026, 10, 30), verifier="周明")
    with ws.read() as s:
        assert s.get(LedgerRow, uuid).version == version  # not touched: the township owns it
        [verification] = s.scalars(select(LedgerVerification)).all()
        assert verification.origin_site == ws.site_id
    assert ledger.ledger_row(ws, uuid, today=TODAY).state == sv.STATE_CLOSED


def test_only_the_county_verifies_and_a_township_sees_only_its_own_rows(ws, wang):
    other = post(ws, "赵六", 127, township="西山乡", village="石桥村")
    mine = ledger.create_ledger_row(ws, cadre_row(wang))
    ledger.create_ledger_row(ws, cadre_row(other))
    clerk = township_user(ws, wang.township_uuid)
    assert [r.uuid for r in ledger.list_ledger(clerk, today=TODAY)] == [mine]
    ledger.submit_rectified(clerk, mine, completed_on=date(2026, 10, 20), today=TODAY)
    with pytest.raises(PermissionDenied, match="核查由县委组织部进行"):
        ledger.verify_ledger_row(clerk, mine, result=sv.RESULT_PASSED, verified_on=TODAY, verifier="自己")
    with pytest.raises(PermissionDenied):
        ledger.create_ledger_row(clerk, cadre_row(other))


def test_overdue_rows_are_those_past_their_deadline_and_not_yet_rectified(ws, wang):
    late = ledger.create_ledger_row(ws, cadre_row(wang, deadline=date(2026, 11, 1)))
    on_time = ledger.create_ledger_row(ws, cadre_row(wang, deadline=date(2026, 12, 1)))
    done = ledger.create_ledger_row(ws, unit_row(ws, wang.township_uuid))
    ledger.submit_rectified(ws, done, completed_on=date(2026, 11, 5), today=TODAY)
    assert [r.uuid for r in ledger.list_ledger(ws, overdue_only=True, today=TODAY)] == [late]
    assert {r.uuid for r in ledger.list_ledger(ws, state=sv.STATE_OPEN, today=TODAY)} == {late, on_time}
    unit_view = ledger.ledger_row(ws, done, today=TODAY)
    assert unit_view.subject_kind == "派出单位" and unit_view.subject_name == "县财政局"


def test_evidence_is_copied_hashed_listed_and_openable_and_the_same_file_is_stored_once(ws, wang, tmp_path):
    uuid = ledger.create_ledger_row(ws, cadre_row(wang))
    scan = tmp_path / "整改说明.PDF"
    scan.write_bytes(b"%PDF-1.4 evidence of the rectification")
    first = ledger.attach_evidence(ws, uuid, scan)
    again = ledger.attach_evidence(ws, uuid, scan)
    copy = tmp_path / "副本.pdf"
    copy.write_bytes(scan.read_bytes())
    second_row = ledger.create_ledger_row(ws, cadre_row(wang, description="另一问题"))
    other = ledger.attach_evidence(ws, second_row, copy)
    assert first.uuid == again.uuid and other.uuid != first.uuid and other.sha256 == first.sha256
    assert first.path == ws.db.path.parent / "attachments" / first.sha256[:2] / f"{first.sha256}.pdf"
    assert first.path.read_bytes() == scan.read_bytes() and first.present
    files = [p for p in (ws.db.path.parent / "attachments").rglob("*") if p.is_file()]
    assert files == [first.path]
    assert [a.file_name for a in ledger.ledger_evidence(ws, uuid)] == ["整改说明.PDF"]
    assert [a.file_name for a in ledger.ledger_evidence(ws, second_row)] == ["副本.pdf"]
    assert ledger.ledger_row(ws, uuid, today=TODAY).evidence_count == 1
    assert attachment_path(ws, first.uuid) == first.path


def test_an_unreadable_evidence_file_gets_a_clear_message_and_nothing_is_recorded(ws, wang, tmp_path):
    uuid = ledger.create_ledger_row(ws, cadre_row(wang))
    (tmp_path / "扫描件").mkdir()
    with pytest.raises(ServiceError, match="佐证材料“扫描件”无法读取：文件不存在或不是文件"):
        ledger.attach_evidence(ws, uuid, tmp_path / "扫描件")  # a folder picked by mistake
    with pytest.raises(ServiceError, match="佐证材料“不存在.pdf”无法读取：文件不存在"):
        ledger.attach_evidence(ws, uuid, tmp_path / "不存在.pdf")
    empty = tmp_path / "空.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ServiceError, match="空文件"):
        ledger.attach_evidence(ws, uuid, empty)
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
    assert FOUND == ledger.ledger_row(ws, uuid, today=TODAY).found_on
