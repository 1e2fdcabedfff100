"""The roster (花名册): persons and their postings, with the §4 rules enforced on every save."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import terms
from ..domain.eligibility import check_posting_eligibility, default_term_end
from ..domain.errors import Finding, RuleViolation
from ..domain.idcard import check_consistency, parse_id_number
from ..domain.text import normalize, normalize_compact, normalize_name
from ..storage.models import DispatchUnit, Person, Posting, Township, Village
from .errors import NotFound, ValidationFailed
from .workspace import Workspace

STATUS_IN_POST = "在岗"
STATUS_LEFT = "已离岗"
STATUS_NOT_YET = "未到岗"
STATUS_ALL = "全部"
STATUSES = (STATUS_IN_POST, STATUS_NOT_YET, STATUS_LEFT)


@dataclass
class RosterFilter:
    text: str = ""
    township_uuid: str | None = None
    village_uuid: str | None = None
    role: str | None = None
    unit_uuid: str | None = None
    batch: str | None = None
    status: str = STATUS_IN_POST
    on_date: date | None = None


@dataclass(frozen=True)
class RosterEntry:
    """One posting as a roster line (persons with no posting appear with empty posting fields)."""

    person_uuid: str
    posting_uuid: str | None
    name: str
    sex: str | None
    birth_date: date | None
    id_number: str
    political_status: str | None
    party_join_date: date | None
    work_start_date: date | None
    ethnicity: str | None
    education: str | None
    unit_name: str | None
    position: str | None
    staffing: str | None
    phone: str | None
    role: str | None
    is_leader: bool
    township_uuid: str | None
    township_name: str | None
    village_uuid: str | None
    village_name: str | None
    start_date: date | None
    term_end_date: date | None
    end_date: date | None
    batch: str | None
    status: str


@dataclass
class SaveResult:
    uuid: str
    warnings: list[Finding] = field(default_factory=list)


def posting_status(start: date | None, end: date | None, on: date) -> str:
    if start is None:
        return ""
    if start > on:
        return STATUS_NOT_YET
    if end is not None and end < on:
        return STATUS_LEFT
    return STATUS_IN_POST


def list_roster(ws: Workspace, flt: RosterFilter | None = None) -> list[RosterEntry]:
    flt = flt or RosterFilter()
    on = flt.on_date or date.today()
    with ws.read() as s:
        q = (
            select(Person, Posting, Village.name, Township.name, DispatchUnit.name)
            .join(Posting, (Posting.person_uuid == Person.uuid) & Posting.deleted.is_(False), isouter=True)
            .join(Village, Village.uuid == Posting.village_uuid, isouter=True)
            .join(Township, Township.uuid == Posting.township_uuid, isouter=True)
            .join(DispatchUnit, DispatchUnit.uuid == Person.unit_uuid, isouter=True)
            .where(Person.deleted.is_(False))
            .order_by(Township.name, Village.name, Posting.role, Person.name)
        )
        if not ws.actor.is_county:
            q = q.where(Posting.township_uuid == ws.actor.township_uuid)
        if flt.township_uuid:
            q = q.where(Posting.township_uuid == flt.township_uuid)
        if flt.village_uuid:
            q = q.where(Posting.village_uuid == flt.village_uuid)
        if flt.role:
            q = q.where(Posting.role == flt.role)
        if flt.unit_uuid:
            q = q.where(Person.unit_uuid == flt.unit_uuid)
        if flt.batch:
            q = q.where(Posting.batch == flt.batch)
        text = normalize(flt.text)
        if text:
            like = f"%{text}%"
            q = q.where(or_(Person.name.like(like), Person.id_number.like(like), Person.phone.like(like),
                            DispatchUnit.name.like(like), Village.name.like(like)))
        out = []
        for p, post, vname, tname, uname in s.execute(q):
            status = posting_status(post.start_date, post.end_date, on) if post else "未派驻"
            if flt.status != STATUS_ALL and status != flt.status:
                continue
            out.append(RosterEntry(
                p.uuid, post.uuid if post else None, p.name, p.sex, p.birth_date, p.id_number,
                p.political_status, p.party_join_date, p.work_start_date, p.ethnicity, p.education, uname,
                p.position, p.staffing, p.phone, post.role if post else None, bool(post and post.is_leader),
                post.township_uuid if post else None, tname, post.village_uuid if post else None, vname,
                post.start_date if post else None, post.term_end_date if post else None,
                post.end_date if post else None, post.batch if post else None, status))
        return out


def batches(ws: Workspace) -> list[str]:
    with ws.read() as s:
        q = select(Posting.batch).where(Posting.deleted.is_(False), Posting.batch.is_not(None)).distinct()
        return sorted(b for b in s.scalars(q) if b)


# ------------------------------------------------------------------------------------------------ persons


PERSON_KEYS = ("name", "sex", "ethnicity", "id_number", "political_status", "party_join_date",
               "work_start_date", "education", "unit_uuid", "position", "staffing", "phone", "note")


def check_person(values: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
    """Clean a person's values and collect findings: 身份证号 (GB 11643), sex and birth month against it."""
    v = dict(values)
    findings: list[Finding] = []
    v["name"] = normalize_name(v.get("name"))
    if not v["name"]:
        findings.append(Finding.error("姓名", "不能为空"))
    for key in ("ethnicity", "political_status", "education", "position", "staffing", "note", "sex"):
        v[key] = normalize(v.get(key)) or None
    v["phone"] = normalize_compact(v.get("phone")) or None
    try:
        info = parse_id_number(normalize_compact(v.get("id_number")))
    except RuleViolation as exc:
        findings.append(exc.to_finding())
        v["id_number"] = normalize_compact(v.get("id_number")).upper()
        v["birth_date"] = v.get("birth_date")
    else:
        v["id_number"] = info.number
        findings.extend(check_consistency(info, sex=v.get("sex"), birth=v.get("birth_date")))
        v["sex"] = v.get("sex") or info.sex
        v["birth_date"] = info.birth_date
    if v.get("staffing") and v["staffing"] not in terms.STAFFING_TYPES:
        findings.append(Finding.error("编制性质", f"只能是{'、'.join(terms.STAFFING_TYPES)}之一", "§4"))
    if v.get("political_status") and v["political_status"] not in terms.POLITICAL_STATUSES:
        findings.append(Finding.error("政治面貌", f"只能是{'、'.join(terms.POLITICAL_STATUSES)}之一"))
    if v.get("sex") and v["sex"] not in terms.SEXES:
        findings.append(Finding.error("性别", "只能是男或女"))
    return v, findings


def raise_if_blocked(findings: list[Finding], accept_warnings: bool) -> list[Finding]:
    errors = [f for f in findings if f.is_error]
    warnings = [f for f in findings if not f.is_error]
    if errors or (warnings and not accept_warnings):
        raise ValidationFailed(errors or warnings)
    return warnings


def save_person(ws: Workspace, values: dict[str, Any], *, uuid: str | None = None,
                accept_warnings: bool = False) -> SaveResult:
    """Add or change a person. Warnings (e.g. §4 preference) must be accepted explicitly."""
    with ws.transaction("保存人员") as s:
        person, v, findings = stage_person(ws, s, values, uuid)
        warnings = raise_if_blocked(findings, accept_warnings)
        for key in PERSON_KEYS + ("birth_date",):
            if key in v and getattr(person, key) != v[key]:
                setattr(person, key, v[key])
        s.add(person)
        s.flush()
        return SaveResult(person.uuid, warnings)


def stage_person(ws: Workspace, s: Session, values: dict[str, Any],
                 uuid: str | None) -> tuple[Person, dict[str, Any], list[Finding]]:
    """The checks of a person's save inside its transaction: fields, a duplicate 身份证号, scope, §4."""
    v, findings = check_person(values)
    clash = s.scalars(select(Person).where(Person.id_number == v["id_number"])).first()
    if clash is not None and clash.uuid != uuid:
        findings.append(Finding.error("身份证号", f"与已有人员“{clash.name}”重复"))
    person = s.get(Person, uuid) if uuid else Person()
    if person is None or person.deleted:
        raise NotFound("人员不存在或已删除。")
    if uuid:
        check_person_scope(ws, s, uuid)
        findings.extend(eligibility_of_open_postings(s, uuid, v))
    return person, v, findings


def check_person_scope(ws: Workspace, s: Session, person_uuid: str) -> None:
    if ws.actor.is_county:
        return
    townships = set(s.scalars(select(Posting.township_uuid).where(Posting.person_uuid == person_uuid,
                                                                 Posting.deleted.is_(False))))
    if townships and ws.actor.township_uuid not in townships:
        raise ValidationFailed([Finding.error("所属乡镇", "乡镇账号只能修改本乡镇驻村干部的信息")])


def eligibility_of_open_postings(s: Session, person_uuid: str, v: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    for post in s.scalars(select(Posting).where(Posting.person_uuid == person_uuid, Posting.deleted.is_(False),
                                                Posting.end_date.is_(None))):
        out.extend(_eligibility(v, post.role, post.start_date))
    return out


def _eligibility(v: dict[str, Any], role: str, start: date) -> list[Finding]:
    return check_posting_eligibility(role=role, staffing=v.get("staffing"),
                                     political_status=v.get("political_status"),
                                     party_join_date=v.get("party_join_date"),
                                     work_start_date=v.get("work_start_date"), on_date=start)


def person_values(ws: Workspace, uuid: str) -> dict[str, Any]:
    with ws.read() as s:
        p = s.get(Person, uuid)
        if p is None or p.deleted:
            raise NotFound("人员不存在或已删除。")
        d = {k: getattr(p, k) for k in PERSON_KEYS}
        d["birth_date"] = p.birth_date
        d["uuid"] = p.uuid
        return d


def delete_person(ws: Workspace, uuid: str) -> None:
    """A tombstone for a person entered by mistake, with their postings; history stays in the audit log."""
    with ws.transaction("删除人员") as s:
        check_person_scope(ws, s, uuid)
        p = s.get(Person, uuid)
        if p is None or p.deleted:
            raise NotFound("人员不存在或已删除。")
        p.deleted = True
        for post in s.scalars(select(Posting).where(Posting.person_uuid == uuid, Posting.deleted.is_(False))):
            post.deleted = True


# ------------------------------------------------------------------------------------------------ postings


@dataclass(frozen=True)
class PostingView:
    uuid: str
    village_uuid: str
    village_name: str
    township_name: str
    role: str
    is_leader: bool
    start_date: date
    term_end_date: date | None
    end_date: date | None
    end_reason: str | None
    batch: str | None


def posting_history(ws: Workspace, person_uuid: str) -> list[PostingView]:
    with ws.read() as s:
        q = (select(Posting, Village.name, Township.name)
             .join(Village, Village.uuid == Posting.village_uuid)
             .join(Township, Township.uuid == Posting.township_uuid)
             .where(Posting.person_uuid == person_uuid, Posting.deleted.is_(False))
             .order_by(Posting.start_date.desc()))
        return [PostingView(p.uuid, p.village_uuid, vn, tn, p.role, p.is_leader, p.start_date, p.term_end_date,
                            p.end_date, p.end_reason, p.batch) for p, vn, tn in s.execute(q)]


def check_posting(s: Session, person: Person, *, village_uuid: str, role: str, start_date: date,
                  end_date: date | None, exclude_uuid: str | None = None) -> list[Finding]:
    """§4 eligibility, and one village at a time: no two postings of a person may overlap."""
    findings: list[Finding] = []
    if role not in terms.ROLES:
        findings.append(Finding.error("驻村角色", f"只能是{'、'.join(terms.ROLES)}"))
        return findings
    values = {k: getattr(person, k) for k in ("staffing", "political_status", "party_join_date",
                                               "work_start_date")}
    findings.extend(_eligibility(values, role, start_date))
    if end_date is not None and end_date < start_date:
        findings.append(Finding.error("驻村结束时间", "不能早于驻村开始时间"))
    far = date.max
    for other, vname in s.execute(
        select(Posting, Village.name).join(Village, Village.uuid == Posting.village_uuid)
        .where(Posting.person_uuid == person.uuid, Posting.deleted.is_(False))
    ):
        if other.uuid == exclude_uuid:
            continue
        if other.start_date <= (end_date or far) and start_date <= (other.end_date or far):
            until = f"至{other.end_date:%Y-%m-%d}" if other.end_date else "至今（未登记离岗）"
            findings.append(Finding.error(
                "所驻村", f"一人同一时间只能驻一个村：{person.name}已在{vname}驻村"
                f"（{other.start_date:%Y-%m-%d}{until}），请先为原驻村登记离岗日期", "§4"))
    return findings


def add_posting(ws: Workspace, person_uuid: str, *, village_uuid: str, role: str, start_date: date,
                term_end_date: date | None = None, is_leader: bool | None = None, batch: str | None = None,
                accept_warnings: bool = False) -> SaveResult:
    with ws.transaction("新增驻村") as s:
        person = s.get(Person, person_uuid)
        village = s.get(Village, village_uuid)
        if person is None or person.deleted:
            raise NotFound("人员不存在或已删除。")
        if village is None or village.deleted:
            raise NotFound("所驻村不存在。")
        ws.check_township(village.township_uuid)
        findings = check_posting(s, person, village_uuid=village_uuid, role=role, start_date=start_date,
                                 end_date=None)
        warnings = raise_if_blocked(findings, accept_warnings)
        post = Posting(person_uuid=person_uuid, village_uuid=village_uuid, township_uuid=village.township_uuid,
                       role=role, start_date=start_date,
                       term_end_date=term_end_date or default_term_end(start_date),
                       is_leader=(role == terms.ROLE_FIRST_SECRETARY) if is_leader is None else is_leader,
                       batch=normalize(batch) or None)
        s.add(post)
        s.flush()
        return SaveResult(post.uuid, warnings)


def end_posting(ws: Workspace, posting_uuid: str, end_date: date, reason: str) -> None:
    """离岗: the last day in post and why (§5 reasons)."""
    if reason not in terms.ADJUSTMENT_REASONS:
        raise ValidationFailed([Finding.error("离岗原因", f"只能是{'、'.join(terms.ADJUSTMENT_REASONS)}之一",
                                              "§5")])
    with ws.transaction("登记离岗") as s:
        post = s.get(Posting, posting_uuid)
        if post is None or post.deleted:
            raise NotFound("驻村记录不存在。")
        ws.check_township(post.township_uuid)
        if end_date < post.start_date:
            raise ValidationFailed([Finding.error("离岗日期", "不能早于驻村开始时间")])
        post.end_date = end_date
        post.end_reason = reason
