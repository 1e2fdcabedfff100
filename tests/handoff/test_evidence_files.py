"""整改佐证材料 travel with their records: the file goes in the package encrypted to the destination, arrives
byte-identical and openable, is written once, and a file whose content does not match its record is refused."""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tests.handoff.conftest import Pair
from tests.handoff.test_ledger_across_sites import TODAY, county_finds_absence, down
from zhucun_desktop.handoff.conflicts import list_conflicts
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.importer import import_package, preview_package
from zhucun_desktop.handoff.package import PackageError
from zhucun_desktop.services import ledger
from zhucun_desktop.services.attachments import attachment_path

SCAN = b"%PDF-1.4\n" + os.urandom(96 * 1024) + b"\n%%EOF\n"  # a scanned 书面说明, incompressible


def township_attaches(pair: Pair, tmp_path: Path) -> tuple[str, str]:
    """The county's row reaches the township, which attaches its evidence and reports the rectification."""
    row = county_finds_absence(pair)
    down(pair)
    source = tmp_path / "王建国书面说明.pdf"
    source.write_bytes(SCAN)
    added = ledger.attach_evidence(pair.town, row, source)
    ledger.submit_rectified(pair.town, row, completed_on=date(2026, 10, 20), today=TODAY)
    return row, added.uuid


def test_evidence_attached_at_the_township_arrives_at_the_county_byte_identical_and_openable(pair: Pair, tmp_path):
    row, attachment = township_attaches(pair, tmp_path)
    made = export_package(pair.town, pair.town_keys, pair.stick)
    assert made.files == 1 and "佐证材料文件1份" in made.message()
    assert SCAN[-4096:] not in made.path.read_bytes()  # encrypted on the stick, like the records

    preview = preview_package(pair.county, pair.county_keys, made.path)
    assert "  佐证材料文件：新增1 本机已有0" in preview.lines()
    done = import_package(pair.county, pair.county_keys, made.path)
    assert "佐证材料文件1份" in done.message

    [evidence] = ledger.ledger_evidence(pair.county, row)
    assert evidence.uuid == attachment and evidence.present and evidence.file_name == "王建国书面说明.pdf"
    assert attachment_path(pair.county, attachment).read_bytes() == SCAN
    assert evidence.path.parent.parent == pair.county.db.path.parent / "attachments"
    assert ledger.ledger_row(pair.county, row, today=TODAY).evidence_count == 1


def test_a_file_already_at_the_county_is_not_written_again(pair: Pair, tmp_path):
    township_attaches(pair, tmp_path)
    import_package(pair.county, pair.county_keys, export_package(pair.town, pair.town_keys, pair.stick).path)
    [stored] = [p for p in (pair.county.db.path.parent / "attachments").rglob("*") if p.is_file()]
    written = stored.stat().st_mtime_ns
    again = export_package(pair.town, pair.town_keys, pair.stick, since=date(2026, 1, 1))  # everything again
    assert again.files == 1
    preview = preview_package(pair.county, pair.county_keys, again.path)
    assert (len(preview.files.write), preview.files.present) == (0, 1)
    import_package(pair.county, pair.county_keys, again.path)
    assert stored.stat().st_mtime_ns == written and stored.read_bytes() == SCAN


def test_a_file_changed_after_it_was_recorded_is_refused_as_a_conflict_and_never_written(pair: Pair, tmp_path):
    row, attachment = township_attaches(pair, tmp_path)
    [town_copy] = [p for p in (pair.town.db.path.parent / "attachments").rglob("*") if p.is_file()]
    town_copy.write_bytes(SCAN.replace(b"%%EOF", b"%%EOX"))  # same size, different content
    made = export_package(pair.town, pair.town_keys, pair.stick)

    done = import_package(pair.county, pair.county_keys, made.path)
    assert done.applied and "1份佐证材料文件与记录不符，未保存" in done.message
    [conflict] = list_conflicts(pair.county)
    assert conflict.record_uuid == attachment and conflict.table_label == "附件"
    assert conflict.reason == "文件内容与记录的SHA-256不符（文件被改动或已损坏），未保存到本机"
    county_store = pair.county.db.path.parent / "attachments"
    assert not county_store.exists() or not [p for p in county_store.rglob("*") if p.is_file()]
    [evidence] = ledger.ledger_evidence(pair.county, row)
    assert not evidence.present  # the record arrived; its file is shown as missing
    assert ledger.ledger_row(pair.county, row, today=TODAY).state == "已整改待核查"


def test_a_row_whose_file_is_not_on_the_sending_pc_still_goes_and_the_sender_is_told(pair: Pair, tmp_path):
    row, _attachment = township_attaches(pair, tmp_path)
    [town_copy] = [p for p in (pair.town.db.path.parent / "attachments").rglob("*") if p.is_file()]
    town_copy.unlink()
    made = export_package(pair.town, pair.town_keys, pair.stick)
    assert made.files == 0 and made.counts["attachments"] == 1
    assert "1份佐证材料的文件不在本机（“王建国书面说明.pdf”），只发送了记录" in made.message()
    import_package(pair.county, pair.county_keys, made.path)
    [evidence] = ledger.ledger_evidence(pair.county, row)
    assert not evidence.present


def test_an_evidence_file_altered_inside_the_package_refuses_the_whole_package(pair: Pair, tmp_path):
    township_attaches(pair, tmp_path)
    made = export_package(pair.town, pair.town_keys, pair.stick)
    with zipfile.ZipFile(made.path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    [name] = [n for n in members if n.startswith("files/")]
    blob = bytearray(members[name])
    blob[100] ^= 1
    members[name] = bytes(blob)
    altered = tmp_path / "改过的.zcpkg"
    with zipfile.ZipFile(altered, "w") as zf:  # a well-formed ZIP again: only the content check can tell
        for member, data in members.items():
            zf.writestr(member, data)
    with pytest.raises(PackageError, match="数据包中的佐证材料与清单不符"):
        import_package(pair.county, pair.county_keys, altered)
    assert not (pair.county.db.path.parent / "attachments").exists()
