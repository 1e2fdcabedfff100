"""站点与密钥 and a township's first start: the county makes a set-up package and sees its one-time 配置口令; the
new township PC builds its database from it through the first-run dialog and can sign in; a wrong 口令 changes
nothing. 报送情况: the township sees which months and requests the county has received and decided."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from tests.gui.gui_support import show_offscreen
from tests.gui.handoff.conftest import open_page, screenshot
from tests.handoff.conftest import TOWN_PASSWORD, Pair
from tests.handoff.test_roundtrip import county_decides, enter_october, file_leave
from zhucun_desktop.gui.handoff.setup_dialog import SetupFromPackageDialog
from zhucun_desktop.gui.handoff.sites_tab import KeyHolderDialog, SetupPackageDialog
from zhucun_desktop.gui.login import FirstRunDialog
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.importer import import_package
from zhucun_desktop.handoff.keys import key_holders, unlock_keys
from zhucun_desktop.handoff.setup import normalize_passphrase
from zhucun_desktop.services.accounts import authenticate, create_user, site_is_set_up
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database


def make_setup_package(qtbot, pair: Pair, folder: Path, *, shot: bool = False) -> SetupPackageDialog:
    dialog = SetupPackageDialog(pair.county, folder=folder)
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    dialog.township_combo.setCurrentIndex(dialog.township_combo.findData(pair.other_township_uuid))
    assert dialog.path_edit.text() == str(folder / "西山乡_配置包.zcsetup")
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.made is not None
    assert dialog.code_label.text() == dialog.made.passphrase and dialog.code_label.isVisible()
    assert "当面或电话告诉乡镇管理员" in dialog.warning_label.text()
    if shot:
        screenshot(dialog, "handoff_setup_code")
    return dialog


def test_the_setup_package_dialog_shows_the_one_time_code_and_registers_the_township(qtbot, gui_pair: Pair,
                                                                                   tmp_path: Path) -> None:
    page = open_page(qtbot, gui_pair.county, gui_pair.county_keys)
    assert [page.sites_tab.model.text(r, 0) for r in page.sites_tab.model.rows()] == ["东风镇"]
    dialog = make_setup_package(qtbot, gui_pair, tmp_path, shot=True)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.made.passphrase
    page.sites_tab.refresh()
    assert sorted(page.sites_tab.model.text(r, 0) for r in page.sites_tab.model.rows()) == ["东风镇", "西山乡"]
    page.export_tab.refresh()
    assert page.export_tab.peer_combo.findText("西山乡") >= 0 and page.export_tab.peer_combo.isEnabled()


def fill_setup(qtbot, dialog: SetupFromPackageDialog, path: Path, code: str, password: str = TOWN_PASSWORD) -> None:
    dialog.file_edit.setText(str(path))
    dialog.code_edit.setText(code)
    dialog.username_edit.setText("xishan")
    dialog.name_edit.setText("西山乡组织委员")
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClicks(dialog.confirm_edit, password)


def test_the_first_run_dialog_builds_a_township_database_from_the_package_that_can_sign_in(
        qtbot, gui_app, gui_pair: Pair, tmp_path: Path) -> None:
    made = make_setup_package(qtbot, gui_pair, tmp_path).made
    db = open_database(tmp_path / "西山乡" / "zhucun.db")
    try:
        first = FirstRunDialog(db)
        qtbot.addWidget(first)
        show_offscreen(first)
        assert first.setupButton.text() == "用县里发来的配置包建立乡镇数据库…"
        wrong: list[str] = []

        def answer() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, SetupFromPackageDialog)
            fill_setup(qtbot, dialog, made.path, "AAAA-BBBB-CCCC-DDDD")
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            wrong.append(dialog.error_label.text())
            assert not site_is_set_up(db)  # a wrong 口令 writes nothing
            dialog.code_edit.setText(made.passphrase.lower().replace("-", ""))  # as read out over the phone
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, answer)
        qtbot.mouseClick(first.setupButton, Qt.MouseButton.LeftButton)
        assert wrong and wrong[0].startswith("配置口令不正确")
        assert first.result() == QDialog.DialogCode.Accepted
        assert first.actor is not None and first.actor.username == "xishan"
        actor = authenticate(db, "xishan", TOWN_PASSWORD)
        assert actor.township_uuid == gui_pair.other_township_uuid
        ws = Workspace(db, actor)
        assert not ws.is_county_site and key_holders(ws) == ["xishan"]
        assert unlock_keys(ws, TOWN_PASSWORD) is not None
        page = open_page(qtbot, ws)
        assert page.export_tab.peer_combo.currentText() == "示例县"
        assert page.received_tab is not None and page.sites_tab is None and page.overview_tab is None
    finally:
        db.close()


def test_the_setup_dialog_names_the_field_that_is_missing(qtbot, gui_app, tmp_path: Path) -> None:
    db = open_database(tmp_path / "新" / "zhucun.db")
    try:
        dialog = SetupFromPackageDialog(db)
        qtbot.addWidget(dialog)
        show_offscreen(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.error_label.text().startswith("配置包：")
        dialog.file_edit.setText(str(tmp_path / "没有这个文件.zcsetup"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert "找不到文件" in dialog.error_label.text()
        assert normalize_passphrase("k7qm3xpd") == "K7QM-3XPD"
        assert not site_is_set_up(db)
    finally:
        db.close()


def test_a_key_holder_is_added_with_their_own_login_password(qtbot, gui_pair: Pair) -> None:
    create_user(gui_pair.county, username="zhou", display_name="周干事", role="县委组织部管理员",
                password="zhou-2026")
    dialog = KeyHolderDialog(gui_pair.county, gui_pair.county_keys, key_holders(gui_pair.county))
    qtbot.addWidget(dialog)
    assert dialog.user_combo.currentData() == "zhou"
    dialog.password_edit.setText("wrong-password")
    dialog.accept()
    assert dialog.error_label.text().startswith("登录密码：不正确")
    assert key_holders(gui_pair.county) == ["admin"]
    dialog.password_edit.setText("zhou-2026")
    dialog.accept()
    assert key_holders(gui_pair.county) == ["admin", "zhou"]
    assert unlock_keys(gui_pair.county, "zhou-2026").sign_public == gui_pair.county_keys.sign_public


def test_the_township_sees_what_the_county_received_and_decided(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    request = file_leave(gui_pair)
    page = open_page(qtbot, gui_pair.town, gui_pair.town_keys)
    status = page.received_tab
    page.tabs.setCurrentWidget(status)
    assert status.month_model.text(status.month_model.rows()[0], 2) == "未送达"
    assert status.summary.text().startswith("县委组织部还没有回执")

    up = export_package(gui_pair.town, gui_pair.town_keys, gui_pair.stick)
    import_package(gui_pair.county, gui_pair.county_keys, up.path)
    county_decides(gui_pair, request)
    down = export_package(gui_pair.county, gui_pair.county_keys, gui_pair.stick, destination=gui_pair.town_site_id)
    page.tabs.setCurrentWidget(page.import_tab)
    page.import_tab.choose(down.path)
    qtbot.waitUntil(lambda: not page.import_tab.runner.running, timeout=30000)
    assert "对方回执确认已收到本单位的第1号数据包" in page.import_tab.notice.text()
    page.import_tab.apply()
    qtbot.waitUntil(lambda: not page.import_tab.runner.running, timeout=30000)
    assert page.import_tab.last_result.applied

    page.tabs.setCurrentWidget(status)
    months, leaves = status.month_model, status.leave_model
    assert [(months.text(r, 0), months.text(r, 1), months.text(r, 2)) for r in months.rows()] == \
        [("2026年10月", "已封存", "已送达")]
    [leave] = leaves.rows()
    assert leaves.text(leave, 0) == "李强" and leaves.text(leave, 4) == "已送达"
    assert leaves.text(leave, 5) == "县乡村振兴局同意（2026-11-05）"
    assert status.summary.text().startswith("县委组织部已确认收到第1号数据包")
