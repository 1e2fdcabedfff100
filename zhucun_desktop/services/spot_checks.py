"""抽查 (§7): the county org dept with the rural revitalisation bureau checks monthly whether cadres are in the
village, by 实地检查, 手机定位, 电话询问 or 微信视频. Each result is cross-checked with that day's attendance (§7)
and leave (§8); a contradiction proposes a ledger row (§13), created with one click and linked both ways
(SpotCheckResult.ledger_uuid; the ledger view lists its spot checks).

Leave is read from the LeaveRequest table directly: a request in one of
``domain.supervision.LEAVE_STATES_APPROVED`` whose dates cover the day excuses the absence, unless a return
(销假) was registered on or before that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import supervision as sv
from ..domain.attendance_rules import IN_POST
from ..domain.errors import Finding
from ..storage.models import AttendanceDay, LeaveRequest, LeaveReturn, Person, SpotCheck, SpotCheckResult
from .attendance import code_defs
from .errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from .ledger import LedgerInput, stage_ledger_row
from .supervision_common import posting_on, require_in_post, require_township, township_names
from .workspace import Workspace

DEFAULT_DEADLINE_DAYS = 15
DEFAULT_MEASURES = ("本人向乡镇党委作出书面说明；属不假外出的按旷工处理（§8），据实更正考勤登记（§7），"
                    "乡镇党委约谈提醒。")


@dataclass(frozen=True)
class CheckedCadre:
    """One cadre checked and what was found."""

    person_uuid: str
    result: str  # 在岗 / 不在岗 / 联系不上
    note: str = ""


@dataclass(frozen=True)
class SpotResultView:
    uuid: str
    person_uuid: str
    person_name: str
    township_uuid: str | None
    township_name: str
    result: str
    note: str
    ledger_uuid: str | None


@dataclass(frozen=True)
class SpotCheckView:
    uuid: str
    checked_at: datetime
    method: str
    checkers: str
    township_uuid: str | None
    township_name: str
    note: str
    results: tuple[SpotResultView, ...]

    @property
    def absent_count(self) -> int:
        return sum(r.result != sv.RESULT_PRESENT for r in self.results)


@dataclass(frozen=True)
class Proposal:
    """A result that contradicts attendance or leave: the ledger row it proposes (``draft``), or the row it
    already led to (``ledger_uuid``)."""

    spot_check_uuid: str
    result_uuid: str
    person_uuid: str
    person_name: str
    township_uuid: str | None
    day: date
    result: str
    reasons: tuple[str, ...]
    attendance_code: str | None
    ledger_uuid: str | None
    draft: LedgerInput

    @property
    def why(self) -> str:
        return "；".join(self.reasons)


def record_spot_check(ws: Workspace, *, checked_at: datetime, method: str, checkers: str,
                      results: Sequence[CheckedCadre], township_uuid: str | None = None, note: str = "") -> str:
    """Record a spot check with one result per cadre checked; each cadre must be in post that day."""
    if not ws.actor.is_county:
        raise PermissionDenied("抽查由县委组织部会同县乡村振兴局开展（§7），乡镇账号不能登记抽查。")
    findings: list[Finding] = []
    if method not in sv.METHODS:
        findings.append(Finding.error("抽查方式", f"应为{'、'.join(sv.METHODS)}之一", sv.RULE_SPOT_CHECK))
    if not (checkers or "").strip():
        findings.append(Finding.error("检查人员", "请填写参加抽查的人员", sv.RULE_SPOT_CHECK))
    if not results:
        findings.append(Finding.error("抽查对象", "至少要有一名被抽查的驻村干部", sv.RULE_SPOT_CHECK))
    seen: set[str] = set()
    for i, r in enumerate(results, start=1):
        if r.result not in sv.CHECK_RESULTS:
            findings.append(Finding.error(f"第{i}名抽查结果", f"应为{'、'.join(sv.CHECK_RESULTS)}之一",
                                          sv.RULE_SPOT_CHECK))
        if r.person_uuid in seen:
            findings.append(Finding.error(f"第{i}名抽查对象", "同一人在一次抽查中出现了两次", sv.RULE_SPOT_CHECK))
        seen.add(r.person_uuid)
    if findings:
        raise ValidationFailed(findings, "抽查记录未保存：")
    day = checked_at.date()
    with ws.transaction("登记抽查") as s:
        if township_uuid:
            require_township(s, township_uuid)
        check = SpotCheck(checked_at=checked_at, method=method, checkers=checkers.strip(),
                          township_uuid=township_uuid, note=note.strip() or None)
        s.add(check)
        s.flush()
        for i, r in enumerate(results, start=1):
            require_in_post(s, r.person_uuid, day, field=f"第{i}名抽查对象", township_uuid=township_uuid)
            s.add(SpotCheckResult(spot_check_uuid=check.uuid, person_uuid=r.person_uuid, result=r.result,
                                  note=r.note.strip() or None))
        return check.uuid


def _views(s: Session, checks: list[SpotCheck]) -> list[SpotCheckView]:
    tnames = township_names(s)
    ids = [c.uuid for c in checks]
    by_check: dict[str, list[SpotCheckResult]] = {}
    for r in s.scalars(select(SpotCheckResult).where(SpotCheckResult.spot_check_uuid.in_(ids),
                                                     SpotCheckResult.deleted.is_(False))):
        by_check.setdefault(r.spot_check_uuid, []).append(r)
    names = {u: n for u, n in s.execute(select(Person.uuid, Person.name))}
    out = []
    for c in checks:
        results = []
        for r in sorted(by_check.get(c.uuid, []), key=lambda r: names.get(r.person_uuid, "")):
            post = posting_on(s, r.person_uuid, c.checked_at.date())
            t = post.township_uuid if post else None
            results.append(SpotResultView(r.uuid, r.person_uuid, names.get(r.person_uuid, ""), t,
                                          tnames.get(t or "", ""), r.result, r.note or "", r.ledger_uuid))
        out.append(SpotCheckView(c.uuid, c.checked_at, c.method, c.checkers, c.township_uuid,
                                 tnames.get(c.township_uuid or "", "多个乡镇" if not c.township_uuid else ""),
                                 c.note or "", tuple(results)))
    return out


def list_spot_checks(ws: Workspace, *, since: date | None = None) -> list[SpotCheckView]:
    """Spot checks, newest first; a township user sees those that checked its cadres (results of its own)."""
    with ws.read() as s:
        q = select(SpotCheck).where(SpotCheck.deleted.is_(False)).order_by(SpotCheck.checked_at.desc())
        if since is not None:
            q = q.where(SpotCheck.checked_at >= datetime.combine(since, datetime.min.time()))
        views = _views(s, list(s.scalars(q)))
    if ws.actor.is_county:
        return views
    mine = ws.actor.township_uuid
    out = []
    for v in views:
        results = tuple(r for r in v.results if r.township_uuid == mine)
        if results:
            out.append(SpotCheckView(v.uuid, v.checked_at, v.method, v.checkers, v.township_uuid, v.township_name,
                                     v.note, results))
    return out


def spot_check(ws: Workspace, uuid: str) -> SpotCheckView:
    view = next((v for v in list_spot_checks(ws) if v.uuid == uuid), None)
    if view is None:
        raise NotFound("抽查记录不存在或已删除。")
    return view


def _has_leave(s: Session, person_uuid: str, day: date) -> bool:
    q = select(LeaveRequest).where(LeaveRequest.person_uuid == person_uuid, LeaveRequest.deleted.is_(False),
                                   LeaveRequest.state.in_(sv.LEAVE_STATES_APPROVED),
                                   LeaveRequest.start_date <= day, LeaveRequest.end_date >= day)
    for req in s.scalars(q):
        back = s.scalars(select(LeaveReturn.returned_on).where(LeaveReturn.request_uuid == req.uuid,
                                                               LeaveReturn.deleted.is_(False))).first()
        if back is None or back > day:
            return True
    return False


def _draft(check: SpotCheck, name: str, township: str | None, person_uuid: str, result: str,
           reasons: Sequence[str], note: str) -> LedgerInput:
    when = f"{check.checked_at.year}年{check.checked_at.month}月{check.checked_at.day}日{check.checked_at:%H:%M}"
    text = f"{when}县委组织部{check.method}抽查，{name}{result}；经核对：{'；'.join(reasons)}。"
    if note:
        text += f"抽查记录：{note}"
    found = check.checked_at.date()
    return LedgerInput(source=f"县委组织部抽查（{check.method}）", found_on=found,
                       subject_kind=sv.SUBJECT_CADRE, subject_uuid=person_uuid, description=text,
                       deadline=found + timedelta(days=DEFAULT_DEADLINE_DAYS), responsible=name,
                       measures=DEFAULT_MEASURES, township_uuid=township)


def _proposals(s: Session, check: SpotCheck) -> list[Proposal]:
    day = check.checked_at.date()
    legend = {c.code: c for c in code_defs(s)}
    out = []
    results = s.scalars(select(SpotCheckResult).where(SpotCheckResult.spot_check_uuid == check.uuid,
                                                      SpotCheckResult.deleted.is_(False)))
    for r in results:
        code = s.scalars(select(AttendanceDay.code).where(AttendanceDay.person_uuid == r.person_uuid,
                                                          AttendanceDay.day == day,
                                                          AttendanceDay.deleted.is_(False))).first()
        in_village = bool(code and code in legend and legend[code].category == IN_POST)
        reasons = sv.cross_check_reasons(r.result, has_leave=_has_leave(s, r.person_uuid, day),
                                         attendance_code=code, attendance_in_village=in_village)
        if not reasons:
            continue
        person = s.get(Person, r.person_uuid)
        name = person.name if person else ""
        post = posting_on(s, r.person_uuid, day)
        township = post.township_uuid if post else check.township_uuid
        out.append(Proposal(check.uuid, r.uuid, r.person_uuid, name, township, day, r.result, tuple(reasons),
                            code, r.ledger_uuid, _draft(check, name, township, r.person_uuid, r.result, reasons,
                                                        r.note or "")))
    out.sort(key=lambda p: p.person_name)
    return out


def cross_check(ws: Workspace, spot_check_uuid: str) -> list[Proposal]:
    """Every result of the check that contradicts that day's attendance or leave (§7, §8), with the drafted
    ledger row; results already turned into a row carry its uuid."""
    with ws.read() as s:
        check = s.get(SpotCheck, spot_check_uuid)
        if check is None or check.deleted:
            raise NotFound("抽查记录不存在或已删除。")
        proposals = _proposals(s, check)
    if not ws.actor.is_county:
        proposals = [p for p in proposals if p.township_uuid == ws.actor.township_uuid]
    return proposals


def create_ledger_from_proposal(ws: Workspace, spot_check_uuid: str, person_uuid: str, *,
                                values: LedgerInput | None = None) -> str:
    """One click: the proposed ledger row (or the user's edited ``values``) is created and the spot-check
    result points to it, in one transaction. Refused when that result already has its row."""
    with ws.transaction("抽查问题列入台账") as s:
        check = s.get(SpotCheck, spot_check_uuid)
        if check is None or check.deleted:
            raise NotFound("抽查记录不存在或已删除。")
        proposal = next((p for p in _proposals(s, check) if p.person_uuid == person_uuid), None)
        if proposal is None:
            raise ServiceError("这名驻村干部的抽查结果与考勤、请假记录一致，不需要列入台账。")
        if proposal.ledger_uuid:
            raise ServiceError(f"{proposal.person_name}的这次抽查问题已经列入台账，不能重复登记。")
        row = stage_ledger_row(ws, s, values or proposal.draft)
        result = s.get(SpotCheckResult, proposal.result_uuid)
        result.ledger_uuid = row.uuid
        return row.uuid
