"""The one place that decides which CJK font every PDF of the program uses.

DESIGN.md (Printing): PDFs must carry their fonts, so that a file opened on another office PC prints the
same.  On Windows the system's SimSun (宋体, body) and FangSong (仿宋, titles) give the look of official
documents; everywhere else — and on a Windows PC whose fonts were stripped — the bundled, openly licensed
WenQuanYi Micro Hei is used.  Both are TrueType (glyf) fonts, the only kind reportlab can subset and embed.

Registration is idempotent and cached: report modules call :func:`register_cjk_fonts` freely.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import importlib.resources
import logging
import os
import struct
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

__all__ = ["FontSet", "bundled_font_path", "register_cjk_fonts"]

log = logging.getLogger(__name__)

BUNDLED_FONT_NAME = "WenQuanYiMicroHei"
_BUNDLED_FONT_PARTS = ("resources", "fonts", "wqy-microhei.ttc")

_WINDOWS_BODY = ("SimSun", "simsun.ttc")
_WINDOWS_TITLE = ("FangSong", "simfang.ttf")


@dataclass(frozen=True)
class FontSet:
    """reportlab font names to use in styles; ``source`` says where they came from (for the about box/logs)."""

    body: str
    bold_title: str
    source: str  # "windows" or "bundled"


_lock = threading.Lock()
_cached: FontSet | None = None
# Keeps a font extracted from a zipped install alive for the whole process (see bundled_font_path).
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


@functools.cache
def bundled_font_path() -> Path:
    """A real file path of the bundled CJK font, also for Qt's ``QFontDatabase.addApplicationFont``.

    ``importlib.resources`` finds the file whether the package runs from a checkout, a wheel or a PyInstaller
    bundle (which mirrors package data under ``sys._MEIPASS``).  Should the package ever be imported from a
    zip, the font is extracted once to a temporary file that lives until the process exits.
    """
    resource = importlib.resources.files("zhucun_desktop")
    for part in _BUNDLED_FONT_PARTS:
        resource = resource.joinpath(part)
    if isinstance(resource, Path):
        path = resource
    else:  # pragma: no cover - zipimport only
        path = _extracted.enter_context(importlib.resources.as_file(resource))
    if not path.is_file():
        raise FileNotFoundError(
            f"程序自带字体缺失（{path}），安装不完整，请重新安装。Bundled font missing: {path}"
        )
    return path


def _windows_fonts_dir() -> Path | None:
    """``%WINDIR%\\Fonts`` on Windows (not always on drive C:), ``None`` elsewhere."""
    if sys.platform != "win32":
        return None
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
    return Path(windir) / "Fonts"


def _try_register(name: str, path: Path) -> bool:
    """Register one TrueType font; a missing, unreadable or CFF-outline file just returns False."""
    if name in pdfmetrics.getRegisteredFontNames():
        return True
    if not path.is_file():
        return False
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    # A stripped, truncated or CFF-outline font file: TTFError, or struct/index errors from a short read.
    except (TTFError, OSError, struct.error, ValueError, KeyError, IndexError) as exc:
        log.warning("font %s at %s not usable: %s", name, path, exc)
        return False
    return True


def _map_family(name: str) -> None:
    """Map bold/italic of a font to itself so that ``<b>`` in a Paragraph never raises on a CJK font."""
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)


def _register(fonts_dir: Path | None) -> FontSet:
    """Register and return the best font set for ``fonts_dir`` (the Windows font folder, or None)."""
    if fonts_dir is not None and _try_register(_WINDOWS_BODY[0], fonts_dir / _WINDOWS_BODY[1]):
        body = _WINDOWS_BODY[0]
        title = _WINDOWS_TITLE[0] if _try_register(_WINDOWS_TITLE[0], fonts_dir / _WINDOWS_TITLE[1]) else body
        fonts = FontSet(body=body, bold_title=title, source="windows")
    else:
        if not _try_register(BUNDLED_FONT_NAME, bundled_font_path()):
            raise RuntimeError(f"无法加载程序自带字体 {bundled_font_path()}，请重新安装。")
        fonts = FontSet(body=BUNDLED_FONT_NAME, bold_title=BUNDLED_FONT_NAME, source="bundled")
    for name in {fonts.body, fonts.bold_title}:
        _map_family(name)
    return fonts


def register_cjk_fonts() -> FontSet:
    """Register the CJK fonts with reportlab once per process and return their names.

    Thread-safe and cached, because PDFs may be rendered from a worker thread while the GUI starts another.
    """
    global _cached
    with _lock:
        if _cached is None:
            _cached = _register(_windows_fonts_dir())
            log.info("PDF fonts: %s", _cached)
        return _cached
