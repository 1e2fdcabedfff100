"""packaging/icu_trim.py on the real libicudata of the installed PySide6: the trimmed ICU data keeps what Qt asks
for in a Chinese office (root, English, Chinese; GB18030/GBK/Big5/ISO-8859/windows-125x) byte for byte, drops the
rest, and Qt — run against the rebuilt library — still sorts by pinyin, decodes GB18030 and names time zones in
Chinese (packaging/qt_icu_check.py, which the bundle runs too)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.packaging.packaging_support import load_packaging_module

ROOT = Path(__file__).resolve().parents[2]
QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
ICU_LIBRARY = next(iter(sorted(QT_LIB.glob("libicudata.so.*"))), QT_LIB / "libicudata.so.missing")


icu_trim = load_packaging_module("icu_trim")


@pytest.fixture(scope="module")
def original():
    version = icu_trim.icu_version(ICU_LIBRARY)
    return icu_trim.parse_package(icu_trim.read_data_symbol(ICU_LIBRARY.read_bytes(), f"icudt{version}_dat"))


@pytest.fixture(scope="module")
def trimmed(original):
    return icu_trim.parse_package(icu_trim.write_package(icu_trim.trim_package(original)))


@pytest.fixture(scope="module")
def trimmed_library(tmp_path_factory) -> Path:
    made = icu_trim.trim_library(ICU_LIBRARY, tmp_path_factory.mktemp("icu trimmed 数据"))
    assert made is not None, "binutils (as, ld) are needed: .ci/run installs them"
    return made


def qt_icu_check(library_folder: Path) -> subprocess.CompletedProcess:
    """packaging/qt_icu_check.py in a fresh Python whose Qt loads libicudata from ``library_folder`` (the
    loader searches LD_LIBRARY_PATH before libicuuc's RUNPATH $ORIGIN)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LD_LIBRARY_PATH=str(library_folder))
    return subprocess.run([sys.executable, str(ROOT / "packaging" / "qt_icu_check.py")], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


def relative(package) -> set[str]:
    return {name.split("/", 1)[1] for name in package.items}


def test_writing_an_unchanged_package_reproduces_icus_own_bytes(original):
    version = icu_trim.icu_version(ICU_LIBRARY)
    blob = icu_trim.read_data_symbol(ICU_LIBRARY.read_bytes(), f"icudt{version}_dat")
    assert icu_trim.write_package(original) == blob
    assert len(original.items) > 3000 and original.prefix == f"icudt{version}l"


def test_the_trimmed_package_keeps_chinese_english_root_and_the_non_locale_data_byte_identical(original, trimmed):
    for item in ("zh.res", "zh_Hans_CN.res", "zh_Hant_TW.res", "en.res", "en_GB.res", "root.res", "coll/zh.res",
                 "coll/root.res", "coll/ucadata.icu", "zone/zh.res", "curr/zh.res", "lang/zh.res", "unit/zh.res",
                 "brkitr/zh.res", "brkitr/cjdict.dict", "brkitr/word.brk", "cnvalias.icu", "nfkc.nrm",
                 "nfkc_cf.nrm", "uts46.nrm", "zoneinfo64.res", "metaZones.res", "timezoneTypes.res",
                 "windowsZones.res", "supplementalData.res", "likelySubtags.res", "plurals.res", "pool.res",
                 "res_index.res", "coll/res_index.res", "zone/pool.res", "gb18030.cnv"):
        assert trimmed.item(item) == original.item(item), item
    assert {name for name in relative(original) if name.endswith((".nrm", ".icu", ".spp", ".cfu", ".brk"))} \
        <= relative(trimmed)


def test_other_locales_and_the_southeast_asian_word_dictionaries_are_dropped(original, trimmed):
    kept = relative(trimmed)
    for tree in ("", "coll/", "curr/", "lang/", "region/", "unit/", "zone/", "rbnf/", "brkitr/"):
        gone = {n for n in relative(original) - kept if n.startswith(tree)}
        assert {f"{tree}th.res", f"{tree}ar.res"} & relative(original) <= gone, tree
    assert not any(icu_trim.is_locale_item(n) and n.rsplit("/", 1)[-1].split("_")[0].removesuffix(".res")
                   not in ("root", "en", "zh") for n in kept)
    assert not {"brkitr/thaidict.dict", "brkitr/laodict.dict", "brkitr/khmerdict.dict",
                "brkitr/burmesedict.dict"} & kept
    assert "de.res" not in kept and "coll/de__PHONEBOOK.res" not in kept and "ja.res" not in kept
    assert "zone/tzdbNames.res" in kept and "curr/supplementalData.res" in kept  # tree data, not locales
    assert sum(map(len, trimmed.items.values())) < sum(map(len, original.items.values())) / 3


def test_the_converters_kept_are_those_of_chinese_and_western_encodings_with_the_tables_they_extend(trimmed,
                                                                                                     original):
    aliases = icu_trim.converter_aliases(original.item("cnvalias.icu"))
    by_alias = {a: aliases[icu_trim.normalise_converter_name(a)] for a in ("GBK", "Big5", "windows-1252",
                                                                           "ISO-8859-2", "Shift_JIS", "EUC-KR")}
    kept = relative(trimmed)
    for alias in ("GBK", "Big5", "windows-1252", "ISO-8859-2"):
        assert f"{by_alias[alias]}.cnv" in kept, alias
    assert "ibm-1386_P100-2001.cnv" in kept  # the base table windows-936-2000 (GBK) extends
    assert f"{by_alias['Shift_JIS']}.cnv" not in kept and f"{by_alias['EUC-KR']}.cnv" not in kept
    assert len([n for n in kept if n.endswith(".cnv")]) < 40


def test_the_icu_version_is_read_from_the_library_file_name():
    assert icu_trim.icu_version(Path("/x/libicudata.so.74")) == "74"
    with pytest.raises(icu_trim.TrimError):
        icu_trim.icu_version(Path("libicudata.so"))


def test_the_rebuilt_library_has_the_same_soname_and_exports_exactly_the_trimmed_package(trimmed_library,
                                                                                         trimmed):
    version = icu_trim.icu_version(ICU_LIBRARY)
    assert trimmed_library.name == ICU_LIBRARY.name
    data = icu_trim.read_data_symbol(trimmed_library.read_bytes(), f"icudt{version}_dat")
    assert data == icu_trim.write_package(trimmed)
    dynamic = subprocess.run(["readelf", "-d", str(trimmed_library)], capture_output=True, text=True,
                             check=True).stdout
    assert f"Library soname: [{ICU_LIBRARY.name}]" in dynamic
    assert trimmed_library.stat().st_size < ICU_LIBRARY.stat().st_size / 3


def test_qt_sorts_by_pinyin_decodes_gb18030_and_names_time_zones_in_chinese_with_the_trimmed_library(
        trimmed_library):
    result = qt_icu_check(trimmed_library.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"ICU data: {trimmed_library}" in result.stdout
    assert "ok: QCollator zh_CN (拼音排序): 阿 李 王 张 赵" in result.stdout
    assert "GB18030=驻村第一书记和工作队𠀀" in result.stdout and "ICU self-check: 5 passed, 0 failed" in result.stdout


def test_the_self_check_fails_when_the_chinese_data_and_the_converters_are_missing(tmp_path):
    starved = icu_trim.trim_library(ICU_LIBRARY, tmp_path, languages=("root", "en"), aliases=("UTF-8",))
    assert starved is not None
    result = qt_icu_check(tmp_path)
    assert result.returncode == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
    assert [line.split(":")[1].strip() for line in failed] == [
        "QCollator zh_CN (拼音排序)", "QStringDecoder codecs via QXmlStreamReader", "QTimeZone display name zh_CN"]
    assert "Encoding GB18030 is unsupported" in result.stdout


def test_without_binutils_the_build_warns_and_keeps_the_original_library(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no as, no ld
    said: list[str] = []
    assert icu_trim.trim_library(ICU_LIBRARY, tmp_path / "out", warn=said.append) is None
    assert len(said) == 1 and "binutils" in said[0] and "WARNING" in said[0]
    assert not (tmp_path / "out").exists()


def test_a_library_that_does_not_define_the_icu_data_is_refused_with_a_warning(tmp_path):
    version = icu_trim.icu_version(ICU_LIBRARY)
    impostor = tmp_path / ICU_LIBRARY.name  # libicuuc only imports icudtNN_dat
    impostor.write_bytes((QT_LIB / f"libicuuc.so.{version}").read_bytes())
    said: list[str] = []
    assert icu_trim.trim_library(impostor, tmp_path / "out", warn=said.append) is None
    assert said == [(f"WARNING: ICU data not trimmed (the library exports no icudt{version}_dat); "
                    f"the bundle keeps the full {ICU_LIBRARY.name}")]
