"""The main window: navigation on the left, one page at a time on the right, who and where in the status bar.

Every page listed works; a clerk sees no entry that leads nowhere (no fake features).
Pages are built the first time they are opened, so the window appears quickly on an old PC.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..services import org
from ..services.workspace import Workspace
from ..storage.errors import StorageError
from .home_page import HomePage
from .login import APP_TITLE, LoginDialog
from .messages import inform, report_error

DAILY_BACKUP_CHECK_MS = 30 * 60 * 1000


@dataclass(frozen=True)
class PageSpec:
    title: str
    factory: Callable[[Workspace, QWidget], QWidget]


def _roster_page(ws: Workspace, parent: QWidget) -> QWidget:
    from .roster import RosterPage  # imports the spreadsheet and PDF libraries: only when first opened

    return RosterPage(ws, parent)


def _attendance_page(ws: Workspace, parent: QWidget) -> QWidget:
    from .attendance.page import AttendancePage

    return AttendancePage(ws, parent)


def _leave_page(ws: Workspace, parent: QWidget) -> QWidget:
    from .leave.page import LeavePage

    return LeavePage(ws, parent)


def _supervision_page(ws: Workspace, parent: QWidget) -> QWidget:
    from .supervision.page import SupervisionPage

    return SupervisionPage(ws, parent)


def _handoff_page(ws: Workspace, parent: QWidget) -> QWidget:
    from .handoff.page import HandoffPage

    return HandoffPage(ws, parent)


def _settings_page(ws: Workspace, parent: QWidget) -> QWidget:
    from .settings_page import SettingsPage

    return SettingsPage(ws, parent)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("首页", HomePage),
    PageSpec("花名册", _roster_page),
    PageSpec("考勤", _attendance_page),
    PageSpec("请销假", _leave_page),
    PageSpec("督查与台账", _supervision_page),
    PageSpec("数据交换", _handoff_page),
    PageSpec("系统设置", _settings_page),
)


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._pages: dict[int, QWidget] = {}
        self.resize(1280, 800)
        self._build_navigation()
        self._build_status_bar()
        self._build_menus()
        self._update_identity()
        self.nav.setCurrentRow(0)
        # A program left open over midnight still gets its daily backup (storage: backup_if_due).
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(DAILY_BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._daily_backup)
        self._backup_timer.start()

    # -- layout -------------------------------------------------------------------------------------------
    def _build_navigation(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setSpacing(2)
        for i, spec in enumerate(PAGES):
            item = QListWidgetItem(spec.title)
            item.setSizeHint(QSize(140, 40))
            item.setToolTip(f"{spec.title}（Ctrl+{i + 1}）")
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.show_page)

    def _build_status_bar(self) -> None:
        self.site_label = QLabel()
        self.user_label = QLabel()
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        for i, label in enumerate((self.site_label, self.user_label, self.path_label)):
            label.setContentsMargins(8, 0, 8, 0)
            if i:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                bar.addPermanentWidget(separator)
            bar.addPermanentWidget(label, 1 if label is self.path_label else 0)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        self._action(file_menu, "切换账号(&S)…", self.switch_account)
        self._action(file_menu, "备份数据库(&B)", self.backup_now, QKeySequence("Ctrl+B"))
        file_menu.addSeparator()
        self._action(file_menu, "退出(&X)", self.close, QKeySequence("Ctrl+Q"))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self._action(help_menu, "关于(&A)", self.about)
        for i in range(len(PAGES)):
            go = QAction(self)
            go.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            go.triggered.connect(lambda _checked=False, row=i: self.nav.setCurrentRow(row))
            self.addAction(go)

    def _action(self, menu, text: str, slot, shortcut: QKeySequence | None = None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    # -- pages --------------------------------------------------------------------------------------------
    def page(self, row: int) -> QWidget:
        """The page at ``row`` of the navigation, built on first use."""
        if row not in self._pages:
            widget = PAGES[row].factory(self.ws, self.stack)
            replaced = getattr(widget, "database_replaced", None)  # 系统设置 → 从备份恢复
            if replaced is not None:
                replaced.connect(self.reload_all)
            opener = getattr(widget, "open_month", None)  # 首页 → that month's table in 考勤
            if opener is not None:
                opener.connect(self.open_attendance_month)
            duties = getattr(widget, "open_duties", None)  # 首页 → 督查与台账 → 履职事项
            if duties is not None:
                duties.connect(self.open_duties)
            self._pages[row] = widget
            self.stack.addWidget(widget)
        return self._pages[row]

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        built = row in self._pages
        widget = self.page(row)
        if built and hasattr(widget, "refresh"):
            widget.refresh()  # another page may have changed what it shows
        self.stack.setCurrentWidget(widget)

    def open_page(self, title: str) -> QWidget:
        """Select the page called ``title`` in the navigation (as a click would) and return it."""
        row = next(i for i, spec in enumerate(PAGES) if spec.title == title)
        self.nav.setCurrentRow(row)
        return self.page(row)

    def open_attendance_month(self, township_uuid: str, year: int, month: int) -> None:
        self.open_page("考勤").set_month(year, month, township_uuid)

    def open_duties(self) -> None:
        page = self.open_page("督查与台账")
        from .supervision.page import TAB_DUTIES

        page.tabs.setCurrentIndex(TAB_DUTIES)

    def current_title(self) -> str:
        return PAGES[self.nav.currentRow()].title

    def reload_all(self) -> None:
        """After a restore or an account switch: every page shows the database as it now is."""
        self.ws.forget_site()
        for widget in self._pages.values():
            if hasattr(widget, "refresh"):
                widget.refresh()
        self._update_identity()

    def _rebuild_pages(self) -> None:
        """A different account may see different things: pages are rebuilt for it, not refreshed."""
        for widget in self._pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages.clear()
        self.nav.setCurrentRow(-1)
        self.nav.setCurrentRow(0)

    # -- identity -----------------------------------------------------------------------------------------
    def _update_identity(self) -> None:
        site = self.ws.site() or {}
        county = org.county_name(self.ws)
        self.setWindowTitle(f"{APP_TITLE} — {county}" if county else APP_TITLE)
        actor = self.ws.actor
        self.site_label.setText(f"单位：{site.get('name', '')}")
        # A demo administrator may be called by the role's name: then the user name says who it is.
        detail = actor.username if actor.display_name == actor.role else actor.role
        self.user_label.setText(f"当前用户：{actor.display_name}（{detail}）")
        path = str(self.ws.db.path) if self.ws.db.path is not None else "数据库服务器"
        self.path_label.setText(f"数据库：{path}")
        self.path_label.setToolTip(path)

    # -- menu actions -------------------------------------------------------------------------------------
    def switch_account(self) -> None:
        site = self.ws.site() or {}
        dialog = LoginDialog(self.ws.db, self, site_name=site.get("name", ""))
        if dialog.exec() and dialog.actor is not None:
            self.ws.actor = dialog.actor
            if self.ws.db.lock is not None:
                self.ws.db.lock.set_display_name(dialog.actor.display_name)
            self._rebuild_pages()
            self._update_identity()

    def backup_now(self) -> None:
        try:
            made = self.ws.db.backup("manual")
        except StorageError as exc:  # a full disk or a read-only folder, said in Chinese
            report_error(self, exc, "备份没有完成")
            return
        self.statusBar().showMessage(f"已备份数据库：{made.name}", 10000)
        current = self.stack.currentWidget()
        if hasattr(current, "refresh"):  # the other pages refresh when they are next shown
            current.refresh()

    def _daily_backup(self) -> None:
        try:
            made = self.ws.db.backup_if_due()
        except StorageError as exc:  # a failed timer backup must not interrupt the clerk's work
            self.statusBar().showMessage(f"每日备份没有完成：{getattr(exc, 'message', exc)}", 30000)
            return
        if made is not None:
            self.statusBar().showMessage(f"已完成每日备份：{made.name}", 10000)

    def about(self) -> None:
        from .. import __version__

        inform(self, "关于", f"{APP_TITLE}\n版本 {__version__}\n\n"
               "用于乡镇和县委组织部管理驻村第一书记和驻村工作队。\n"
               "数据保存在本机，不联网。")
