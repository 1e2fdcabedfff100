"""Screenshots of the roster screens for docs/screenshots/, drawn as the program draws them (bundled font,
Chinese Qt texts). A reviewer looks at them as a township clerk would; the test checks they are written and not
blank. Widgets are rendered with grab() and never shown: the offscreen platform warns when a window is shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.gui.gui_support import assert_not_blank, save_shot
from tests.gui.roster.builders import FS, add_cadre, id_number, ime_type, unit, village, wrong_check_digit
from tests.gui.roster.demo_data import build_county, open_demo
from tests.gui.roster.sheets import roster_with_one_bad_row
from zhucun_desktop.gui.pdf_preview import PdfPreviewDialog
from zhucun_desktop.gui.roster import RosterPage
from zhucun_desktop.gui.roster.import_dialog import ImportDialog
from zhucun_desktop.gui.roster.org_dialog import OrgDialog
from zhucun_desktop.gui.roster.person_dialog import PersonDialog
from zhucun_desktop.services import roster
from zhucun_desktop.services.roster import RosterFilter
from zhucun_desktop.services.roster_export import export_roster_pdf

# The page's room inside the 1280×800 main window (navigation 150 px, menu and status bar).
PAGE_SIZE = (1120, 700)


@pytest.fixture
def county_ws(ws, tmp_path):
    demo = open_demo(tmp_path)
    if demo is not None:
        yield demo
        demo.db.close()
        return
    build_county(ws)
    yield ws


def test_roster_page(qtbot, gui_app, county_ws):
    page = RosterPage(county_ws)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    page.ui.tableView.selectRow(1)
    assert page.proxy.rowCount() >= 20
    assert_not_blank(save_shot(page, "roster_page"))


def test_person_dialog_with_history(qtbot, gui_app, ws):
    person = add_cadre(ws, "王建国", 101, start=date(2021, 3, 1), batch="第九批")
    [old] = roster.posting_history(ws, person)
    roster.end_posting(ws, old.uuid, date(2023, 2, 28), "任职期满")
    roster.add_posting(ws, person, village_uuid=add_place(ws), role=FS, start_date=date(2023, 3, 1),
                       batch="第十批")
    dialog = PersonDialog(ws, person)
    qtbot.addWidget(dialog)
    assert dialog.ui.historyTable.rowCount() == 2
    assert_not_blank(save_shot(dialog, "person_dialog"))


def add_place(ws) -> str:
    return village(ws, "东风镇", "小河村")


def test_person_dialog_with_errors(qtbot, gui_app, ws):
    add_place(ws)
    unit(ws)
    dialog = PersonDialog(ws)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ime_type(ui.nameEdit, "刘洋")
    qtbot.keyClicks(ui.idEdit, wrong_check_digit(id_number(date(1988, 8, 8), 135)))
    ui.politicalCombo.setCurrentText("群众")
    ui.workDateEdit.setText("2010-07")
    ime_type(ui.unitCombo.lineEdit(), "县财政局")
    fields = dialog.posting_fields
    fields.ui.villageCombo.setCurrentIndex(0)
    ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    assert "身份证号" in ui.errorLabel.text()
    assert_not_blank(save_shot(dialog, "person_dialog_errors"))


def test_import_preview_with_errors(qtbot, gui_app, ws, tmp_path):
    dialog = ImportDialog(ws, path=roster_with_one_bad_row(tmp_path / "东风镇驻村干部花名册.xlsx"))
    qtbot.addWidget(dialog)
    assert not dialog.ui.importButton.isEnabled()
    assert_not_blank(save_shot(dialog, "import_preview"))


def test_org_dialog(qtbot, gui_app, county_ws):
    dialog = OrgDialog(county_ws)
    qtbot.addWidget(dialog)
    dialog.ui.villageTable.selectRow(0)
    assert_not_blank(save_shot(dialog, "org_dialog"))


def test_pdf_preview(qtbot, gui_app, county_ws, tmp_path):
    pdf = tmp_path / "花名册.pdf"
    export_roster_pdf(county_ws, pdf, RosterFilter())
    dialog = PdfPreviewDialog(pdf, title="打印花名册")
    qtbot.addWidget(dialog)
    dialog.resize(1100, 720)
    dialog.grab()  # asks the view for its pages; they are rendered in the background
    qtbot.wait(600)
    assert dialog.page_label.text().startswith("共 ")
    assert_not_blank(save_shot(dialog, "pdf_preview"))
