"""The person form checks the 身份证号 as it is typed, shows every refusal next to its field, confirms §4
warnings, and never leaves a person half-created when their posting is refused."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from tests.gui.roster.builders import FS, TM, add_cadre, id_number, ime_type, unit, village, wrong_check_digit
from zhucun_desktop.domain import terms
from zhucun_desktop.gui.roster import feedback
from zhucun_desktop.gui.roster.person_dialog import PersonDialog
from zhucun_desktop.gui.roster.posting_dialogs import EndPostingDialog, NewPostingDialog
from zhucun_desktop.services import accounts, roster
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.models import AuditEntry, DispatchUnit, Person, Posting

GOOD_ID = id_number(date(1985, 3, 12), 123)  # 男


def count(ws: Workspace, model) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))


def fill_new_person(qtbot, dialog: PersonDialog, *, name: str = "刘洋", id_text: str = GOOD_ID,
                    political: str = "中共党员", role: str = FS) -> None:
    ui = dialog.ui
    ime_type(ui.nameEdit, name)
    qtbot.keyClicks(ui.idEdit, id_text)
    ui.politicalCombo.setCurrentText(political)
    if political == "中共党员":
        qtbot.keyClicks(ui.partyDateEdit, "2010-06")
    qtbot.keyClicks(ui.workDateEdit, "2008-07")
    ui.unitCombo.setCurrentText("县财政局")
    qtbot.keyClicks(ui.phoneEdit, "13912345678")
    fields = dialog.posting_fields
    assert fields is not None
    fields.set_place(None)
    fields.ui.villageCombo.setCurrentText("大坪村")
    fields.set_role(role)


def save(dialog: PersonDialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def place(ws):
    village(ws)
    unit(ws)


def new_dialog(qtbot, ws) -> PersonDialog:
    dialog = PersonDialog(ws)
    qtbot.addWidget(dialog)
    return dialog


def test_typing_a_valid_id_shows_the_birth_date_and_sex_it_encodes(qtbot, ws, place):
    dialog = new_dialog(qtbot, ws)
    qtbot.keyClicks(dialog.ui.idEdit, GOOD_ID[:10])
    assert dialog.ui.idInfoLabel.text() == "已输入10位，还差8位"
    qtbot.keyClicks(dialog.ui.idEdit, GOOD_ID[10:])
    assert dialog.ui.idInfoLabel.text() == "出生日期 1985-03-12，男"
    assert dialog.ui.sexCombo.currentText() == "男"
    assert dialog.ui.birthEdit.text() == "1985-03"


def test_a_wrong_check_digit_is_named_while_typing_and_save_is_refused(qtbot, ws, place):
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog, id_text=wrong_check_digit(GOOD_ID))
    live = dialog.ui.idInfoLabel.text()
    assert live.startswith("身份证号：校验码错误，应为")
    save(dialog)
    assert "身份证号：校验码错误" in dialog.ui.errorLabel.text()
    assert dialog.ui.idEdit.property("invalid") is True
    assert dialog.result() == 0
    assert count(ws, Person) == 0


def test_a_first_secretary_who_is_not_a_party_member_is_refused_and_nothing_is_written(qtbot, ws, place):
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog, political="群众", role=FS)
    save(dialog)
    message = dialog.ui.errorLabel.text()
    assert "政治面貌：驻村第一书记须为中共正式党员（§4）" in message
    assert dialog.ui.politicalCombo.property("invalid") is True
    assert count(ws, Person) == 0 and count(ws, Posting) == 0  # not half-created


def test_a_team_member_who_is_not_a_party_member_is_saved_after_confirming_the_warning(
        qtbot, ws, place, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(feedback, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog, political="群众", role=TM)
    save(dialog)
    assert "工作队员优先选派党员（§4）" in asked[0]
    assert dialog.result() == 1
    postings = roster.posting_history(ws, dialog.person_uuid)
    assert [(p.village_name, p.role, p.start_date) for p in postings] == [("大坪村", TM, date.today())]


def test_declining_the_warning_saves_nothing(qtbot, ws, place, monkeypatch):
    monkeypatch.setattr(feedback, "confirm", lambda *_a, **_k: False)
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog, political="群众", role=TM)
    save(dialog)
    assert "提醒：政治面貌：工作队员优先选派党员" in dialog.ui.errorLabel.text()
    assert count(ws, Person) == 0


def test_a_posting_overlapping_no_one_and_a_valid_first_secretary_is_saved_with_the_term(qtbot, ws, place):
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog)
    fields = dialog.posting_fields
    fields.ui.startEdit.setText("")
    qtbot.keyClicks(fields.ui.startEdit, "2025-05-01")
    assert fields.ui.termEndEdit.text() == "2027-05-01"  # §4: start + 2 years, following the start
    assert fields.ui.leaderCheck.isChecked()
    save(dialog)
    assert dialog.result() == 1
    [posting] = roster.posting_history(ws, dialog.person_uuid)
    assert (posting.start_date, posting.term_end_date, posting.is_leader) == (
        date(2025, 5, 1), date(2027, 5, 1), True)
    assert roster.person_values(ws, dialog.person_uuid)["party_join_date"] == date(2010, 6, 1)


def test_an_unreadable_date_names_its_field(qtbot, ws, place):
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog)
    dialog.ui.workDateEdit.setText("去年")
    save(dialog)
    assert "参加工作时间：无法识别的日期“去年”" in dialog.ui.errorLabel.text()
    assert dialog.ui.workDateEdit.property("invalid") is True
    assert count(ws, Person) == 0


def test_a_new_unit_typed_in_is_created_with_the_person_in_one_go(qtbot, ws, place, monkeypatch):
    monkeypatch.setattr("zhucun_desktop.gui.roster.person_dialog.confirm", lambda *_a, **_k: True)
    dialog = new_dialog(qtbot, ws)
    fill_new_person(qtbot, dialog)
    dialog.ui.unitCombo.setCurrentText("县档案馆")
    save(dialog)
    assert dialog.result() == 1
    with ws.read() as s:
        assert s.scalars(select(DispatchUnit.name).where(DispatchUnit.name == "县档案馆")).one()


def test_an_edit_is_saved_and_audited(qtbot, ws):
    person = add_cadre(ws, "王建国", 101)
    dialog = PersonDialog(ws, person)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "人员信息 — 王建国"
    assert dialog.ui.historyTable.rowCount() == 1
    assert dialog.ui.historyTable.item(0, 2).text() == "驻村第一书记（队长）"
    dialog.ui.phoneEdit.clear()
    qtbot.keyClicks(dialog.ui.phoneEdit, "13800001234")
    save(dialog)
    assert dialog.result() == 1
    assert roster.person_values(ws, person)["phone"] == "13800001234"
    with ws.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.record_uuid == person,
                                                     AuditEntry.action == "保存人员")).all()
    [edit] = [e for e in entries if e.before]  # the other one is the person's creation
    assert edit.actor == "admin"
    # Only what the clerk changed: loading and saving the form changes nothing else.
    assert (edit.before, edit.after) == ({"phone": "13987654321"}, {"phone": "13800001234"})


def test_a_county_viewer_reads_the_form_without_a_save_button(qtbot, ws):
    person = add_cadre(ws, "王建国", 101)
    accounts.create_user(ws, username="viewer", display_name="孙看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-2026")
    viewer = Workspace(ws.db, accounts.authenticate(ws.db, "viewer", "viewer-2026"))
    dialog = PersonDialog(viewer, person)
    qtbot.addWidget(dialog)
    assert dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save) is None
    assert dialog.ui.nameEdit.isReadOnly()
    assert dialog.ui.addPostingButton.isHidden() and dialog.ui.endPostingButton.isHidden()


def test_end_a_posting_then_post_the_person_to_another_village(qtbot, ws):
    person = add_cadre(ws, "王建国", 101, start=date(2023, 3, 1))
    [posting] = roster.posting_history(ws, person)
    end = EndPostingDialog(ws, posting.uuid, "王建国，东风镇大坪村驻村第一书记")
    qtbot.addWidget(end)
    end.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "离岗原因：请选择离岗原因" in end.ui.errorLabel.text()
    end.ui.endDateEdit.setText("2025-03-15")
    end.ui.reasonCombo.setCurrentText("任期满")
    end.ui.reasonCombo.setCurrentIndex(end.ui.reasonCombo.findText("任职期满"))
    end.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert end.result() == 1
    village(ws, "东风镇", "小河村")
    new = NewPostingDialog(ws, person, "王建国")
    qtbot.addWidget(new)
    new.fields.ui.villageCombo.setCurrentText("小河村")
    new.fields.ui.startEdit.setText("2025-03-10")
    new.save()
    assert "一人同一时间只能驻一个村" in new.error_label.text()  # overlaps the old posting's last days
    new.fields.ui.startEdit.setText("2025-03-16")
    new.save()
    assert new.result() == 1
    history = roster.posting_history(ws, person)
    assert [(p.village_name, p.end_date, p.end_reason) for p in history] == [
        ("小河村", None, None), ("大坪村", date(2025, 3, 15), "任职期满")]


def test_a_month_typed_the_chinese_way_is_read(qtbot, ws, place):
    dialog = new_dialog(qtbot, ws)
    ime_type(dialog.ui.partyDateEdit, "2010年6月")
    assert dialog.ui.partyDateEdit.date() == date(2010, 6, 1)
    dialog.ui.partyDateEdit.editingFinished.emit()
    assert dialog.ui.partyDateEdit.text() == "2010-06"
