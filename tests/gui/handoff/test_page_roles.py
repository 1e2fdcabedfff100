"""Who sees what on 数据交换, and the USB sticks offered first for the export folder and the import file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.gui_support import show_offscreen
from tests.gui.handoff.conftest import open_page, wait_for
from tests.handoff.conftest import Pair
from tests.handoff.test_roundtrip import enter_october
from zhucun_desktop.domain import terms
from zhucun_desktop.gui.handoff import HandoffPage
from zhucun_desktop.gui.handoff.export_tab import ALL_TOWNSHIPS
from zhucun_desktop.handoff.drives import Drive
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.setup import create_setup_package
from zhucun_desktop.services.accounts import authenticate, create_user
from zhucun_desktop.services.workspace import Workspace


def test_the_page_is_built_from_the_workspace_alone_and_a_new_county_is_told_to_make_setup_packages(
        qtbot, gui_app, ws: Workspace) -> None:
    page = HandoffPage(ws)
    qtbot.addWidget(page)
    show_offscreen(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["导出数据包", "导入数据包", "冲突记录", "汇总", "站点与密钥"]
    assert "请先在“站点与密钥”中为乡镇制作配置包" in page.export_tab.peer_info.text()
    assert not page.export_tab.export_button.isEnabled()
    assert "没有待处理的冲突" in page.conflicts_tab.detail.text()


def test_a_county_viewer_sees_the_overview_but_cannot_export_import_or_manage_keys(qtbot, gui_pair: Pair) -> None:
    create_user(gui_pair.county, username="viewer", display_name="赵查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                password="viewer-2026")
    viewer = Workspace(gui_pair.county.db, authenticate(gui_pair.county.db, "viewer", "viewer-2026"))
    page = open_page(qtbot, viewer)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["导出数据包", "导入数据包", "冲突记录", "汇总"]
    assert not page.export_tab.export_button.isEnabled()
    assert page.export_tab.peer_info.text() == "当前账号为“县级查看”，不能导出数据包。"
    assert not page.conflicts_tab.retry_all_button.isVisibleTo(page)


def test_a_usb_stick_is_offered_first_for_the_export_folder_and_the_import_file(qtbot, gui_pair: Pair,
                                                                                monkeypatch) -> None:
    enter_october(gui_pair)
    stick = Drive(gui_pair.stick, "KINGSTON", 3_200_000_000, 8_000_000_000)
    town = open_page(qtbot, gui_pair.town, gui_pair.town_keys)
    chooser = town.export_tab.place
    chooser.set_path("")
    chooser.refresh([stick])
    [button] = chooser.drive_buttons
    assert button.text() == f"KINGSTON（{gui_pair.stick}），可用 3.2 GB" and chooser.no_drive_label.isHidden()
    assert chooser.path() == gui_pair.stick  # the only stick is taken as the folder at once
    chooser.set_path("")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert chooser.path() == gui_pair.stick
    qtbot.mouseClick(town.export_tab.export_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, town.export_tab.runner)
    [written] = list(gui_pair.stick.glob("*.zcpkg"))

    county = open_page(qtbot, gui_pair.county, gui_pair.county_keys)
    chooser = county.import_tab.place
    chooser.refresh([stick])
    asked: list[str] = []

    def open_file(parent, title, folder, filters):
        asked.append(folder)
        return str(written), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    qtbot.mouseClick(chooser.drive_buttons[0], Qt.MouseButton.LeftButton)
    wait_for(qtbot, county.import_tab.runner)
    assert asked == [str(gui_pair.stick)]  # the file dialog opens on the stick
    assert county.import_tab.plan_model.rowCount() > 0 and county.import_tab.import_button.isEnabled()


def test_a_missing_folder_is_named_and_nothing_is_written(qtbot, gui_pair: Pair, tmp_path: Path) -> None:
    page = open_page(qtbot, gui_pair.town, gui_pair.town_keys)
    page.export_tab.place.set_path(tmp_path / "拔掉的U盘")
    qtbot.mouseClick(page.export_tab.export_button, Qt.MouseButton.LeftButton)
    assert page.export_tab.result.text() == f"保存到：文件夹“{tmp_path / '拔掉的U盘'}”不存在（U盘是否已拔出？）。"
    assert not page.export_tab.runner.running


def test_the_county_can_write_one_package_for_every_township_at_once(qtbot, gui_pair: Pair, tmp_path: Path) -> None:
    create_setup_package(gui_pair.county, gui_pair.other_township_uuid, tmp_path / "西山乡_配置包.zcsetup")
    page = open_page(qtbot, gui_pair.county, gui_pair.county_keys)
    tab = page.export_tab
    tab.peer_combo.setCurrentIndex(tab.peer_combo.findData(ALL_TOWNSHIPS))
    assert tab.peer_info.text() == "将给2个乡镇各写一个数据包。"
    tab.place.set_path(gui_pair.stick)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, tab.runner)
    names = sorted(p.name for p in gui_pair.stick.glob("*.zcpkg"))
    assert names == ["示例县_至_东风镇_000002.zcpkg", "示例县_至_西山乡_000002.zcpkg"]
    assert all(name in tab.result.text() for name in names)
    other = export_package(gui_pair.county, gui_pair.county_keys, tmp_path, destination=tab.peers[0].site_id)
    assert other.sequence == 3  # the numbers went on from the GUI's packages
