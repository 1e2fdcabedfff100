"""请假申请: the written request of §8, checked while it is filled in, saved as 草稿 or 提交 for approval.

What the paper form asks: 请假人, 请假类别 (因公: 出差出访/学习考察/参会培训; 因私: 事假/病假/年休假), 请假起止日期
with the length as the rule counts it (calendar days), 外出地点 outside the county, 请假事由, 离县期间联系方式 and,
for a first secretary, the 工作交接人 posted to the same village. Under the dates the chain the request will go
through is shown as the active rule set gives it ("共3天，审批：村党支部 → 乡镇党委；报县委组织部备案"); the
service's findings (overlaps, dates outside the posting, the two-stay rule with the names and dates of those
already away) are listed under the form and mark their fields, as the roster's person form does.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import terms
from ...domain.errors import Finding
from ...domain.leave_rules import (
    FIELD_DATES,
    FIELD_HANDOVER,
    FIELD_IN_VILLAGE,
    FIELD_KIND,
    FIELD_ROLE,
    LEAVE_KINDS_OFFICIAL,
    LEAVE_KINDS_PERSONAL,
)
from ...services import leave, leave_queries
from ...services.errors import ServiceError, ValidationFailed
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, INVALID_STYLE, FindingsView, service_message
from ..widgets import date_edit, from_qdate, to_qdate

CHECK_DELAY_MS = 250
NO_HANDOVER = "（请选择本村的驻村人员）"
DATE_INVALID_STYLE = f'QDateEdit[invalid="true"] {{ border: 2px solid {ERROR_COLOR}; border-radius: 2px; }}'


def preview_text(preview: Any) -> str:
    """共3天，审批：村党支部 → 乡镇党委；报县委组织部备案. A 续假 counts with what it extends."""
    if preview.problem:
        return preview.problem
    days = f"共{preview.days}天"
    if preview.total_days != preview.days:
        days = f"续假{preview.days}天，连同原请假共{preview.total_days}天"
    text = f"{days}（{preview.tier_label}），审批：{' → '.join(preview.chain)}"
    if preview.file_with:
        text += f"；报{preview.file_with}备案"
    return text


class RequestDialog(QDialog):
    """新建请假 (``request_uuid`` None) or a 草稿 opened again. ``township_uuid`` limits the people offered
    (a township account's own township is used anyway). After ``exec()``, ``request_uuid`` is what was saved."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, request_uuid: str | None = None,
                 township_uuid: str | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.request_uuid = request_uuid
        self.submitted = False
        self.today = today or date.today()
        self.township_uuid = ws.actor.township_uuid or township_uuid
        self._roles: dict[str, str] = {}
        self.setWindowTitle("新建请假" if request_uuid is None else "请假申请（草稿）")
        self.setStyleSheet(INVALID_STYLE + DATE_INVALID_STYLE)
        self._build()
        self.findings = FindingsView(self.findings_label, self._field_widgets())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self._fill_people()
        if request_uuid is not None:
            self._load(request_uuid)
        self._person_changed()
        self._wire()
        self.check_now()
        self.resize(max(self.sizeHint().width(), 720), self.sizeHint().height())

    # -- building -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.person_combo = QComboBox()
        self.person_combo.setMinimumContentsLength(16)
        self.kind_combo = QComboBox()
        for kind in LEAVE_KINDS_OFFICIAL:
            self.kind_combo.addItem(f"{kind}（因公）", kind)
        self.kind_combo.insertSeparator(self.kind_combo.count())
        for kind in LEAVE_KINDS_PERSONAL:
            self.kind_combo.addItem(f"{kind}（因私）", kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(LEAVE_KINDS_PERSONAL[0]))
        start = self.today + timedelta(days=1)
        self.start_edit = date_edit(start)
        self.end_edit = date_edit(start)
        self.days_label = QLabel()
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(QLabel("至"))
        dates.addWidget(self.end_edit)
        dates.addWidget(self.days_label)
        dates.addStretch(1)
        self.dates_box = QWidget()
        self.dates_box.setLayout(dates)
        dates.setContentsMargins(0, 0, 0, 0)
        self.chain_label = QLabel()
        self.chain_label.setWordWrap(True)
        self.chain_label.setStyleSheet("QLabel { background:#eef3f8; border:1px solid #c9d6e3; padding:6px; }")
        self.destination_edit = QLineEdit()
        self.destination_edit.setPlaceholderText("县外的去向，如“昆明市”")
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText("手机号码")
        self.handover_combo = QComboBox()
        self.handover_hint = QLabel()
        self.handover_hint.setStyleSheet(f"color: {HINT_COLOR}")
        self.filed_edit = date_edit(self.today)
        form = QFormLayout()
        form.addRow("请假人", self.person_combo)
        form.addRow("请假类别", self.kind_combo)
        form.addRow("请假起止日期", self.dates_box)
        form.addRow("", self.chain_label)
        form.addRow("外出地点", self.destination_edit)
        form.addRow("请假事由", self.reason_edit)
        form.addRow("离县期间联系方式", self.contact_edit)
        form.addRow("工作交接人", self.handover_combo)
        form.addRow("", self.handover_hint)
        form.addRow("申请日期", self.filed_edit)
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.draft_button = QPushButton("存为草稿")
        self.submit_button = QPushButton("提交")
        self.submit_button.setDefault(True)
        self.cancel_button = QPushButton("取消")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.draft_button, self.submit_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.findings_label)
        layout.addLayout(buttons)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {leave.FIELD_PERSON: self.person_combo, FIELD_ROLE: self.person_combo, FIELD_KIND: self.kind_combo,
                FIELD_DATES: self.end_edit, FIELD_IN_VILLAGE: self.start_edit, FIELD_HANDOVER: self.handover_combo,
                leave.FIELD_DESTINATION: self.destination_edit, leave.FIELD_REASON: self.reason_edit}

    def _wire(self) -> None:
        self.person_combo.currentIndexChanged.connect(lambda _i: self._person_changed())
        self.start_edit.dateChanged.connect(self._start_changed)
        self.end_edit.dateChanged.connect(lambda _d: self._changed())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.handover_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.filed_edit.dateChanged.connect(lambda _d: self._changed())
        for edit in (self.destination_edit, self.contact_edit):
            edit.textChanged.connect(lambda _t: self._changed())
        self.reason_edit.textChanged.connect(self._changed)
        self.draft_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        self.cancel_button.clicked.connect(self.reject)

    # -- choices --------------------------------------------------------------------------------------------
    def _fill_people(self) -> None:
        people = leave_queries.requestable_people(self.ws, self.township_uuid, self.today)
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for uuid, name, role, village in people:
            self.person_combo.addItem(f"{name}（{village}，{role}）", uuid)
            self._roles[uuid] = role
        self.person_combo.setCurrentIndex(-1 if len(people) != 1 else 0)
        self.person_combo.blockSignals(False)
        if not people:
            self.person_combo.setPlaceholderText("没有在岗的驻村干部")

    def person_uuid(self) -> str | None:
        return self.person_combo.currentData()

    def is_first_secretary(self) -> bool:
        return self._roles.get(self.person_uuid() or "") == terms.ROLE_FIRST_SECRETARY

    def _person_changed(self) -> None:
        self._fill_handover()
        self._changed()

    def _fill_handover(self) -> None:
        current = self.handover_combo.currentData()
        self.handover_combo.blockSignals(True)
        self.handover_combo.clear()
        person = self.person_uuid()
        if person is not None and self.is_first_secretary():
            self.handover_combo.addItem(NO_HANDOVER, None)
            candidates = leave_queries.handover_candidates(self.ws, person, from_qdate(self.start_edit.date()))
            for uuid, name in candidates:
                self.handover_combo.addItem(name, uuid)
            index = self.handover_combo.findData(current) if current else -1
            self.handover_combo.setCurrentIndex(max(index, 0))
            self.handover_combo.setEnabled(True)
            self.handover_hint.setText("驻村第一书记请假须明确工作交接人（§8）" if candidates
                                       else "本村没有其他在岗的驻村人员可以交接工作")
        else:
            self.handover_combo.setEnabled(False)
            self.handover_hint.setText("只有驻村第一书记请假需要工作交接人" if person else "")
        self.handover_combo.blockSignals(False)

    def _start_changed(self, qd: QDate) -> None:
        if self.end_edit.date() < qd:
            self.end_edit.setDate(qd)  # a new start after the end moves the end along: one day's leave
        if self.is_first_secretary():
            self._fill_handover()  # who is posted to the village on the first day of the leave
        self._changed()

    # -- checking -------------------------------------------------------------------------------------------
    def draft(self) -> leave.LeaveDraft | None:
        person = self.person_uuid()
        if person is None:
            return None
        return leave.LeaveDraft(
            person_uuid=person, kind=self.kind_combo.currentData(), start=from_qdate(self.start_edit.date()),
            end=from_qdate(self.end_edit.date()), destination=self.destination_edit.text().strip(),
            reason=self.reason_edit.toPlainText().strip(), contact=self.contact_edit.text().strip(),
            handover_person_uuid=self.handover_combo.currentData() if self.handover_combo.isEnabled() else None,
            filed_on=from_qdate(self.filed_edit.date()))

    def _changed(self) -> None:
        self._timer.start()

    def check_now(self) -> list[Finding]:
        """The live check: the chain the request would go through and what the rules say of it (no writes)."""
        self._timer.stop()
        draft = self.draft()
        start, end = from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())
        days = (end - start).days + 1
        self.days_label.setText(f"共{days}天（自然日，含周末和节假日）" if days >= 1 else "")
        if draft is None:
            self.chain_label.setText("先选择请假人，这里显示审批流程。")
            self.findings.clear()
            return []
        try:
            findings = leave.check_request(self.ws, draft, request_uuid=self.request_uuid, today=self.today)
            preview = leave.preview_chain(self.ws, draft, today=self.today) if days >= 1 else None
        except ServiceError as exc:
            self.findings.show_text(service_message(exc))
            return []
        if preview is not None:
            self.chain_label.setText(preview_text(preview))
            self.chain_label.setToolTip(f"按{preview.rule_set_name}（第{preview.rule_set_number}版）")
        else:
            self.chain_label.setText("结束日期不能早于开始日期")
        self.findings.show(findings)
        return findings

    def chain_text(self) -> str:
        return self.chain_label.text()

    # -- load and save --------------------------------------------------------------------------------------
    def _load(self, uuid: str) -> None:
        detail = leave_queries.request_detail(self.ws, uuid, self.today)
        r = detail.request
        index = self.person_combo.findData(r.person_uuid)
        if index < 0:
            self.person_combo.addItem(f"{r.name}（{r.village}，{r.role}）", r.person_uuid)
            self._roles[r.person_uuid] = r.role
            index = self.person_combo.count() - 1
        self.person_combo.setCurrentIndex(index)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(r.kind), 0))
        self.start_edit.setDate(to_qdate(r.start))
        self.end_edit.setDate(to_qdate(r.end))
        self.destination_edit.setText(detail.destination or "")
        self.reason_edit.setPlainText(detail.reason or "")
        self.contact_edit.setText(detail.contact or "")
        if r.filed_on:
            self.filed_edit.setDate(to_qdate(r.filed_on))
        self._fill_handover()
        if detail.handover_name:
            self.handover_combo.setCurrentIndex(max(self.handover_combo.findText(detail.handover_name), 0))
        self.setWindowTitle(f"请假申请（草稿）— {r.name}")

    def save(self, *, submit: bool) -> None:
        draft = self.draft()
        if draft is None:
            self.findings.show([Finding.error(leave.FIELD_PERSON, "请选择请假的驻村干部")])
            return
        try:
            if self.request_uuid is None:
                self.request_uuid = leave.create_request(self.ws, draft, submit=submit, today=self.today)
            else:
                leave.update_request(self.ws, self.request_uuid, draft, today=self.today)
                if submit:
                    leave.submit_request(self.ws, self.request_uuid, today=self.today)
        except ValidationFailed as exc:
            self.findings.show(exc.findings)
            return
        except Exception as exc:  # noqa: BLE001 - ServiceError/StorageError carry Chinese; nothing was written
            self.findings.show_text(service_message(exc))
            return
        self.submitted = submit
        self.accept()

    def findings_text(self) -> str:
        """What the red lines under the form say, as plain text."""
        document = QTextDocument()
        document.setHtml(self.findings_label.text())
        return "" if self.findings_label.isHidden() else document.toPlainText()
