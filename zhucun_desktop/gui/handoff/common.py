"""Parts shared by the 数据交换 tabs: a job off the GUI thread, the key password dialog, the USB drive buttons,
the coloured banners and the words for times and sequence numbers."""

from __future__ import annotations

import html
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...handoff.drives import Drive, removable_drives
from ...services.errors import ServiceError
from ...storage.errors import StorageError
from ..labels import utc_datetime_text
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR, WARNING_COLOR, service_message
from ..widgets import dialog_buttons

BANNER_STYLES = {
    "error": f"QLabel {{ background: #fdecea; color: {ERROR_COLOR}; border: 1px solid #f1b0aa; padding: 6px; }}",
    "warning": f"QLabel {{ background: #fff4e0; color: {WARNING_COLOR}; border: 1px solid #f0d29a; padding: 6px; }}",
    "ok": f"QLabel {{ background: #e9f5ea; color: {OK_COLOR}; border: 1px solid #a9d3ab; padding: 6px; }}",
    "hint": f"QLabel {{ color: {HINT_COLOR}; padding: 2px; }}",
}


def sequence_text(sequence: int | None, at: datetime | None) -> str:
    """"第3号（2026-11-05 09:12）" for a package log entry, "—" when there was none."""
    if sequence is None:
        return "—"
    return f"第{sequence}号（{utc_datetime_text(at)}）" if at else f"第{sequence}号"


def iso_text(value: str | None) -> str:
    """A manifest's UTC time (ISO text) in the PC's local time, "" when absent or unreadable."""
    if not value:
        return ""
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return value
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(timezone.utc).replace(tzinfo=None)
    return utc_datetime_text(stamp)


def known_error(exc: BaseException) -> bool:
    """A refusal or an environment fault (said in Chinese), as opposed to a bug."""
    return isinstance(exc, (ServiceError, StorageError, OSError))


class Banner(QLabel):
    """A coloured strip: ``say(text, kind)`` with kind error / warning / ok / hint; empty text hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def say(self, text: str, kind: str = "hint") -> None:
        if "<br>" not in text:
            self.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = kind if text else ""
        self.setStyleSheet(BANNER_STYLES.get(kind, ""))
        self.setText(text)
        self.setVisible(bool(text))

    def say_lines(self, lines: list[str], kind: str) -> None:
        self.setTextFormat(Qt.TextFormat.RichText)
        self.say("<br>".join(html.escape(line) for line in lines), kind)


class Job(QThread):
    """One call off the GUI thread (an export or an import of a year of data); ``succeeded(result)`` or
    ``failed(exception)`` arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which says it or reports a bug
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)


class JobRunner:
    """Runs one :class:`Job` at a time for a tab: a busy cursor, its buttons disabled, then ``done(result)`` or
    ``fail(exception)``; a bug goes to the program's "程序出错" dialog (``sys.excepthook``)."""

    def __init__(self, owner: QWidget) -> None:
        self.owner = owner
        self.job: Job | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, call: Callable[[], Any], done: Callable[[Any], None], fail: Callable[[BaseException], None],
              buttons: list[QWidget]) -> None:
        if self.job is not None:
            return
        states = [(b, b.isEnabled()) for b in buttons]
        for b in buttons:
            b.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        job = Job(call, self.owner)
        self.job = job

        def finish() -> None:
            job.wait()
            QApplication.restoreOverrideCursor()
            for b, enabled in states:
                b.setEnabled(enabled)
            self.job = None
            job.deleteLater()

        def on_done(result: Any) -> None:
            finish()
            done(result)

        def on_fail(exc: BaseException) -> None:
            finish()
            if known_error(exc):
                fail(exc)
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)

        job.succeeded.connect(on_done)
        job.failed.connect(on_fail)
        job.start()


class KeyPasswordDialog(QDialog):
    """数据交换密钥: the key holder's password, asked once per session; the page keeps the opened keys."""

    def __init__(self, holders: list[str], unlock: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlock = unlock
        self.keys: Any = None
        self.setWindowTitle("打开数据交换密钥")
        who = "、".join(holders) if holders else "建立本站点的管理员"
        intro = QLabel(f"导出和导入数据包要用本单位的数据交换密钥。请输入密钥持有人（{who}）的登录密码。"
                       "本次登录期间只问这一次。")
        intro.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("密钥持有人的登录密码")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"QLabel {{ color: {ERROR_COLOR}; }}")
        buttons, self.ok_button = dialog_buttons(self, "打开密钥")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 30))

    def accept(self) -> None:
        if not self.password_edit.text():
            self.error_label.setText("密码：请输入密钥持有人的登录密码。")
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # argon2: about a second on an old PC
        try:
            self.keys = self.unlock(self.password_edit.text())
        except ServiceError as exc:
            self.error_label.setText(service_message(exc))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()


class PlaceChooser(QWidget):
    """Where a package goes or comes from: a line with the path, one button per USB stick (offered first) and
    选择文件夹… / 选择文件…. ``pick_file`` chooses a ``.zcpkg`` file, otherwise a folder; ``chosen(path)`` after a
    choice in the file dialog."""

    chosen = Signal(str)

    def __init__(self, *, pick_file: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick_file = pick_file
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("数据包文件（.zcpkg）" if pick_file else "保存数据包的文件夹，通常是U盘")
        self.drive_row = QHBoxLayout()
        self.drive_row.setContentsMargins(0, 0, 0, 0)
        self.drive_buttons: list[QPushButton] = []
        self.no_drive_label = QLabel("没有发现U盘：请插入U盘后点“刷新U盘”，或选择其他位置。")
        self.no_drive_label.setStyleSheet(BANNER_STYLES["hint"])
        self.refresh_button = QPushButton("刷新U盘")
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.browse_button = QPushButton("选择文件…" if pick_file else "选择文件夹…")
        self.browse_button.clicked.connect(lambda: self.browse())
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.edit, 1)
        line.addWidget(self.browse_button)
        drives = QHBoxLayout()
        drives.setContentsMargins(0, 0, 0, 0)
        drives.addLayout(self.drive_row)
        drives.addWidget(self.no_drive_label)
        drives.addStretch(1)
        drives.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(drives)
        layout.addLayout(line)
        self.refresh()

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: str | Path) -> None:
        self.edit.setText(str(path))

    def refresh(self, drives: list[Drive] | None = None) -> None:
        """One button per removable drive (Windows: DRIVE_REMOVABLE letters; Linux: mounted sticks)."""
        for button in self.drive_buttons:
            self.drive_row.removeWidget(button)
            button.deleteLater()
        self.drive_buttons = []
        found = removable_drives() if drives is None else drives
        for drive in found:
            button = QPushButton(drive.text())
            button.setToolTip(str(drive.path))
            button.clicked.connect(lambda _checked=False, d=drive: self.use_drive(d))
            self.drive_row.addWidget(button)
            self.drive_buttons.append(button)
        self.no_drive_label.setVisible(not found)
        if found and not self.edit.text().strip() and not self.pick_file:
            self.set_path(found[0].path)

    def use_drive(self, drive: Drive) -> None:
        if self.pick_file:
            self.browse(drive.path)
        else:
            self.set_path(drive.path)

    def browse(self, start: Path | None = None) -> None:
        where = str(start or self.path() or Path.home())
        if self.pick_file:
            chosen, _ = QFileDialog.getOpenFileName(self, "选择数据包", where, "数据包 (*.zcpkg);;所有文件 (*)")
        else:
            chosen = QFileDialog.getExistingDirectory(self, "选择保存数据包的文件夹", where)
        if chosen:
            self.set_path(chosen)
            self.chosen.emit(chosen)

