"""What the program's PDFs share: the canvas that embeds its fonts, the two-pass "第 N 页 共 M 页" footer, the
CJK paragraph styles, the ruled register table, the document written atomically, and drawing helpers.

Everything here serves two promises of DESIGN.md (Printing): a PDF carries its fonts, so it prints the same on
another office PC; and text is never clipped on an official form — a long name is set smaller instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from zhucun_desktop.fileutil import atomic_output

__all__ = [
    "FOOTER_INK",
    "PDF_AUTHOR",
    "cjk_style",
    "draw_fitted",
    "draw_watermark",
    "embedded_font_canvas",
    "fit_size",
    "heading_styles",
    "numbered_canvas",
    "para",
    "register_footer",
    "ruled_table_commands",
    "say_when_empty",
    "split_long_text",
    "write_document",
]

#: The Author and Creator written into every PDF's metadata.
PDF_AUTHOR = "zhucun_desktop"
#: The footer's ink: a dark grey that reads as secondary next to the black of the form.
FOOTER_INK = colors.HexColor("#333333")


def embedded_font_canvas(font: str) -> type[Canvas]:
    """A Canvas class whose initial font is ``font`` instead of reportlab's Helvetica.

    Without this every page also references a non-embedded Helvetica (reportlab's default graphics state),
    which preflight checks and ``pdffonts`` report as "not embedded" although no glyph uses it.  Pass the
    class as ``canvasmaker`` to a platypus document, or instantiate it directly.
    """

    class EmbeddedFontCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)

    return EmbeddedFontCanvas


def numbered_canvas(font: str, draw_footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class (initial font ``font``) that holds every page until the end, so a footer can say 共 M 页.

    reportlab's usual two-pass recipe: ``showPage`` only records the page's state; ``save`` replays the pages
    and calls ``draw_footer(canvas, page_no, total)`` on each before emitting it.  Attributes a flowable sets
    on the canvas while a page is drawn are part of that state, so the footer of each page can read them.
    """
    base = embedded_font_canvas(font)

    class NumberedCanvas(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = self._held_pages
            for number, state in enumerate(pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                draw_footer(self, number, len(pages))
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def fit_size(text: str, font: str, width: float, size: float, min_size: float = 1.0) -> float:
    """The largest font size ≤ ``size`` at which ``text`` fits ``width`` (never below ``min_size``)."""
    natural = stringWidth(text, font, size)
    if natural <= width or natural <= 0:
        return size
    return max(min_size, size * width / natural)


def split_long_text(text: str) -> tuple[str, str]:
    """Split a name for two lines: after the middle dot of a transliterated name (买买提·艾力), else in half."""
    dot = text.find("·")
    if 0 < dot < len(text) - 1:
        return text[: dot + 1], text[dot + 1 :]
    half = (len(text) + 1) // 2
    return text[:half], text[half:]


def draw_fitted(
    c: Canvas,
    text: str,
    font: str,
    box: tuple[float, float, float, float],
    size: float,
    *,
    min_size: float,
    pad: float = 1.5,
) -> None:
    """Centre ``text`` in ``box`` (x, y, width, height), shrinking it to fit instead of clipping.

    When even ``min_size`` would not fit on one line, the text goes on two lines (split at "·" for a
    transliterated name), each as large as the box allows — the whole name stays on the paper.
    """
    x, y, width, height = box
    usable = max(width - 2 * pad, 1.0)
    one_line = fit_size(text, font, usable, size)
    if one_line >= min_size or len(text) < 2:
        c.setFont(font, one_line)
        c.drawCentredString(x + width / 2, y + height / 2 - one_line * 0.36, text)
        return
    first, second = split_long_text(text)
    two = min(fit_size(first, font, usable, size), fit_size(second, font, usable, size), (height - 1) / 2.1)
    c.setFont(font, two)
    middle = y + height / 2
    c.drawCentredString(x + width / 2, middle + two * 0.14, first)
    c.drawCentredString(x + width / 2, middle - two * 0.92, second)


def draw_watermark(
    c: Canvas, text: str, font: str, page_size: tuple[float, float], *, alpha: float = 0.45
) -> None:
    """A large diagonal ``text`` across the page in hollow, outlined letters (草稿 on an unsealed table).

    Outlined rather than filled: a filled grey would look like the shading of weekend columns and hide in
    it, while an outline reads as a watermark at a glance and leaves every code underneath readable.
    """
    width, height = page_size
    size = min(width, height) * 0.32
    c.saveState()
    c.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
    c.setStrokeAlpha(alpha)
    c.setLineWidth(2.4)
    c.translate(width / 2, height / 2)
    c.rotate(28)
    text_object = c.beginText()
    text_object.setFont(font, size)
    text_object.setTextRenderMode(1)  # stroke only
    text_object.setTextOrigin(-c.stringWidth(text, font, size) / 2, -size * 0.35)
    text_object.textOut(text)
    c.drawText(text_object)
    c.restoreState()


# ---------------------------------------------------------------- paragraphs -------------------------------


def cjk_style(name: str, font: str, size: float, leading: float, *, alignment: int = TA_LEFT,
              **extra: Any) -> ParagraphStyle:
    """A paragraph style in ``font`` that wraps Chinese text between any two characters (wordWrap "CJK")."""
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, alignment=alignment,
                          wordWrap="CJK", **extra)


def heading_styles(title_font: str, body_font: str, *, title_size: float, subtitle_size: float,
                   title_leading: float = 1.35, subtitle_leading: float = 1.4) -> dict[str, ParagraphStyle]:
    """The centred ``title`` (bold title font) and ``subtitle`` lines above a register; leadings as factors."""
    return {
        "title": cjk_style("title", title_font, title_size, title_size * title_leading, alignment=TA_CENTER),
        "subtitle": cjk_style("subtitle", body_font, subtitle_size, subtitle_size * subtitle_leading,
                              alignment=TA_CENTER),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A cell or line of plain text: escaped (a unit called "科技&农业局" or a stray "<" must print, not break
    the markup), its line breaks kept."""
    return Paragraph(escape(text.strip()).replace("\n", "<br/>"), style)


# ---------------------------------------------------------------- registers --------------------------------


def ruled_table_commands(font: str, size: float, leading: float, *, grid: colors.Color,
                         header_bg: colors.Color, box: float = 0.9, pad_x: float = 2.5,
                         pad_y: float = 2.5) -> list[tuple[Any, ...]]:
    """The TableStyle of a printed register (花名册, 台账, 登记簿): a thin grid in a heavier box, the shaded
    header row, cells centred vertically.

    The cells hold Paragraphs, but the table still sets its cell font; it is ours so that no non-embedded
    Helvetica ends up in the file.
    """
    return [
        ("FONT", (0, 0), (-1, -1), font, size, leading),
        ("GRID", (0, 0), (-1, -1), 0.4, grid),
        ("BOX", (0, 0), (-1, -1), box, grid),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad_x),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad_x),
        ("TOPPADDING", (0, 0), (-1, -1), pad_y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad_y),
    ]


def say_when_empty(data: list[list[Any]], commands: list[tuple[Any, ...]], note: Paragraph) -> None:
    """A register with no rows still prints its header, then one row across the table saying so."""
    if len(data) == 1:
        data.append([note] + [""] * (len(data[0]) - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))


def register_footer(font: str, size: float, *, margin_x: float, y: float, title: str,
                    printed: str) -> Callable[[Canvas, int, int], None]:
    """The footer of a register, for :func:`numbered_canvas`: the title on the left, "第 N 页 共 M 页" in the
    middle and the print time (``printed``, e.g. "打印时间：2026-11-23 09:30") on the right."""

    def draw(c: Canvas, page_no: int, total: int) -> None:
        width, _ = c._pagesize
        c.setFont(font, size)
        c.setFillColor(FOOTER_INK)
        c.drawString(margin_x, y, title)
        c.drawCentredString(width / 2, y, f"第 {page_no} 页 共 {total} 页")
        c.drawRightString(width - margin_x, y, printed)

    return draw


# ---------------------------------------------------------------- documents --------------------------------


def write_document(
    path: str | os.PathLike[str],
    story: Sequence[Flowable],
    *,
    template: type[BaseDocTemplate],
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],
    title: str,
    subject: str | None = None,
    author: str = PDF_AUTHOR,
    canvasmaker: type[Canvas],
    on_page: Callable[[Canvas, Any], None] | None = None,
    frames: Sequence[Frame] = (),
    doc_attrs: dict[str, Any] | None = None,
) -> int:
    """Lay ``story`` out into a PDF at ``path`` (replaced atomically: a failed render keeps the old file) and
    return its page count.

    ``template`` is the platypus document class: ``SimpleDocTemplate`` flows the story into one frame inside
    ``margins`` (left, right, top, bottom) and calls ``on_page(canvas, doc)`` on every page; a
    ``BaseDocTemplate`` gets one page template of ``frames`` (and ``on_page``). ``doc_attrs`` are set on the
    document for ``on_page`` to read.
    """
    left, right, top, bottom = margins
    with atomic_output(Path(path)) as tmp:
        doc = template(str(tmp), pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                       bottomMargin=bottom, title=title, subject=subject, author=author, creator=PDF_AUTHOR)
        for name, value in (doc_attrs or {}).items():
            setattr(doc, name, value)
        build: dict[str, Any] = {"canvasmaker": canvasmaker}
        drawn = {"onPage": on_page} if on_page is not None else {}
        if frames:
            doc.addPageTemplates([PageTemplate(id="page", frames=list(frames), **drawn)])
        elif on_page is not None:
            build.update(onFirstPage=on_page, onLaterPages=on_page)
        doc.build(list(story), **build)
        return doc.page
