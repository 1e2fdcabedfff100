"""数据库检查: run the database check on demand and show whether the file is sound and how many records it holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services.workspace import Workspace
from ...storage.errors import StorageError
from ..labels import table_label
from ..table_model import RowsTableModel, fit_columns, fit_rows, fit_width, make_table_view

if TYPE_CHECKING:
    from ...services.maintenance import CheckReport


class CountsModel(RowsTableModel[tuple[str, int]]):
    COL_TABLE = 0
    COL_COUNT = 1
    HEADERS = ("记录类别", "数量")
    NUMERIC = frozenset({COL_COUNT})

    def text(self, row: tuple[str, int], column: int) -> str:
        return row[0] if column == self.COL_TABLE else str(row[1])


class CheckTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.run_button = QPushButton("开始检查")
        self.run_button.clicked.connect(self.run_check)
        intro = QLabel("检查数据库文件是否完好（完整性检查），并统计各类记录的数量。数据多时需要几秒钟。")
        intro.setWordWrap(True)
        self.result_label = QLabel("还没有检查。")
        self.result_label.setWordWrap(True)
        self.model = CountsModel()
        self.view = make_table_view(self.model)
        self.view.horizontalHeader().setStretchLastSection(False)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.view)
        layout.addStretch(1)

    def run_check(self) -> None:
        from ...services.maintenance import check_database

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = check_database(self.ws.db)
        except StorageError as exc:
            self.result_label.setStyleSheet("color: #b00020;")
            self.result_label.setText(exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.show_report(report)

    def show_report(self, report: CheckReport) -> None:
        from ...services.maintenance import COUNT_LABELS, INTEGRITY_NOT_CHECKED, INTEGRITY_OK

        if report.integrity == INTEGRITY_OK:
            text = "完整性检查：正常，数据库文件完好。"
        elif report.integrity == INTEGRITY_NOT_CHECKED:
            text = "数据库在服务器上，完整性由服务器管理员检查。"
        else:
            text = ("完整性检查发现问题，数据库文件可能已损坏。请先在“数据备份”中从最近的备份恢复，"
                    f"并把以下信息交给技术支持：\n{report.integrity}")
        self.result_label.setStyleSheet("color: #1b6e20;" if report.ok else "color: #b00020;")
        self.result_label.setText(text)
        self.model.set_rows([(COUNT_LABELS.get(key, table_label(key)), n) for key, n in report.counts.items()])
        fit_columns(self.view, padding=40)
        fit_width(self.view)
        fit_rows(self.view, 30)
