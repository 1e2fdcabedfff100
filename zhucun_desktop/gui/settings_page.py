"""系统设置: 账号管理, 数据备份, 操作日志, 数据库检查 and 工作日历, one tab each (the tabs live in ``gui/settings/``).

操作日志 is shown only to the accounts that may read it (``audit_view.can_read``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..services import audit_view
from ..services.workspace import Workspace
from .settings.accounts_tab import AccountsTab
from .settings.audit_tab import AuditTab
from .settings.backup_tab import BackupTab
from .settings.calendar_tab import CalendarTab
from .settings.check_tab import CheckTab
from .settings.rule_sets_tab import RuleSetsTab


class SettingsPage(QWidget):
    database_replaced = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.tabs = QTabWidget()
        self.accounts_tab = AccountsTab(ws)
        self.backup_tab = BackupTab(ws)
        self.audit_tab = AuditTab(ws) if audit_view.can_read(ws) else None
        self.check_tab = CheckTab(ws)
        self.calendar_tab = CalendarTab(ws)
        self.rule_sets_tab = RuleSetsTab(ws)
        self.tabs.addTab(self.accounts_tab, "账号管理" if ws.actor.is_admin else "修改我的密码")
        self.tabs.addTab(self.backup_tab, "数据备份")
        if self.audit_tab is not None:
            self.tabs.addTab(self.audit_tab, "操作日志")
        self.tabs.addTab(self.check_tab, "数据库检查")
        self.tabs.addTab(self.calendar_tab, "工作日历")
        self.tabs.addTab(self.rule_sets_tab, "规则设置")
        self.backup_tab.database_replaced.connect(self.database_replaced)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        for tab in (self.accounts_tab, self.backup_tab, self.audit_tab, self.calendar_tab, self.rule_sets_tab):
            if tab is not None:
                tab.refresh()
