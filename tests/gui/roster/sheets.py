"""An ugly roster sheet as townships really send them, built with openpyxl for the import tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from tests.gui.roster.builders import id_number, wrong_check_digit

# Synonyms instead of our column names, a stray space, a 序号 column.
HEADER = ["序号", "姓 名", "性别", "身份证号码", "政治面貌", "入党时间", "参加工作时间", "编制性质", "选派单位",
          "职务", "驻村身份", "驻村村名", "乡镇", "到村时间", "批次", "手机号码"]


def person_row(name: str, birth: date, serial: int, *, role: str = "第一书记", village: str = "大坪村",
               unit: str = "县财政局", political: str = "中共党员") -> list:
    party = "2008.06" if political == "中共党员" else None
    return [name, "男" if serial % 2 else "女", id_number(birth, serial), political, party,
            datetime(2008, 7, 1), "在编在岗", unit, "四级主任科员", role, village, "东风镇", "2025年5月", "第十批",
            "139 8765 4321"]


def ugly_roster(path: Path, rows: list[list]) -> Path:
    """A merged title row, a 填报单位 line, the header on row 3, data from row 4, a 填表人 footer."""
    wb = Workbook()
    sheet = wb.active
    sheet.append(["东风镇驻村第一书记和工作队员花名册"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["填报单位：东风镇党委", *[None] * 12, "填报时间：2025年6月"])
    sheet.append(HEADER)
    for i, row in enumerate(rows, start=1):
        sheet.append([i, *row])
    sheet.append(["填表人：张三"])
    wb.save(path)
    return path


def roster_with_one_bad_row(path: Path) -> Path:
    """Rows 4, 5 and 7 are good; row 6 has a mistyped 身份证号 check digit."""
    bad = person_row("李强", date(1987, 4, 2), 331, role="队员")
    bad[2] = wrong_check_digit(bad[2])
    return ugly_roster(path, [
        person_row("王建国", date(1985, 3, 12), 123),
        person_row("陈丽", date(1990, 1, 5), 224, role="队员", village="小河村", unit="县农业农村局"),
        bad,
        person_row("赵敏", date(1986, 9, 9), 441, role="工作队员", political="群众"),
    ])
