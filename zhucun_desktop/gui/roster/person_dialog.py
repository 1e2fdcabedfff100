"""人员信息: one cadre's 花名册 fields, their 驻村经历, and — for a new person — the first 驻村信息.

The 身份证号 is checked while it is typed (GB 11643-1999): the birth date and sex it encodes appear under it, or
what is wrong with it. On 保存 the service's findings are listed under the form in red, each naming its field, and
the field gets a red border; §4 warnings (工作队员优先选派党员) are confirmed once, then saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...domain import terms
from ...domain.errors import Finding, RuleViolation
from ...domain.idcard import LENGTH, parse_id_number
from ...domain.text import normalize, normalize_compact
from ...services import org, roster
from ...services.roster_queries import (
    UNIT_NAME,
    create_person_with_posting,
    require_valid,
    save_person_with_unit,
)
from ...services.workspace import Workspace
from ..forms.ui_person_dialog import Ui_PersonDialog
from ..messages import confirm
from .choices import DEFAULT_ETHNICITY, ETHNICITIES
from .feedback import (
    ERROR_COLOR,
    HINT_COLOR,
    INVALID_STYLE,
    OK_COLOR,
    FindingsView,
    save_with_confirmation,
    service_message,
    set_invalid,
)
from .person_history import PostingHistoryPanel
from .posting_dialogs import PostingFields

MAX_HEIGHT = 700


def _has_errors(values: dict[str, Any]) -> bool:
    """The person's own findings (身份证号, 性别 …), checked without the database."""
    _clean, findings = roster.check_person({k: v for k, v in values.items() if k != UNIT_NAME})
    return any(f.is_error for f in findings)


class PersonDialog(QDialog):
    """新增人员 (``person_uuid`` None) or 人员信息 of an existing person; read-only for 县级查看."""

    def __init__(self, ws: Workspace, person_uuid: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.person_uuid = person_uuid
        self.changed = False  # a posting added or ended here: the roster must refresh even on 取消
        self.ui = Ui_PersonDialog()
        self.ui.setupUi(self)
        self.setStyleSheet(INVALID_STYLE)
        self._fill_choices()
        self.posting_fields: PostingFields | None = None
        self.history: PostingHistoryPanel | None = None
        if person_uuid is None:
            self.setWindowTitle("新增人员")
            self.posting_fields = PostingFields(ws, self.ui.postingGroup)
            self.ui.postingLayout.addWidget(self.posting_fields)
            self.ui.historyGroup.hide()
        else:
            self.ui.postingGroup.hide()
            self.history = PostingHistoryPanel(ws, person_uuid, self.ui, self)
            self.history.changed.connect(self._history_changed)
        self.findings = FindingsView(self.ui.errorLabel, self._field_widgets())
        self._wire()
        if person_uuid is not None:
            self._load(person_uuid)
        if not ws.actor.can_write:
            self._make_read_only()
        if person_uuid is None:  # no history table: as tall as the form needs, within an old 768-pixel screen
            self.resize(self.width(), min(self.sizeHint().height() + 20, MAX_HEIGHT))
        self.ui.nameEdit.setFocus()

    # -- set-up ---------------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        u = self.ui
        u.sexCombo.addItems(list(terms.SEXES))
        u.sexCombo.setCurrentIndex(-1)
        u.ethnicityCombo.addItems(list(ETHNICITIES))
        u.ethnicityCombo.setCurrentText(DEFAULT_ETHNICITY)
        u.politicalCombo.addItems(list(terms.POLITICAL_STATUSES))
        u.politicalCombo.setCurrentIndex(-1)
        u.educationCombo.addItems(list(terms.EDUCATION_LEVELS))
        u.educationCombo.setCurrentIndex(-1)
        u.staffingCombo.addItems(list(terms.STAFFING_TYPES))
        u.staffingCombo.setCurrentText(terms.STAFFING_IN_POST)
        u.staffingCombo.setToolTip("只有在编在岗人员可以选派驻村（§4）")
        for unit in org.list_units(self.ws):
            u.unitCombo.addItem(unit.name, unit.uuid)
        u.unitCombo.setCurrentIndex(-1)
        u.unitCombo.lineEdit().setPlaceholderText("选择或输入单位名称")
        u.partyDateEdit.setMonthOnly(True)
        u.partyDateEdit.setFieldName("入党时间")
        u.workDateEdit.setMonthOnly(True)
        u.workDateEdit.setFieldName("参加工作时间")
        u.phoneEdit.setPlaceholderText("手机号码")
        # Two lines are kept for what the 身份证号 says, so the form does not jump while it is typed.
        u.idInfoLabel.setMinimumHeight(2 * u.idInfoLabel.fontMetrics().lineSpacing() + 2)
        u.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        u.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")

    def _field_widgets(self) -> dict[str, QWidget]:
        u = self.ui
        widgets: dict[str, QWidget] = {
            "姓名": u.nameEdit, "身份证号": u.idEdit, "性别": u.sexCombo, "出生年月": u.idEdit,
            "民族": u.ethnicityCombo, "政治面貌": u.politicalCombo, "入党时间": u.partyDateEdit,
            "参加工作时间": u.workDateEdit, "学历": u.educationCombo, "派出单位": u.unitCombo,
            "职务职级": u.positionEdit, "编制性质": u.staffingCombo, "联系电话": u.phoneEdit, "备注": u.noteEdit,
        }
        if self.posting_fields is not None:
            widgets.update(self.posting_fields.field_widgets())
        return widgets

    def _wire(self) -> None:
        u = self.ui
        u.idEdit.textChanged.connect(self._id_changed)
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        for edit in (u.nameEdit, u.partyDateEdit, u.workDateEdit, u.positionEdit, u.phoneEdit):
            edit.textChanged.connect(lambda _t, w=edit: self.findings.clear_field(w))
        for combo in (u.sexCombo, u.ethnicityCombo, u.politicalCombo, u.educationCombo, u.unitCombo,
                      u.staffingCombo):
            combo.currentTextChanged.connect(lambda _t, w=combo: self.findings.clear_field(w))

    def _make_read_only(self) -> None:
        u = self.ui
        for w in (u.nameEdit, u.idEdit, u.partyDateEdit, u.workDateEdit, u.positionEdit, u.phoneEdit):
            w.setReadOnly(True)
        u.noteEdit.setReadOnly(True)
        for combo in (u.sexCombo, u.ethnicityCombo, u.politicalCombo, u.educationCombo, u.unitCombo,
                      u.staffingCombo):
            combo.setEnabled(False)
        u.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        u.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.setWindowTitle(self.windowTitle() + "（只读）")

    # -- 身份证号 as it is typed ---------------------------------------------------------------------------------
    def _id_changed(self, text: str) -> None:
        number = normalize_compact(text)
        label = self.ui.idInfoLabel
        if len(number) < LENGTH:
            label.setText(f"已输入{len(number)}位，还差{LENGTH - len(number)}位" if number else "")
            label.setStyleSheet(f"color: {HINT_COLOR}")
            self.ui.birthEdit.clear()
            set_invalid(self.ui.idEdit, False)
            return
        try:
            info = parse_id_number(number)
        except RuleViolation as exc:
            label.setText(str(exc))
            label.setStyleSheet(f"color: {ERROR_COLOR}")
            self.ui.birthEdit.clear()
            set_invalid(self.ui.idEdit, True, str(exc))
            return
        label.setText(f"出生日期 {info.birth_date:%Y-%m-%d}，{info.sex}")
        label.setStyleSheet(f"color: {OK_COLOR}")
        self.ui.birthEdit.setText(f"{info.birth_date:%Y-%m}")
        self.ui.sexCombo.setCurrentText(info.sex)
        set_invalid(self.ui.idEdit, False)

    # -- load and save --------------------------------------------------------------------------------------
    def _load(self, uuid: str) -> None:
        try:
            v = roster.person_values(self.ws, uuid)
        except Exception as exc:  # noqa: BLE001 - a vanished record is shown, not raised
            self.findings.show_text(service_message(exc))
            return
        u = self.ui
        self.setWindowTitle(f"人员信息 — {v['name']}")
        u.nameEdit.setText(v["name"] or "")
        u.idEdit.setText(v["id_number"] or "")
        u.sexCombo.setCurrentIndex(u.sexCombo.findText(v["sex"] or ""))
        if v.get("birth_date") and not u.birthEdit.text():
            u.birthEdit.setText(f"{v['birth_date']:%Y-%m}")
        u.ethnicityCombo.setCurrentText(v["ethnicity"] or "")
        u.politicalCombo.setCurrentIndex(u.politicalCombo.findText(v["political_status"] or ""))
        u.partyDateEdit.setDate(v["party_join_date"])
        u.workDateEdit.setDate(v["work_start_date"])
        u.educationCombo.setCurrentIndex(u.educationCombo.findText(v["education"] or ""))
        u.unitCombo.setCurrentIndex(u.unitCombo.findData(v["unit_uuid"]) if v["unit_uuid"] else -1)
        u.positionEdit.setText(v["position"] or "")
        u.staffingCombo.setCurrentIndex(u.staffingCombo.findText(v["staffing"] or ""))
        u.phoneEdit.setText(v["phone"] or "")
        u.noteEdit.setPlainText(v["note"] or "")

    def values(self) -> tuple[dict[str, Any], list[Finding]]:
        """The person's values as the service takes them, and dates that could not be read."""
        u = self.ui
        problems: list[Finding] = []
        dates = {}
        for key, edit in (("party_join_date", u.partyDateEdit), ("work_start_date", u.workDateEdit)):
            try:
                dates[key] = edit.parse()
            except RuleViolation as exc:
                problems.append(exc.to_finding())
                dates[key] = None
        values: dict[str, Any] = {
            "name": u.nameEdit.text(), "id_number": u.idEdit.text(), "sex": u.sexCombo.currentText() or None,
            "ethnicity": u.ethnicityCombo.currentText(), "political_status": u.politicalCombo.currentText() or None,
            "education": u.educationCombo.currentText() or None, "position": u.positionEdit.text(),
            "staffing": u.staffingCombo.currentText() or None, "phone": u.phoneEdit.text(),
            "note": u.noteEdit.toPlainText(), **dates,
        }
        values.update(self._unit_value())
        return values, problems

    def _unit_value(self) -> dict[str, Any]:
        """An existing unit by uuid; a name typed that is not registered yet becomes a new unit on save."""
        text = normalize(self.ui.unitCombo.currentText())
        index = self.ui.unitCombo.findText(text)
        if index >= 0:
            return {"unit_uuid": self.ui.unitCombo.itemData(index)}
        return {"unit_uuid": None, UNIT_NAME: text} if text else {"unit_uuid": None}

    def save(self) -> None:
        values, problems = self.values()
        posting = None
        if self.posting_fields is not None and self.ui.postingGroup.isChecked():
            posting, posting_problems = self.posting_fields.read()
            problems += posting_problems
        new_unit = values.get(UNIT_NAME)
        # Ask about a new unit only when the form is otherwise right, not before showing its errors.
        if new_unit and not problems and not _has_errors(values) and not confirm(
                self, "新建派出单位", f"派出单位“{new_unit}”还没有登记。\n保存时将同时新建这个单位，确定吗？",
                yes="新建并保存", no="返回修改"):
            return

        def call(accept: bool) -> str:
            require_valid(problems)
            if posting is not None:
                return create_person_with_posting(self.ws, values, posting, accept).uuid
            if new_unit:
                return save_person_with_unit(self.ws, values, uuid=self.person_uuid, accept_warnings=accept).uuid
            plain = {k: v for k, v in values.items() if k != UNIT_NAME}
            return roster.save_person(self.ws, plain, uuid=self.person_uuid, accept_warnings=accept).uuid

        uuid = save_with_confirmation(self, self.findings, call)
        if uuid is not None:
            self.person_uuid = uuid
            self.changed = True
            self.accept()

    def _history_changed(self) -> None:
        self.changed = True
