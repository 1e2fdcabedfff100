"""Every fault of issue 7 changes nothing and says why: a truncated file, a flipped bit, a package for another
county or another destination, from an unknown site, signed with the wrong key, from a newer format or schema,
a replay, the process killed in the middle of an import, a stick pulled while writing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.handoff.conftest import COUNTY_PASSWORD, TOWN_PASSWORD, Pair
from tests.handoff.test_roundtrip import enter_october
from zhucun_desktop.handoff import package as pkg
from zhucun_desktop.handoff.crypto import SiteKeys
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.importer import import_package
from zhucun_desktop.handoff.setup import create_setup_package
from zhucun_desktop.storage.models import AttendanceDay, AuditEntry, Conflict, PackageLog, Site

ROOT = Path(__file__).resolve().parents[2]


def snapshot(ws) -> tuple[int, ...]:
    with ws.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (AttendanceDay, PackageLog, Conflict,
                                                                                AuditEntry))


def refused(pair: Pair, path: Path, *words: str) -> str:
    before = snapshot(pair.county)
    with pytest.raises(pkg.PackageError) as caught:
        import_package(pair.county, pair.county_keys, path)
    assert snapshot(pair.county) == before
    for word in words:
        assert word in caught.value.message
    return caught.value.message


@pytest.fixture
def upload(pair: Pair) -> Path:
    enter_october(pair)
    return export_package(pair.town, pair.town_keys, pair.stick).path


def reforge(pair: Pair, path: Path, *, signer: SiteKeys | None = None, **changes) -> Path:
    """The same package made again with a changed manifest (as another program or site would make it)."""
    raw = pkg.read_file(path)
    payload = pkg.decrypt(raw, pair.county_keys)
    header = {k: v for k, v in raw.header.items() if k != "encryption"}
    header.update(changes)
    with pair.county.read() as s:
        box = s.scalars(select(Site.box_public_key).where(Site.is_self.is_(True))).one()
    out = path.with_name("forged_" + path.name)
    out.write_bytes(pkg.build(header, payload, signer or pair.town_keys, box))
    return out


def test_a_truncated_package_is_refused_as_incomplete(pair: Pair, upload: Path) -> None:
    data = upload.read_bytes()
    cut = upload.with_name("cut.zcpkg")
    cut.write_bytes(data[: len(data) * 2 // 3])
    refused(pair, cut, "不完整")


def test_a_flipped_bit_anywhere_in_the_content_is_refused(pair: Pair, upload: Path) -> None:
    data = upload.read_bytes()
    with zipfile.ZipFile(upload) as zf:
        spans = []
        for info in zf.infolist():
            name_len = len(info.filename.encode())
            start = info.header_offset + 30 + name_len + len(info.extra)
            spans.append((start, start + info.compress_size))
    positions = [p for a, b in spans for p in (a, (a + b) // 2, b - 1)]
    for position in positions:
        bad = bytearray(data)
        bad[position] ^= 0x10
        flipped = upload.with_name(f"flip_{position}.zcpkg")
        flipped.write_bytes(bytes(bad))
        refused(pair, flipped)


def test_a_package_from_another_county_is_refused(pair: Pair, upload: Path) -> None:
    refused(pair, reforge(pair, upload, county_uuid=str(uuid.uuid4())), "其他县")


def test_a_package_for_another_township_is_refused(pair: Pair, tmp_path: Path) -> None:
    create_setup_package(pair.county, pair.other_township_uuid, tmp_path / "西山乡_配置包.zcsetup")
    with pair.county.read() as s:
        west = s.scalars(select(Site.site_id).where(Site.township_uuid == pair.other_township_uuid)).one()
    for_west = export_package(pair.county, pair.county_keys, pair.stick, destination=west)
    before = snapshot(pair.town)
    with pytest.raises(pkg.PackageError, match="是发给“西山乡”的"):
        import_package(pair.town, pair.town_keys, for_west.path)
    assert snapshot(pair.town) == before


def test_a_package_from_an_unregistered_site_is_refused(pair: Pair, upload: Path) -> None:
    stranger = {"site_id": str(uuid.uuid4()), "name": "外来站点", "kind": "township"}
    refused(pair, reforge(pair, upload, signer=SiteKeys.generate(), source=stranger), "没有在本机登记")


def test_a_package_signed_with_the_wrong_key_is_refused(pair: Pair, upload: Path) -> None:
    refused(pair, reforge(pair, upload, signer=SiteKeys.generate()), "签名不对")


def test_a_package_from_a_newer_format_is_refused(pair: Pair, upload: Path) -> None:
    refused(pair, reforge(pair, upload, format_version=pkg.FORMAT_VERSION + 1), "更新版本", "升级")


def test_a_package_from_a_newer_schema_is_refused(pair: Pair, upload: Path) -> None:
    refused(pair, reforge(pair, upload, schema_revision="9999_from_the_future"), "更新版本", "升级")


def test_an_old_package_replayed_after_newer_ones_changes_nothing(pair: Pair, upload: Path) -> None:
    import_package(pair.county, pair.county_keys, upload)
    second = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, second.path)
    before = snapshot(pair.county)
    again = import_package(pair.county, pair.county_keys, upload)
    assert not again.applied and "未作任何更改" in again.message
    assert snapshot(pair.county) == before


def _child(script: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_an_import_killed_half_way_leaves_the_database_as_before_and_can_be_done_again(
        pair: Pair, upload: Path) -> None:
    before = snapshot(pair.county)
    db_path = pair.county.db.path
    pair.county.db.close()
    child = _child(f"""
        import os, signal
        from zhucun_desktop.handoff import importer, merge
        from zhucun_desktop.handoff.keys import unlock_keys
        from zhucun_desktop.services.accounts import authenticate
        from zhucun_desktop.services.workspace import Workspace
        from zhucun_desktop.storage.database import open_database

        def power_cut(cur, plans):  # the first tables are written, then the process dies
            for name in merge.TABLE_ORDER:
                if name in plans and plans[name].write:
                    cur.executemany(merge.upsert_sql(name, plans[name].columns), plans[name].write)
                    os.kill(os.getpid(), signal.SIGKILL)

        importer.apply_plans = power_cut
        db = open_database({str(db_path)!r})
        ws = Workspace(db, authenticate(db, "admin", {COUNTY_PASSWORD!r}))
        importer.import_package(ws, unlock_keys(ws, {COUNTY_PASSWORD!r}), {str(upload)!r})
        """)
    assert child.returncode == -9, child.stderr
    from zhucun_desktop.services.accounts import authenticate
    from zhucun_desktop.services.workspace import Workspace
    from zhucun_desktop.storage.database import open_database

    db = open_database(db_path)
    pair.county = Workspace(db, authenticate(db, "admin", COUNTY_PASSWORD))
    assert snapshot(pair.county) == before
    done = import_package(pair.county, pair.county_keys, upload)
    assert done.applied and done.preview.totals()["new"] > 90


def test_a_stick_pulled_while_writing_leaves_no_half_package_under_the_final_name(pair: Pair) -> None:
    enter_october(pair)
    db_path = pair.town.db.path
    pair.town.db.close()
    stick = pair.stick
    child = _child(f"""
        import os, signal
        from zhucun_desktop.handoff import package
        from zhucun_desktop.handoff.export import export_package
        from zhucun_desktop.handoff.keys import unlock_keys
        from zhucun_desktop.services.accounts import authenticate
        from zhucun_desktop.services.workspace import Workspace
        from zhucun_desktop.storage.database import open_database

        def pulled(fd):  # the bytes went out, the stick is gone before they are on it
            os.kill(os.getpid(), signal.SIGKILL)

        package.os.fsync = pulled
        db = open_database({str(db_path)!r})
        ws = Workspace(db, authenticate(db, "dfz", {TOWN_PASSWORD!r}))
        export_package(ws, unlock_keys(ws, {TOWN_PASSWORD!r}), {str(stick)!r})
        """)
    assert child.returncode == -9, child.stderr
    assert list(stick.glob("*.zcpkg")) == []
    from zhucun_desktop.services.accounts import authenticate
    from zhucun_desktop.services.workspace import Workspace
    from zhucun_desktop.storage.database import open_database

    db = open_database(db_path)
    pair.town = Workspace(db, authenticate(db, "dfz", TOWN_PASSWORD))
    again = export_package(pair.town, pair.town_keys, stick)
    assert again.sequence == 1  # the failed write was never recorded as sent
    assert import_package(pair.county, pair.county_keys, again.path).applied
