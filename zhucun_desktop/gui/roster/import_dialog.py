"""导入花名册: preview first (nothing written), then import everything, or exactly the rows without errors.

The service checks the whole sheet in a dry run and reports every bad row with the sheet's own row number; the
dialog lists them, sortable, and what would be created. Applying runs the same service again, which backs the
database up first and writes in one transaction, so an import is never half-done.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QHeaderView, QListWidget, QWidget

from ...services.roster_import import ImportReport, RowIssue, import_roster
from ...services.workspace import Workspace
from ..forms.ui_import_dialog import Ui_ImportDialog
from ..messages import confirm, inform
from ..table_model import SORT_ROLE, RowsTableModel
from .feedback import ERROR_COLOR, OK_COLOR, WARNING_COLOR, service_message

LEVELS = {"error": "错误", "warning": "提醒"}


class IssueModel(RowsTableModel[RowIssue]):
    """问题清单: 行号, 字段, 原因, 级别."""

    COL_ROW = 0
    COL_FIELD = 1
    COL_MESSAGE = 2
    COL_LEVEL = 3
    HEADERS = ("行号", "字段", "原因", "级别")

    def text(self, row: RowIssue, column: int) -> str:
        if column == self.COL_ROW:
            return f"第{row.row}行" if row.row else "整个文件"
        if column == self.COL_FIELD:
            return row.field
        if column == self.COL_MESSAGE:
            return row.message
        return LEVELS.get(row.level, row.level)

    def sort_value(self, row: RowIssue, column: int) -> object:
        return row.row if column == self.COL_ROW else self.text(row, column)

    def tooltip(self, row: RowIssue, column: int) -> str | None:
        return row.text if column == self.COL_MESSAGE else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.COL_LEVEL:
            return QBrush(QColor(ERROR_COLOR if self.row_at(index.row()).level == "error" else WARNING_COLOR))
        return super().data(index, role)


class ImportDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.applied = False
        self.issues = IssueModel(parent=self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.issues)
        proxy.setSortRole(SORT_ROLE)
        self.ui.problemTable.setModel(proxy)
        self.ui.problemTable.verticalHeader().setVisible(False)
        self.ui.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.ui.problemTable.sortByColumn(IssueModel.COL_ROW, Qt.SortOrder.AscendingOrder)
        header = self.ui.problemTable.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = self.fontMetrics()
        header.resizeSection(IssueModel.COL_ROW, metrics.horizontalAdvance("第10000行") + 28)
        header.resizeSection(IssueModel.COL_FIELD, metrics.horizontalAdvance("参加工作时间") + 24)
        header.setSectionResizeMode(IssueModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(IssueModel.COL_LEVEL, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.chooseButton.clicked.connect(self.choose_file)
        self.ui.importButton.clicked.connect(lambda: self.apply(partial=False))
        self.ui.partialButton.clicked.connect(lambda: self.apply(partial=True))
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.createGroup.hide()
        self.ui.resultLabel.hide()
        self._set_buttons()
        if path is not None:
            self.preview(path)

    # -- preview --------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        start = str(self.path.parent if self.path else Path.home())
        target, _ = QFileDialog.getOpenFileName(self, "选择花名册文件", start, "Excel 文件 (*.xlsx)")
        if target:
            self.preview(target)

    def preview(self, path: str | Path) -> None:
        self.path = Path(path)
        self.ui.fileEdit.setText(str(self.path))
        self.ui.resultLabel.clear()
        self.ui.resultLabel.hide()
        report = self._run(dry_run=True, partial=False)
        if report is not None:
            self.show_report(report)

    def _run(self, *, dry_run: bool, partial: bool) -> ImportReport | None:
        assert self.path is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return import_roster(self.ws, self.path, partial=partial, dry_run=dry_run)
        except Exception as exc:  # noqa: BLE001 - told in Chinese; the service leaves nothing half-written
            self.report = None
            self.issues.set_rows([])
            self._say(self.ui.summaryLabel, f"无法导入：{service_message(exc)}", ERROR_COLOR)
            return None
        finally:
            QApplication.restoreOverrideCursor()
            self._set_buttons()

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.issues.set_rows([*report.errors, *report.warnings])
        self.ui.problemsGroup.setTitle(f"问题清单（错误 {len(report.errors)} 条，提醒 {len(report.warnings)} 条）")
        if report.errors:
            verdict = (f"有 {len(report.bad_rows)} 行有错误：改正 Excel 文件后重新选择，"
                       f"或只导入无误的 {report.good_rows} 行。")
            color = ERROR_COLOR
        else:
            verdict, color = "检查通过，可以导入。", OK_COLOR
        self.ui.summaryLabel.setStyleSheet("")
        self.ui.summaryLabel.setText(f'{html.escape(report.summary())}。<br><span style="color:{color}">'
                                     f"{html.escape(verdict)}</span>")
        lists = ((self.ui.townshipList, report.new_townships), (self.ui.villageList, report.new_villages),
                 (self.ui.unitList, report.new_units))
        for widget, names in lists:
            _fill(widget, names)
        self.ui.createGroup.setVisible(any(names for _w, names in lists))
        self._set_buttons()

    def _set_buttons(self) -> None:
        r = self.report
        ready = r is not None and not r.applied and r.rows_total > 0
        self.ui.importButton.setEnabled(bool(ready and r and not r.errors and r.good_rows > 0))
        self.ui.partialButton.setEnabled(bool(ready and r and r.errors and r.good_rows > 0))
        self.ui.importButton.setDefault(self.ui.importButton.isEnabled())

    # -- apply ----------------------------------------------------------------------------------------------
    def apply(self, *, partial: bool) -> None:
        if self.report is None or self.path is None:
            return
        if partial and not confirm(
                self, "只导入无误的行",
                f"将只导入无误的 {self.report.good_rows} 行，有错误的 {len(self.report.bad_rows)} 行不导入。\n"
                "没导入的行改正后可以再导入一次。确定吗？", yes="导入", no="取消"):
            return
        report = self._run(dry_run=False, partial=partial)
        if report is None:
            return
        self.show_report(report)
        if not report.applied:
            self._say(self.ui.resultLabel, "没有导入：检查时发现了新的问题，请看上面的问题清单。", ERROR_COLOR)
            return
        self.applied = True
        backup = f"\n导入前已自动备份：{report.backup_path}" if report.backup_path else ""
        done = f"导入完成：{report.summary()}。{backup}"
        self._say(self.ui.resultLabel, done, OK_COLOR)
        self.ui.cancelButton.setText("关闭")
        self._set_buttons()
        inform(self, "导入完成", done)

    @staticmethod
    def _say(label, text: str, color: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {color}")
        label.setVisible(bool(text))


def _fill(widget: QListWidget, names: list[str]) -> None:
    widget.clear()
    widget.addItems(names)

