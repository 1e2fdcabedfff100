"""Screenshots for docs/screenshots/: the sign-in dialogs, 首页 and every tab of 系统设置, on the demo county.

A real test: every picture must be written and must not be blank (a blank or all-boxes grab has only a few
colours; Chinese text, tables and buttons give many).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.gui.gui_support import show_offscreen
from zhucun_desktop.gui.login import FirstRunDialog, LoginDialog
from zhucun_desktop.gui.main_window import MainWindow
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MAIN_SIZE = (1280, 800)


def distinct_colours(image: QImage, step: int = 3) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def save(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    image = widget.grab().toImage()
    assert image.save(str(path)), f"could not write {path}"
    written = QImage(str(path))
    assert not written.isNull() and written.width() > 100 and written.height() > 100
    assert distinct_colours(written) > 20, f"{name}.png looks blank"
    return path


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    """The demo county (six townships, about two hundred cadres), built once for all the pictures."""
    from zhucun_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "云岭县.db"
    build_demo(path)
    return path


@pytest.fixture
def demo_ws(demo_path):
    from zhucun_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME

    db = open_database(demo_path)
    yield Workspace(db, authenticate(db, ADMIN_USERNAME, ADMIN_PASSWORD))
    db.close()


def test_screenshot_of_the_login_dialog(qtbot, gui_app, demo_ws):
    from zhucun_desktop.gui.app import demo_hint

    site = demo_ws.site() or {}
    dialog = LoginDialog(demo_ws.db, site_name=site["name"], username="admin", hint=demo_hint())
    qtbot.addWidget(dialog)
    dialog.ui.errorLabel.setText("用户名或密码不正确。请再试一次；忘记密码时请找管理员重置。")
    dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
    save(dialog, "login")


def test_screenshot_of_the_first_run_dialog(qtbot, gui_app, tmp_path):
    db = open_database(tmp_path / "new.db")
    try:
        dialog = FirstRunDialog(db)
        qtbot.addWidget(dialog)
        dialog.ui.countyEdit.setText("云岭县")
        dialog.ui.displayNameEdit.setText("李管理")
        dialog.ui.passwordEdit.setText("12345")
        dialog.ui.confirmEdit.setText("12345")
        dialog.accept()  # refused: shows the inline message under the form
        dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
        save(dialog, "first_run")
    finally:
        db.close()


def test_screenshot_of_the_main_window_on_the_home_page(qtbot, gui_app, demo_ws):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.resize(*MAIN_SIZE)
    assert window.current_title() == "首页"
    show_offscreen(window)  # laid out at its real size, not a hidden window's first small layout
    qtbot.wait(10)
    path = save(window, "main_home")
    assert QImage(str(path)).size().toTuple() == MAIN_SIZE


def test_screenshot_of_the_home_page_of_a_township_clerk(qtbot, gui_app, demo_path):
    from zhucun_desktop.services.demo import TOWNSHIP_PASSWORD, TOWNSHIPS

    db = open_database(demo_path)
    try:
        actor = authenticate(db, f"{TOWNSHIPS[0][1]}_clerk", TOWNSHIP_PASSWORD)
        window = MainWindow(Workspace(db, actor))
        qtbot.addWidget(window)
        window.resize(*MAIN_SIZE)
        show_offscreen(window)
        qtbot.wait(10)
        save(window, "main_home_township")
    finally:
        db.close()


@pytest.mark.parametrize("index, name", [(0, "settings_accounts"), (1, "settings_backup"), (2, "settings_audit"),
                                         (3, "settings_check")])
def test_screenshot_of_each_settings_tab(qtbot, gui_app, demo_ws, index, name):
    window = MainWindow(demo_ws)
    qtbot.addWidget(window)
    window.resize(*MAIN_SIZE)
    window.open_page("系统设置")
    settings = window.stack.currentWidget()
    settings.tabs.setCurrentIndex(index)
    if name == "settings_accounts":
        settings.accounts_tab.select_user("admin")
    if name == "settings_audit":
        settings.audit_tab.view.selectRow(0)
    if name == "settings_check":
        settings.check_tab.run_check()
    save(window, name)
