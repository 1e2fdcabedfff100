"""Print the monthly attendance table (考勤表, §7) of one or more townships as an A4 landscape PDF.

§7: the table is the basis for paying the living allowance (§19); the township party secretary signs it, the
party committee stamps it, and it is filed with the county org dept by the 5th working day of the next
month.  So it is drawn as a fixed official form rather than a flowing report: a grid of thin lines, every
calendar day a column (weekends and holidays shaded, 调休 working weekends marked 班), days outside a
posting struck through with a diagonal so nobody can write a code into them later, totals that a clerk can
check against the codes, and a signature block with room to sign and to stamp.

Paper and database must be matchable: a sealed table prints its content hash (the first 16 hex digits large,
the whole of it small) and the print time on every page; an unsealed one says 未封存（草稿） and carries a
light diagonal 草稿 watermark, so that a draft is never mistaken for the signed table.

The grid is drawn directly on the canvas: with a fixed row height the page count of a township is known
before drawing, so "第 N 页 共 M 页" restarts per township without a second pass.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from zhucun_desktop.fileutil import atomic_output
from zhucun_desktop.reports.attendance_data import AttendanceSheet, AttendanceSheetRow
from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.pdf_common import draw_fitted, draw_watermark, embedded_font_canvas

__all__ = ["WEEKDAYS", "render_attendance_pdf", "seal_text", "short_label", "total_columns"]

# ---- layout constants of this form (DESIGN.md: one place per form) ----
PAGE_SIZE = landscape(A4)
MARGIN_X = 10 * mm
MARGIN_TOP = 9 * mm
FOOTER_Y = 7.5 * mm
HASH_Y = 4.5 * mm
TITLE_SIZE = 16
SUBTITLE_SIZE = 8.5
HEAD_SIZE = 7.5
NAME_SIZE = 9.0  # a usual name prints at 9 pt; longer ones shrink, two lines below NAME_MIN
NAME_MIN = 6.5
TEXT_SIZE = 7.5
CODE_SIZE = 8.5
LEGEND_SIZE = 8
SIGN_SIZE = 10
FOOTER_SIZE = 8
HASH_SIZE = 5.5
ROW_H = 13.5  # 33 rows a page: 60 cadres and the 合计 row take two pages
HEAD1_H = 13.0  # day numbers
HEAD2_H = 17.0  # weekday, and 班/休 under it
SIGN_H = 62.0  # the signature block on the last page of a township
FIXED_COLUMNS: tuple[tuple[str, float], ...] = (("序号", 18), ("姓名", 52), ("驻村身份", 40), ("所驻村", 46))
GRID = colors.HexColor("#4D4D4D")
LIGHT_LINE = colors.HexColor("#7A7A7A")
SHADE = colors.HexColor("#E4E4E4")  # weekends and holidays: visible on a laser printer, codes stay black
INK = colors.black
WEEKDAYS = "一二三四五六日"
DAY_OFF = ("休息日", "节假日")
WORKING = ("工作日", "调休上班")
_LABEL_CUT = re.compile(r"[（(/／、]")


def short_label(label: str) -> str:
    """The legend label up to its first bracket or slash: "公出（出差出访/…）" → "公出", "轮休/休息日离村" → "轮休"."""
    return _LABEL_CUT.split(label, maxsplit=1)[0].strip() or label


@dataclass(frozen=True)
class _Total:
    header: str  # "\n" separates the two header lines
    value: Callable[[AttendanceSheetRow], int | None]


def total_columns(sheet: AttendanceSheet) -> list[_Total]:
    """在岗天数, 工作日在岗, then one column per legend code except 在岗 itself (公出, 事假, …, 旷工)."""
    columns = [
        _Total("在岗\n天数", lambda r: r.in_post_days),
        _Total("工作日\n在岗", lambda r: r.working_days_in_post),
    ]
    for code, label in sheet.legend:
        name = short_label(label)
        if code == "√" or name == "在岗":
            continue
        columns.append(_Total(name, lambda r, code=code: r.by_code.get(code, 0)))
    return columns


def seal_text(sheet: AttendanceSheet) -> tuple[str, str]:
    """(the footer's state line, the small full-hash line) — what makes paper and database matchable."""
    if sheet.content_hash:
        small = f"校验码（SHA-256）：{sheet.content_hash}"
        if sheet.sealed_at is not None:
            small += f"　封存时间：{sheet.sealed_at:%Y-%m-%d %H:%M}"
        return f"已封存 校验码：{sheet.content_hash[:16]}…", small
    return (
        "未封存（草稿）：不得作为生活补助发放依据",
        "未封存的考勤表没有校验码；封存后请重新打印再签字盖章。",
    )


def _calendar_known(sheet: AttendanceSheet) -> bool:
    return len(sheet.day_kinds) == len(sheet.days) and all(sheet.day_kinds)


def _kind(sheet: AttendanceSheet, i: int) -> str:
    return sheet.day_kinds[i] if i < len(sheet.day_kinds) else ""


def _code(row: AttendanceSheetRow, i: int) -> str:
    return (row.codes[i] or "") if i < len(row.codes) else ""


def _editable(row: AttendanceSheetRow, i: int) -> bool:
    return row.editable[i] if i < len(row.editable) else True


def _subtitle(sheet: AttendanceSheet) -> str:
    parts = [f"{sheet.county}{sheet.township}", f"共 {len(sheet.rows)} 人"]
    if _calendar_known(sheet):
        working = sum(k in WORKING for k in sheet.day_kinds)
        parts.append(
            f"本月 {len(sheet.days)} 天，其中工作日 {working} 天（灰底为休息日、节假日，“班”为调休上班）"
        )
    else:
        parts.append(f"未导入{sheet.year}年工作日历：休息日、节假日未标示，工作日在岗天数暂缺")
    parts.append("已封存" if sheet.content_hash else "未封存（草稿）")
    return "　".join(parts)


class _Form:
    """The geometry of one township's table and the drawing of its pages."""

    def __init__(self, sheet: AttendanceSheet, fonts: FontSet, printed_at: datetime) -> None:
        self.sheet, self.fonts, self.printed_at = sheet, fonts, printed_at
        self.totals = total_columns(sheet)
        page_w, self.page_h = PAGE_SIZE
        self.frame_w = page_w - 2 * MARGIN_X
        total_widths = [self._total_width(t.header) for t in self.totals]
        fixed = sum(w for _, w in FIXED_COLUMNS) + sum(total_widths)
        day_w = (self.frame_w - fixed) / max(len(sheet.days), 1)
        self.widths = [w for _, w in FIXED_COLUMNS] + [day_w] * len(sheet.days) + total_widths
        self.xs = [MARGIN_X]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.first_day = len(FIXED_COLUMNS)
        self.first_total = self.first_day + len(sheet.days)
        self.title_y = self.page_h - MARGIN_TOP - TITLE_SIZE * 0.85
        self.subtitle_y = self.title_y - 17
        self.table_top = self.subtitle_y - 6
        self.body_top = self.table_top - HEAD1_H - HEAD2_H
        legend = "考勤符号：" + "；".join(f"{code} {label}" for code, label in sheet.legend)
        self.legend_lines = simpleSplit(legend, fonts.body, LEGEND_SIZE, self.frame_w)
        legend_h = 4 + len(self.legend_lines) * (LEGEND_SIZE + 2.5)
        self.capacity = max(int((self.body_top - FOOTER_Y - 12 - legend_h) // ROW_H), 4)
        self.capacity_last = max(self.capacity - math.ceil(SIGN_H / ROW_H), 1)

    def _total_width(self, header: str) -> float:
        return max(
            16.0, max(stringWidth(line, self.fonts.body, HEAD_SIZE) for line in header.split("\n")) + 4
        )

    def pages(self) -> list[range]:
        """Lines (the cadres, then 合计) per page; the last page keeps room for the signature block and
        at least three lines of the table, so the signatures never stand on a page of their own."""
        n = len(self.sheet.rows) + 1
        pages: list[range] = []
        start = 0
        while n - start > self.capacity_last:
            take = min(self.capacity, n - start)
            if take == n - start:
                take -= min(3, take - 1)
            pages.append(range(start, start + take))
            start += take
        pages.append(range(start, n))
        return pages

    # ---- drawing ----
    def draw_page(self, c: Canvas, lines: range, page_no: int, total: int) -> None:
        sheet, body = self.sheet, self.fonts.body
        bottom = self.body_top - len(lines) * ROW_H
        c.setFillColor(INK)
        c.setFont(self.fonts.bold_title, TITLE_SIZE)
        c.drawCentredString(MARGIN_X + self.frame_w / 2, self.title_y, sheet.title)
        c.setFont(body, SUBTITLE_SIZE)
        c.drawCentredString(MARGIN_X + self.frame_w / 2, self.subtitle_y, _subtitle(sheet))
        self._shade_days(c, bottom + (ROW_H if lines.stop > len(sheet.rows) else 0))
        self._draw_header(c)
        for slot, line in enumerate(lines):
            y = self.body_top - (slot + 1) * ROW_H
            if line < len(sheet.rows):
                self._draw_row(c, line + 1, sheet.rows[line], y)
            else:
                self._draw_total_row(c, y)
        self._draw_grid(c, bottom, ends_with_total=lines.stop > len(sheet.rows))
        y = bottom - 4
        c.setFont(body, LEGEND_SIZE)
        c.setFillColor(INK)
        for text in self.legend_lines:
            y -= LEGEND_SIZE + 2.5
            c.drawString(MARGIN_X, y, text)
        if page_no == total:
            self._draw_signatures(c, y - 6)
        self._draw_footer(c, page_no, total)
        if not sheet.content_hash:
            draw_watermark(c, "草稿", self.fonts.bold_title, PAGE_SIZE)

    def _cell(self, col: int, y: float, h: float = ROW_H) -> tuple[float, float, float, float]:
        return self.xs[col], y, self.widths[col], h

    def _shade_days(self, c: Canvas, bottom: float) -> None:
        c.saveState()
        c.setFillColor(SHADE)
        for i in range(len(self.sheet.days)):
            if _kind(self.sheet, i) in DAY_OFF:
                x, _, w, _ = self._cell(self.first_day + i, 0)
                c.rect(x, bottom, w, self.table_top - bottom, stroke=0, fill=1)
        c.restoreState()

    def _draw_header(self, c: Canvas) -> None:
        body, top = self.fonts.body, self.table_top
        full = HEAD1_H + HEAD2_H
        c.setFillColor(INK)
        for col, (header, _) in enumerate(FIXED_COLUMNS):
            draw_fitted(c, header, body, self._cell(col, self.body_top, full), HEAD_SIZE, min_size=5)
        for i, day in enumerate(self.sheet.days):
            col = self.first_day + i
            draw_fitted(c, str(day.day), body, self._cell(col, top - HEAD1_H, HEAD1_H), HEAD_SIZE, min_size=5)
            x, _, w, _ = self._cell(col, 0)
            c.setFont(body, 7)
            c.drawCentredString(x + w / 2, self.body_top + HEAD2_H - 8, WEEKDAYS[day.weekday()])
            mark = {"调休上班": "班", "节假日": "休"}.get(_kind(self.sheet, i))
            if mark:
                c.setFont(self.fonts.bold_title, 6.5)
                c.drawCentredString(x + w / 2, self.body_top + 2.2, mark)
        for k, total in enumerate(self.totals):
            x, y, w, h = self._cell(self.first_total + k, self.body_top, full)
            lines = total.header.split("\n")
            c.setFont(body, HEAD_SIZE)
            first = y + h / 2 + (len(lines) - 1) * (HEAD_SIZE + 1) / 2 - HEAD_SIZE * 0.36
            for n, text in enumerate(lines):
                c.drawCentredString(x + w / 2, first - n * (HEAD_SIZE + 1), text)

    def _draw_row(self, c: Canvas, number: int, row: AttendanceSheetRow, y: float) -> None:
        body = self.fonts.body
        c.setFillColor(INK)
        role = "第一书记" if "第一书记" in row.role else ("队长" if row.is_leader else row.role)
        texts = [
            (str(number), TEXT_SIZE, 5.0),
            (row.name, NAME_SIZE, NAME_MIN),
            (role, TEXT_SIZE, 5.5),
            (row.village, TEXT_SIZE, 5.5),
        ]
        for col, (text, size, smallest) in enumerate(texts):
            draw_fitted(c, text, body, self._cell(col, y), size, min_size=smallest)
        c.setStrokeColor(LIGHT_LINE)
        c.setLineWidth(0.4)
        for i in range(len(self.sheet.days)):
            x, _, w, _ = self._cell(self.first_day + i, y)
            if not _editable(row, i):  # outside the posting: struck through, never a code
                c.line(x + 1, y + 1, x + w - 1, y + ROW_H - 1)
                continue
            code = _code(row, i)
            if code:
                draw_fitted(c, code, body, (x, y, w, ROW_H), CODE_SIZE, min_size=5, pad=0.8)
        for k, total in enumerate(self.totals):
            value = total.value(row)
            draw_fitted(
                c,
                "—" if value is None else str(value),
                body,
                self._cell(self.first_total + k, y),
                TEXT_SIZE,
                min_size=5,
            )

    def _draw_total_row(self, c: Canvas, y: float) -> None:
        body, rows = self.fonts.body, self.sheet.rows
        c.setFillColor(INK)
        label_box = (self.xs[0], y, self.xs[self.first_day] - self.xs[0], ROW_H)
        draw_fitted(c, "合计", self.fonts.bold_title, label_box, NAME_SIZE, min_size=6)
        days_box = (self.xs[self.first_day], y, self.xs[self.first_total] - self.xs[self.first_day], ROW_H)
        draw_fitted(c, f"共 {len(rows)} 人", body, days_box, TEXT_SIZE, min_size=5)
        for k, total in enumerate(self.totals):
            values = [total.value(r) for r in rows]
            text = "—" if any(v is None for v in values) else str(sum(v or 0 for v in values))
            draw_fitted(c, text, body, self._cell(self.first_total + k, y), TEXT_SIZE, min_size=5)

    def _draw_grid(self, c: Canvas, bottom: float, *, ends_with_total: bool) -> None:
        top, body_top = self.table_top, self.body_top
        first_day, first_total = self.first_day, self.first_total
        c.saveState()
        c.setStrokeColor(GRID)
        c.setLineWidth(0.35)
        c.line(self.xs[first_day], top - HEAD1_H, self.xs[first_total], top - HEAD1_H)
        y = body_top
        while y > bottom + 0.5:
            c.line(self.xs[0], y, self.xs[-1], y)
            y -= ROW_H
        for col, x in enumerate(self.xs[1:-1], start=1):
            # the 合计 row spans the name columns and the day columns
            merged = ends_with_total and (0 < col < first_day or first_day < col < first_total)
            c.line(x, bottom + ROW_H if merged else bottom, x, top)
        c.setLineWidth(0.9)
        c.rect(self.xs[0], bottom, self.xs[-1] - self.xs[0], top - bottom, stroke=1, fill=0)
        c.line(self.xs[0], body_top, self.xs[-1], body_top)
        if ends_with_total:
            c.line(self.xs[0], bottom + ROW_H, self.xs[-1], bottom + ROW_H)
        c.restoreState()

    def _draw_signatures(self, c: Canvas, top: float) -> None:
        """填表人, 乡镇党委书记（签字）, 乡镇党委（盖章） and the date, with room to sign and to stamp (§7)."""
        body, sheet = self.fonts.body, self.sheet
        base = top - 30  # about a centimetre above the line to sign in
        x0, w = MARGIN_X + 6, self.frame_w
        c.setFillColor(INK)
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.setFont(body, SIGN_SIZE)
        for x, label, value, line_w in (
            (x0, "填表人：", sheet.filler, 120),
            (x0 + w * 0.30, "乡镇党委书记（签字）：", "", 140),
        ):
            c.drawString(x, base, label)
            start = x + c.stringWidth(label, body, SIGN_SIZE)
            if value:
                c.drawString(start + 6, base, value)
            c.line(start, base - 2.5, start + line_w, base - 2.5)
        seal_x = x0 + w * 0.72
        c.drawString(seal_x, base, "乡镇党委（盖章）")
        c.drawString(seal_x, base - 20, "______年____月____日")
        if sheet.due is not None:
            c.setFont(body, 9)
            due = f"报送期限：次月第5个工作日前（{sheet.due.year}年{sheet.due.month}月{sheet.due.day}日）"
            c.drawString(x0, base - 20, due)

    def _draw_footer(self, c: Canvas, page_no: int, total: int) -> None:
        state, small = seal_text(self.sheet)
        width = PAGE_SIZE[0]
        c.saveState()
        c.setFillColor(INK)
        c.setFont(self.fonts.bold_title if not self.sheet.content_hash else self.fonts.body, FOOTER_SIZE)
        c.drawString(MARGIN_X, FOOTER_Y, state)
        c.setFont(self.fonts.body, FOOTER_SIZE)
        c.drawCentredString(width / 2, FOOTER_Y, f"第 {page_no} 页 共 {total} 页")
        c.drawRightString(width - MARGIN_X, FOOTER_Y, f"打印时间：{self.printed_at:%Y-%m-%d %H:%M}")
        c.setFont(self.fonts.body, HASH_SIZE)
        c.setFillColor(colors.HexColor("#333333"))
        c.drawString(MARGIN_X, HASH_Y, small)
        c.restoreState()


def render_attendance_pdf(sheets: Sequence[AttendanceSheet], path: str | os.PathLike[str]) -> int:
    """Render the 考勤表 of ``sheets`` (one township each) to ``path``, replaced atomically; return the page count.

    Every township starts on a new page and numbers its own pages ("第 N 页 共 M 页"); the title, the
    two-row header and the legend repeat on each page, the signature block closes the last one.  The print
    time is the sheet's ``printed_at`` (the caller's clock, so tests are reproducible), else now.
    """
    if not sheets:
        raise ValueError("没有要打印的考勤表")
    fonts = register_cjk_fonts()
    target = Path(path)
    count = 0
    with atomic_output(target) as tmp:
        c = embedded_font_canvas(fonts.body)(str(tmp), pagesize=PAGE_SIZE)
        c.setTitle(sheets[0].title if len(sheets) == 1 else f"{sheets[0].county}驻村第一书记和工作队员考勤表")
        c.setAuthor("zhucun_desktop")
        c.setCreator("zhucun_desktop")
        c.setSubject("；".join(s.title for s in sheets))
        for sheet in sheets:
            form = _Form(sheet, fonts, sheet.printed_at or datetime.now())
            pages = form.pages()
            for number, lines in enumerate(pages, start=1):
                form.draw_page(c, lines, number, len(pages))
                c.showPage()
                count += 1
        c.save()
    return count
