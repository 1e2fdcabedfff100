"""The roster's filter row: search text, 乡镇, 村 (of the chosen 乡镇), 驻村角色, 派出单位, 批次, 状态.

Combos say what they filter by their first item (全部乡镇 …), so the row stays short on a 1366-pixel screen.
The search box filters on screen (no query per key press); the other filters go to `list_roster`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox

from ...domain import terms
from ...services import org, roster
from ...services.roster import STATUS_ALL, STATUSES, RosterFilter
from ...services.workspace import Workspace
from ..forms.ui_roster_page import Ui_RosterPage

SEARCH_DELAY_MS = 200


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    """Replace the items, keeping the chosen one when it is still there; no signal for the refill itself."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class RosterFilters(QObject):
    """Emits `changed` when a database filter changes, `search_changed` (debounced) for the search text."""

    changed = Signal()
    search_changed = Signal(str)

    def __init__(self, ws: Workspace, ui: Ui_RosterPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = ui
        ui.roleCombo.addItem("全部角色", None)
        for role in terms.ROLES:
            ui.roleCombo.addItem(role, role)
        for status in (*STATUSES, STATUS_ALL):
            ui.statusCombo.addItem(status, status)
        ui.townshipCombo.setVisible(ws.actor.is_county)  # a township user sees only its own township
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.ui.searchEdit.text()))
        ui.searchEdit.textChanged.connect(lambda _t: self._timer.start())
        ui.townshipCombo.currentIndexChanged.connect(self._township_changed)
        for combo in (ui.villageCombo, ui.roleCombo, ui.unitCombo, ui.batchCombo, ui.statusCombo):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        ui.resetButton.clicked.connect(self.reset)

    def reload_choices(self) -> None:
        """Townships, villages, units and batches as the database has them now."""
        ui = self.ui
        _refill(ui.townshipCombo, "全部乡镇", [(t.name, t.uuid) for t in org.list_townships(self.ws)])
        self._refill_villages()
        _refill(ui.unitCombo, "全部派出单位", [(u.name, u.uuid) for u in org.list_units(self.ws)])
        _refill(ui.batchCombo, "全部批次", [(b, b) for b in roster.batches(self.ws)])

    def _refill_villages(self) -> None:
        township = self.ui.townshipCombo.currentData() if self.ws.actor.is_county else self.ws.actor.township_uuid
        villages = org.list_villages(self.ws, township) if township else []
        _refill(self.ui.villageCombo, "全部村", [(v.name, v.uuid) for v in villages])
        self.ui.villageCombo.setEnabled(bool(township))
        self.ui.villageCombo.setToolTip("所驻村" if township else "先选择乡镇，再选择村")

    def _township_changed(self) -> None:
        self._refill_villages()
        self.changed.emit()

    def current(self) -> RosterFilter:
        """The filter of the screen, search text included: what 导出 and 打印 use."""
        ui = self.ui
        return RosterFilter(text=ui.searchEdit.text().strip(), township_uuid=ui.townshipCombo.currentData(),
                            village_uuid=ui.villageCombo.currentData(), role=ui.roleCombo.currentData(),
                            unit_uuid=ui.unitCombo.currentData(), batch=ui.batchCombo.currentData(),
                            status=ui.statusCombo.currentData() or roster.STATUS_IN_POST)

    def database_filter(self) -> RosterFilter:
        """The same without the search text, which the table applies itself."""
        flt = self.current()
        flt.text = ""
        return flt

    def reset(self) -> None:
        ui = self.ui
        for combo in (ui.townshipCombo, ui.villageCombo, ui.roleCombo, ui.unitCombo, ui.batchCombo,
                      ui.statusCombo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._refill_villages()
        ui.searchEdit.clear()
        self._timer.stop()
        self.search_changed.emit("")
        self.changed.emit()

    def set_role(self, role: str | None) -> None:
        self.ui.roleCombo.setCurrentIndex(max(self.ui.roleCombo.findData(role), 0))

    def set_status(self, status: str) -> None:
        self.ui.statusCombo.setCurrentIndex(max(self.ui.statusCombo.findData(status), 0))

    def flush_search(self) -> None:
        """Apply a pending search at once (tests, and Enter in the search box)."""
        if self._timer.isActive():
            self._timer.stop()
            self.search_changed.emit(self.ui.searchEdit.text())
