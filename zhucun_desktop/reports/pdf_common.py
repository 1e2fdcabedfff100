"""Small drawing helpers shared by the program's PDFs (考勤表, 公示牌, and 花名册 once it switches over).

Everything here serves two promises of DESIGN.md (Printing): a PDF carries its fonts, so it prints the same on
another office PC; and text is never clipped on an official form — a long name is set smaller instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "draw_fitted",
    "draw_watermark",
    "embedded_font_canvas",
    "fit_size",
    "numbered_canvas",
    "split_long_text",
]


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
