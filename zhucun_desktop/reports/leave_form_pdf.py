"""Print the 驻村干部请假审批表 (§8) of a leave request: A4 portrait, one page per copy (各执一联).

§8: every absence from the county is a written request signed by each body of its chain in order (a team
member's first by the 驻村第一书记; a first secretary's names a 工作交接人), kept in two copies — the township's
乡镇存根 and the county org dept's 县委组织部备案联 — and closed by the return (销假) registered with whoever
approved it.  So the form is an official grid: the request's facts, one signature box per chain step (the
recorded opinion, signer and date, or empty lines to sign by hand), the filing note of the band, and the 销假
section.

One copy per A4 page rather than two A5 halves with a cut line: a six-step chain needs six boxes with room for
a handwritten opinion and signature (about 1.5 cm each), which on an A5 half would force the text below 8 pt;
and the county files whole A4 sheets.  Each copy is set at the largest body size from :data:`BODY_SIZES` at
which it fits its page; text always wraps, never clips, and should even the smallest size not fit (remarks of
many hundred characters) the copy continues on a second page rather than lose a word.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from zhucun_desktop.domain.leave_rules import DECISION_DISAGREE, STATE_REFUSED, STATE_WITHDRAWN
from zhucun_desktop.reports.fonts import FontSet, register_cjk_fonts
from zhucun_desktop.reports.leave_data import COPIES, LeaveForm, LeaveFormStep
from zhucun_desktop.reports.pdf_common import cjk_style, numbered_canvas, write_document

__all__ = [
    "BODY_SIZES",
    "FORM_TITLE",
    "cn_date",
    "copy_label",
    "fitted_copy",
    "leave_period",
    "write_leave_form_pdf",
    "write_leave_forms_pdf",
]

# ---- layout constants of this form (DESIGN.md: one place per form) ----
FORM_TITLE = "驻村干部请假审批表"
PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 16 * mm
FOOTER_Y = 9 * mm
FRAME_W = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_H = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM
TITLE_SIZE = 20
COPY_SIZE = 12.5
FOOTER_SIZE = 7.5
BODY_SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0)  # tried in turn until a copy fits one page; never below 8 pt
WRITE_SPACE = 36.0  # room for a handwritten opinion in an undecided box at 10.5 pt (scaled, never below 24)
MAX_EXTRA = 60.0  # spare height of a short form goes to the signature boxes (room for a seal), at most this
# 姓名 | value | 驻村身份 | value | 联系电话 | value — the label columns fit "实际销假日期" at 10.5 pt.
COL_WIDTHS = (84.0, 90.0, 72.0, 86.0, 64.0, FRAME_W - 396.0)
CELL_PAD = 4.0
GRID = colors.HexColor("#333333")
LABEL_BG = colors.HexColor("#EFEFEF")  # label cells: a light grey that a laser printer keeps light
MUTED = colors.HexColor("#555555")
BLANK_SIGN = "______________"
BLANK_DATE = "______年____月____日"
COPY_NUMBERS = ("第一联", "第二联")
GAP = "\xa0" * 8  # between 签字 and 日期: a Paragraph collapses ordinary and ideographic spaces


def cn_date(d: date | None, blank: str = "") -> str:
    """``2026年11月2日`` as on paper forms; ``blank`` when there is no date."""
    return f"{d.year}年{d.month}月{d.day}日" if d else blank


def leave_period(form: LeaveForm) -> str:
    return f"自{cn_date(form.start)}至{cn_date(form.end)}，共{form.days}天"


def copy_label(copy: str) -> str:
    """``第一联　乡镇存根``: the copy's number among :data:`COPIES` and its name."""
    if copy in COPIES and COPIES.index(copy) < len(COPY_NUMBERS):
        return f"{COPY_NUMBERS[COPIES.index(copy)]}　{copy}"
    return copy


def _text(value: str | None) -> str:
    """Escaped for a Paragraph (a "&" or "<" in a unit name must print), line breaks kept."""
    return escape((value or "").strip()).replace("\n", "<br/>")


class _Styles:
    """The paragraph styles of one body size."""

    def __init__(self, fonts: FontSet, size: float, extra: float = 0.0) -> None:
        leading = size * 1.35
        self.extra = extra  # added to each signature box, from the page's spare height
        base: dict[str, Any] = {
            "fontName": fonts.body,
            "fontSize": size,
            "leading": leading,
            "wordWrap": "CJK",
        }
        self.size = size
        self.label = ParagraphStyle("label", alignment=TA_CENTER, **base)
        self.value = ParagraphStyle("value", alignment=TA_LEFT, **base)
        self.sign = ParagraphStyle("sign", alignment=TA_RIGHT, **base)
        self.muted = ParagraphStyle("muted", alignment=TA_LEFT, textColor=MUTED, **base)
        self.section = ParagraphStyle(
            "section", alignment=TA_CENTER, **{**base, "fontName": fonts.bold_title}
        )
        small = {**base, "fontSize": size - 1.5, "leading": (size - 1.5) * 1.4}
        self.note = ParagraphStyle("note", alignment=TA_LEFT, **small)
        self.info = ParagraphStyle("info", alignment=TA_LEFT, **small)
        self.info_right = ParagraphStyle("info_right", alignment=TA_RIGHT, **small)
        self.title = cjk_style("title", fonts.bold_title, TITLE_SIZE, TITLE_SIZE * 1.3, alignment=TA_CENTER)
        self.copy = cjk_style("copy", fonts.bold_title, COPY_SIZE, COPY_SIZE * 1.5, alignment=TA_CENTER)

    def p(self, text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(_text(text), style or self.value)


class _FooterMark(Flowable):
    """Zero-size: tells the canvas what the footer of this page (and of any continuation page) says."""

    def __init__(self, left: str, centre: str, right: str) -> None:
        super().__init__()
        self.footer = (left, centre, right)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.leave_form_footer = self.footer  # read by _draw_footer when the page is emitted


def _opinion(step: LeaveFormStep) -> str:
    """意见 as recorded: the decision, then the remark (not repeating a remark that starts with it)."""
    remark = (step.remark or "").strip()
    if not step.decision:
        return remark
    if remark.startswith(step.decision):
        return remark
    return f"{step.decision}。{remark}" if remark else f"{step.decision}。"


def _step_cell(form: LeaveForm, step: LeaveFormStep, st: _Styles, closed_after: int | None) -> list[Flowable]:
    """The box of one chain step: 意见, then 签字 and 日期 — filled when decided, lines to sign when not.

    After a refusal (or a withdrawal) the remaining boxes say so instead of offering lines to sign.
    """
    if step.decision:
        sign = f"签字：{step.signer or BLANK_SIGN}{GAP}日期：{cn_date(step.decided_on, BLANK_DATE)}"
        return [st.p(f"意见：{_opinion(step)}"), Spacer(1, 3 + st.extra), st.p(sign, st.sign)]
    if closed_after is not None and step.step_no > closed_after:
        why = "审批未通过" if form.state == STATE_REFUSED else form.state
        return [st.p(f"意见：（{why}，本步无需签署）", st.muted)]
    space = max(WRITE_SPACE * st.size / BODY_SIZES[0], 24.0) + st.extra
    return [st.p("意见："), Spacer(1, space), st.p(f"签字：{BLANK_SIGN}{GAP}日期：{BLANK_DATE}", st.sign)]


def _closed_after(form: LeaveForm) -> int | None:
    """The last step that still counts when the request was refused or withdrawn, else ``None``."""
    refused = [s.step_no for s in form.steps if s.decision == DECISION_DISAGREE]
    if refused:
        return min(refused)
    if form.state in (STATE_REFUSED, STATE_WITHDRAWN):
        return max((s.step_no for s in form.steps if s.decision), default=0)
    return None


def _grid_style(st: _Styles, *, top: bool = False, bottom: bool = False) -> list[tuple[Any, ...]]:
    """Thin inner lines and a heavy outer frame; the stacked tables of a copy read as one grid."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.label.fontName, st.size),  # no default Helvetica in the file
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("LINEBEFORE", (0, 0), (0, -1), 1.2, GRID),
        ("LINEAFTER", (-1, 0), (-1, -1), 1.2, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    if top:
        commands.append(("LINEABOVE", (0, 0), (-1, 0), 1.2, GRID))
    if bottom:
        commands.append(("LINEBELOW", (0, -1), (-1, -1), 1.2, GRID))
    return commands


class _Grid:
    """Rows of one six-column table (the facts, the 销假 section) with their spans and label cells."""

    def __init__(self, st: _Styles) -> None:
        self.st = st
        self.rows: list[list[Any]] = []
        self.commands: list[tuple[Any, ...]] = []

    def add(
        self, cells: list[Any], *, spans: Sequence[tuple[int, int]] = (), labels: Sequence[int] = (0,)
    ) -> None:
        r = len(self.rows)
        self.rows.append(cells + [""] * (len(COL_WIDTHS) - len(cells)))
        self.commands += [("SPAN", (a, r), (b, r)) for a, b in spans]
        self.commands += [("BACKGROUND", (c, r), (c, r), LABEL_BG) for c in labels]

    def table(self, *, top: bool = False, bottom: bool = False) -> Table:
        return Table(
            self.rows,
            colWidths=COL_WIDTHS,
            style=TableStyle(_grid_style(self.st, top=top, bottom=bottom) + self.commands),
        )


def _section(title: str, st: _Styles) -> Table:
    style = _grid_style(st) + [("BACKGROUND", (0, 0), (-1, -1), LABEL_BG)]
    return Table([[st.p(title, st.section)]], colWidths=(FRAME_W,), style=TableStyle(style))


def _facts(form: LeaveForm, st: _Styles) -> Table:
    """姓名 … 工作交接人: what the requester fills in."""
    p, label, grid = st.p, (lambda text: st.p(text, st.label)), _Grid(st)
    grid.add(
        [label("姓名"), p(form.name), label("驻村身份"), p(form.role), label("联系电话"), p(form.phone)],
        labels=(0, 2, 4),
    )
    grid.add(
        [label("派出单位"), p(form.unit), "", "", label("所驻村"), p(f"{form.township}{form.village}")],
        spans=[(1, 3)],
        labels=(0, 4),
    )
    grid.add(
        [label("请假类别"), p(form.kind), label("请假时间"), p(leave_period(form))],
        spans=[(3, 5)],
        labels=(0, 2),
    )
    grid.add([label("外出去向"), p(form.destination)], spans=[(1, 5)])
    applicant = f"请假人（签字）：{BLANK_SIGN}{GAP}申请日期：{cn_date(form.filed_on, BLANK_DATE)}"
    grid.add([label("请假事由"), [p(form.reason), Spacer(1, 6), p(applicant, st.sign)]], spans=[(1, 5)])
    grid.add(
        [
            label("离村期间\n联系方式"),
            p(form.contact),
            "",
            "",
            label("工作交接人"),
            p(form.handover_name or "—"),
        ],
        spans=[(1, 3)],
        labels=(0, 4),
    )
    return grid.table(top=True)


def _chain(form: LeaveForm, st: _Styles) -> Table:
    """One box per chain step in order, then the filing note of the band (§8).

    Two columns and no spans, so that a box too tall for the rest of a page may split inside itself.
    """
    rows: list[list[Any]] = []
    closed = _closed_after(form)
    for step in sorted(form.steps, key=lambda s: s.step_no):
        rows.append(
            [st.p(f"第{step.step_no}步\n{step.body}\n意见", st.label), _step_cell(form, step, st, closed)]
        )
    if form.file_with:
        filing = [
            st.p(f"批准后报{form.file_with}备案。"),
            Spacer(1, 2),
            st.p(f"备案经办人：{BLANK_SIGN}{GAP}日期：{BLANK_DATE}", st.sign),
        ]
        rows.append([st.p("备案", st.label), filing])
    widths = (COL_WIDTHS[0], FRAME_W - COL_WIDTHS[0])
    style = _grid_style(st) + [("BACKGROUND", (0, 0), (0, -1), LABEL_BG)]
    return Table(rows, colWidths=widths, style=TableStyle(style), splitInRow=1)


def _return(form: LeaveForm, st: _Styles) -> Table:
    """销假: due date, the return and its registration, with lines for both signatures."""
    p, label, grid = st.p, (lambda text: st.p(text, st.label)), _Grid(st)
    grid.add(
        [
            label("应销假日期"),
            p(cn_date(form.return_due)),
            label("实际销假日期"),
            p(cn_date(form.returned_on)),
            label("登记日期"),
            p(cn_date(form.return_registered_on)),
        ],
        labels=(0, 2, 4),
    )
    signatures = f"销假人（签字）：{BLANK_SIGN}{GAP}受理人（签字）：{BLANK_SIGN}"
    room = 6.0 if form.return_note else max(WRITE_SPACE * st.size / BODY_SIZES[0] * 0.6, 16.0)
    grid.add([label("备注"), [p(form.return_note), Spacer(1, room), p(signatures, st.sign)]], spans=[(1, 5)])
    return grid.table(bottom=True)


def _form_tables(form: LeaveForm, st: _Styles) -> list[Flowable]:
    """The grid of the form: facts, 审批意见, 销假情况 — stacked tables that print as one."""
    return [
        _facts(form, st),
        _section("审　批　意　见（按顺序逐级签署）", st),
        _chain(form, st),
        _section("销　假　情　况", st),
        _return(form, st),
    ]


def _state_text(form: LeaveForm) -> str:
    """The state, and for a withdrawn request when and why (撤回, §8's paper trail)."""
    if form.withdrawn_on is None and not form.withdraw_reason:
        return form.state
    when = f"{form.withdrawn_on:%Y-%m-%d}" if form.withdrawn_on else ""
    why = f"：{form.withdraw_reason}" if form.withdraw_reason else ""
    return f"{form.state}（{when}{why}）"


def _copy_story(form: LeaveForm, copy: str, st: _Styles) -> list[Flowable]:
    """Title, copy name, the line above the grid, the grid and the notes of one copy."""
    place = f"{form.county}{form.township}"
    info = Table(
        [
            [
                st.p(f"所属乡镇：{place}　　编号：{form.request_no or '—'}", st.info),
                st.p(f"当前状态：{_state_text(form)}", st.info_right),
            ]
        ],
        colWidths=(FRAME_W * 0.62, FRAME_W * 0.38),
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("FONT", (0, 0), (-1, -1), st.label.fontName, st.size),
            ]
        ),
    )
    notes = (
        "注：1. 本表一式两联，乡镇存根由乡镇党委留存，县委组织部备案联报县委组织部，各执一联。"
        "2. 驻村干部离开县域的，无论因公因私、工作日或节假日，均须书面请假，按上列顺序逐级签字同意后方可离岗。"
        "3. 假期结束后按期向原审批单位销假（向谁请假备案，向谁销假），逾期未销假的按旷工处理（§8）。"
    )
    return [
        Paragraph(escape(FORM_TITLE), st.title),
        Paragraph(f"（{escape(copy_label(copy))}）", st.copy),
        Spacer(1, 2),
        info,
        *_form_tables(form, st),
        Spacer(1, 4),
        st.p(notes, st.note),
    ]


def _height(flowables: Sequence[Flowable]) -> float:
    total = 0.0
    for flowable in flowables:
        _, h = flowable.wrap(FRAME_W, FRAME_H * 10)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def fitted_copy(form: LeaveForm, copy: str, fonts: FontSet) -> tuple[list[Flowable], float]:
    """The flowables of one copy at the largest of :data:`BODY_SIZES` that fits one page, and that size.

    Spare height of a short form goes to the signature boxes (room for a hand, a seal), as on paper forms.

    When even the smallest does not fit, the smallest is used and the grid continues on the next page.
    """
    for size in BODY_SIZES:
        story = _copy_story(form, copy, _Styles(fonts, size))
        spare = FRAME_H - _height(story)
        if spare >= 0:
            extra = min(max(spare - 2, 0) / max(len(form.steps), 1), MAX_EXTRA)
            return _copy_story(form, copy, _Styles(fonts, size, extra)), size
    size = BODY_SIZES[-1]
    return _copy_story(form, copy, _Styles(fonts, size)), size


def _footer_texts(form: LeaveForm, copy: str) -> tuple[str, str, str]:
    printed = form.printed_at or datetime.now()
    rule = f"　审批依据：{form.rule_set}" if form.rule_set else ""
    return (
        f"编号：{form.request_no or '—'}{rule}",
        copy,
        f"打印时间：{printed:%Y-%m-%d %H:%M}",
    )


def _draw_footer(font: str):
    def draw(c: Canvas, page_no: int, total: int) -> None:
        left, copy, right = getattr(c, "leave_form_footer", ("", "", ""))
        width = PAGE_SIZE[0]
        c.setFont(font, FOOTER_SIZE)
        c.setFillColor(colors.HexColor("#333333"))
        c.setStrokeColor(colors.HexColor("#999999"))
        c.setLineWidth(0.4)
        c.line(MARGIN_X, FOOTER_Y + 10, width - MARGIN_X, FOOTER_Y + 10)
        c.drawString(MARGIN_X, FOOTER_Y, left)
        c.drawRightString(width - MARGIN_X, FOOTER_Y, f"{copy}　第 {page_no} 页 共 {total} 页　{right}")

    return draw


def _write(forms: Sequence[LeaveForm], path: Path, copies: Sequence[str]) -> Path:
    if not forms:
        raise ValueError("没有要打印的请假审批表")
    if not copies:
        raise ValueError("请至少选择一联打印")
    fonts = register_cjk_fonts()
    story: list[Flowable] = []
    for form in forms:
        for copy in copies:
            if story:
                story.append(PageBreak())
            story.append(_FooterMark(*_footer_texts(form, copy)))
            story.extend(fitted_copy(form, copy, fonts)[0])
    first = forms[0]
    title = (
        f"{FORM_TITLE}（{first.name}，{cn_date(first.start)}）"
        if len(forms) == 1
        else f"{FORM_TITLE}（{len(forms)}份）"
    )
    write_document(path, story, template=BaseDocTemplate, pagesize=PAGE_SIZE,
                   margins=(MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM), title=title,
                   subject="；".join(f"{f.name} {f.kind} {f.state}" for f in forms),
                   frames=[Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, 0, 0, 0, 0, id="form")],
                   canvasmaker=numbered_canvas(fonts.body, _draw_footer(fonts.body)))
    return path


def write_leave_form_pdf(
    form: LeaveForm, path: str | os.PathLike[str], *, copies: Sequence[str] = COPIES
) -> Path:
    """Write the 请假审批表 of one request to ``path`` (replaced atomically): each of ``copies`` on its own
    A4 page — by default the 乡镇存根 and the 县委组织部备案联 (§8: 各执一联).  Returns the path."""
    return _write([form], Path(path), copies)


def write_leave_forms_pdf(forms: Sequence[LeaveForm], path: str | os.PathLike[str]) -> Path:
    """Write several requests into one file, each in both copies, in the order given.  Returns the path."""
    return _write(forms, Path(path), COPIES)
