"""导出数据包: for whom, since when, onto which stick; the export runs off the GUI thread and ends with the file's
name, what it holds and "可以安全拔出U盘" (written through a temporary file, fsync, rename, read back and verified by
``handoff.export``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...handoff.export import ExportResult, export_all, export_package
from ...handoff.sites import PeerView, list_peers
from ...services.workspace import Workspace
from ..roster.feedback import service_message
from .common import BANNER_STYLES, Banner, JobRunner, PlaceChooser, sequence_text

ALL_TOWNSHIPS = "__all__"


class ExportTab(QWidget):
    """``ExportTab(ws, keys)``: ``keys()`` returns the opened SiteKeys or None (the password was not given)."""

    exported = Signal()

    def __init__(self, ws: Workspace, keys: Callable[[], Any], parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.keys = keys
        self.today = today or date.today()
        self.peers: list[PeerView] = []
        self.results: list[ExportResult] = []
        self.runner = JobRunner(self)
        self.peer_combo = QComboBox()
        self.peer_combo.setMinimumContentsLength(16)
        self.peer_info = QLabel()
        self.peer_info.setStyleSheet(BANNER_STYLES["hint"])
        self.since_last = QRadioButton("自上次确认以来（对方回执确认收到之后的全部变动）")
        self.since_date = QRadioButton("自某日起：")
        self.since_last.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.since_last)
        group.addButton(self.since_date)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(self.today.year, self.today.month, 1))
        self.date_edit.setEnabled(False)
        self.since_date.toggled.connect(self.date_edit.setEnabled)
        self.place = PlaceChooser(pick_file=False)
        self.export_button = QPushButton("导出")
        self.export_button.setDefault(True)
        self.export_button.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 8))
        self.export_button.clicked.connect(self.export)
        self.result = Banner()
        self._layout()
        self.peer_combo.currentIndexChanged.connect(lambda _i: self._show_peer())

    def _layout(self) -> None:
        who = QGroupBox("发往")
        form = QFormLayout(who)
        form.addRow("接收单位：", self.peer_combo)
        form.addRow("", self.peer_info)
        scope = QGroupBox("导出范围")
        scope_layout = QVBoxLayout(scope)
        scope_layout.addWidget(self.since_last)
        line = QHBoxLayout()
        line.addWidget(self.since_date)
        line.addWidget(self.date_edit)
        line.addWidget(QLabel("以来修改过的记录（重新发送无害：对方导入时相同的记录记为“未变”）"))
        line.addStretch(1)
        scope_layout.addLayout(line)
        where = QGroupBox("保存到（U盘）")
        QVBoxLayout(where).addWidget(self.place)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (who, scope, where):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

    # -- data -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.peer_combo.currentData()
        self.peers = list_peers(self.ws)
        self.peer_combo.blockSignals(True)
        self.peer_combo.clear()
        for p in self.peers:
            self.peer_combo.addItem(p.name, p.site_id)
        if self.ws.is_county_site and len(self.peers) > 1:
            self.peer_combo.addItem("全部乡镇（每个乡镇一个数据包）", ALL_TOWNSHIPS)
        index = self.peer_combo.findData(chosen)
        self.peer_combo.setCurrentIndex(max(index, 0))
        self.peer_combo.blockSignals(False)
        self.peer_combo.setEnabled(len(self.peers) > 1)
        self._show_peer()

    def _show_peer(self) -> None:
        writer = self.ws.actor.can_write
        if not self.peers:
            self.peer_info.setText("还没有可以发送的乡镇：请先在“站点与密钥”中为乡镇制作配置包。"
                                   if self.ws.is_county_site else "本机还没有登记县委组织部的站点。")
        elif not writer:
            self.peer_info.setText("当前账号为“县级查看”，不能导出数据包。")
        else:
            peer = self.current_peer()
            self.peer_info.setText(
                f"上次发出：{sequence_text(peer.last_out_sequence, peer.last_out_at)}；"
                f"上次收到：{sequence_text(peer.last_in_sequence, peer.last_in_at)}" if peer else
                f"将给{len(self.peers)}个乡镇各写一个数据包。")
        self.export_button.setEnabled(bool(self.peers) and writer and not self.runner.running)

    def current_peer(self) -> PeerView | None:
        site_id = self.peer_combo.currentData()
        return next((p for p in self.peers if p.site_id == site_id), None)

    # -- the export -----------------------------------------------------------------------------------------
    def since(self) -> date | None:
        return self.date_edit.date().toPython() if self.since_date.isChecked() else None

    def export(self) -> None:
        folder = self.place.path()
        if folder is None:
            self.result.say("保存到：请选择U盘或文件夹。", "error")
            return
        if not folder.is_dir():
            self.result.say(f"保存到：文件夹“{folder}”不存在（U盘是否已拔出？）。", "error")
            return
        keys = self.keys()
        if keys is None:
            self.result.say("没有打开数据交换密钥，未导出。", "warning")
            return
        target, since = self.peer_combo.currentData(), self.since()
        self.result.say("正在导出，请稍候……（请不要拔出U盘）", "hint")

        def work() -> list[ExportResult]:
            if target == ALL_TOWNSHIPS:
                return export_all(self.ws, keys, folder, since=since)
            return [export_package(self.ws, keys, folder, destination=target, since=since)]

        self.runner.start(work, self._done, self._failed, [self.export_button, self.peer_combo])

    def _done(self, results: list[ExportResult]) -> None:
        self.results = results
        lines = []
        for r in results:
            lines.append(r.message())
            lines.append(f"文件：{r.path}（共{r.total}条记录，附回执{r.receipts}份）")
        self.result.say_lines(lines, "ok")
        self.refresh()
        self.exported.emit()

    def _failed(self, exc: BaseException) -> None:
        self.result.say(service_message(exc) if isinstance(exc, Exception) else str(exc), "error")

    def folder(self) -> Path | None:
        return self.place.path()
