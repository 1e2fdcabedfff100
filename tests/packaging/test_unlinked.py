"""packaging/unlinked.py on real ELF files (Pillow's bundled libraries): a library stays while a kept binary links
to it, goes — with whatever only it needed, round after round — once nothing does, and anything unreadable or a
non-Linux TOC leaves the bundle as it was."""

from __future__ import annotations

from pathlib import Path

import PIL

from tests.packaging.packaging_support import load_packaging_module

ROOT = Path(__file__).resolve().parents[2]
PILLOW = Path(PIL.__file__).parent
PILLOW_LIBS = PILLOW.parent / "pillow.libs"


unlinked = load_packaging_module("unlinked")


def lib(stem: str) -> Path:
    return next(PILLOW_LIBS.glob(f"{stem}-*.so*"))


def extension(stem: str) -> Path:
    return next(PILLOW.glob(f"{stem}.cpython-*.so"))


def top_level(path: Path) -> tuple[str, str, str]:
    """As PyInstaller lists a system library: at the top of the bundle."""
    return (path.name, str(path), "BINARY")


def test_needed_reads_the_dynamic_section_of_a_real_library():
    assert lib("libwebp").name in unlinked.needed(lib("libwebpmux"))
    assert lib("libjpeg").name in unlinked.needed(extension("_imaging"))
    assert unlinked.needed(ROOT / "pyproject.toml") is None


def test_a_library_goes_with_everything_only_it_needed_and_what_a_kept_binary_links_to_stays():
    imaging = (f"PIL/{extension('_imaging').name}", str(extension("_imaging")), "EXTENSION")
    binaries = [imaging, top_level(lib("libjpeg")), top_level(lib("libtiff")), top_level(lib("libwebpmux")),
                top_level(lib("libwebp")), top_level(lib("libsharpyuv"))]
    datas = [("libwebp.so.7", lib("libwebp").name, "SYMLINK"), ("x.ui", "x.ui", "DATA")]
    kept, kept_datas, dropped = unlinked.drop_unlinked(binaries, datas, platform="linux")
    # _imaging → libtiff, libjpeg stay; libwebpmux (nobody) → libwebp (only libwebpmux) → libsharpyuv go in turn
    assert [entry[0] for entry in kept] == [imaging[0], lib("libjpeg").name, lib("libtiff").name]
    assert dropped == [lib("libwebpmux").name, lib("libwebp").name, lib("libsharpyuv").name]
    assert kept_datas == [("x.ui", "x.ui", "DATA")]  # the symbolic link to a dropped library goes too


def test_extensions_and_libraries_inside_package_folders_are_never_dropped():
    binaries = [(f"PIL/{extension('_imagingtk').name}", str(extension("_imagingtk")), "EXTENSION"),
                (f"pillow.libs/{lib('liblcms2').name}", str(lib("liblcms2")), "BINARY")]
    assert unlinked.drop_unlinked(binaries, [], platform="linux") == (binaries, [], [])


def test_an_unreadable_binary_or_another_platform_leaves_everything_as_it_was(tmp_path):
    odd = tmp_path / "libodd.so.1"
    odd.write_bytes(b"not an ELF file")
    binaries = [top_level(lib("libwebp")), top_level(odd)]
    assert unlinked.drop_unlinked(binaries, [], platform="linux") == (binaries, [], [])
    binaries = [top_level(lib("libwebp"))]
    assert unlinked.drop_unlinked(binaries, [], platform="win32") == (binaries, [], [])
