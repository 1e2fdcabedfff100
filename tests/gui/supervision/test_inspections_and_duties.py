"""督查通报 (§14), 履职事项 (§2, §9, §15…) and 重大事项 (§12, §21) on the page, and the 首页's duty box."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from tests.gui.supervision.county import TODAY, answer, build_county, clerk_workspace, open_page
from zhucun_desktop.domain import duties as dd
from zhucun_desktop.gui.pdf_preview import PdfPreviewDialog
from zhucun_desktop.gui.supervision import page as page_module
from zhucun_desktop.gui.supervision.activity_dialog import ActivityDialog
from zhucun_desktop.gui.supervision.duty_panel import DutySummaryPanel
from zhucun_desktop.gui.supervision.incidents_tab import IncidentDialog
from zhucun_desktop.gui.supervision.inspection_dialogs import CircularDialog, FindingDialog, InspectionDialog
from zhucun_desktop.gui.supervision.ledger_dialogs import LedgerDialog
from zhucun_desktop.services import duties, incidents, inspections, ledger


@pytest.fixture
def county(ws):
    return build_county(ws)


def key_of(i: dd.DutyInstance) -> tuple:
    return i.duty_key, i.subject_uuid, i.period_start


def test_a_finding_becomes_a_ledger_row_and_a_circular_is_drafted_saved_and_printed(
        qtbot, gui_app, ws, county, monkeypatch, tmp_path):
    page = open_page(qtbot, ws)
    page.show_tab(page_module.TAB_INSPECTION)
    tab = page.inspection_tab

    def inspection(d: InspectionDialog) -> None:
        d.title_edit.setText("2026年第四季度驻村工作督查")
        d.kind_combo.setCurrentText("不定期")
        d.start_edit.setDate(QDate(2026, 11, 16))
        d.end_edit.setDate(QDate(2026, 11, 18))

    answer(monkeypatch, InspectionDialog, inspection)
    tab.new_action.trigger()
    assert tab.inspection().title == "2026年第四季度驻村工作督查"

    def finding(d: FindingDialog) -> None:
        d.township_combo.setCurrentIndex(d.township_combo.findText("东风镇"))
        d.description_edit.setPlainText("大坪村驻村工作队工作日志记录简单，部分日期与考勤不一致")

    def ledger_row(d: LedgerDialog) -> None:
        d.subject_combo.setCurrentIndex(d.subject_combo.findData(county.people["王建国"]))
        d.responsible_edit.setText("王建国")

    answer(monkeypatch, FindingDialog, finding)
    drafts = answer(monkeypatch, LedgerDialog, ledger_row)
    tab.finding_action.trigger()
    assert drafts[0].source_combo.currentText() == "督查：2026年第四季度驻村工作督查"
    [row] = ledger.list_ledger(ws, today=TODAY)
    assert row.description.startswith("大坪村驻村工作队工作日志") and row.finding_uuids
    assert tab.findings.rowCount() == 1 and tab.findings.cellWidget(0, 3).text() == "查看台账"

    tab.choose_findings([0])
    answer(monkeypatch, CircularDialog, lambda d: d.number_edit.setText("示组通〔2026〕21号"))
    tab.draft_action.trigger()
    [saved] = inspections.list_circulars(ws)
    assert saved.title == "关于2026年第四季度驻村工作督查发现问题情况的通报"
    assert saved.doc_number == "示组通〔2026〕21号" and saved.issued_on == TODAY
    assert "（一）东风镇：大坪村驻村工作队工作日志记录简单" in saved.body
    assert ledger.ledger_row(ws, row.uuid, today=TODAY).circulated  # 是否通报

    kept = tmp_path / "circular.pdf"
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda d: shutil.copyfile(d.pdf_path, kept) and 0)
    tab.print_action.trigger()
    text = subprocess.run(["pdftotext", str(kept), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "关于2026年第四季度驻村工作督查发现问题情况的通报" in flat
    assert "示组通〔2026〕21号" in flat and "2026年11月23日" in flat

    tab.findings.cellWidget(0, 3).click()  # from the finding to its ledger row
    assert page.tabs.currentIndex() == page_module.TAB_LEDGER and page.ledger_tab.current().uuid == row.uuid


def test_a_township_account_reads_inspections_but_cannot_write_them(qtbot, gui_app, ws, county):
    uuid = inspections.create_inspection(ws, title="专项督查", kind="定期", start_date=date(2026, 11, 2))
    inspections.add_finding(ws, uuid, township_uuid=county.townships["东风镇"], description="东风镇的问题")
    inspections.add_finding(ws, uuid, township_uuid=county.townships["红旗乡"], description="红旗乡的问题")
    page = open_page(qtbot, clerk_workspace(ws, county))
    page.show_tab(page_module.TAB_INSPECTION)
    tab = page.inspection_tab
    assert [tab.findings.item(r, 2).text() for r in range(tab.findings.rowCount())] == ["东风镇的问题"]
    assert not any(a.isVisible() for a in (tab.new_action, tab.finding_action, tab.draft_action))


def test_registering_the_event_of_an_open_duty_makes_it_done(qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    page.show_tab(page_module.TAB_DUTIES)
    tab = page.duties_tab
    tab.select_group("东风镇")
    tab.set_state(dd.STATE_TODO)
    talk = next(i for i in tab.duties_shown() if i.duty_key == "township_talk" and i.subject_name == "李明")
    assert talk.state == dd.STATE_TODO and talk.due == date(2026, 12, 31)
    tab.duty_view.selectRow(tab.duties_shown().index(talk))
    seen = answer(monkeypatch, ActivityDialog, lambda d: d.note_edit.setPlainText("党委书记逐一谈话"))
    tab.register_action.trigger()
    form = seen[0]
    assert form.kind_combo.currentText() == "谈心谈话"
    assert form.person_uuids() == [county.people["李明"]]
    done = {key_of(i): i for i in duties.duty_overview(ws, today=TODAY).instances}[key_of(talk)]
    assert done.state == dd.STATE_DONE and done.done_on == TODAY
    tab.set_state(dd.STATE_DONE)
    assert key_of(talk) in {key_of(i) for i in tab.duties_shown()}
    assert tab.activity_model.rows()[0].person_names == ("李明",)
    assert "已登记谈心谈话" in tab.message()


def test_an_event_with_a_participant_not_in_post_is_refused_on_the_form(qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    page.show_tab(page_module.TAB_DUTIES)

    def fill(d: ActivityDialog) -> None:
        d.kind_combo.setCurrentText("谈心谈话")
        d.start_edit.setDate(QDate(2026, 12, 1))  # after today

    seen = answer(monkeypatch, ActivityDialog, fill)
    page.duties_tab.register_action.trigger()
    assert seen[0].result() == 0
    assert "日期：不能登记尚未发生的事项" in seen[0].findings_text()
    assert duties.list_activities(ws) == []


def test_the_duty_box_shows_the_counts_of_duty_overview(qtbot, gui_app, ws, county):
    clerk = clerk_workspace(ws, county)
    for who in (ws, clerk):
        panel = DutySummaryPanel(who, today=TODAY)
        qtbot.addWidget(panel)
        panel.refresh()
        overview = duties.duty_overview(who, today=TODAY)
        assert panel.counts() == {s: overview.counts[s] for s in (dd.STATE_OVERDUE, dd.STATE_SOON, dd.STATE_TODO)}
        assert panel.model.rows() == overview.open_items()[:8]
    assert panel.view.isColumnHidden(panel.model.COL_TOWNSHIP)
    county_groups = {g.township_name for g in duties.duty_overview(ws, today=TODAY).groups}
    clerk_groups = {g.township_name for g in duties.duty_overview(clerk, today=TODAY).groups}
    assert clerk_groups == {"东风镇"} and {"东风镇", "红旗乡"} <= county_groups


def test_a_township_account_sees_only_its_duties_and_spot_check_results(qtbot, gui_app, ws, county):
    from zhucun_desktop.services.spot_checks import CheckedCadre, record_spot_check

    record_spot_check(ws, checked_at=datetime(2026, 11, 20, 9, 0), method="电话询问", checkers="周明",
                      results=[CheckedCadre(county.people["王建国"], "在岗"),
                               CheckedCadre(county.people["陈刚"], "联系不上")])
    page = open_page(qtbot, clerk_workspace(ws, county))
    page.show_tab(page_module.TAB_SPOT)
    spot = page.spot_tab
    assert not spot.new_action.isVisible()
    assert [spot.results.item(r, 0).text() for r in range(spot.results.rowCount())] == ["王建国"]
    page.show_tab(page_module.TAB_DUTIES)
    shown = {page.duties_tab.duty_model.townships.get(i.township_uuid) for i in page.duties_tab.duties_shown()}
    assert shown == {"东风镇"}
    assert not page.duties_tab.group_view.isVisibleTo(page.duties_tab)


def test_a_major_incident_is_registered_with_time_and_reporter(qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    page.show_tab(page_module.TAB_INCIDENTS)

    def fill(d: IncidentDialog) -> None:
        d.kind_combo.setCurrentText("负伤")
        d.occurred_edit.setDateTime(QDateTime(QDate(2026, 11, 22), QTime(15, 40)))
        d.reported_edit.setDateTime(QDateTime(QDate(2026, 11, 22), QTime(17, 5)))
        d.reporter_edit.setText("东风镇党委 组织委员 张华")
        d.township_combo.setCurrentIndex(d.township_combo.findText("东风镇"))
        d.person_combo.setCurrentIndex(d.person_combo.findData(county.people["赵丽"]))
        d.description_edit.setPlainText("入户走访途中摔伤左腿，已送县人民医院治疗。")

    answer(monkeypatch, IncidentDialog, fill)
    page.incidents_tab.new_action.trigger()
    [row] = incidents.list_incidents(ws)
    assert (row.kind, row.person_name, row.township_name) == ("负伤", "赵丽", "东风镇")
    assert row.occurred_at == datetime(2026, 11, 22, 15, 40) and row.reporter == "东风镇党委 组织委员 张华"
    assert page.incidents_tab.model.text(page.incidents_tab.rows()[0], 0) == "2026-11-22 15:40"
