"""The monthly 请销假登记簿 (§8) as PDF and XLSX, read back: columns, repeated header, 逾期 rows, print setup."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from tests.reports.leave_samples import (
    PRINTED,
    flat,
    overlapping_words,
    page_words,
    sample_book,
    save_screenshot,
)
from zhucun_desktop.reports import leave_book
from zhucun_desktop.reports.leave_book import (
    BOOK_COLUMNS,
    approvals_text,
    period_text,
    write_leave_book_pdf,
    write_leave_book_xlsx,
)
from zhucun_desktop.reports.leave_data import LeaveBook, LeaveBookRow

HEADERS = ("序号", "姓名", "所驻村", "驻村身份", "请假类别", "起止日期", "天数", "外出去向", "审批情况",
           "应销假日期", "销假日期", "状态")  # fmt: skip


def _pdf(tmp_path: Path, book: LeaveBook, name: str = "登记簿.pdf") -> tuple[Path, list[str]]:
    path = write_leave_book_pdf(book, tmp_path / name)
    return path, [flat(page.extract_text()) for page in PdfReader(path).pages]


def test_the_columns_are_those_of_the_paper_book() -> None:
    assert tuple(c.header for c in BOOK_COLUMNS) == HEADERS


def test_forty_requests_print_on_a4_landscape_with_title_and_header_on_every_page(tmp_path) -> None:
    book = sample_book(40)
    path, pages = _pdf(tmp_path, book)
    assert book.title == "东风镇驻村干部请销假登记簿（2026年11月）"
    assert len(pages) >= 2
    for n, (page, text) in enumerate(zip(PdfReader(path).pages, pages), start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        assert "".join(HEADERS) in text, n  # the header row repeats
        assert f"第{n}页共{len(pages)}页" in text and f"打印时间：{PRINTED:%Y-%m-%d%H:%M}" in text
        assert book.title in text
    assert pages[0].startswith(book.title + "XX县东风镇共40条，其中逾期未销假")
    everything = "".join(pages)
    for n, row in enumerate(book.rows, start=1):
        line = f"{n}{row.name}{row.village}{row.role}{row.kind}{period_text(row, 2026)}{row.days}"
        assert line in everything, line
        assert flat(approvals_text(row)) in everything
        assert flat(row.destination) in everything
    assert everything.count("逾期未销假") == 1 + sum(r.state == "逾期未销假" for r in book.rows)
    for (width, height), words in page_words(path):
        assert all(10 <= w[0] and w[2] <= width - 10 and w[3] <= height - 10 for w in words)
        assert overlapping_words(words) == []


def test_dates_leave_out_the_year_of_the_book_but_not_another_year() -> None:
    row = LeaveBookRow("张伟", "大河村", "工作队员", "事假", date(2025, 12, 30), date(2026, 1, 2), 4, "成都",
                       "村党支部 同意 12-28", "已销假", date(2026, 1, 5), date(2026, 1, 5))  # fmt: skip
    assert period_text(row, 2026) == "2025.12.30—01.02"
    row.start = row.end
    assert period_text(row, 2026) == "01.02"


def test_a_first_secretarys_handover_person_is_shown_with_the_approvals(tmp_path) -> None:
    book = sample_book(8)
    secretary = next(r for r in book.rows if r.role == "驻村第一书记")
    _, pages = _pdf(tmp_path, book)
    assert f"工作交接人：{secretary.handover_name}" in "".join(pages)


def test_overdue_rows_stand_out_with_a_light_fill_and_the_days_of_absence(tmp_path) -> None:
    book = sample_book(12)
    overdue = [r for r in book.rows if r.state == "逾期未销假"]
    assert overdue and all(r.overdue_days for r in overdue)
    path, pages = _pdf(tmp_path, book)
    assert f"逾期未销假旷工{overdue[0].overdue_days}天" in pages[0]
    (_, words), *_ = page_words(path)
    y_of = {w[4]: (w[1] + w[3]) / 2 for w in words}
    subprocess.run(["pdftoppm", "-gray", "-r", "72", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    magic, width, _height, _max, pixels = (tmp_path / "page.pgm").read_bytes().split(maxsplit=4)
    assert magic == b"P5"
    x = round(leave_book.MARGIN_X + 3)  # inside the 序号 cell, left of its number

    def grey(name: str) -> int:
        return pixels[round(y_of[name]) * int(width) + x]

    normal = next(r for r in book.rows if r.state == "已销假" and r.name in y_of)
    assert grey(normal.name) == 255
    assert 200 <= grey(overdue[0].name) < 245  # shaded, but light enough for the text on it


def test_the_last_page_closes_with_lines_for_the_filler_and_the_reviewer(tmp_path) -> None:
    _, pages = _pdf(tmp_path, sample_book(40))
    assert "填表人：__________审核人：__________填报日期：______年____月____日" in pages[-1]
    assert all("填表人" not in text for text in pages[:-1])


def test_a_month_without_leave_prints_one_page_saying_so(tmp_path) -> None:
    book = LeaveBook("XX县", "", 2026, 2, printed_at=PRINTED)
    _, pages = _pdf(tmp_path, book)
    assert len(pages) == 1
    assert "驻村干部请销假登记簿（2026年2月）" in pages[0] and "XX县（全县）共0条" in pages[0]
    assert "（本月无请销假记录）" in pages[0] and "填表人" in pages[0]


def test_the_pdf_embeds_its_fonts(tmp_path) -> None:
    assert shutil.which("pdffonts"), "poppler-utils must be installed for this test"
    path, _ = _pdf(tmp_path, sample_book(40))
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert lines[2:], lines
    for line in lines[2:]:
        assert "TrueType" in line and re.search(r"\byes\s+yes\s+yes\b", line), line
        assert not re.search(r"Helvetica|Times|Courier|Symbol|ZapfDingbats", line), line


def test_a_failed_pdf_write_keeps_the_old_file(tmp_path, monkeypatch) -> None:
    path, _ = _pdf(tmp_path, sample_book(3))
    before = path.read_bytes()

    def power_cut(self: Canvas) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(Canvas, "save", power_cut)
    with pytest.raises(OSError, match="power cut"):
        write_leave_book_pdf(sample_book(40), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [path.name]


# ---- XLSX ----


def widths_of(ws) -> dict[str, float]:
    return {c.header: ws.column_dimensions[chr(ord("A") + k)].width for k, c in enumerate(BOOK_COLUMNS)}


def test_the_workbook_has_the_same_layout_ready_to_print(tmp_path) -> None:
    book = sample_book(40)
    path = write_leave_book_xlsx(book, tmp_path / "登记簿.xlsx")
    ws = load_workbook(path).active
    assert ws.title == "2026年11月"
    assert ws["A1"].value == book.title and "A1:L1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value.startswith("XX县东风镇　共 40 条")
    assert tuple(c.value for c in ws[3]) == HEADERS
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows.replace("$", "") == "1:3"  # title, place and header on every page
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    widths = widths_of(ws)
    assert widths["审批情况"] >= 36 and widths["外出去向"] >= 16 and widths["序号"] <= 6


def test_the_workbook_rows_hold_values_a_clerk_can_sort_and_sum(tmp_path) -> None:
    book = sample_book(40)
    ws = load_workbook(write_leave_book_xlsx(book, tmp_path / "b.xlsx")).active
    col = {h: k for k, h in enumerate(HEADERS)}
    for n, row in enumerate(book.rows, start=1):
        cells = ws[3 + n]
        assert cells[0].value == n and cells[1].value == row.name and cells[6].value == row.days
        assert cells[col["起止日期"]].value == period_text(row, 2026)
        assert cells[col["审批情况"]].value == approvals_text(row)
        assert cells[col["审批情况"]].alignment.wrap_text
        due = cells[col["应销假日期"]]
        assert due.value.date() == row.return_due and due.number_format == "yyyy-mm-dd"
        returned = cells[col["销假日期"]].value
        assert (returned.date() if returned else None) == row.returned_on
        # Excel counts a Chinese character as two columns of width: the row is tall enough for every line.
        width = sum(2 if ord(ch) > 0x2E7F else 1 for ch in approvals_text(row))
        assert ws.row_dimensions[3 + n].height >= 14 * -(-width // widths_of(ws)["审批情况"])
    assert sum(ws.cell(3 + n, 7).value for n in range(1, 41)) == sum(r.days for r in book.rows)


def test_overdue_rows_are_filled_in_the_workbook_too(tmp_path) -> None:
    book = sample_book(40)
    ws = load_workbook(write_leave_book_xlsx(book, tmp_path / "b.xlsx")).active
    for n, row in enumerate(book.rows, start=1):
        state = ws.cell(3 + n, len(HEADERS))
        fills = {ws.cell(3 + n, k).fill.fgColor.rgb[-6:] for k in range(1, len(HEADERS) + 1)}
        assert fills == ({"F6D6D6"} if row.state == "逾期未销假" else {"000000"}), row
        if row.overdue_days:
            assert state.value == f"逾期未销假\n旷工{row.overdue_days}天" and state.font.color.rgb.endswith(
                "9B0000"
            )


def test_the_workbook_closes_with_the_signature_lines_and_an_empty_month_says_so(tmp_path) -> None:
    ws = load_workbook(write_leave_book_xlsx(sample_book(40), tmp_path / "b.xlsx")).active
    texts = [c.value for c in ws[ws.max_row] if c.value]
    assert texts == ["填表人：__________", "审核人：__________", "填报日期：______年____月____日"]
    empty = load_workbook(
        write_leave_book_xlsx(LeaveBook("XX县", "红星乡", 2026, 2), tmp_path / "e.xlsx")
    ).active
    assert empty["A4"].value == "（本月无请销假记录）" and "A4:L4" in {
        str(r) for r in empty.merged_cells.ranges
    }


def test_screenshot_of_the_book_for_the_readme(tmp_path) -> None:
    path, _ = _pdf(tmp_path, sample_book(40))
    png = save_screenshot(path, "leave_book")
    from PIL import Image

    with Image.open(png) as image:
        assert abs(image.width - 842 * 70 / 72) <= 1 and abs(image.height - 595 * 70 / 72) <= 1
        assert len(image.convert("L").getcolors(256) or []) > 20  # not a blank page
