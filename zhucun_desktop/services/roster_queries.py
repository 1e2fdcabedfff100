"""Roster use cases of the GUI that need more than one service call to be safe.

A new person with their first posting is one act of the clerk: if the posting is refused (§4, one village at a
time), the person must not be left behind half-created. `create_person_with_posting` therefore runs the checks of
`roster.save_person` and `roster.add_posting` — the same functions, imported, not copied — and writes both in
ONE `ws.transaction()`; a refusal raises before commit and nothing is written.

A 派出单位 typed into the person form that is not yet registered is created in the same transaction, so a
refused save leaves no stray unit either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import terms
from ..domain.eligibility import check_term_length, default_term_end
from ..domain.errors import Finding
from ..domain.text import normalize
from ..storage.models import DispatchUnit, Person, Posting, Village
from .errors import NotFound, ValidationFailed
from .org import county_uuid
from .roster import (
    PERSON_KEYS,
    SaveResult,
    check_posting,
    raise_if_blocked,
    stage_person,
)
from .workspace import Workspace

UNIT_NAME = "unit_name"  # optional key of person values: a 派出单位 to create when unit_uuid is empty


@dataclass(frozen=True)
class PostingValues:
    """驻村信息 of a new person: what `roster.add_posting` takes."""

    village_uuid: str | None
    role: str
    start_date: date | None
    term_end_date: date | None = None
    is_leader: bool | None = None
    batch: str | None = None


def save_person_with_unit(ws: Workspace, values: dict[str, Any], *, uuid: str | None = None,
                          accept_warnings: bool = False) -> SaveResult:
    """`roster.save_person`, plus a new 派出单位 named by ``values["unit_name"]`` in the same transaction."""
    with ws.transaction("保存人员") as s:
        person, findings = _stage_person(ws, s, values, uuid)
        warnings = raise_if_blocked(findings, accept_warnings)
        s.flush()
        return SaveResult(person.uuid, warnings)


def create_person_with_posting(ws: Workspace, person_values: dict[str, Any],
                               posting_values: PostingValues | dict[str, Any],
                               accept_warnings: bool = False) -> SaveResult:
    """新增人员 with their 驻村信息, all or nothing.

    Findings of the person (身份证号, 性别 …) and of the posting (§4 eligibility in that role, one village at a
    time, a term under 2 years) are collected together, so the clerk sees every problem at once and accepts the
    warnings once. Returns the person's uuid and the accepted warnings.
    """
    pv = posting_values if isinstance(posting_values, PostingValues) else PostingValues(**posting_values)
    with ws.transaction("新增人员和驻村") as s:
        person, findings = _stage_person(ws, s, person_values, None)
        village = _village_for(ws, s, pv, findings)
        if pv.start_date is None:
            findings.append(Finding.error("驻村开始时间", "不能为空"))
        if village is not None and pv.start_date is not None:
            s.flush()  # the person needs its uuid for the overlap check
            findings.extend(check_posting(s, person, village_uuid=village.uuid, role=pv.role,
                                          start_date=pv.start_date, end_date=None))
            findings.extend(check_term_length(pv.start_date, pv.term_end_date))
        warnings = raise_if_blocked(findings, accept_warnings)
        assert village is not None and pv.start_date is not None
        s.add(Posting(person_uuid=person.uuid, village_uuid=village.uuid, township_uuid=village.township_uuid,
                      role=pv.role, start_date=pv.start_date,
                      term_end_date=pv.term_end_date or default_term_end(pv.start_date),
                      is_leader=(pv.role == terms.ROLE_FIRST_SECRETARY) if pv.is_leader is None else pv.is_leader,
                      batch=normalize(pv.batch) or None))
        s.flush()
        return SaveResult(person.uuid, warnings)


def _stage_person(ws: Workspace, s: Session, values: dict[str, Any],
                  uuid: str | None) -> tuple[Person, list[Finding]]:
    """What `roster.save_person` does inside its transaction, with the unit created first when asked."""
    values = dict(values)
    unit_name = normalize(values.pop(UNIT_NAME, None))
    person, v, findings = stage_person(ws, s, values, uuid)
    if unit_name and not v.get("unit_uuid"):
        v["unit_uuid"] = _unit_named(s, unit_name)
    for key in PERSON_KEYS + ("birth_date",):
        if key in v and getattr(person, key) != v[key]:
            setattr(person, key, v[key])
    if not any(f.is_error for f in findings):
        s.add(person)
    return person, findings


def _unit_named(s: Session, name: str) -> str:
    unit = s.scalars(select(DispatchUnit).where(DispatchUnit.name == name, DispatchUnit.deleted.is_(False))).first()
    if unit is None:
        unit = DispatchUnit(county_uuid=county_uuid(s), name=name)
        s.add(unit)
        s.flush()
    return unit.uuid


def _village_for(ws: Workspace, s: Session, pv: PostingValues, findings: list[Finding]) -> Village | None:
    if not pv.village_uuid:
        findings.append(Finding.error("所驻村", "请选择所驻村"))
        return None
    village = s.get(Village, pv.village_uuid)
    if village is None or village.deleted:
        raise NotFound("所驻村不存在。")
    ws.check_township(village.township_uuid)
    return village


def require_valid(findings: list[Finding]) -> None:
    """Raise the findings the GUI found itself (an unreadable date) exactly as a service would."""
    if findings:
        raise ValidationFailed(findings)
