"""The 履职事项 box of the 首页: this office's 逾期 / 即将到期 / 待办 counts (the county: all townships) and the
first open items, most urgent first, overdue in red. 查看全部… asks the main window for the 督查与台账 page."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain import duties as dd
from ...domain.duties import DutyInstance
from ...services import duties
from ...services.duties import DutyOverview
from ...services.workspace import Workspace
from ..table_model import RowsTableModel, fit_columns, fit_rows, make_table_view
from .common import STATE_COLORS, day_text, service_message
from .duties_tab import state_brush

ITEMS_SHOWN = 8
SHOWN_STATES = (dd.STATE_OVERDUE, dd.STATE_SOON, dd.STATE_TODO)


class OpenItemsModel(RowsTableModel[DutyInstance]):
    HEADERS = ("状态", "对象", "乡镇", "截止日期", "履职事项")
    COL_TOWNSHIP = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.townships: dict[str | None, str] = {}

    def text(self, row: DutyInstance, column: int) -> str:
        state = f"逾期{-row.days_left}天" if row.state == dd.STATE_OVERDUE else row.state
        return (state, row.subject_name, self.townships.get(row.township_uuid, ""), day_text(row.due),
                row.duty_name)[column]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            state = self.row_at(index.row()).state
            if index.column() == 0 or state == dd.STATE_OVERDUE:
                return state_brush(state)
        return super().data(index, role)


class DutySummaryPanel(QGroupBox):
    """``DutySummaryPanel(ws, today=)``; ``refresh()`` reads ``duty_overview`` (the owner calls it, first when
    shown). ``open_requested`` is emitted by 查看全部…"""

    open_requested = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__("履职事项", parent)
        self.ws = ws
        self._fixed_today = today
        self.overview: DutyOverview | None = None
        self.count_labels: dict[str, QLabel] = {}
        counts = QHBoxLayout()
        for state in SHOWN_STATES:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            self.count_labels[state] = label
            counts.addWidget(label)
            counts.addSpacing(12)
        counts.addStretch(1)
        self.more_button = QPushButton("查看全部…")
        self.more_button.clicked.connect(self.open_requested.emit)
        counts.addWidget(self.more_button)
        self.model = OpenItemsModel(parent=self)
        self.view = make_table_view(self.model)
        self.empty_label = QLabel("本期没有未完成的履职事项。")
        self.empty_label.setStyleSheet(f"color: {STATE_COLORS[dd.STATE_DONE]}")
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_label)
        # Filled by refresh(); the home page calls it with its own (one reading of the duties at start).

    def today(self) -> date:
        return self._fixed_today or date.today()

    def refresh(self) -> None:
        try:
            self.overview = duties.duty_overview(self.ws, today=self.today())
        except Exception as exc:  # noqa: BLE001 - the home page stays usable
            for label in self.count_labels.values():
                label.setText("")
            self.count_labels[dd.STATE_OVERDUE].setText(f"无法读取履职事项：{service_message(exc)}")
            self.model.set_rows([])
            return
        for state, label in self.count_labels.items():
            label.setText(f'{state}<b style="color:{STATE_COLORS[state]}; font-size:14pt"> '
                          f"{self.overview.counts.get(state, 0)}</b>")
        items = self.overview.open_items()[:ITEMS_SHOWN]
        self.model.townships = {g.township_uuid: g.township_name for g in self.overview.groups}
        self.model.set_rows(items)
        self.view.setColumnHidden(OpenItemsModel.COL_TOWNSHIP, not self.ws.actor.is_county)
        fit_columns(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)  # the duty's name takes what is left, elided
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        fit_rows(self.view, ITEMS_SHOWN)
        self.view.setVisible(bool(items))
        self.empty_label.setVisible(not items)

    def counts(self) -> dict[str, int]:
        """The figures shown, by state."""
        return {state: int(re.sub(r"<[^>]*>", "", label.text()).removeprefix(state).strip())
                for state, label in self.count_labels.items()}
