"""规则设置: the county administrator changes §8's thresholds and chains on screen, as a new version."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.gui_support import show_offscreen
from zhucun_desktop.gui.leave.rule_editor import COL_CHAIN, COL_LABEL, COL_MAX
from zhucun_desktop.gui.settings.rule_sets_tab import RuleSetsTab
from zhucun_desktop.services import rule_sets

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def tab(qtbot, gui_app, ws) -> RuleSetsTab:
    widget = RuleSetsTab(ws)
    qtbot.addWidget(widget)
    return widget


def cell(tab: RuleSetsTab, row: int, col: int) -> str:
    return tab.tiers.table.item(row, col).text()


def edit_cell(tab: RuleSetsTab, row: int, col: int, text: str) -> None:
    tab.tiers.table.setCurrentCell(row, col)
    tab.tiers.table.item(row, col).setText(text)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_active_version_is_listed_and_its_three_bands_are_in_the_editor(tab):
    assert [tab.model.data(tab.model.index(0, c)) for c in range(3)] == [
        "XX县驻村管理若干措施（默认）", "第1版", "启用中"]
    assert [cell(tab, r, COL_MAX) for r in range(3)] == ["3", "5", ""]
    assert [cell(tab, r, COL_LABEL) for r in range(3)] == ["3天以内", "3天至5天", "5天以上"]
    assert cell(tab, 0, COL_CHAIN) == "村党支部 → 乡镇党委"
    assert tab.first_step_combo.currentText() == "驻村第一书记"
    assert tab.handover_check.isChecked()
    assert tab.min_remaining_spin.value() == 2
    assert tab.return_spin.value() == 1
    assert tab.save_button.isEnabled()


def test_a_changed_threshold_is_saved_as_a_new_active_version(qtbot, tab, ws):
    edit_cell(tab, 0, COL_MAX, "2")
    edit_cell(tab, 0, COL_LABEL, "2天以内")
    tab.name_edit.setText("XX县驻村管理若干措施（2027年修订）")
    click(qtbot, tab.save_button)
    active = rule_sets.active_rule_set(ws)
    assert (active.name, active.number) == ("XX县驻村管理若干措施（2027年修订）", 2)
    assert active.leave.tiers[0].max_days == 2
    assert [v.number for v in rule_sets.list_rule_sets(ws)] == [2, 1]
    assert "第2版并启用" in tab.status_label.text()
    assert tab.model.data(tab.model.index(0, 2)) == "启用中"
    assert tab.model.data(tab.model.index(1, 2)) == ""


def test_a_changed_threshold_changes_the_chain_of_a_new_request(qtbot, tab, ws):
    from PySide6.QtCore import QDate

    from tests.gui.leave.team import TODAY, build_team
    from zhucun_desktop.gui.leave.request_dialog import RequestDialog

    team = build_team(ws)
    edit_cell(tab, 0, COL_MAX, "2")
    edit_cell(tab, 0, COL_LABEL, "2天以内")
    click(qtbot, tab.save_button)
    dialog = RequestDialog(ws, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(team.people["王建国"]))
    dialog.start_edit.setDate(QDate(2026, 11, 4))
    dialog.end_edit.setDate(QDate(2026, 11, 6))
    dialog.check_now()
    assert dialog.chain_text() == "共3天（3天至5天），审批：村党支部 → 乡镇党委 → 县乡村振兴局 → 县委组织部"
    assert dialog.chain_label.toolTip().endswith("（第2版）")


def test_bands_out_of_order_are_listed_in_chinese_and_nothing_is_saved(qtbot, tab, ws):
    edit_cell(tab, 1, COL_MAX, "2")
    assert not tab.save_button.isEnabled()
    assert "第2档（3天至5天）的天数上限（2天）应大于上一档的（3天）" in tab.problems_label.text()
    click(qtbot, tab.save_button)
    assert [v.number for v in rule_sets.list_rule_sets(ws)] == [1]


def test_a_band_with_an_empty_chain_cannot_be_saved(qtbot, tab):
    tab.tiers.table.setCurrentCell(0, COL_LABEL)
    editor = tab.tiers.chain_editor
    for _ in range(2):
        editor.list.setCurrentRow(0)
        click(qtbot, editor.remove_button)
    assert cell(tab, 0, COL_CHAIN) == "（未设置）"
    assert "签字顺序是空的" in tab.problems_label.text()
    assert not tab.save_button.isEnabled()


def test_the_chain_editor_adds_a_known_body_and_moves_it_up(qtbot, tab, ws):
    tab.tiers.table.setCurrentCell(0, COL_LABEL)
    editor = tab.tiers.chain_editor
    editor.body_combo.setCurrentText("县委组织部")
    click(qtbot, editor.add_button)
    click(qtbot, editor.up_button)
    assert editor.chain() == ["村党支部", "县委组织部", "乡镇党委"]
    assert cell(tab, 0, COL_CHAIN) == "村党支部 → 县委组织部 → 乡镇党委"
    click(qtbot, tab.save_button)
    assert rule_sets.active_rule_set(ws).leave.tiers[0].chain == ("村党支部", "县委组织部", "乡镇党委")


def test_the_first_secretary_may_not_be_put_in_a_band_chain(qtbot, tab):
    tab.tiers.table.setCurrentCell(2, COL_LABEL)
    tab.tiers.chain_editor.body_combo.setCurrentText("驻村第一书记")
    click(qtbot, tab.tiers.chain_editor.add_button)
    assert "不应有“驻村第一书记”" in tab.problems_label.text()
    assert not tab.save_button.isEnabled()


def test_a_new_band_goes_before_the_open_last_band(qtbot, tab):
    click(qtbot, tab.tiers.add_button)
    assert [cell(tab, r, COL_MAX) for r in range(4)] == ["3", "5", "6", ""]
    assert cell(tab, 2, COL_CHAIN) == cell(tab, 3, COL_CHAIN)  # starts from the last band's chain
    assert tab.save_button.isEnabled()


def test_the_003_preset_is_loaded_into_the_editor_and_saved_as_a_version(qtbot, tab, ws):
    tab.preset_combo.setCurrentIndex(tab.preset_combo.findData("programme_003"))
    click(qtbot, tab.preset_button)
    assert [cell(tab, r, COL_CHAIN) for r in range(2)] == ["乡镇党委", "乡镇党委 → 县委组织部"]
    assert [v.number for v in rule_sets.list_rule_sets(ws)] == [1]  # loading alone stores nothing
    click(qtbot, tab.save_button)
    active = rule_sets.active_rule_set(ws)
    assert active.number == 2 and [t.chain for t in active.leave.tiers] == [("乡镇党委",), ("乡镇党委", "县委组织部")]


def test_an_older_version_is_enabled_again(qtbot, tab, ws, monkeypatch):
    monkeypatch.setattr("zhucun_desktop.gui.settings.rule_sets_tab.confirm", lambda *a, **k: True)
    tab.name_edit.setText("试行版")
    edit_cell(tab, 0, COL_MAX, "2")
    click(qtbot, tab.save_button)
    tab.select_version(rule_sets.list_rule_sets(ws)[1].uuid)
    assert tab.activate_button.isEnabled()
    click(qtbot, tab.activate_button)
    assert rule_sets.active_rule_set(ws).number == 1
    assert [cell(tab, r, COL_MAX) for r in range(3)] == ["3", "5", ""]


def test_a_township_clerk_sees_the_rules_read_only_with_the_reason(qtbot, gui_app, clerk_ws):
    tab = RuleSetsTab(clerk_ws)
    qtbot.addWidget(tab)
    assert "只能查看" in tab.intro.text()
    assert tab.save_button.isHidden() and tab.preset_button.isHidden() and tab.activate_button.isHidden()
    assert tab.tiers.add_button.isHidden()
    assert not tab.first_step_combo.isEnabled()
    assert cell(tab, 0, COL_CHAIN) == "村党支部 → 乡镇党委"


def test_screenshot_of_the_rule_set_editor(qtbot, tab):
    tab.resize(1000, 640)
    show_offscreen(tab)
    tab.tiers.table.setCurrentCell(1, COL_LABEL)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "settings_rule_sets.png"
    assert tab.grab().save(str(path))
    assert path.stat().st_size > 10_000
