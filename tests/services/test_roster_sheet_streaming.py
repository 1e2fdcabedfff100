"""The roster reader streams the workbook read-only: what that path could get wrong, on real xlsx files.

Hidden and chart sheets, merged ranges (which a read-only worksheet does not offer), sparse rows, dates in
both Excel epochs, values a writer left in covered cells, damaged sheet XML (only read after opening), and
the file handle, which must be closed whatever happens: Windows cannot replace a file that is still open.
"""

from __future__ import annotations

import os
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from tests.services.helpers import id_number
from zhucun_desktop.services.roster_sheet import SheetError, read_roster_sheet

HEADER = [
    "序号",
    "姓名",
    "身份证号",
    "派出单位",
    "编制性质",
    "驻村角色",
    "所驻村",
    "所属乡镇",
    "驻村开始时间",
]
COL = {h: i for i, h in enumerate(HEADER, start=1)}


def _person(n: int, name: str, village: str = "柳树村", township: str | None = None) -> list:
    return [
        n,
        name,
        id_number(date(1985, 3, n), n),
        "县财政局",
        "在编在岗",
        "工作队员",
        village,
        township,
        "2025-05-01",
    ]


def _assert_closed(path: Path) -> None:
    """Nothing of this process still has the file open."""
    if sys.platform == "win32":
        path.unlink()  # refused on Windows while any handle is open
        return
    fd_dir = Path("/proc/self/fd")
    open_paths = set()
    for fd in os.listdir(fd_dir):
        try:
            open_paths.add(os.path.realpath(fd_dir / fd))
        except OSError:  # the descriptor of the listing itself is gone already
            continue
    assert os.path.realpath(path) not in open_paths


def _rewrite_sheet_xml(path: Path, member: str, change) -> None:
    """Edit one part of a saved workbook, as other programs write what openpyxl would not."""
    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    parts[member] = change(parts[member].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def _add_merges(path: Path, *refs: str) -> None:
    """Merge ranges without clearing the covered cells, which openpyxl's ``merge_cells`` would do."""
    merges = (
        f'<mergeCells count="{len(refs)}">'
        + "".join(f'<mergeCell ref="{r}"/>' for r in refs)
        + "</mergeCells>"
    )
    _rewrite_sheet_xml(
        path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace("</sheetData>", "</sheetData>" + merges)
    )


def test_hidden_first_sheet_is_passed_over_and_merged_township_fills_the_visible_roster(tmp_path) -> None:
    wb = Workbook()
    old = wb.active
    old.title = "去年名单"
    old.append(HEADER)
    old.append(_person(1, "旧人", township="旧镇"))
    old.sheet_state = "hidden"
    ws = wb.create_sheet("花名册")
    ws.append(["东风镇驻村干部花名册"])
    ws.merge_cells("A1:I1")
    ws.append(HEADER)
    ws.append(_person(1, "王伟", township="东风镇"))
    ws.append(_person(2, "李娜"))
    ws.append(_person(3, "张强"))
    ws.append(_person(4, "赵敏", village="新华村", township="红星乡"))
    ws.merge_cells(start_row=3, start_column=COL["所属乡镇"], end_row=5, end_column=COL["所属乡镇"])
    path = tmp_path / "hidden.xlsx"
    wb.save(path)

    data = read_roster_sheet(path)

    assert data.sheet_name == "花名册" and data.header_row == 2
    assert [(r.row_number, r.values["name"], r.values["township"]) for r in data.rows] == [
        (3, "王伟", "东风镇"),
        (4, "李娜", "东风镇"),
        (5, "张强", "东风镇"),
        (6, "赵敏", "红星乡"),
    ]
    _assert_closed(path)


def test_a_chart_sheet_in_front_is_skipped(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(_person(1, "孙丽", township="石桥镇"))
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=2, max_row=2))
    wb.create_chartsheet("统计图", 0).add_chart(chart)
    path = tmp_path / "chart.xlsx"
    wb.save(path)

    data = read_roster_sheet(path)

    assert data.sheet_name == "Sheet" and [r.values["name"] for r in data.rows] == ["孙丽"]


@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904], ids=["1900", "mac-1904"])
def test_date_cells_come_back_as_the_dates_the_clerk_typed(tmp_path, epoch) -> None:
    wb = Workbook()
    if epoch is not None:
        wb.epoch = epoch  # a file saved by Excel for Mac counts days from 1904
    ws = wb.active
    ws.append(HEADER)
    ws.append([*_person(1, "王伟", township="东风镇")[:-1], date(2024, 3, 1)])
    ws.append([*_person(2, "李娜", township="东风镇")[:-1], datetime(2025, 5, 6, 0, 0)])
    ws.cell(row=3, column=COL["驻村开始时间"]).number_format = "yyyy年m月d日"
    path = tmp_path / "dates.xlsx"
    wb.save(path)

    rows = read_roster_sheet(path).rows

    assert [r.values["start_date"] for r in rows] == [datetime(2024, 3, 1), datetime(2025, 5, 6)]


def test_a_sparse_row_keeps_every_value_in_its_own_column(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    # No 序号 and no 姓名: the row's first cell in the file is the ID in column C.
    ws.cell(row=2, column=COL["身份证号"], value=id_number(date(1990, 1, 5), 22))
    ws.cell(row=2, column=COL["所驻村"], value="大河村")
    # Only the 姓名 and the last column; nothing in between.
    ws.cell(row=3, column=COL["姓名"], value="陈丽")
    ws.cell(row=3, column=COL["驻村开始时间"], value="2025年5月")
    # Row 4 left out of the file entirely; row 5 has only a 序号, which is not a person.
    ws.cell(row=5, column=1, value=3)
    ws.cell(row=6, column=COL["姓名"], value="刘洋")
    path = tmp_path / "sparse.xlsx"
    wb.save(path)

    rows = read_roster_sheet(path).rows

    assert [r.row_number for r in rows] == [2, 3, 6]
    first, second, third = (r.values for r in rows)
    assert first["name"] is None and first["id_number"] == id_number(date(1990, 1, 5), 22)
    assert first["village"] == "大河村" and first["unit"] is None and first["start_date"] is None
    assert second == {**dict.fromkeys(first), "name": "陈丽", "start_date": "2025年5月"}
    assert third == {**dict.fromkeys(first), "name": "刘洋"}


def test_a_merged_township_wins_over_old_text_left_in_the_cells_it_covers(tmp_path) -> None:
    """LibreOffice can keep the hidden cells' text when merging; Excel and WPS show only the top one."""
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(_person(1, "王伟", township="东风镇"))
    ws.append(_person(2, "李娜", township="旧镇"))
    ws.append(_person(3, "张强", township="旧镇"))
    path = tmp_path / "covered.xlsx"
    wb.save(path)
    _add_merges(path, "H2:H4")

    rows = read_roster_sheet(path).rows

    assert [r.values["township"] for r in rows] == ["东风镇", "东风镇", "东风镇"]


def test_header_texts_hidden_under_a_merged_title_are_not_taken_for_the_header(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["东风镇驻村干部花名册", *HEADER[1:]])  # last year's header, under this year's title
    ws.append(HEADER)
    ws.append(_person(1, "王伟", township="东风镇"))
    path = tmp_path / "title.xlsx"
    wb.save(path)
    _add_merges(path, "A1:I1")

    data = read_roster_sheet(path)

    assert data.header_row == 2
    assert [(r.row_number, r.values["name"]) for r in data.rows] == [(3, "王伟")]


def test_a_footer_merged_across_the_row_is_not_a_person(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(_person(1, "王伟", township="东风镇"))
    ws.append(["以下空白"])
    ws.merge_cells("A3:I3")
    ws.append([None, "填表人：陈某某"])
    ws.merge_cells("B4:E4")
    path = tmp_path / "footer.xlsx"
    wb.save(path)

    assert [r.values["name"] for r in read_roster_sheet(path).rows] == ["王伟"]


def test_a_damaged_sheet_gets_the_save_as_message_and_the_file_is_closed(tmp_path) -> None:
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.append(_person(1, "王伟", township="东风镇"))
    path = tmp_path / "damaged.xlsx"
    wb.save(path)
    _rewrite_sheet_xml(path, "xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])

    with pytest.raises(SheetError) as err:
        read_roster_sheet(path)

    assert (
        err.value.message == "无法打开文件“damaged.xlsx”：请确认是.xlsx格式（WPS/Excel另存为“Excel 工作簿”）"
    )
    _assert_closed(path)


def test_the_file_is_closed_after_a_refused_header(tmp_path) -> None:
    wb = Workbook()
    wb.active.append(["姓名", "派出单位", "编制性质", "驻村角色", "所驻村", "所属乡镇", "驻村开始时间"])
    path = tmp_path / "no-id.xlsx"
    wb.save(path)

    with pytest.raises(SheetError, match="表头缺少必填列：身份证号"):
        read_roster_sheet(path)

    _assert_closed(path)


def test_the_file_can_be_overwritten_right_after_reading(tmp_path) -> None:
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.append(_person(1, "王伟", township="东风镇"))
    path = tmp_path / "again.xlsx"
    wb.save(path)

    read_roster_sheet(path)
    _assert_closed(path)
    wb.active.append(_person(2, "李娜", township="东风镇"))
    wb.save(path)  # the clerk fixes the sheet in WPS and saves over it

    assert [r.values["name"] for r in read_roster_sheet(path).rows] == ["王伟", "李娜"]
