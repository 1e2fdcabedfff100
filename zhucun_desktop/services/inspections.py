"""督查 and 通报 (§14): the county's inspections with their findings, each finding linked to a ledger row (§13),
and circulars drafted from chosen findings, edited, saved and printed.

The county owns inspections, findings and circulars (DESIGN.md, "Records that travel"); a township user may
read the findings about its township and the circulars, but not write them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import supervision as sv
from ..domain.errors import Finding
from ..storage.models import Circular, Inspection, InspectionFinding, LedgerRow
from .errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from .ledger import LedgerInput, stage_ledger_row
from .supervision_common import county_name, require_township, township_names
from .workspace import Workspace


@dataclass(frozen=True)
class FindingView:
    uuid: str
    inspection_uuid: str
    inspection_title: str
    township_uuid: str | None
    township_name: str
    description: str
    ledger_uuid: str | None


@dataclass(frozen=True)
class InspectionView:
    uuid: str
    title: str
    kind: str
    start_date: date
    end_date: date | None
    summary: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class CircularView:
    uuid: str
    title: str
    doc_number: str
    body: str
    issued_on: date
    finding_uuids: tuple[str, ...]
    issuer: str  # 中共XX县委组织部


def _county_only(ws: Workspace, what: str) -> None:
    if not ws.actor.is_county:
        raise PermissionDenied(f"{what}由县委组织部负责（§14），乡镇账号只能查看。")


def create_inspection(ws: Workspace, *, title: str, kind: str, start_date: date, end_date: date | None = None,
                      summary: str = "") -> str:
    _county_only(ws, "督查")
    findings = []
    if not (title or "").strip():
        findings.append(Finding.error("督查名称", "请填写督查名称", sv.RULE_INSPECTION))
    if kind not in sv.INSPECTION_KINDS:
        findings.append(Finding.error("督查类别", f"应为{'或'.join(sv.INSPECTION_KINDS)}", sv.RULE_INSPECTION))
    if start_date is None:
        findings.append(Finding.error("督查日期", "请填写开始日期", sv.RULE_INSPECTION))
    elif end_date is not None and end_date < start_date:
        findings.append(Finding.error("督查日期", "结束日期不能早于开始日期", sv.RULE_INSPECTION))
    if findings:
        raise ValidationFailed(findings, "督查未保存：")
    with ws.transaction("新增督查") as s:
        row = Inspection(title=title.strip(), kind=kind, start_date=start_date, end_date=end_date,
                         summary=summary.strip() or None)
        s.add(row)
        s.flush()
        return row.uuid


def add_finding(ws: Workspace, inspection_uuid: str, *, township_uuid: str | None, description: str,
                ledger: LedgerInput | None = None, ledger_uuid: str | None = None) -> str:
    """A problem found by the inspection; with ``ledger`` a new ledger row is created for it, with
    ``ledger_uuid`` it is linked to an existing one — in the same transaction."""
    _county_only(ws, "督查")
    if not (description or "").strip():
        raise ValidationFailed([Finding.error("发现问题", "请写明督查发现的问题", sv.RULE_INSPECTION)])
    with ws.transaction("登记督查发现问题") as s:
        inspection = _inspection(s, inspection_uuid)
        if township_uuid:
            require_township(s, township_uuid)
        if ledger is not None:
            if not ledger.source.strip():
                ledger.source = f"督查：{inspection.title}"
            ledger.township_uuid = ledger.township_uuid or township_uuid
            ledger_uuid = stage_ledger_row(ws, s, ledger).uuid
        elif ledger_uuid is not None:
            _ledger(s, ledger_uuid)
        row = InspectionFinding(inspection_uuid=inspection_uuid, township_uuid=township_uuid,
                                description=description.strip(), ledger_uuid=ledger_uuid)
        s.add(row)
        s.flush()
        return row.uuid


def link_finding(ws: Workspace, finding_uuid: str, ledger_uuid: str | None) -> None:
    _county_only(ws, "督查")
    with ws.transaction("督查问题关联台账") as s:
        f = s.get(InspectionFinding, finding_uuid)
        if f is None or f.deleted:
            raise NotFound("督查发现的问题不存在或已删除。")
        if ledger_uuid is not None:
            _ledger(s, ledger_uuid)
        f.ledger_uuid = ledger_uuid


def _inspection(s: Session, uuid: str) -> Inspection:
    row = s.get(Inspection, uuid)
    if row is None or row.deleted:
        raise NotFound("督查记录不存在或已删除。")
    return row


def _ledger(s: Session, uuid: str) -> LedgerRow:
    row = s.get(LedgerRow, uuid)
    if row is None or row.deleted:
        raise NotFound("台账记录不存在或已删除。")
    return row


def _finding_views(s: Session, findings: Sequence[InspectionFinding]) -> list[FindingView]:
    tnames = township_names(s)
    titles = {u: t for u, t in s.execute(select(Inspection.uuid, Inspection.title))}
    return [FindingView(f.uuid, f.inspection_uuid, titles.get(f.inspection_uuid, ""), f.township_uuid,
                        tnames.get(f.township_uuid or "", ""), f.description, f.ledger_uuid) for f in findings]


def list_inspections(ws: Workspace) -> list[InspectionView]:
    """Inspections, newest first, with their findings (a township user: the findings about its township)."""
    with ws.read() as s:
        out = []
        for i in s.scalars(select(Inspection).where(Inspection.deleted.is_(False))
                           .order_by(Inspection.start_date.desc())):
            q = select(InspectionFinding).where(InspectionFinding.inspection_uuid == i.uuid,
                                                InspectionFinding.deleted.is_(False))
            if not ws.actor.is_county:
                q = q.where(InspectionFinding.township_uuid == ws.actor.township_uuid)
            findings = _finding_views(s, list(s.scalars(q.order_by(InspectionFinding.updated_at))))
            out.append(InspectionView(i.uuid, i.title, i.kind, i.start_date, i.end_date, i.summary or "",
                                      tuple(findings)))
        return out


# ------------------------------------------------------------------------------------------------ circulars


def _issuer(s: Session) -> str:
    return f"中共{county_name(s)}委组织部"


def draft_circular(ws: Workspace, finding_uuids: Sequence[str], *, issued_on: date | None = None
                   ) -> CircularView:
    """A circular drafted from the chosen findings, not saved: the title ``关于……情况的通报``, the usual
    parts (why, what was found township by township, what is required) for the user to edit."""
    _county_only(ws, "通报")
    if not finding_uuids:
        raise ValidationFailed([Finding.error("通报内容", "请至少选择一条督查发现的问题", sv.RULE_INSPECTION)])
    issued_on = issued_on or date.today()
    with ws.read() as s:
        rows = [s.get(InspectionFinding, u) for u in finding_uuids]
        if any(r is None or r.deleted for r in rows):
            raise NotFound("所选的督查问题有的不存在或已删除。")
        findings = _finding_views(s, rows)
        inspections = {f.inspection_uuid: _inspection(s, f.inspection_uuid) for f in findings}
        issuer = _issuer(s)
        county = county_name(s)
    subject = "、".join(i.title for i in inspections.values())
    title = f"关于{subject}发现问题情况的通报" if len(inspections) == 1 else "关于驻村干部督查发现问题情况的通报"
    first = min(i.start_date for i in inspections.values())
    by_township: dict[str, list[FindingView]] = {}
    for f in findings:
        by_township.setdefault(f.township_name or "其他", []).append(f)
    lines = [
        "各乡镇党委，县直各派出单位：",
        (f"为进一步规范和加强驻村第一书记和工作队管理，{first.year}年{first.month}月{first.day}日起，"
        f"县委组织部会同有关部门开展了{subject}，通过随机抽查、实地调研、走访群众、查阅资料、电话询问等方式，"
        f"对驻村干部在岗在村、履职尽责等情况进行了督导检查。现将发现的问题通报如下："),
        "一、发现的主要问题",
    ]
    n = 0
    for township, items in sorted(by_township.items()):
        for f in items:
            n += 1
            lines.append(f"（{_cn(n)}）{township}：{f.description.rstrip('。')}。")
    lines += [
        "二、有关要求",
        ("（一）各乡镇党委要对照通报问题，逐条建立负面清单及整改台账，明确整改措施、整改时限和责任人，"
        "整改情况及时、如实报县委组织部核查。"),
        ("（二）各派出单位要落实跟踪管理责任，督促本单位驻村干部严格遵守考勤和请假销假制度，"
        "坚决杜绝“挂名式”帮扶和“走读式”驻村。"),
        "（三）县委组织部将适时开展“回头看”，对整改不力、问题反复出现的，按有关规定严肃处理。",
        "特此通报。",
    ]
    return CircularView("", title, f"{county[:1] or 'X'}组通〔{issued_on.year}〕　号", "\n".join(lines),
                        issued_on, tuple(finding_uuids), issuer)


_CN_DIGITS = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (numbering of the circular's items)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return (_CN_DIGITS[tens] if tens > 1 else "") + "十" + (_CN_DIGITS[ones] if ones else "")


def save_circular(ws: Workspace, *, title: str, doc_number: str, body: str, issued_on: date,
                  finding_uuids: Sequence[str], uuid: str | None = None) -> str:
    """Save (or correct) a circular. Its findings' ledger rows count as 通报 (是否通报) from now on."""
    _county_only(ws, "通报")
    problems = []
    if not (title or "").strip():
        problems.append(Finding.error("标题", "请填写通报标题", sv.RULE_INSPECTION))
    if not (body or "").strip():
        problems.append(Finding.error("正文", "通报正文不能为空", sv.RULE_INSPECTION))
    if issued_on is None:
        problems.append(Finding.error("成文日期", "请填写成文日期", sv.RULE_INSPECTION))
    if problems:
        raise ValidationFailed(problems, "通报未保存：")
    with ws.transaction("保存通报") as s:
        for f in finding_uuids:
            row = s.get(InspectionFinding, f)
            if row is None or row.deleted:
                raise NotFound("所选的督查问题有的不存在或已删除。")
        row = s.get(Circular, uuid) if uuid else Circular()
        if row is None or row.deleted:
            raise NotFound("通报不存在或已删除。")
        row.title, row.doc_number = title.strip(), (doc_number or "").strip() or None
        row.body, row.issued_on, row.finding_uuids = body.strip(), issued_on, list(dict.fromkeys(finding_uuids))
        if not uuid:
            s.add(row)
        s.flush()
        return row.uuid


def list_circulars(ws: Workspace) -> list[CircularView]:
    with ws.read() as s:
        issuer = _issuer(s)
        return [CircularView(c.uuid, c.title, c.doc_number or "", c.body, c.issued_on, tuple(c.finding_uuids or ()),
                             issuer)
                for c in s.scalars(select(Circular).where(Circular.deleted.is_(False))
                                   .order_by(Circular.issued_on.desc()))]


def circular(ws: Workspace, uuid: str) -> CircularView:
    found = next((c for c in list_circulars(ws) if c.uuid == uuid), None)
    if found is None:
        raise NotFound("通报不存在或已删除。")
    return found


def export_circular_pdf(ws: Workspace, uuid: str, path: str | Path) -> Path:
    """Print the saved circular (A4, the usual layout of an official document)."""
    from ..reports.circular_pdf import CircularPrint, render_circular_pdf

    c = circular(ws, uuid)
    target = Path(path)
    render_circular_pdf(CircularPrint(title=c.title, doc_number=c.doc_number, body=c.body, issuer=c.issuer,
                                      issued_on=c.issued_on, printed_at=datetime.now()), target)
    if not target.is_file():
        raise ServiceError(f"通报PDF未能生成：{target}")
    return target
