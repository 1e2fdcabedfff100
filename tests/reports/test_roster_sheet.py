"""Reading roster spreadsheets as clerks make them: title rows, synonyms, merged cells, footers."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from zhucun_desktop.domain.roster_fields import ROSTER_FIELDS
from zhucun_desktop.reports.roster_data import RosterRow
from zhucun_desktop.reports.roster_xlsx import write_roster_xlsx
from zhucun_desktop.services.errors import ServiceError
from zhucun_desktop.services.roster_sheet import SheetError, read_roster_sheet

# The ugly header of a real township sheet: synonyms, a "*" mark, a line break, full-width spaces.
UGLY_HEADER = [
    "序号",
    "*姓\u3000名",
    "性别",
    "民族",
    "出生年月",
    "身份证\n号码",
    "政治面貌",
    "入党时间",
    "参加工作时间",
    "文化程度",
    "选派单位",
    "职务（职级）",
    "编制性质（必填）",
    "驻村身份",
    "是否队长",
    "驻村村名",
    "所属 乡镇",
    "驻村时间",
    "期满时间",
    "批次",
    "手机号码",
    "备注",
]
C = {h: i for i, h in enumerate(UGLY_HEADER, start=1)}  # column index by header as written


def _person(name: str, id_number: str, village: str, **extra: Any) -> dict[str, Any]:
    values = {
        "*姓\u3000名": name,
        "身份证\n号码": id_number,
        "性别": "男",
        "选派单位": "县农业农村局",
        "编制性质（必填）": "在编在岗",
        "驻村身份": "工作队员",
        "驻村村名": village,
        "驻村时间": datetime(2024, 3, 1),
        "手机号码": "13912345678",
    }
    values.update(extra)
    return values


def _ugly_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "东风镇"
    last = len(UGLY_HEADER)
    ws.cell(row=1, column=1, value="XX县驻村第一书记和工作队员花名册")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.cell(row=2, column=1, value="填报单位（盖章）：东风镇党委")
    ws.cell(row=2, column=12, value="填报日期：2026年3月5日")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=6)
    for col, header in enumerate(UGLY_HEADER, start=1):
        ws.cell(row=3, column=col, value=header)

    people = {
        4: _person(
            "  王伟\u3000",
            "510921198503120010",
            "柳树村",
            驻村身份="第一书记",
            是否队长="是",
            出生年月=datetime(1985, 3, 1),
        ),
        5: _person("李娜", "51092119900101002X", "柳树村", 出生年月="1990.01"),
        6: _person("张强", 510921198807150031, "大河村"),
        # row 7 left empty on purpose
        8: _person("赵敏", "510921199202020048", "新华村", **{"所属 乡镇": "红星乡"}),
        9: _person(
            "刘洋",
            "510921198711110053",
            "新华村",
            **{"所属 乡镇": "红星乡", "期满时间": datetime(2026, 3, 1)},
        ),
    }
    for row, values in people.items():
        ws.cell(row=row, column=1, value=row - 3)
        for header, value in values.items():
            ws.cell(row=row, column=C[header], value=value)
    # 所属乡镇 merged down over the first three people: only the top cell holds the value.
    ws.cell(row=4, column=C["所属 乡镇"], value="东风镇")
    ws.merge_cells(start_row=4, start_column=C["所属 乡镇"], end_row=6, end_column=C["所属 乡镇"])
    ws.cell(row=10, column=1, value="合计")
    ws.cell(row=10, column=C["驻村村名"], value="共5人")
    ws.cell(row=12, column=1, value="填表人：陈某某　　　审核人：周某某　　联系电话：0831-1234567")
    ws.merge_cells(start_row=12, start_column=1, end_row=12, end_column=8)
    ws.cell(row=13, column=C["*姓\u3000名"], value="制表人：陈某某")
    ws.cell(row=13, column=C["手机号码"], value="13800000000")
    wb.save(path)
    return path


def test_ugly_sheet_header_synonyms_and_unknown_columns(tmp_path) -> None:
    data = read_roster_sheet(_ugly_workbook(tmp_path / "东风镇花名册.xlsx"))
    assert data.sheet_name == "东风镇"
    assert data.header_row == 3
    assert data.columns == {
        "name": 2,
        "sex": 3,
        "ethnicity": 4,
        "birth_month": 5,
        "id_number": 6,
        "political_status": 7,
        "party_join_date": 8,
        "work_start_date": 9,
        "education": 10,
        "unit": 11,
        "position": 12,
        "staffing": 13,
        "role": 14,
        "is_leader": 15,
        "village": 16,
        "township": 17,
        "start_date": 18,
        "end_date": 19,
        "batch": 20,
        "phone": 21,
    }
    assert data.unknown_headers == ["备注"]  # 序号 is expected and silently ignored
    assert data.header_texts["id_number"] == "身份证 号码"


def test_ugly_sheet_rows_keep_sheet_row_numbers_and_skip_empty_and_footer_rows(tmp_path) -> None:
    data = read_roster_sheet(_ugly_workbook(tmp_path / "a.xlsx"))
    assert [r.row_number for r in data.rows] == [4, 5, 6, 8, 9]
    assert [r.values["name"] for r in data.rows] == ["王伟", "李娜", "张强", "赵敏", "刘洋"]


def test_merged_township_is_filled_into_every_row_it_covers(tmp_path) -> None:
    data = read_roster_sheet(_ugly_workbook(tmp_path / "a.xlsx"))
    assert [r.values["township"] for r in data.rows] == ["东风镇", "东风镇", "东风镇", "红星乡", "红星乡"]


def test_values_stay_raw_as_openpyxl_gives_them(tmp_path) -> None:
    rows = read_roster_sheet(_ugly_workbook(tmp_path / "a.xlsx")).rows
    first, second, third = rows[0].values, rows[1].values, rows[2].values
    assert first["birth_month"] == datetime(1985, 3, 1)
    assert second["birth_month"] == "1990.01"
    # Typed as a number, Excel keeps 15 significant digits: the reader hands over the float, unchanged,
    # and the validator reports the lost digits instead of this layer guessing them.
    assert isinstance(third["id_number"], float) and third["id_number"] == pytest.approx(5.10921198807150e17)
    assert second["id_number"] == "51092119900101002X"
    assert first["role"] == "第一书记" and first["is_leader"] == "是"
    assert first["end_date"] is None and rows[4].values["end_date"] == datetime(2026, 3, 1)
    assert first["political_status"] is None
    assert set(first) == {f.key for f in ROSTER_FIELDS}


def test_header_is_found_on_a_later_sheet_after_an_instructions_sheet(tmp_path) -> None:
    wb = Workbook()
    wb.active.title = "填表说明"
    wb.active["A1"] = "请按要求填写，姓名必填"
    ws = wb.create_sheet("花名册")
    header = ["姓名", "公民身份号码", "工作单位", "人员性质", "驻村职务", "派驻村", "乡镇", "到村时间"]
    ws.append(header)
    ws.append(
        ["孙丽", "510921199303030066", "县财政局", "在编在岗", "工作队员", "上坪村", "石桥镇", "2024-03-01"]
    )
    data = read_roster_sheet(_save(wb, tmp_path / "b.xlsx"))
    assert data.sheet_name == "花名册" and data.header_row == 1
    assert data.rows[0].row_number == 2 and data.rows[0].values["start_date"] == "2024-03-01"


def test_duplicate_column_keeps_the_first_and_reports_the_second(tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "姓名",
            "身份证号",
            "派出单位",
            "编制性质",
            "驻村角色",
            "所驻村",
            "所属乡镇",
            "驻村开始时间",
            "联系电话",
            "手机号",
        ]
    )
    ws.append(
        [
            "周杰",
            "510921199001010010",
            "县委组织部",
            "在编在岗",
            "工作队员",
            "柳树村",
            "东风镇",
            None,
            "0831-1234567",
            "13800000000",
        ]
    )
    data = read_roster_sheet(_save(wb, tmp_path / "d.xlsx"))
    assert data.columns["phone"] == 9
    assert data.unknown_headers == ["手机号"]
    assert data.rows[0].values["phone"] == "0831-1234567"


def test_missing_required_column_names_it_and_its_synonyms(tmp_path) -> None:
    wb = Workbook()
    wb.active.append(
        ["姓名", "性别", "派出单位", "编制性质", "驻村角色", "所驻村", "所属乡镇", "驻村开始时间"]
    )
    with pytest.raises(SheetError) as err:
        read_roster_sheet(_save(wb, tmp_path / "e.xlsx"))
    assert "表头缺少必填列：身份证号（也可写作 身份证号码/公民身份号码）" in err.value.message
    assert isinstance(err.value, ServiceError)


def test_no_header_in_the_first_15_rows(tmp_path) -> None:
    wb = Workbook()
    for _ in range(15):
        wb.active.append(["说明"])
    wb.active.append(["姓名", "身份证号", "派出单位", "编制性质", "驻村角色", "所驻村", "所属乡镇"])
    with pytest.raises(SheetError, match="没有找到花名册表头"):
        read_roster_sheet(_save(wb, tmp_path / "f.xlsx"))


def test_old_xls_file_is_told_to_save_as_xlsx(tmp_path) -> None:
    path = tmp_path / "花名册.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(SheetError) as err:
        read_roster_sheet(path)
    assert ".xls" in err.value.message and "另存为" in err.value.message and ".xlsx" in err.value.message


def test_ole_file_named_xlsx_mentions_password_or_renamed_xls(tmp_path) -> None:
    path = tmp_path / "加密.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(SheetError, match="密码"):
        read_roster_sheet(path)


@pytest.mark.parametrize(
    "content",
    [b"name,id\n\xe5\xbc\xa0\xe4\xb8\x89,1\n", b""],
    ids=["csv-renamed", "empty-file"],
)
def test_a_file_that_is_not_xlsx_gets_the_save_as_message(tmp_path, content) -> None:
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(content)
    with pytest.raises(SheetError) as err:
        read_roster_sheet(path)
    assert (
        err.value.message == "无法打开文件“花名册.xlsx”：请确认是.xlsx格式（WPS/Excel另存为“Excel 工作簿”）"
    )


def test_a_zip_that_is_not_a_workbook_gets_the_save_as_message(tmp_path) -> None:
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(SheetError, match="请确认是.xlsx格式"):
        read_roster_sheet(path)


def test_missing_file(tmp_path) -> None:
    with pytest.raises(SheetError, match="找不到文件"):
        read_roster_sheet(tmp_path / "nope.xlsx")


def _typed(values: dict[str, Any]) -> RosterRow:
    """The inverse of the export, for the round-trip test only (the real conversion is the validator's)."""
    kwargs: dict[str, Any] = {}
    for f in ROSTER_FIELDS:
        v = values[f.key]
        if f.key == "is_leader":
            v = v == "是"
        elif isinstance(v, datetime):
            v = v.date()
        elif v is None and isinstance(getattr(RosterRow(), f.key), str):
            v = ""
        kwargs[f.key] = v
    return RosterRow(**kwargs)


def test_export_then_read_round_trip_returns_every_field(tmp_path, roster_factory) -> None:
    rows = roster_factory(60, seed=11)
    rows[0].id_number = "11010519491231002X"
    rows[1].phone = "0831-1234567"
    path = tmp_path / "export.xlsx"
    write_roster_xlsx(rows, path, title="XX县驻村第一书记和工作队员花名册")
    data = read_roster_sheet(path)
    assert data.header_row == 2 and data.unknown_headers == []
    assert [r.row_number for r in data.rows] == list(range(3, 3 + len(rows)))
    back = [_typed(r.values) for r in data.rows]
    for original, read in zip(rows, back, strict=True):
        assert read == original
    assert any(r.end_date is None for r in rows) and any(isinstance(r.party_join_date, date) for r in rows)


def _save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path
