"""First run (首次设置) and sign-in (登录): the two dialogs a clerk sees before the main window.

Both forms are designed in Qt Designer (``ui/first_run.ui``, ``ui/login.ui``) and composed Picard-style. Every
refusal is shown in red under the form, naming the field, and the cursor goes to that field.

This module imports no storage code: the program shows 登录 first and opens the database while the clerk types
(gui/app.py), so the dialog can exist before there is a database (``LoginDialog(None)`` + :meth:`attach`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QWidget

from .. import APP_NAME
from ..domain.terms import MIN_PASSWORD
from .forms.ui_first_run import Ui_FirstRunDialog
from .forms.ui_login import Ui_LoginDialog

if TYPE_CHECKING:
    from ..services.workspace import Actor

APP_TITLE = APP_NAME
OPENING_TEXT = "正在打开数据库……"


def new_admin_problem(username: str, display_name: str, password: str, confirm: str) -> str | None:
    """What is wrong with the first administrator's fields (首次设置, and a township's set-up from its 配置包),
    as ``字段：原因`` so that :func:`focus_field` finds the field; None when nothing is."""
    if not username.strip():
        return "管理员用户名：不能为空。"
    if not display_name.strip():
        return "姓名：不能为空，请填写管理员的姓名。"
    if len(password) < MIN_PASSWORD:
        return f"密码：至少{MIN_PASSWORD}位。"
    if confirm != password:
        return "确认密码：两次输入的密码不一致，请重新输入。"
    return None


def focus_field(fields: dict[str, QLineEdit], message: str, field: QLineEdit | None = None) -> None:
    """Put the cursor in the field a ``字段：原因`` message names (or in ``field``), its text selected."""
    field = field or fields.get(message.split("：", 1)[0])
    if field is not None:
        field.setFocus()
        field.selectAll()


def _emphasise(label: QLabel, scale: float = 1.4) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)


class FirstRunDialog(QDialog):
    """首次设置: the county, its site and the first administrator, for a database with no site yet."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"首次设置 — {APP_TITLE}")
        _emphasise(self.ui.titleLabel, 1.3)
        self.ui.usernameEdit.setText("admin")
        self.ui.okButton.clicked.connect(self.accept)
        self.ui.quitButton.clicked.connect(self.reject)
        # A township PC starts from the set-up package the county made (数据交换), not from a county name.
        self.setupButton = QPushButton("用县里发来的配置包建立乡镇数据库…")
        self.setupButton.setAutoDefault(False)
        self.setupButton.clicked.connect(self.from_setup_package)
        self.ui.buttonLayout.insertWidget(0, self.setupButton)
        # The service's messages start with the field's name; this finds the field to put the cursor in.
        self._fields: dict[str, QLineEdit] = {
            "县名": self.ui.countyEdit, "用户名": self.ui.usernameEdit, "管理员用户名": self.ui.usernameEdit,
            "姓名": self.ui.displayNameEdit, "密码": self.ui.passwordEdit, "确认密码": self.ui.confirmEdit,
        }
        self.ui.countyEdit.setFocus()

    def from_setup_package(self) -> None:
        from .handoff.setup_dialog import SetupFromPackageDialog

        dialog = SetupFromPackageDialog(self.db, self)
        if dialog.exec():
            self.actor = dialog.actor
            super().accept()

    def _refuse(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        focus_field(self._fields, message)

    def _check(self) -> str | None:
        ui = self.ui
        if not ui.countyEdit.text().strip():
            return "县名：不能为空，请填写本县的名称（例如：某某县）。"
        return new_admin_problem(ui.usernameEdit.text(), ui.displayNameEdit.text(), ui.passwordEdit.text(),
                                 ui.confirmEdit.text())

    def accept(self) -> None:
        from ..services import accounts
        from ..services.errors import ServiceError

        problem = self._check()
        if problem:
            self._refuse(problem)
            return
        try:
            self.actor = accounts.setup_county_site(
                self.db, county_name=self.ui.countyEdit.text(), admin_username=self.ui.usernameEdit.text(),
                admin_password=self.ui.passwordEdit.text(), admin_display_name=self.ui.displayNameEdit.text())
        except ServiceError as exc:
            self._refuse(exc.message)
            return
        super().accept()


class LoginDialog(QDialog):
    """登录: user name and password; Enter signs in (the 登录 button is the default button).

    ``db`` may be None at first: the dialog then says 正在打开数据库…… until :meth:`attach` gives it the database
    (the clerk may already type; what is typed is kept)."""

    def __init__(self, db, parent: QWidget | None = None, *, site_name: str = "", username: str = "",
                 hint: str = "") -> None:
        super().__init__(parent)
        self.db = None
        self.actor: Actor | None = None
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"登录 — {APP_TITLE}")
        _emphasise(self.ui.titleLabel)
        self.ui.loginButton.clicked.connect(self.accept)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.usernameEdit.setText(username)
        (self.ui.passwordEdit if username else self.ui.usernameEdit).setFocus()
        if db is None:
            self._show_site(OPENING_TEXT)
            self._show_hint(hint)
        else:
            self.attach(db, site_name=site_name, hint=hint)

    def attach(self, db, *, site_name: str = "", hint: str = "") -> None:
        """The database is open: sign-in checks against it; the site's name replaces 正在打开数据库……"""
        self.db = db
        self._show_site(site_name)
        self._show_hint(hint)

    def _show_site(self, text: str) -> None:
        self.ui.siteLabel.setText(text)
        self.ui.siteLabel.setVisible(bool(text))

    def _show_hint(self, text: str) -> None:
        self.ui.hintLabel.setText(text)
        self.ui.hintLabel.setVisible(bool(text))

    def accept(self) -> None:
        from ..services import accounts
        from ..services.errors import ServiceError

        if self.db is None:  # still opening: keystrokes wait in the queue, so this is only reached by a test
            self.ui.errorLabel.setText(OPENING_TEXT)
            return
        username = self.ui.usernameEdit.text().strip()
        if not username:
            self.ui.errorLabel.setText("用户名：请输入用户名。")
            self.ui.usernameEdit.setFocus()
            return
        if not self.ui.passwordEdit.text():
            self.ui.errorLabel.setText("密码：请输入密码。")
            self.ui.passwordEdit.setFocus()
            return
        try:
            self.actor = accounts.authenticate(self.db, username, self.ui.passwordEdit.text())
        except ServiceError as exc:
            self.ui.errorLabel.setText(exc.message + "请再试一次；忘记密码时请找管理员重置。")
            self.ui.passwordEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        super().accept()
