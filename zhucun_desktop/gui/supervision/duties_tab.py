"""履职事项 (§2, §3, §9, §10, §12, §15, §16, §21): the recurring duties of this office with their state on
``today`` (逾期 / 即将到期 / 待办 / 已完成), grouped by township for the county, filterable by state; 登记活动
registers the event that fulfils the selected duty; below, the events registered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...domain import duties as dd
from ...domain.duties import DutyInstance
from ...services import duties
from ...services.duties import ActivityView, DutyGroup, DutyOverview
from ...services.workspace import Workspace
from ..messages import confirm
from ..table_model import RowsTableModel, fit_columns, fit_width, make_table_view, select_first
from .activity_dialog import ActivityDialog
from .common import STATE_COLORS, StatusLine, day_text, service_message, toolbar

OPEN = "未完成"
STATE_CHOICES = (OPEN, dd.STATE_OVERDUE, dd.STATE_SOON, dd.STATE_TODO, dd.STATE_DONE, "全部")
ALL_GROUPS = "全部"
COL_PEOPLE, COL_NOTE = 4, 8
PEOPLE_CHARS = 20
EVERYTHING = "*"  # the group row of every instance (not a township uuid)


def state_brush(state: str) -> QBrush:
    return QBrush(QColor(STATE_COLORS.get(state, "#000000")))


class GroupModel(RowsTableModel[DutyGroup]):
    HEADERS = ("乡镇", *dd.STATES)
    NUMERIC = frozenset({1, 2, 3, 4})

    def text(self, row: DutyGroup, column: int) -> str:
        return row.township_name if column == 0 else str(row.counts.get(dd.STATES[column - 1], 0))

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and index.column() > 0:
            state = dd.STATES[index.column() - 1]
            if self.row_at(index.row()).counts.get(state):
                return state_brush(state)
        return super().data(index, role)


class DutyModel(RowsTableModel[DutyInstance]):
    HEADERS = ("状态", "履职事项", "依据", "对象", "乡镇", "周期", "截止日期", "完成日期")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.townships: dict[str | None, str] = {}

    def text(self, row: DutyInstance, column: int) -> str:
        state = row.state
        if row.state == dd.STATE_OVERDUE:
            state = f"逾期{-row.days_left}天"
        elif row.state == dd.STATE_SOON:
            state = f"还有{row.days_left}天"
        elif row.state == dd.STATE_DONE and row.late:
            state = "已完成（逾期完成）"
        return (state, row.duty_name, row.rule, row.subject_name, self.townships.get(row.township_uuid, ""),
                row.period_label, day_text(row.due), day_text(row.done_on))[column]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            state = self.row_at(index.row()).state
            if index.column() == 0 or state == dd.STATE_OVERDUE:
                return state_brush(state)
        if index.isValid() and role == Qt.ItemDataRole.FontRole and index.column() == 0:
            bold = QFont()
            bold.setBold(True)
            return bold
        return super().data(index, role)


class ActivityModel(RowsTableModel[ActivityView]):
    HEADERS = ("日期", "类别", "名称", "乡镇", "参加人员", "派出单位", "层级", "附件", "备注")

    def text(self, row: ActivityView, column: int) -> str:
        dates = day_text(row.start_date) + (f"—{row.end_date:%m-%d}" if row.end_date else "")
        files = "、".join(a.file_name for a in row.attachments)
        return (dates, row.kind, row.title, row.township_name or "县委组织部", "、".join(row.person_names),
                row.unit_name, row.level, files, row.note)[column]

    def tooltip(self, row: ActivityView, column: int) -> str | None:
        return self.text(row, column) if column in (COL_PEOPLE, COL_NOTE) else None


class DutiesTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: Callable[[], date]) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today
        self.overview: DutyOverview | None = None
        self.bar = toolbar("履职事项", self)
        self.register_action = QAction("登记活动", self)
        self.register_action.setToolTip("登记谈心谈话、座谈会、培训、例会等活动，完成所选的履职事项")
        self.register_action.triggered.connect(lambda _c=False: self.register())
        self.delete_action = QAction("删除登记", self)
        self.delete_action.setToolTip("删除误登记的活动（它完成的履职事项恢复为未完成）")
        self.delete_action.triggered.connect(lambda _c=False: self.delete_activity())
        for action in (self.register_action, self.delete_action):
            action.setVisible(ws.actor.can_write)
            self.bar.addAction(action)
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.state_combo = QComboBox()
        self.state_combo.addItems(STATE_CHOICES)
        filters = QHBoxLayout()
        filters.setContentsMargins(6, 2, 6, 2)
        filters.addWidget(self.counts_label)
        filters.addStretch(1)
        filters.addWidget(QLabel("状态"))
        filters.addWidget(self.state_combo)
        self.group_model = GroupModel(parent=self)
        self.group_view = make_table_view(self.group_model)
        self.group_view.setVisible(ws.actor.is_county)
        self.duty_model = DutyModel(parent=self)
        self.duty_view = make_table_view(self.duty_model)
        self.activity_model = ActivityModel(parent=self)
        self.activity_view = make_table_view(self.activity_model)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.group_view)
        top.addWidget(self.duty_view)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        activities = QGroupBox("已登记的活动")
        QVBoxLayout(activities).addWidget(self.activity_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(activities)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.state_combo.currentIndexChanged.connect(lambda _i: self._show_duties())
        self.group_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_duties())
        self.duty_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.activity_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.duty_view.doubleClicked.connect(lambda _i: self.register())

    def say(self, text: str, ok: bool = False) -> None:
        self.status.say(text, ok)

    def message(self) -> str:
        return self.status.text()

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        group = self.group()
        keep = group.township_uuid if group is not None else EVERYTHING
        try:
            self.overview = duties.duty_overview(self.ws, today=self.today())
            activities = duties.list_activities(self.ws, since=date(self.today().year - 1, 1, 1))
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法读取履职事项：{service_message(exc)}")
            return
        self.duty_model.townships = {g.township_uuid: g.township_name for g in self.overview.groups}
        everything = DutyGroup(EVERYTHING, ALL_GROUPS, self.overview.instances, self.overview.counts)
        self.group_model.set_rows([everything, *self.overview.groups])
        fit_columns(self.group_view, padding=12, minimum=40)
        self.group_view.horizontalHeader().setStretchLastSection(False)
        fit_width(self.group_view)
        rows = [self.group_model.row_at(r).township_uuid for r in range(self.group_model.rowCount())]
        self.group_view.selectRow(rows.index(keep) if keep in rows else 0)
        self.activity_model.set_rows(activities)
        fit_columns(self.activity_view)
        widest = self.fontMetrics().horizontalAdvance("汉" * PEOPLE_CHARS)
        self.activity_view.setColumnWidth(COL_PEOPLE, min(self.activity_view.columnWidth(COL_PEOPLE), widest))
        self._show_duties()

    def group(self) -> DutyGroup | None:
        index = self.group_view.currentIndex()
        return self.group_model.row_at(index.row()) if index.isValid() else None

    def select_group(self, township_name: str) -> None:
        select_first(self.group_view, self.group_model, lambda r: r.township_name == township_name)

    def set_state(self, state: str) -> None:
        self.state_combo.setCurrentText(state)

    def _show_duties(self) -> None:
        group = self.group()
        instances = list(group.instances) if group is not None else []
        counts = group.counts if group is not None else dict.fromkeys(dd.STATES, 0)
        chosen = self.state_combo.currentText()
        if chosen == OPEN:
            instances = sorted((i for i in instances if i.state != dd.STATE_DONE),
                               key=lambda i: (i.state != dd.STATE_OVERDUE, i.due, i.duty_name, i.subject_name))
        elif chosen in dd.STATES:
            instances = [i for i in instances if i.state == chosen]
        self.duty_model.set_rows(instances)
        fit_columns(self.duty_view)
        where = "" if group is None or group.township_uuid == EVERYTHING else f"{group.township_name}："
        parts = [f'<span style="color:{STATE_COLORS[s]}"><b>{s} {counts.get(s, 0)}</b></span>' for s in dd.STATES]
        self.counts_label.setText(f"{where}{'　'.join(parts)}")
        self._update_actions()

    def duties_shown(self) -> list[DutyInstance]:
        return self.duty_model.rows()

    def current_duty(self) -> DutyInstance | None:
        index = self.duty_view.currentIndex()
        return self.duty_model.row_at(index.row()) if index.isValid() else None

    def current_activity(self) -> ActivityView | None:
        index = self.activity_view.currentIndex()
        return self.activity_model.row_at(index.row()) if index.isValid() else None

    def _update_actions(self) -> None:
        self.delete_action.setEnabled(self.ws.actor.can_write and self.current_activity() is not None)

    # -- actions --------------------------------------------------------------------------------------------
    def register(self) -> None:
        if not self.ws.actor.can_write:
            return
        duty = self.current_duty()
        dialog = ActivityDialog(self.ws, self, duty=duty if duty and duty.state != dd.STATE_DONE else None,
                                today=self.today())
        if dialog.exec():
            self.reload()
            self.say(f"已登记{dialog.kind_combo.currentText()}。", ok=True)

    def delete_activity(self, ask: bool = True) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        text = f"删除{day_text(activity.start_date)}的“{activity.title or activity.kind}”吗？它完成的履职事项将恢复为未完成。"
        if ask and not confirm(self, "删除登记", text, yes="删除"):
            return
        try:
            duties.delete_activity(self.ws, activity.uuid)
        except Exception as exc:  # noqa: BLE001
            self.say(service_message(exc))
            return
        self.reload()
        self.say("登记已删除。", ok=True)
