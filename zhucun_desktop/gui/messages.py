"""Message boxes with Chinese buttons, and the one way a page reports a refusal or an environment fault.

Buttons are labelled here rather than with QMessageBox's standard buttons, so the words are right even when
Qt's own Chinese translation is missing from an installation.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "确定", no: str = "取消") -> bool:
    """A question whose safe answer (``no``) is the default, so a stray Enter changes nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def report_error(parent: QWidget | None, exc: Exception, title: str = "无法完成") -> None:
    """A ServiceError or StorageError carries a Chinese ``message``; show it and nothing else."""
    warn(parent, title, getattr(exc, "message", None) or str(exc))
