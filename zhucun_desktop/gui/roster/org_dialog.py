"""村和派出单位: the villages of a township with their categories, and the dispatching units (派出单位).

Two explicit buttons, so a click never does what the clerk did not mean: 新增村 / 新增单位 saves what is typed as a
new one; 保存修改 renames the selected one (a row clicked fills the form). Villages and units are never deleted
here: postings and printed rosters refer to them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain import terms
from ...services import org
from ...services.workspace import Workspace
from ..forms.ui_org_dialog import Ui_OrgDialog
from .feedback import ERROR_COLOR, OK_COLOR, service_message

UUID_ROLE = Qt.ItemDataRole.UserRole


def _setup_table(table: QTableWidget, headers: tuple[str, ...], stretch: int) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for col in range(len(headers)):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _fill_row(table: QTableWidget, row: int, uuid: str, cells: tuple[str, ...]) -> None:
    for col, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setData(UUID_ROLE, uuid)
        table.setItem(row, col, item)


def _selected_uuid(table: QTableWidget) -> str | None:
    items = table.selectedItems()
    return items[0].data(UUID_ROLE) if items else None


class VillagesTab(QObject):
    def __init__(self, dialog: OrgDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.ws = dialog.ws
        ui = dialog.ui
        self.ui = ui
        self.checks: dict[str, QCheckBox] = {}
        for category in terms.VILLAGE_CATEGORIES:
            box = QCheckBox(category, ui.categoryBox)
            ui.categoryLayout.addWidget(box)
            self.checks[category] = box
        _setup_table(ui.villageTable, ("村名", "村类别"), stretch=1)
        for t in org.list_townships(self.ws):
            ui.townshipCombo.addItem(t.name, t.uuid)
        ui.townshipCombo.setEnabled(self.ws.actor.is_county)
        ui.townshipCombo.currentIndexChanged.connect(lambda _i: self.reload())
        ui.villageTable.itemSelectionChanged.connect(self._selected)
        ui.newVillageButton.clicked.connect(lambda: self.save(new=True))
        ui.saveVillageButton.clicked.connect(lambda: self.save(new=False))
        self.reload()

    def reload(self, select: str | None = None) -> None:
        table = self.ui.villageTable
        township = self.ui.townshipCombo.currentData()
        self.villages = org.list_villages(self.ws, township) if township else []
        table.setRowCount(len(self.villages))
        for r, v in enumerate(self.villages):
            _fill_row(table, r, v.uuid, (v.name, "、".join(v.categories)))
        self.clear_form()
        if select:
            for r in range(table.rowCount()):
                if table.item(r, 0).data(UUID_ROLE) == select:
                    table.selectRow(r)

    def _selected(self) -> None:
        uuid = _selected_uuid(self.ui.villageTable)
        village = next((v for v in self.villages if v.uuid == uuid), None)
        self.ui.saveVillageButton.setEnabled(village is not None)
        if village is None:
            return
        self.ui.villageNameEdit.setText(village.name)
        for category, box in self.checks.items():
            box.setChecked(category in village.categories)

    def clear_form(self) -> None:
        self.ui.villageTable.clearSelection()
        self.ui.saveVillageButton.setEnabled(False)
        self.ui.villageNameEdit.clear()
        for box in self.checks.values():
            box.setChecked(False)

    def save(self, *, new: bool) -> None:
        township = self.ui.townshipCombo.currentData()
        if not township:
            self.dialog.say("请先选择所属乡镇。", error=True)
            return
        uuid = None if new else _selected_uuid(self.ui.villageTable)
        name = self.ui.villageNameEdit.text()
        categories = [c for c, box in self.checks.items() if box.isChecked()]
        try:
            saved = org.save_village(self.ws, township, name, categories, uuid=uuid)
        except Exception as exc:  # noqa: BLE001 - told in Chinese under the tabs
            self.dialog.say(service_message(exc), error=True)
            return
        self.dialog.changed = True
        self.dialog.say(f"已保存：{name.strip()}")
        self.reload(select=saved)


class UnitsTab(QObject):
    def __init__(self, dialog: OrgDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.ws = dialog.ws
        self.ui = dialog.ui
        _setup_table(self.ui.unitTable, ("单位名称", "单位类型", "联系人", "联系电话"), stretch=0)
        self.ui.unitKindCombo.addItems(list(terms.UNIT_KINDS))
        self.ui.unitTable.itemSelectionChanged.connect(self._selected)
        self.ui.newUnitButton.clicked.connect(lambda: self.save(new=True))
        self.ui.saveUnitButton.clicked.connect(lambda: self.save(new=False))
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.units = org.list_units(self.ws)
        table = self.ui.unitTable
        table.setRowCount(len(self.units))
        for r, u in enumerate(self.units):
            _fill_row(table, r, u.uuid, (u.name, u.kind or "", u.contact_person or "", u.contact_phone or ""))
        self.clear_form()
        if select:
            for r, u in enumerate(self.units):
                if u.uuid == select:
                    table.selectRow(r)

    def _selected(self) -> None:
        uuid = _selected_uuid(self.ui.unitTable)
        unit = next((u for u in self.units if u.uuid == uuid), None)
        self.ui.saveUnitButton.setEnabled(unit is not None)
        if unit is None:
            return
        self.ui.unitNameEdit.setText(unit.name)
        self.ui.unitKindCombo.setCurrentIndex(self.ui.unitKindCombo.findText(unit.kind or ""))
        self.ui.contactEdit.setText(unit.contact_person or "")
        self.ui.contactPhoneEdit.setText(unit.contact_phone or "")

    def clear_form(self) -> None:
        self.ui.unitTable.clearSelection()
        self.ui.saveUnitButton.setEnabled(False)
        for edit in (self.ui.unitNameEdit, self.ui.contactEdit, self.ui.contactPhoneEdit):
            edit.clear()
        self.ui.unitKindCombo.setCurrentIndex(-1)

    def save(self, *, new: bool) -> None:
        name = self.ui.unitNameEdit.text()
        try:
            saved = org.save_unit(self.ws, name, kind=self.ui.unitKindCombo.currentText() or None,
                                  contact_person=self.ui.contactEdit.text().strip() or None,
                                  contact_phone=self.ui.contactPhoneEdit.text().strip() or None,
                                  uuid=None if new else _selected_uuid(self.ui.unitTable))
        except Exception as exc:  # noqa: BLE001
            self.dialog.say(service_message(exc), error=True)
            return
        self.dialog.changed = True
        self.dialog.say(f"已保存：{name.strip()}")
        self.reload(select=saved)


class OrgDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.changed = False
        self.ui = Ui_OrgDialog()
        self.ui.setupUi(self)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.ui.buttonBox.rejected.connect(self.reject)
        self.villages = VillagesTab(self)
        self.units = UnitsTab(self)
        if not ws.actor.can_write:
            for group in (self.ui.villageEditGroup, self.ui.unitEditGroup):
                group.setEnabled(False)

    def say(self, text: str, *, error: bool = False) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}")
