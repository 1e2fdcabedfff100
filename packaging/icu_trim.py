"""Trim Qt's ICU data library (libicudata.so.NN, 31 MB) to the data this program can reach (about 8 MB).

    python packaging/icu_trim.py SOURCE_LIBRARY OUTPUT_FOLDER      (the spec calls trim_library() at build time)

libQt6Core links libicuuc and libicui18n, which link libicudata, so the library must stay; its only content is one
exported symbol ``icudtNN_dat``: an ICU "common data" package (ICU4C ``ucmndata.h``, written by ``icupkg``):

    header      uint16 headerSize, magic 0xda 0x27, UDataInfo (dataFormat "CmnD", formatVersion 1), a comment,
                NUL-padded to headerSize
    TOC         uint32 count, then count × (uint32 nameOffset, uint32 dataOffset), both relative to the TOC start,
                sorted by name (ICU looks items up by binary search)
    names       "icudt73l/zh.res\\0" ... , then 0xaa padding to 16 bytes
    items       each item is a complete ICU data file whose length is a multiple of 16; an item's length is the
                distance to the next item's offset (the last one runs to the end of the symbol)

What is kept (see ``keep()``): every item that is not locale data — normalisation (.nrm), properties (.icu),
confusables (.cfu), StringPrep (.spp), the break rules (.brk) and the CJK word dictionary, the collation root
(ucadata.icu), time-zone rules and names (zoneinfo64, metaZones, timezoneTypes, windowsZones), supplementalData,
likelySubtags, plurals, numberingSystems, each tree's pool.res and res_index.res; locale data (``xx*.res`` in the
main tree and in coll/, brkitr/, curr/, lang/, region/, unit/, zone/, rbnf/, translit/) only for root, English and
Chinese (the program sets zh_CN; Qt's own messages fall back to English); and of the 190 converters only those behind
the encodings a Chinese office meets (GB18030, GBK, GB2312, Big5, ISO-8859-x, windows-125x; UTF-x, US-ASCII and
Latin-1 are built into ICU's code) plus the base tables they extend. Dropped: every other locale and the Thai, Lao,
Khmer and Burmese word dictionaries. What Qt 6 asks ICU for — QCollator (coll/), QStringConverter's non-UTF codecs
(QXmlStreamReader honours encoding="GB18030" through them), case mapping (code, not data), time-zone display names
— is proved by ``qt_icu_check.py`` run by the bundled program (tools/build_bundle.py).

The new library is an assembly file ``.incbin``-ing the trimmed package, assembled with binutils' ``as`` and linked
with ``ld -shared -soname libicudata.so.NN``; without binutils ``trim_library`` warns and returns None and the
caller keeps the original library.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"\xda\x27"
COMMON_DATA_FORMAT = b"CmnD"
LANGUAGES = ("root", "en", "zh")
DROPPED_DICTIONARIES = frozenset({"thaidict.dict", "laodict.dict", "khmerdict.dict", "burmesedict.dict"})
# Tree data whose names look like a locale ID ("res_index" = language "res" + "_index").
NOT_LOCALES = frozenset({"pool", "res_index"})
LOCALE_ID = re.compile(r"^(root|[a-z]{2,3})(_[A-Za-z0-9]*)*$")  # zh, zh_Hant_HK, es_419, coll/de__PHONEBOOK
CONVERTER_ALIASES = ("GB18030", "GBK", "GB2312", "EUC-CN", "windows-936", "Big5", "windows-950",
                     *(f"ISO-8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15)),
                     *(f"windows-{n}" for n in range(1250, 1259)), "US-ASCII", "UTF-8", "UTF-16", "UTF-32")
LIBRARY_NAME = re.compile(r"^libicudata\.so\.(\d+)$")


class TrimError(Exception):
    """The input is not what this trimmer understands (it then changes nothing)."""


@dataclass(frozen=True)
class Package:
    """An ICU common-data package: its header bytes and its items (full names such as ``icudt73l/zh.res``)."""

    header: bytes
    items: dict[str, bytes]

    @property
    def prefix(self) -> str:
        """The package name before the first '/', e.g. ``icudt73l``."""
        return next(iter(self.items)).split("/", 1)[0]

    def item(self, relative: str) -> bytes:
        return self.items[f"{self.prefix}/{relative}"]


# ---------------------------------------------------------------- the common-data format ---------------------

def parse_package(blob: bytes) -> Package:
    """Read a little-endian ASCII-family common-data package (the only kind Linux/Windows x86/ARM builds ship)."""
    if len(blob) < 32 or blob[2:4] != MAGIC:
        raise TrimError("not ICU data (no 0xda27 magic)")
    header_size = struct.unpack_from("<H", blob)[0]
    info_size, _reserved, big_endian, charset = struct.unpack_from("<HHBB", blob, 4)
    data_format = blob[12:16]
    if info_size < 20 or big_endian or charset != 0 or data_format != COMMON_DATA_FORMAT or blob[16] != 1:
        raise TrimError(f"not a little-endian ASCII common-data package: format {data_format!r} v{blob[16]}")
    toc = memoryview(blob)[header_size:]
    count = struct.unpack_from("<I", toc)[0]
    if count == 0 or 4 + 8 * count > len(toc):
        raise TrimError(f"bad item count {count}")
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items: dict[str, bytes] = {}
    for i, (name_offset, data_offset) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        if not 4 + 8 * count <= data_offset <= end <= len(toc):
            raise TrimError(f"item {i} lies outside the package")
        name_end = blob.index(b"\0", header_size + name_offset)
        items[blob[header_size + name_offset:name_end].decode("ascii")] = bytes(toc[data_offset:end])
    names = list(items)
    if names != sorted(names, key=lambda n: n.encode("ascii")):
        raise TrimError("the items are not sorted by name")
    return Package(header=bytes(blob[:header_size]), items=items)


def write_package(package: Package) -> bytes:
    """The package as icupkg writes it: header, TOC sorted by name, names, 0xaa padding to 16, the items."""
    names = sorted(package.items, key=lambda n: n.encode("ascii"))
    count = len(names)
    strings = bytearray()
    name_offsets = []
    for name in names:
        name_offsets.append(4 + 8 * count + len(strings))
        strings += name.encode("ascii") + b"\0"
    data_offset = 4 + 8 * count + len(strings)
    padding = -data_offset % 16
    strings += b"\xaa" * padding
    data_offset += padding
    toc = bytearray(struct.pack("<I", count))
    for name, name_offset in zip(names, name_offsets):
        toc += struct.pack("<II", name_offset, data_offset)
        data_offset += len(package.items[name])
    return package.header + bytes(toc) + bytes(strings) + b"".join(package.items[n] for n in names)


# ---------------------------------------------------------------- what to keep -------------------------------

def is_locale_item(relative: str) -> bool:
    """``zh.res``, ``coll/zh_Hant.res`` ... (not ``pool.res``, ``res_index.res``, ``zone/tzdbNames.res``)."""
    if not relative.endswith(".res"):
        return False
    stem = relative.rsplit("/", 1)[-1][:-4]
    return stem not in NOT_LOCALES and LOCALE_ID.match(stem) is not None


def converter_aliases(cnvalias: bytes) -> dict[str, str]:
    """Every alias in cnvalias.icu (compared as ICU does: lower case, letters and digits, no leading zeros)
    → the converter's canonical name (``GBK`` → ``ibm-1386_P100-2001``). Format: ICU4C ``ucnv_io.cpp``."""
    body = cnvalias[struct.unpack_from("<H", cnvalias)[0]:]
    sections = struct.unpack_from("<I", body)[0]
    sizes = struct.unpack_from(f"<{sections}I", body, 4)
    table = memoryview(body)[4 * (sections + 1):].cast("B")
    starts = [0]
    for size in sizes:
        starts.append(starts[-1] + size)
    converter_list, alias_list, untagged, string_table = 0, 2, 3, 7  # section numbers, 0-based after the TOC

    def u16(section: int, index: int) -> int:
        return struct.unpack_from("<H", table, 2 * (starts[section] + index))[0]

    def string(index: int) -> str:
        at = 2 * (starts[string_table] + index)
        return bytes(table[at:bytes(table[at:at + 200]).index(b"\0") + at]).decode("ascii")

    converters = [string(u16(converter_list, i)) for i in range(sizes[converter_list])]
    return {normalise_converter_name(string(u16(alias_list, i))): converters[u16(untagged, i) & 0x0FFF]
            for i in range(sizes[alias_list]) if u16(untagged, i) & 0x0FFF < len(converters)}


def normalise_converter_name(name: str) -> str:
    """ICU's ucnv_compareNames form: letters lower-cased, only letters and digits, no zero leading a number."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"(?<![0-9])0+(?=[0-9])", "", name.lower()))


def wanted_converters(package: Package, aliases: tuple[str, ...] = CONVERTER_ALIASES) -> set[str]:
    """The .cnv items behind ``aliases`` and the base tables they extend (windows-936-2000 → ibm-1386_P100-2001)."""
    table = converter_aliases(package.item("cnvalias.icu"))
    available = {name.rsplit("/", 1)[-1][:-4]: name for name in package.items if name.endswith(".cnv")}
    missing = [a for a in aliases if normalise_converter_name(a) not in table]
    if missing:
        raise TrimError(f"cnvalias.icu does not know {missing}")
    todo = [table[normalise_converter_name(a)] for a in aliases]
    kept: set[str] = set()
    while todo:
        converter = todo.pop()
        if converter not in available or available[converter] in kept:
            continue  # algorithmic converters (UTF-8, US-ASCII, ISO-8859-1) have no table
        kept.add(available[converter])
        data = package.items[available[converter]]
        named = {word.decode("ascii") for word in re.findall(rb"(?<![-\w])[-\w]+(?=\0)", data)}
        todo += sorted(named & available.keys() - {converter})
    return kept


def keep(relative: str, converters: set[str], prefix: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether the item ``relative`` (name without the package prefix) goes into the trimmed package."""
    base = relative.rsplit("/", 1)[-1]
    if relative.endswith(".cnv"):
        return f"{prefix}/{relative}" in converters
    if base in DROPPED_DICTIONARIES:
        return False
    if is_locale_item(relative):
        return base[:-4].split("_", 1)[0] in languages
    return True


def trim_package(package: Package, languages: tuple[str, ...] = LANGUAGES,
                 aliases: tuple[str, ...] = CONVERTER_ALIASES) -> Package:
    """The package with only the items ``keep()`` accepts for these languages and converter aliases."""
    converters = wanted_converters(package, aliases)
    prefix = package.prefix
    kept = {name: data for name, data in package.items.items()
            if keep(name.split("/", 1)[1], converters, prefix, languages)}
    return Package(header=package.header, items=kept)


# ---------------------------------------------------------------- the shared library -------------------------

def icu_version(library: Path) -> str:
    """``73`` from ``libicudata.so.73``: the version is read from the file name, never assumed."""
    match = LIBRARY_NAME.match(library.name)
    if not match:
        raise TrimError(f"{library.name} is not named libicudata.so.<version>")
    return match.group(1)


def read_data_symbol(library: bytes, symbol: str) -> bytes:
    """The bytes of the exported ``symbol`` in a 64-bit little-endian ELF shared library (.dynsym → section)."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise TrimError("not a 64-bit little-endian ELF library")
    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)]
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        names_at = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from("<IBBHQQ", library, at)
            end = library.index(b"\0", names_at + st_name)
            if library[names_at + st_name:end].decode("ascii", "replace") == symbol and 0 < shndx < shnum:
                _, _, _, sec_addr, sec_offset, _, _, _, _, _ = sections[shndx]
                start = sec_offset + value - sec_addr
                return library[start:start + st_size]
    raise TrimError(f"the library exports no {symbol}")


def link_library(package: bytes, symbol: str, soname: str, folder: Path) -> Path:
    """Assemble ``package`` as the read-only symbol ``symbol`` and link it as a shared library ``soname``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "icudata.dat").write_bytes(package)
    (folder / "icudata.s").write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f'\t.type {symbol}, "object"\n'
        "\t.balign 16\n"
        f"{symbol}:\n"
        '\t.incbin "icudata.dat"\n'
        f"\t.size {symbol}, . - {symbol}\n", encoding="ascii")
    subprocess.run(["as", "-o", "icudata.o", "icudata.s"], cwd=folder, check=True, capture_output=True)
    subprocess.run(["ld", "-shared", "-z", "noexecstack", "-soname", soname, "-o", soname, "icudata.o"],
                   cwd=folder, check=True, capture_output=True)
    return folder / soname


def trim_library(source: Path, folder: Path, *, warn=print, languages: tuple[str, ...] = LANGUAGES,
                 aliases: tuple[str, ...] = CONVERTER_ALIASES) -> Path | None:
    """Write a trimmed copy of ``source`` (libicudata.so.NN) into ``folder``; None (after a warning) when binutils
    is missing or the library is not what this trimmer understands, so the caller keeps the original."""
    missing = [tool for tool in ("as", "ld") if shutil.which(tool) is None]
    if missing:
        warn(f"WARNING: ICU data not trimmed ({' and '.join(missing)} not found: install binutils); "
             f"the bundle keeps the full {source.name} (+24 MB)")
        return None
    try:
        version = icu_version(source)
        symbol = f"icudt{version}_dat"
        package = parse_package(read_data_symbol(source.read_bytes(), symbol))
        trimmed = write_package(trim_package(package, languages, aliases))
        parse_package(trimmed)  # reads back what it wrote
        return link_library(trimmed, symbol, source.name, folder)
    except (TrimError, OSError, ValueError, struct.error, subprocess.CalledProcessError) as exc:
        detail = (getattr(exc, "stderr", b"") or b"").decode(errors="replace").strip()
        warn(f"WARNING: ICU data not trimmed ({exc}{': ' + detail if detail else ''}); "
             f"the bundle keeps the full {source.name}")
        return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    source, folder = Path(argv[0]), Path(argv[1])
    made = trim_library(source, folder, warn=lambda text: print(text, file=sys.stderr))
    if made is None:
        return 1
    print(f"{made}: {made.stat().st_size / 1e6:.1f} MB (was {source.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
