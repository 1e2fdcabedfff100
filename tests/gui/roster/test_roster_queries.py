"""A new person and their first posting are written together or not at all (services.roster_queries)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.gui.roster.builders import FS, TM, add_cadre, id_number, unit, village
from zhucun_desktop.services import roster
from zhucun_desktop.services.errors import ValidationFailed
from zhucun_desktop.services.roster_queries import (
    UNIT_NAME,
    PostingValues,
    create_person_with_posting,
    save_person_with_unit,
)
from zhucun_desktop.storage.models import DispatchUnit, Person, Posting


def person(ws, name: str = "刘洋", serial: int = 135, political: str = "中共党员", **extra) -> dict:
    return {"name": name, "id_number": id_number(date(1988, 8, 8), serial), "political_status": political,
            "party_join_date": date(2012, 7, 1) if political == "中共党员" else None,
            "work_start_date": date(2010, 7, 1), "staffing": "在编在岗", "unit_uuid": unit(ws), **extra}


def counts(ws) -> tuple[int, int, int]:
    with ws.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Person, Posting, DispatchUnit))


def test_a_refused_posting_leaves_no_person_and_no_new_unit(ws):
    v = village(ws)
    values = {**person(ws, political="群众"), "unit_uuid": None, UNIT_NAME: "县档案馆"}
    before = counts(ws)
    with pytest.raises(ValidationFailed) as refused:
        create_person_with_posting(ws, values, PostingValues(v, FS, date(2025, 5, 1)))
    assert any(f.field == "政治面貌" and "§4" in f.message for f in refused.value.findings)
    assert counts(ws) == before


def test_person_and_posting_are_saved_together_with_the_default_term(ws):
    v = village(ws)
    result = create_person_with_posting(ws, person(ws), PostingValues(v, FS, date(2025, 5, 1), batch="第十批"))
    [posting] = roster.posting_history(ws, result.uuid)
    assert (posting.role, posting.is_leader, posting.term_end_date, posting.batch) == (
        FS, True, date(2027, 5, 1), "第十批")


def test_a_warning_is_returned_only_once_accepted(ws):
    v = village(ws)
    with pytest.raises(ValidationFailed) as warned:
        create_person_with_posting(ws, person(ws, political="群众"), PostingValues(v, TM, date(2025, 5, 1)))
    assert [f.level for f in warned.value.findings] == ["warning"]
    result = create_person_with_posting(ws, person(ws, political="群众"), PostingValues(v, TM, date(2025, 5, 1)),
                                        accept_warnings=True)
    assert [f.field for f in result.warnings] == ["政治面貌"]


def test_a_short_term_is_a_warning_and_a_missing_village_an_error(ws):
    v = village(ws)
    with pytest.raises(ValidationFailed) as short:
        create_person_with_posting(ws, person(ws), PostingValues(v, FS, date(2025, 5, 1), date(2026, 5, 1)))
    assert [f.field for f in short.value.findings] == ["驻村结束时间"]
    with pytest.raises(ValidationFailed) as nowhere:
        create_person_with_posting(ws, person(ws), PostingValues(None, FS, date(2025, 5, 1)))
    assert [f.text for f in nowhere.value.findings] == ["所驻村：请选择所驻村"]


def test_an_id_number_already_on_the_roster_is_refused(ws):
    add_cadre(ws, "王建国", 135, birth=date(1988, 8, 8))
    with pytest.raises(ValidationFailed) as clash:
        create_person_with_posting(ws, person(ws), PostingValues(village(ws), FS, date(2025, 5, 1)))
    assert "与已有人员“王建国”重复" in clash.value.findings[0].text


def test_an_edit_may_name_a_new_unit(ws):
    pid = add_cadre(ws, "王建国", 101)
    values = {**roster.person_values(ws, pid), "unit_uuid": None, UNIT_NAME: "县档案馆"}
    save_person_with_unit(ws, values, uuid=pid)
    with ws.read() as s:
        archive = s.scalars(select(DispatchUnit).where(DispatchUnit.name == "县档案馆")).one()
    assert roster.person_values(ws, pid)["unit_uuid"] == archive.uuid
