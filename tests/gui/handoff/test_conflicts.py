"""冲突记录 on screen: rows an import could not merge are listed with their reasons and kept whole, never dropped
and never silently overwritten; 重新合并 takes them once the cause is gone; 关闭（不采用） needs a note."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import select

from tests.gui.handoff.conftest import open_page, screenshot, wait_for
from tests.handoff.conftest import Pair
from tests.handoff.test_merge_rules import forged
from tests.handoff.test_roundtrip import enter_october
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.importer import import_package
from zhucun_desktop.services.attendance import CellChange, set_cells
from zhucun_desktop.services.attendance_months import reopen_month
from zhucun_desktop.storage.models import AttendanceDay, Person


def strangers_and_an_old_version(pair: Pair) -> tuple[str, object]:
    """The county has October; package 2 brings two days of a person it does not know and an older version of
    王建国's 6 October."""
    enter_october(pair)
    cadre = pair.cadres[0]
    reopen_month(pair.town, pair.township_uuid, 2026, 10, "更正王建国10月6日")
    set_cells(pair.town, pair.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, date(2026, 10, 6), "公")])
    first = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, first.path)
    stranger = str(uuid.uuid4())

    def mutate(cols: list[str], rows: list[list]) -> None:
        day, person = cols.index("day"), cols.index("person_uuid")
        old = next(r for r in rows if r[day] == "2026-10-06" and r[person] == cadre.person_uuid)
        old[cols.index("version")] = 1
        old[cols.index("code")] = "旷"
        new = []
        for r in rows[:2]:
            row = list(r)
            row[cols.index("uuid")] = str(uuid.uuid4())
            row[person] = stranger
            new.append(row)
        rows[:] = [*new, old]

    return stranger, forged(pair, first.path, 2, mutate)


def test_rejected_rows_show_in_the_preview_then_wait_in_conflicts_until_merged(qtbot, gui_pair: Pair) -> None:
    stranger, path = strangers_and_an_old_version(gui_pair)
    page = open_page(qtbot, gui_pair.county, gui_pair.county_keys)
    tab = page.import_tab
    page.tabs.setCurrentWidget(tab)
    tab.choose(path)
    wait_for(qtbot, tab.runner)
    reasons = [tab.rejected_model.text(r, 2) for r in tab.rejected_model.rows()]
    assert len(reasons) == 3 and sum(r.startswith("未知人员") for r in reasons) == 2
    assert "版本倒退：本机已是第2版，数据包中是第1版" in reasons
    assert "有3条记录不能合并" in tab.notice.text() and tab.rejected_view.isVisible()
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, tab.runner)
    assert "3条未能合并" in tab.result.text()

    conflicts = page.conflicts_tab
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "冲突记录（3）"
    page.tabs.setCurrentWidget(conflicts)
    model = conflicts.model
    assert [model.text(r, 3) for r in model.rows()] == ["东风镇第2号"] * 3
    conflicts.view.selectRow(next(i for i, r in enumerate(model.rows()) if r.reason.startswith("未知人员")))
    detail = conflicts.detail.text()
    assert "未知人员" in detail and stranger in detail and "考勤符号" in detail
    screenshot(page, "handoff_conflicts")

    qtbot.mouseClick(conflicts.retry_all_button, Qt.MouseButton.LeftButton)
    assert "仍有3条不能合并" in conflicts.message.text()  # nothing forced in
    with gui_pair.county.transaction("补录人员") as s:
        s.add(Person(uuid=stranger, name="钱七", id_number="530102198001010011"))
    strangers = [i for i, r in enumerate(model.rows()) if r.incoming["person_uuid"] == stranger]
    conflicts.view.selectRow(strangers[0])
    qtbot.mouseClick(conflicts.retry_button, Qt.MouseButton.LeftButton)
    assert conflicts.message.text() == "重新合并：成功1条，已写入本机数据库。"
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "冲突记录（2）"
    with gui_pair.county.read() as s:
        assert len(s.scalars(select(AttendanceDay).where(AttendanceDay.person_uuid == stranger)).all()) == 1


def test_closing_a_conflict_needs_a_note_and_keeps_this_databases_record(qtbot, gui_pair: Pair, monkeypatch) -> None:
    _stranger, path = strangers_and_an_old_version(gui_pair)
    import_package(gui_pair.county, gui_pair.county_keys, path)
    page = open_page(qtbot, gui_pair.county, gui_pair.county_keys)
    conflicts = page.conflicts_tab
    old = next(i for i, r in enumerate(conflicts.model.rows()) if r.reason.startswith("版本倒退"))
    conflicts.view.selectRow(old)
    typed = ["好"]
    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: dialog.setTextValue(typed[0]) or 1)
    qtbot.mouseClick(conflicts.dismiss_button, Qt.MouseButton.LeftButton)
    assert conflicts.message.text().startswith("处理意见：至少2个字") and conflicts.model.rowCount() == 3
    typed[0] = "以本机为准，乡镇已更正为公"
    qtbot.mouseClick(conflicts.dismiss_button, Qt.MouseButton.LeftButton)
    assert "已关闭这条冲突，保留本机的记录" in conflicts.message.text()
    assert conflicts.model.rowCount() == 2
    assert page.tabs.tabText(page.tabs.indexOf(conflicts)) == "冲突记录（2）"
    conflicts.show_resolved.setChecked(True)
    closed = next(r for r in conflicts.model.rows() if r.resolved)
    assert "以本机为准" in closed.reason and conflicts.model.text(closed, 5) == "已处理"
    cadre = gui_pair.cadres[0]
    with gui_pair.county.read() as s:
        assert s.scalar(select(AttendanceDay.code).where(AttendanceDay.person_uuid == cadre.person_uuid,
                                                         AttendanceDay.day == date(2026, 10, 6))) == "公"
