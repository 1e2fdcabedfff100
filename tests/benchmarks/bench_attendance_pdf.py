"""Printing a township's month: the 考勤表 PDF of 60 cadres, against reportlab drawing a bare Table of the same cells.

Ours: ``render_attendance_pdf`` on a realistic sheet (the one the report tests print: October 2026 with 国庆 and
a 调休 Saturday, postings starting and ending mid-month), so it draws the official form: two-row header, shaded
days off, struck-through days outside a posting, totals, legend, signature block, seal line, page numbers,
embedded CJK font. Baseline: platypus ``SimpleDocTemplate`` with one ``Table`` of the same texts (序号, 姓名, 驻村身份,
所驻村, a code per day, the totals) in the same font and size, a plain grid, the header repeated on each page,
written to a file the same way. Goal: < 1 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import Result, alternate
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from tests.reports.test_attendance_pdf import make_sheet
from zhucun_desktop.reports.attendance_data import AttendanceSheet
from zhucun_desktop.reports.attendance_pdf import render_attendance_pdf, total_columns
from zhucun_desktop.reports.fonts import register_cjk_fonts
from zhucun_desktop.reports.pdf_common import embedded_font_canvas

MARGIN = 10 * mm
FIXED_WIDTHS = (18, 52, 40, 46)  # as the form's 序号, 姓名, 驻村身份, 所驻村


def bare_cells(sheet: AttendanceSheet) -> list[list[str]]:
    """The texts the form prints in its grid: a header row and one row per cadre."""
    totals = total_columns(sheet)
    header = ["序号", "姓名", "驻村身份", "所驻村", *(str(d.day) for d in sheet.days),
              *(t.header.replace("\n", "") for t in totals)]
    rows = [header]
    for i, r in enumerate(sheet.rows, start=1):
        values = [t.value(r) for t in totals]
        rows.append([str(i), r.name, r.role, r.village, *(c or "" for c in r.codes),
                     *("" if v is None else str(v) for v in values)])
    return rows


def bare_table_pdf(cells: list[list[str]], path: Path, font: str) -> None:
    """reportlab's plain Table: same texts, same font, fixed column widths, a grid, header repeated."""
    width = landscape(A4)[0] - 2 * MARGIN
    rest = len(cells[0]) - len(FIXED_WIDTHS)
    widths = [*FIXED_WIDTHS, *([(width - sum(FIXED_WIDTHS)) / rest] * rest)]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                               ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("ALIGN", (4, 0), (-1, -1), "CENTER")]))
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN)
    doc.build([table], canvasmaker=embedded_font_canvas(font))


def run(rows: int = 60, runs: int = 5) -> Result:
    fonts = register_cjk_fonts()
    sheet = make_sheet(rows)
    cells = bare_cells(sheet)
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, bare_path = Path(tmp) / "ours.pdf", Path(tmp) / "bare.pdf"

        def ours() -> None:
            render_attendance_pdf([sheet], ours_path)

        def bare() -> None:
            bare_table_pdf(cells, bare_path, fonts.body)

        ours()  # font subsetting caches warmed for both
        bare()
        a, b = alternate(ours, bare, runs)
    return Result(f"考勤表PDF {rows}人×{len(sheet.days)}天 (month PDF)", a, b, "<1 s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(run(args.rows, args.runs).line())
