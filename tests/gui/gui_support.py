"""Helpers for the GUI tests of the main window, 首页 and 系统设置."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QInputMethodEvent
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


SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def save_shot(widget: QWidget, name: str, size: tuple[int, int] | None = None) -> Path:
    """Lay the widget out (at ``size``, or at least its minimum size hint) and save it as
    ``docs/screenshots/NAME.png`` for the README."""
    if size is not None:
        widget.resize(*size)
    else:
        widget.resize(widget.size().expandedTo(widget.minimumSizeHint()))
    widget.ensurePolished()
    if widget.layout() is not None:
        widget.layout().activate()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def assert_not_blank(path: Path) -> None:
    """A screenshot has content: not empty, not one flat colour."""
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 300 and image.height() > 200
    small = image.scaled(120, 80)
    colours = {small.pixel(x, y) for x in range(small.width()) for y in range(small.height())}
    assert len(colours) > 12, f"{path.name} looks blank"
