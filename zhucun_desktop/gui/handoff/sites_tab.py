"""站点与密钥 (county administrator): the townships' sites with their last packages out and in, 生成乡镇配置包…
(the one-time 配置口令 shown large, to be handed over in person), and who may open the exchange keys (授权…)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...handoff.keys import add_key_holder, key_holders
from ...handoff.setup import SetupPackage, create_setup_package, setup_file_name
from ...handoff.sites import list_peers
from ...services import accounts, org
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ...storage.errors import StorageError
from ..roster.feedback import ERROR_COLOR, service_message
from ..table_model import fit_columns, make_table_view
from ..widgets import dialog_buttons
from .common import BANNER_STYLES, Banner
from .models import PeerModel

CODE_POINT_SIZE = 26


class SetupPackageDialog(QDialog):
    """生成乡镇配置包: township and file, then the 配置口令 — shown only here, once."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.made: SetupPackage | None = None
        self.setWindowTitle("生成乡镇配置包")
        registered = {p.township_uuid for p in list_peers(ws)}
        self.township_combo = QComboBox()
        for t in org.list_townships(ws):
            again = "（已制作过：重新制作将更换该乡镇的密钥）" if t.uuid in registered else ""
            self.township_combo.addItem(t.name + again, t.uuid)
        self.path_edit = QLineEdit()
        self.folder = folder or Path.home()
        browse = QPushButton("选择位置…")
        browse.clicked.connect(self.browse)
        self.township_combo.currentIndexChanged.connect(lambda _i: self._suggest())
        self._suggest()
        path_line = QHBoxLayout()
        path_line.addWidget(self.path_edit, 1)
        path_line.addWidget(browse)
        form = QFormLayout()
        form.addRow("乡镇：", self.township_combo)
        form.addRow("配置包文件：", path_line)
        self.intro_label = intro = QLabel("配置包里有该乡镇的花名册、规则设置、节假日安排和它的数据交换密钥，用一次性的配置口令加密。"
                       "乡镇的新电脑首次启动时选择“用县里发来的配置包建立乡镇数据库”，输入配置口令即可。")
        intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"QLabel {{ color: {ERROR_COLOR}; }}")
        self.code_title = QLabel("配置口令（只显示这一次）：")
        self.code_label = QLabel()
        font = QFont(self.font())
        font.setPointSize(CODE_POINT_SIZE)
        font.setBold(True)
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "Courier New", *font.families()])
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("QLabel { background: #fffbe6; border: 2px solid #e0b400; padding: 10px; }")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(BANNER_STYLES["warning"])
        self.copy_button = QPushButton("复制配置口令")
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code_label.text()))
        self.make_button = QPushButton("制作")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.close_button = QPushButton("取消")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        for w in (self.code_title, self.code_label, self.warning_label):
            layout.addWidget(w)
            w.hide()
        layout.addLayout(buttons)
        self.copy_button.hide()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 44))
        self._fit()

    def _suggest(self) -> None:
        name = self.township_combo.currentText().split("（", 1)[0]
        if name:
            self.path_edit.setText(str(self.folder / setup_file_name(name)))

    def browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "保存配置包", self.path_edit.text(), "乡镇配置包 (*.zcsetup)")
        if chosen:
            self.path_edit.setText(chosen)

    def make(self) -> None:
        uuid, text = self.township_combo.currentData(), self.path_edit.text().strip()
        if uuid is None:
            self.error_label.setText("乡镇：还没有乡镇，请先在花名册中建立乡镇。")
            return
        if not text:
            self.error_label.setText("配置包文件：请选择保存位置。")
            return
        path = Path(text)
        if not path.parent.is_dir():
            self.error_label.setText(f"配置包文件：文件夹“{path.parent}”不存在。")
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.made = create_setup_package(self.ws, uuid, path)
        except (ServiceError, StorageError, OSError) as exc:
            self.error_label.setText(service_message(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.show_code(self.made)

    def show_code(self, made: SetupPackage) -> None:
        self.error_label.setText("")
        self.code_label.setText(made.passphrase)
        self.warning_label.setText(
            f"已制作{made.township_name}的配置包：{made.path}（{made.rows}条记录）。\n"
            "请把配置口令当面或电话告诉乡镇管理员，不要写在U盘上，也不要和配置包放在一起；"
            "关闭本窗口后口令不再显示，忘记了只能重新制作配置包。")
        for w in (self.code_title, self.code_label, self.warning_label, self.copy_button):
            w.show()
        self.township_combo.setEnabled(False)
        self.path_edit.setEnabled(False)
        self.make_button.hide()
        self.close_button.setText("我已记下口令，关闭")
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)
        self._fit()

    def _fit(self) -> None:
        """A top-level dialog does not grow for its wrapped labels by itself: give each its height first."""
        margins = self.layout().contentsMargins()
        width = max(self.width(), self.minimumWidth()) - margins.left() - margins.right()
        for label in (self.intro_label, self.warning_label):
            if label.isVisibleTo(self):
                label.setMinimumHeight(label.heightForWidth(width))
        self.layout().activate()
        self.resize(max(self.width(), self.minimumWidth()), self.sizeHint().height())


class KeyHolderDialog(QDialog):
    """授权…: another account may open the exchange keys with its own login password (typed by that person)."""

    def __init__(self, ws: Workspace, keys: Any, holders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.keys = keys
        self.setWindowTitle("授权打开数据交换密钥")
        self.user_combo = QComboBox()
        for u in accounts.list_users(ws):
            if u.active and u.username not in holders and u.township_uuid is None:
                self.user_combo.addItem(f"{u.display_name}（{u.username}，{u.role}）", u.username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("请该同志本人输入自己的登录密码")
        intro = QLabel("被授权的同志以后用自己的登录密码打开数据交换密钥，可以导出和导入数据包。")
        intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"QLabel {{ color: {ERROR_COLOR}; }}")
        buttons, _ok = dialog_buttons(self, "授权")
        form = QFormLayout()
        form.addRow("账号：", self.user_combo)
        form.addRow("登录密码：", self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def accept(self) -> None:
        username = self.user_combo.currentData()
        if username is None:
            self.error_label.setText("账号：没有可以授权的县级账号（请先在系统设置中建立账号）。")
            return
        password = self.password_edit.text()
        try:
            accounts.authenticate(self.ws.db, username, password)  # the holder proves it is their own password
        except ServiceError:
            self.error_label.setText("登录密码：不正确，请该同志本人输入自己的登录密码。")
            self.password_edit.selectAll()
            return
        try:
            add_key_holder(self.ws, self.keys, username, password)
        except (ServiceError, StorageError) as exc:
            self.error_label.setText(service_message(exc))
            return
        super().accept()


class SitesTab(QWidget):
    """``SitesTab(ws, keys)``: the county administrator's view of sites and key holders."""

    def __init__(self, ws: Workspace, keys: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.keys = keys
        self.model = PeerModel(parent=self)
        self.view = make_table_view(self.model)
        self.setup_button = QPushButton("生成乡镇配置包…")
        self.setup_button.clicked.connect(self.make_setup_package)
        self.holders = QListWidget()
        self.holders.setMaximumHeight(self.fontMetrics().height() * 6)
        self.grant_button = QPushButton("授权…")
        self.grant_button.clicked.connect(self.grant)
        self.message = Banner()
        sites = QGroupBox("数据交换单位（已制作配置包的乡镇）")
        sites_layout = QVBoxLayout(sites)
        sites_layout.addWidget(self.view)
        line = QHBoxLayout()
        line.addWidget(self.setup_button)
        line.addStretch(1)
        sites_layout.addLayout(line)
        keys_box = QGroupBox("数据交换密钥持有人（用自己的登录密码打开密钥）")
        keys_layout = QHBoxLayout(keys_box)
        keys_layout.addWidget(self.holders, 1)
        keys_layout.addWidget(self.grant_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(sites, 1)
        layout.addWidget(keys_box)
        layout.addWidget(self.message)
        self.setup_dialog: SetupPackageDialog | None = None

    def refresh(self) -> None:
        self.model.set_rows(list_peers(self.ws))
        fit_columns(self.view)
        self.holders.clear()
        self.holders.addItems(key_holders(self.ws))

    def make_setup_package(self) -> None:
        self.setup_dialog = SetupPackageDialog(self.ws, self)
        self.setup_dialog.exec()
        made = self.setup_dialog.made
        self.refresh()
        if made is not None:
            self.message.say(f"已为{made.township_name}制作配置包：{made.path}", "ok")

    def grant(self) -> None:
        keys = self.keys()
        if keys is None:
            self.message.say("没有打开数据交换密钥，不能授权。", "warning")
            return
        dialog = KeyHolderDialog(self.ws, keys, key_holders(self.ws), self)
        if dialog.exec():
            self.refresh()
            self.message.say(f"已授权 {dialog.user_combo.currentData()} 打开数据交换密钥。", "ok")
