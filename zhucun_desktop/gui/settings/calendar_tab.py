"""工作日历: which days are working days in a year, where that comes from, and the county's own days.

Working days decide §7's due date (the attendance table is filed by the 5th working day of the next month) and
§19's allowance days. A year is known from the built-in official calendar (国家法定节假日, ``chinese_calendar``)
or from the county's imported calendar (县级日历); otherwise it is unknown and never guessed, and this tab says
so and how to import it. The county administrator edits single days (a local holiday, a 调休 working Saturday)
and imports the county's file; everyone else sees the calendar read-only: it is county-owned and travels to
the townships with the data exchange.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.workcalendar import OVERRIDE_KINDS, builtin_knows, builtin_years
from ...reports.calendar_template import exception_rows, write_calendar_template
from ...services import calendar as calendar_service
from ...services.calendar import CalendarDayView, MonthSummary
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ...storage.errors import StorageError
from ..messages import confirm, report_error
from ..table_model import RowsTableModel, fit_columns, fit_rows, fit_width, make_table_view, select_first

WEEKDAYS = "一二三四五六日"
FIRST_YEAR, LAST_YEAR = 2000, 2100
OK_STYLE = "color: #2E7D32;"
ERROR_STYLE = "color: #C62828;"
NOTE_STYLE = "color: #555555;"
READ_ONLY_NOTE = ("工作日历由县委组织部统一维护，随数据交换下发到各乡镇；本账号只能查看。"
                  "如发现日历有误，请联系县委组织部。")


def day_text(d: date) -> str:
    return f"{d.year}-{d.month:02d}-{d.day:02d}（周{WEEKDAYS[d.weekday()]}）"


def _due_year(month_key: str) -> int:
    year, month = int(month_key[:4]), int(month_key[5:])
    return year + 1 if month == 12 else year


class MonthsModel(RowsTableModel[MonthSummary]):
    """Per month: working days and the attendance table's due date (§7); a missing calendar named."""

    COL_MONTH = 0
    COL_WORKING = 1
    COL_DUE = 2
    HEADERS = ("月份", "工作日天数", "考勤表报送截止")
    NUMERIC = frozenset({COL_WORKING})

    def text(self, row: MonthSummary, column: int) -> str:
        if column == self.COL_MONTH:
            return f"{int(row.month[5:])}月"
        if column == self.COL_WORKING:
            return "—" if row.working_days is None else str(row.working_days)
        if row.attendance_due is None:
            return f"缺少{_due_year(row.month)}年工作日历"
        due = row.attendance_due
        return f"{due.month}月{due.day}日（周{WEEKDAYS[due.weekday()]}）"


class DaysModel(RowsTableModel[CalendarDayView]):
    COL_DAY = 0
    COL_KIND = 1
    COL_NOTE = 2
    HEADERS = ("日期", "类型", "说明")

    def text(self, row: CalendarDayView, column: int) -> str:
        return (day_text(row.day), row.kind, row.note)[column]


class CalendarDayDialog(QDialog):
    """添加 or 修改 one county day: a date, 工作日/节假日, a note; saved through ``set_calendar_day``."""

    def __init__(self, ws: Workspace, day: date, view: CalendarDayView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("修改日期" if view else "添加日期")
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setEnabled(view is None)  # another date is another row: delete this one, add that one
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(list(OVERRIDE_KINDS))
        self.note_edit = QLineEdit(view.note if view else "")
        self.note_edit.setMaxLength(100)
        self.note_edit.setPlaceholderText("如：国庆节调休上班、火把节")
        if view is not None:
            self.kind_combo.setCurrentText(view.kind)
        elif day.weekday() < 5:
            self.kind_combo.setCurrentText("节假日")  # a weekday is listed when it is a day off
        else:
            self.kind_combo.setCurrentText("工作日")  # a weekend is listed when it is worked (调休)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow("日期", self.date_edit)
        form.addRow("类型", self.kind_combo)
        form.addRow("说明", self.note_edit)
        hint = QLabel("周一至周五放假写“节假日”，周六、周日调休上班写“工作日”。")
        hint.setStyleSheet(NOTE_STYLE)
        buttons = QDialogButtonBox()
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def accept(self) -> None:
        try:
            calendar_service.set_calendar_day(self.ws, self.day(), self.kind_combo.currentText(),
                                              self.note_edit.text())
        except (ServiceError, StorageError) as exc:
            self.error_label.setText(getattr(exc, "message", None) or str(exc))
            self.error_label.show()
            return
        super().accept()


class CalendarTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.can_edit = ws.actor.is_admin
        this_year = (today or date.today()).year
        self.year_spin = QSpinBox()
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_spin.setSuffix("年")
        self.year_spin.setValue(this_year)
        self.year_spin.valueChanged.connect(self.refresh)
        self.source_label = QLabel()
        self.source_label.setObjectName("calendarSource")
        self.source_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("年份"))
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.source_label, 1)

        self.months = MonthsModel()
        self.months_view = make_table_view(self.months)
        self.months_view.horizontalHeader().setStretchLastSection(False)
        months_box = QGroupBox("各月工作日和考勤表报送截止（次月第5个工作日，§7）")
        QVBoxLayout(months_box).addWidget(self.months_view)

        self.days = DaysModel()
        self.days_view = make_table_view(self.days)
        self.days_view.doubleClicked.connect(lambda *_: self.edit_day())
        self.days_empty = QLabel()
        self.days_empty.setWordWrap(True)
        self.days_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.days_empty.setStyleSheet(NOTE_STYLE)
        self.add_button = QPushButton("添加…")
        self.edit_button = QPushButton("修改…")
        self.delete_button = QPushButton("删除")
        self.add_button.clicked.connect(lambda: self.add_day())
        self.edit_button.clicked.connect(lambda: self.edit_day())
        self.delete_button.clicked.connect(lambda: self.delete_day())
        day_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            day_buttons.addWidget(button)
        day_buttons.addStretch(1)
        self.days_box = QGroupBox()
        days_layout = QVBoxLayout(self.days_box)
        days_layout.addLayout(day_buttons)
        days_layout.addWidget(self.days_view, 1)
        days_layout.addWidget(self.days_empty)

        middle = QHBoxLayout()
        middle.addWidget(months_box, 0, Qt.AlignmentFlag.AlignTop)
        middle.addWidget(self.days_box, 1)

        self.import_button = QPushButton("导入日历文件…")
        self.template_button = QPushButton("下载模板…")
        self.import_button.clicked.connect(lambda: self.import_file())
        self.template_button.clicked.connect(lambda: self.download_template())
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.import_button)
        file_buttons.addWidget(self.template_button)
        file_buttons.addStretch(1)
        self.result_label = QLabel()
        self.result_label.setObjectName("calendarImportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        self.read_only_label = QLabel(READ_ONLY_NOTE)
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet(NOTE_STYLE)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(file_buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.read_only_label)
        for widget in (self.add_button, self.edit_button, self.delete_button, self.import_button,
                       self.template_button):
            widget.setVisible(self.can_edit)
        self.read_only_label.setVisible(not self.can_edit)
        self.days_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # -- data ---------------------------------------------------------------------------------------------
    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        year = self.year()
        try:
            summary = calendar_service.calendar_year_summary(self.ws, year)
            days = calendar_service.list_calendar_days(self.ws, year)
            county_years = calendar_service.county_years(self.ws)
        except (ServiceError, StorageError) as exc:
            self.source_label.setText(f"无法读取工作日历：{getattr(exc, 'message', None) or exc}")
            return
        self.source_label.setText(self._source_text(year, year in county_years, len(days)))
        self.source_label.setStyleSheet(ERROR_STYLE if summary[0].working_days is None else "")
        self.months.set_rows(summary)
        fit_rows(self.months_view, 12)
        fit_columns(self.months_view)
        fit_width(self.months_view)
        self.days.set_rows(days)
        self.days_box.setTitle(f"县里调整的日期（{year}年，只列出与周一至周五不同的日子）")
        self.days_view.setVisible(bool(days))
        self.days_empty.setVisible(not days)
        self.days_empty.setText(f"县里没有调整{year}年的日期。" + (
            "这一年按国家法定节假日安排。" if builtin_knows(year) and year not in county_years else ""))
        fit_columns(self.days_view)
        self._update_buttons()

    def _source_text(self, year: int, county: bool, days: int) -> str:
        """Whether ``year`` is known, and from where (never guessed)."""
        if county:
            return f"{year}年：县级日历（已导入县里下发的日历，共调整{days}天）"
        if builtin_knows(year):
            years = builtin_years()
            extra = f"，另有县里调整{days}天" if days else ""
            return f"{year}年：国家法定节假日（程序内置{years[0]}—{years[-1]}年的日历{extra}）"
        return (f"{year}年：未知 — 需导入。还没有{year}年的工作日历，工作日天数和考勤表报送截止日期无法计算；"
                f"请点“导入日历文件…”导入县里下发的{year}年日历（xlsx/csv：日期、类型、说明）。")

    def selected_day(self) -> CalendarDayView | None:
        rows = self.days_view.selectionModel().selectedRows()
        return self.days.row_at(rows[0].row()) if rows else None

    def select_day(self, day: date) -> None:
        select_first(self.days_view, self.days, lambda r: r.day == day)

    def _update_buttons(self) -> None:
        selected = self.selected_day() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # -- changes (county administrator) --------------------------------------------------------------------
    def add_day(self) -> None:
        year = self.year()
        today = date.today()
        start = today if today.year == year else date(year, 1, 1)
        dialog = CalendarDayDialog(self.ws, start, None, self)
        if dialog.exec():
            self._after_change(dialog.day())

    def edit_day(self) -> None:
        view = self.selected_day()
        if view is None or not self.can_edit:
            return
        dialog = CalendarDayDialog(self.ws, view.day, view, self)
        if dialog.exec():
            self._after_change(view.day)

    def delete_day(self) -> None:
        view = self.selected_day()
        if view is None:
            return
        if not confirm(self, "删除日期", f"删除县里对{day_text(view.day)}的调整（{view.kind}"
                       f"{'：' + view.note if view.note else ''}）后，这一天按国家法定节假日"
                       "（或周一至周五上班）计算。\n\n确定删除吗？", "删除"):
            return
        try:
            calendar_service.set_calendar_day(self.ws, view.day, None)
        except (ServiceError, StorageError) as exc:
            report_error(self, exc)
        self.refresh()

    def _after_change(self, day: date) -> None:
        if day.year != self.year():
            self.year_spin.setValue(day.year)  # refreshes
        else:
            self.refresh()
        self.select_day(day)

    def import_file(self, path: str | Path | None = None) -> None:
        """导入日历文件: the county's file for the chosen year, all or nothing, with its report below."""
        year = self.year()
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, f"导入{year}年工作日历", "",
                                                  "日历文件 (*.xlsx *.csv);;所有文件 (*)")
            if not path:
                return
        try:
            report = calendar_service.import_calendar(self.ws, path, year)
        except (ServiceError, StorageError) as exc:
            self._say(getattr(exc, "message", None) or str(exc), ok=False)
            return
        if not report.ok:
            shown = "\n".join(report.errors[:20])
            more = f"\n……另有{len(report.errors) - 20}处" if len(report.errors) > 20 else ""
            self._say(f"“{report.file}”有{len(report.errors)}处问题，没有导入任何内容：\n{shown}{more}", ok=False)
            return
        self.refresh()
        backup = "导入前已自动备份数据库。" if report.backup_path else ""
        self._say(f"已导入“{report.file}”。{report.summary()}。{backup}", ok=True)

    def download_template(self, path: str | Path | None = None) -> Path | None:
        """下载模板: the import's sheet, filled with the year's exceptions when the year is known."""
        year = self.year()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "保存工作日历模板", f"{year}年工作日历.xlsx",
                                                  "Excel 工作簿 (*.xlsx)")
            if not path:
                return None
        try:
            rows = exception_rows(calendar_service.load_calendar(self.ws), year)
            written = write_calendar_template(path, year, rows)
        except OSError as exc:
            self._say(f"无法保存模板“{path}”：{exc.strerror or exc}", ok=False)
            return None
        filled = f"已按程序中的{year}年日历填好{len(rows)}天，请核对后修改" if rows else "表中只有表头，请按县里的通知填写"
        self._say(f"模板已保存到“{written}”：{filled}。", ok=True)
        return written

    def _say(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result_label.show()
