"""数据交换 on screen (issue 7): the township exports to the stick, the county previews the package per table,
imports it and sees the month received; the same package twice changes nothing and says so; a tampered package
is refused with its reason; the key password is asked once per session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from sqlalchemy import func, select

from tests.gui.handoff.conftest import open_page, screenshot, wait_for
from tests.handoff.conftest import COUNTY_PASSWORD, Pair
from tests.handoff.test_evidence_files import township_attaches
from tests.handoff.test_roundtrip import enter_october, file_leave
from zhucun_desktop.gui.handoff.page import HandoffPage
from zhucun_desktop.gui.handoff.status_tabs import TownshipMonthDialog
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.storage.models import AttendanceDay, AuditEntry, PackageLog


def counts(ws) -> tuple[int, int, int]:
    with ws.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (AttendanceDay, PackageLog, AuditEntry))


def export_from_township(qtbot, pair: Pair, *, shot: bool = False) -> Path:
    page = open_page(qtbot, pair.town, pair.town_keys)
    tab = page.export_tab
    assert tab.peer_combo.currentText() == "示例县" and not tab.peer_combo.isEnabled()  # a township: the county only
    tab.place.set_path(pair.stick)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, tab.runner)
    [result] = tab.results
    assert result.path.parent == pair.stick and result.path.is_file()
    shown = tab.result.text()
    assert result.path.name in shown and "可以安全拔出U盘" in shown and "考勤登记93条" in shown
    assert tab.result.kind == "ok"
    if shot:
        screenshot(page, "handoff_export")
    return result.path


def preview_on_county(qtbot, pair: Pair, path: Path) -> HandoffPage:
    page = open_page(qtbot, pair.county, pair.county_keys)
    page.tabs.setCurrentWidget(page.import_tab)
    page.import_tab.choose(path)
    wait_for(qtbot, page.import_tab.runner)
    return page


def table_counts(page: HandoffPage) -> dict[str, list[str]]:
    model = page.import_tab.plan_model
    return {model.text(row, 0): [model.text(row, c) for c in range(1, 5)] for row in model.rows()}


def test_export_preview_import_and_the_county_sees_the_month_received(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    file_leave(gui_pair)
    path = export_from_township(qtbot, gui_pair, shot=True)
    before = counts(gui_pair.county)

    page = preview_on_county(qtbot, gui_pair, path)
    tab = page.import_tab
    by_table = table_counts(page)
    assert by_table["考勤登记"] == ["93", "0", "0", "0"]  # 新增 更新 未变 拒绝
    assert by_table["请假审批"][0] == "3"
    assert "第1号数据包：东风镇 → 示例县" in tab.title.text()
    assert tab.import_button.isEnabled()
    assert counts(gui_pair.county) == before  # the preview wrote nothing
    screenshot(page, "handoff_preview")

    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, tab.runner)
    assert tab.last_result is not None and tab.last_result.applied
    assert "已导入第1号数据包（来自东风镇）：新增" in tab.result.text()
    assert "导入前的备份：" in tab.result.text() and Path(tab.last_result.backup_path).is_file()
    assert counts(gui_pair.county)[0] == 93
    assert not tab.import_button.isEnabled()

    overview = page.overview_tab
    page.tabs.setCurrentWidget(overview)
    overview.set_period(2026, 10)
    lines = {overview.model.text(r, 0): r for r in overview.model.rows()}
    dongfeng, xishan = lines["东风镇"], lines["西山乡"]
    assert dongfeng.received and dongfeng.sealed and not dongfeng.overdue and dongfeng.leave_waiting_county == 1
    assert overview.model.text(dongfeng, 9).startswith("第1号")
    assert xishan.overdue and not xishan.received  # 西山乡 sent nothing: red
    row = overview.model.rows().index(xishan)
    colour = overview.model.data(overview.model.index(row, 1), Qt.ItemDataRole.ForegroundRole).color().name()
    assert colour == "#b3261e"
    assert "逾期未报送：西山乡" in overview.message.text()
    screenshot(page, "handoff_county_overview")


def test_double_clicking_a_township_opens_its_month_read_only(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    path = export_from_township(qtbot, gui_pair)
    page = preview_on_county(qtbot, gui_pair, path)
    qtbot.mouseClick(page.import_tab.import_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, page.import_tab.runner)
    overview = page.overview_tab
    overview.set_period(2026, 10)
    row = next(i for i, r in enumerate(overview.model.rows()) if r.township == "东风镇")
    overview.open_township(overview.model.index(row, 0))
    dialog: TownshipMonthDialog = overview.dialog
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "东风镇2026年10月考勤表（只读）"
    assert dialog.model.n_rows == 3 and dialog.model.text_at(0, 3 + 9) == "√"  # 10 October, as entered
    assert not dialog.model.is_editable(0, 3 + 9)
    dialog.view.setCurrentIndex(dialog.model.index(0, 3 + 9))
    qtbot.keyClicks(dialog.view, "k")  # 旷 would be typed on an editable grid
    assert dialog.model.text_at(0, 3 + 9) == "√"
    assert "只能查看" in dialog.message.text()
    with gui_pair.county.read() as s:
        assert s.scalar(select(func.count()).select_from(AttendanceDay).where(AttendanceDay.code == "旷")) == 0
    dialog.close()


def test_the_same_package_twice_says_it_was_imported_and_changes_nothing(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    path = export_from_township(qtbot, gui_pair)
    page = preview_on_county(qtbot, gui_pair, path)
    qtbot.mouseClick(page.import_tab.import_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, page.import_tab.runner)
    before = counts(gui_pair.county)

    page.import_tab.choose(path)
    wait_for(qtbot, page.import_tab.runner)
    notice = page.import_tab.notice.text()
    assert notice.startswith("该数据包已于") and "导入过，未作任何更改" in notice
    assert page.import_tab.notice.kind == "warning"
    assert not page.import_tab.import_button.isEnabled()
    assert counts(gui_pair.county) == before


def test_a_gap_in_sequence_numbers_is_shown_in_the_banner(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    export_from_township(qtbot, gui_pair)
    second = export_from_township(qtbot, gui_pair)
    page = preview_on_county(qtbot, gui_pair, second)
    assert "缺少第1号数据包" in page.import_tab.notice.text()
    assert page.import_tab.notice.kind == "warning" and page.import_tab.import_button.isEnabled()


def test_a_tampered_package_is_refused_with_its_reason_and_nothing_is_written(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    path = export_from_township(qtbot, gui_pair)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad = path.with_name("改过的.zcpkg")
    bad.write_bytes(bytes(data))
    before = counts(gui_pair.county)
    page = preview_on_county(qtbot, gui_pair, bad)
    notice = page.import_tab.notice
    assert notice.kind == "error" and notice.text().startswith("数据包被拒绝，未导入任何内容：")
    assert "损坏" in notice.text() or "签名" in notice.text()
    assert not page.import_tab.import_button.isEnabled() and page.import_tab.plan_model.rowCount() == 0
    assert counts(gui_pair.county) == before


def test_a_package_for_another_site_is_refused_naming_the_addressee(qtbot, gui_pair: Pair) -> None:
    enter_october(gui_pair)
    path = export_from_township(qtbot, gui_pair)
    page = open_page(qtbot, gui_pair.town, gui_pair.town_keys)  # the township's own package, back at home
    page.import_tab.choose(path)
    wait_for(qtbot, page.import_tab.runner)
    assert "本单位自己导出的数据包" in page.import_tab.notice.text()


def _answer_password(qtbot, password: str, then=None) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        edit = dialog.findChild(QLineEdit)
        edit.setText(password)
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "打开密钥")
        ok.click()
        if then is not None:
            then(dialog)

    QTimer.singleShot(0, fill)


def test_the_key_password_is_asked_once_per_session_and_a_wrong_one_is_refused(qtbot, gui_pair: Pair) -> None:
    page = open_page(qtbot, gui_pair.county)
    seen: list[str] = []

    def wrong_then_right(dialog) -> None:
        seen.append(dialog.error_label.text())
        dialog.password_edit.setText(COUNTY_PASSWORD)
        dialog.ok_button.click()

    _answer_password(qtbot, "not-the-password", wrong_then_right)
    keys = page.keys()
    assert keys is not None and keys.sign_public == gui_pair.county_keys.sign_public
    assert seen and seen[0].startswith("密码不正确") and "admin" in seen[0]
    assert page.keys() is keys  # not asked again: no dialog is waiting, the call returns at once


def test_cancelling_the_key_password_exports_nothing(qtbot, gui_pair: Pair) -> None:
    page = open_page(qtbot, gui_pair.town)
    page.export_tab.place.set_path(gui_pair.stick)

    def cancel() -> None:
        QApplication.activeModalWidget().reject()

    QTimer.singleShot(0, cancel)
    page.export_tab.export()
    assert "没有打开数据交换密钥" in page.export_tab.result.text()
    assert list(gui_pair.stick.iterdir()) == []


def test_the_preview_says_how_many_evidence_files_come_with_the_package(qtbot, gui_pair: Pair, tmp_path) -> None:
    township_attaches(gui_pair, tmp_path)
    made = export_package(gui_pair.town, gui_pair.town_keys, gui_pair.stick)
    page = preview_on_county(qtbot, gui_pair, made.path)
    assert "佐证材料文件：新增1份，本机已有0份。" in page.import_tab.notice.text()
