"""Roster import from the Excel sheets clerks really keep (issue: roster import).

Preview first; every bad row is reported as ``第N行 字段：原因`` with the sheet's own row number; nothing is
written while any row is bad, unless the user asks for exactly the good rows (``partial``). At the county site,
townships, villages and dispatching units named in the sheet are created and listed in the preview; at a
township site they must already exist. A backup is taken before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from ..domain import terms
from ..domain.dates import parse_date
from ..domain.eligibility import default_term_end
from ..domain.errors import Finding, RuleViolation
from ..domain.roster_fields import FIELD_BY_KEY, ROSTER_FIELDS
from ..domain.roster_rules import (
    canonical_bool,
    canonical_political_status,
    canonical_role,
    canonical_staffing,
    validate_person_fields,
)
from ..domain.text import normalize, normalize_compact, normalize_name
from ..storage.base import new_row_stamp, utcnow
from ..storage.models import AuditEntry, DispatchUnit, Person, Posting, Township, Village
from .org import county_uuid
from .roster_sheet import SheetError, read_roster_sheet
from .workspace import Workspace

DATE_KEYS = ("birth_month", "party_join_date", "work_start_date", "start_date", "end_date")
COMPACT_KEYS = ("id_number", "phone")
PERSON_COMPARE = ("name", "sex", "ethnicity", "political_status", "party_join_date", "work_start_date",
                  "education", "unit_uuid", "position", "staffing", "phone")


@dataclass(frozen=True)
class RowIssue:
    row: int
    field: str
    message: str
    level: str = "error"

    @property
    def text(self) -> str:
        where = f"第{self.row}行 " if self.row else ""
        return f"{where}{self.field}：{self.message}" if self.field else f"{where}{self.message}"


@dataclass
class ImportReport:
    file: str
    rows_total: int = 0
    new_persons: list[str] = field(default_factory=list)
    updated_persons: list[str] = field(default_factory=list)
    unchanged_persons: list[str] = field(default_factory=list)
    new_postings: int = 0
    new_townships: list[str] = field(default_factory=list)
    new_villages: list[str] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    applied: bool = False
    backup_path: str | None = None

    @property
    def good_rows(self) -> int:
        return self.rows_total - len(self.bad_rows)

    def summary(self) -> str:
        parts = [f"共{self.rows_total}行", f"新增人员{len(self.new_persons)}人",
                 f"更新{len(self.updated_persons)}人", f"未变{len(self.unchanged_persons)}人",
                 f"新增驻村记录{self.new_postings}条"]
        if self.new_townships:
            parts.append(f"新建乡镇{len(self.new_townships)}个")
        if self.new_villages:
            parts.append(f"新建村{len(self.new_villages)}个")
        if self.new_units:
            parts.append(f"新建派出单位{len(self.new_units)}个")
        if self.bad_rows:
            parts.append(f"有问题的行{len(self.bad_rows)}行")
        return "，".join(parts)


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    issues: list[RowIssue]


def _clean(raw: dict[str, Any], number: int) -> _Row:
    """Normalise one sheet row into python values; unreadable cells become issues, not exceptions."""
    values: dict[str, Any] = {}
    issues: list[RowIssue] = []
    for f in ROSTER_FIELDS:
        cell = raw.get(f.key)
        try:
            if f.key in DATE_KEYS:
                values[f.key] = parse_date(cell, field=f.header)
            elif f.key in COMPACT_KEYS:
                values[f.key] = normalize_compact(cell).upper() if f.key == "id_number" else normalize_compact(cell)
            elif f.key == "name":
                values[f.key] = normalize_name(cell)
            else:
                values[f.key] = normalize(cell)
        except RuleViolation as exc:
            issues.append(RowIssue(number, exc.field, exc.message))
            values[f.key] = None
    for key, canon, allowed in (("role", canonical_role, terms.ROLES),
                                ("staffing", canonical_staffing, terms.STAFFING_TYPES),
                                ("political_status", canonical_political_status, terms.POLITICAL_STATUSES)):
        text = values.get(key)
        if text:
            mapped = canon(text)
            if mapped is None:
                issues.append(RowIssue(number, FIELD_BY_KEY[key].header,
                                       f"无法识别“{text}”，应为{'、'.join(allowed)}之一"))
            values[key] = mapped
    leader = values.get("is_leader")
    values["is_leader"] = canonical_bool(leader) if leader else None
    if leader and values["is_leader"] is None:
        issues.append(RowIssue(number, "是否队长", f"无法识别“{leader}”，应填是或否"))
    return _Row(number, values, issues)


def _issues_from(findings: list[Finding], number: int) -> list[RowIssue]:
    return [RowIssue(number, f.field, f.message, f.level) for f in findings]


def import_roster(ws: Workspace, path: str | Path, *, partial: bool = False, dry_run: bool = False,
                  today: date | None = None) -> ImportReport:
    """Preview (``dry_run``) or apply a roster sheet. Returns the report; applies only when allowed."""
    report = ImportReport(file=str(path))
    try:
        sheet = read_roster_sheet(path)
    except SheetError as exc:
        report.errors.append(RowIssue(0, "", exc.message))
        return report
    rows = [_clean(r.values, r.row_number) for r in sheet.rows]
    report.rows_total = len(rows)
    for row in rows:
        if not row.issues:
            row.issues.extend(_issues_from(validate_person_fields(row.values), row.number))
    seen: dict[str, int] = {}
    for row in rows:
        idn = row.values.get("id_number")
        if idn:
            if idn in seen:
                row.issues.append(RowIssue(row.number, "身份证号", f"与第{seen[idn]}行重复"))
            else:
                seen[idn] = row.number
    with ws.read() as s:
        plan = _plan(ws, s, rows, report, today or date.today())
    for row in rows:
        errs = [i for i in row.issues if i.level == "error"]
        report.errors.extend(errs)
        report.warnings.extend(i for i in row.issues if i.level != "error")
        if errs:
            report.bad_rows.append(row.number)
    if dry_run or (report.errors and not partial) or report.good_rows == 0:
        return report
    report.backup_path = ws.backup_before("import")
    _apply(ws, plan, set(report.bad_rows), str(path))
    report.applied = True
    return report


@dataclass
class _Plan:
    townships: dict[str, str | None] = field(default_factory=dict)  # name -> uuid (None = create)
    villages: dict[tuple[str, str], str | None] = field(default_factory=dict)
    units: dict[str, str | None] = field(default_factory=dict)
    rows: list[tuple[_Row, str | None, str | None]] = field(default_factory=list)  # row, person uuid, posting uuid


def _plan(ws: Workspace, s, rows: list[_Row], report: ImportReport, today: date) -> _Plan:
    plan = _Plan()
    plan.townships = {t.name: t.uuid for t in s.scalars(select(Township).where(Township.deleted.is_(False)))}
    plan.villages = {(tn, v.name): v.uuid for v, tn in s.execute(
        select(Village, Township.name).join(Township, Township.uuid == Village.township_uuid)
        .where(Village.deleted.is_(False)))}
    plan.units = {u.name: u.uuid for u in s.scalars(select(DispatchUnit).where(DispatchUnit.deleted.is_(False)))}
    persons = {p.id_number: p for p in s.scalars(select(Person))}
    postings: dict[str, list[Posting]] = {}
    for post in s.scalars(select(Posting).where(Posting.deleted.is_(False))):
        postings.setdefault(post.person_uuid, []).append(post)
    own_township = None
    if not ws.actor.is_county:
        own = s.get(Township, ws.actor.township_uuid)
        own_township = own.name if own else None
    creating = ws.is_county_site and ws.actor.is_county
    for row in rows:
        v = row.values
        if row.issues and any(i.level == "error" for i in row.issues):
            continue
        tname, vname, uname = v["township"], v["village"], v["unit"]
        if own_township is not None and tname != own_township:
            row.issues.append(RowIssue(row.number, "所属乡镇", f"“{tname}”不是本乡镇（{own_township}），不能导入"))
            continue
        for key, label, known, new_list in (
            (tname, "所属乡镇", plan.townships, report.new_townships),
            ((tname, vname), "所驻村", plan.villages, report.new_villages),
            (uname, "派出单位", plan.units, report.new_units),
        ):
            if key not in known:
                if not creating:
                    shown = f"{tname}{vname}" if isinstance(key, tuple) else key
                    row.issues.append(RowIssue(row.number, label, f"“{shown}”不存在，请先由县委组织部建立"))
                    break
                known[key] = None
                new_list.append(f"{key[0]}{key[1]}" if isinstance(key, tuple) else key)
        else:
            person = persons.get(v["id_number"])
            if person is not None and person.deleted:
                row.issues.append(RowIssue(row.number, "身份证号", f"“{person.name}”已被删除，如需恢复请联系管理员"))
                continue
            start = v["start_date"]
            end = v.get("end_date") or default_term_end(start)
            same = None
            for post in postings.get(person.uuid, []) if person else []:
                if post.village_uuid == plan.villages.get((tname, vname)) and post.start_date == start:
                    same = post
                    continue
                other_end = post.end_date or post.term_end_date or date.max
                if post.start_date <= end and start <= other_end:
                    row.issues.append(RowIssue(
                        row.number, "所驻村",
                        f"{v['name']}已有{post.start_date:%Y-%m-%d}起的驻村记录，与本行时间重叠（一人同一时间只能驻一个村）"))
                    break
            else:
                _classify(report, plan, row, person, same)
                plan.rows.append((row, person.uuid if person else None, same.uuid if same else None))
    return plan


def _person_fields(v: dict[str, Any], unit_uuid: str | None) -> dict[str, Any]:
    return {"name": v["name"], "sex": v.get("sex") or None, "ethnicity": v.get("ethnicity") or None,
            "political_status": v.get("political_status") or None, "party_join_date": v.get("party_join_date"),
            "work_start_date": v.get("work_start_date"), "education": v.get("education") or None,
            "unit_uuid": unit_uuid, "position": v.get("position") or None, "staffing": v.get("staffing") or None,
            "phone": v.get("phone") or None}


def _classify(report: ImportReport, plan: _Plan, row: _Row, person: Person | None, same: Posting | None) -> None:
    v = row.values
    if person is None:
        report.new_persons.append(v["name"])
        report.new_postings += 1
        return
    fields = _person_fields(v, plan.units.get(v["unit"]))
    changed = any(val is not None and getattr(person, k) != val for k, val in fields.items())
    if same is None:
        report.new_postings += 1
        changed = True
    elif (same.role != v["role"] or (v.get("end_date") and same.term_end_date != v["end_date"])
          or (v.get("batch") and same.batch != v["batch"])
          or (v.get("is_leader") is not None and same.is_leader != v["is_leader"])):
        changed = True
    (report.updated_persons if changed else report.unchanged_persons).append(v["name"])


@dataclass
class _NewRows:
    """Rows for the bulk inserts, by table, and what the one audit entry of the import says about them."""

    townships: list[dict[str, Any]] = field(default_factory=list)
    villages: list[dict[str, Any]] = field(default_factory=list)
    units: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    postings: list[dict[str, Any]] = field(default_factory=list)

    def audit(self, ws: Workspace, file: str, rows: int, now: datetime) -> AuditEntry:
        counts = (f"新增人员{len(self.persons)}人，新增驻村记录{len(self.postings)}条，"
                  f"新建乡镇{len(self.townships)}个、村{len(self.villages)}个、派出单位{len(self.units)}个")
        after = {"文件": Path(file).name, "行数": rows,
                 "persons": [r["uuid"] for r in self.persons], "postings": [r["uuid"] for r in self.postings],
                 "townships": [r["uuid"] for r in self.townships], "villages": [r["uuid"] for r in self.villages],
                 "dispatch_units": [r["uuid"] for r in self.units]}
        return AuditEntry(at=now, actor=ws.actor.username, action="导入花名册", table_name="persons",
                          record_uuid=None, summary=f"导入花名册“{Path(file).name}”共{rows}行：{counts}"[:300],
                          before=None, after=after)


def _insert(s, *batches: tuple[type, list[dict[str, Any]]]) -> None:
    """Core bulk inserts (one executemany per table), parents before children."""
    for model, rows in batches:
        if rows:
            s.execute(insert(model), rows)


def _apply(ws: Workspace, plan: _Plan, bad_rows: set[int], file: str) -> None:
    """One transaction. New records go in by bulk insert (10,000 rows in seconds, not tens of seconds) with one
    audit entry for the whole import that names the file, the row count and every new record's uuid; changes
    to existing people and postings go through the session, so each gets its own before/after audit row."""
    from ..domain.idcard import parse_id_number

    with ws.transaction("导入花名册") as s:
        site_id, now = ws.site_id or "", utcnow()
        new = _NewRows()
        cuuid = county_uuid(s) if any(u is None for u in plan.townships.values()) or \
            any(u is None for u in plan.units.values()) else None
        wanted = [r for r in plan.rows if r[0].number not in bad_rows]
        for row, _, _ in wanted:
            v = row.values
            if plan.townships.get(v["township"]) is None:
                new.townships.append({**new_row_stamp(site_id, now), "county_uuid": cuuid, "name": v["township"]})
                plan.townships[v["township"]] = new.townships[-1]["uuid"]
            key = (v["township"], v["village"])
            if plan.villages.get(key) is None:
                new.villages.append({**new_row_stamp(site_id, now), "township_uuid": plan.townships[v["township"]],
                                     "name": v["village"], "categories": []})
                plan.villages[key] = new.villages[-1]["uuid"]
            if plan.units.get(v["unit"]) is None:
                new.units.append({**new_row_stamp(site_id, now), "county_uuid": cuuid, "name": v["unit"]})
                plan.units[v["unit"]] = new.units[-1]["uuid"]
        # The places first: a changed person below may already point at a new unit (foreign keys are on).
        _insert(s, (Township, new.townships), (Village, new.villages), (DispatchUnit, new.units))
        for row, person_uuid, posting_uuid in wanted:
            v = row.values
            fields = _person_fields(v, plan.units[v["unit"]])
            if person_uuid is None:
                info = parse_id_number(v["id_number"])
                new.persons.append({**new_row_stamp(site_id, now), **fields, "id_number": info.number,
                                    "birth_date": info.birth_date, "sex": fields["sex"] or info.sex})
                person_uuid = new.persons[-1]["uuid"]
            else:
                person = s.get(Person, person_uuid)
                for k, val in fields.items():
                    if val is not None and getattr(person, k) != val:
                        setattr(person, k, val)
            village_uuid = plan.villages[(v["township"], v["village"])]
            is_leader = v["is_leader"] if v.get("is_leader") is not None else v["role"] == terms.ROLE_FIRST_SECRETARY
            if posting_uuid is None:
                new.postings.append({
                    **new_row_stamp(site_id, now), "person_uuid": person_uuid, "village_uuid": village_uuid,
                    "township_uuid": plan.townships[v["township"]], "role": v["role"], "is_leader": is_leader,
                    "start_date": v["start_date"],
                    "term_end_date": v.get("end_date") or default_term_end(v["start_date"]),
                    "batch": v.get("batch") or None})
            else:
                post = s.get(Posting, posting_uuid)
                post.role = v["role"]
                post.is_leader = is_leader
                if v.get("end_date"):
                    post.term_end_date = v["end_date"]
                if v.get("batch"):
                    post.batch = v["batch"]
        s.flush()  # the changes above, audited one by one by the flush hook
        _insert(s, (Person, new.persons), (Posting, new.postings))
        if any((new.townships, new.villages, new.units, new.persons, new.postings)):
            s.add(new.audit(ws, file, len(wanted), now))
