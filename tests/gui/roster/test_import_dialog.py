"""导入花名册: the preview lists every bad row and what will be created; 导入 waits until the sheet is clean;
只导入无误的行 imports exactly the good rows after a backup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.roster.sheets import person_row, roster_with_one_bad_row, ugly_roster
from zhucun_desktop.gui.roster import import_dialog
from zhucun_desktop.gui.roster.import_dialog import ImportDialog, IssueModel
from zhucun_desktop.services import roster


def cells(dialog: ImportDialog) -> list[tuple[str, ...]]:
    table = dialog.ui.problemTable.model()
    return [tuple(table.index(r, c).data() for c in range(4)) for r in range(table.rowCount())]


def roster_names(ws) -> list[str]:
    return sorted(e.name for e in roster.list_roster(ws, roster.RosterFilter(status=roster.STATUS_ALL)))


def test_the_preview_lists_the_bad_row_and_keeps_import_disabled(qtbot, ws, tmp_path):
    dialog = ImportDialog(ws, path=roster_with_one_bad_row(tmp_path / "东风镇花名册.xlsx"))
    qtbot.addWidget(dialog)
    problems = cells(dialog)
    assert ("第6行", "身份证号") == problems[0][:2] and "校验码错误" in problems[0][2] and problems[0][3] == "错误"
    assert any(p[0] == "第7行" and p[1] == "政治面貌" and p[3] == "提醒" for p in problems)
    assert "有问题的行1行" in dialog.ui.summaryLabel.text()
    assert not dialog.ui.importButton.isEnabled()
    assert dialog.ui.partialButton.isEnabled()
    assert dialog.ui.createGroup.isVisibleTo(dialog)
    assert [dialog.ui.villageList.item(i).text() for i in range(dialog.ui.villageList.count())] == [
        "东风镇大坪村", "东风镇小河村"]
    assert roster_names(ws) == []  # a preview writes nothing


def test_problems_sort_by_row_number_as_a_number(qtbot, ws, tmp_path):
    dialog = ImportDialog(ws, path=roster_with_one_bad_row(tmp_path / "r.xlsx"))
    qtbot.addWidget(dialog)
    dialog.ui.problemTable.sortByColumn(IssueModel.COL_ROW, Qt.SortOrder.DescendingOrder)
    assert cells(dialog)[0][0] == "第7行"


def test_only_the_good_rows_are_imported_after_confirming_their_count(qtbot, ws, tmp_path, monkeypatch):
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(import_dialog, "confirm", lambda _p, _t, text, **_k: asked.append(text) or True)
    monkeypatch.setattr(import_dialog, "inform", lambda _p, _t, text: told.append(text))
    dialog = ImportDialog(ws, path=roster_with_one_bad_row(tmp_path / "r.xlsx"))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.partialButton, Qt.MouseButton.LeftButton)
    assert "将只导入无误的 3 行，有错误的 1 行不导入" in asked[0]
    assert dialog.applied
    assert roster_names(ws) == ["王建国", "赵敏", "陈丽"]
    assert "导入前已自动备份：" in dialog.ui.resultLabel.text()
    backup = dialog.report.backup_path
    assert backup and Path(backup).exists() and backup in told[0]
    assert not dialog.ui.partialButton.isEnabled() and dialog.ui.cancelButton.text() == "关闭"


def test_a_clean_sheet_imports_with_the_import_button(qtbot, ws, tmp_path, monkeypatch):
    monkeypatch.setattr(import_dialog, "inform", lambda *_a: None)
    sheet = ugly_roster(tmp_path / "clean.xlsx", [person_row("王建国", date(1985, 3, 12), 123)])
    dialog = ImportDialog(ws, path=sheet)
    qtbot.addWidget(dialog)
    assert dialog.ui.importButton.isEnabled() and not dialog.ui.partialButton.isEnabled()
    dialog.ui.importButton.click()
    assert roster_names(ws) == ["王建国"]


def test_a_file_that_is_not_a_roster_is_told_in_chinese(qtbot, ws, tmp_path):
    junk = tmp_path / "not-a-roster.xlsx"
    junk.write_bytes(b"this is not a spreadsheet")
    dialog = ImportDialog(ws, path=junk)
    qtbot.addWidget(dialog)
    text = dialog.ui.summaryLabel.text() + "".join(p[2] for p in cells(dialog))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert not dialog.ui.importButton.isEnabled() and not dialog.ui.partialButton.isEnabled()
