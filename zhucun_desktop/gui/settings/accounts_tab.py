"""账号管理: the administrator's table of accounts; everyone else may only change their own password."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services import accounts
from ...services.accounts import UserView
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ..labels import utc_datetime_text
from ..messages import confirm, report_error
from ..table_model import RowsTableModel, fit_columns, make_table_view, select_first
from .user_dialogs import NewUserDialog, OwnPasswordForm, ResetPasswordDialog


class UsersModel(RowsTableModel[UserView]):
    COL_USERNAME = 0
    COL_NAME = 1
    COL_ROLE = 2
    COL_TOWNSHIP = 3
    COL_ACTIVE = 4
    COL_LAST_LOGIN = 5
    HEADERS = ("用户名", "姓名", "角色", "所属乡镇", "状态", "最近登录")

    def text(self, row: UserView, column: int) -> str:
        if column == self.COL_ACTIVE:
            return "启用" if row.active else "已停用"
        if column == self.COL_LAST_LOGIN:
            return utc_datetime_text(row.last_login_at) if row.last_login_at else "从未登录"
        values = (row.username, row.display_name, row.role, row.township_name or "")
        return values[column]


class AccountsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        if not ws.actor.is_admin:
            self.own_password = OwnPasswordForm(ws)
            layout.addWidget(self.own_password)
            self.model = None
            return
        self.model = UsersModel()
        self.view = make_table_view(self.model)
        self.new_button = QPushButton("新建账号…")
        self.reset_button = QPushButton("重置密码…")
        self.active_button = QPushButton("停用")
        self.new_button.clicked.connect(self.new_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel("停用的账号不能登录，但它做过的操作仍保留在操作日志中。账号只在本机有效，不随数据交换传送。")
        note.setStyleSheet("color: #555555;")
        note.setWordWrap(True)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        if self.model is None:
            return
        selected = self.selected_user()
        self.model.set_rows(accounts.list_users(self.ws))
        fit_columns(self.view)
        if selected is not None:
            self.select_user(selected.username)
        self._selection_changed()

    def selected_user(self) -> UserView | None:
        if self.model is None:
            return None
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_user(self, username: str) -> None:
        select_first(self.view, self.model, lambda u: u.username == username)

    def _selection_changed(self, *_args) -> None:
        user = self.selected_user()
        self.reset_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None and user.username != self.ws.actor.username)
        self.active_button.setText("启用" if user is not None and not user.active else "停用")

    def new_user(self) -> None:
        dialog = NewUserDialog(self.ws, self)
        if dialog.exec():
            self.refresh()
            self.select_user(dialog.username_edit.text().strip())

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None and ResetPasswordDialog(self.ws, user.username, user.display_name, self).exec():
            self.refresh()

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.active and not confirm(self, "停用账号", f"停用“{user.display_name}（{user.username}）”后，"
                                       "这个账号不能再登录。以后可以重新启用。\n\n确定停用吗？", "停用"):
            return
        try:
            accounts.set_active(self.ws, user.username, not user.active)
        except ServiceError as exc:
            report_error(self, exc)
        self.refresh()
