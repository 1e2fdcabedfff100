"""系统设置: accounts, backups and restore, the audit log — each through what the clerk sees and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import CLERK_PASSWORD
from tests.gui.gui_support import show_offscreen, type_chinese
from zhucun_desktop.domain import terms
from zhucun_desktop.gui.main_window import MainWindow
from zhucun_desktop.gui.settings.accounts_tab import UsersModel
from zhucun_desktop.gui.settings.audit_model import AuditModel
from zhucun_desktop.gui.settings.backup_tab import BackupsModel
from zhucun_desktop.gui.settings.user_dialogs import NewUserDialog, ResetPasswordDialog
from zhucun_desktop.gui.settings_page import SettingsPage
from zhucun_desktop.services import accounts
from zhucun_desktop.services.errors import AuthError
from zhucun_desktop.storage.backup import list_backups


def tab_titles(page: SettingsPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def column(model, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


@pytest.fixture
def page(qtbot, gui_app, ws) -> SettingsPage:
    widget = SettingsPage(ws)
    qtbot.addWidget(widget)
    return widget


# ---------------------------------------------------------------- tabs and who sees them ----------------------


def test_the_administrator_sees_every_settings_tab(page):
    assert tab_titles(page) == ["账号管理", "数据备份", "操作日志", "数据库检查", "工作日历", "规则设置"]


def test_a_township_clerk_may_only_change_their_own_password_and_cannot_restore(qtbot, gui_app, clerk_ws):
    page = SettingsPage(clerk_ws)
    qtbot.addWidget(page)
    assert tab_titles(page) == ["修改我的密码", "数据备份", "数据库检查", "工作日历", "规则设置"]
    assert page.accounts_tab.model is None
    assert page.backup_tab.restore_button.isHidden()


def test_a_clerk_changes_their_own_password_after_giving_the_old_one(qtbot, gui_app, clerk_ws):
    page = SettingsPage(clerk_ws)
    qtbot.addWidget(page)
    form = page.accounts_tab.own_password
    qtbot.keyClicks(form.old_edit, "not-my-password")
    qtbot.keyClicks(form.new_edit, "new-pass-1")
    qtbot.keyClicks(form.confirm_edit, "new-pass-1")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "原密码不正确。"
    form.old_edit.clear()
    qtbot.keyClicks(form.old_edit, CLERK_PASSWORD)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "密码已修改" in form.message.text()
    assert accounts.authenticate(clerk_ws.db, clerk_ws.actor.username, "new-pass-1").username == "dongfeng01"


# ---------------------------------------------------------------- accounts ------------------------------------


def test_creating_a_township_clerk_through_the_dialog(qtbot, gui_app, ws, county):
    dialog = NewUserDialog(ws)
    qtbot.addWidget(dialog)
    show_offscreen(dialog)
    dialog.role_combo.setCurrentText(terms.USER_ROLE_COUNTY_VIEWER)
    assert not dialog.township_shown()
    dialog.role_combo.setCurrentText(terms.USER_ROLE_TOWNSHIP_CLERK)
    assert dialog.township_shown()
    qtbot.keyClicks(dialog.username_edit, "hongqi01")
    type_chinese(dialog.name_edit, "孙红")
    dialog.township_combo.setCurrentText("红旗乡")
    qtbot.keyClicks(dialog.password_edit, "hongqi-2026")
    qtbot.keyClicks(dialog.confirm_edit, "hongqi-2026")
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    assert dialog.error.text() == ""
    assert dialog.created_id is not None
    actor = accounts.authenticate(ws.db, "hongqi01", "hongqi-2026")
    assert (actor.display_name, actor.role, actor.township_uuid) == (
        "孙红", terms.USER_ROLE_TOWNSHIP_CLERK, county.townships["红旗乡"])


def test_the_new_account_dialog_names_the_field_it_refuses(qtbot, gui_app, ws):
    dialog = NewUserDialog(ws)
    qtbot.addWidget(dialog)
    dialog.role_combo.setCurrentText(terms.USER_ROLE_COUNTY_VIEWER)
    qtbot.keyClicks(dialog.username_edit, "viewer")
    type_chinese(dialog.name_edit, "钱查看")
    qtbot.keyClicks(dialog.password_edit, "123")
    qtbot.keyClicks(dialog.confirm_edit, "123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("密码：")
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("long-enough")
    dialog.confirm_edit.setText("long-enough")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "用户名：“admin”已存在。"


def test_a_township_role_without_townships_is_refused_with_a_hint(qtbot, gui_app, ws):
    dialog = NewUserDialog(ws)
    qtbot.addWidget(dialog)
    dialog.role_combo.setCurrentText(terms.USER_ROLE_TOWNSHIP_LEADER)
    qtbot.keyClicks(dialog.username_edit, "leader")
    type_chinese(dialog.name_edit, "吴领导")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("所属乡镇：")


def test_the_accounts_table_lists_users_and_disables_and_enables_them(qtbot, page, ws, monkeypatch):
    accounts.create_user(ws, username="viewer", display_name="钱查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-1")
    tab = page.accounts_tab
    tab.refresh()
    assert column(tab.model, UsersModel.COL_USERNAME) == ["admin", "viewer"]
    tab.select_user("admin")
    assert not tab.active_button.isEnabled()  # nobody disables the account they are signed in with
    tab.select_user("viewer")
    assert tab.active_button.text() == "停用"
    monkeypatch.setattr("zhucun_desktop.gui.settings.accounts_tab.confirm", lambda *a, **k: True)
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert column(tab.model, UsersModel.COL_ACTIVE) == ["启用", "已停用"]
    with pytest.raises(AuthError):
        accounts.authenticate(ws.db, "viewer", "viewer-1")
    assert tab.active_button.text() == "启用"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert accounts.authenticate(ws.db, "viewer", "viewer-1").username == "viewer"


def test_an_administrator_resets_a_forgotten_password(qtbot, gui_app, ws):
    accounts.create_user(ws, username="viewer", display_name="钱查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-1")
    dialog = ResetPasswordDialog(ws, "viewer", "钱查看")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password_edit, "viewer-2")
    qtbot.keyClicks(dialog.confirm_edit, "viewer-3")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text().startswith("确认新密码：")
    dialog.confirm_edit.setText("viewer-2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert accounts.authenticate(ws.db, "viewer", "viewer-2").username == "viewer"


# ---------------------------------------------------------------- backups and restore -------------------------


def test_backing_up_now_lists_the_backup_as_manual(qtbot, page, ws):
    tab = page.backup_tab
    before = tab.model.rowCount()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == before + 1
    assert "手动" in column(tab.model, BackupsModel.COL_REASON)
    assert tab.message.text().startswith("已备份：")
    assert {b.reason for b in list_backups(ws.db.path)} >= {"manual"}


def test_restoring_a_backup_brings_back_its_content_everywhere(qtbot, gui_app, ws, monkeypatch):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    settings = window.open_page("系统设置")
    tab = settings.backup_tab
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)  # the state to go back to
    manual = next(b for b in list_backups(ws.db.path) if b.reason == "manual")
    accounts.create_user(ws, username="later", display_name="后来者", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="later-1")
    settings.refresh()
    assert "later" in column(settings.accounts_tab.model, UsersModel.COL_USERNAME)

    row = next(i for i, b in enumerate(tab.model.rows()) if b.path == manual.path)
    tab.view.selectRow(row)
    asked = []
    monkeypatch.setattr(tab, "confirm_restore", lambda info: asked.append(info) or True)
    with qtbot.waitSignal(settings.database_replaced, timeout=5000):
        qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)

    assert asked and asked[0].path == manual.path
    assert "later" not in column(settings.accounts_tab.model, UsersModel.COL_USERNAME)
    assert "later" not in [u.username for u in accounts.list_users(ws)]
    assert "恢复前" in column(tab.model, BackupsModel.COL_REASON)  # the replaced data was kept
    assert tab.message.text().startswith("已从 ")
    assert window.user_label.text() == "当前用户：李管理（县委组织部管理员）"


def test_restore_asks_first_and_does_nothing_when_the_answer_is_no(qtbot, page, ws, monkeypatch):
    tab = page.backup_tab
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    accounts.create_user(ws, username="kept", display_name="留下", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="kept-12")
    tab.view.selectRow(0)
    monkeypatch.setattr(tab, "confirm_restore", lambda info: False)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert "kept" in [u.username for u in accounts.list_users(ws)]


def test_the_restore_question_says_the_current_data_is_backed_up_first(qtbot, page, monkeypatch):
    tab = page.backup_tab
    seen = {}

    def fake_confirm(parent, title, text, yes="确定", no="取消"):
        seen.update(title=title, text=text, yes=yes, no=no)
        return False

    monkeypatch.setattr("zhucun_desktop.gui.settings.backup_tab.confirm", fake_confirm)
    tab.confirm_restore(tab.model.row_at(0))
    assert seen["title"] == "从备份恢复" and seen["yes"] == "恢复" and seen["no"] == "取消"
    assert "先把现在的数据另存为一份备份" in seen["text"] and "重新打开数据库" in seen["text"]


# ---------------------------------------------------------------- audit log -----------------------------------


def test_the_audit_log_lists_the_creation_of_a_user_with_actor_and_verb(qtbot, page, ws):
    accounts.create_user(ws, username="viewer", display_name="钱查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-1")
    tab = page.audit_tab
    tab.refresh()
    model = tab.model
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[AuditModel.COL_ACTOR] == "李管理（admin）"
    assert first[AuditModel.COL_VERB] == "新增"
    assert first[AuditModel.COL_TABLE] == "账号"
    assert first[AuditModel.COL_SUMMARY] == "新建账号：viewer"


def test_the_audit_detail_shows_fields_in_chinese_and_never_the_password(qtbot, page, ws):
    accounts.create_user(ws, username="viewer", display_name="钱查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-1")
    tab = page.audit_tab
    tab.refresh()
    tab.view.selectRow(0)
    cells = {tab.detail.item(r, 0).text(): tab.detail.item(r, 2).text() for r in range(tab.detail.rowCount())}
    assert cells["用户名"] == "viewer" and cells["姓名"] == "钱查看"
    assert cells["角色"] == terms.USER_ROLE_COUNTY_VIEWER
    assert cells["密码"] == "***"
    assert tab.detail.horizontalHeaderItem(1).text() == "修改前"


def test_a_change_shows_before_and_after_side_by_side(qtbot, page, ws):
    accounts.create_user(ws, username="viewer", display_name="钱查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-1")
    accounts.set_active(ws, "viewer", False)
    tab = page.audit_tab
    tab.refresh()
    tab.view.selectRow(0)
    assert tab.model.data(tab.model.index(0, AuditModel.COL_VERB)) == "修改"
    assert tab.model.data(tab.model.index(0, AuditModel.COL_SUMMARY)) == "停用账号（改了启用）"
    rows = [[tab.detail.item(r, c).text() for c in range(3)] for r in range(tab.detail.rowCount())]
    assert rows == [["启用", "是", "否"]]


def test_the_audit_log_filters_by_table_and_by_person(qtbot, page, ws, county):
    tab = page.audit_tab
    tab.refresh()
    everything = tab.model.total
    tab.table_combo.setCurrentIndex(tab.table_combo.findData("townships"))
    qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    assert tab.model.total == 2 and tab.count_label.text() == "共 2 条"
    assert set(column(tab.model, AuditModel.COL_TABLE)) == {"乡镇"}
    tab.table_combo.setCurrentIndex(0)
    tab.actor_combo.setCurrentIndex(tab.actor_combo.findData("system"))
    qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    assert 0 < tab.model.total < everything
    assert set(column(tab.model, AuditModel.COL_ACTOR)) == {"系统"}


def test_the_audit_log_filters_by_date(qtbot, page, ws, county):
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    tab = page.audit_tab
    tab.date_check.setChecked(True)
    yesterday = date.today() - timedelta(days=1)
    tab.start_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    tab.end_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    assert tab.model.total == 0
    tab.end_edit.setDate(QDate.currentDate())
    qtbot.mouseClick(tab.search_button, Qt.MouseButton.LeftButton)
    assert tab.model.total > 0


def test_the_audit_model_fetches_in_batches_as_the_view_scrolls(qtbot, gui_app, ws, county):
    model = AuditModel(ws, batch=10)
    from zhucun_desktop.services.audit_view import AuditFilter

    model.set_filter(AuditFilter())
    assert model.total > 20
    assert model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 20
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total
    ids = [model.row_at(i).id for i in range(model.rowCount())]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)


def test_the_first_screen_of_a_hundred_thousand_audit_rows_comes_at_once(qtbot, gui_app, ws):
    import time
    from datetime import datetime, timedelta

    from sqlalchemy import insert

    from zhucun_desktop.storage.models import AuditEntry

    start = datetime(2025, 1, 1)
    rows = [{"at": start + timedelta(minutes=i), "actor": "admin", "action": "保存人员", "table_name": "persons",
             "record_uuid": None, "before": None, "after": {"name": f"人员{i}"}} for i in range(100_000)]
    with ws.db.session() as s, s.begin():
        s.execute(insert(AuditEntry), rows)
    model = AuditModel(ws)
    from zhucun_desktop.services.audit_view import AuditFilter

    began = time.perf_counter()
    model.set_filter(AuditFilter())
    model.fetchMore()
    elapsed = time.perf_counter() - began
    assert model.total > 100_000 and model.rowCount() == 1000
    assert model.data(model.index(0, AuditModel.COL_SUMMARY)) == "保存人员：人员99999"
    assert elapsed < 2.0, f"first two batches took {elapsed:.2f} s"
