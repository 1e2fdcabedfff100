"""重大事项 (§12, §21): injury or death, negative public opinion, violation of discipline or law — registered at
once with when it happened, when and by whom it was reported, the township and the cadre concerned."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from ...domain import supervision as sv
from ...services import incidents
from ...services.incidents import IncidentView
from ...services.workspace import Workspace
from ..table_model import RowsTableModel, fit_columns, make_table_view
from .common import (
    FormDialog,
    StatusLine,
    cadres_on,
    datetime_edit,
    fill_townships,
    from_qdatetime,
    service_message,
    text_box,
    toolbar,
)

NO_PERSON = "（不涉及具体人员）"
COL_DESCRIPTION = 6
DESCRIPTION_CHARS = 30


class IncidentModel(RowsTableModel[IncidentView]):
    HEADERS = ("发生时间", "事项类别", "乡镇", "涉及人员", "报告时间", "报告人", "情况描述")

    def text(self, row: IncidentView, column: int) -> str:
        return (f"{row.occurred_at:%Y-%m-%d %H:%M}", row.kind, row.township_name, row.person_name,
                f"{row.reported_at:%Y-%m-%d %H:%M}", row.reporter, row.description)[column]

    def tooltip(self, row: IncidentView, column: int) -> str | None:
        return row.description if column == COL_DESCRIPTION else None


class IncidentDialog(FormDialog):
    """登记重大事项; ``result_value``: the incident's uuid."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, now: datetime | None = None) -> None:
        super().__init__("登记重大事项", parent, width_chars=44)
        self.ws = ws
        self.now = (now or datetime.now()).replace(second=0, microsecond=0)
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(sv.INCIDENT_KINDS)
        self.occurred_edit = datetime_edit(self.now)
        self.reported_edit = datetime_edit(self.now)
        self.reporter_edit = QLineEdit()
        self.reporter_edit.setPlaceholderText("如：东风镇党委 组织委员 张华")
        self.township_combo = QComboBox()
        fill_townships(self.township_combo, ws, "（请选择）" if ws.actor.is_county else None)
        self.township_combo.setEnabled(ws.actor.is_county)
        self.person_combo = QComboBox()
        self.description_edit = text_box(4, self)
        for label, widget in (("事项类别", self.kind_combo), ("发生时间", self.occurred_edit),
                              ("报告时间", self.reported_edit), ("报告人", self.reporter_edit),
                              ("所属乡镇", self.township_combo), ("涉及人员", self.person_combo),
                              ("情况描述", self.description_edit)):
            self.form.addRow(label, widget)
        self.map_fields({"事项类别": self.kind_combo, "发生时间": self.occurred_edit, "报告时间": self.reported_edit,
                         "报告人": self.reporter_edit, "情况描述": self.description_edit,
                         "所属乡镇": self.township_combo})
        self.township_combo.currentIndexChanged.connect(lambda _i: self.fill_people())
        self.occurred_edit.dateChanged.connect(lambda _d: self.fill_people())
        self.fill_people()

    def fill_people(self) -> None:
        self.person_combo.clear()
        self.person_combo.addItem(NO_PERSON, None)
        township = self.township_combo.currentData()
        if township:
            day = from_qdatetime(self.occurred_edit.dateTime()).date()
            for uuid, name, role, village in cadres_on(self.ws, township, day):
                self.person_combo.addItem(f"{name}（{village}，{role}）", uuid)

    def save(self) -> None:
        self.run(lambda: incidents.register_incident(
            self.ws, kind=self.kind_combo.currentText(), occurred_at=from_qdatetime(self.occurred_edit.dateTime()),
            reported_at=from_qdatetime(self.reported_edit.dateTime()), reporter=self.reporter_edit.text(),
            description=self.description_edit.toPlainText(), township_uuid=self.township_combo.currentData(),
            person_uuid=self.person_combo.currentData(), now=max(self.now, datetime.now())))


class IncidentsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: Callable[[], date]) -> None:
        super().__init__(parent)
        self.ws = ws
        self.today = today
        self.bar = toolbar("重大事项", self)
        self.new_action = QAction("登记重大事项", self)
        self.new_action.setToolTip("发生负伤、去世、负面舆情、违纪违法等重大情况，第一时间登记报告（§12、§21）")
        self.new_action.triggered.connect(lambda _c=False: self.register())
        self.new_action.setVisible(ws.actor.can_write)
        self.bar.addAction(self.new_action)
        self.model = IncidentModel(parent=self)
        self.view = make_table_view(self.model)
        self.view.setWordWrap(True)
        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def say(self, text: str, ok: bool = False) -> None:
        self.status.say(text, ok)

    def refresh(self) -> None:
        try:
            self.model.set_rows(incidents.list_incidents(self.ws))
        except Exception as exc:  # noqa: BLE001
            self.say(f"无法读取重大事项：{service_message(exc)}")
            return
        fit_columns(self.view)
        self.view.setColumnWidth(COL_DESCRIPTION, min(self.view.columnWidth(COL_DESCRIPTION),
                                                      self.fontMetrics().horizontalAdvance("汉" * DESCRIPTION_CHARS)))
        self.view.resizeRowsToContents()

    def register(self) -> None:
        clock = datetime.now()
        now = clock if self.today() == clock.date() else datetime.combine(self.today(), clock.time())
        dialog = IncidentDialog(self.ws, self, now=now)
        if dialog.exec():
            self.refresh()
            self.say("重大事项已登记。", ok=True)

    def rows(self) -> list[IncidentView]:
        return self.model.rows()


__all__ = ["IncidentDialog", "IncidentsTab"]
