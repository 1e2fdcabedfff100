"""Showing rule findings on a form: a red list under the form naming each field, a red border on the field.

DESIGN.md, "Safety of data": bad input gets a clear message naming the field and the rule. The service's
`ValidationFailed.findings` carry the Chinese field name (``身份证号``); a form maps those names to its widgets.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.errors import Finding
from ...services.errors import ServiceError, ValidationFailed
from ...storage.errors import StorageError
from ..messages import confirm

T = TypeVar("T")

ERROR_COLOR = "#b3261e"
WARNING_COLOR = "#8a5a00"
OK_COLOR = "#2e6b30"
HINT_COLOR = "#5f6670"

# Any form that shows findings sets this on itself; widgets get the dynamic property "invalid".
INVALID_STYLE = (
    'QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] '
    f"{{ border: 2px solid {ERROR_COLOR}; border-radius: 2px; }}"
)


def set_invalid(widget: QWidget, invalid: bool, tooltip: str = "") -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.setToolTip(tooltip if invalid else "")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def findings_html(findings: Iterable[Finding]) -> str:
    """One line per finding, in the words of the paper form: ``身份证号：校验码错误，应为X``."""
    lines = []
    for f in findings:
        color = ERROR_COLOR if f.is_error else WARNING_COLOR
        prefix = "" if f.is_error else "提醒："
        lines.append(f'<span style="color:{color}">{prefix}{html.escape(f.text)}</span>')
    return "<br>".join(lines)


class FindingsView:
    """Ties a message label to the widgets of the fields it may name."""

    def __init__(self, label: QLabel, widgets: Mapping[str, QWidget]) -> None:
        self.label = label
        self.widgets = dict(widgets)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.hide()

    def show(self, findings: list[Finding]) -> None:
        self.clear()
        by_widget: dict[int, tuple[QWidget, list[str]]] = {}
        for f in findings:
            widget = self.widgets.get(f.field)
            if widget is not None and f.is_error:
                by_widget.setdefault(id(widget), (widget, []))[1].append(f.message)
        for widget, messages in by_widget.values():
            set_invalid(widget, True, "\n".join(messages))
        self.label.setText(findings_html(findings))
        self.label.setVisible(bool(findings))

    def show_text(self, text: str) -> None:
        """A refusal that names no field (permission, a record gone)."""
        self.clear()
        self.label.setText(f'<span style="color:{ERROR_COLOR}">{html.escape(text)}</span>')
        self.label.show()

    def clear_field(self, widget: QWidget) -> None:
        set_invalid(widget, False)

    def clear(self) -> None:
        for widget in self.widgets.values():
            set_invalid(widget, False)
        self.label.clear()
        self.label.hide()

    def invalid_widgets(self) -> list[QWidget]:
        return [w for w in dict.fromkeys(self.widgets.values()) if w.property("invalid")]


def service_message(exc: Exception) -> str:
    """The Chinese text of a refusal (ServiceError, StorageError); a file problem or a bug said in Chinese too."""
    if isinstance(exc, (ServiceError, StorageError)):
        return exc.message
    if isinstance(exc, PermissionError):
        return f"没有权限读写文件{_which(exc)}：文件可能正在 Excel 或 WPS 中打开，请关闭后再试。"
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件{_which(exc)}。"
    if isinstance(exc, OSError):
        return f"读写文件{_which(exc)}时出错：{exc.strerror or exc}"
    return f"程序出错（{exc.__class__.__name__}：{exc}）。请把这条信息告诉县委组织部的系统管理员。"


def _which(exc: OSError) -> str:
    return f"“{exc.filename}”" if exc.filename else ""


def save_with_confirmation(parent: QWidget, view: FindingsView, call: Callable[[bool], T],
                           question: str = "仍要保存吗？") -> T | None:
    """Run ``call(accept_warnings)``; errors stay on the form, warnings (§4 "优先") are confirmed once.

    Returns the call's result, or None when nothing was saved (the reason is on the form).
    """
    try:
        return call(False)
    except ValidationFailed as exc:
        view.show(exc.findings)
        if any(f.is_error for f in exc.findings):
            return None
        text = "\n".join(f.text for f in exc.findings)
        if not confirm(parent, "请确认", f"{text}\n\n{question}", yes="确认保存", no="返回修改"):
            return None
    except (ServiceError, StorageError) as exc:
        view.show_text(service_message(exc))
        return None
    try:
        result = call(True)
    except ValidationFailed as exc:
        view.show(exc.findings)
        return None
    except (ServiceError, StorageError) as exc:
        view.show_text(service_message(exc))
        return None
    view.clear()
    return result
