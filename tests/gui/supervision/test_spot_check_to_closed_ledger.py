"""Issue 6's "done when", through the page: a spot check that finds a cadre absent without leave proposes a
ledger row (§7 with §8); one click creates it, linked both ways; it is rectified, reported, verified by the
county (§13) and shown closed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from tests.gui.supervision.county import TODAY, answer, build_county, open_page
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.gui.supervision import page as page_module
from zhucun_desktop.gui.supervision.ledger_dialogs import (
    LedgerDialog,
    ProgressDialog,
    SubmitDialog,
    VerifyDialog,
)
from zhucun_desktop.gui.supervision.ledger_model import COL_STATE
from zhucun_desktop.gui.supervision.spot_dialog import SpotCheckDialog
from zhucun_desktop.services import ledger, spot_checks


@pytest.fixture
def county(ws):
    return build_county(ws)


def record_check(monkeypatch, page, township: str, results: dict[str, tuple[str, str]]) -> SpotCheckDialog:
    def fill(d: SpotCheckDialog) -> None:
        d.when_edit.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(10, 30)))
        d.method_combo.setCurrentText("实地检查")
        d.checkers_edit.setText("县委组织部 周明、县乡村振兴局 杨帆")
        d.township_combo.setCurrentIndex(d.township_combo.findText(township))
        for name, (result, note) in results.items():
            d.set_result(name, result, note)

    seen = answer(monkeypatch, SpotCheckDialog, fill)
    page.show_tab(page_module.TAB_SPOT)
    assert page.spot_tab.new_action.isVisible()
    page.spot_tab.new_action.trigger()
    return seen[0]


def state_shown(page) -> str:
    tab = page.ledger_tab
    return tab.proxy.data(tab.proxy.index(tab.view.currentIndex().row(), COL_STATE))


def test_an_absent_cadre_without_leave_becomes_a_ledger_row_that_is_rectified_verified_and_closed(
        qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    dialog = record_check(monkeypatch, page, "东风镇", {"王建国": (sv.RESULT_ABSENT, "村委会和住处均未见本人"),
                                                      "李明": (sv.RESULT_PRESENT, "")})
    assert dialog.result()
    spot = page.spot_tab
    assert [p.person_name for p in spot.proposals] == ["王建国"]
    assert "王建国的抽查结果与考勤、请假不一致" in spot.message()
    assert spot.proposal_table.item(0, 2).text() == "不在岗且无已批准的请假"
    button = spot.proposal_button("王建国")
    assert button.text() == "生成整改台账" and button.isEnabled()

    drafts = answer(monkeypatch, LedgerDialog, lambda d: d.measures_edit.setPlainText("本人书面说明，按旷工处理"))
    button.click()
    draft = drafts[0]
    assert draft.source_combo.currentText() == "县委组织部抽查（实地检查）"
    assert draft.subject_combo.currentText().startswith("王建国")
    assert draft.deadline_edit.date() == QDate(2026, 12, 5)  # 15 days after the check
    assert spot.proposal_button("王建国").text() == "查看台账"
    assert "已将王建国的抽查问题列入整改台账" in spot.message()
    [row] = ledger.list_ledger(ws, today=TODAY)
    results = spot_checks.spot_check(ws, row.spot_check_uuids[0]).results
    assert {r.person_name: r.ledger_uuid for r in results} == {"王建国": row.uuid, "李明": None}

    spot.proposal_button("王建国").click()  # the link from the check to the ledger
    assert page.tabs.currentIndex() == page_module.TAB_LEDGER
    tab = page.ledger_tab
    assert tab.current().uuid == row.uuid and state_shown(page) == sv.STATE_OPEN
    assert "抽查：2026-11-20 10:30 实地检查" in tab.panel.links_label.text()
    assert tab.progress_action.isEnabled() and not tab.verify_action.isEnabled()

    answer(monkeypatch, ProgressDialog, lambda d: (d.on_edit.setDate(QDate(2026, 11, 21)),
                                                   d.progress_edit.setPlainText("已约谈本人，作出书面检查")))
    tab.progress_action.trigger()
    assert state_shown(page) == sv.STATE_IN_PROGRESS
    assert "2026-11-21 已约谈本人，作出书面检查" in tab.panel.history_label.text()

    answer(monkeypatch, SubmitDialog, lambda d: d.completed_edit.setDate(QDate(2026, 11, 22)))
    tab.submit_action.trigger()
    assert state_shown(page) == sv.STATE_AWAITING
    assert not tab.edit_action.isEnabled() and not tab.progress_action.isEnabled()
    assert tab.verify_action.isEnabled()
    assert "等待县委组织部核查" in tab.panel.verify_label.text()

    answer(monkeypatch, VerifyDialog, lambda d: (d.verified_edit.setDate(QDate(2026, 11, 23)),
                                                 d.verifier_edit.setText("周明"),
                                                 d.note_edit.setPlainText("电话回访村干部，情况属实")))
    tab.verify_action.trigger()
    assert state_shown(page) == sv.STATE_CLOSED
    assert "核查通过（2026-11-23 周明）：电话回访村干部，情况属实" in tab.panel.verify_label.text()
    assert "核查通过，这条问题已整改销号" in tab.message()
    assert not any(a.isEnabled() for a in (tab.edit_action, tab.progress_action, tab.submit_action,
                                            tab.verify_action, tab.delete_action))

    spot_uuid = row.spot_check_uuids[0]
    tab.panel.links_label.linkActivated.emit(f"spot:{spot_uuid}")  # the link back from the ledger
    assert page.tabs.currentIndex() == page_module.TAB_SPOT
    assert page.spot_tab.current().uuid == spot_uuid
    shown = {page.spot_tab.results.item(r, 0).text(): page.spot_tab.results.item(r, 4).text()
             for r in range(page.spot_tab.results.rowCount())}
    assert shown == {"王建国": "已列入", "李明": ""}


def test_a_failed_verification_needs_a_reason_and_sends_the_row_back(qtbot, gui_app, ws, county, monkeypatch):
    uuid = ledger.create_ledger_row(ws, ledger.LedgerInput(
        "群众反映", date(2026, 11, 2), sv.SUBJECT_CADRE, county.people["李明"], "周末常不在村", date(2026, 11, 30),
        "李明", township_uuid=county.townships["东风镇"]))
    ledger.submit_rectified(ws, uuid, completed_on=date(2026, 11, 20), today=TODAY)
    page = open_page(qtbot, ws)
    page.ledger_tab.select_row(uuid)
    refused = answer(monkeypatch, VerifyDialog, lambda d: (d.failed.setChecked(True), d.verifier_edit.setText("周明")))
    page.ledger_tab.verify_action.trigger()
    assert refused[0].result() == 0
    assert "核查意见：核查未通过须写明原因和整改要求" in refused[0].findings_text()
    assert ledger.ledger_row(ws, uuid, today=TODAY).history == ()  # nothing written

    answer(monkeypatch, VerifyDialog, lambda d: (d.failed.setChecked(True), d.verifier_edit.setText("周明"),
                                                 d.note_edit.setPlainText("回访群众，仍有周末不在村情况")))
    page.ledger_tab.verify_action.trigger()
    assert state_shown(page) == sv.STATE_IN_PROGRESS
    assert page.ledger_tab.progress_action.isEnabled()
    assert "核查未通过" in page.ledger_tab.panel.verify_label.text()


def test_a_spot_check_of_cadres_in_post_proposes_nothing(qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    record_check(monkeypatch, page, "红旗乡", {"陈刚": (sv.RESULT_PRESENT, ""), "周梅": (sv.RESULT_PRESENT, "")})
    assert page.spot_tab.proposals == []
    assert page.spot_tab.proposal_table.rowCount() == 0
    assert "不需要列入整改台账" in page.spot_tab.proposal_hint.text()
    assert page.spot_tab.results.rowCount() == 2


def test_a_spot_check_with_nobody_ticked_is_refused_on_the_form(qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    seen = answer(monkeypatch, SpotCheckDialog, lambda d: d.checkers_edit.setText("周明"))
    page.show_tab(page_module.TAB_SPOT)
    page.spot_tab.new_action.trigger()
    assert seen[0].result() == 0
    assert "抽查对象：至少要有一名被抽查的驻村干部" in seen[0].findings_text()
    assert spot_checks.list_spot_checks(ws) == []
    assert seen[0].table.item(0, 1).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
