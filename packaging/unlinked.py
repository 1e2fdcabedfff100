"""Drop the Linux shared libraries that nothing left in the bundle links to (packaging/zhucun.spec, after slim()).

PyInstaller collects a library because some collected binary needs it (DT_NEEDED). When slim() then removes a
plug-in (the GTK theme, the EGLFS platforms, image formats), the libraries only that plug-in needed stay behind:
GIO, GObject, libmount, libblkid, libselinux, HarfBuzz, Graphite, FriBidi, libthai, the system libjpeg, the
EGLFS/KMS support libraries... This removes, until nothing changes, every top-level library of the bundle that no
kept binary or Python extension lists as DT_NEEDED. Libraries inside package folders (PySide6/Qt/lib/,
pillow.libs/) are left alone except the EGLFS ones named in QT_LIBRARIES_PRUNED, and so are Python extension
modules (imported, not linked). Windows and macOS TOCs pass through unchanged.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

QT_LIBRARIES_PRUNED = ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so")


def needed(path: str | Path) -> list[str] | None:
    """DT_NEEDED names of a 64-bit little-endian ELF file; None when it cannot be read as one."""
    try:
        data = Path(path).read_bytes()
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            return None
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        names = []
        for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
            if kind != 6:  # SHT_DYNAMIC
                continue
            strings = sections[link][4]
            for at in range(offset, offset + size, 16):
                tag, value = struct.unpack_from("<qQ", data, at)
                if tag == 0:
                    break
                if tag == 1:  # DT_NEEDED
                    names.append(data[strings + value:data.index(b"\0", strings + value)].decode("utf-8"))
        return names
    except (OSError, struct.error, ValueError, IndexError):
        return None


def _is_candidate(dest: str) -> bool:
    if "/" not in dest:
        return ".cpython-" not in dest and ".abi3." not in dest and not dest.startswith("libpython")
    return dest.startswith(QT_LIBRARIES_PRUNED)


def drop_unlinked(binaries: list[tuple], datas: list[tuple], *, platform: str = sys.platform):
    """(binaries, datas, dropped destinations): the TOCs without the libraries nobody links to, and without the
    symbolic links pointing at them. Any file that cannot be read leaves everything as it was."""
    if not platform.startswith("linux"):
        return binaries, datas, []
    kept = [entry for entry in binaries if entry[2] in ("BINARY", "EXTENSION")]
    cache: dict[str, list[str]] = {}
    for _dest, src, _typecode in kept:
        names = needed(src)
        if names is None:
            return binaries, datas, []
        cache[src] = names
    dropped: list[str] = []
    while True:
        wanted = {name for _dest, src, _typecode in kept for name in cache[src]}
        gone = [entry for entry in kept if _is_candidate(entry[0]) and entry[0].rsplit("/", 1)[-1] not in wanted
                and not _linked_through_symlink(entry[0], datas, wanted)]
        if not gone:
            break
        dropped += [entry[0] for entry in gone]
        kept = [entry for entry in kept if entry not in gone]
    gone_set = set(dropped)
    binaries = [entry for entry in binaries if entry[0] not in gone_set]
    datas = [entry for entry in datas if not (entry[2] == "SYMLINK" and entry[1].replace("\\", "/") in gone_set)]
    return binaries, datas, dropped


def _linked_through_symlink(dest: str, datas: list[tuple], wanted: set[str]) -> bool:
    """Whether a wanted name is a symbolic link (PyInstaller's top-level aliases) to ``dest``."""
    return any(entry[2] == "SYMLINK" and entry[1].replace("\\", "/") == dest and entry[0] in wanted
               for entry in datas)
