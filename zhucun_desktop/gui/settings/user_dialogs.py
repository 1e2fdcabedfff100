"""Dialogs of 账号管理: a new account, an administrator's password reset, and a user's own password change.

Each checks what it can before calling the service and shows every refusal in red under the form, naming the
field; the service's own refusals (a name already taken) are shown the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import terms
from ...services import accounts, org
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ..widgets import dialog_buttons

TOWNSHIP_ROLES = (terms.USER_ROLE_TOWNSHIP_CLERK, terms.USER_ROLE_TOWNSHIP_LEADER)
ROLE_NOTES = {
    terms.USER_ROLE_TOWNSHIP_CLERK: "乡镇录入员：录入和修改本乡镇的数据，只看到本乡镇。",
    terms.USER_ROLE_TOWNSHIP_LEADER: "乡镇领导：查看和修改本乡镇的数据，可以从备份恢复。",
    terms.USER_ROLE_COUNTY_ADMIN: "县委组织部管理员：管理全县数据和账号。",
    terms.USER_ROLE_COUNTY_VIEWER: "县级查看：只能查看全县数据，不能修改。",
}


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class _FormDialog(QDialog):
    """A form, a red message line under it and 确定 / 取消 buttons; ``save()`` returns a refusal or None."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.error = error_label()
        buttons, self.ok_button = dialog_buttons(self, ok_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._fields: dict[str, QWidget] = {}

    def add_field(self, label: str, widget: QWidget) -> QWidget:
        self.form.addRow(f"{label}：", widget)
        self._fields[label] = widget
        return widget

    def refuse(self, message: str) -> None:
        self.error.setText(message)
        widget = self._fields.get(message.split("：", 1)[0])
        if widget is not None:
            widget.setFocus()

    def save(self) -> str | None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            problem = self.save()
        except ServiceError as exc:
            problem = exc.message
        if problem:
            self.refuse(problem)
            return
        super().accept()


def check_new_password(password: str, confirm: str, label: str = "密码") -> str | None:
    if len(password) < accounts.MIN_PASSWORD:
        return f"{label}：至少{accounts.MIN_PASSWORD}位。"
    if password != confirm:
        return f"确认{label}：两次输入的密码不一致。"
    return None


class NewUserDialog(_FormDialog):
    """新建账号. The 所属乡镇 row appears only for the township roles."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("新建账号", "建立账号", parent)
        self.ws = ws
        self.username_edit = self.add_field("用户名", QLineEdit())
        self.username_edit.setPlaceholderText("登录时使用，例如 dongfeng01")
        self.name_edit = self.add_field("姓名", QLineEdit())
        self.role_combo = self.add_field("角色", QComboBox())
        self.role_combo.addItems(list(terms.USER_ROLES))
        self.role_note = QLabel()
        self.role_note.setStyleSheet("color: #555555;")
        self.role_note.setWordWrap(True)
        self.form.addRow("", self.role_note)
        self.township_combo = self.add_field("所属乡镇", QComboBox())
        for township in org.list_townships(ws):
            self.township_combo.addItem(township.name, township.uuid)
        self.password_edit = self.add_field("密码", password_edit(f"至少{accounts.MIN_PASSWORD}位"))
        self.confirm_edit = self.add_field("确认密码", password_edit("再输入一次"))
        # The row keeps its place while hidden, so the dialog does not jump when the role changes.
        for widget in (self.township_combo, self.form.labelForField(self.township_combo)):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self.role_combo.currentTextChanged.connect(self._role_changed)
        self._role_changed(self.role_combo.currentText())
        self.created_id: int | None = None

    def township_shown(self) -> bool:
        return not self.township_combo.isHidden()

    def _role_changed(self, role: str) -> None:
        township_role = role in TOWNSHIP_ROLES
        self.township_combo.setVisible(township_role)
        self.form.labelForField(self.township_combo).setVisible(township_role)
        self.role_note.setText(ROLE_NOTES.get(role, ""))

    def save(self) -> str | None:
        role = self.role_combo.currentText()
        if not self.username_edit.text().strip():
            return "用户名：不能为空。"
        if not self.name_edit.text().strip():
            return "姓名：不能为空。"
        township = self.township_combo.currentData() if role in TOWNSHIP_ROLES else None
        if role in TOWNSHIP_ROLES and not township:
            return "所属乡镇：乡镇账号必须选择所属乡镇（还没有乡镇时，请先建立乡镇）。"
        problem = check_new_password(self.password_edit.text(), self.confirm_edit.text())
        if problem:
            return problem
        self.created_id = accounts.create_user(
            self.ws, username=self.username_edit.text(), display_name=self.name_edit.text(), role=role,
            password=self.password_edit.text(), township_uuid=township)
        return None


class ResetPasswordDialog(_FormDialog):
    """重置密码 by an administrator, for an account whose owner forgot the password."""

    def __init__(self, ws: Workspace, username: str, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__("重置密码", "重置密码", parent)
        self.ws = ws
        self.username = username
        self.form.addRow("账号：", QLabel(f"{display_name}（{username}）"))
        self.password_edit = self.add_field("新密码", password_edit(f"至少{accounts.MIN_PASSWORD}位"))
        self.confirm_edit = self.add_field("确认新密码", password_edit("再输入一次"))

    def save(self) -> str | None:
        problem = check_new_password(self.password_edit.text(), self.confirm_edit.text(), "新密码")
        if problem:
            return problem
        accounts.set_password(self.ws, self.username, self.password_edit.text())
        return None


class OwnPasswordForm(QWidget):
    """修改我的密码: what a non-administrator sees on 账号管理."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.old_edit = password_edit()
        self.new_edit = password_edit(f"至少{accounts.MIN_PASSWORD}位")
        self.confirm_edit = password_edit("再输入一次")
        form.addRow("原密码：", self.old_edit)
        form.addRow("新密码：", self.new_edit)
        form.addRow("确认新密码：", self.confirm_edit)
        self.message = error_label()
        self.save_button = QPushButton("修改密码")
        self.save_button.clicked.connect(self.save)
        heading = QLabel(f"修改我的密码（{ws.actor.display_name}，{ws.actor.username}）")
        note = QLabel("账号的建立、停用和密码重置由县委组织部管理员办理。")
        note.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addStretch(1)
        self.setMaximumWidth(560)

    def save(self) -> None:
        problem = check_new_password(self.new_edit.text(), self.confirm_edit.text(), "新密码")
        if problem is None:
            try:
                accounts.set_password(self.ws, self.ws.actor.username, self.new_edit.text(),
                                      old_password=self.old_edit.text())
            except ServiceError as exc:
                problem = exc.message
        self.message.setStyleSheet("color: #b00020;" if problem else "color: #1b6e20;")
        self.message.setText(problem or "密码已修改，下次登录请使用新密码。")
        if not problem:
            for edit in (self.old_edit, self.new_edit, self.confirm_edit):
                edit.clear()
