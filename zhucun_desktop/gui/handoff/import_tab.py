"""导入数据包: choose a ``.zcpkg`` (USB sticks offered first) → the preview per table (新增 / 更新 / 未变 / 拒绝, the
rejected rows with their reasons, gaps and late or repeated packages in a banner) → 确认导入 (a backup, then one
transaction) or 取消. A refused package (damaged, foreign, wrongly addressed, tampered) shows its Chinese reason
and nothing is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...handoff.importer import ImportPreview, ImportResult, already_text, import_package, preview_package
from ...handoff.package import PackageError
from ...services.workspace import Workspace
from ..roster.feedback import service_message
from ..table_model import fit_columns, fit_rows, fit_width, make_table_view
from .common import BANNER_STYLES, Banner, JobRunner, PlaceChooser, iso_text
from .models import PlanModel, RejectionModel

MAX_PLAN_ROWS = 16  # more tables than this scroll


class ImportTab(QWidget):
    """``ImportTab(ws, keys)``; ``imported`` after a package was applied (the other tabs refresh)."""

    imported = Signal()

    def __init__(self, ws: Workspace, keys: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.keys = keys
        self.preview: ImportPreview | None = None
        self.last_result: ImportResult | None = None
        self.runner = JobRunner(self)
        self.place = PlaceChooser(pick_file=True)
        self.place.chosen.connect(lambda _path: self.show_preview())
        self.preview_button = QPushButton("预览")
        self.preview_button.setToolTip("检查签名、解密并逐条核对，显示导入后会有哪些变化；不写入数据库")
        self.preview_button.clicked.connect(self.show_preview)
        self.title = QLabel()
        self.title.setStyleSheet("QLabel { font-weight: bold; }")
        self.title.setWordWrap(True)
        self.notice = Banner()
        self.plan_model = PlanModel(parent=self)
        self.plan_view = make_table_view(self.plan_model)
        self.plan_view.horizontalHeader().setStretchLastSection(False)
        self.totals_label = QLabel()
        self.rejected_label = QLabel()
        self.rejected_label.setWordWrap(True)
        self.rejected_label.setStyleSheet(BANNER_STYLES["hint"])
        self.rejected_model = RejectionModel(parent=self)
        self.rejected_view = make_table_view(self.rejected_model)
        self.import_button = QPushButton("确认导入")
        self.import_button.setToolTip("先自动备份数据库，再在一个事务中导入；中途出错不会改动任何数据")
        self.import_button.clicked.connect(self.apply)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.cancel)
        self.result = Banner()
        self._layout()
        self.cancel()

    def _layout(self) -> None:
        source = QGroupBox("数据包")
        line = QVBoxLayout(source)
        line.addWidget(self.place)
        choose = QHBoxLayout()
        choose.addWidget(self.preview_button)
        choose.addStretch(1)
        line.addLayout(choose)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.plan_view)
        upper_layout.addWidget(self.totals_label)
        upper_layout.addStretch()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.rejected_label)
        lower_layout.addWidget(self.rejected_view, 1)
        lower_layout.addStretch()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)

    # -- preview --------------------------------------------------------------------------------------------
    def show_preview(self) -> None:
        path = self.place.path()
        self.result.say("")
        if path is None:
            self.notice.say("数据包：请选择U盘上的数据包文件（.zcpkg）。", "error")
            return
        if not path.is_file():
            self.notice.say(f"数据包：找不到文件“{path}”（U盘是否已拔出？）。", "error")
            return
        keys = self.keys()
        if keys is None:
            self.notice.say("没有打开数据交换密钥，不能检查数据包。", "warning")
            return
        self._clear_preview()
        self.notice.say("正在检查数据包（签名、解密、逐条核对），请稍候……", "hint")
        self.runner.start(lambda: preview_package(self.ws, keys, path), self._previewed, self._refused,
                          self._buttons())

    def _buttons(self) -> list[QWidget]:
        return [self.preview_button, self.import_button, self.cancel_button, self.place]

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview = preview
        until = iso_text(preview.period_to)
        period = (f"{iso_text(preview.period_from)} 至 {until} 的变动" if preview.period_from else
                  f"截至 {until} 的全部记录")
        self.title.setText(f"第{preview.sequence}号数据包：{preview.source_name} → {preview.destination_name}"
                           f"　　制作于 {iso_text(preview.created_at)}　　包含{period}")
        if preview.already_imported_at is not None:
            self.notice.say(already_text(preview.already_imported_at) + "无需再次导入。", "warning")
            self.import_button.setEnabled(False)
            self.cancel_button.setEnabled(True)
            return
        self.plan_model.set_rows(preview.tables)
        self.rejected_model.set_rows(preview.rejections)
        fit_columns(self.plan_view)
        fit_width(self.plan_view)
        fit_rows(self.plan_view, MAX_PLAN_ROWS)
        fit_columns(self.rejected_view)
        self.splitter.setSizes([self.plan_view.width(), max(self.width() - self.plan_view.width(), 200)])
        totals = preview.totals()
        self.totals_label.setText(f"合计：新增{totals['new']}条，更新{totals['updated']}条，未变{totals['unchanged']}条，"
                                  f"拒绝{totals['rejected']}条。")
        notes = []
        gap = preview.gap_text()
        if gap:
            notes.append(f"注意：{gap}（之前的数据包可能没有导入），本数据包仍可导入，请补导缺少的数据包。")
        notes.extend(f"提示：{n}" for n in preview.notices)
        files = preview.files
        if files.write or files.present:
            notes.append(f"佐证材料文件：新增{len(files.write)}份，本机已有{files.present}份。")
        notes.extend(f"佐证材料“{r.file_name}”不能保存：{r.reason}（导入后放入“冲突记录”）" for r in files.refused)
        if preview.acknowledges:
            notes.append("对方回执确认已收到本单位的第" + "、".join(map(str, preview.acknowledges)) + "号数据包。")
        if totals["rejected"]:
            notes.append(f"有{totals['rejected']}条记录不能合并（原因见下表），导入后放入“冲突记录”待处理。")
        if notes:
            warn = gap or totals["rejected"] or preview.late or files.refused
            self.notice.say_lines(notes, "warning" if warn else "hint")
        else:
            self.notice.say("数据包完好，签名正确。请核对下面的变化，然后点“确认导入”。", "ok")
        self.import_button.setEnabled(self.ws.actor.can_write)
        self.cancel_button.setEnabled(True)
        self.rejected_label.setText(
            "拒绝的记录（导入后放入“冲突记录”待处理，不会丢弃，也不会覆盖本机的记录）：" if preview.rejections
            else "没有拒绝的记录：每一条都可以合并。")
        self.rejected_label.setStyleSheet(BANNER_STYLES["warning" if preview.rejections else "hint"])
        self.rejected_label.show()
        self.rejected_view.setVisible(bool(preview.rejections))

    def _refused(self, exc: BaseException) -> None:
        self._clear_preview()
        reason = service_message(exc) if isinstance(exc, Exception) else str(exc)
        prefix = "数据包被拒绝，未导入任何内容：" if isinstance(exc, PackageError) else ""
        self.notice.say(prefix + reason, "error")

    # -- apply ----------------------------------------------------------------------------------------------
    def apply(self) -> None:
        preview, keys = self.preview, self.keys()
        if preview is None or keys is None:
            return
        path = preview.path
        self.notice.say("正在备份并导入，请稍候……", "hint")
        self.runner.start(lambda: import_package(self.ws, keys, path), self._applied, self._refused,
                          self._buttons())

    def _applied(self, result: ImportResult) -> None:
        self.last_result = result
        lines = [result.message]
        if result.backup_path:
            lines.append(f"导入前的备份：{result.backup_path}")
        self.result.say_lines(lines, "ok" if result.applied and not result.preview.rejections else "warning")
        self.notice.say("")
        self.import_button.setEnabled(False)
        if result.applied:
            self.imported.emit()

    def cancel(self) -> None:
        self._clear_preview()
        self.notice.say("选择数据包后先显示预览：每个数据表新增、更新、未变、拒绝多少条；确认后才导入。", "hint")

    def _clear_preview(self) -> None:
        self.preview = None
        self.title.setText("")
        self.plan_model.set_rows([])
        self.rejected_model.set_rows([])
        self.totals_label.setText("")
        self.rejected_label.hide()
        self.rejected_view.hide()
        self.import_button.setEnabled(False)

    def choose(self, path: str | Path) -> None:
        """Put a file in the chooser and preview it (what choosing it in the file dialog does)."""
        self.place.set_path(path)
        self.show_preview()
