"""Screenshots of the 督查与台账 page for docs/screenshots/, on the program's own demo county with its
supervision records (services.demo_supervision), drawn as the program draws them. The test checks that each is
written and not blank and that it shows what the README says it shows; a reviewer looks at the pictures."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from tests.gui.gui_support import SHOTS, assert_not_blank
from tests.gui.gui_support import save_shot as _save
from tests.gui.supervision.county import TODAY
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.gui.supervision import page as page_module
from zhucun_desktop.gui.supervision.page import SupervisionPage
from zhucun_desktop.services import demo, inspections
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.roster import RosterFilter, list_roster
from zhucun_desktop.services.spot_checks import CheckedCadre, record_spot_check
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database

PAGE_SIZE = (1120, 700)  # the page's room inside the 1280×800 main window


def save_shot(widget: QWidget, name: str) -> Path:
    return _save(widget, name, PAGE_SIZE)


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.build_demo(path, seed=2026, today=TODAY)  # with its 督查与台账 part
    db = open_database(path)
    ws = Workspace(db, authenticate(db, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
    yield ws
    db.close()


def open_page(qtbot, ws) -> SupervisionPage:
    page = SupervisionPage(ws, today=TODAY)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    return page


def test_screenshot_of_the_ledger_with_overdue_rows_and_a_failed_verification(qtbot, gui_app, demo_ws):
    page = open_page(qtbot, demo_ws)
    tab = page.ledger_tab
    rows = tab.rows()
    assert any(r.overdue for r in rows) and {r.state for r in rows} >= set(sv.LEDGER_STATES)
    sent_back = next(r for r in rows if r.history and r.history[-1].result == sv.RESULT_FAILED)
    tab.select_row(sent_back.uuid)
    assert "核查未通过" in tab.panel.verify_label.text()
    assert len(tab.panel.history_label.text().splitlines()) >= 2
    assert_not_blank(save_shot(page, "supervision_ledger"))


def test_screenshot_of_a_spot_check_with_a_proposal_for_the_ledger(qtbot, gui_app, demo_ws):
    people = [e for e in list_roster(demo_ws, RosterFilter(on_date=TODAY)) if e.township_name == "东风镇"][:4]
    results = [CheckedCadre(people[0].person_uuid, sv.RESULT_UNREACHABLE, "电话三次无人接听，微信未回复"),
               *(CheckedCadre(p.person_uuid, sv.RESULT_PRESENT) for p in people[1:])]
    check = record_spot_check(demo_ws, checked_at=datetime(2026, 11, 23, 9, 30), method="微信视频",
                              checkers="县委组织部 周明、县乡村振兴局 杨帆", results=results,
                              township_uuid=people[0].township_uuid)
    page = open_page(qtbot, demo_ws)
    page.show_tab(page_module.TAB_SPOT)
    assert page.spot_tab.select_check(check)
    assert page.spot_tab.proposal_button(people[0].name).text() == "生成整改台账"
    assert_not_blank(save_shot(page, "supervision_spot_check"))


def test_screenshot_of_the_duties_of_every_township(qtbot, gui_app, demo_ws):
    page = open_page(qtbot, demo_ws)
    page.show_tab(page_module.TAB_DUTIES)
    groups = [page.duties_tab.group_model.row_at(r).township_name
              for r in range(page.duties_tab.group_model.rowCount())]
    assert groups[0] == "全部" and "县委组织部" in groups and len(groups) >= 4
    assert_not_blank(save_shot(page, "supervision_duties"))


def test_screenshot_of_the_printed_circular(demo_ws, tmp_path):
    [circular] = inspections.list_circulars(demo_ws)
    pdf = inspections.export_circular_pdf(demo_ws, circular.uuid, tmp_path / "circular.pdf")
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(SHOTS / "supervision_circular")], check=True)
    assert_not_blank(SHOTS / "supervision_circular.png")
