"""The selected ledger row beside the table: every field of the paper ledger, the dated 整改进展 history, the
county's verification records (核查, each its own record), the evidence files (整改佐证材料: 添加证明材料…, 打开,
移除) and links to the spot check or inspection finding the row came from."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain import supervision as sv
from ...services import attachments, inspections, ledger, spot_checks
from ...services.attachments import AttachmentView
from ...services.ledger import LedgerView, ProgressView
from ...services.workspace import Workspace
from ..messages import confirm
from ..roster.feedback import ERROR_COLOR, HINT_COLOR, OK_COLOR, service_message
from .common import STATE_COLORS, day_text, open_file
from .ledger_model import subject_text

LINK_SPOT = "spot"
LINK_FINDING = "finding"


def _label(rich: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size // 1024, 1)} KB"


def facts_html(v: LedgerView) -> str:
    state_color = ERROR_COLOR if v.overdue else STATE_COLORS.get(v.state, "#000")
    state = f'<b style="color:{state_color}">{html.escape(v.state)}{"（逾期）" if v.overdue else ""}</b>'
    rows = [("所属乡镇", html.escape(v.township_name)), ("问题来源", html.escape(v.source)),
            ("发现时间", day_text(v.found_on)), ("责任主体", html.escape(subject_text(v))),
            ("问题描述", html.escape(v.description)), ("整改措施", html.escape(v.measures)),
            ("整改时限", day_text(v.deadline)), ("责任人", html.escape(v.responsible)),
            ("完成时间", day_text(v.completed_on)), ("核查结果", html.escape(v.verification_text)),
            ("是否通报", "是" if v.circulated else "否"), ("当前状态", state)]
    cells = "".join(f"<tr><td style='color:{HINT_COLOR}; padding-right:8px; white-space:nowrap'>{k}</td>"
                    f"<td>{val}</td></tr>" for k, val in rows)
    return f"<table>{cells}</table>"


def entry_text(e: ProgressView) -> str:
    """One history line: the date, 报整改完成 marked, the text, and who recorded it at which site — the
    township's clerk or the county, each on its own PC (§13)."""
    head = f"{e.on:%Y-%m-%d} {'【报整改完成】' if e.kind == sv.DONE_KIND else ''}{e.text}"
    who = "·".join(x for x in (e.recorded_by, e.site_name) if x)
    return f"{head}（{who}）" if who else head


class LedgerDetailPanel(QScrollArea):
    """``show_row(view)`` / ``clear()``; emits ``link_activated(kind, uuid)`` for 抽查 / 督查 links and
    ``changed(text)`` after evidence was added or removed (the page reloads and says ``text``)."""

    link_activated = Signal(str, str)
    changed = Signal(str)
    refused = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.row: LedgerView | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long texts wrap instead
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 0, 6, 6)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("QLabel { font-size: 12pt; font-weight: bold; }")
        self.facts = _label()
        self.history_group = QGroupBox("整改进展")
        self.history_label = _label(rich=False)
        QVBoxLayout(self.history_group).addWidget(self.history_label)
        self.verify_group = QGroupBox("核查记录（县委组织部）")
        self.verify_label = _label()
        QVBoxLayout(self.verify_group).addWidget(self.verify_label)
        self.links_group = QGroupBox("问题来自")
        self.links_label = _label()
        self.links_label.linkActivated.connect(self._link)
        QVBoxLayout(self.links_group).addWidget(self.links_label)
        self.evidence_group = QGroupBox("整改佐证材料")
        self.evidence_list = QListWidget()
        self.evidence_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.evidence_list.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.add_button = QPushButton("添加证明材料…")
        self.open_button = QPushButton("打开")
        self.remove_button = QPushButton("移除")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        evidence = QVBoxLayout(self.evidence_group)
        evidence.addWidget(self.evidence_list)
        evidence.addLayout(buttons)
        for widget in (self.title, self.facts, self.history_group, self.verify_group, self.links_group,
                       self.evidence_group):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        self.add_button.clicked.connect(lambda: self.add_evidence())
        self.open_button.clicked.connect(self.open_evidence)
        self.remove_button.clicked.connect(self.remove_evidence)
        self.evidence_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.evidence_list.itemDoubleClicked.connect(lambda _i: self.open_evidence())
        self.clear()

    # -- showing --------------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.row = None
        self.title.setText("")
        self.facts.setText(f'<span style="color:{HINT_COLOR}">在左边选择一条台账记录，这里显示整改进展、'
                           "核查记录和佐证材料。</span>")
        for group in (self.history_group, self.verify_group, self.links_group, self.evidence_group):
            group.hide()
        self.evidence_list.clear()

    def show_row(self, v: LedgerView) -> None:
        self.row = v
        self.title.setText(f"{v.subject_name or v.subject_kind}　{v.state}")
        self.facts.setText(facts_html(v))
        lines = [entry_text(e) for e in v.entries]
        self.history_label.setText("\n".join(lines) if lines else "尚未登记整改进展")
        self.history_group.show()
        self.verify_label.setText(self._verifications(v))
        self.verify_group.show()
        links = self._links(v)
        self.links_label.setText(links)
        self.links_group.setVisible(bool(links))
        self._show_evidence()
        self.evidence_group.show()

    @staticmethod
    def _verifications(v: LedgerView) -> str:
        if not v.history:
            waiting = "已报整改完成，等待县委组织部核查。" if v.state == sv.STATE_AWAITING else "尚未核查。"
            return f'<span style="color:{HINT_COLOR}">{waiting}</span>'
        lines = []
        for h in v.history:
            color = OK_COLOR if h.result == sv.RESULT_PASSED else ERROR_COLOR
            lines.append(f'<span style="color:{color}">{html.escape(h.text)}</span>')
        return "<br>".join(lines)

    def _links(self, v: LedgerView) -> str:
        parts = []
        try:
            checks = {c.uuid: c for c in spot_checks.list_spot_checks(self.ws)} if v.spot_check_uuids else {}
        except Exception:  # noqa: BLE001 - the links are a convenience; the row itself is shown
            checks = {}
        for uuid in v.spot_check_uuids:
            check = checks.get(uuid)
            if check is None:  # a check this account may not see: not linked
                continue
            text = f"抽查：{check.checked_at:%Y-%m-%d %H:%M} {check.method}（{check.checkers}）"
            parts.append(f'<a href="{LINK_SPOT}:{uuid}">{html.escape(text)}</a>')
        if v.finding_uuids:
            wanted = set(v.finding_uuids)
            try:
                found = [(i, f) for i in inspections.list_inspections(self.ws) for f in i.findings
                         if f.uuid in wanted]
            except Exception:  # noqa: BLE001
                found = []
            for inspection, f in found:
                text = f"督查：{inspection.title}（{day_text(inspection.start_date)}）"
                parts.append(f'<a href="{LINK_FINDING}:{f.uuid}">{html.escape(text)}</a>')
        return "<br>".join(parts)

    def _link(self, href: str) -> None:
        kind, _, uuid = href.partition(":")
        self.link_activated.emit(kind, uuid)

    # -- evidence -------------------------------------------------------------------------------------------
    def _show_evidence(self) -> None:
        self.evidence_list.clear()
        if self.row is None:
            return
        try:
            files = ledger.ledger_evidence(self.ws, self.row.uuid)
        except Exception as exc:  # noqa: BLE001
            self.refused.emit(service_message(exc))
            files = []
        for a in files:
            missing = "" if a.present else "（文件不在本机）"
            item = QListWidgetItem(f"{a.file_name}　{size_text(a.size)}{missing}")
            item.setData(Qt.ItemDataRole.UserRole, a)
            item.setToolTip(f"SHA-256：{a.sha256}\n{a.path}")
            self.evidence_list.addItem(item)
        if not files:
            item = QListWidgetItem("（还没有佐证材料）")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.evidence_list.addItem(item)
        self._update_buttons()

    def evidence(self) -> list[AttachmentView]:
        items = (self.evidence_list.item(i) for i in range(self.evidence_list.count()))
        return [a for item in items if (a := item.data(Qt.ItemDataRole.UserRole)) is not None]

    def current_evidence(self) -> AttachmentView | None:
        item = self.evidence_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        writer = self.ws.actor.can_write and self.row is not None
        self.add_button.setEnabled(writer)
        chosen = self.current_evidence()
        self.open_button.setEnabled(chosen is not None and chosen.present)
        self.remove_button.setEnabled(writer and chosen is not None)

    def add_evidence(self, path: str | Path | None = None) -> bool:
        if self.row is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "添加整改佐证材料", str(Path.home()),
                                                  "佐证材料 (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx "
                                                  "*.wps *.et *.txt);;所有文件 (*)")
            if not path:
                return False
        try:
            added = ledger.attach_evidence(self.ws, self.row.uuid, path)
        except Exception as exc:  # noqa: BLE001
            self.refused.emit(service_message(exc))
            return False
        self.changed.emit(f"已添加佐证材料“{added.file_name}”，已复制到程序的数据目录。")
        return True

    def open_evidence(self) -> None:
        chosen = self.current_evidence()
        if chosen is None:
            return
        try:
            path = attachments.attachment_path(self.ws, chosen.uuid)
        except Exception as exc:  # noqa: BLE001
            self.refused.emit(service_message(exc))
            return
        if not open_file(path):
            self.refused.emit(f"无法打开“{chosen.file_name}”：本机没有能打开这种文件的程序。文件在：{path}")

    def remove_evidence(self, ask: bool = True) -> None:
        chosen = self.current_evidence()
        if chosen is None:
            return
        if ask and not confirm(self, "移除佐证材料", f"从这条台账记录中移除“{chosen.file_name}”吗？", yes="移除"):
            return
        try:
            attachments.remove_attachment(self.ws, chosen.uuid)
        except Exception as exc:  # noqa: BLE001
            self.refused.emit(service_message(exc))
            return
        self.changed.emit(f"已移除佐证材料“{chosen.file_name}”。")
