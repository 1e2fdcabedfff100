"""整改台账 (§13) on the page: overdue rows red, filters, evidence files, the paper ledger exported and read back,
and a township account limited to its own township."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush

from tests.gui.supervision.county import TODAY, answer, build_county, clerk_workspace, open_page
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.gui.pdf_preview import PdfPreviewDialog
from zhucun_desktop.gui.supervision.ledger_dialogs import LedgerDialog
from zhucun_desktop.gui.supervision.ledger_model import COL_DESCRIPTION, COL_STATE, COL_TOWNSHIP, OVERDUE
from zhucun_desktop.services import ledger
from zhucun_desktop.services.ledger import LedgerInput


@pytest.fixture
def county(ws):
    return build_county(ws)


def add_row(ws, county, name: str, description: str, deadline: date, township: str = "东风镇") -> str:
    return ledger.create_ledger_row(ws, LedgerInput(
        "乡镇日常管理", date(2026, 10, 12), sv.SUBJECT_CADRE, county.people[name], description, deadline, name,
        measures="逐日补记", township_uuid=county.townships[township]))


def shown(tab, col: int) -> list[str]:
    return [tab.proxy.data(tab.proxy.index(r, col)) for r in range(tab.proxy.rowCount())]


def foreground(tab, row: int, col: int) -> str:
    brush = tab.proxy.data(tab.proxy.index(row, col), Qt.ItemDataRole.ForegroundRole)
    return brush.color().name() if isinstance(brush, QBrush) else ""


def test_a_row_past_its_deadline_and_not_rectified_is_red_and_found_by_only_overdue(qtbot, gui_app, ws, county):
    add_row(ws, county, "王建国", "驻村工作日志记录不全", date(2026, 11, 10))
    add_row(ws, county, "李明", "未按时参加例会", date(2026, 12, 10))
    tab = open_page(qtbot, ws).ledger_tab
    assert shown(tab, COL_DESCRIPTION) == ["驻村工作日志记录不全", "未按时参加例会"]
    assert shown(tab, COL_STATE) == ["待整改（逾期）", "待整改"]
    assert foreground(tab, 0, COL_DESCRIPTION) == OVERDUE.name()
    assert foreground(tab, 1, COL_DESCRIPTION) == ""
    assert tab.count_label.text() == "共 2 条，逾期 1 条"
    tab.overdue_check.setChecked(True)
    assert shown(tab, COL_DESCRIPTION) == ["驻村工作日志记录不全"]
    tab.search_edit.setText("例会")
    tab.flush_search()
    assert tab.proxy.rowCount() == 0
    tab.reset_filters()
    assert tab.proxy.rowCount() == 2


def test_a_new_problem_missing_its_fields_is_refused_naming_them_and_nothing_is_written(
        qtbot, gui_app, ws, county, monkeypatch):
    page = open_page(qtbot, ws)
    seen = answer(monkeypatch, LedgerDialog, lambda d: d.source_combo.setCurrentText(""))
    page.ledger_tab.new_action.trigger()
    text = seen[0].findings_text()
    for field in ("问题来源", "责任主体", "问题描述", "责任人"):
        assert f"{field}：" in text
    assert seen[0].result() == 0 and ledger.list_ledger(ws, today=TODAY) == []

    def fill(d: LedgerDialog) -> None:
        d.township_combo.setCurrentIndex(d.township_combo.findText("东风镇"))
        d.found_edit.setDate(QDate(2026, 11, 2))
        d.subject_combo.setCurrentIndex(d.subject_combo.findData(county.people["赵丽"]))
        d.subject_combo.activated.emit(d.subject_combo.currentIndex())
        d.description_edit.setPlainText("驻村工作日志与考勤不一致")
        d.deadline_edit.setDate(QDate(2026, 11, 30))

    answer(monkeypatch, LedgerDialog, fill)
    page.ledger_tab.new_action.trigger()
    [row] = ledger.list_ledger(ws, today=TODAY)
    assert (row.subject_name, row.responsible, row.state) == ("赵丽", "赵丽", sv.STATE_OPEN)
    assert page.ledger_tab.current().uuid == row.uuid


def test_evidence_is_copied_hashed_listed_and_removed(qtbot, gui_app, ws, county, db_path, tmp_path):
    uuid = add_row(ws, county, "王建国", "驻村工作日志记录不全", date(2026, 11, 30))
    scan = tmp_path / "工作日志补记照片.jpg"
    scan.write_bytes(b"\xff\xd8\xff" + b"photo of the notebook" * 50)
    tab = open_page(qtbot, ws).ledger_tab
    tab.select_row(uuid)
    panel = tab.panel
    assert panel.add_button.isEnabled() and not panel.open_button.isEnabled()
    assert panel.add_evidence(scan)
    [item] = panel.evidence()
    assert item.file_name == "工作日志补记照片.jpg" and item.present
    assert item.path.parent.parent == db_path.parent / "attachments"
    assert item.path.read_bytes() == scan.read_bytes()
    assert "工作日志补记照片.jpg" in panel.evidence_list.item(0).text()
    assert "已添加佐证材料" in tab.message()
    panel.evidence_list.setCurrentRow(0)
    assert panel.open_button.isEnabled() and panel.remove_button.isEnabled()
    panel.remove_evidence(ask=False)
    assert panel.evidence() == [] and ledger.ledger_evidence(ws, uuid) == []

    assert not panel.add_evidence(tmp_path / "不存在.pdf")
    assert "无法读取：文件不存在" in tab.message()


def test_the_ledger_exports_to_xlsx_and_prints_a_landscape_pdf(qtbot, gui_app, ws, county, tmp_path, monkeypatch):
    add_row(ws, county, "王建国", "驻村工作日志记录不全", date(2026, 11, 10))
    add_row(ws, county, "陈刚", "未按月召开村工作例会", date(2026, 12, 10), township="红旗乡")
    tab = open_page(qtbot, ws).ledger_tab
    target = tab.export_xlsx(tmp_path / "台账")
    assert target == tmp_path / "台账.xlsx"
    sheet = load_workbook(target).active
    assert sheet.cell(1, 1).value == "示例县负面清单及整改台账"
    assert [sheet.cell(3, c).value for c in range(1, 13)] == list(sv.LEDGER_COLUMNS)
    assert {sheet.cell(r, 5).value for r in (4, 5)} == {"驻村工作日志记录不全", "未按月召开村工作例会"}

    kept = tmp_path / "ledger.pdf"

    def keep(dialog) -> int:
        assert dialog.page_count() >= 1
        shutil.copyfile(dialog.pdf_path, kept)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", keep)
    tab.township_combo.setCurrentIndex(tab.township_combo.findText("东风镇"))
    tab.pdf_action.trigger()
    text = subprocess.run(["pdftotext", "-layout", str(kept), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "东风镇负面清单及整改台账" in text and "驻村工作日志记录不全" in text
    assert "未按月召开村工作例会" not in text  # the chosen township only
    size = subprocess.run(["pdfinfo", str(kept)], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in size.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # A4 landscape


def test_a_township_account_sees_only_its_township_and_cannot_verify(qtbot, gui_app, ws, county):
    add_row(ws, county, "王建国", "驻村工作日志记录不全", date(2026, 11, 30))
    add_row(ws, county, "陈刚", "未按月召开村工作例会", date(2026, 12, 10), township="红旗乡")
    clerk = clerk_workspace(ws, county)
    tab = open_page(qtbot, clerk).ledger_tab
    assert shown(tab, COL_DESCRIPTION) == ["驻村工作日志记录不全"]
    assert tab.view.isColumnHidden(COL_TOWNSHIP) and not tab.township_combo.isVisibleTo(tab)
    assert not tab.verify_action.isVisible()
    tab.view.selectRow(0)
    assert tab.progress_action.isEnabled() and not tab.verify_action.isEnabled()


def test_only_a_row_nobody_has_acted_on_can_be_deleted(qtbot, gui_app, ws, county):
    fresh = add_row(ws, county, "王建国", "误登记的记录", date(2026, 11, 30))
    started = add_row(ws, county, "李明", "驻村工作日志记录不全", date(2026, 11, 30))
    ledger.record_progress(ws, started, "已约谈", on=date(2026, 11, 1))
    tab = open_page(qtbot, ws).ledger_tab
    tab.select_row(started)
    assert not tab.delete_action.isEnabled()
    tab.select_row(fresh)
    assert tab.delete_action.isEnabled()
    tab.delete_row(ask=False)
    assert shown(tab, COL_DESCRIPTION) == ["驻村工作日志记录不全"]
    assert "台账记录已删除" in tab.message()



def test_a_row_entered_at_another_site_takes_progress_here_but_keeps_its_creators_fields(qtbot, gui_app, ws, county):
    from sqlalchemy import update

    from zhucun_desktop.storage.models import LedgerRow

    uuid = add_row(ws, county, "王建国", "驻村工作日志记录不全", date(2026, 11, 30))
    with ws.db.session() as s, s.begin():  # the row came on the USB stick from the township's own PC
        s.execute(update(LedgerRow).where(LedgerRow.uuid == uuid).values(origin_site="township-site"))
    clerk = clerk_workspace(ws, county)
    tab = open_page(qtbot, clerk).ledger_tab
    tab.select_row(uuid)
    assert tab.progress_action.isEnabled() and tab.submit_action.isEnabled()
    assert not tab.edit_action.isEnabled()  # 问题描述, 整改时限 … stay the creator's
    ledger.record_progress(clerk, uuid, "已约谈本人", on=date(2026, 11, 1))
    ledger.record_progress(ws, uuid, "县委组织部电话督促", on=date(2026, 11, 3))
    tab.reload(select=uuid)
    assert tab.panel.history_label.text().splitlines() == [
        "2026-11-01 已约谈本人（周文·示例县委组织部）", "2026-11-03 县委组织部电话督促（李管理·示例县委组织部）"]
    assert shown(tab, COL_STATE) == ["整改中"]
