"""The forms of a ledger row (§13): 新增问题 / 修改 (also the editable draft a spot check or an inspection proposes),
登记整改进展, 报告整改完成 and the county's 核查.

Each form makes one service call; a refusal (a field the rule needs, a state that no longer allows the step) is
shown in red under the form, naming the field, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from ...domain import supervision as sv
from ...services import ledger, org
from ...services.ledger import LedgerInput, LedgerView
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR
from .common import (
    COUNTY_OWN,
    FormDialog,
    cadres_on,
    date_edit,
    day_text,
    from_qdate,
    hint,
    text_box,
    to_qdate,
)

DATE_INVALID_STYLE = f'QDateEdit[invalid="true"] {{ border: 2px solid {ERROR_COLOR}; border-radius: 2px; }}'
DEFAULT_DEADLINE_DAYS = 15
Saver = Callable[[LedgerInput], object]


class LedgerDialog(FormDialog):
    """新增问题 (``values`` None), 修改 (``uuid`` given) or a proposed draft (``values`` and a ``saver``).

    ``saver(values)`` is the service call that keeps the row; by default ``create_ledger_row`` or
    ``update_ledger_row``. After ``exec()``, ``result_value`` is what the saver returned (the new row's uuid)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, values: LedgerInput | None = None,
                 uuid: str | None = None, saver: Saver | None = None, title: str | None = None,
                 subject_name: str = "", today: date | None = None) -> None:
        super().__init__(title or ("修改台账记录" if uuid else "新增问题"), parent, width_chars=44)
        self.setStyleSheet(self.styleSheet() + DATE_INVALID_STYLE)
        self.ws = ws
        self.uuid = uuid
        self.today = today or date.today()
        self.saver = saver
        self._build()
        self._wire()
        if values is not None:
            self.load(values, subject_name)
        else:
            self._fill_subjects()

    # -- building -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.township_combo = QComboBox()
        if self.ws.actor.is_county:
            self.township_combo.addItem(f"（{COUNTY_OWN}本级）", None)
        for t in org.list_townships(self.ws):
            self.township_combo.addItem(t.name, t.uuid)
        self.township_combo.setEnabled(self.ws.actor.is_county)
        self.source_combo = QComboBox()
        self.source_combo.setEditable(True)
        self.source_combo.addItems(sv.SOURCES)
        self.found_edit = date_edit(self.today)
        self.kind_unit = QRadioButton(sv.SUBJECT_UNIT)
        self.kind_cadre = QRadioButton(sv.SUBJECT_CADRE)
        self.kind_cadre.setChecked(True)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.kind_cadre)
        self.kind_group.addButton(self.kind_unit)
        self.subject_combo = QComboBox()
        self.subject_combo.setMinimumContentsLength(16)
        subject = QHBoxLayout()
        subject.setContentsMargins(0, 0, 0, 0)
        subject.addWidget(self.kind_cadre)
        subject.addWidget(self.kind_unit)
        subject.addWidget(self.subject_combo, 1)
        self.subject_box = QWidget()
        self.subject_box.setLayout(subject)
        self.description_edit = text_box(3, self)
        self.measures_edit = text_box(2, self)
        self.deadline_edit = date_edit(self.today)
        self.responsible_edit = QLineEdit()
        self.responsible_edit.setPlaceholderText("负责整改的人（单位的分管领导或干部本人）")
        self.circulated_check = QCheckBox("已通报")
        self.form.addRow("所属乡镇", self.township_combo)
        self.form.addRow("问题来源", self.source_combo)
        self.form.addRow("发现时间", self.found_edit)
        self.form.addRow("责任主体", self.subject_box)
        self.form.addRow("问题描述", self.description_edit)
        self.form.addRow("整改措施", self.measures_edit)
        self.form.addRow("整改时限", self.deadline_edit)
        self.form.addRow("责任人", self.responsible_edit)
        self.form.addRow("是否通报", self.circulated_check)
        self.form.addRow("", hint("整改时限过后仍未整改完成的，在台账中标红（逾期）。"))
        self.map_fields({sv.FIELD_SOURCE: self.source_combo, sv.FIELD_FOUND: self.found_edit,
                         sv.FIELD_SUBJECT: self.subject_combo, sv.FIELD_DESCRIPTION: self.description_edit,
                         sv.FIELD_DEADLINE: self.deadline_edit, sv.FIELD_RESPONSIBLE: self.responsible_edit,
                         sv.FIELD_COMPLETED: self.found_edit})
        self.deadline_edit.setDate(to_qdate(date.fromordinal(self.today.toordinal() + DEFAULT_DEADLINE_DAYS)))

    def _wire(self) -> None:
        self.kind_cadre.toggled.connect(lambda _on: self._fill_subjects())
        self.township_combo.currentIndexChanged.connect(lambda _i: self._fill_subjects())
        self.found_edit.dateChanged.connect(lambda _d: self._fill_subjects())
        self.subject_combo.activated.connect(lambda _i: self._subject_chosen())

    def subject_kind(self) -> str:
        return sv.SUBJECT_CADRE if self.kind_cadre.isChecked() else sv.SUBJECT_UNIT

    def _fill_subjects(self, keep: tuple[str, str] | None = None) -> None:
        """Units, or the cadres in post in the chosen township on the day the problem was found."""
        current = keep or (self.subject_combo.currentData(), self.subject_combo.currentText())
        self.subject_combo.blockSignals(True)
        self.subject_combo.clear()
        if self.subject_kind() == sv.SUBJECT_UNIT:
            for u in org.list_units(self.ws):
                self.subject_combo.addItem(u.name, u.uuid)
        else:
            on = from_qdate(self.found_edit.date())
            for uuid, name, role, village in cadres_on(self.ws, self.township_combo.currentData(), on):
                self.subject_combo.addItem(f"{name}（{village}，{role}）", uuid)
        index = self.subject_combo.findData(current[0]) if current[0] else -1
        if index < 0 and current[0] and keep is not None:
            self.subject_combo.addItem(current[1], current[0])  # no longer in post: keep the row's subject
            index = self.subject_combo.count() - 1
        self.subject_combo.setCurrentIndex(index)
        self.subject_combo.setPlaceholderText("请选择")
        self.subject_combo.blockSignals(False)

    def _subject_chosen(self) -> None:
        if self.subject_kind() == sv.SUBJECT_CADRE and not self.responsible_edit.text().strip():
            self.responsible_edit.setText(self.subject_combo.currentText().split("（")[0])

    # -- values ---------------------------------------------------------------------------------------------
    def load(self, v: LedgerInput, subject_name: str = "") -> None:
        self.township_combo.setCurrentIndex(max(self.township_combo.findData(v.township_uuid), 0))
        self.source_combo.setCurrentText(v.source)
        if v.found_on:
            self.found_edit.setDate(to_qdate(v.found_on))
        (self.kind_unit if v.subject_kind == sv.SUBJECT_UNIT else self.kind_cadre).setChecked(True)
        self._fill_subjects(keep=(v.subject_uuid or "", subject_name or v.responsible))
        self.description_edit.setPlainText(v.description)
        self.measures_edit.setPlainText(v.measures or "")
        if v.deadline:
            self.deadline_edit.setDate(to_qdate(v.deadline))
        self.responsible_edit.setText(v.responsible)
        self.circulated_check.setChecked(v.circulated)

    def values(self) -> LedgerInput:
        return LedgerInput(
            source=self.source_combo.currentText().strip(), found_on=from_qdate(self.found_edit.date()),
            subject_kind=self.subject_kind(), subject_uuid=self.subject_combo.currentData(),
            description=self.description_edit.toPlainText().strip(), deadline=from_qdate(self.deadline_edit.date()),
            responsible=self.responsible_edit.text().strip(), measures=self.measures_edit.toPlainText().strip(),
            township_uuid=self.township_combo.currentData(), circulated=self.circulated_check.isChecked())

    def save(self) -> None:
        values = self.values()
        if self.saver is not None:
            self.run(lambda: self.saver(values))
        elif self.uuid:
            self.run(lambda: ledger.update_ledger_row(self.ws, self.uuid, values) or self.uuid)
        else:
            self.run(lambda: ledger.create_ledger_row(self.ws, values))


def input_of(v: LedgerView) -> LedgerInput:
    """The form's values of an existing row (修改)."""
    return LedgerInput(source=v.source, found_on=v.found_on, subject_kind=v.subject_kind, subject_uuid=v.subject_uuid,
                       description=v.description, deadline=v.deadline, responsible=v.responsible,
                       measures=v.measures, township_uuid=v.township_uuid, circulated=v.circulated)


def _summary(v: LedgerView) -> QLabel:
    label = QLabel(f"{v.subject_name or v.subject_kind}：{v.description}\n整改时限：{day_text(v.deadline)}")
    label.setWordWrap(True)
    return label


class ProgressDialog(FormDialog):
    """登记整改进展: a dated entry added to the row's history; the row is 整改中 from then on."""

    def __init__(self, ws: Workspace, row: LedgerView, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__("登记整改进展", parent)
        self.ws, self.row = ws, row
        self.on_edit = date_edit(today or date.today())
        self.progress_edit = text_box(3, self)
        self.form.addRow("问题", _summary(row))
        self.form.addRow("日期", self.on_edit)
        self.form.addRow("整改进展", self.progress_edit)
        self.map_fields({sv.FIELD_PROGRESS: self.progress_edit})

    def save(self) -> None:
        self.run(lambda: ledger.record_progress(self.ws, self.row.uuid, self.progress_edit.toPlainText(),
                                                on=from_qdate(self.on_edit.date())))


class SubmitDialog(FormDialog):
    """报告整改完成: the completion date and what was done, for the county's verification (→ 已整改待核查)."""

    ok_text = "报告整改完成"

    def __init__(self, ws: Workspace, row: LedgerView, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__("报告整改完成", parent)
        self.ok_button.setText(self.ok_text)
        self.ws, self.row = ws, row
        self.today = today or date.today()
        self.completed_edit = date_edit(self.today)
        self.progress_edit = text_box(3, self)
        self.progress_edit.setPlaceholderText("整改完成情况（不填则记为“整改完成，报请核查”）")
        self.form.addRow("问题", _summary(row))
        self.form.addRow("完成时间", self.completed_edit)
        self.form.addRow("整改情况", self.progress_edit)
        self.form.addRow("", hint("报告后由县委组织部核查（§13），核查前不能再修改。"))
        self.map_fields({sv.FIELD_COMPLETED: self.completed_edit})

    def save(self) -> None:
        self.run(lambda: ledger.submit_rectified(self.ws, self.row.uuid,
                                                 completed_on=from_qdate(self.completed_edit.date()),
                                                 progress=self.progress_edit.toPlainText(), today=self.today))


class VerifyDialog(FormDialog):
    """核查（县级）: the county org dept's own record; 核查未通过 needs the reason and sends the row back."""

    ok_text = "保存核查结果"

    def __init__(self, ws: Workspace, row: LedgerView, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__("核查（县委组织部）", parent)
        self.ok_button.setText(self.ok_text)
        self.ws, self.row = ws, row
        self.passed = QRadioButton(sv.RESULT_PASSED)
        self.failed = QRadioButton(sv.RESULT_FAILED)
        self.passed.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.passed)
        group.addButton(self.failed)
        results = QHBoxLayout()
        results.setContentsMargins(0, 0, 0, 0)
        results.addWidget(self.passed)
        results.addWidget(self.failed)
        results.addStretch(1)
        box = QWidget()
        box.setLayout(results)
        self.verified_edit = date_edit(today or date.today())
        self.verifier_edit = QLineEdit(ws.actor.display_name)
        self.note_edit = text_box(3, self)
        self.note_edit.setPlaceholderText("核查方式和意见；核查未通过的，写明原因和整改要求")
        self.form.addRow("问题", _summary(row))
        last = row.progress.splitlines()[-1] if row.progress else ""
        self.form.addRow("整改完成", QLabel(f"{day_text(row.completed_on)}　{last}"))
        self.form.addRow("核查结果", box)
        self.form.addRow("核查日期", self.verified_edit)
        self.form.addRow("核查人", self.verifier_edit)
        self.form.addRow("核查意见", self.note_edit)
        self.map_fields({sv.FIELD_VERIFIER: self.verifier_edit, "核查意见": self.note_edit,
                         "核查日期": self.verified_edit})

    def result_text(self) -> str:
        return sv.RESULT_PASSED if self.passed.isChecked() else sv.RESULT_FAILED

    def save(self) -> None:
        self.run(lambda: ledger.verify_ledger_row(self.ws, self.row.uuid, result=self.result_text(),
                                                  verified_on=from_qdate(self.verified_edit.date()),
                                                  verifier=self.verifier_edit.text(),
                                                  note=self.note_edit.toPlainText()))
