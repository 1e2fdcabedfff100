"""The 花名册 page lists what the services hold, filters it, and shows each user only what they may do."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.gui.roster.builders import FS, TM, add_cadre, ime_type, township
from zhucun_desktop.domain import terms
from zhucun_desktop.gui.roster import RosterPage
from zhucun_desktop.gui.roster import output as roster_output
from zhucun_desktop.services import accounts
from zhucun_desktop.services.workspace import Workspace


@pytest.fixture
def cadres(ws: Workspace) -> dict[str, str]:
    return {
        "王建国": add_cadre(ws, "王建国", 101, role=FS),
        "李明": add_cadre(ws, "李明", 103, role=TM, phone="13500001111", unit_name="县农业农村局"),
        "赵丽": add_cadre(ws, "赵丽", 102, role=TM, village_name="小河村"),
        "陈刚": add_cadre(ws, "陈刚", 105, role=FS, township_name="红旗乡", village_name="红星村"),
    }


def names(page: RosterPage) -> list[str]:
    return sorted(page.proxy.entry(r).name for r in range(page.proxy.rowCount()))


def test_the_page_lists_every_cadre_in_post(qtbot, ws, cadres):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    assert names(page) == sorted(cadres)
    assert page.ui.countLabel.text() == "共 4 人"


def test_filtering_by_role_asks_the_service_for_that_role_only(qtbot, ws, cadres):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    page.filters.set_role(TM)
    assert names(page) == ["李明", "赵丽"]
    assert page.ui.countLabel.text() == "共 2 人"
    page.filters.reset()
    assert len(names(page)) == 4


def test_the_search_box_finds_by_name_and_by_phone(qtbot, ws, cadres):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    ime_type(page.ui.searchEdit, "李明")
    page.filters.flush_search()
    assert names(page) == ["李明"]
    assert page.ui.countLabel.text() == "共 1 人"
    page.ui.searchEdit.clear()
    qtbot.keyClicks(page.ui.searchEdit, "1350000")
    qtbot.waitUntil(lambda: names(page) == ["李明"], timeout=2000)  # the debounced search applies by itself


def test_villages_follow_the_chosen_township(qtbot, ws, cadres):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    ui = page.ui
    assert not ui.villageCombo.isEnabled()
    ui.townshipCombo.setCurrentIndex(ui.townshipCombo.findText("东风镇"))
    assert [ui.villageCombo.itemText(i) for i in range(ui.villageCombo.count())] == ["全部村", "大坪村", "小河村"]
    assert names(page) == ["李明", "王建国", "赵丽"]
    ui.villageCombo.setCurrentIndex(ui.villageCombo.findText("小河村"))
    assert names(page) == ["赵丽"]


def test_a_county_viewer_sees_the_roster_but_no_editing_actions(qtbot, ws, cadres):
    accounts.create_user(ws, username="viewer", display_name="孙看", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="viewer-2026")
    viewer = Workspace(ws.db, accounts.authenticate(ws.db, "viewer", "viewer-2026"))
    page = RosterPage(viewer)
    qtbot.addWidget(page)
    assert len(names(page)) == 4
    for action in (page.new_action, page.edit_action, page.end_action, page.import_action, page.org_action):
        assert not action.isVisible()
    assert page.export_action.isVisible() and page.print_action.isVisible()


def test_a_township_clerk_sees_only_its_township_and_no_township_filter(qtbot, ws, cadres):
    accounts.create_user(ws, username="df01", display_name="周文", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                         password="dongfeng-1", township_uuid=township(ws, "东风镇"))
    clerk = Workspace(ws.db, accounts.authenticate(ws.db, "df01", "dongfeng-1"))
    page = RosterPage(clerk)
    qtbot.addWidget(page)
    assert page.ui.townshipCombo.isHidden()
    assert page.ui.villageCombo.isEnabled()
    assert names(page) == ["李明", "王建国", "赵丽"]


def test_export_writes_the_filtered_roster_to_excel(qtbot, ws, cadres, tmp_path, monkeypatch):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    page.filters.set_role(TM)
    target = tmp_path / "花名册.xlsx"
    monkeypatch.setattr(roster_output.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(roster_output, "inform", lambda _p, _t, text: told.append(text))
    page.export_excel()
    assert target.is_file()
    cells = [str(c.value) for row in load_workbook(target).active.iter_rows() for c in row if c.value]
    assert "李明" in cells and "赵丽" in cells and "王建国" not in cells
    assert "已导出 2 条" in told[0]


def test_print_opens_the_preview_on_a_pdf_and_removes_it_afterwards(qtbot, ws, cadres, monkeypatch):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    seen: list[tuple[Path, int]] = []

    def fake_exec(dialog) -> int:
        seen.append((dialog.pdf_path, dialog.page_count()))
        return 0

    monkeypatch.setattr(roster_output.PdfPreviewDialog, "exec", fake_exec)
    page.print_roster()
    assert len(seen) == 1
    pdf, pages = seen[0]
    assert pdf.suffix == ".pdf" and pages == 1
    assert not pdf.exists()


def test_double_click_opens_the_person_and_a_save_refreshes_the_roster(qtbot, ws, cadres, monkeypatch):
    from zhucun_desktop.gui.roster import person_dialog

    page = RosterPage(ws)
    qtbot.addWidget(page)
    opened: list[str | None] = []

    def fake_exec(dialog) -> int:
        opened.append(dialog.person_uuid)
        dialog.ui.phoneEdit.setText("13700000000")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(person_dialog.PersonDialog, "exec", fake_exec)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.entry(r).name == "赵丽")
    index = page.proxy.index(row, 0)
    page.ui.tableView.setCurrentIndex(index)
    page.ui.tableView.doubleClicked.emit(index)
    assert opened == [cadres["赵丽"]]
    assert page.current_entry().name == "赵丽" and page.current_entry().phone == "13700000000"


def test_end_posting_is_offered_only_for_a_posting_still_open(qtbot, ws, cadres):
    page = RosterPage(ws)
    qtbot.addWidget(page)
    assert not page.end_action.isEnabled()  # nothing selected
    page.ui.tableView.selectRow(0)
    assert page.end_action.isEnabled() and page.edit_action.isEnabled()
