"""新增抽查 (§7): when and how the county checked, who checked, and for each cadre checked what was found
(在岗 / 不在岗 / 联系不上) with a note. The cadres offered are those of the chosen township in post on the day,
from the roster; a tick in the first column puts a cadre into the check."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain import supervision as sv
from ...services import spot_checks
from ...services.spot_checks import CheckedCadre
from ...services.workspace import Workspace
from .common import FormDialog, cadres_on, datetime_edit, fill_townships, from_qdatetime, hint, text_box

ALL_COUNTY = "（多个乡镇）"
COL_TICK, COL_NAME, COL_VILLAGE, COL_ROLE, COL_RESULT, COL_NOTE = range(6)
HEADERS = ("抽查", "姓名", "所驻村", "驻村身份", "抽查结果", "情况说明")


class SpotCheckDialog(FormDialog):
    """After ``exec()``, ``result_value`` is the new spot check's uuid."""

    ok_text = "保存抽查记录"

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, township_uuid: str | None = None,
                 now: datetime | None = None) -> None:
        super().__init__("新增抽查", parent, width_chars=56)
        self.ok_button.setText(self.ok_text)
        self.ws = ws
        now = (now or datetime.now()).replace(second=0, microsecond=0)
        self.when_edit = datetime_edit(now)
        self.method_combo = QComboBox()
        self.method_combo.addItems(sv.METHODS)
        self.checkers_edit = QLineEdit()
        self.checkers_edit.setPlaceholderText("如：县委组织部 周明、县乡村振兴局 杨帆")
        self.township_combo = QComboBox()
        fill_townships(self.township_combo, ws, ALL_COUNTY, township_uuid)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.note_edit = text_box(2, self)
        self.form.addRow("抽查时间", self.when_edit)
        self.form.addRow("抽查方式", self.method_combo)
        self.form.addRow("检查人员", self.checkers_edit)
        self.form.addRow("乡镇", self.township_combo)
        self.form.addRow("抽查对象", self.table)
        self.form.addRow("", hint("勾选被抽查的驻村干部，逐人选择抽查结果。保存后自动与当天的考勤和请假核对（§7、§8）。"))
        self.form.addRow("备注", self.note_edit)
        self.map_fields({"抽查方式": self.method_combo, "检查人员": self.checkers_edit})
        self.fill_cadres()
        self.township_combo.currentIndexChanged.connect(lambda _i: self.fill_cadres())
        self.when_edit.dateChanged.connect(lambda _d: self.fill_cadres())
        self.resize(max(self.sizeHint().width(), 760), self.sizeHint().height())

    def fill_cadres(self) -> None:
        """The township's cadres in post on the day; ticks and results already entered are kept."""
        kept = {self.table.item(r, COL_NAME).data(Qt.ItemDataRole.UserRole): self._row_values(r)
                for r in range(self.table.rowCount())}
        day = from_qdatetime(self.when_edit.dateTime()).date()
        people = cadres_on(self.ws, self.township_combo.currentData(), day)
        self.table.setRowCount(0)
        for uuid, name, role, village in people:
            r = self.table.rowCount()
            self.table.insertRow(r)
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            ticked, result, note = kept.get(uuid, (False, sv.RESULT_PRESENT, ""))
            tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.table.setItem(r, COL_TICK, tick)
            name_item = QTableWidgetItem(name)
            name_item.setData(Qt.ItemDataRole.UserRole, uuid)
            for col, item in ((COL_NAME, name_item), (COL_VILLAGE, QTableWidgetItem(village)),
                              (COL_ROLE, QTableWidgetItem(role))):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, col, item)
            combo = QComboBox()
            combo.addItems(sv.CHECK_RESULTS)
            combo.setCurrentText(result)
            combo.currentIndexChanged.connect(lambda _i, row=r: self._tick(row))
            self.table.setCellWidget(r, COL_RESULT, combo)
            note_edit = QLineEdit(note)
            note_edit.setFrame(False)
            note_edit.textEdited.connect(lambda _t, row=r: self._tick(row))
            self.table.setCellWidget(r, COL_NOTE, note_edit)
        if not people:
            self.findings.show_text(f"{day:%Y-%m-%d}所选乡镇没有在岗的驻村干部。")
        else:
            self.findings.clear()

    def _tick(self, row: int) -> None:
        """Choosing a result or writing a note for a cadre means the cadre was checked."""
        self.table.item(row, COL_TICK).setCheckState(Qt.CheckState.Checked)

    def _row_values(self, row: int) -> tuple[bool, str, str]:
        return (self.table.item(row, COL_TICK).checkState() == Qt.CheckState.Checked,
                self.table.cellWidget(row, COL_RESULT).currentText(), self.table.cellWidget(row, COL_NOTE).text())

    def row_of(self, name: str) -> int:
        return next(r for r in range(self.table.rowCount()) if self.table.item(r, COL_NAME).text() == name)

    def set_result(self, name: str, result: str, note: str = "") -> None:
        """What a checker enters for one cadre (the tests use it as a user would)."""
        r = self.row_of(name)
        self.table.cellWidget(r, COL_RESULT).setCurrentText(result)
        self.table.cellWidget(r, COL_NOTE).setText(note)
        self._tick(r)

    def checked(self) -> list[CheckedCadre]:
        out = []
        for r in range(self.table.rowCount()):
            ticked, result, note = self._row_values(r)
            if ticked:
                out.append(CheckedCadre(self.table.item(r, COL_NAME).data(Qt.ItemDataRole.UserRole), result, note))
        return out

    def save(self) -> None:
        self.run(lambda: spot_checks.record_spot_check(
            self.ws, checked_at=from_qdatetime(self.when_edit.dateTime()), method=self.method_combo.currentText(),
            checkers=self.checkers_edit.text(), results=self.checked(), township_uuid=self.township_combo.currentData(),
            note=self.note_edit.toPlainText()))
