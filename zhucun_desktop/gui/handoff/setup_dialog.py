"""用县里发来的配置包建立乡镇数据库: a township PC's first start from the set-up package the county made.

The county's 配置口令 opens the package (``handoff.setup.init_from_setup``); the township's first administrator
(乡镇领导) is created with the password typed here, which also opens the township's exchange keys. Every refusal is
shown in red under the form, naming the field, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...handoff.drives import removable_drives
from ...handoff.setup import SETUP_SUFFIX, init_from_setup
from ...services import accounts
from ...services.errors import ServiceError
from ...services.workspace import Actor
from ...storage.errors import StorageError
from ..login import focus_field, new_admin_problem
from ..roster.feedback import ERROR_COLOR, HINT_COLOR
from ..widgets import dialog_buttons


class SetupFromPackageDialog(QDialog):
    """``SetupFromPackageDialog(db)``; after ``exec()`` returns Accepted, ``actor`` is the new administrator."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle("用县里发来的配置包建立乡镇数据库")
        title = QLabel("用配置包建立乡镇数据库")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel("县委组织部为本乡镇制作了配置包（U盘上的 .zcsetup 文件），并当面或电话告诉了配置口令。"
                       "配置包里有本乡镇的花名册、规则设置和节假日安排；下面再建立本乡镇的第一个管理员账号（乡镇领导）。")
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(f"配置包文件（{SETUP_SUFFIX}）")
        browse = QPushButton("选择…")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.browse)
        file_line = QHBoxLayout()
        file_line.addWidget(self.file_edit, 1)
        file_line.addWidget(browse)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("例如 K7QM-3XPD-9RTA-WH4C")
        self.code_edit.setToolTip("不分大小写，短横可以省略")
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText("登录时使用，例如 dongfeng")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("管理员的真实姓名")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(f"至少{accounts.MIN_PASSWORD}位；也用来打开本乡镇的数据交换密钥")
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setPlaceholderText("再输入一次密码")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow("配置包：", file_line)
        form.addRow("配置口令：", self.code_edit)
        form.addRow("管理员用户名：", self.username_edit)
        form.addRow("姓名：", self.name_edit)
        form.addRow("密码：", self.password_edit)
        form.addRow("确认密码：", self.confirm_edit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"QLabel {{ color: {ERROR_COLOR}; }}")
        note = QLabel("说明：一个配置包只用于本乡镇的一台电脑。密码请牢记：导出、导入数据包时要用它打开数据交换密钥。")
        note.setWordWrap(True)
        note.setStyleSheet(f"QLabel {{ color: {HINT_COLOR}; }}")
        buttons, self.ok_button = dialog_buttons(self, "建立乡镇数据库", "返回")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        for w in (title, intro):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self._fields = {"配置包": self.file_edit, "配置口令": self.code_edit, "用户名": self.username_edit,
                        "管理员用户名": self.username_edit, "姓名": self.name_edit, "密码": self.password_edit,
                        "确认密码": self.confirm_edit}
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 36))
        self.file_edit.setFocus()

    def browse(self) -> None:
        drives = removable_drives()
        start = str(drives[0].path) if drives else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "选择配置包", start, f"乡镇配置包 (*{SETUP_SUFFIX});;所有文件 (*)")
        if chosen:
            self.file_edit.setText(chosen)

    def _refuse(self, message: str, field: QLineEdit | None = None) -> None:
        self.error_label.setText(message)
        focus_field(self._fields, message, field)

    def _check(self) -> str | None:
        path = self.file_edit.text().strip()
        if not path:
            return "配置包：请选择县委组织部发来的配置包文件。"
        if not Path(path).is_file():
            return f"配置包：找不到文件“{path}”。"
        if not self.code_edit.text().strip():
            return "配置口令：不能为空，请输入县委组织部告诉的配置口令。"
        return new_admin_problem(self.username_edit.text(), self.name_edit.text(), self.password_edit.text(),
                                 self.confirm_edit.text())

    def accept(self) -> None:
        problem = self._check()
        if problem:
            self._refuse(problem)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # argon2 opens the package: a few seconds
        try:
            self.actor = init_from_setup(
                self.db, self.file_edit.text().strip(), self.code_edit.text(),
                admin_username=self.username_edit.text(), admin_password=self.password_edit.text(),
                admin_display_name=self.name_edit.text())
        except (ServiceError, StorageError) as exc:
            message = exc.message
            named = message.split("：", 1)[0] in self._fields
            self._refuse(message, None if named else self.code_edit if "口令" in message else self.file_edit)
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()
