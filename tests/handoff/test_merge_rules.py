"""Merge rules: only the owner's rows, only newer versions; everything else is kept as a conflict, never dropped
and never silently overwritten; conflicts can be merged again or closed. Keys and set-up packages."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.handoff.conftest import TOWN_PASSWORD, Pair
from tests.handoff.test_roundtrip import enter_october
from zhucun_desktop.handoff import package as pkg
from zhucun_desktop.handoff.conflicts import dismiss_conflict, list_conflicts, retry_conflicts
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.importer import import_package, preview_package
from zhucun_desktop.handoff.keys import KeysLocked, unlock_keys
from zhucun_desktop.handoff.setup import create_setup_package, init_from_setup
from zhucun_desktop.handoff.tables import TABLE_ORDER, TRAVELLING_NAMES, township_scope
from zhucun_desktop.services.accounts import set_password
from zhucun_desktop.services.attendance import CellChange, set_cells
from zhucun_desktop.services.attendance_months import reopen_month
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.models import AttendanceDay, Person, Site


def forged(pair: Pair, path: Path, sequence: int, mutate: Callable[[list[str], list[list]], None]) -> Path:
    """A later package from the township whose attendance rows were changed by ``mutate``, properly signed."""
    raw = pkg.read_file(path)
    payload = pkg.decrypt(raw, pair.county_keys)
    part = payload["tables"]["attendance_days"]
    mutate(part["columns"], part["rows"])
    header = {k: v for k, v in raw.header.items() if k != "encryption"}
    header.update(package_id=str(uuid.uuid4()), sequence=sequence)
    with pair.county.read() as s:
        box = s.scalars(select(Site.box_public_key).where(Site.is_self.is_(True))).one()
    out = path.with_name(f"seq{sequence}.zcpkg")
    out.write_bytes(pkg.build(header, payload, pair.town_keys, box))
    return out


def test_every_travelling_table_has_a_merge_order_and_a_township_scope() -> None:
    assert set(TABLE_ORDER) == TRAVELLING_NAMES
    for name in TABLE_ORDER:
        township_scope(name, "t")  # raises KeyError for a table nobody decided about


def test_an_unknown_person_is_kept_as_a_conflict_and_merges_once_the_person_exists(pair: Pair) -> None:
    enter_october(pair)
    first = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, first.path)
    stranger = str(uuid.uuid4())

    def new_row_for_stranger(cols: list[str], rows: list[list]) -> None:
        row = list(rows[0])
        row[cols.index("uuid")] = str(uuid.uuid4())
        row[cols.index("person_uuid")] = stranger
        rows[:] = [row]

    path = forged(pair, first.path, 2, new_row_for_stranger)
    preview = preview_package(pair.county, pair.county_keys, path)
    assert preview.rejections[0].reason.startswith("未知人员")
    result = import_package(pair.county, pair.county_keys, path)
    assert result.applied and "冲突" in result.message
    [conflict] = list_conflicts(pair.county)
    assert conflict.table_label == "考勤登记" and conflict.source_name == "东风镇" and conflict.sequence == 2
    assert conflict.incoming["person_uuid"] == stranger  # the incoming row is kept whole

    assert retry_conflicts(pair.county).still == 1  # still unknown: nothing forced in
    with pair.county.transaction("补录人员") as s:
        s.add(Person(uuid=stranger, name="钱七", id_number="530102198001010011"))
    assert retry_conflicts(pair.county).merged == 1
    assert list_conflicts(pair.county) == []
    with pair.county.read() as s:
        assert s.scalar(select(AttendanceDay).where(AttendanceDay.person_uuid == stranger)) is not None


def test_a_version_going_back_is_a_conflict_and_the_newer_row_stays(pair: Pair) -> None:
    enter_october(pair)
    cadre = pair.cadres[0]
    reopen_month(pair.town, pair.township_uuid, 2026, 10, "更正王建国10月6日")
    set_cells(pair.town, pair.township_uuid, 2026, 10, [CellChange(cadre.posting_uuid, date(2026, 10, 6), "公")])
    first = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, first.path)

    def older(cols: list[str], rows: list[list]) -> None:
        day, person = cols.index("day"), cols.index("person_uuid")
        row = next(r for r in rows if r[day] == "2026-10-06" and r[person] == cadre.person_uuid)
        row[cols.index("version")] = 1
        row[cols.index("code")] = "旷"
        rows[:] = [row]

    result = import_package(pair.county, pair.county_keys, forged(pair, first.path, 2, older))
    [conflict] = list_conflicts(pair.county)
    assert conflict.reason == "版本倒退：本机已是第2版，数据包中是第1版"
    with pair.county.read() as s:
        assert s.scalar(select(AttendanceDay.code).where(AttendanceDay.person_uuid == cadre.person_uuid,
                                                         AttendanceDay.day == date(2026, 10, 6))) == "公"
    assert result.preview.totals()["rejected"] == 1
    dismiss_conflict(pair.county, conflict.id, "以本机为准")
    assert list_conflicts(pair.county) == []
    assert "以本机为准" in list_conflicts(pair.county, include_resolved=True)[0].reason


def test_a_row_claiming_to_be_the_countys_is_refused_from_a_township(pair: Pair) -> None:
    enter_october(pair)
    first = export_package(pair.town, pair.town_keys, pair.stick)
    with pair.county.read() as s:
        county_site = s.scalars(select(Site.site_id).where(Site.is_self.is_(True))).one()

    def claim(cols: list[str], rows: list[list]) -> None:
        rows[0][cols.index("origin_site")] = county_site
        del rows[1:]

    import_package(pair.county, pair.county_keys, forged(pair, first.path, 1, claim))
    [conflict] = list_conflicts(pair.county)
    assert conflict.reason == "这条记录由“示例县”建立，发送单位不能替它发送"


def test_a_row_with_a_bad_date_is_rejected_naming_the_field(pair: Pair) -> None:
    enter_october(pair)
    first = export_package(pair.town, pair.town_keys, pair.stick)

    def bad_date(cols: list[str], rows: list[list]) -> None:
        rows[0][cols.index("day")] = "2026-02-30"

    preview = preview_package(pair.county, pair.county_keys, forged(pair, first.path, 1, bad_date))
    [rejection] = preview.rejections
    assert rejection.reason == "字段 day：日期“2026-02-30”格式不对"


def test_the_keys_open_only_with_the_administrators_password_and_follow_a_password_change(pair: Pair) -> None:
    with pytest.raises(KeysLocked, match="密码不正确"):
        unlock_keys(pair.town, "not-the-password")
    set_password(pair.town, "dfz", "new-pass-2026", old_password=TOWN_PASSWORD)
    assert unlock_keys(pair.town, "new-pass-2026") == pair.town_keys


def test_a_wrong_setup_code_is_refused_and_leaves_the_new_database_empty(pair: Pair, tmp_path: Path) -> None:
    made = create_setup_package(pair.county, pair.other_township_uuid, tmp_path / "西山乡_配置包.zcsetup")
    assert made.path.name == "西山乡_配置包.zcsetup"
    db = open_database(tmp_path / "west.db")
    try:
        with pytest.raises(pkg.PackageError, match="配置口令不正确"):
            init_from_setup(db, made.path, "AAAA-BBBB-CCCC-DDDD", admin_username="xs", admin_password="west-2026")
        from zhucun_desktop.services.accounts import site_is_set_up

        assert not site_is_set_up(db)
        actor = init_from_setup(db, made.path, made.passphrase.replace("-", " "), admin_username="xs",
                                admin_password="west-2026")
        assert actor.role == "乡镇领导" and actor.township_uuid == pair.other_township_uuid
        with db.session() as s:
            names = set(s.scalars(select(Person.name)))
        assert names == {"赵六"}  # only its own part of the roster
    finally:
        db.close()


def test_a_reissued_setup_package_replaces_the_old_installations_key(pair: Pair, tmp_path: Path) -> None:
    enter_october(pair)
    old = export_package(pair.town, pair.town_keys, pair.stick)
    import_package(pair.county, pair.county_keys, old.path)
    made = create_setup_package(pair.county, pair.township_uuid, tmp_path / "东风镇_配置包.zcsetup")
    assert made.site_id == pair.town_site_id
    stale = export_package(pair.town, pair.town_keys, pair.stick)  # the replaced PC's key
    with pytest.raises(pkg.PackageError, match="签名不对"):
        import_package(pair.county, pair.county_keys, stale.path)
    db = open_database(tmp_path / "new_town.db")
    try:
        init_from_setup(db, made.path, made.passphrase, admin_username="dfz2", admin_password="dongfeng-2027")
        with db.session() as s:
            assert s.query(AttendanceDay).count() == 93  # its own records came back with the package
    finally:
        db.close()
