"""The forms of 督查与通报 (§14): a new inspection, a finding (optionally a new ledger row for it, or linked to an
existing one), and a circular (通报) drafted from chosen findings with its title, 文号, body and date editable."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ...domain import supervision as sv
from ...services import inspections, ledger
from ...services.inspections import CircularView, InspectionView
from ...services.ledger import LedgerInput
from ...services.workspace import Workspace
from .common import FormDialog, date_edit, fill_townships, from_qdate, hint, text_box
from .ledger_dialogs import LedgerDialog

NEW_LEDGER = "new"
NO_LEDGER = ""
FINDING_DEADLINE_DAYS = 30


class InspectionDialog(FormDialog):
    """新增督查: name, 定期/不定期, dates and how it was done. ``result_value``: the inspection's uuid."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__("新增督查", parent)
        self.ws = ws
        today = today or date.today()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(f"如：{today.year}年驻村工作专项督查")
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(sv.INSPECTION_KINDS)
        self.start_edit = date_edit(today)
        self.end_edit = date_edit(today)
        self.summary_edit = text_box(3, self)
        self.summary_edit.setPlaceholderText("随机抽查、实地调研、走访群众、查阅资料、电话询问……")
        self.form.addRow("督查名称", self.title_edit)
        self.form.addRow("督查类别", self.kind_combo)
        self.form.addRow("开始日期", self.start_edit)
        self.form.addRow("结束日期", self.end_edit)
        self.form.addRow("督查方式和概况", self.summary_edit)
        self.map_fields({"督查名称": self.title_edit, "督查类别": self.kind_combo, "督查日期": self.end_edit})
        self.start_edit.dateChanged.connect(lambda d: self.end_edit.setDate(max(d, self.end_edit.date())))

    def save(self) -> None:
        self.run(lambda: inspections.create_inspection(
            self.ws, title=self.title_edit.text(), kind=self.kind_combo.currentText(),
            start_date=from_qdate(self.start_edit.date()), end_date=from_qdate(self.end_edit.date()),
            summary=self.summary_edit.toPlainText()))


class FindingDialog(FormDialog):
    """登记发现问题: the township, what was found, and its ledger row — a new one (the ledger form opens with
    the draft), an existing one of the township, or none yet. ``result_value``: the finding's uuid."""

    def __init__(self, ws: Workspace, inspection: InspectionView, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(f"登记发现问题 — {inspection.title}", parent)
        self.ws = ws
        self.inspection = inspection
        self.today = today or date.today()
        self.township_combo = QComboBox()
        fill_townships(self.township_combo, ws, "（不属于某个乡镇）")
        self.description_edit = text_box(3, self)
        self.ledger_combo = QComboBox()
        self.form.addRow("乡镇", self.township_combo)
        self.form.addRow("发现问题", self.description_edit)
        self.form.addRow("整改台账", self.ledger_combo)
        self.form.addRow("", hint("新建台账记录时，接着填写责任主体、整改措施、整改时限和责任人。"))
        self.map_fields({"发现问题": self.description_edit})
        self.township_combo.currentIndexChanged.connect(lambda _i: self.fill_ledger_choices())
        self.fill_ledger_choices()

    def fill_ledger_choices(self) -> None:
        self.ledger_combo.clear()
        self.ledger_combo.addItem("同时新建整改台账记录", NEW_LEDGER)
        self.ledger_combo.addItem("暂不列入台账", NO_LEDGER)
        township = self.township_combo.currentData()
        if township:
            for row in ledger.list_ledger(self.ws, township_uuid=township, today=self.today):
                if row.state != sv.STATE_CLOSED:
                    self.ledger_combo.addItem(f"关联：{row.subject_name} {row.description[:24]}", row.uuid)

    def draft(self) -> LedgerInput:
        found = self.inspection.start_date
        return LedgerInput(source=f"督查：{self.inspection.title}", found_on=found, subject_kind=sv.SUBJECT_CADRE,
                           subject_uuid=None, description=self.description_edit.toPlainText().strip(),
                           deadline=max(found, self.today) + timedelta(days=FINDING_DEADLINE_DAYS), responsible="",
                           township_uuid=self.township_combo.currentData())

    def save(self) -> None:
        choice = self.ledger_combo.currentData()
        township = self.township_combo.currentData()
        description = self.description_edit.toPlainText()
        if choice != NEW_LEDGER or not description.strip():
            self.run(lambda: inspections.add_finding(self.ws, self.inspection.uuid, township_uuid=township,
                                                     description=description, ledger_uuid=choice or None))
            return

        def saver(values: LedgerInput) -> str:
            return inspections.add_finding(self.ws, self.inspection.uuid, township_uuid=township,
                                           description=description, ledger=values)

        form = LedgerDialog(self.ws, self, values=self.draft(), saver=saver, title="督查问题列入整改台账",
                            today=self.today)
        if form.exec():
            self.result_value = form.result_value
            self.accept()


class CircularDialog(FormDialog):
    """起草通报 / 修改通报: title, 文号, 成文日期 and the body, saved with the findings it circulates."""

    ok_text = "保存通报"

    def __init__(self, ws: Workspace, draft: CircularView, parent: QWidget | None = None,
                 finding_uuids: Sequence[str] = ()) -> None:
        super().__init__("修改通报" if draft.uuid else "起草通报", parent, width_chars=60)
        self.ok_button.setText(self.ok_text)
        self.ws = ws
        self.uuid = draft.uuid or None
        self.finding_uuids = tuple(finding_uuids or draft.finding_uuids)
        self.title_edit = QLineEdit(draft.title)
        self.number_edit = QLineEdit(draft.doc_number)
        self.number_edit.setPlaceholderText("如：云组通〔2026〕15号")
        self.date_edit = date_edit(draft.issued_on)
        self.body_edit = QPlainTextEdit(draft.body)
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 16)
        self.form.addRow("标题", self.title_edit)
        self.form.addRow("文号", self.number_edit)
        self.form.addRow("成文日期", self.date_edit)
        self.form.addRow("正文", self.body_edit)
        self.form.addRow("", hint(f"通报涉及{len(self.finding_uuids)}条督查发现的问题；保存后，这些问题的整改台账记为已通报。"
                                  f"发文机关：{draft.issuer}"))
        self.map_fields({"标题": self.title_edit, "正文": self.body_edit, "成文日期": self.date_edit})

    def save(self) -> None:
        self.run(lambda: inspections.save_circular(
            self.ws, title=self.title_edit.text(), doc_number=self.number_edit.text(),
            body=self.body_edit.toPlainText(), issued_on=from_qdate(self.date_edit.date()),
            finding_uuids=self.finding_uuids, uuid=self.uuid))
