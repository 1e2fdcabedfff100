"""登记销假: register the return ("向谁请假备案，向谁销假", §8) with its date.

The due date (1 working day after the leave, by the calendar) is shown, and whether the return is late is said
before saving: a late return keeps the 旷 days since the leave ended.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from ...services import leave
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR
from ..widgets import date_edit, from_qdate
from .detail_panel import day_text
from .form_base import RequestForm, text_box


class ReturnDialog(RequestForm):
    """登记销假: the day the cadre was back in the village; late or on time is said before saving."""

    ok_text = "登记销假"

    def __init__(self, ws: Workspace, detail: Any, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(ws, detail, "登记销假", parent, today=today)
        self.due = detail.return_due
        due_text = day_text(self.due) if self.due else (detail.return_due_problem or "无法计算")
        self.due_label = QLabel(f"{due_text}（§8：请假结束后按规定的工作日内销假，节假日顺延）")
        self.returned_edit = date_edit(self.today)
        self.lateness = QLabel()
        self.note_edit = text_box(2, self)
        self.form.addRow("销假期限", self.due_label)
        self.form.addRow("返岗日期", self.returned_edit)
        self.form.addRow("", self.lateness)
        self.form.addRow("说明", self.note_edit)
        self.returned_edit.dateChanged.connect(lambda _d: self._show_lateness())
        self._show_lateness()

    def returned_on(self) -> date:
        return from_qdate(self.returned_edit.date())

    def is_late(self) -> bool:
        return self.due is not None and self.returned_on() > self.due

    def _show_lateness(self) -> None:
        returned, end = self.returned_on(), self.detail.request.end
        if self.due is None:
            text, color = "销假期限无法计算，按登记的返岗日期记录。", HINT_COLOR
        elif self.is_late():
            late = (returned - self.due).days
            text = (f"超过销假期限{late}天：请假结束后至返岗前一天按旷工登记（§8“擅自超假的一律按旷工处理”），"
                    "请在说明中写明原因。")
            color = ERROR_COLOR
        elif returned <= end:
            text, color = "提前返岗：请假到返岗前一天为止。", OK_COLOR
        else:
            text, color = "按期销假。", OK_COLOR
        self.lateness.setText(text)
        self.lateness.setWordWrap(True)
        self.lateness.setStyleSheet(f"color: {color}")

    def save(self) -> None:
        self.run(lambda: leave.register_return(self.ws, self.detail.request.uuid, self.returned_on(),
                                               self.note_edit.toPlainText().strip(), today=self.today))


