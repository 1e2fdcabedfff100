"""The screen font: the bundled WenQuanYi Micro Hei at 10.5 pt, or Microsoft YaHei / SimSun on Windows."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from zhucun_desktop.gui.fonts import APP_FONT_SIZE, BUNDLED_FAMILY, choose_family, install_app_font


def test_the_bundled_font_is_registered_and_becomes_the_app_font(qapp):
    font = install_app_font(qapp)
    assert BUNDLED_FAMILY in QFontDatabase.families()
    assert font.family() == BUNDLED_FAMILY
    assert qapp.font().pointSizeF() == APP_FONT_SIZE == 10.5


def test_windows_prefers_its_own_chinese_fonts_when_present():
    assert choose_family(["Arial", "SimSun", "Microsoft YaHei"], [BUNDLED_FAMILY], windows=True) == "Microsoft YaHei"
    assert choose_family(["Arial", "SimSun"], [BUNDLED_FAMILY], windows=True) == "SimSun"
    assert choose_family(["Arial"], [BUNDLED_FAMILY], windows=True) == BUNDLED_FAMILY
    assert choose_family(["SimSun"], [BUNDLED_FAMILY], windows=False) == BUNDLED_FAMILY


def test_chinese_text_is_drawn_with_real_glyphs(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    install_app_font(qapp)
    metrics = QFontMetrics(QFont(BUNDLED_FAMILY))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "驻村第一书记和工作队管理系统")
