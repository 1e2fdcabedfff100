"""What the small forms about one request share: its summary on top, a red line for refusals, OK and 取消."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, service_message
from .detail_panel import day_text

MIN_REASON = 2


def text_box(lines: int, parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(parent.fontMetrics().lineSpacing() * lines + 14)
    return edit


class RequestForm(QDialog):
    """A form about one request: a summary line on top, fields, a red line for refusals, OK and 取消."""

    ok_text = "保存"

    def __init__(self, ws: Workspace, detail: Any, title: str, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.detail = detail
        self.today = today or date.today()
        self.setWindowTitle(title)
        r = detail.request
        self.summary = QLabel(f"{r.name}（{r.village}，{r.role}）　{r.kind}　"
                              f"{day_text(r.start)}至{day_text(r.end)}，共{r.days}天")
        self.summary.setWordWrap(True)
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 40))

    def refuse(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOR}")
        self.message.setText(text)
        self.message.show()

    def run(self, call: Callable[[], object]) -> bool:
        """The one service call of the form; a refusal is shown and the form stays open."""
        try:
            self.result_value = call()
        except Exception as exc:  # noqa: BLE001 - Service/StorageError carry Chinese; nothing was written
            self.refuse(service_message(exc))
            return False
        self.accept()
        return True

    def save(self) -> None:
        raise NotImplementedError


