"""村和派出单位: the villages of a township with their categories, and the dispatching units (派出单位).

Select a row to rename or re-categorise it and press 保存; 新增村 / 新增单位 empties the form for a new one.
Villages and units are never deleted here: postings and printed rosters refer to them.
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
        ui.newVillageButton.clicked.connect(self.start_new)
        ui.saveVillageButton.clicked.connect(self.save)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        table = self.ui.villageTable
        township = self.ui.townshipCombo.currentData()
        self.villages = org.list_villages(self.ws, township) if township else []
        table.setRowCount(len(self.villages))
        for r, v in enumerate(self.villages):
            _fill_row(table, r, v.uuid, (v.name, "、".join(v.categories)))
        self.start_new()
        if select:
            for r in range(table.rowCount()):
                if table.item(r, 0).data(UUID_ROLE) == select:
                    table.selectRow(r)

    def _selected(self) -> None:
        uuid = _selected_uuid(self.ui.villageTable)
        village = next((v for v in self.villages if v.uuid == uuid), None)
        if village is None:
            return
        self.ui.villageEditGroup.setTitle(f"修改：{village.name}")
        self.ui.villageNameEdit.setText(village.name)
        for category, box in self.checks.items():
            box.setChecked(category in village.categories)

    def start_new(self) -> None:
        self.ui.villageTable.clearSelection()
        self.ui.villageEditGroup.setTitle("新增村")
        self.ui.villageNameEdit.clear()
        for box in self.checks.values():
            box.setChecked(False)
        self.ui.villageNameEdit.setFocus()

    def save(self) -> None:
        township = self.ui.townshipCombo.currentData()
        if not township:
            self.dialog.say("请先选择所属乡镇。", error=True)
            return
        uuid = _selected_uuid(self.ui.villageTable)
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
        self.ui.newUnitButton.clicked.connect(self.start_new)
        self.ui.saveUnitButton.clicked.connect(self.save)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.units = org.list_units(self.ws)
        table = self.ui.unitTable
        table.setRowCount(len(self.units))
        for r, u in enumerate(self.units):
            _fill_row(table, r, u.uuid, (u.name, u.kind or "", u.contact_person or "", u.contact_phone or ""))
        self.start_new()
        if select:
            for r, u in enumerate(self.units):
                if u.uuid == select:
                    table.selectRow(r)

    def _selected(self) -> None:
        uuid = _selected_uuid(self.ui.unitTable)
        unit = next((u for u in self.units if u.uuid == uuid), None)
        if unit is None:
            return
        self.ui.unitEditGroup.setTitle(f"修改：{unit.name}")
        self.ui.unitNameEdit.setText(unit.name)
        self.ui.unitKindCombo.setCurrentIndex(self.ui.unitKindCombo.findText(unit.kind or ""))
        self.ui.contactEdit.setText(unit.contact_person or "")
        self.ui.contactPhoneEdit.setText(unit.contact_phone or "")

    def start_new(self) -> None:
        self.ui.unitTable.clearSelection()
        self.ui.unitEditGroup.setTitle("新增派出单位")
        for edit in (self.ui.unitNameEdit, self.ui.contactEdit, self.ui.contactPhoneEdit):
            edit.clear()
        self.ui.unitKindCombo.setCurrentIndex(-1)

    def save(self) -> None:
        name = self.ui.unitNameEdit.text()
        try:
            saved = org.save_unit(self.ws, name, kind=self.ui.unitKindCombo.currentText() or None,
                                  contact_person=self.ui.contactEdit.text().strip() or None,
                                  contact_phone=self.ui.contactPhoneEdit.text().strip() or None,
                                  uuid=_selected_uuid(self.ui.unitTable))
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
