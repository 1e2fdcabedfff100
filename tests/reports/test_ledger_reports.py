"""The printed 负面清单及整改台账 (§13): A4 landscape PDF and print-ready XLSX in the ledger's columns, overdue rows
highlighted, header repeated, page N of M — read back with pypdf, pdftotext and openpyxl."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from zhucun_desktop.reports.ledger_data import LEDGER_COLUMNS, LedgerPrint, LedgerPrintRow
from zhucun_desktop.reports.ledger_pdf import render_ledger_pdf
from zhucun_desktop.reports.ledger_xlsx import OVERDUE_FILL_COLOR, write_ledger_xlsx

PRINTED = datetime(2026, 11, 23, 9, 30)


def row(i: int, *, overdue: bool = False, state: str = "整改中") -> LedgerPrintRow:
    return LedgerPrintRow(
        source="县委组织部抽查（实地检查）" if i % 2 else "乡镇日常管理", found_on=date(2026, 10, 1 + i % 20),
        subject=f"驻村干部{i}号（驻村干部）", description=f"第{i}号问题：驻村工作日志记录不全，与考勤登记不一致 & 需核实",
        measures="逐日补记工作日志，乡镇每月检查", deadline=date(2026, 11, 1 + i % 20), responsible=f"责任人{i}",
        progress="2026-10-05 已约谈本人\n2026-10-20 正在整改", completed_on=None,
        verification="核查未通过（2026-10-22 周明）：继续整改" if i == 3 else "", circulated=i == 2, state=state,
        overdue=overdue)


def ledger(n: int) -> LedgerPrint:
    rows = tuple(row(i, overdue=i % 4 == 1) for i in range(1, n + 1))
    return LedgerPrint(title="东风镇负面清单及整改台账", subtitle=f"截至2026年11月23日　共{n}条", rows=rows,
                       printed_at=PRINTED)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_the_pdf_is_a4_landscape_with_the_title_every_column_and_page_n_of_m(tmp_path):
    out = tmp_path / "台账.pdf"
    render_ledger_pdf(ledger(40), out)
    reader = PdfReader(out)
    assert len(reader.pages) > 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    pages = [p.extract_text() for p in reader.pages]
    assert "东风镇负面清单及整改台账" in pages[0]
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        assert f"第 {n} 页 共 {total} 页" in text
        compact = text.replace(" ", "").replace("\n", "")
        assert all(head in compact for head in ("问题来源", "发现时间", "责任主体", "整改时限", "核查结果")), n
    everything = pdftotext(out).replace(" ", "")
    assert "第40号问题" in everything and "&需核实" in everything
    assert everything.count("（逾期）") == 10


def test_an_empty_ledger_still_prints_its_header_and_says_so(tmp_path):
    out = tmp_path / "空.pdf"
    render_ledger_pdf(LedgerPrint("东风镇负面清单及整改台账", "截至2026年11月23日　共0条", (), PRINTED), out)
    assert "暂无台账记录" in PdfReader(out).pages[0].extract_text()


def test_the_fonts_are_embedded(tmp_path):
    out = tmp_path / "台账.pdf"
    render_ledger_pdf(ledger(3), out)
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(line.split()[-5] == "yes" for line in rows)  # the "emb" column


def test_the_xlsx_has_the_same_columns_overdue_rows_filled_and_prints_a4_landscape(tmp_path):
    out = tmp_path / "台账.xlsx"
    data = ledger(6)
    write_ledger_xlsx(data, out)
    ws = load_workbook(out).active
    assert ws["A1"].value == "东风镇负面清单及整改台账"
    assert tuple(c.value for c in ws[3]) == LEDGER_COLUMNS
    first = [c.value for c in ws[4]]
    assert first[0] == 1 and first[6] == "2026-11-02（逾期）" and first[8] == "2026-10-05 已约谈本人\n2026-10-20 正在整改"
    assert ws.cell(row=4, column=5).fill.fgColor.rgb.endswith(OVERDUE_FILL_COLOR)
    assert ws.cell(row=5, column=5).fill.fgColor.rgb != ws.cell(row=4, column=5).fill.fgColor.rgb
    assert [ws.cell(row=r, column=12).value for r in range(4, 10)] == ["否", "是", "否", "否", "否", "否"]
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$3"


def test_the_first_page_renders_to_an_image_with_red_overdue_rows(tmp_path):
    out = tmp_path / "ledger.pdf"
    render_ledger_pdf(ledger(12), out)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(tmp_path / "ledger")],
                   check=True)
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(tmp_path / "ledger-1.png"))
    reds = sum(QColor(image.pixel(x, y)).name() == "#f8d7d5" for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4))
    assert image.width() > image.height() and reds > 100
