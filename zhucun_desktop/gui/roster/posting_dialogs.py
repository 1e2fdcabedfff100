"""驻村信息: the posting fields (shared with the person form), 新增驻村 and 登记离岗."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain import terms
from ...domain.eligibility import default_term_end
from ...domain.errors import Finding, RuleViolation
from ...services import org, roster
from ...services.roster_queries import PostingValues, require_valid
from ...services.workspace import Workspace
from ..forms.ui_end_posting_dialog import Ui_EndPostingDialog
from ..forms.ui_posting_fields import Ui_PostingFields
from .feedback import INVALID_STYLE, FindingsView, save_with_confirmation

START_FIELD = "驻村开始时间"
END_FIELD = "驻村结束时间"


class PostingFields(QWidget):
    """所属乡镇, 所驻村, 驻村角色 (队长), 驻村开始时间 (today), 驻村结束时间 (start + 2 years, §4), 批次."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = Ui_PostingFields()
        self.ui.setupUi(self)
        self.ui.startEdit.setFieldName(START_FIELD)
        self.ui.termEndEdit.setFieldName(END_FIELD)
        self.ui.termEndEdit.setToolTip("任期届满时间：默认为驻村开始时间加2年（§4 每批次任期一般不少于2年）")
        for role in terms.ROLES:
            self.ui.roleCombo.addItem(role)
        self.ui.roleCombo.currentTextChanged.connect(self._role_changed)
        self._role_changed(self.ui.roleCombo.currentText())
        self.ui.batchCombo.addItems(["", *roster.batches(ws)])
        self.ui.batchCombo.lineEdit().setPlaceholderText("如 第十批")
        self._fill_townships()
        self.ui.townshipCombo.currentIndexChanged.connect(self._fill_villages)
        self._fill_villages()
        self._default_end: date | None = None
        self.ui.startEdit.dateChanged.connect(self._start_changed)
        self.ui.startEdit.setDate(date.today())

    def _fill_townships(self) -> None:
        combo = self.ui.townshipCombo
        for t in org.list_townships(self.ws):
            combo.addItem(t.name, t.uuid)
        if not self.ws.actor.is_county:
            combo.setCurrentIndex(0)
            combo.setEnabled(False)  # a township user posts only to its own villages
        elif combo.count() == 1:
            combo.setCurrentIndex(0)

    def _fill_villages(self) -> None:
        combo = self.ui.villageCombo
        combo.clear()
        township = self.ui.townshipCombo.currentData()
        if township:
            for v in org.list_villages(self.ws, township):
                combo.addItem(v.name, v.uuid)
        combo.setCurrentIndex(-1)

    def _role_changed(self, role: str) -> None:
        """When both are dispatched, the first secretary is the team leader (队长)."""
        self.ui.leaderCheck.setChecked(role == terms.ROLE_FIRST_SECRETARY)

    def _start_changed(self, start: date | None) -> None:
        """Follow the start with the 2-year term, unless the clerk typed another end date."""
        end = self.ui.termEndEdit.date()
        if start is not None and (not self.ui.termEndEdit.text() or end == self._default_end):
            self._default_end = default_term_end(start)
            self.ui.termEndEdit.setDate(self._default_end)

    # -- in and out ---------------------------------------------------------------------------------------
    def set_place(self, township_uuid: str | None, village_uuid: str | None = None) -> None:
        i = self.ui.townshipCombo.findData(township_uuid)
        if i >= 0:
            self.ui.townshipCombo.setCurrentIndex(i)
        j = self.ui.villageCombo.findData(village_uuid)
        if j >= 0:
            self.ui.villageCombo.setCurrentIndex(j)

    def select_township_of(self, village_uuid: str) -> None:
        """Preselect the township of an earlier posting: a new posting is usually in the same township."""
        village = next((v for v in org.list_villages(self.ws) if v.uuid == village_uuid), None)
        if village is not None:
            self.set_place(village.township_uuid)

    def set_role(self, role: str) -> None:
        self.ui.roleCombo.setCurrentText(role)

    def read(self) -> tuple[PostingValues, list[Finding]]:
        """The values as typed, and the dates that could not be read (as findings naming their field)."""
        problems: list[Finding] = []
        dates: list[date | None] = []
        for edit in (self.ui.startEdit, self.ui.termEndEdit):
            try:
                dates.append(edit.parse())
            except RuleViolation as exc:
                problems.append(exc.to_finding())
                dates.append(None)
        values = PostingValues(village_uuid=self.ui.villageCombo.currentData(),
                               role=self.ui.roleCombo.currentText(), start_date=dates[0], term_end_date=dates[1],
                               is_leader=self.ui.leaderCheck.isChecked(),
                               batch=self.ui.batchCombo.currentText().strip() or None)
        return values, problems

    def field_widgets(self) -> dict[str, QWidget]:
        u = self.ui
        return {"所属乡镇": u.townshipCombo, "所驻村": u.villageCombo, "驻村角色": u.roleCombo,
                START_FIELD: u.startEdit, END_FIELD: u.termEndEdit,
                "批次": u.batchCombo}


class NewPostingDialog(QDialog):
    """新增驻村: for a person whose last posting has ended (one village at a time, §4)."""

    def __init__(self, ws: Workspace, person_uuid: str, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.person_uuid = person_uuid
        self.posting_uuid: str | None = None
        self.setWindowTitle(f"新增驻村 — {person_name}")
        self.setStyleSheet(INVALID_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        intro = QLabel(f"为 {person_name} 登记新的驻村记录。原驻村须已登记离岗（一人同一时间只能驻一个村）。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = PostingFields(ws, self)
        layout.addWidget(self.fields)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.findings = FindingsView(self.error_label, self.fields.field_widgets())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        values, problems = self.fields.read()
        if values.village_uuid is None:
            problems.append(Finding.error("所驻村", "请选择所驻村"))
        if values.start_date is None and not problems:
            problems.append(Finding.error(START_FIELD, "不能为空"))

        def call(accept: bool) -> str:
            require_valid(problems)
            assert values.village_uuid is not None and values.start_date is not None
            return roster.add_posting(self.ws, self.person_uuid, village_uuid=values.village_uuid,
                                      role=values.role, start_date=values.start_date,
                                      term_end_date=values.term_end_date, is_leader=values.is_leader,
                                      batch=values.batch, accept_warnings=accept).uuid

        result = save_with_confirmation(self, self.findings, call)
        if result is not None:
            self.posting_uuid = result
            self.accept()


class EndPostingDialog(QDialog):
    """登记离岗: the last day in post and the reason (§5 动态调整)."""

    def __init__(self, ws: Workspace, posting_uuid: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.posting_uuid = posting_uuid
        self.ui = Ui_EndPostingDialog()
        self.ui.setupUi(self)
        self.setStyleSheet(INVALID_STYLE)
        self.ui.postingLabel.setText(description)
        self.ui.endDateEdit.setFieldName("离岗日期")
        self.ui.endDateEdit.setDate(date.today())
        self.ui.reasonCombo.addItems(list(terms.ADJUSTMENT_REASONS))
        self.ui.reasonCombo.setCurrentIndex(-1)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("登记离岗")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.findings = FindingsView(self.ui.errorLabel, {"离岗日期": self.ui.endDateEdit,
                                                          "离岗原因": self.ui.reasonCombo})

    def save(self) -> None:
        problems: list[Finding] = []
        try:
            end = self.ui.endDateEdit.parse()
        except RuleViolation as exc:
            problems.append(exc.to_finding())
            end = None
        if end is None and not problems:
            problems.append(Finding.error("离岗日期", "不能为空"))
        reason = self.ui.reasonCombo.currentText()
        if not reason:
            problems.append(Finding.error("离岗原因", "请选择离岗原因", "§5"))

        def call(_accept: bool) -> bool:
            require_valid(problems)
            assert end is not None
            roster.end_posting(self.ws, self.posting_uuid, end, reason)
            return True

        if save_with_confirmation(self, self.findings, call):
            self.accept()
