"""村和派出单位: add and rename villages with their categories, add and rename dispatching units."""

from __future__ import annotations

from tests.gui.roster.builders import township, unit, village
from zhucun_desktop.gui.roster.org_dialog import OrgDialog
from zhucun_desktop.services import org


def test_a_village_is_added_with_its_categories_then_renamed(qtbot, ws):
    dongfeng = township(ws, "东风镇")
    village(ws, "东风镇", "大坪村")
    dialog = OrgDialog(ws)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.villageTable.rowCount() == 1
    assert not ui.saveVillageButton.isEnabled()  # nothing selected to change yet
    ui.villageNameEdit.setText("小河村")
    dialog.villages.checks["乡村振兴重点村"].setChecked(True)
    dialog.villages.checks["集体经济薄弱村"].setChecked(True)
    ui.newVillageButton.click()
    assert dialog.changed
    saved = {v.name: v.categories for v in org.list_villages(ws, dongfeng)}
    assert saved == {"大坪村": ("脱贫村",), "小河村": ("乡村振兴重点村", "集体经济薄弱村")}
    # The saved village stays selected: renaming it is one edit and 保存修改.
    assert ui.villageTable.selectedItems()[0].text() == "小河村" and ui.saveVillageButton.isEnabled()
    ui.villageNameEdit.setText("小河社区")
    ui.saveVillageButton.click()
    assert sorted(v.name for v in org.list_villages(ws, dongfeng)) == ["大坪村", "小河社区"]


def test_a_duplicate_village_name_is_refused_under_the_tabs(qtbot, ws):
    village(ws, "东风镇", "大坪村")
    dialog = OrgDialog(ws)
    qtbot.addWidget(dialog)
    dialog.ui.villageNameEdit.setText("大坪村")
    dialog.ui.newVillageButton.click()
    assert dialog.ui.messageLabel.text() == "村名：本乡镇已有“大坪村”。"


def test_a_unit_is_added_with_its_kind_and_renamed(qtbot, ws):
    township(ws)
    unit(ws, "县财政局")
    dialog = OrgDialog(ws)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.unitsTab)
    ui.unitNameEdit.setText("县供电公司")
    ui.unitKindCombo.setCurrentText("国有企业")
    ui.contactEdit.setText("周强")
    ui.newUnitButton.click()
    units = {u.name: (u.kind, u.contact_person) for u in org.list_units(ws)}
    assert units["县供电公司"] == ("国有企业", "周强")
    ui.unitNameEdit.setText("国网县供电公司")
    ui.saveUnitButton.click()
    assert sorted(u.name for u in org.list_units(ws)) == ["县财政局", "国网县供电公司"]
