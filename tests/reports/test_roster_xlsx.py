"""The exported 花名册 workbook, read back with openpyxl as Excel would see it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from zhucun_desktop.domain.roster_fields import ROSTER_FIELDS
from zhucun_desktop.reports import roster_xlsx
from zhucun_desktop.reports.roster_data import RosterRow
from zhucun_desktop.reports.roster_xlsx import write_roster_xlsx

TITLE = "XX县驻村第一书记和工作队员花名册"
COL = {f.key: i for i, f in enumerate(ROSTER_FIELDS, start=1)}


def _write(tmp_path: Path, rows: list[RosterRow]):
    path = tmp_path / "花名册.xlsx"
    write_roster_xlsx(rows, path, title=TITLE)
    return path, load_workbook(path).active


def test_roster_row_has_one_attribute_per_roster_field_in_order() -> None:
    assert list(RosterRow.__dataclass_fields__) == [f.key for f in ROSTER_FIELDS]


def test_title_is_merged_across_all_columns_and_header_follows_roster_fields(tmp_path, rows5) -> None:
    _, ws = _write(tmp_path, rows5)
    assert ws["A1"].value == TITLE
    assert "A1:T1" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(row=2, column=c).value for c in range(1, len(ROSTER_FIELDS) + 1)] == [
        f.header for f in ROSTER_FIELDS
    ]
    assert ws.max_row == 2 + len(rows5)
    assert ws.cell(row=3, column=COL["name"]).value == rows5[0].name


def test_id_numbers_and_phones_are_text_not_numbers(tmp_path) -> None:
    rows = [
        RosterRow(name="张三", id_number="440524188001010014", phone="13912345678"),
        RosterRow(name="李四", id_number="11010519491231002X", phone="08311234567"),
    ]
    path, ws = _write(tmp_path, rows)
    for r, row in enumerate(rows, start=3):
        id_cell = ws.cell(row=r, column=COL["id_number"])
        phone_cell = ws.cell(row=r, column=COL["phone"])
        assert id_cell.value == row.id_number and isinstance(id_cell.value, str)
        assert phone_cell.value == row.phone and isinstance(phone_cell.value, str)
        assert id_cell.data_type == "s"
        assert id_cell.number_format == "@" and phone_cell.number_format == "@"
    # In the file itself the ID is a string cell (t="s"), never a number Excel would show as 4.4E+17.
    with zipfile.ZipFile(path) as zf:
        sheet_xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "440524188001010014</v>" not in sheet_xml


def test_dates_are_real_dates_with_month_or_day_format(tmp_path) -> None:
    row = RosterRow(
        name="王五",
        birth_month=date(1985, 6, 1),
        party_join_date=date(2008, 7, 1),
        work_start_date=date(2007, 8, 1),
        start_date=date(2024, 3, 15),
        end_date=None,
    )
    _, ws = _write(tmp_path, [row])
    for key in ("birth_month", "party_join_date", "work_start_date"):
        cell = ws.cell(row=3, column=COL[key])
        assert isinstance(cell.value, datetime), key
        assert cell.value.date() == getattr(row, key)
        assert cell.number_format == "yyyy-mm"
    start = ws.cell(row=3, column=COL["start_date"])
    assert start.value == datetime(2024, 3, 15) and start.number_format == "yyyy-mm-dd"
    assert ws.cell(row=3, column=COL["end_date"]).value is None


def test_is_leader_is_written_as_shi_or_fou(tmp_path) -> None:
    _, ws = _write(tmp_path, [RosterRow(name="甲", is_leader=True), RosterRow(name="乙", is_leader=False)])
    assert ws.cell(row=3, column=COL["is_leader"]).value == "是"
    assert ws.cell(row=4, column=COL["is_leader"]).value == "否"


def test_page_setup_prints_a4_landscape_one_page_wide_with_repeated_header(tmp_path, rows200) -> None:
    _, ws = _write(tmp_path, rows200)
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4 in the OOXML paper-size table
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows.replace("$", "") == "1:2"
    assert ws.freeze_panes == "B3"
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text


def test_columns_are_wide_enough_and_cells_have_thin_borders(tmp_path, rows5) -> None:
    _, ws = _write(tmp_path, rows5)
    letter = {f.key: ws.cell(row=2, column=i).column_letter for f, i in zip(ROSTER_FIELDS, COL.values())}
    assert ws.column_dimensions[letter["id_number"]].width >= 19  # 18 digits visible
    assert ws.column_dimensions[letter["phone"]].width >= 12
    for f in ROSTER_FIELDS:
        # at least the header fits on two lines of a wrapped cell
        assert ws.column_dimensions[letter[f.key]].width >= len(f.header), f.header
    for c in range(1, len(ROSTER_FIELDS) + 1):
        border = ws.cell(row=3, column=c).border
        assert border.left.style == border.right.style == border.top.style == border.bottom.style == "thin"


def test_writing_again_replaces_the_file_and_leaves_no_temporary_file(tmp_path, rows5) -> None:
    path, _ = _write(tmp_path, rows5)
    write_roster_xlsx(rows5[:2], path, title="第二次")
    assert load_workbook(path).active["A1"].value == "第二次"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["花名册.xlsx"]


def test_failed_save_keeps_the_old_file(tmp_path, rows5, monkeypatch) -> None:
    path, _ = _write(tmp_path, rows5)
    before = path.read_bytes()

    def broken_save(self, filename):
        Path(filename).write_bytes(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(roster_xlsx.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        write_roster_xlsx(rows5, path, title=TITLE)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["花名册.xlsx"]


def test_empty_roster_gives_title_and_header_only(tmp_path) -> None:
    _, ws = _write(tmp_path, [])
    assert ws.max_row == 2
    assert ws["A2"].value == "姓名"
