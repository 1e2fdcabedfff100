"""Dialogs of the attendance page: the import check and the placard choice."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import org
from ...services.attendance_io import (
    AttendanceImportReport,
    import_attendance_xlsx,
)
from ...services.workspace import Workspace
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR, WARNING_COLOR, service_message
from ..widgets import busy, done


class AttendanceImportDialog(QDialog):
    """从Excel导入: a dry run lists every problem as ``第N行 第M日：原因``; 导入 only when there is none."""

    def __init__(self, ws: Workspace, township_uuid: str, year: int, month: int, path: str | Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.township_uuid, self.year, self.month = ws, township_uuid, year, month
        self.path = Path(path)
        self.applied = False
        self.report: AttendanceImportReport | None = None
        self.setWindowTitle("从Excel导入考勤表")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        self.import_button, self.cancel_button = QPushButton("导入"), QPushButton("取消")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        file_label = QLabel(f"文件：{self.path.name}　　导入到：{year}年{month}月考勤表")
        file_label.setToolTip(str(self.path))
        layout.addWidget(file_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(QLabel("问题清单（改正 Excel 文件后重新导入）："))
        layout.addWidget(self.problem_list, 1)
        layout.addLayout(buttons)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        self.resize(760, 460)
        self._check(dry_run=True)

    def _check(self, *, dry_run: bool) -> None:
        busy()
        try:
            report = import_attendance_xlsx(self.ws, self.township_uuid, self.year, self.month, self.path,
                                            dry_run=dry_run)
        except Exception as exc:  # noqa: BLE001 - told in Chinese; the service writes all or nothing
            done()
            report = AttendanceImportReport(file=self.path.name, errors=[service_message(exc)])
        else:
            done()
        self.show_report(report)

    def show_report(self, report: AttendanceImportReport) -> None:
        self.report = report
        if report.errors:
            verdict, color = f"有 {len(report.errors)} 处问题，没有导入任何内容。", ERROR_COLOR
        elif report.applied:
            verdict, color = "导入完成。", OK_COLOR
        elif report.changed:
            verdict, color = f"检查通过：将修改 {report.changed} 格，可以导入。", OK_COLOR
        else:
            verdict, color = "文件与系统中的登记一致，没有需要导入的内容。", HINT_COLOR
        self.summary_label.setText(f"{html.escape(report.summary())}。<br>"
                                   f'<span style="color:{color}">{html.escape(verdict)}</span>')
        self.problem_list.clear()
        lines = [(e, ERROR_COLOR) for e in report.errors]
        lines += [(f"提醒：{w}", WARNING_COLOR) for w in report.warnings]
        lines += [(f"文件中没有：{name}（未改动）", HINT_COLOR) for name in report.not_in_file]
        for text, line_color in lines:
            item = QListWidgetItem(text)
            item.setForeground(QColor(line_color))
            self.problem_list.addItem(item)
        ready = report.ok and report.changed > 0 and not report.applied
        self.import_button.setEnabled(ready)
        self.import_button.setDefault(ready)
        self.cancel_button.setText("取消" if ready else "关闭")

    def apply(self) -> None:
        self._check(dry_run=False)
        if self.report is not None and self.report.applied:
            self.applied = True
            self.accept()


class PlacardDialog(QDialog):
    """挂牌公示: which village (or all of the township's) and which day's whereabouts."""

    def __init__(self, villages: list[org.VillageView], on: date, parent: QWidget | None = None, *,
                 village_uuid: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("挂牌公示")
        self.village_combo = QComboBox()
        self.village_combo.addItem("本乡镇全部村", None)
        for v in villages:
            self.village_combo.addItem(v.name, v.uuid)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(village_uuid), 0))
        self.date_edit = QDateEdit(QDate(on.year, on.month, on.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        form = QFormLayout()
        form.addRow("村", self.village_combo)
        form.addRow("去向日期", self.date_edit)
        hint = QLabel("公示牌列出每位驻村干部的姓名、职务、联系电话和当天去向（取自当天的考勤登记）。")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {HINT_COLOR}")
        ok, cancel = QPushButton("生成公示牌"), QPushButton("取消")
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(buttons)

    def choice(self) -> tuple[str | None, date]:
        d = self.date_edit.date()
        return self.village_combo.currentData(), date(d.year(), d.month(), d.day())
