"""What the bundle must contain, read from packaging/zhucun.spec without running PyInstaller (the build itself is
smoke-tested by tools/build_bundle.py in CI): data files mirror the package, only the Qt modules in use."""

from __future__ import annotations

import importlib.metadata
import re
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "zhucun.spec"
BUILD_MARKER = "# ---- build"


@pytest.fixture(scope="module")
def spec(tmp_path_factory) -> dict:
    """The spec's definitions (its part before the build), executed as PyInstaller would see them."""
    source = SPEC.read_text(encoding="utf-8").split(BUILD_MARKER, 1)[0]
    namespace = {"SPECPATH": str(SPEC.parent), "workpath": str(tmp_path_factory.mktemp("pyi-work")),
                 "__file__": str(SPEC)}
    exec(compile(source, str(SPEC), "exec"), namespace)  # noqa: S102 - our own build file
    return namespace


def destinations(spec: dict) -> set[str]:
    return {f"{dest}/{Path(src).name}".replace("\\", "/") for src, dest in spec["package_data"]()}


def test_name_and_version_come_from_pyproject(spec):
    installed = importlib.metadata.metadata("zhucun-desktop")
    assert (spec["NAME"], spec["VERSION"]) == (installed["Name"], installed["Version"])


def test_forms_fonts_with_licence_icons_rules_and_migrations_are_collected_where_the_package_expects_them(spec):
    got = destinations(spec)
    for ui in (ROOT / "zhucun_desktop" / "ui").glob("*.ui"):
        assert f"zhucun_desktop/ui/{ui.name}" in got
    assert {"zhucun_desktop/resources/fonts/wqy-microhei.ttc",
            "zhucun_desktop/resources/fonts/LICENSE-wqy-microhei.txt",
            "zhucun_desktop/resources/icons/zhucun.ico", "zhucun_desktop/resources/icons/zhucun.png",
            "zhucun_desktop/resources/rules/default.json",
            "zhucun_desktop/storage/migrations/env.py",
            "zhucun_desktop/storage/migrations/script.py.mako"} <= got
    for script in (ROOT / "zhucun_desktop" / "storage" / "migrations" / "versions").glob("*.py"):
        assert f"zhucun_desktop/storage/migrations/versions/{script.name}" in got  # Alembic reads the sources
    assert not any("__pycache__" in d or d.endswith(".pyc") for d in got)


def test_every_qt_module_the_program_imports_is_collected_and_none_is_excluded(spec):
    used = set()
    for source in (ROOT / "zhucun_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    collected = {m.split(".", 1)[1] for m in spec["QT_USED"]}
    assert used <= collected, f"add to QT_USED in the spec: {sorted(used - collected)}"
    excluded = {m.split(".", 1)[1] for m in spec["EXCLUDES"] if m.startswith("PySide6.")}
    assert not used & excluded
    assert {"QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtNetwork"} <= excluded


def test_only_the_chinese_qt_translations_no_gtk_theme_and_no_software_opengl_are_kept(spec):
    toc = [("PySide6/Qt/translations/qtbase_zh_CN.qm", "x", "DATA"),
           ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
           ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "x", "BINARY"),
           ("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"),
           ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "x", "BINARY"),
           ("libcairo.so.2", "x", "BINARY"), ("libQt6Core.so.6", "x", "BINARY"),
           ("PySide6\\opengl32sw.dll", "x", "BINARY")]
    kept = [entry[0] for entry in spec["slim"](toc)] if "slim" in spec else None
    assert kept is not None, "slim() must be defined before the build marker"
    assert kept == ["PySide6/Qt/translations/qtbase_zh_CN.qm", "PySide6/Qt/plugins/platforms/libqxcb.so",
                    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "libQt6Core.so.6"]


def test_the_icon_is_a_windows_icon_with_every_size_up_to_256(spec):
    data = (ROOT / "zhucun_desktop" / "resources" / "icons" / "zhucun.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_the_installer_is_per_user_with_start_menu_shortcuts_and_states_the_windows_qt_needs():
    raw = (ROOT / "packaging" / "zhucun.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Inno Setup 6 reads the Chinese names only from UTF-8 with a BOM
    text = raw.decode("utf-8-sig")
    assert re.search(r"^PrivilegesRequired=lowest\s*$", text, re.MULTILINE)
    assert "DefaultDirName={localappdata}\\Programs\\zhucun_desktop" in text
    assert "MinVersion=10.0.17763" in text  # Qt 6: Windows 10 1809 or later, 64-bit
    assert "ChineseSimplified.isl" in text and "compiler:Default.isl" in text
    assert '{userprograms}\\{#AppName}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in text
    assert 'Source: "..\\dist\\zhucun\\*"' in text
