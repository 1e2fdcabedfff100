"""数据交换 page (issue 7): the USB hand-off between the county and its townships.

Tabs: 导出数据包, 导入数据包, 冲突记录 (its count in the title), then 报送情况 on a township's PC or 汇总 on the
county's, and 站点与密钥 for the county administrator. The site's exchange keys are opened once per session with a
key holder's password (the page keeps the opened keys); every tab works through ``zhucun_desktop.handoff``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...handoff.crypto import SiteKeys
from ...handoff.keys import key_holders, unlock_keys
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ...storage.errors import StorageError
from ..roster.feedback import service_message
from .common import KeyPasswordDialog
from .conflicts_tab import ConflictsTab
from .export_tab import ExportTab
from .import_tab import ImportTab
from .sites_tab import SitesTab
from .status_tabs import OverviewTab, ReceivedTab

CONFLICTS_TITLE = "冲突记录"


class HandoffPage(QWidget):
    """``HandoffPage(ws)``; ``today`` fixes the date for tests (the 汇总's default month and overdue checks)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.site_keys: SiteKeys | None = None
        self.tabs = QTabWidget()
        self.export_tab = ExportTab(ws, self.keys, today=today)
        self.import_tab = ImportTab(ws, self.keys)
        self.conflicts_tab = ConflictsTab(ws)
        self.tabs.addTab(self.export_tab, "导出数据包")
        self.tabs.addTab(self.import_tab, "导入数据包")
        self.tabs.addTab(self.conflicts_tab, CONFLICTS_TITLE)
        self.received_tab: ReceivedTab | None = None
        self.overview_tab: OverviewTab | None = None
        self.sites_tab: SitesTab | None = None
        if ws.is_county_site:
            if ws.actor.is_county:
                self.overview_tab = OverviewTab(ws, today=today)
                self.tabs.addTab(self.overview_tab, "汇总")
            if ws.actor.is_admin:
                self.sites_tab = SitesTab(ws, self.keys)
                self.tabs.addTab(self.sites_tab, "站点与密钥")
        else:
            self.received_tab = ReceivedTab(ws)
            self.tabs.addTab(self.received_tab, "报送情况")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.conflicts_tab.changed.connect(self._conflict_count)
        self.import_tab.imported.connect(self.refresh)
        self.export_tab.exported.connect(self._after_export)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.refresh()

    # -- keys -----------------------------------------------------------------------------------------------
    def keys(self) -> SiteKeys | None:
        """The site's exchange keys, asking for the key holder's password the first time in this session."""
        if self.site_keys is None:
            dialog = KeyPasswordDialog(key_holders(self.ws), lambda pw: unlock_keys(self.ws, pw), self)
            if dialog.exec():
                self.site_keys = dialog.keys
        return self.site_keys

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Called by the main window when the page is shown, and after an import."""
        try:
            self.export_tab.refresh()
            self.conflicts_tab.refresh()
            for tab in (self.received_tab, self.overview_tab, self.sites_tab):
                if tab is not None:
                    tab.refresh()
        except (ServiceError, StorageError) as exc:  # e.g. a database without its site: say so, show nothing
            self.export_tab.result.say(service_message(exc), "error")

    def _refresh_current(self) -> None:
        current = self.tabs.currentWidget()
        if current in (self.conflicts_tab, self.received_tab, self.overview_tab, self.sites_tab):
            current.refresh()  # type: ignore[union-attr]

    def _after_export(self) -> None:
        if self.sites_tab is not None:
            self.sites_tab.refresh()
        if self.received_tab is not None:
            self.received_tab.refresh()

    def _conflict_count(self, count: int) -> None:
        index = self.tabs.indexOf(self.conflicts_tab)
        self.tabs.setTabText(index, f"{CONFLICTS_TITLE}（{count}）" if count else CONFLICTS_TITLE)
