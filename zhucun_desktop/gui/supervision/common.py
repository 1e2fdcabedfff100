"""What the tabs of the 督查与台账 page share: the status line, toolbar and dates between Qt and Python (from
``gui.widgets``, which the other pages use too), the OK/取消 form with its red line for refusals, choice lists
from the roster, and opening a stored file with the system's viewer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import org
from ...services.errors import ValidationFailed
from ...services.leave_queries import requestable_people
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, INVALID_STYLE, FindingsView, service_message
from ..widgets import StatusLine, date_edit, from_qdate, to_qdate, toolbar

COUNTY_OWN = "县委组织部"
OVERDUE_COLOR = "#b3261e"
STATE_COLORS = {"待整改": "#8a5a00", "整改中": "#1f5f99", "已整改待核查": "#6b3fa0", "核查通过": "#2e6b30",
                "逾期": "#b3261e", "即将到期": "#b86e00", "待办": "#1f5f99", "已完成": "#2e6b30"}


def datetime_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(to_qdate(value.date()), QTime(value.hour, value.minute)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def from_qdatetime(q: QDateTime) -> datetime:
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def day_text(d: date | None) -> str:
    return f"{d:%Y-%m-%d}" if d else ""


def text_box(lines: int, widget: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 14)
    return edit


def township_choices(ws: Workspace) -> list[tuple[str, str]]:
    """(uuid, name) of the townships the actor may see (a township account: its own)."""
    return [(t.uuid, t.name) for t in org.list_townships(ws)]


def fill_townships(combo: QComboBox, ws: Workspace, first: str | None, current: str | None = None) -> None:
    """The townships into ``combo``; ``first`` (e.g. 全部乡镇 or 县委组织部) is an entry with no township."""
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for uuid, name in township_choices(ws):
        combo.addItem(name, uuid)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
    combo.blockSignals(False)


def cadres_on(ws: Workspace, township_uuid: str | None, on: date) -> list[tuple[str, str, str, str]]:
    """Cadres in post on ``on`` in the township: (uuid, name, role, village), by village and role."""
    return requestable_people(ws, township_uuid, on)


def open_file(path: Path) -> bool:
    """Hand a stored file to the system's viewer (the PDF reader, WPS, the picture viewer)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FormDialog(QDialog):
    """A small form: fields in a QFormLayout, a red list of findings under it, 保存 and 取消.

    A subclass builds its fields into ``self.form``, maps finding fields to widgets in ``field_widgets`` and
    implements ``save()`` through ``self.run(call)``: a refusal stays on the form and nothing is written."""

    ok_text = "保存"

    def __init__(self, title: str, parent: QWidget | None = None, *, width_chars: int = 40) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self.result_value: Any = None
        self.form = QFormLayout()
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.findings_label)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * width_chars))
        self.findings = FindingsView(self.findings_label, {})

    def map_fields(self, widgets: dict[str, QWidget]) -> None:
        self.findings.widgets = dict(widgets)

    def run(self, call: Callable[[], Any]) -> bool:
        """The form's one service call; a refusal is shown on the form and the form stays open."""
        try:
            self.result_value = call()
        except ValidationFailed as exc:
            self.findings.show(exc.findings)
            return False
        except Exception as exc:  # noqa: BLE001 - ServiceError/StorageError carry Chinese; nothing was written
            self.findings.show_text(service_message(exc))
            return False
        self.findings.clear()
        self.accept()
        return True

    def findings_text(self) -> str:
        """What the red lines under the form say, as plain text."""
        from PySide6.QtGui import QTextDocument

        if self.findings_label.isHidden():
            return ""
        document = QTextDocument()
        document.setHtml(self.findings_label.text())
        return document.toPlainText()

    def save(self) -> None:  # pragma: no cover - every subclass implements it
        raise NotImplementedError


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOR}")
    return label


def red(text: str) -> str:
    return f'<span style="color:{ERROR_COLOR}">{text}</span>'


__all__ = ["COUNTY_OWN", "OVERDUE_COLOR", "STATE_COLORS", "FormDialog", "StatusLine", "cadres_on", "date_edit",
           "datetime_edit", "day_text", "fill_townships", "from_qdate", "from_qdatetime", "hint", "open_file", "red",
           "service_message", "text_box", "to_qdate", "toolbar", "township_choices"]
