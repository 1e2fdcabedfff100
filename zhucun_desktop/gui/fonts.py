"""The screen font: Chinese must render on every office PC, whatever fonts it has (DESIGN.md, Printing).

The bundled WenQuanYi Micro Hei is registered with Qt at start, so the program never depends on the system's
fonts. On Windows a system font the clerks already know (Microsoft YaHei, then SimSun) is preferred when present.
10.5 pt (五号, the size of body text on official paper) reads well on old 1366×768 screens.

The font file is located beside the package (``zhucun_desktop.resource_file``) rather than through
``reports.fonts``, which imports reportlab: start-up must not pay for the PDF library.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import resource_file

log = logging.getLogger(__name__)

APP_FONT_SIZE = 10.5
BUNDLED_FAMILY = "WenQuanYi Micro Hei"
WINDOWS_FAMILIES = ("Microsoft YaHei", "SimSun")

_registered: list[str] | None = None


def bundled_font_file() -> Path | None:
    return resource_file("fonts", "wqy-microhei.ttc")


def register_bundled_font() -> list[str]:
    """Register the bundled font with Qt once; return the families it provides (empty if it is missing)."""
    global _registered
    if _registered is None:
        path = bundled_font_file()
        font_id = QFontDatabase.addApplicationFont(str(path)) if path is not None else -1
        if font_id < 0:
            log.warning("bundled font %s not loaded; the system's fonts are used", path)
        _registered = list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
    return list(_registered)


def choose_family(available: list[str], bundled: list[str], windows: bool) -> str:
    """Microsoft YaHei / SimSun on Windows when installed, otherwise the bundled WenQuanYi Micro Hei."""
    if windows:
        for family in WINDOWS_FAMILIES:
            if family in available:
                return family
    if BUNDLED_FAMILY in bundled or BUNDLED_FAMILY in available:
        return BUNDLED_FAMILY
    return bundled[0] if bundled else QFont().family()


def install_app_font(app: QApplication) -> QFont:
    """Register the bundled font and make the chosen family, at 10.5 pt, the application's font."""
    bundled = register_bundled_font()
    family = choose_family(QFontDatabase.families(), bundled, sys.platform == "win32")
    font = QFont(family)
    font.setPointSizeF(APP_FONT_SIZE)
    app.setFont(font)
    return font
