"""Small widgets the pages share (考勤, 请销假, 督查与台账): the two-line message strip, the text-only toolbar,
the date fields with their conversion between Qt and Python dates, the wait cursor of a long job, and the
Excel export of a page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from .roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR, service_message

#: How many lines the message strip shows; the rest is in its tooltip.
MESSAGE_LINES = 2


class StatusLine(QLabel):
    """A page's message line: a refusal in red, a confirmation in green, two lines at most (all of a longer
    message in the tooltip), so that the table above it never jumps.

    ``idle_text`` is shown in grey when there is nothing to say (the attendance grid's keys); with
    ``count_rest`` a long message says how many more lines it has ("……共5处").
    """

    def __init__(self, parent: QWidget | None = None, *, idle_text: str = "",
                 count_rest: bool = False) -> None:
        super().__init__(parent)
        self.idle_text = idle_text
        self.count_rest = count_rest
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(MESSAGE_LINES * self.fontMetrics().lineSpacing() + 4)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def say(self, text: str, ok: bool = False) -> None:
        color = HINT_COLOR if not text else (OK_COLOR if ok else ERROR_COLOR)
        lines = (text or self.idle_text).split("\n")
        shown = lines[:MESSAGE_LINES]
        if len(lines) > MESSAGE_LINES:
            rest = f"共{len(lines) - 1}处，" if self.count_rest else ""
            shown[-1] = f"{lines[MESSAGE_LINES - 1]}　……{rest}鼠标停在这里可看全部"
        self.setStyleSheet(f"color: {color}")
        self.setText("\n".join(shown))
        self.setToolTip(text if len(lines) > MESSAGE_LINES else "")


def toolbar(title: str, parent: QWidget) -> QToolBar:
    """A page's toolbar of text buttons (the words of the paper forms, no icons to guess)."""
    bar = QToolBar(title, parent)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return bar


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(value: date) -> QDateEdit:
    """A date field with a calendar popup, shown as 2026-11-23."""
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def busy() -> None:
    """The wait cursor while a file is written or read (a PDF of 60 cadres, an import); :func:`done` ends it."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


def done() -> None:
    QApplication.restoreOverrideCursor()


def save_xlsx(parent: QWidget, say: Callable[[str], None], caption: str, name: str,
                write: Callable[[Path], Any], path: str | Path | None = None) -> tuple[Path, Any] | None:
    """An Excel export from a page: where (``path``, else asked, ``name`` in the home folder suggested), with
    .xlsx added when missing, written by ``write(target)`` under the wait cursor. Returns (target, what ``write``
    returned); None when the clerk cancelled or it failed, a failure said through ``say`` in Chinese (a file
    still open in Excel or WPS by its name)."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / name), "Excel 文件 (*.xlsx)")
        if not path:
            return None
    target = Path(path if str(path).lower().endswith(".xlsx") else f"{path}.xlsx")
    busy()
    try:
        result = write(target)
    except PermissionError:
        say(f"无法写入“{target.name}”：文件可能正在 Excel 或 WPS 中打开，请关闭后再导出。")
        return None
    except Exception as exc:  # noqa: BLE001 - every failure is told in Chinese; the writers leave no half file
        say(f"没有导出：{service_message(exc)}")
        return None
    finally:
        done()
    return target, result


def dialog_buttons(dialog: QDialog, ok_text: str, cancel_text: str = "取消") -> tuple[QHBoxLayout, QPushButton]:
    """The right-aligned OK / cancel row of our dialogs: Enter presses OK (accept), the other button rejects.
    Returns the row to add to the dialog's layout and the OK button."""
    ok = QPushButton(ok_text)
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    cancel = QPushButton(cancel_text)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(ok)
    row.addWidget(cancel)
    return row, ok
