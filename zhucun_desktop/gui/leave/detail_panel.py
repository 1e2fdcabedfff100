"""The selected request beside the table: its facts, the approval chain as a column of steps, and its 销假.

Decided steps are filled (green 同意, red 不同意, with signer, date and remark), the step waiting for a signature is
highlighted, later ones are grey; a ≤3-day band's filing with the county org dept (备案) closes the chain.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ...domain.leave_rules import DECISION_AGREE, STATE_OVERDUE
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR
from .table_model import DASH

DONE_STYLE = "background:#e7f3e8; border:1px solid #9cc79f; border-radius:3px; padding:4px;"
REFUSED_STYLE = "background:#fbe9e7; border:1px solid #e0a39b; border-radius:3px; padding:4px;"
NEXT_STYLE = "background:#fff3d6; border:2px solid #d9a53b; border-radius:3px; padding:4px;"
LATER_STYLE = f"color:{HINT_COLOR}; border:1px dashed #c4c8cc; border-radius:3px; padding:4px;"
FILED_STYLE = f"color:{HINT_COLOR}; padding:2px 4px;"


def day_text(d: date | None) -> str:
    return f"{d:%Y-%m-%d}" if d else ""


def _label(text: str, style: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(f"QLabel {{ {style} }}")
    return label


def step_box_text(number: int, body: str, step: Any | None, is_next: bool) -> tuple[str, str]:
    """The text and style of one box of the chain."""
    head = f"<b>第{number}步　{html.escape(body)}</b>"
    if step is not None:
        agreed = step.decision == DECISION_AGREE
        parts = [f"{'✔' if agreed else '✘'} {html.escape(step.decision)}"]
        if step.signer:
            parts.append(f"签字人：{html.escape(step.signer)}")
        parts.append(day_text(step.decided_on))
        text = f"{head}<br>{'　'.join(parts)}"
        if step.remark:
            text += f"<br>备注：{html.escape(step.remark)}"
        return text, DONE_STYLE if agreed else REFUSED_STYLE
    if is_next:
        return f"{head}<br>待审批（下一步）", NEXT_STYLE
    return f"{head}<br>未到", LATER_STYLE


class LeaveDetailPanel(QScrollArea):
    """``show_detail(detail)`` with a ``LeaveDetail``; ``clear()`` when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(6, 0, 6, 6)
        self.title = _label("")
        self.title.setStyleSheet("QLabel { font-size: 12pt; font-weight: bold; }")
        self.facts = _label("", rich=True)
        self.chain_group = QGroupBox("审批流程")
        self.chain_layout = QVBoxLayout(self.chain_group)
        self.chain_layout.setSpacing(4)
        self.return_group = QGroupBox("销假")
        self.return_label = _label("", rich=True)
        QVBoxLayout(self.return_group).addWidget(self.return_label)
        for widget in (self.title, self.facts, self.chain_group, self.return_group):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.setWidget(self.body)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.step_labels: list[QLabel] = []
        self.clear()

    def clear(self) -> None:
        self.title.setText("")
        self.facts.setText(f'<span style="color:{HINT_COLOR}">在左边选择一份请假，这里显示审批流程和销假情况。</span>')
        self._set_steps([])
        self.chain_group.hide()
        self.return_group.hide()

    def show_detail(self, d: Any) -> None:
        r = d.request
        self.title.setText(f"{r.name}　{r.kind}　{r.days}天")
        rows = [
            ("所驻村", f"{r.township or ''}{r.village or ''}"),
            ("驻村身份", r.role or ""),
            ("请假起止", f"{day_text(r.start)}{DASH}{day_text(r.end)}（共{r.days}天）"),
            ("外出地点", d.destination),
            ("请假事由", d.reason),
            ("离县期间联系方式", d.contact),
        ]
        if d.handover_name:
            rows.append(("工作交接人", d.handover_name))
        if d.extends_text:
            rows.append(("续假", d.extends_text))
        rows.append(("当前状态", r.state))
        if d.withdrawn_on is not None or d.withdraw_reason:
            rows.append(("撤回", f"{day_text(d.withdrawn_on)}撤回，原因：{d.withdraw_reason or '（未写明）'}"))
        if d.rule_set_text:
            rows.append(("审批规则", d.rule_set_text))
        facts = "".join(f"<tr><td style='color:{HINT_COLOR}; padding-right:8px'>{html.escape(k)}</td>"
                        f"<td>{html.escape(v or '')}</td></tr>" for k, v in rows)
        self.facts.setText(f"<table>{facts}</table>")
        self._show_chain(d)
        self._show_return(d)

    def _show_chain(self, d: Any) -> None:
        steps = {s.step_no: s for s in d.steps}
        next_no = len(steps) + 1 if d.next_body else None
        boxes = []
        for number, body in enumerate(d.chain, start=1):
            boxes.append(step_box_text(number, body, steps.get(number), number == next_no))
        if d.file_with:
            boxes.append((f"报{html.escape(d.file_with)}备案", FILED_STYLE))
        self._set_steps(boxes)
        self.chain_group.setVisible(bool(d.chain))

    def _set_steps(self, boxes: list[tuple[str, str]]) -> None:
        for label in self.step_labels:
            self.chain_layout.removeWidget(label)
            label.deleteLater()
        self.step_labels = []
        for text, style in boxes:
            label = _label(text, style, rich=True)
            self.chain_layout.addWidget(label)
            self.step_labels.append(label)

    def _show_return(self, d: Any) -> None:
        lines = []
        if d.return_due is not None:
            lines.append(f"销假期限：{day_text(d.return_due)}（§8：请假结束后按规定的工作日内销假）")
        elif d.return_due_problem:
            lines.append(f'<span style="color:{ERROR_COLOR}">{html.escape(d.return_due_problem)}</span>')
        if d.returned_on is not None:
            late = d.return_due is not None and d.returned_on > d.return_due
            color = ERROR_COLOR if late else OK_COLOR
            lines.append(f'<span style="color:{color}">已于{day_text(d.returned_on)}销假'
                         f'{"（超过销假期限）" if late else ""}</span>')
            if d.return_note:
                lines.append(f"说明：{html.escape(d.return_note)}")
        elif d.request.state == STATE_OVERDUE:
            lines.append(f'<span style="color:{ERROR_COLOR}"><b>逾期未销假</b>：请假结束后的日子按旷工登记'
                         "（§8），登记销假后停止。</span>")
        self.return_label.setText("<br>".join(lines))
        self.return_group.setVisible(bool(lines))
