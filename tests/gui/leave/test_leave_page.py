"""请销假 page: the list, the chain beside it, and a request's life driven through the toolbar (§8)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from tests.gui.leave.team import TODAY, Team, build_team, clerk_workspace, file_request, sign_all
from zhucun_desktop.domain.leave_rules import DECISION_DISAGREE
from zhucun_desktop.gui.leave import page as page_module
from zhucun_desktop.gui.leave import return_dialog, step_dialog
from zhucun_desktop.gui.leave.page import LeavePage
from zhucun_desktop.gui.leave.table_model import COL_NAME, COL_STATE, OVERDUE

OCT_LEAVE = (date(2026, 10, 29), date(2026, 10, 31))  # ended Saturday; due back Monday 2 November
LATE_LEAVE = (date(2026, 10, 19), date(2026, 10, 21))  # due 22 October: overdue on 2 November


@pytest.fixture
def team(ws) -> Team:
    return build_team(ws)


@pytest.fixture
def clerk(ws, team):
    return clerk_workspace(ws, team)


def open_page(qtbot, ws) -> LeavePage:
    page = LeavePage(ws, today=TODAY)
    qtbot.addWidget(page)
    return page


def column(page: LeavePage, col: int) -> list[str]:
    return [page.proxy.data(page.proxy.index(r, col)) for r in range(page.proxy.rowCount())]


def row_state(page: LeavePage, uuid: str) -> str:
    page.select_request(uuid)
    return page.proxy.data(page.proxy.index(page.view.currentIndex().row(), COL_STATE))


def run_dialog(monkeypatch, cls, fill) -> list:
    """Answer the page's modal dialog the way a clerk would: ``fill(dialog)``, then its OK button."""
    seen = []

    def fake_exec(dialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def sign(monkeypatch, page: LeavePage, signer: str, decision: str | None = None) -> step_dialog.StepDialog:
    def fill(dialog) -> None:
        dialog.signer_edit.setText(signer)
        if decision == DECISION_DISAGREE:
            dialog.disagree.setChecked(True)

    seen = run_dialog(monkeypatch, step_dialog.StepDialog, fill)
    assert page.step_action.isEnabled()
    page.step_action.trigger()
    return seen[0]


def test_the_list_shows_each_request_with_its_state_and_the_body_it_waits_for(qtbot, gui_app, clerk, team):
    uuid = file_request(clerk, team, "李明", date(2026, 11, 4), date(2026, 11, 6))
    page = open_page(qtbot, clerk)
    assert column(page, COL_NAME) == ["李明"]
    assert row_state(page, uuid) == "审批中（第1步）：驻村第一书记"
    assert page.view.isColumnHidden(1)  # 所属乡镇: a township clerk sees only their own


def test_recording_the_steps_in_order_approves_the_request(qtbot, gui_app, clerk, team, monkeypatch):
    uuid = file_request(clerk, team, "王建国", date(2026, 11, 4), date(2026, 11, 6))
    page = open_page(qtbot, clerk)
    page.select_request(uuid)
    texts = [label.text() for label in page.panel.step_labels]
    assert "第1步　村党支部" in texts[0] and "待审批（下一步）" in texts[0]
    assert "报县委组织部备案" in texts[-1]

    first = sign(monkeypatch, page, "张书记")
    assert first.body == "村党支部"
    assert row_state(page, uuid) == "审批中（第2步）：乡镇党委"
    assert "✔ 同意" in page.panel.step_labels[0].text() and "张书记" in page.panel.step_labels[0].text()
    assert "待审批（下一步）" in page.panel.step_labels[1].text()

    second = sign(monkeypatch, page, "刘书记")
    assert second.body == "乡镇党委"
    assert row_state(page, uuid) == "已批准"
    assert not page.step_action.isEnabled()
    assert "已登记乡镇党委的审批意见：同意" in page.message()


def test_a_refused_step_ends_the_request(qtbot, gui_app, clerk, team, monkeypatch):
    uuid = file_request(clerk, team, "赵丽", date(2026, 11, 9), date(2026, 11, 10))
    page = open_page(qtbot, clerk)
    page.select_request(uuid)
    sign(monkeypatch, page, "王建国", DECISION_DISAGREE)
    assert row_state(page, uuid) == "未批准"
    assert "✘ 不同意" in page.panel.step_labels[0].text()
    assert all("待审批" not in label.text() for label in page.panel.step_labels)
    assert not page.step_action.isEnabled()


def test_a_township_clerk_cannot_record_a_county_bodys_decision_but_the_county_can(
        qtbot, gui_app, ws, clerk, team, monkeypatch):
    uuid = file_request(clerk, team, "陈刚", date(2026, 11, 4), date(2026, 11, 7))  # 4 days: county bodies
    sign_all(clerk, uuid, TODAY, steps=2)
    page = open_page(qtbot, clerk)
    page.select_request(uuid)
    assert row_state(page, uuid) == "审批中（第3步）：县乡村振兴局"
    assert not page.step_action.isEnabled()
    assert "由县委组织部在县里登记" in page.step_action.toolTip()

    county = open_page(qtbot, ws)
    county.select_request(uuid)
    assert sign(monkeypatch, county, "县乡村振兴局局长").body == "县乡村振兴局"
    assert row_state(county, uuid) == "审批中（第4步）：县委组织部"


def test_a_return_is_registered_on_time(qtbot, gui_app, clerk, team, monkeypatch):
    uuid = file_request(clerk, team, "孙强", *OCT_LEAVE, filed_on=date(2026, 10, 26))
    sign_all(clerk, uuid, date(2026, 10, 27), today=date(2026, 10, 27))
    page = open_page(qtbot, clerk)
    assert row_state(page, uuid) == "请假中"
    assert page.return_action.isEnabled()
    seen = run_dialog(monkeypatch, return_dialog.ReturnDialog, lambda d: None)
    page.return_action.trigger()
    dialog = seen[0]
    assert dialog.due_label.text().startswith("2026-11-02")
    assert dialog.lateness.text() == "按期销假。"
    assert row_state(page, uuid) == "已销假"
    assert "已于2026-11-02销假" in page.panel.return_label.text()
    assert not page.return_action.isEnabled()


def test_an_overdue_leave_is_red_swept_on_opening_and_named_in_the_strip(qtbot, gui_app, clerk, team):
    uuid = file_request(clerk, team, "周梅", *LATE_LEAVE, filed_on=date(2026, 10, 16))
    sign_all(clerk, uuid, date(2026, 10, 16), today=date(2026, 10, 16))
    page = open_page(qtbot, clerk)
    assert row_state(page, uuid) == "逾期未销假"
    row = page.view.currentIndex().row()
    assert page.proxy.data(page.proxy.index(row, COL_NAME), page_module.Qt.ItemDataRole.ForegroundRole).color() \
        == OVERDUE
    assert "逾期未销假" in page.away_strip.text() and "周梅" in page.away_strip.text()
    assert "逾期未销假1人次" in page.message_label.toolTip() + page.message()
    assert "逾期未销假" in page.panel.return_label.text()


def test_the_strip_names_who_is_away_today(qtbot, gui_app, clerk, team):
    uuid = file_request(clerk, team, "李明", date(2026, 11, 1), date(2026, 11, 3), filed_on=date(2026, 10, 30))
    sign_all(clerk, uuid, date(2026, 10, 30), today=date(2026, 10, 30))
    page = open_page(qtbot, clerk)
    assert "今日离村（11月2日）" in page.away_strip.text()
    assert "李明（大坪村，事假，至11月3日）" in page.away_strip.text()


def test_filters_by_state_and_search_by_name(qtbot, gui_app, clerk, team):
    file_request(clerk, team, "李明", date(2026, 11, 4), date(2026, 11, 6))
    file_request(clerk, team, "周梅", date(2026, 11, 16), date(2026, 11, 17), submit=False)
    page = open_page(qtbot, clerk)
    assert sorted(column(page, COL_NAME)) == sorted(["李明", "周梅"])
    page.filters.set_state("草稿")
    assert column(page, COL_NAME) == ["周梅"]
    page.filters.set_state(None)
    page.filters.search_edit.setText("李")
    page.filters.flush_search()
    assert column(page, COL_NAME) == ["李明"]
    assert page.filters.count_label.text() == "共 1 份"


def test_a_draft_opens_for_editing_and_only_a_draft(qtbot, gui_app, clerk, team):
    draft = file_request(clerk, team, "周梅", date(2026, 11, 16), date(2026, 11, 17), submit=False)
    filed = file_request(clerk, team, "李明", date(2026, 11, 4), date(2026, 11, 6))
    page = open_page(qtbot, clerk)
    page.select_request(draft)
    assert page.edit_action.isEnabled() and page.withdraw_action.isEnabled()
    page.select_request(filed)
    assert not page.edit_action.isEnabled()


def test_a_county_viewer_sees_the_requests_and_changes_nothing(qtbot, gui_app, ws, clerk, team):
    from zhucun_desktop.domain import terms
    from zhucun_desktop.services import accounts
    from zhucun_desktop.services.workspace import Workspace

    file_request(clerk, team, "李明", date(2026, 11, 4), date(2026, 11, 6))
    accounts.create_user(ws, username="viewer1", display_name="查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-123")
    viewer = Workspace(ws.db, accounts.authenticate(ws.db, "viewer1", "viewer-123"))
    page = open_page(qtbot, viewer)
    assert column(page, COL_NAME) == ["李明"]
    assert not page.view.isColumnHidden(1)
    assert not page.new_action.isVisible() and not page.step_action.isVisible()
    assert page.print_action.isVisible() and page.book_action.isVisible()


def test_an_extension_goes_through_the_chain_of_the_whole_length(qtbot, gui_app, clerk, team, monkeypatch):
    from zhucun_desktop.gui.leave import extend_dialog

    uuid = file_request(clerk, team, "李明", date(2026, 11, 1), date(2026, 11, 3), filed_on=date(2026, 10, 30))
    sign_all(clerk, uuid, date(2026, 10, 30), today=date(2026, 10, 30))
    page = open_page(qtbot, clerk)
    page.select_request(uuid)
    assert page.extend_action.isEnabled()

    def fill(dialog) -> None:
        dialog.end_edit.setDate(QDate(2026, 11, 5))
        dialog.reason_edit.setPlainText("病情需继续治疗")

    seen = run_dialog(monkeypatch, extend_dialog.ExtendDialog, fill)
    page.extend_action.trigger()
    assert "续假2天" in seen[0].days_label.text() and "连同原请假共5天（3天至5天）" in seen[0].days_label.text()
    new = seen[0].result_value
    assert page.current_row().uuid == new
    assert row_state(page, new) == "审批中（第1步）：驻村第一书记"
    assert "驻村第一书记 → 村党支部 → 乡镇党委 → 县乡村振兴局 → 县委组织部" in seen[0].days_label.text()
    assert "续假已提交（至2026-11-05）" in page.message()


def test_a_withdrawal_needs_a_reason_and_then_ends_the_request(qtbot, gui_app, clerk, team, monkeypatch):
    from zhucun_desktop.gui.leave import extend_dialog

    uuid = file_request(clerk, team, "赵丽", date(2026, 11, 9), date(2026, 11, 10))
    page = open_page(qtbot, clerk)
    page.select_request(uuid)
    answers = iter(["", "行程取消"])
    seen = []

    def fake_exec(dialog) -> int:
        seen.append(dialog)
        for answer in answers:
            dialog.reason_edit.setPlainText(answer)
            dialog.save()
            if dialog.result():
                break
            seen.append(dialog.message.text())
        return dialog.result()

    monkeypatch.setattr(extend_dialog.WithdrawDialog, "exec", fake_exec)
    page.withdraw_action.trigger()
    assert seen[1] == "撤回原因：请写明撤回的原因"
    assert row_state(page, uuid) == "已撤回"
    assert not page.withdraw_action.isEnabled()
    assert "2026-11-02撤回，原因：行程取消" in page.panel.facts.text()


def test_new_request_is_on_ctrl_n_and_offers_the_clerks_township(qtbot, gui_app, clerk, team, monkeypatch):
    from PySide6.QtGui import QKeySequence

    from zhucun_desktop.gui.leave import request_dialog

    opened = []
    monkeypatch.setattr(request_dialog.RequestDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    page = open_page(qtbot, clerk)
    # The offscreen platform has no active window to deliver shortcuts to: check the binding, then use it.
    assert page.new_action.shortcut() == QKeySequence("Ctrl+N")
    assert page.new_action in page.actions()
    page.new_action.trigger()
    assert len(opened) == 1
    people = [opened[0].person_combo.itemText(i) for i in range(opened[0].person_combo.count())]
    assert "王建国（大坪村，驻村第一书记）" in people and len(people) == 7


def test_the_page_opens_on_a_county_with_no_requests_yet(qtbot, gui_app, ws):
    page = LeavePage(ws)  # as the main window builds it: the workspace alone
    qtbot.addWidget(page)
    assert page.proxy.rowCount() == 0
    assert page.filters.count_label.text() == "共 0 份"
    assert "无人请假离村" in page.away_strip.text()
    assert not page.step_action.isEnabled() and not page.print_action.isEnabled()
    assert page.message() == ""
