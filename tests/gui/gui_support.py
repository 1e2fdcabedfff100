"""Helpers for the GUI tests of the main window, 首页 and 系统设置."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_chinese(widget: QWidget, text: str) -> None:
    """Type Chinese as a clerk does, through the input method (QTest.keyClicks can only type ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def show_offscreen(widget: QWidget) -> None:
    """Show a window the way a test can: laid out first, and never handed to a (non-existent) screen.

    Qt's offscreen platform cannot pass a window's minimum size on to a window manager and warns whenever a shown
    window's minimum size changes; a window that is visible to Qt but not shown on screen has no such size to
    pass on. Default buttons, focus and Enter work as on a real screen.
    """
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.ensurePolished()
    if widget.layout() is not None:
        widget.layout().activate()
    widget.show()
