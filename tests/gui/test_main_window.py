"""The main window: navigation with only working pages, 首页 first, and who/where in the status bar."""

from __future__ import annotations

from tests.services.helpers import place
from zhucun_desktop.gui.home_page import HomePage
from zhucun_desktop.gui.main_window import MainWindow
from zhucun_desktop.gui.roster import RosterPage
from zhucun_desktop.gui.settings_page import SettingsPage


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_the_window_opens_on_the_home_page_with_the_navigation(qtbot, gui_app, ws):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert nav_titles(window) == ["首页", "花名册", "考勤", "请销假", "督查与台账", "数据交换", "系统设置"]
    assert window.nav.currentRow() == 0 and window.current_title() == "首页"
    assert isinstance(window.stack.currentWidget(), HomePage)
    assert window.windowTitle() == "驻村第一书记和工作队管理系统 — 示例县"


def test_every_page_in_the_navigation_opens(qtbot, gui_app, ws):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    for title in nav_titles(window):
        page = window.open_page(title)
        assert window.current_title() == title and window.stack.currentWidget() is page


def test_the_status_bar_names_site_user_role_and_database(qtbot, gui_app, ws):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert window.site_label.text() == "单位：示例县委组织部"
    assert window.user_label.text() == "当前用户：李管理（县委组织部管理员）"
    assert str(ws.db.path) in window.path_label.text()


def test_pages_are_built_when_first_opened(qtbot, gui_app, ws):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert list(window._pages) == [0]
    window.open_page("花名册")
    assert isinstance(window.stack.currentWidget(), RosterPage)
    window.open_page("系统设置")
    assert isinstance(window.stack.currentWidget(), SettingsPage)
    window.open_page("首页")
    assert isinstance(window.stack.currentWidget(), HomePage)


def test_the_menus_are_in_chinese_with_the_file_and_help_actions(qtbot, gui_app, ws):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    menus = {m.text(): [a.text() for a in m.menu().actions() if a.text()] for m in window.menuBar().actions()}
    assert menus == {"文件(&F)": ["切换账号(&S)…", "备份数据库(&B)", "退出(&X)"], "帮助(&H)": ["关于(&A)"]}


def test_backup_from_the_file_menu_writes_a_manual_backup(qtbot, gui_app, ws):
    from zhucun_desktop.storage.backup import list_backups

    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.backup_now()
    assert any(b.reason == "manual" for b in list_backups(ws.db.path))
    assert "已备份数据库" in window.statusBar().currentMessage()


def test_a_township_clerk_sees_its_own_name_and_role(qtbot, gui_app, clerk_ws):
    window = MainWindow(clerk_ws)
    qtbot.addWidget(window)
    assert window.user_label.text() == "当前用户：周文（乡镇录入员）"


def test_switching_account_rebuilds_the_pages_for_the_new_user(qtbot, gui_app, clerk_ws, monkeypatch):
    from zhucun_desktop.services.workspace import Workspace

    ws = Workspace(clerk_ws.db, accounts_admin(clerk_ws))  # the administrator first, on the same database
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.open_page("系统设置")
    assert window.stack.currentWidget().tabs.tabText(0) == "账号管理"

    class FakeLogin:
        def __init__(self, db, parent=None, **kwargs):
            self.actor = clerk_ws.actor

        def exec(self) -> int:
            return 1

    monkeypatch.setattr("zhucun_desktop.gui.main_window.LoginDialog", FakeLogin)
    window.switch_account()
    assert window.user_label.text() == "当前用户：周文（乡镇录入员）"
    assert window.current_title() == "首页"
    assert [r.township_name for r in window.stack.currentWidget().counts.rows()] == ["东风镇"]
    window.open_page("系统设置")
    assert window.stack.currentWidget().tabs.tabText(0) == "修改我的密码"


def accounts_admin(ws):
    from tests.conftest import ADMIN, ADMIN_PASSWORD
    from zhucun_desktop.services.accounts import authenticate

    return authenticate(ws.db, ADMIN, ADMIN_PASSWORD)


def test_a_cancelled_account_switch_changes_nothing(qtbot, gui_app, ws, monkeypatch):
    window = MainWindow(ws)
    qtbot.addWidget(window)

    class Cancelled:
        def __init__(self, db, parent=None, **kwargs):
            self.actor = None

        def exec(self) -> int:
            return 0

    monkeypatch.setattr("zhucun_desktop.gui.main_window.LoginDialog", Cancelled)
    window.switch_account()
    assert window.user_label.text() == "当前用户：李管理（县委组织部管理员）"


def test_the_daily_backup_timer_backs_up_only_once_a_day(qtbot, gui_app, ws):
    from zhucun_desktop.storage.backup import list_backups

    window = MainWindow(ws)
    qtbot.addWidget(window)
    before = len(list_backups(ws.db.path))
    window._daily_backup()  # today's backup was made when the database was opened
    assert len(list_backups(ws.db.path)) == before


def test_a_month_chosen_on_the_home_page_opens_in_the_attendance_page(qtbot, gui_app, ws):
    place(ws, "东风镇")
    west, _ = place(ws, "西山乡", "石门村")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.page(0).open_month.emit(west, 2026, 10)
    assert window.current_title() == "考勤"
    page = window.stack.currentWidget()
    assert page.bar.township_uuid() == west and page.bar.year_month() == (2026, 10)
