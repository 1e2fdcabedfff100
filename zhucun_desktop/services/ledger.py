"""负面清单及整改台账 (§13): problems with dispatching units and cadres, their rectification, the county's
verification (核查, its own record), evidence files, and the overdue list.

§13: the township keeps the ledger and reports it truthfully and on time; the county org dept verifies and
circulates; the unit or person rectifies. States and the derived state the user sees are in
``domain.supervision``.

Each act on a row is its own record owned by the site that acts (DESIGN.md, "Records that travel"): 整改进展 and
整改完成 are ``LedgerProgress`` records written by the township the row concerns (on its own installation or on
the county's) or by the county; 核查 is the county's ``LedgerVerification``. So a township records progress on a
row the county created from a spot check, and the county verifies a row the township created, each on its own
PC, and the USB package carries the records both ways. The row's own fields stay its creator's. The state, the
完成时间, the overdue flag and the 整改进展 history (every entry, dated, one per line, for the printed ledger)
are computed from the row's records in the order they were recorded (``domain.supervision.fold_ledger``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import supervision as sv
from ..domain.errors import Finding
from ..storage.models import (
    Circular,
    DispatchUnit,
    InspectionFinding,
    LedgerProgress,
    LedgerRow,
    LedgerVerification,
    Person,
    Site,
    SpotCheckResult,
)
from .attachments import AttachmentView, list_attachments, record_attachment, store_file
from .errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from .supervision_common import township_names
from .workspace import Workspace

OWNER_TABLE = "ledger_rows"


@dataclass
class LedgerInput:
    """What the ledger form (and the spot-check and inspection shortcuts) fill in."""

    source: str
    found_on: date | None
    subject_kind: str  # 派出单位 / 驻村干部
    subject_uuid: str | None  # the unit's or the cadre's uuid
    description: str
    deadline: date | None
    responsible: str
    measures: str = ""
    township_uuid: str | None = None  # a township user's own township when None
    circulated: bool = False


@dataclass(frozen=True)
class VerificationView:
    uuid: str
    verified_on: date
    result: str
    verifier: str
    note: str

    @property
    def text(self) -> str:
        """核查结果 as printed: ``核查通过（2026-11-20 张三）`` or ``核查未通过：原因``."""
        head = f"{self.result}（{self.verified_on:%Y-%m-%d} {self.verifier}）"
        return f"{head}：{self.note}" if self.note else head


@dataclass(frozen=True)
class ProgressView:
    """One 整改进展 or 整改完成 entry, with who recorded it and at which site (乡镇 or 县委组织部)."""

    uuid: str
    on: date
    kind: str  # 进展 / 整改完成
    text: str
    completed_on: date | None
    recorded_by: str
    site_name: str
    origin_site: str

    @property
    def line(self) -> str:
        """As the paper ledger's 整改进展 column prints it: ``2026-10-15 已约谈本人``."""
        return f"{self.on:%Y-%m-%d} {self.text}"


@dataclass(frozen=True)
class LedgerView:
    uuid: str
    township_uuid: str | None
    township_name: str
    source: str
    found_on: date
    subject_kind: str
    subject_uuid: str | None
    subject_name: str
    description: str
    measures: str
    deadline: date
    responsible: str
    progress: str
    completed_on: date | None
    state: str  # what the user sees (domain.supervision.effective_state)
    overdue: bool
    circulated: bool  # 是否通报: marked on the row, or a circular names one of its findings
    verification: VerificationView | None
    evidence_count: int
    spot_check_uuids: tuple[str, ...] = ()
    finding_uuids: tuple[str, ...] = ()
    origin_site: str = ""
    history: tuple[VerificationView, ...] = field(default=())
    entries: tuple[ProgressView, ...] = field(default=())

    @property
    def editable(self) -> bool:
        return sv.can_edit(self.state)

    @property
    def verification_text(self) -> str:
        if self.verification is not None and self.state in (sv.STATE_CLOSED, sv.STATE_IN_PROGRESS):
            return self.verification.text
        return "待核查" if self.state == sv.STATE_AWAITING else ""


# ------------------------------------------------------------------------------------------------ reading


def _latest(vs: list[LedgerVerification]) -> LedgerVerification | None:
    return max(vs, key=lambda v: (v.updated_at, v.verified_on)) if vs else None


def _vview(v: LedgerVerification) -> VerificationView:
    return VerificationView(v.uuid, v.verified_on, v.result, v.verifier, v.note or "")


def _events(progress: list[LedgerProgress], verifs: list[LedgerVerification]) -> list[sv.LedgerEvent]:
    return ([sv.LedgerEvent(p.kind, p.updated_at, p.progress_on, p.completed_on) for p in progress]
            + [sv.LedgerEvent(v.result, v.updated_at, v.verified_on) for v in verifs])


def _records(s: Session, uuids: list[str]) -> tuple[dict[str, list[LedgerProgress]],
                                                     dict[str, list[LedgerVerification]]]:
    progress: dict[str, list[LedgerProgress]] = {}
    verifs: dict[str, list[LedgerVerification]] = {}
    for i in range(0, len(uuids), 500):
        chunk = uuids[i:i + 500]
        for p in s.scalars(select(LedgerProgress).where(LedgerProgress.ledger_uuid.in_(chunk),
                                                        LedgerProgress.deleted.is_(False))):
            progress.setdefault(p.ledger_uuid, []).append(p)
        for v in s.scalars(select(LedgerVerification).where(LedgerVerification.ledger_uuid.in_(chunk),
                                                            LedgerVerification.deleted.is_(False))):
            verifs.setdefault(v.ledger_uuid, []).append(v)
    for group in progress.values():
        group.sort(key=lambda p: (p.updated_at, p.progress_on))
    for vgroup in verifs.values():
        vgroup.sort(key=lambda v: (v.updated_at, v.verified_on))
    return progress, verifs


def statuses(s: Session, uuids: list[str]) -> dict[str, sv.LedgerStatus]:
    """The state and standing 完成时间 of each row (for summaries that need no more than that)."""
    progress, verifs = _records(s, uuids)
    return {u: sv.fold_ledger(_events(progress.get(u, []), verifs.get(u, []))) for u in uuids}


def _site_names(s: Session) -> dict[str, str]:
    return {site_id: name for site_id, name in s.execute(select(Site.site_id, Site.name))}


def load_views(s: Session, rows: list[LedgerRow], today: date) -> list[LedgerView]:
    """Views of ``rows`` with their progress, verifications, links, evidence counts, in a handful of queries."""
    from ..storage.models import Attachment

    uuids = [r.uuid for r in rows]
    progress, verifs = _records(s, uuids)
    spot: dict[str, list[str]] = {}
    finds: dict[str, list[str]] = {}
    evidence: dict[str, int] = {}
    for i in range(0, len(uuids), 500):
        chunk = uuids[i:i + 500]
        for r in s.scalars(select(SpotCheckResult).where(SpotCheckResult.ledger_uuid.in_(chunk),
                                                         SpotCheckResult.deleted.is_(False))):
            spot.setdefault(r.ledger_uuid, []).append(r.spot_check_uuid)
        for f in s.scalars(select(InspectionFinding).where(InspectionFinding.ledger_uuid.in_(chunk),
                                                           InspectionFinding.deleted.is_(False))):
            finds.setdefault(f.ledger_uuid, []).append(f.uuid)
        for a in s.scalars(select(Attachment).where(Attachment.owner_table == OWNER_TABLE,
                                                    Attachment.owner_uuid.in_(chunk),
                                                    Attachment.deleted.is_(False))):
            evidence[a.owner_uuid] = evidence.get(a.owner_uuid, 0) + 1
    circulated_findings: set[str] = set()
    for c in s.scalars(select(Circular).where(Circular.deleted.is_(False))):
        circulated_findings.update(c.finding_uuids or [])
    tnames = township_names(s)
    sites = _site_names(s)
    units = {u: n for u, n in s.execute(select(DispatchUnit.uuid, DispatchUnit.name))}
    people_ids = {r.subject_person_uuid for r in rows if r.subject_person_uuid}
    people = {u: n for u, n in s.execute(select(Person.uuid, Person.name).where(Person.uuid.in_(people_ids)))}
    out = []
    for r in rows:
        mine = verifs.get(r.uuid, [])
        notes = progress.get(r.uuid, [])
        status = sv.fold_ledger(_events(notes, mine))
        latest = _latest(mine)
        entries = tuple(ProgressView(p.uuid, p.progress_on, p.kind, p.text, p.completed_on, p.recorded_by or "",
                                     sites.get(p.origin_site, ""), p.origin_site) for p in notes)
        subject_uuid = r.subject_unit_uuid if r.subject_kind == sv.SUBJECT_UNIT else r.subject_person_uuid
        subject_name = (units if r.subject_kind == sv.SUBJECT_UNIT else people).get(subject_uuid or "", "")
        fids = tuple(finds.get(r.uuid, ()))
        out.append(LedgerView(
            r.uuid, r.township_uuid, tnames.get(r.township_uuid or "", "县委组织部"), r.source, r.found_on,
            r.subject_kind, subject_uuid, subject_name, r.description, r.measures or "", r.deadline,
            r.responsible, "\n".join(e.line for e in entries), status.completed_on, status.state,
            sv.is_overdue(status.state, r.deadline, today),
            bool(r.circulated or circulated_findings.intersection(fids)),
            _vview(latest) if latest else None, evidence.get(r.uuid, 0), tuple(spot.get(r.uuid, ())), fids,
            r.origin_site, tuple(_vview(v) for v in mine), entries))
    return out


def list_ledger(ws: Workspace, *, township_uuid: str | None = None, state: str | None = None,
                overdue_only: bool = False, today: date | None = None) -> list[LedgerView]:
    """The ledger rows the actor may see (a township user: its own township), newest finding first."""
    today = today or date.today()
    if township_uuid is not None:
        ws.check_township(township_uuid)
    with ws.read() as s:
        q = select(LedgerRow).where(LedgerRow.deleted.is_(False))
        if not ws.actor.is_county:
            q = q.where(LedgerRow.township_uuid == ws.actor.township_uuid)
        if township_uuid is not None:
            q = q.where(LedgerRow.township_uuid == township_uuid)
        rows = list(s.scalars(q.order_by(LedgerRow.found_on, LedgerRow.updated_at)))
        views = load_views(s, rows, today)
    if state is not None:
        views = [v for v in views if v.state == state]
    if overdue_only:
        views = [v for v in views if v.overdue]
    return views


def ledger_row(ws: Workspace, uuid: str, *, today: date | None = None) -> LedgerView:
    with ws.read() as s:
        row = _get(ws, s, uuid)
        return load_views(s, [row], today or date.today())[0]


# ------------------------------------------------------------------------------------------------ writing


def _get(ws: Workspace, s: Session, uuid: str) -> LedgerRow:
    row = s.get(LedgerRow, uuid)
    if row is None or row.deleted:
        raise NotFound("台账记录不存在或已删除。")
    if row.township_uuid is None and not ws.actor.is_county:
        raise PermissionDenied("这条台账记录属于县委组织部，乡镇账号不能查看或修改。")
    if row.township_uuid:
        ws.check_township(row.township_uuid)
    return row


def _status(s: Session, row: LedgerRow) -> sv.LedgerStatus:
    return statuses(s, [row.uuid])[row.uuid]


def _require_editable(s: Session, row: LedgerRow, what: str) -> sv.LedgerStatus:
    status = _status(s, row)
    if not sv.can_edit(status.state):
        why = "已核查通过、已销号" if status.state == sv.STATE_CLOSED else "已报整改完成、正等待县委组织部核查"
        raise ServiceError(f"这条台账记录{why}，不能再{what}。")
    return status


def _require_owner(ws: Workspace, s: Session, row: LedgerRow, what: str) -> None:
    """The row's own fields are its creator's (DESIGN.md); progress and verification are separate records."""
    if row.origin_site and ws.site_id and row.origin_site != ws.site_id:
        site = s.get(Site, row.origin_site)
        owner = site.name if site is not None else "其他单位"
        raise PermissionDenied(f"这条台账记录由“{owner}”登记，只能由登记单位{what}；"
                               "整改进展和整改完成可以照常登记。")


def _check(s: Session, ws: Workspace, v: LedgerInput, *, completed_on: date | None = None) -> str | None:
    findings = sv.check_ledger_row(source=v.source, found_on=v.found_on, subject_kind=v.subject_kind,
                                   subject_uuid=v.subject_uuid, description=v.description, deadline=v.deadline,
                                   responsible=v.responsible, completed_on=completed_on)
    township = v.township_uuid if ws.actor.is_county else ws.actor.township_uuid
    if v.township_uuid and not ws.actor.is_county and v.township_uuid != ws.actor.township_uuid:
        raise PermissionDenied("乡镇账号只能登记本乡镇的台账。")
    if v.subject_uuid and v.subject_kind in sv.SUBJECT_KINDS:
        model = DispatchUnit if v.subject_kind == sv.SUBJECT_UNIT else Person
        obj = s.get(model, v.subject_uuid)
        if obj is None or obj.deleted:
            findings.append(Finding.error(sv.FIELD_SUBJECT, f"所选{v.subject_kind}不存在或已删除", sv.RULE_LEDGER))
    if findings:
        raise ValidationFailed(findings, "台账记录未保存：")
    return township


def _apply(row: LedgerRow, v: LedgerInput, township: str | None) -> None:
    row.township_uuid = township
    row.source, row.found_on = v.source.strip(), v.found_on
    row.subject_kind = v.subject_kind
    row.subject_unit_uuid = v.subject_uuid if v.subject_kind == sv.SUBJECT_UNIT else None
    row.subject_person_uuid = v.subject_uuid if v.subject_kind == sv.SUBJECT_CADRE else None
    row.description, row.measures = v.description.strip(), (v.measures or "").strip() or None
    row.deadline, row.responsible = v.deadline, v.responsible.strip()
    row.circulated = bool(v.circulated)


def stage_ledger_row(ws: Workspace, s: Session, v: LedgerInput) -> LedgerRow:
    """A new row inside the caller's transaction (spot checks and inspections link to it in the same one)."""
    township = _check(s, ws, v)
    row = LedgerRow(state=sv.STATE_OPEN)
    _apply(row, v, township)
    s.add(row)
    s.flush()
    return row


def create_ledger_row(ws: Workspace, values: LedgerInput) -> str:
    with ws.transaction("新增台账记录") as s:
        return stage_ledger_row(ws, s, values).uuid


def update_ledger_row(ws: Workspace, uuid: str, values: LedgerInput) -> None:
    """Correct a row's fields while it is 待整改 or 整改中."""
    with ws.transaction("修改台账记录") as s:
        row = _get(ws, s, uuid)
        _require_owner(ws, s, row, "修改")
        _require_editable(s, row, "修改")
        township = _check(s, ws, values, completed_on=row.completed_on)
        _apply(row, values, township)


def _add_progress(ws: Workspace, s: Session, row: LedgerRow, *, on: date, text: str, kind: str,
                  completed_on: date | None = None) -> LedgerProgress:
    entry = LedgerProgress(ledger_uuid=row.uuid, progress_on=on, text=text.strip(), kind=kind,
                           completed_on=completed_on, recorded_by=(ws.actor.display_name or ws.actor.username)[:50])
    s.add(entry)
    s.flush()
    return entry


def record_progress(ws: Workspace, uuid: str, progress: str, *, on: date | None = None) -> str:
    """整改进展: a dated entry, its own record owned by this site; the row is 整改中 from now on (also after a
    failed verification). The township the row concerns and the county may record it (§13)."""
    if not (progress or "").strip():
        raise ValidationFailed([Finding.error(sv.FIELD_PROGRESS, "请写明整改进展", sv.RULE_LEDGER)])
    on = on or date.today()
    with ws.transaction("登记整改进展") as s:
        row = _get(ws, s, uuid)
        _require_editable(s, row, "登记整改进展")
        if on < row.found_on:
            raise ValidationFailed([Finding.error(sv.FIELD_PROGRESS, "进展日期不能早于发现时间", sv.RULE_LEDGER)])
        return _add_progress(ws, s, row, on=on, text=progress, kind=sv.PROGRESS_KIND).uuid


def submit_rectified(ws: Workspace, uuid: str, *, completed_on: date, progress: str = "",
                     today: date | None = None) -> str:
    """整改完成, reported for the county's verification (→ 已整改待核查): a record owned by this site."""
    with ws.transaction("报整改完成") as s:
        row = _get(ws, s, uuid)
        _require_editable(s, row, "报整改完成")
        if completed_on is None:
            raise ValidationFailed([Finding.error(sv.FIELD_COMPLETED, "请填写完成时间", sv.RULE_LEDGER)])
        if completed_on < row.found_on:
            raise ValidationFailed([Finding.error(
                sv.FIELD_COMPLETED, f"完成时间（{completed_on:%Y-%m-%d}）不能早于发现时间（{row.found_on:%Y-%m-%d}）",
                sv.RULE_LEDGER)])
        if completed_on > (today or date.today()):
            raise ValidationFailed([Finding.error(sv.FIELD_COMPLETED, "完成时间不能晚于今天", sv.RULE_LEDGER)])
        text = (progress or "").strip() or "整改完成，报请核查"
        return _add_progress(ws, s, row, on=completed_on, text=text, kind=sv.DONE_KIND,
                             completed_on=completed_on).uuid


def verify_ledger_row(ws: Workspace, uuid: str, *, result: str, verified_on: date, verifier: str,
                      note: str = "") -> str:
    """核查 by the county org dept (§13): its own record, whoever owns the row. 核查通过 closes the row;
    核查未通过 (with the reason) sends it back to 整改中."""
    if not ws.actor.is_county:
        raise PermissionDenied("核查由县委组织部进行（§13），乡镇账号不能核查。")
    problems = []
    if result not in sv.VERIFICATION_RESULTS:
        problems.append(Finding.error(sv.FIELD_RESULT, f"应为{'或'.join(sv.VERIFICATION_RESULTS)}", sv.RULE_LEDGER))
    if not (verifier or "").strip():
        problems.append(Finding.error(sv.FIELD_VERIFIER, "请填写核查人", sv.RULE_LEDGER))
    if result == sv.RESULT_FAILED and not (note or "").strip():
        problems.append(Finding.error("核查意见", "核查未通过须写明原因和整改要求", sv.RULE_LEDGER))
    if problems:
        raise ValidationFailed(problems, "核查未保存：")
    with ws.transaction("核查台账记录") as s:
        row = _get(ws, s, uuid)
        status = _status(s, row)
        if status.state != sv.STATE_AWAITING:
            raise ServiceError(f"这条台账记录是“{status.state}”，整改完成并上报后才能核查。")
        if status.completed_on and verified_on < status.completed_on:
            raise ValidationFailed([Finding.error("核查日期", "不能早于整改完成时间", sv.RULE_LEDGER)])
        v = LedgerVerification(ledger_uuid=row.uuid, verified_on=verified_on, result=result,
                               verifier=verifier.strip(), note=(note or "").strip() or None)
        s.add(v)
        s.flush()
        return v.uuid


def set_circulated(ws: Workspace, uuid: str, circulated: bool = True) -> None:
    """是否通报, when a circulation happened outside the program (a circular issued here marks it itself)."""
    with ws.transaction("标记通报") as s:
        row = _get(ws, s, uuid)
        _require_owner(ws, s, row, "标记通报")
        row.circulated = bool(circulated)


def delete_ledger_row(ws: Workspace, uuid: str) -> None:
    """A row entered by mistake, while nobody has acted on it (待整改, no verification): a tombstone."""
    with ws.transaction("删除台账记录") as s:
        row = _get(ws, s, uuid)
        _require_owner(ws, s, row, "删除")
        if _status(s, row).state != sv.STATE_OPEN:
            raise ServiceError("已开始整改或已核查的台账记录不能删除，只能如实登记进展。")
        row.deleted = True
        for r in s.scalars(select(SpotCheckResult).where(SpotCheckResult.ledger_uuid == uuid)):
            r.ledger_uuid = None
        for f in s.scalars(select(InspectionFinding).where(InspectionFinding.ledger_uuid == uuid)):
            f.ledger_uuid = None


def attach_evidence(ws: Workspace, uuid: str, path: str | Path) -> AttachmentView:
    """整改佐证材料: the file is read and copied first (a clear message if it cannot be read), then recorded."""
    with ws.read() as s:
        _get(ws, s, uuid)
    stored = store_file(ws, path)
    with ws.transaction("上传佐证材料") as s:
        _get(ws, s, uuid)
        record_attachment(s, OWNER_TABLE, uuid, stored)
    return next(a for a in list_attachments(ws, OWNER_TABLE, uuid) if a.sha256 == stored.sha256)


def ledger_evidence(ws: Workspace, uuid: str) -> list[AttachmentView]:
    with ws.read() as s:
        _get(ws, s, uuid)
    return list_attachments(ws, OWNER_TABLE, uuid)
