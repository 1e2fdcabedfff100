"""The printed 花名册 PDF, read back with pypdf and poppler's pdftotext; plus the font registry."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from zhucun_desktop.reports import fonts, roster_pdf
from zhucun_desktop.reports.roster_data import RosterRow
from zhucun_desktop.reports.roster_pdf import PDF_COLUMN_HEADERS, render_roster_pdf

TITLE = "XX县驻村第一书记和工作队员花名册"


def _render(tmp_path: Path, rows: list[RosterRow], printed_at, **kw) -> tuple[Path, PdfReader]:
    path = tmp_path / "花名册.pdf"
    render_roster_pdf(rows, path, title=TITLE, printed_at=printed_at, **kw)
    return path, PdfReader(path)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_200_rows_paginate_with_header_and_page_footer_on_every_page(tmp_path, rows200, printed_at) -> None:
    _, pdf = _render(tmp_path, rows200, printed_at, subtitle="截至2026年3月")
    total = len(pdf.pages)
    assert total > 1
    for n, page in enumerate(pdf.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (round(A4[1]), round(A4[0]))  # landscape A4
        text = page.extract_text()
        assert f"第 {n} 页 共 {total} 页" in text
        assert "打印时间：2026-03-18 09:30" in text
        flat = _flat(text)
        for header in PDF_COLUMN_HEADERS:  # repeatRows=1
            assert header in flat, (n, header)
    first, last = _flat(pdf.pages[0].extract_text()), _flat(pdf.pages[-1].extract_text())
    assert TITLE in first and "截至2026年3月" in first and "共200人" in first
    assert rows200[0].name in first and rows200[0].unit in first
    assert rows200[-1].phone in last and "200" in last


def test_every_row_is_printed_once_in_order(tmp_path, rows200, printed_at) -> None:
    _, pdf = _render(tmp_path, rows200, printed_at)
    phones = re.findall(r"1\d{10}", "".join(p.extract_text() for p in pdf.pages))
    assert phones == [r.phone for r in rows200]


def test_id_numbers_are_not_printed(tmp_path, rows200, printed_at) -> None:
    _, pdf = _render(tmp_path, rows200, printed_at)
    text = _flat("".join(p.extract_text() for p in pdf.pages))
    assert "身份证" not in text
    assert not [r.id_number for r in rows200 if r.id_number in text]


def test_all_fonts_are_embedded_truetype(tmp_path, rows5, printed_at) -> None:
    _, pdf = _render(tmp_path, rows5, printed_at)
    for page in pdf.pages:
        page_fonts = page["/Resources"]["/Font"]
        assert len(page_fonts) >= 1
        for name, ref in page_fonts.items():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, name  # embedded TrueType (glyf) program
            assert re.match(r"/[A-Z]{6}\+", str(font["/BaseFont"])), font["/BaseFont"]  # a subset


def test_pdftotext_reads_chinese_term_and_footer(tmp_path, rows5, printed_at) -> None:
    assert shutil.which("pdftotext"), "poppler-utils must be installed for this test"
    path, _ = _render(tmp_path, rows5, printed_at)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "第1页共1页" in _flat(out)  # poppler drops the spaces between CJK glyphs
    assert all(r.name in out for r in rows5)
    term = f"{rows5[0].start_date:%Y.%m}—{rows5[0].end_date:%Y.%m}" if rows5[0].end_date else None
    assert term is None or term in out
    assert "驻村起止时间" in out and "派出单位" in out


def test_long_unit_names_wrap_inside_the_cell_and_markup_is_escaped(tmp_path, printed_at) -> None:
    unit = "县自然资源和规划局不动产登记中心第三分中心暨农村宅基地&集体建设用地<确权>办公室"
    rows = [RosterRow(name="欧阳娜娜", unit=unit, position="办公室主任（八级职员）", role="驻村第一书记")]
    path, pdf = _render(tmp_path, rows, printed_at)
    text = pdf.pages[0].extract_text()
    assert unit in _flat(text)  # nothing clipped or lost
    assert unit not in text  # ... and it did wrap onto more than one line
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(path), str(png)], check=True)
    assert list(tmp_path.glob("page*.png"))


def test_a_missing_end_date_prints_an_open_term(tmp_path, printed_at) -> None:
    from datetime import date

    rows = [RosterRow(name="张三", start_date=date(2024, 3, 1)), RosterRow(name="李四")]
    _, pdf = _render(tmp_path, rows, printed_at)
    text = pdf.pages[0].extract_text()
    assert "2024.03—" in text and "2024.03—20" not in text


def test_empty_roster_prints_one_page_saying_so(tmp_path, printed_at) -> None:
    _, pdf = _render(tmp_path, [], printed_at)
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "（无人员）" in text and "共 0 人" in text and "第 1 页 共 1 页" in text


def test_column_widths_fill_the_frame_and_fixed_columns_fit_their_content() -> None:
    body = fonts.register_cjk_fonts().body
    frame = roster_pdf.PAGE_SIZE[0] - 2 * roster_pdf.MARGIN_X
    widths = roster_pdf._column_widths(body, frame)
    assert sum(widths) == pytest.approx(frame, abs=0.5)
    for col, width in zip(roster_pdf.COLUMNS, widths):
        content = col.sample or col.header
        assert (
            pdfmetrics.stringWidth(content, body, roster_pdf.BODY_SIZE) + 2 * roster_pdf.CELL_PAD_X <= width
        )


def test_failed_render_keeps_the_old_file(tmp_path, rows5, printed_at, monkeypatch) -> None:
    path, _ = _render(tmp_path, rows5, printed_at)
    before = path.read_bytes()

    def broken_build(self, *args, **kwargs):
        Path(self.filename).write_bytes(b"%PDF-1.4 half")
        raise RuntimeError("power cut")

    monkeypatch.setattr(roster_pdf.SimpleDocTemplate, "build", broken_build)
    with pytest.raises(RuntimeError, match="power cut"):
        render_roster_pdf(rows5, path, title=TITLE, printed_at=printed_at)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["花名册.pdf"]


# ---- fonts ----


def test_register_cjk_fonts_is_cached_and_uses_the_bundled_font_off_windows() -> None:
    first = fonts.register_cjk_fonts()
    assert fonts.register_cjk_fonts() is first
    assert first.body in pdfmetrics.getRegisteredFontNames()
    assert first.bold_title in pdfmetrics.getRegisteredFontNames()
    if fonts._windows_fonts_dir() is None:
        assert first.source == "bundled" and first.body == fonts.BUNDLED_FONT_NAME


def test_bundled_font_path_is_the_truetype_collection_with_its_licence() -> None:
    path = fonts.bundled_font_path()
    assert path.is_file() and path.name == "wqy-microhei.ttc"
    assert path.read_bytes()[:4] == b"ttcf"
    assert (path.parent / "LICENSE-wqy-microhei.txt").is_file()


def test_windows_fonts_are_preferred_when_present(tmp_path, monkeypatch) -> None:
    # Stand-ins under unique names so the process-wide reportlab registry keeps the real ones intact.
    monkeypatch.setattr(fonts, "_WINDOWS_BODY", ("TestSimSun", "simsun.ttc"))
    monkeypatch.setattr(fonts, "_WINDOWS_TITLE", ("TestFangSong", "simfang.ttf"))
    shutil.copyfile(fonts.bundled_font_path(), tmp_path / "simsun.ttc")
    shutil.copyfile(fonts.bundled_font_path(), tmp_path / "simfang.ttf")
    chosen = fonts._register(tmp_path)
    assert chosen == fonts.FontSet(body="TestSimSun", bold_title="TestFangSong", source="windows")


def test_missing_fangsong_falls_back_to_the_body_font_for_titles(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(fonts, "_WINDOWS_BODY", ("TestSimSun2", "simsun.ttc"))
    monkeypatch.setattr(fonts, "_WINDOWS_TITLE", ("TestFangSong2", "simfang.ttf"))
    shutil.copyfile(fonts.bundled_font_path(), tmp_path / "simsun.ttc")
    assert fonts._register(tmp_path) == fonts.FontSet("TestSimSun2", "TestSimSun2", "windows")


def test_a_broken_windows_font_falls_back_to_the_bundled_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(fonts, "_WINDOWS_BODY", ("TestBrokenSimSun", "simsun.ttc"))
    (tmp_path / "simsun.ttc").write_bytes(b"not a font at all")
    chosen = fonts._register(tmp_path)
    assert chosen.source == "bundled" and chosen.body == fonts.BUNDLED_FONT_NAME
    assert "TestBrokenSimSun" not in pdfmetrics.getRegisteredFontNames()
