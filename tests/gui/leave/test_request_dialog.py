"""请假申请 on screen: the chain shown as the dates change, the handover rule, the two-stay refusal (§8)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialog

from tests.gui.gui_support import show_offscreen, type_chinese
from tests.gui.leave.team import TODAY, Team, build_team, clerk_workspace, file_request
from zhucun_desktop.gui.leave.request_dialog import RequestDialog
from zhucun_desktop.services.leave_queries import list_requests, request_detail

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def team(ws) -> Team:
    return build_team(ws)


@pytest.fixture
def clerk(ws, team):
    return clerk_workspace(ws, team)


def dialog_for(qtbot, ws, **kwargs) -> RequestDialog:
    dialog = RequestDialog(ws, today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data} is not offered"
    combo.setCurrentIndex(index)


def set_dates(dialog: RequestDialog, start: date, end: date) -> None:
    dialog.start_edit.setDate(QDate(start.year, start.month, start.day))
    dialog.end_edit.setDate(QDate(end.year, end.month, end.day))
    dialog.check_now()


def fill(dialog: RequestDialog, team: Team, name: str, start: date, end: date) -> None:
    choose(dialog.person_combo, team.people[name])
    dialog.destination_edit.setText("昆明市")
    dialog.reason_edit.setPlainText("参加培训")
    dialog.contact_edit.setText("13987654321")
    set_dates(dialog, start, end)


def offered(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_first_secretarys_three_day_request_names_a_handover_and_shows_the_two_step_chain(qtbot, gui_app,
                                                                                            clerk, team):
    dialog = dialog_for(qtbot, clerk)
    fill(dialog, team, "王建国", date(2026, 11, 4), date(2026, 11, 6))
    assert dialog.handover_combo.isEnabled()
    assert sorted(offered(dialog.handover_combo)[1:]) == sorted(["李明", "赵丽", "孙强"])
    assert dialog.days_label.text().startswith("共3天")
    assert dialog.chain_text() == "共3天（3天以内），审批：村党支部 → 乡镇党委；报县委组织部备案"
    assert "驻村第一书记请假须明确工作交接人" in dialog.findings_text()
    assert dialog.handover_combo.property("invalid")

    choose(dialog.handover_combo, team.people["李明"])
    dialog.check_now()
    assert dialog.findings_text() == ""
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = request_detail(clerk, dialog.request_uuid, TODAY)
    assert detail.chain == ("村党支部", "乡镇党委")
    assert detail.handover_name == "李明"
    assert detail.request.state == "审批中（第1步）"


def test_a_six_day_request_of_a_team_member_starts_with_the_first_secretary_and_ends_with_the_deputy_secretary(
        qtbot, gui_app, clerk, team):
    dialog = dialog_for(qtbot, clerk)
    fill(dialog, team, "李明", date(2026, 11, 4), date(2026, 11, 9))
    assert dialog.chain_text() == ("共6天（5天以上），审批：驻村第一书记 → 村党支部 → 乡镇党委 → 县乡村振兴局 → "
                                   "县委组织部 → 县委分管副书记")
    assert not dialog.handover_combo.isEnabled()
    assert dialog.handover_hint.text() == "只有驻村第一书记请假需要工作交接人"


def test_the_chain_follows_the_dates_as_they_change(qtbot, gui_app, clerk, team):
    dialog = dialog_for(qtbot, clerk)
    fill(dialog, team, "陈刚", date(2026, 11, 4), date(2026, 11, 7))
    assert dialog.chain_text() == "共4天（3天至5天），审批：村党支部 → 乡镇党委 → 县乡村振兴局 → 县委组织部"
    set_dates(dialog, date(2026, 11, 4), date(2026, 11, 4))
    assert dialog.chain_text().startswith("共1天（3天以内）")


def test_a_start_after_the_end_moves_the_end_along(qtbot, gui_app, clerk, team):
    dialog = dialog_for(qtbot, clerk)
    choose(dialog.person_combo, team.people["李明"])
    dialog.start_edit.setDate(QDate(2026, 11, 20))
    assert dialog.end_edit.date() == QDate(2026, 11, 20)


def test_a_request_that_leaves_fewer_than_two_in_the_village_is_refused_with_the_names_of_those_away(
        qtbot, gui_app, clerk, team):
    file_request(clerk, team, "李明", date(2026, 11, 4), date(2026, 11, 6))
    file_request(clerk, team, "赵丽", date(2026, 11, 5), date(2026, 11, 8))
    before = len(list_requests(clerk, today=TODAY))
    dialog = dialog_for(qtbot, clerk)
    fill(dialog, team, "孙强", date(2026, 11, 5), date(2026, 11, 6))
    text = dialog.findings_text()
    assert "李明（请假11月4日至11月6日" in text and "赵丽（请假11月5日至11月8日" in text
    assert "同一工作队须至少2人在村（§8）" in text
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.request_uuid is None
    assert len(list_requests(clerk, today=TODAY)) == before  # nothing written


def test_an_overlap_with_the_persons_own_leave_marks_the_dates(qtbot, gui_app, clerk, team):
    file_request(clerk, team, "周梅", date(2026, 11, 10), date(2026, 11, 12))
    dialog = dialog_for(qtbot, clerk)
    fill(dialog, team, "周梅", date(2026, 11, 12), date(2026, 11, 13))
    assert "与本人已有的请假重叠" in dialog.findings_text()
    assert dialog.end_edit.property("invalid")


def test_a_draft_is_saved_then_opened_again_and_submitted(qtbot, gui_app, clerk, team):
    dialog = dialog_for(qtbot, clerk)
    choose(dialog.person_combo, team.people["周梅"])
    set_dates(dialog, date(2026, 11, 16), date(2026, 11, 17))
    qtbot.mouseClick(dialog.draft_button, Qt.MouseButton.LeftButton)  # no destination yet: a draft may wait
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.submitted
    uuid = dialog.request_uuid
    assert request_detail(clerk, uuid, TODAY).request.state == "草稿"

    again = dialog_for(qtbot, clerk, request_uuid=uuid)
    assert again.person_combo.currentData() == team.people["周梅"]
    assert again.end_edit.date() == QDate(2026, 11, 17)
    qtbot.mouseClick(again.submit_button, Qt.MouseButton.LeftButton)
    assert "外出地点" in again.findings_text()  # submitting asks for what a draft could leave out
    type_chinese(again.destination_edit, "贵阳市")
    again.reason_edit.setPlainText("探亲")
    qtbot.mouseClick(again.submit_button, Qt.MouseButton.LeftButton)
    assert again.result() == QDialog.DialogCode.Accepted
    assert request_detail(clerk, uuid, TODAY).request.state == "审批中（第1步）"


def test_screenshot_of_the_request_dialog(qtbot, gui_app, clerk, team):
    file_request(clerk, team, "李明", date(2026, 11, 4), date(2026, 11, 6))
    dialog = dialog_for(qtbot, clerk)
    fill(dialog, team, "王建国", date(2026, 11, 5), date(2026, 11, 10))
    choose(dialog.handover_combo, team.people["赵丽"])
    dialog.check_now()
    show_offscreen(dialog)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "leave_request_dialog.png"
    assert dialog.grab().save(str(path))
    assert path.stat().st_size > 10_000
