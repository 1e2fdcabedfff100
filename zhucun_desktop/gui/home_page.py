"""首页: what is true today — people in post per township, the attendance tables' states and due dates (§7),
terms ending soon or overdue, the last backup.

Only figures the program really has are shown; each comes from one function of ``services.dashboard``, which
limits a township user to its own township. A month's table can be opened in the 考勤 page from here: the page
emits ``open_month(township_uuid, year, month)`` and the main window switches pages.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..services import dashboard
from ..services.dashboard import Month, MonthState, TermReminder, TownshipCounts
from ..services.workspace import Workspace
from .labels import backup_reason_label, date_text, datetime_text
from .leave.home_panel import LeaveSummaryPanel
from .supervision.duty_panel import DutySummaryPanel
from .table_model import RowsTableModel, fit_columns, fit_rows, fit_width, make_table_view

COUNTS_MAX_ROWS = 25
REMINDERS_MAX_ROWS = 10
MONTHS_MAX_ROWS = 25
OVERDUE_COLOUR = QColor("#C62828")
FILED = "已报送"


class CountsModel(RowsTableModel[TownshipCounts]):
    COL_TOWNSHIP = 0
    COL_VILLAGES = 1
    COL_FIRST_SECRETARIES = 2
    COL_TEAM_MEMBERS = 3
    COL_UNITS = 4
    HEADERS = ("乡镇", "村", "在岗第一书记", "在岗工作队员", "派出单位")
    NUMERIC = frozenset({COL_VILLAGES, COL_FIRST_SECRETARIES, COL_TEAM_MEMBERS, COL_UNITS})

    def text(self, row: TownshipCounts, column: int) -> str:
        values = (row.township_name, row.villages, row.first_secretaries, row.team_members, row.units)
        return str(values[column])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.row_at(index.row()).township_uuid is None:
            font = QFont()
            font.setBold(True)
            return font  # the 合计 line
        return super().data(index, role)


class ReminderModel(RowsTableModel[TermReminder]):
    COL_NAME = 0
    COL_ROLE = 1
    COL_TOWNSHIP = 2
    COL_VILLAGE = 3
    COL_TERM_END = 4
    COL_DAYS = 5
    HEADERS = ("姓名", "驻村角色", "所属乡镇", "所驻村", "任期届满", "")
    NUMERIC = frozenset({COL_DAYS})

    def __init__(self, days_header: str, parent=None) -> None:
        super().__init__((), parent)
        self.HEADERS = (*ReminderModel.HEADERS[:-1], days_header)

    def text(self, row: TermReminder, column: int) -> str:
        if column == self.COL_DAYS:
            return f"还剩{row.days}天" if row.days >= 0 else f"已过{-row.days}天"
        values = (row.person_name, row.role, row.township_name, row.village_name, date_text(row.term_end_date))
        return values[column]


def month_text(year: int, month: int) -> str:
    return f"{year}年{month}月"


def due_text(state: MonthState) -> str:
    """§7's due date, or which year's calendar is missing (a due date is never guessed)."""
    if state.due is None:
        return f"缺少{state.missing_year}年工作日历" if state.missing_year else "—"
    return f"{state.due.month}月{state.due.day}日"


def left_text(state: MonthState) -> str:
    """Days to the due date, 逾期N天 when late; nothing once filed (已报送 stops the clock)."""
    if state.state == FILED:
        return ""
    if state.days_left is None:
        return "—"
    if state.overdue:
        return f"逾期{-state.days_left}天"
    return "今天截止" if state.days_left == 0 else f"还剩{state.days_left}天"


def _overdue_style(role: int) -> object:
    if role == Qt.ItemDataRole.ForegroundRole:
        return OVERDUE_COLOUR
    font = QFont()
    font.setBold(True)
    return font


class MonthStatesModel(RowsTableModel[MonthState]):
    """A township's months: 月份, 状态, 报送截止, 剩余天数; a late month in red."""

    COL_MONTH = 0
    COL_STATE = 1
    COL_DUE = 2
    COL_LEFT = 3
    HEADERS = ("月份", "状态", "报送截止", "剩余天数")

    def text(self, row: MonthState, column: int) -> str:
        values = (month_text(row.year, row.month), row.state, due_text(row), left_text(row))
        return values[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid()
                and index.column() in (self.COL_STATE, self.COL_LEFT) and self.row_at(index.row()).overdue):
            return _overdue_style(role)
        return super().data(index, role)


class CountyMonthsModel(RowsTableModel[tuple[str, str, dict[Month, MonthState]]]):
    """Townships × months: each cell the month's state and, until filed, the days left or 逾期N天 in red.
    The due date is the same for every township, so it sits in the column header."""

    COL_TOWNSHIP = 0

    def __init__(self, parent=None) -> None:
        super().__init__((), parent)
        self.months: list[Month] = []
        self.HEADERS = ("乡镇",)

    def set_states(self, months: list[Month], states: list[MonthState]) -> None:
        by_township: dict[str, tuple[str, str, dict[Month, MonthState]]] = {}
        first: dict[Month, MonthState] = {}
        for s in states:
            row = by_township.setdefault(s.township_uuid, (s.township_uuid, s.township_name, {}))
            row[2][(s.year, s.month)] = s
            first.setdefault((s.year, s.month), s)
        self.months = list(months)
        self.HEADERS = ("乡镇", *(self._header(m, first.get(m)) for m in months))
        self.set_rows(sorted(by_township.values(), key=lambda r: r[1]))

    @staticmethod
    def _header(month: Month, state: MonthState | None) -> str:
        if state is None:
            return month_text(*month)
        return f"{month_text(*month)}\n{due_text(state)}{'截止' if state.due is not None else ''}"

    def state_at(self, row: int, column: int) -> MonthState | None:
        if column < 1 or column > len(self.months):
            return None
        return self.row_at(row)[2].get(self.months[column - 1])

    def text(self, row, column: int) -> str:
        if column == self.COL_TOWNSHIP:
            return row[1]
        state = row[2].get(self.months[column - 1])
        if state is None:
            return "—"  # nobody was posted in the township that month
        left = left_text(state)
        return f"{state.state}，{left}" if left and left != "—" else state.state

    def tooltip(self, row, column: int) -> str | None:
        state = row[2].get(self.months[column - 1]) if column else None
        if state is None:
            return None
        return f"{row[1]}{month_text(state.year, state.month)}考勤表：{state.state}，报送截止：{due_text(state)}"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid():
            state = self.state_at(index.row(), index.column())
            if state is not None and state.overdue:
                return _overdue_style(role)
        return super().data(index, role)


class HomePage(QWidget):
    open_month = Signal(str, int, int)  # township uuid, year, month: show that table in the 考勤 page
    open_duties = Signal()  # 查看全部 of the 履职事项 box: the 督查与台账 page's duty tab

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._today = today  # None: the real date at each refresh (tests pin a day)
        self.setObjectName("homePage")
        content = QWidget()
        page = QVBoxLayout(content)
        page.setContentsMargins(16, 12, 16, 12)
        page.setSpacing(14)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.today_label = QLabel()
        page.addWidget(self.heading)
        page.addWidget(self.today_label)
        # Two columns on a wide screen: the numbers and the monthly tables on the left, what needs doing
        # (leave, duties, terms) on the right, so a clerk sees it all without scrolling.
        columns = QHBoxLayout()
        columns.setSpacing(16)
        layout, right = QVBoxLayout(), QVBoxLayout()
        layout.setSpacing(14)
        right.setSpacing(14)
        columns.addLayout(layout, 1)
        columns.addLayout(right, 1)
        page.addLayout(columns)

        self.counts = CountsModel()
        self.counts_view = make_table_view(self.counts)
        self.counts_view.horizontalHeader().setStretchLastSection(False)
        self.counts_box = self._box(layout, "", self.counts_view, None)
        self._build_months(layout)
        self.leave_panel = LeaveSummaryPanel(ws, today=today)
        right.addWidget(self.leave_panel)
        self.duty_panel = DutySummaryPanel(ws, today=today)
        self.duty_panel.open_requested.connect(self.open_duties)
        right.addWidget(self.duty_panel)

        self.ending = ReminderModel("剩余天数")
        self.ending_view = make_table_view(self.ending)
        self.ending_view.horizontalHeader().setStretchLastSection(False)
        self.ending_empty = QLabel()
        self._box(right, f"期满提醒（{dashboard.TERM_REMINDER_DAYS}天内任期届满）", self.ending_view,
                  self.ending_empty)

        self.overdue = ReminderModel("超过天数")
        self.overdue_view = make_table_view(self.overdue)
        self.overdue_view.horizontalHeader().setStretchLastSection(False)
        self.overdue_empty = QLabel("没有任期已满而未登记离岗的驻村干部。")
        overdue_hint = QLabel("任期已满（按规定一般不少于2年，期满有序轮换），而花名册中还没有登记离岗的驻村干部。"
                              "请在花名册中登记离岗日期，或按规定办理轮换。")
        overdue_hint.setWordWrap(True)
        self.overdue_hint = overdue_hint
        self._box(right, "任期已满、尚未登记离岗", self.overdue_view, self.overdue_empty, overdue_hint)
        right.addStretch(1)

        self.backup_label = QLabel()
        self.backup_label.setObjectName("lastBackup")
        layout.addWidget(self.backup_label)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def _build_months(self, layout: QVBoxLayout) -> None:
        """考勤表报送情况 (§7): a township's recent months, or the county's townships × months."""
        if self.ws.actor.is_county:
            self.months = CountyMonthsModel()
            view = make_table_view(self.months)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        else:
            self.months = MonthStatesModel()
            view = make_table_view(self.months)
        view.horizontalHeader().setStretchLastSection(False)
        view.doubleClicked.connect(self._open_index)
        self.months_view = view
        self.months_empty = QLabel("近几个月没有在岗的驻村干部，没有要报送的考勤表。")
        # Two short lines rather than word wrap: a wrapped label makes the scroll area reserve its height at the
        # narrowest width, and the page would scroll with nothing below.
        self.months_hint = QLabel("考勤表由乡镇党委书记签字、党委盖章后，于次月第5个工作日前报送县委组织部（§7）。\n"
                                  "只有“已报送”才算报送，红色为逾期未报送；双击可在考勤页中打开该月考勤表。")
        self.open_button = QPushButton("在考勤页中打开")
        self.open_button.clicked.connect(lambda: self._open_index(view.currentIndex()))
        view.selectionModel().currentChanged.connect(lambda *_: self._update_open_button())
        box = self._box(layout, "", view, self.months_empty, self.months_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        box.layout().addLayout(buttons)
        self.months_box = box

    def _month_at(self, index: QModelIndex) -> MonthState | None:
        if not index.isValid():
            return None
        if isinstance(self.months, CountyMonthsModel):
            return self.months.state_at(index.row(), index.column())
        return self.months.row_at(index.row())

    def _open_index(self, index: QModelIndex) -> None:
        state = self._month_at(index)
        if state is not None:
            self.open_month.emit(state.township_uuid, state.year, state.month)

    def _update_open_button(self) -> None:
        self.open_button.setEnabled(self._month_at(self.months_view.currentIndex()) is not None)

    def _box(self, layout: QVBoxLayout, title: str, view: QTableView, empty: QLabel | None,
             hint: QLabel | None = None) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        if hint is not None:
            inner.addWidget(hint)
        inner.addWidget(view)
        if empty is not None:
            inner.addWidget(empty)
        layout.addWidget(box)
        return box

    def refresh(self) -> None:
        today = self._today or date.today()
        county = self.ws.actor.is_county
        self.heading.setText("首页")
        self.today_label.setText(f"今天是{today.year}年{today.month}月{today.day}日，以下数字按今天计算。")
        rows = dashboard.township_counts(self.ws, today)
        if county:
            self.counts_box.setTitle("各乡镇在岗人数")
            rows.append(dashboard.county_total(self.ws, today))
        else:
            self.counts_box.setTitle("本乡镇在岗人数")
        self.counts.set_rows(rows)
        self._show(self.counts_view, None, COUNTS_MAX_ROWS)
        self._refresh_months(today)
        self.leave_panel.refresh()
        self.duty_panel.refresh()

        for view in (self.ending_view, self.overdue_view):
            view.setColumnHidden(ReminderModel.COL_TOWNSHIP, not county)
        self.ending.set_rows(dashboard.terms_ending(self.ws, on=today))
        self.ending_empty.setText(f"{dashboard.TERM_REMINDER_DAYS}天内没有任期届满的驻村干部。")
        self._show(self.ending_view, self.ending_empty, REMINDERS_MAX_ROWS)
        self.overdue.set_rows(dashboard.terms_overdue(self.ws, on=today))
        self._show(self.overdue_view, self.overdue_empty, REMINDERS_MAX_ROWS)
        self.overdue_hint.setVisible(self.overdue.rowCount() > 0)

        last = dashboard.last_backup(self.ws)
        if last is None:
            self.backup_label.setText("最近一次备份：还没有备份。请在“系统设置 → 数据备份”中点“立即备份”。")
        else:
            self.backup_label.setText(
                f"最近一次备份：{datetime_text(last.created_at)}（{backup_reason_label(last.reason)}）")

    def _refresh_months(self, today: date) -> None:
        if isinstance(self.months, CountyMonthsModel):
            months, states = dashboard.county_month_states(self.ws, today)
            self.months.set_states(months, states)
            late = sum(s.overdue for s in states)
            self.months_box.setTitle(f"各乡镇考勤表报送情况（近{dashboard.RECENT_MONTHS}个月"
                                     f"{f'，逾期{late}个' if late else ''}）")
        else:
            self.months.set_rows(dashboard.township_month_states(self.ws, today))
            self.months_box.setTitle("本乡镇考勤表报送情况")
        self._show(self.months_view, self.months_empty, MONTHS_MAX_ROWS)
        self.open_button.setVisible(self.months.rowCount() > 0)
        self._update_open_button()

    def _show(self, view: QTableView, empty: QLabel | None, max_rows: int) -> None:
        has_rows = view.model().rowCount() > 0
        view.setVisible(has_rows or empty is None)
        if empty is not None:
            empty.setVisible(not has_rows)
        fit_rows(view, max_rows)
        fit_columns(view, minimum=90)
        fit_width(view)
