"""首次设置 and 登录: refusals appear in red under the form, naming the field; good input gets through."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.gui.gui_support import assert_not_blank, save_shot, show_offscreen, type_chinese
from zhucun_desktop.gui.login import FirstRunDialog, LoginDialog
from zhucun_desktop.services.accounts import authenticate, site_is_set_up
from zhucun_desktop.storage.database import open_database


def _fresh_db(tmp_path):
    return open_database(tmp_path / "新建" / "zhucun.db")


def _fill_first_run(qtbot, dialog, password, confirm=None):
    type_chinese(dialog.ui.countyEdit, "示例县")
    type_chinese(dialog.ui.displayNameEdit, "李管理")
    qtbot.keyClicks(dialog.ui.passwordEdit, password)
    qtbot.keyClicks(dialog.ui.confirmEdit, password if confirm is None else confirm)


def test_first_run_refuses_a_short_password_naming_the_field(qtbot, gui_app, tmp_path):
    db = _fresh_db(tmp_path)
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        show_offscreen(dialog)
        _fill_first_run(qtbot, dialog, "12345")
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
        assert dialog.ui.errorLabel.text().startswith("密码：")
        assert "6位" in dialog.ui.errorLabel.text()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert not site_is_set_up(db)
    finally:
        db.close()


def test_first_run_refuses_a_confirmation_that_differs(qtbot, gui_app, tmp_path):
    db = _fresh_db(tmp_path)
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        show_offscreen(dialog)
        _fill_first_run(qtbot, dialog, "zhucun-2026", "zhucun-2027")
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
        assert dialog.ui.errorLabel.text().startswith("确认密码：")
        assert not site_is_set_up(db)
    finally:
        db.close()


def test_first_run_refuses_an_empty_county_name(qtbot, gui_app, tmp_path):
    db = _fresh_db(tmp_path)
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        show_offscreen(dialog)
        type_chinese(dialog.ui.displayNameEdit, "李管理")
        qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
        assert dialog.ui.errorLabel.text().startswith("县名：")
        assert dialog.focusWidget() is dialog.ui.countyEdit
    finally:
        db.close()


def test_first_run_with_good_input_sets_up_the_county_site(qtbot, gui_app, tmp_path):
    db = _fresh_db(tmp_path)
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        show_offscreen(dialog)
        _fill_first_run(qtbot, dialog, "zhucun-2026")
        qtbot.keyClick(dialog.ui.confirmEdit, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.ui.errorLabel.text() == ""
        assert site_is_set_up(db)
        assert dialog.actor is not None and dialog.actor.is_admin and dialog.actor.username == "admin"
        assert authenticate(db, "admin", "zhucun-2026").display_name == "李管理"
    finally:
        db.close()


def test_first_run_says_township_installations_start_from_the_county_package(qtbot, gui_app, db):
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    assert "设置包" in dialog.ui.noteLabel.text() and "数据交换" in dialog.ui.noteLabel.text()


def test_login_with_a_wrong_password_says_so_under_the_form(qtbot, gui_app, db):
    dialog = LoginDialog(db, site_name="示例县委组织部")
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    qtbot.keyClicks(dialog.ui.usernameEdit, "admin")
    qtbot.keyClicks(dialog.ui.passwordEdit, "wrong-password")
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert "用户名或密码不正确" in dialog.ui.errorLabel.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.actor is None
    assert dialog.ui.passwordEdit.text() == ""


def test_login_with_enter_signs_in(qtbot, gui_app, db):
    dialog = LoginDialog(db, username="admin")
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    assert dialog.ui.usernameEdit.text() == "admin"
    qtbot.keyClicks(dialog.ui.passwordEdit, "zhucun-2026")
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.display_name == "李管理"


def test_login_shows_the_demo_accounts_hint_only_when_given(qtbot, gui_app, db):
    plain = LoginDialog(db)
    hinted = LoginDialog(db, hint="演示数据库的账号：admin / demo")
    qtbot.addWidget(plain)
    qtbot.addWidget(hinted)
    assert plain.ui.hintLabel.isHidden()
    assert not hinted.ui.hintLabel.isHidden() and "admin" in hinted.ui.hintLabel.text()


def test_login_is_on_screen_before_the_database_and_keeps_what_was_typed_while_it_opens(qtbot, gui_app, db):
    dialog = LoginDialog(None, username="admin")
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    assert dialog.ui.siteLabel.text() == "正在打开数据库……"
    assert_not_blank(save_shot(dialog, "login_opening"))
    qtbot.keyClicks(dialog.ui.passwordEdit, "zhucun-2026")
    dialog.attach(db, site_name="示例县委组织部")
    assert dialog.ui.siteLabel.text() == "示例县委组织部" and dialog.ui.passwordEdit.text() == "zhucun-2026"
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.actor.display_name == "李管理"


def test_the_first_run_and_account_forms_ask_for_the_same_password_length_as_the_accounts_service():
    from zhucun_desktop.gui.login import new_admin_problem
    from zhucun_desktop.services.accounts import MIN_PASSWORD

    assert new_admin_problem("admin", "李管理", "x" * (MIN_PASSWORD - 1), "x" * (MIN_PASSWORD - 1)) == \
        f"密码：至少{MIN_PASSWORD}位。"
    assert new_admin_problem("admin", "李管理", "x" * MIN_PASSWORD, "x" * MIN_PASSWORD) is None
