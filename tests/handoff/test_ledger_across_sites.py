"""The negative list across the USB stick (§13): the county finds a problem in a spot check, the township records
progress and reports the rectification on its own PC, the county verifies on its own — each act its own record
owned by the site that acted, so nothing is refused as "another site's record" and both sides end up the same."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.handoff.conftest import Pair
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.handoff import package as pkg
from zhucun_desktop.handoff.conflicts import list_conflicts
from zhucun_desktop.handoff.export import export_package
from zhucun_desktop.handoff.importer import import_package
from zhucun_desktop.handoff.status import county_overview
from zhucun_desktop.services import ledger, spot_checks
from zhucun_desktop.services.errors import PermissionDenied
from zhucun_desktop.services.spot_checks import CheckedCadre
from zhucun_desktop.storage.models import LedgerProgress, LedgerRow, Posting, Site

TODAY = date(2026, 11, 23)


def county_finds_absence(pair: Pair) -> str:
    """抽查 on 2026-10-14: 王建国 not in the village, no leave → a ledger row created by the county."""
    wang = pair.cadres[0]
    check = spot_checks.record_spot_check(pair.county, checked_at=datetime(2026, 10, 14, 10, 30), method="实地检查",
                                          checkers="周明、杨帆", township_uuid=pair.township_uuid,
                                          results=[CheckedCadre(wang.person_uuid, sv.RESULT_ABSENT, "住处无人")])
    return spot_checks.create_ledger_from_proposal(pair.county, check, wang.person_uuid)


def carry(pair: Pair, source, keys, target, target_keys, destination: str | None = None) -> None:
    made = export_package(source, keys, pair.stick, destination=destination)
    done = import_package(target, target_keys, made.path)
    assert done.applied and done.preview.totals()["rejected"] == 0, done.preview.lines()


def down(pair: Pair) -> None:
    carry(pair, pair.county, pair.county_keys, pair.town, pair.town_keys, destination=pair.town_site_id)


def up(pair: Pair) -> None:
    carry(pair, pair.town, pair.town_keys, pair.county, pair.county_keys)


def test_a_county_row_is_rectified_at_the_township_verified_at_the_county_and_both_show_it_closed(pair: Pair):
    row = county_finds_absence(pair)
    with pair.county.read() as s:
        county_version = s.get(LedgerRow, row).version
    down(pair)
    [seen] = ledger.list_ledger(pair.town, today=TODAY)
    assert seen.uuid == row and seen.state == sv.STATE_OPEN and seen.overdue  # deadline 10-29 has passed

    ledger.record_progress(pair.town, row, "已约谈本人，作出书面说明", on=date(2026, 10, 16))
    ledger.submit_rectified(pair.town, row, completed_on=date(2026, 10, 20), progress="按旷工处理，扣发补助",
                            today=TODAY)
    at_town = ledger.ledger_row(pair.town, row, today=TODAY)
    assert at_town.state == sv.STATE_AWAITING and at_town.completed_on == date(2026, 10, 20)
    with pair.town.read() as s:
        town_site = s.scalars(select(Site.site_id).where(Site.is_self.is_(True))).one()
        assert {p.origin_site for p in s.scalars(select(LedgerProgress))} == {town_site}

    up(pair)
    at_county = ledger.ledger_row(pair.county, row, today=TODAY)
    assert at_county.state == sv.STATE_AWAITING and at_county.verification_text == "待核查"
    assert at_county.progress.splitlines() == ["2026-10-16 已约谈本人，作出书面说明", "2026-10-20 按旷工处理，扣发补助"]
    assert [e.recorded_by for e in at_county.entries] == ["东风镇组织委员", "东风镇组织委员"]
    with pair.county.read() as s:
        assert s.get(LedgerRow, row).version == county_version  # the county's row itself was not changed
    assert not list_conflicts(pair.county)

    ledger.verify_ledger_row(pair.county, row, result=sv.RESULT_PASSED, verified_on=date(2026, 10, 22),
                             verifier="周明")
    down(pair)
    for ws in (pair.county, pair.town):
        view = ledger.ledger_row(ws, row, today=TODAY)
        assert view.state == sv.STATE_CLOSED and not view.overdue
        assert view.verification_text == "核查通过（2026-10-22 周明）"
        assert view.completed_on == date(2026, 10, 20)
    line = next(o for o in county_overview(pair.county, 2026, 10, today=TODAY) if o.township == "东风镇")
    assert line.ledger_open == 0


def test_a_failed_verification_travels_back_and_the_township_rectifies_again(pair: Pair):
    row = county_finds_absence(pair)
    down(pair)
    ledger.submit_rectified(pair.town, row, completed_on=date(2026, 10, 20), today=TODAY)
    up(pair)
    ledger.verify_ledger_row(pair.county, row, result=sv.RESULT_FAILED, verified_on=date(2026, 10, 22),
                             verifier="周明", note="未见书面说明")
    down(pair)
    back = ledger.ledger_row(pair.town, row, today=TODAY)
    assert back.state == sv.STATE_IN_PROGRESS and back.completed_on is None
    assert back.verification_text == "核查未通过（2026-10-22 周明）：未见书面说明"
    ledger.record_progress(pair.town, row, "补交书面说明", on=date(2026, 10, 25))
    ledger.submit_rectified(pair.town, row, completed_on=date(2026, 10, 26), today=TODAY)
    up(pair)
    again = ledger.ledger_row(pair.county, row, today=TODAY)
    assert again.state == sv.STATE_AWAITING and again.completed_on == date(2026, 10, 26)
    line = next(o for o in county_overview(pair.county, 2026, 10, today=TODAY) if o.township == "东风镇")
    assert line.ledger_open == 0  # reported complete: waiting for the county, not open


def test_the_township_cannot_change_the_countys_own_fields_of_the_row(pair: Pair):
    row = county_finds_absence(pair)
    down(pair)
    view = ledger.ledger_row(pair.town, row, today=TODAY)
    values = ledger.LedgerInput(view.source, view.found_on, view.subject_kind, view.subject_uuid, "改写的问题描述",
                                view.deadline, view.responsible, township_uuid=pair.township_uuid)
    with pytest.raises(PermissionDenied, match="由“示例县委组织部”登记，只能由登记单位修改；整改进展和整改完成可以照常登记"):
        ledger.update_ledger_row(pair.town, row, values)
    assert ledger.ledger_row(pair.town, row, today=TODAY).description == view.description


def test_progress_sent_by_a_township_about_another_townships_row_is_kept_as_a_conflict(pair: Pair, tmp_path: Path):
    row = county_finds_absence(pair)
    down(pair)
    ledger.record_progress(pair.town, row, "已约谈本人", on=date(2026, 10, 16))
    made = export_package(pair.town, pair.town_keys, pair.stick)
    other_row = _other_township_row(pair)
    raw = pkg.read_file(made.path)
    payload = pkg.decrypt(raw, pair.county_keys)
    part = payload["tables"]["ledger_progress"]
    part["rows"][0][part["columns"].index("ledger_uuid")] = other_row
    header = {k: v for k, v in raw.header.items() if k != "encryption"}
    header.update(package_id=str(uuid.uuid4()))
    with pair.county.read() as s:
        box = s.scalars(select(Site.box_public_key).where(Site.is_self.is_(True))).one()
    forged = tmp_path / "forged.zcpkg"
    forged.write_bytes(pkg.build(header, payload, pair.town_keys, box))

    import_package(pair.county, pair.county_keys, forged)
    [conflict] = list_conflicts(pair.county)
    assert conflict.reason == "这条记录所属的负面清单及整改台账不属于发送单位所在的乡镇"
    assert ledger.ledger_row(pair.county, other_row, today=TODAY).state == sv.STATE_OPEN


def _other_township_row(pair: Pair) -> str:
    """A row about 西山乡's cadre 赵六, entered by the county."""
    with pair.county.read() as s:
        zhao = s.scalars(select(Posting).where(Posting.township_uuid == pair.other_township_uuid)).one()
        person = zhao.person_uuid
    return ledger.create_ledger_row(pair.county, ledger.LedgerInput(
        "县委组织部抽查", date(2026, 10, 12), sv.SUBJECT_CADRE, person, "驻村工作日志记录不全",
        date(2026, 10, 31), "赵六", township_uuid=pair.other_township_uuid))
