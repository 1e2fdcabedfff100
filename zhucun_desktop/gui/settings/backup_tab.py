"""数据备份: the backups of this database (time, reason, size), 立即备份 and 从备份恢复….

A restore replaces the whole database with the chosen backup. The current content is first saved as a backup of
its own (reason 恢复前), so a restore can itself be undone; the database is then reopened and every page reloads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import terms
from ...services.workspace import Workspace
from ...storage.backup import BackupInfo, backup_dir_for, list_backups
from ...storage.errors import StorageError
from ..labels import backup_reason_label, datetime_text, size_text
from ..messages import confirm, report_error
from ..table_model import RowsTableModel, fit_columns, make_table_view

OK_STYLE = "color: #1b6e20;"


class BackupsModel(RowsTableModel[BackupInfo]):
    COL_TIME = 0
    COL_REASON = 1
    COL_SIZE = 2
    COL_FILE = 3
    HEADERS = ("备份时间", "原因", "大小", "文件名")
    NUMERIC = frozenset({COL_SIZE})

    def text(self, row: BackupInfo, column: int) -> str:
        values = (datetime_text(row.created_at), backup_reason_label(row.reason), size_text(row.size),
                  row.path.name)
        return values[column]

    def tooltip(self, row: BackupInfo, column: int) -> str | None:
        return str(row.path)


def can_restore(ws: Workspace) -> bool:
    """Replacing all data is for the county administrator, or the township leader on a township's PC."""
    return ws.actor.is_admin or ws.actor.role == terms.USER_ROLE_TOWNSHIP_LEADER


class BackupTab(QWidget):
    database_replaced = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = BackupsModel()
        self.view = make_table_view(self.model)
        self.backup_button = QPushButton("立即备份")
        self.restore_button = QPushButton("从备份恢复…")
        self.folder_button = QPushButton("打开备份文件夹")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.restore_button.setVisible(can_restore(ws))
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.folder_label = QLabel()
        self.folder_label.setStyleSheet("color: #555555;")
        self.folder_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.folder_label)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    @property
    def db_path(self) -> Path | None:
        return self.ws.db.path

    def refresh(self) -> None:
        if self.db_path is None:
            self.model.set_rows([])
            self.folder_label.setText("数据库在服务器上，由服务器管理员备份，本程序不备份。")
            for button in (self.backup_button, self.restore_button, self.folder_button):
                button.setEnabled(False)
            return
        self.model.set_rows(list_backups(self.db_path))
        fit_columns(self.view)
        self.folder_label.setText(
            f"备份保存在：{backup_dir_for(self.db_path)}\n程序在每次启动时、每天、升级和导入前自动备份，并自动清理过旧的备份"
            "（保留最近几天、每周和每月各一份）。建议定期把备份文件复制到U盘保存。")
        self._selection_changed()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else "color: #b00020;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def backup_now(self) -> None:
        try:
            made = self.ws.db.backup("manual")
        except StorageError as exc:
            self._say(exc.message, ok=False)
            return
        self.refresh()
        self._say(f"已备份：{made.name}")

    def confirm_restore(self, info: BackupInfo) -> bool:
        return confirm(
            self, "从备份恢复",
            f"将用 {datetime_text(info.created_at)}（{backup_reason_label(info.reason)}）的备份替换现在的全部数据。\n\n"
            "恢复前，程序会先把现在的数据另存为一份备份（原因为“恢复前”），需要时还可以再恢复回来。\n"
            "恢复时程序会关闭并重新打开数据库，各页面会重新载入。\n\n"
            "确定要恢复吗？", "恢复", "取消")

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or not can_restore(self.ws) or not self.confirm_restore(info):
            return
        from ..app import restore_from_backup

        try:
            safety = restore_from_backup(self.ws, info.path)
        except StorageError as exc:
            report_error(self, exc, "恢复没有完成")
            self.refresh()
            return
        self.refresh()
        saved = f"恢复前的数据已另存为 {safety.name}。" if safety is not None else ""
        self._say(f"已从 {datetime_text(info.created_at)} 的备份恢复。{saved}")
        self.database_replaced.emit()

    def open_folder(self) -> None:
        if self.db_path is None:
            return
        folder = backup_dir_for(self.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
