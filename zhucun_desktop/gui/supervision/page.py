"""督查与台账 page (issue 6): the negative list and rectification ledger (§13), spot checks (§7), inspections and
circulars (§14), the duty tracker (§2, §3, §9, §10, §12, §15, §16) and major incidents (§12, §21), one tab each.

Records link to each other across tabs: a spot-check result or an inspection finding shows its ledger row
(查看台账), and a ledger row links back to the check or the inspection it came from. A change in one tab that
adds ledger rows reloads the ledger.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...services.workspace import Workspace
from .duties_tab import DutiesTab
from .incidents_tab import IncidentsTab
from .inspection_tab import InspectionTab
from .ledger_tab import LedgerTab
from .spot_tab import SpotCheckTab

TAB_LEDGER, TAB_SPOT, TAB_INSPECTION, TAB_DUTIES, TAB_INCIDENTS = range(5)


class SupervisionPage(QWidget):
    """``SupervisionPage(ws)``; ``today`` is for tests (the page otherwise asks the clock each time)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._fixed_today = today
        self.tabs = QTabWidget()
        self.ledger_tab = LedgerTab(ws, today=self.today)
        self.spot_tab = SpotCheckTab(ws, today=self.today)
        self.inspection_tab = InspectionTab(ws, today=self.today)
        self.duties_tab = DutiesTab(ws, today=self.today)
        self.incidents_tab = IncidentsTab(ws, today=self.today)
        for tab, title in ((self.ledger_tab, "整改台账"), (self.spot_tab, "抽查"), (self.inspection_tab, "督查通报"),
                           (self.duties_tab, "履职事项"), (self.incidents_tab, "重大事项")):
            self.tabs.addTab(tab, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._loaded: set[int] = set()
        self.ledger_tab.open_spot_check.connect(self.show_spot_check)
        self.ledger_tab.open_finding.connect(self.show_finding)
        self.spot_tab.open_ledger.connect(self.show_ledger_row)
        self.inspection_tab.open_ledger.connect(self.show_ledger_row)
        self.spot_tab.ledger_changed.connect(self._ledger_changed)
        self.inspection_tab.ledger_changed.connect(self._ledger_changed)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.refresh()

    def today(self) -> date:
        return self._fixed_today or date.today()

    def refresh(self) -> None:
        """Called by the main window when the page is shown: the visible tab reads again, the others when
        they are next shown."""
        self._loaded.clear()
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        if index < 0 or index in self._loaded:
            return
        self._loaded.add(index)
        self.tabs.widget(index).refresh()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)

    def _ledger_changed(self) -> None:
        self._loaded.discard(TAB_LEDGER)

    def show_ledger_row(self, uuid: str) -> bool:
        self.show_tab(TAB_LEDGER)
        self.ledger_tab.reload()
        return self.ledger_tab.show_row(uuid)

    def show_spot_check(self, uuid: str) -> bool:
        self.show_tab(TAB_SPOT)
        return self.spot_tab.select_check(uuid)

    def show_finding(self, finding_uuid: str) -> bool:
        self.show_tab(TAB_INSPECTION)
        return self.inspection_tab.show_finding(finding_uuid)


__all__ = ["SupervisionPage"]
