"""What the bundle must contain, read from packaging/zhucun.spec without running PyInstaller (the build itself is
smoke-tested by tools/build_bundle.py in CI): data files mirror the package, only the Qt modules in use."""

from __future__ import annotations

import importlib.metadata
import os
import re
import struct
import subprocess
import sys
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


def test_only_the_svg_image_format_plugin_is_kept_for_icon_themes(spec):
    toc = [(f"PySide6/Qt/plugins/imageformats/libq{fmt}.so", "x", "BINARY")
           for fmt in ("gif", "ico", "jpeg", "svg", "tiff", "webp", "pdf")]
    toc += [("PySide6\\plugins\\imageformats\\qjpeg.dll", "x", "BINARY"),
            ("PySide6\\plugins\\imageformats\\qsvg.dll", "x", "BINARY"),
            ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "x", "BINARY")]
    assert [entry[0] for entry in spec["slim"](toc)] == [
        "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so"]
    # the program's own images are PNG (read by QtGui itself); nothing in it loads JPG/GIF/TIFF/ICO through Qt
    for source in (ROOT / "zhucun_desktop").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not re.search(r"Q(Pixmap|Image|Icon|ImageReader|Movie)\([^)]*\.(jpe?g|gif|tiff?|webp|ico)", text), \
            source


def test_pillow_keeps_its_core_but_not_the_avif_webp_colour_management_and_tk_plugins(spec):
    import importlib.util

    excluded = set(spec["EXCLUDES"])
    assert {"PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL._imagingtk", "PIL.ImageCms", "PIL.ImageTk",
            "PIL.WebPImagePlugin", "PIL.AvifImagePlugin"} <= excluded
    for name in spec["PIL_UNUSED"]:
        assert importlib.util.find_spec(name) is not None, f"{name} is not a Pillow module: a typo?"
    assert not {"PIL", "PIL.Image", "PIL.PngImagePlugin", "PIL.JpegImagePlugin", "PIL._imaging"} & excluded


def test_the_icu_data_library_entry_points_at_a_trimmed_copy_built_in_the_work_folder(spec):
    import PySide6

    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    icudata = next(lib.glob("libicudata.so.*"))
    version = icudata.name.rsplit(".", 1)[1]
    toc = [(f"PySide6/Qt/lib/{icudata.name}", str(icudata), "BINARY"),
           (f"PySide6/Qt/lib/libicuuc.so.{version}", str(lib / f"libicuuc.so.{version}"), "BINARY"),
           (icudata.name, f"PySide6/Qt/lib/{icudata.name}", "SYMLINK")]
    result = spec["with_trimmed_icu"](toc, spec["workpath"])
    assert [(d, t) for d, _s, t in result] == [(d, t) for d, _s, t in toc]
    trimmed = Path(result[0][1])
    assert trimmed == Path(spec["workpath"]) / "icu" / version / icudata.name
    assert trimmed.stat().st_size < icudata.stat().st_size / 3
    assert result[1:] == toc[1:]


def test_on_linux_zhucun_is_a_launcher_of_the_one_executable_in_cli_mode(spec, tmp_path):
    assert spec["SINGLE_EXECUTABLE"] is (sys.platform.startswith("linux") and not spec["ONEFILE"])
    folder = tmp_path / "驻村 管理程序"
    folder.mkdir()
    fake = folder / "zhucun-desktop"  # stands in for the bundled program: shows what it was given
    fake.write_text('#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done\nexit 7\n', encoding="utf-8")
    fake.chmod(0o755)
    launcher = spec["write_cli_launcher"](folder)
    assert launcher == folder / "zhucun" and os.access(launcher, os.X_OK)
    linked = tmp_path / "bin" / "zhucun"
    linked.parent.mkdir()
    linked.symlink_to(launcher)
    for program in (launcher, linked):
        ran = subprocess.run([str(program), "attendance", "pdf", "--db", "演示 数据库.db"], capture_output=True,
                             text=True, encoding="utf-8", check=False)
        assert ran.returncode == 7
        assert ran.stdout.splitlines() == ["[--cli]", "[attendance]", "[pdf]", "[--db]", "[演示 数据库.db]"]


def test_the_gui_entry_hands_cli_to_the_command_line_tool_and_keeps_the_icu_self_check_off_the_help():
    gui = (ROOT / "packaging" / "entry_gui.py").read_text(encoding="utf-8")
    cli = (ROOT / "packaging" / "entry_cli.py").read_text(encoding="utf-8")
    assert 'CLI_SWITCH = "--cli"' in gui and "from entry_cli import main" in gui
    assert "--icu-self-check" in cli
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, str(ROOT / "packaging" / "entry_gui.py"), "--cli", "--version"],
                         capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False)
    assert run.returncode == 0 and importlib.metadata.version("zhucun-desktop") in run.stdout
    helped = subprocess.run([sys.executable, str(ROOT / "packaging" / "entry_gui.py"), "--cli", "--help"],
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False)
    assert helped.returncode == 0 and "attendance" in helped.stdout and "icu-self-check" not in helped.stdout
