"""续假 and 撤回 of a request (§8).

续假 asks for the new last day and the reason; the extension is a new request that goes through the same chain,
its length counted with what it extends. 撤回 asks for the reason, which is kept with the request.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from ...services import leave
from ...services.workspace import Workspace
from ..roster.feedback import HINT_COLOR, service_message
from ..widgets import date_edit, from_qdate, to_qdate
from .detail_panel import day_text
from .form_base import MIN_REASON, RequestForm, text_box
from .request_dialog import preview_text


class ExtendDialog(RequestForm):
    """续假: a new last day and the reason; a new request that goes through the same chain (§8)."""

    ok_text = "提交续假"

    def __init__(self, ws: Workspace, detail: Any, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(ws, detail, "续假", parent, today=today)
        end = detail.request.end
        self.end_edit = date_edit(end + timedelta(days=1))
        self.end_edit.setMinimumDate(to_qdate(end + timedelta(days=1)))
        self.days_label = QLabel()
        self.days_label.setWordWrap(True)
        self.reason_edit = text_box(2, self)
        self.form.addRow("续假至", self.end_edit)
        self.form.addRow("", self.days_label)
        self.form.addRow("续假事由", self.reason_edit)
        self.end_edit.dateChanged.connect(lambda _d: self._show_days())
        self._show_days()

    def new_end(self) -> date:
        return from_qdate(self.end_edit.date())

    def _show_days(self) -> None:
        r = self.detail.request
        text = f"{day_text(r.end + timedelta(days=1))}至{day_text(self.new_end())}："
        draft = leave.LeaveDraft(r.person_uuid, r.kind, r.end + timedelta(days=1), self.new_end(),
                                 self.detail.destination, self.detail.reason, self.detail.contact,
                                 None, self.today, extends_uuid=r.uuid)
        try:
            preview = leave.preview_chain(self.ws, draft, today=self.today)
            text += preview_text(preview)
        except Exception as exc:  # noqa: BLE001 - the preview is advice; the service decides on save
            text += service_message(exc)
        self.days_label.setText(text)

    def save(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if len(reason) < MIN_REASON:
            self.refuse("续假事由：请写明续假的原因")
            return
        self.run(lambda: leave.extend_request(self.ws, self.detail.request.uuid, self.new_end(), reason,
                                                    today=self.today))


class WithdrawDialog(RequestForm):
    """撤回: the reason is kept with the request."""

    ok_text = "撤回"

    def __init__(self, ws: Workspace, detail: Any, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(ws, detail, "撤回请假", parent, today=today)
        self.reason_edit = text_box(2, self)
        self.form.addRow("撤回原因", self.reason_edit)
        hint = QLabel("撤回后这份请假不再审批；已批准尚未开始的请假撤回后，考勤中的请假登记一并取消。")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {HINT_COLOR}")
        self.form.addRow("", hint)

    def save(self) -> None:
        reason = self.reason_edit.toPlainText().strip()
        if len(reason) < MIN_REASON:
            self.refuse("撤回原因：请写明撤回的原因")
            return
        self.run(lambda: leave.withdraw_request(self.ws, self.detail.request.uuid, reason, today=self.today))
