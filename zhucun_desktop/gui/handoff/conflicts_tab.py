"""冲突记录: rows an import kept aside (never dropped, never silently overwritten). The reviewer reads the incoming
row field by field, then merges again once the cause is gone (重新合并: the missing person arrived) or closes it
with a note, keeping this database's record (关闭（不采用）)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...handoff.conflicts import ConflictView, dismiss_conflict, list_conflicts, retry_conflicts
from ...services.errors import ServiceError
from ...services.workspace import Workspace
from ...storage.errors import StorageError
from ..labels import field_label, utc_datetime_text
from ..roster.feedback import HINT_COLOR, service_message
from ..table_model import fit_columns, make_table_view
from .common import Banner, iso_text
from .models import ConflictModel

MIN_NOTE = 2
# Bookkeeping columns shown last in the detail, under the fields a reviewer reads first.
TECHNICAL = ("uuid", "origin_site", "version", "updated_at", "deleted")
# The words of the paper forms for the fields of the records a township sends (``labels.field_label`` knows the
# roster's; these are the attendance and leave forms').
FORM_FIELDS: dict[str, dict[str, str]] = {
    "attendance_days": {"day": "日期", "code": "考勤符号", "source": "登记方式", "note": "备注"},
    "attendance_months": {"month": "月份", "state": "考勤表状态", "content_hash": "校验码", "sealed_at": "封存时间",
                          "sealed_by": "封存人", "submitted_at": "报送时间"},
    "month_seal_events": {"month_uuid": "月度考勤表", "action": "操作", "content_hash": "校验码", "actor": "操作人",
                          "at": "时间"},
    "leave_requests": {"kind": "请假类别", "days": "天数", "destination": "外出地点", "reason": "请假事由",
                       "contact": "离县期间联系方式", "handover_person_uuid": "工作交接人", "chain": "审批流程",
                       "rule_set_uuid": "审批规则", "rule_set_number": "规则版本", "extends_uuid": "续假自",
                       "filed_on": "申请日期"},
    "leave_steps": {"request_uuid": "请假申请", "step_no": "步骤", "body": "审批单位", "signer": "签字人",
                    "decision": "意见", "decided_on": "日期", "remark": "备注"},
    "leave_returns": {"request_uuid": "请假申请", "returned_on": "返岗日期", "registered_on": "销假登记日期"},
}


def _field(table: str, key: str) -> str:
    return FORM_FIELDS.get(table, {}).get(key) or field_label(table, key)


def incoming_html(c: ConflictView, label_width: int = 110) -> str:
    """The kept-aside row as a readable field list (the field names of the paper forms where known)."""
    head = [("数据表", c.table_label), ("来自", f"{c.source_name}第{c.sequence}号数据包" if c.sequence else c.source_name),
            ("收到时间", utc_datetime_text(c.at)), ("原因", c.reason), ("状态", "已处理" if c.resolved else "待处理")]
    fields = [k for k in c.incoming if k not in TECHNICAL] + [k for k in TECHNICAL if k in c.incoming]
    rows = [(_field(c.table, k), _value(c.incoming[k])) for k in fields]

    def table(pairs: list[tuple[str, str]]) -> str:
        return "<table>" + "".join(
            f"<tr><td width='{label_width}' style='color:{HINT_COLOR}; padding-right:8px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>" for k, v in pairs) + "</table>"

    return f"{table(head)}<p><b>收到的记录</b></p>{table(rows)}"


def _value(value: Any) -> str:
    if value is None:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, str) and len(value) > 18 and value[10:11] == "T":
        return iso_text(value) or value  # a UTC time as stored: shown in the PC's local time
    return str(value)


class ConflictsTab(QWidget):
    """``changed(open_count)`` after every load, for the tab title."""

    changed = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = ConflictModel(parent=self)
        self.view = make_table_view(self.model)
        self.view.setSelectionMode(self.view.SelectionMode.ExtendedSelection)
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        scroll.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉" * 28))
        self.show_resolved = QCheckBox("显示已处理的")
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.retry_button = QPushButton("重新合并所选")
        self.retry_button.setToolTip("原因已经消除（例如人员已由后来的数据包带来）时，按同样的规则再合并一次")
        self.retry_all_button = QPushButton("全部重新合并")
        self.dismiss_button = QPushButton("关闭（不采用）…")
        self.dismiss_button.setToolTip("不采用收到的记录，保留本机的记录；须写明处理意见")
        self.retry_button.clicked.connect(lambda: self.retry(selected=True))
        self.retry_all_button.clicked.connect(lambda: self.retry(selected=False))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.message = Banner()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        for w in (self.retry_button, self.retry_all_button, self.dismiss_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.show_resolved)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        writer = ws.actor.can_write
        for b in (self.retry_button, self.retry_all_button, self.dismiss_button):
            b.setVisible(writer)

    def refresh(self) -> None:
        rows = list_conflicts(self.ws, include_resolved=self.show_resolved.isChecked())
        self.model.set_rows(rows)
        fit_columns(self.view)
        if rows:
            self.view.selectRow(0)
        self._selection_changed()
        self.changed.emit(sum(1 for r in rows if not r.resolved))

    def selected(self) -> list[ConflictView]:
        return [self.model.row_at(i.row()) for i in self.view.selectionModel().selectedRows()]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        if chosen:
            self.detail.setText(incoming_html(chosen[0], self.fontMetrics().horizontalAdvance("汉" * 8)))
        else:
            self.detail.setText(f"<span style='color:{HINT_COLOR}'>没有待处理的冲突。导入数据包时不能合并的记录会放在这里，"
                                "不会丢弃，也不会覆盖本机的记录。</span>" if not self.model.rowCount() else
                                f"<span style='color:{HINT_COLOR}'>在左边选择一条冲突记录。</span>")
        open_rows = [c for c in chosen if not c.resolved]
        self.retry_button.setEnabled(bool(open_rows))
        self.dismiss_button.setEnabled(len(open_rows) == 1)
        self.retry_all_button.setEnabled(any(not r.resolved for r in self.model.rows()))

    def retry(self, *, selected: bool) -> None:
        ids = [c.id for c in self.selected() if not c.resolved] if selected else None
        try:
            result = retry_conflicts(self.ws, ids)
        except (ServiceError, StorageError) as exc:
            self.message.say(service_message(exc), "error")
            return
        self.refresh()
        if result.still:
            self.message.say(f"重新合并：成功{result.merged}条，仍有{result.still}条不能合并（原因见表中）。", "warning")
        else:
            self.message.say(f"重新合并：成功{result.merged}条，已写入本机数据库。", "ok")

    def dismiss(self) -> None:
        chosen = [c for c in self.selected() if not c.resolved]
        if len(chosen) != 1:
            return
        c = chosen[0]
        dialog = QInputDialog(self)
        dialog.setWindowTitle("关闭冲突（不采用）")
        dialog.setLabelText(f"不采用收到的这条{c.table_label}记录，保留本机的记录。\n"
                            f"处理意见（至少{MIN_NOTE}个字，将记入审计）：")
        dialog.setOkButtonText("关闭（不采用）")
        dialog.setCancelButtonText("取消")
        if not dialog.exec():
            return
        note = dialog.textValue().strip()
        if len(note) < MIN_NOTE:
            self.message.say(f"处理意见：至少{MIN_NOTE}个字，请写明为什么不采用；冲突未关闭。", "error")
            return
        try:
            dismiss_conflict(self.ws, c.id, note)
        except (ServiceError, StorageError) as exc:
            self.message.say(service_message(exc), "error")
            return
        self.refresh()
        self.message.say(f"已关闭这条冲突，保留本机的记录（处理意见：{note}）。", "ok")
