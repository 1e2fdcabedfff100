"""登记审批: the next signature of the chain as written on the paper form (§8).

The body is fixed to the next one (steps are taken in order), the decision 同意 or 不同意, who signed, the date and
a remark. 不同意 ends the request as 未批准. A refusal (a step out of order, a county body at a township site)
stays on the form in red and nothing is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from ...domain.leave_rules import DECISION_AGREE, DECISION_DISAGREE
from ...services import leave
from ...services.workspace import Workspace
from ..roster.feedback import WARNING_COLOR
from ..widgets import date_edit, from_qdate
from .form_base import RequestForm, text_box


class StepDialog(RequestForm):
    """登记审批: the next body's signature, as written on the paper form."""

    ok_text = "登记"

    def __init__(self, ws: Workspace, detail: Any, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(ws, detail, "登记审批", parent, today=today)
        self.body = detail.next_body
        step_no = len(detail.steps) + 1
        self.body_label = QLabel(f"第{step_no}步（共{len(detail.chain)}步）：<b>{self.body}</b>")
        self.agree = QRadioButton(DECISION_AGREE)
        self.disagree = QRadioButton(DECISION_DISAGREE)
        self.agree.setChecked(True)
        self.decision_group = QButtonGroup(self)
        decisions = QHBoxLayout()
        for button in (self.agree, self.disagree):
            self.decision_group.addButton(button)
            decisions.addWidget(button)
        self.warning = QLabel("不同意即结束审批，请假为“未批准”。")
        self.warning.setStyleSheet(f"color: {WARNING_COLOR}")
        self.warning.setVisible(False)
        decisions.addSpacing(12)
        decisions.addWidget(self.warning)
        decisions.addStretch(1)
        self.signer_edit = QLineEdit()
        self.signer_edit.setPlaceholderText("签字人姓名")
        self.date_edit = date_edit(self.today)
        self.remark_edit = text_box(2, self)
        self.form.addRow("审批单位", self.body_label)
        self.form.addRow("审批意见", decisions)
        self.form.addRow("签字人", self.signer_edit)
        self.form.addRow("签字日期", self.date_edit)
        self.form.addRow("备注", self.remark_edit)
        self.warning = QLabel("不同意即结束审批，请假为“未批准”。")
        self.warning.setStyleSheet(f"color: {WARNING_COLOR}")
        self.warning.setVisible(False)
        self.form.addRow("", self.warning)
        self.disagree.toggled.connect(self.warning.setVisible)
        self.signer_edit.setFocus()

    def decision(self) -> str:
        return DECISION_DISAGREE if self.disagree.isChecked() else DECISION_AGREE

    def save(self) -> None:
        signer = self.signer_edit.text().strip()
        if not signer:
            self.refuse("签字人：请填写签字人姓名（纸质审批表上的签字）")
            return
        self.run(lambda: leave.record_step(
            self.ws, self.detail.request.uuid, body=self.body, decision=self.decision(), signer=signer,
            decided_on=from_qdate(self.date_edit.date()), remark=self.remark_edit.toPlainText().strip(), today=self.today))


