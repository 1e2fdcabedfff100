"""Prove that Qt still finds in ICU's data what it asks for (the bundle ships a trimmed libicudata, icu_trim.py).

    zhucun --icu-self-check            (in the bundle: packaging/entry_cli.py; tools/build_bundle.py runs it)
    python packaging/qt_icu_check.py   (in the development environment)

Each check is something Qt 6 hands to ICU and whose answer differs when the data is missing:
- QCollator(zh_CN) sorts by pinyin from coll/zh.res (without it: code-point order, 张 before 阿);
- QXmlStreamReader decodes a document declared GB18030 / GBK / GB2312 / Big5 / windows-1252 / ISO-8859-2 through
  QStringDecoder, which opens the ICU converter of that name (without the .cnv: "Encoding ... is unsupported");
- QLocale case mapping with language-specific rules (Turkish dotted İ, German ß → SS: ICU code, no locale data);
- QTimeZone's display name in Chinese (zone/zh.res, metaZones.res: without them "GMT+08:00");
- QUrl's IDNA (ToASCII) of a Chinese host name.
Prints one line per check and the libicudata that was loaded; exit status 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

TEXT = "驻村第一书记和工作队𠀀"  # U+20000 needs GB18030's four-byte table


def _decode_xml(encoding: str, text: str) -> str:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QXmlStreamReader

    data = f'<?xml version="1.0" encoding="{encoding}"?><t>{text}</t>'.encode(encoding)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QXmlStreamReader(buffer)
    read = ""
    while not reader.atEnd():
        reader.readNext()
        if reader.isCharacters():
            read += reader.text()
    if reader.hasError():
        return f"error: {reader.errorString()}"
    return read


def check_collation() -> tuple[str, str]:
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale("zh_CN"))
    return " ".join(sorted(["张", "李", "王", "赵", "阿"], key=collator.sortKey)), "阿 李 王 张 赵"


def check_codecs() -> tuple[str, str]:
    samples = {"GB18030": TEXT, "GBK": "驻村工作队", "GB2312": "第一书记", "Big5": "駐村書記",
               "windows-1252": "Café € 1", "ISO-8859-2": "Łódź"}
    got = [f"{name}={_decode_xml(name, text)}" for name, text in samples.items()]
    return "; ".join(got), "; ".join(f"{name}={text}" for name, text in samples.items())


def check_case_mapping() -> tuple[str, str]:
    from PySide6.QtCore import QLocale

    return ((f"{QLocale('tr_TR').toUpper('istanbul')} {QLocale('zh_CN').toUpper('straße')} "
            f"{QLocale('zh_CN').toLower('ÄBC')}"), "İSTANBUL STRASSE äbc")


def check_time_zone_name() -> tuple[str, str]:
    from PySide6.QtCore import QLocale, QTimeZone

    zone = QTimeZone(b"Asia/Shanghai")
    name = zone.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("zh_CN"))
    return f"{zone.isValid()} {name}", "True 中国标准时间"


def check_idna() -> tuple[str, str]:
    from PySide6.QtCore import QUrl

    return bytes(QUrl.toAce("驻村.中国").data()).decode("ascii"), "xn--brvv25i.xn--fiqs8s"


CHECKS: dict[str, Callable[[], tuple[str, str]]] = {
    "QCollator zh_CN (拼音排序)": check_collation,
    "QStringDecoder codecs via QXmlStreamReader": check_codecs,
    "QLocale case mapping": check_case_mapping,
    "QTimeZone display name zh_CN": check_time_zone_name,
    "QUrl IDNA": check_idna,
}


def loaded_icu_data() -> str:
    """The libicudata file this process mapped (Linux: /proc/self/maps), or '' elsewhere."""
    maps = Path("/proc/self/maps")
    if not maps.is_file():
        return ""
    for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
        path = line.split(maxsplit=5)[5] if len(line.split(maxsplit=5)) == 6 else ""
        if "libicudata" in Path(path).name:
            return path
    return ""


def main() -> int:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])  # noqa: F841 - QTimeZone wants one
    failed = 0
    for title, check in CHECKS.items():
        try:
            got, want = check()
        except Exception as exc:  # noqa: BLE001 - a check that raises has failed; report and go on
            got, want = f"{type(exc).__name__}: {exc}", "no exception"
        ok = got == want
        failed += not ok
        print(f"{'ok' if ok else 'FAILED'}: {title}: {got}" + ("" if ok else f"  (expected {want})"))
    data = loaded_icu_data()
    size = f" ({Path(data).stat().st_size / 1e6:.1f} MB)" if data and Path(data).is_file() else ""
    print(f"ICU data: {data or 'not loaded from a separate file'}{size}")
    print(f"ICU self-check: {len(CHECKS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
