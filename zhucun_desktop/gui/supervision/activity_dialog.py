"""登记活动: an event that fulfils recurring duties (谈心谈话, 季度座谈会, 培训, 村工作例会, 调研报告…): its kind from
the rule set, dates, the township, the dispatching unit when the duty is a unit's, the cadres who took part
(from the roster, in post on the day), a note and an attachment (minutes, a report), copied into the program's
data directory. Opened from a duty, the form is filled in for that duty."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...domain import duties as dd
from ...domain.duties import DutyInstance
from ...services import duties, org
from ...services.workspace import Workspace
from .common import (
    COUNTY_OWN,
    FormDialog,
    cadres_on,
    date_edit,
    fill_townships,
    from_qdate,
    text_box,
    to_qdate,
)

NO_UNIT = "（不涉及派出单位）"


class ActivityDialog(FormDialog):
    """``result_value`` after ``exec()``: the new activity's uuid."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, duty: DutyInstance | None = None,
                 today: date | None = None) -> None:
        super().__init__("登记活动", parent, width_chars=48)
        self.ws = ws
        self.today = today or date.today()
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(duties.activity_kinds(ws))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("如：第四季度谈心谈话")
        self.start_edit = date_edit(self.today)
        self.end_check = QCheckBox("持续多天，至")
        self.end_edit = date_edit(self.today)
        self.end_edit.setEnabled(False)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_edit, self.end_check, self.end_edit):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates_box = QWidget()
        dates_box.setLayout(dates)
        self.township_combo = QComboBox()
        fill_townships(self.township_combo, ws, f"（{COUNTY_OWN}组织）" if ws.actor.is_county else None)
        self.township_combo.setEnabled(ws.actor.is_county)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(NO_UNIT, None)
        for u in org.list_units(ws):
            self.unit_combo.addItem(u.name, u.uuid)
        self.people_list = QListWidget()
        self.people_list.setFixedHeight(self.fontMetrics().lineSpacing() * 7 + 12)
        self.level_combo = QComboBox()
        self.level_combo.addItem("（不适用）", None)
        for level in duties.LEVELS:
            self.level_combo.addItem(level, level)
        self.organizer_edit = QLineEdit()
        self.note_edit = text_box(2, self)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("会议记录、调研报告等（可不选）")
        browse = QPushButton("选择…")
        browse.clicked.connect(self.choose_file)
        files = QHBoxLayout()
        files.setContentsMargins(0, 0, 0, 0)
        files.addWidget(self.file_edit, 1)
        files.addWidget(browse)
        file_box = QWidget()
        file_box.setLayout(files)
        for label, widget in (("登记类别", self.kind_combo), ("名称", self.title_edit), ("日期", dates_box),
                              ("乡镇", self.township_combo), ("派出单位", self.unit_combo),
                              ("参加人员", self.people_list), ("培训层级", self.level_combo),
                              ("组织者", self.organizer_edit), ("备注", self.note_edit), ("附件", file_box)):
            self.form.addRow(label, widget)
        self.map_fields({"登记类别": self.kind_combo, "日期": self.start_edit, "结束日期": self.end_edit,
                         "参加人员": self.people_list, "派出单位": self.unit_combo, "乡镇": self.township_combo,
                         "层级": self.level_combo})
        self.end_check.toggled.connect(self._end_toggled)
        self.start_edit.dateChanged.connect(lambda _d: self.fill_people())
        self.township_combo.currentIndexChanged.connect(lambda _i: self.fill_people())
        self.fill_people()
        if duty is not None:
            self.load_duty(duty)

    def _end_toggled(self, on: bool) -> None:
        self.end_edit.setEnabled(on)
        if on and self.end_edit.date() <= self.start_edit.date():
            self.end_edit.setDate(self.start_edit.date().addDays(1))

    def load_duty(self, duty: DutyInstance) -> None:
        """For the duty chosen on the list: its kind, a day inside its period, its township and subject."""
        self.kind_combo.setCurrentText(duty.activity)
        self.title_edit.setText(f"{duty.duty_name}（{duty.period_label}）")
        day = max(duty.period_start, min(self.today, duty.due, duty.period_end))
        self.start_edit.setDate(to_qdate(day))
        self.township_combo.setCurrentIndex(max(self.township_combo.findData(duty.township_uuid), 0))
        self.fill_people()
        if duty.subject_kind in (dd.SUBJECT_CADRE, dd.SUBJECT_FIRST_SECRETARY) and duty.subject_uuid:
            self.tick_person(duty.subject_uuid)
        elif duty.subject_kind == dd.SUBJECT_UNIT and duty.subject_uuid:
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(duty.subject_uuid), 0))

    def fill_people(self) -> None:
        ticked = set(self.person_uuids())
        self.people_list.clear()
        on = from_qdate(self.start_edit.date())
        for uuid, name, role, village in cadres_on(self.ws, self.township_combo.currentData(), on):
            item = QListWidgetItem(f"{name}（{village}，{role}）")
            item.setData(Qt.ItemDataRole.UserRole, uuid)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if uuid in ticked else Qt.CheckState.Unchecked)
            self.people_list.addItem(item)

    def tick_person(self, person_uuid: str) -> None:
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == person_uuid:
                item.setCheckState(Qt.CheckState.Checked)
                self.people_list.scrollToItem(item)

    def person_uuids(self) -> list[str]:
        items = (self.people_list.item(i) for i in range(self.people_list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择附件", str(Path.home()), "所有文件 (*)")
        if path:
            self.file_edit.setText(path)

    def save(self) -> None:
        attachment = self.file_edit.text().strip() or None
        self.run(lambda: duties.register_activity(
            self.ws, self.kind_combo.currentText(), from_qdate(self.start_edit.date()),
            end_date=from_qdate(self.end_edit.date()) if self.end_check.isChecked() else None,
            person_uuids=self.person_uuids(), township_uuid=self.township_combo.currentData(),
            unit_uuid=self.unit_combo.currentData(), title=self.title_edit.text(),
            organizer=self.organizer_edit.text(), level=self.level_combo.currentData(),
            note=self.note_edit.toPlainText(), attachment_path=attachment, today=self.today))
