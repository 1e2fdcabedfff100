"""Small reads the supervision services share: the active rule set's data, names, who was in post on a day.

The active rule set is read straight from the RuleSet table (``active=True``) so that the duty tracker does
not depend on the rule-set editor's service. A rule set stored before the ``"duties"`` section existed has
none; then the shipped default's section is used (one source of truth: ``resources/rules/default.json``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.duties import DutyRules
from ..domain.errors import RuleViolation
from ..storage.models import County, DispatchUnit, Person, Posting, RuleSet, Township
from .defaults import load_rule_file
from .errors import NotFound, ServiceError


def active_rule_data(s: Session) -> dict[str, Any]:
    """The data of the active rule set (the newest active one if several), or the shipped default."""
    row = s.scalars(select(RuleSet).where(RuleSet.active.is_(True), RuleSet.deleted.is_(False))
                    .order_by(RuleSet.number.desc())).first()
    return dict(row.data) if row is not None and isinstance(row.data, dict) else load_rule_file("default.json")


def duty_rules(s: Session) -> DutyRules:
    """The duties of the active rule set; a broken section is the administrator's to fix, said in Chinese."""
    data = active_rule_data(s)
    section = data.get("duties")
    if section is None:
        section = load_rule_file("default.json")["duties"]
    try:
        return DutyRules.from_dict(section)
    except RuleViolation as exc:
        raise ServiceError(f"当前规则集的履职事项设置有误，请县委组织部管理员在“规则设置”中更正：{exc}") from exc


def term_years(s: Session) -> int:
    value = active_rule_data(s).get("term_years", 2)
    return value if isinstance(value, int) and value > 0 else 2


def county_name(s: Session) -> str:
    county = s.scalars(select(County).where(County.deleted.is_(False))).first()
    return county.name if county else ""


def township_names(s: Session) -> dict[str, str]:
    return {u: n for u, n in s.execute(select(Township.uuid, Township.name))}


def unit_names(s: Session) -> dict[str, str]:
    return {u: n for u, n in s.execute(select(DispatchUnit.uuid, DispatchUnit.name))}


def person_names(s: Session, uuids: set[str] | list[str] | None = None) -> dict[str, str]:
    q = select(Person.uuid, Person.name)
    if uuids is not None:
        q = q.where(Person.uuid.in_(sorted(set(uuids))))
    return {u: n for u, n in s.execute(q)}


def require_township(s: Session, township_uuid: str) -> str:
    """The township's name, or a NotFound the user can read."""
    township = s.get(Township, township_uuid)
    if township is None or township.deleted:
        raise NotFound("乡镇不存在或已删除。")
    return township.name


def posting_on(s: Session, person_uuid: str, day: date) -> Posting | None:
    """The person's posting that covers ``day`` (§4: one village at a time), if any."""
    return s.scalars(select(Posting).where(
        Posting.person_uuid == person_uuid, Posting.deleted.is_(False), Posting.start_date <= day,
        or_(Posting.end_date.is_(None), Posting.end_date >= day)).order_by(Posting.start_date.desc())).first()


def require_in_post(s: Session, person_uuid: str, day: date, *, field: str, township_uuid: str | None = None
                    ) -> Posting:
    """The posting of a cadre in post on ``day`` (in ``township_uuid`` when given), or a clear refusal."""
    person = s.get(Person, person_uuid)
    if person is None or person.deleted:
        raise NotFound(f"{field}：人员不存在或已删除。")
    posting = posting_on(s, person_uuid, day)
    if posting is None:
        raise ServiceError(f"{field}：{person.name}在{day.year}年{day.month}月{day.day}日不在驻村岗位上"
                           "（不在驻村起止时间内），不能登记。")
    if township_uuid is not None and posting.township_uuid != township_uuid:
        raise ServiceError(f"{field}：{person.name}在{day.year}年{day.month}月{day.day}日不在本乡镇驻村，"
                           "只能登记本乡镇的驻村干部。")
    return posting
