"""Supervision rules: the negative list and rectification ledger (负面清单及整改台账, §13), spot checks (抽查,
§7), inspections and circulars (督查、通报, §14) and major incidents (重大情况, §12, §21).

Pure rules: stdlib only, no Qt, no SQL.

The ledger row moves 待整改 → 整改中 → 已整改待核查 → 核查通过; a failed verification (核查未通过) sends it back
to 整改中. Every act on a row is its own record owned by the acting site (DESIGN.md: an act of one site on
another's record is a new record): 整改进展 and 整改完成 by the township or the county, 核查 by the county. The
state a user sees is folded from those records in the order they were recorded (:func:`fold_ledger`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from zhucun_desktop.domain.errors import Finding

RULE_LEDGER = "§13"
RULE_SPOT_CHECK = "§7"
RULE_INSPECTION = "§14"
RULE_INCIDENT = "§12"

# ---- ledger (§13) ----
STATE_OPEN = "待整改"
STATE_IN_PROGRESS = "整改中"
STATE_AWAITING = "已整改待核查"
STATE_CLOSED = "核查通过"
LEDGER_STATES = (STATE_OPEN, STATE_IN_PROGRESS, STATE_AWAITING, STATE_CLOSED)

RESULT_PASSED = "核查通过"
RESULT_FAILED = "核查未通过"
VERIFICATION_RESULTS = (RESULT_PASSED, RESULT_FAILED)

SUBJECT_UNIT = "派出单位"
SUBJECT_CADRE = "驻村干部"
SUBJECT_KINDS = (SUBJECT_UNIT, SUBJECT_CADRE)

# Where problems come from (问题来源): the usual entries; free text is allowed too.
SOURCES = ("乡镇日常管理", "县委组织部抽查", "督查", "群众反映", "考勤核对", "其他")

# The printed columns of the ledger, in the paper form's order (one source for the PDF, the XLSX and the GUI).
LEDGER_COLUMNS = ("序号", "问题来源", "发现时间", "责任主体", "问题描述", "整改措施", "整改时限", "责任人",
                  "整改进展", "完成时间", "核查结果", "是否通报")

FIELD_SOURCE = "问题来源"
FIELD_FOUND = "发现时间"
FIELD_SUBJECT = "责任主体"
FIELD_DESCRIPTION = "问题描述"
FIELD_DEADLINE = "整改时限"
FIELD_RESPONSIBLE = "责任人"
FIELD_COMPLETED = "完成时间"
FIELD_PROGRESS = "整改进展"
FIELD_VERIFIER = "核查人"
FIELD_RESULT = "核查结果"


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def check_ledger_row(*, source: str | None, found_on: date | None, subject_kind: str | None,
                     subject_uuid: str | None, description: str | None, deadline: date | None,
                     responsible: str | None, completed_on: date | None = None) -> list[Finding]:
    """The §13 ledger row's required fields and date order, as blocking findings naming each field."""
    f: list[Finding] = []
    if _blank(source):
        f.append(Finding.error(FIELD_SOURCE, "请写明问题来源（如“县委组织部抽查”“督查”）", RULE_LEDGER))
    if found_on is None:
        f.append(Finding.error(FIELD_FOUND, "请填写发现问题的日期", RULE_LEDGER))
    if subject_kind not in SUBJECT_KINDS or not subject_uuid:
        f.append(Finding.error(FIELD_SUBJECT, "请选择责任主体：一个派出单位或一名驻村干部", RULE_LEDGER))
    if _blank(description):
        f.append(Finding.error(FIELD_DESCRIPTION, "请写明存在的问题", RULE_LEDGER))
    if deadline is None:
        f.append(Finding.error(FIELD_DEADLINE, "请填写整改时限（整改须在何日前完成）", RULE_LEDGER))
    elif found_on is not None and deadline < found_on:
        f.append(Finding.error(FIELD_DEADLINE, f"整改时限（{deadline:%Y-%m-%d}）不能早于发现时间"
                                               f"（{found_on:%Y-%m-%d}）", RULE_LEDGER))
    if _blank(responsible):
        f.append(Finding.error(FIELD_RESPONSIBLE, "请填写负责整改的责任人", RULE_LEDGER))
    if completed_on is not None and found_on is not None and completed_on < found_on:
        f.append(Finding.error(FIELD_COMPLETED, f"完成时间（{completed_on:%Y-%m-%d}）不能早于发现时间"
                                                f"（{found_on:%Y-%m-%d}）", RULE_LEDGER))
    return f


PROGRESS_KIND = "进展"
DONE_KIND = "整改完成"
PROGRESS_KINDS = (PROGRESS_KIND, DONE_KIND)


@dataclass(frozen=True)
class LedgerEvent:
    """One record about a ledger row, as :func:`fold_ledger` needs it.

    ``kind`` is 进展 / 整改完成 (a progress record) or 核查通过 / 核查未通过 (a verification); ``recorded_at`` is
    when the acting site recorded it (its ``updated_at``: these records are append-only); ``on`` is the entry's
    own date (进展 date, 核查日期); ``completed_on`` the 完成时间 of a 整改完成.
    """

    kind: str
    recorded_at: datetime
    on: date
    completed_on: date | None = None

    @property
    def is_verification(self) -> bool:
        return self.kind in VERIFICATION_RESULTS


@dataclass(frozen=True)
class LedgerStatus:
    """What the user sees of a row: its state and the 完成时间 of the submission that stands (None while the
    row is not, or no longer, reported complete)."""

    state: str
    completed_on: date | None


def event_order(e: LedgerEvent) -> tuple[datetime, int]:
    """Time order; at the same instant a progress record comes before the verification of it."""
    return (e.recorded_at, 1 if e.is_verification else 0)


def fold_ledger(events: Iterable[LedgerEvent]) -> LedgerStatus:
    """The state of a row from its records in time order (§13).

    * 进展 makes a 待整改 row 整改中, also after a failed verification; a note does not undo a submission
      waiting for verification nor a closed row (it only adds to the history);
    * 整改完成 reports the row complete (已整改待核查) with its 完成时间, unless the row is closed already;
    * a verification counts for the submission it follows: only while the row is 已整改待核查 and when not dated
      before that submission's 完成时间; 核查通过 closes the row, 核查未通过 sends it back to 整改中 (and the
      完成时间 no longer stands). A verification of nothing pending changes nothing.
    """
    state, completed = STATE_OPEN, None
    for e in sorted(events, key=event_order):
        if e.kind == PROGRESS_KIND:
            if state == STATE_OPEN:
                state = STATE_IN_PROGRESS
        elif e.kind == DONE_KIND:
            if state != STATE_CLOSED:
                state, completed = STATE_AWAITING, e.completed_on or e.on
        elif e.is_verification and state == STATE_AWAITING and (completed is None or e.on >= completed):
            if e.kind == RESULT_PASSED:
                state = STATE_CLOSED
            else:
                state, completed = STATE_IN_PROGRESS, None
    return LedgerStatus(state, completed)


def is_overdue(state: str, deadline: date, today: date) -> bool:
    """A row not yet rectified (待整改 or 整改中) after its 整改时限 (highlighted on screen and on paper)."""
    return state in (STATE_OPEN, STATE_IN_PROGRESS) and today > deadline


def can_edit(state: str) -> bool:
    """A closed row (核查通过) and one waiting for the county's verification are not changed any more."""
    return state in (STATE_OPEN, STATE_IN_PROGRESS)


# ---- spot checks (§7) ----
METHODS = ("实地检查", "手机定位", "电话询问", "微信视频")
RESULT_PRESENT = "在岗"
RESULT_ABSENT = "不在岗"
RESULT_UNREACHABLE = "联系不上"
CHECK_RESULTS = (RESULT_PRESENT, RESULT_ABSENT, RESULT_UNREACHABLE)

REASON_NO_LEAVE = "不在岗且无已批准的请假"
REASON_UNREACHABLE_NO_LEAVE = "联系不上且无已批准的请假"

# Leave request states whose dates count as approved leave (§8); a draft, pending, refused or withdrawn
# request does not excuse an absence.
LEAVE_STATES_APPROVED = ("已批准", "请假中", "已销假", "逾期未销假")


def attendance_reason(code: str) -> str:
    """§7: the table records truthfully; an in-post code on a day the cadre was found absent contradicts it."""
    return f"考勤登记为{code}但抽查不在岗"


def cross_check_reasons(result: str, *, has_leave: bool, attendance_code: str | None,
                        attendance_in_village: bool) -> list[str]:
    """Why a spot-check result needs a ledger row (§7 with §8), empty when it does not.

    * 不在岗 without approved leave covering the day: absence without leave (不假外出, §8 按旷工处理);
    * 联系不上 without approved leave: the same question, asked in the ledger rather than dropped;
    * 不在岗 or 联系不上 while the day's attendance says the cadre was in the village (category 在岗, "√"):
      the attendance table, the basis of the allowance (§19), contradicts the check.
    """
    reasons: list[str] = []
    if result == RESULT_PRESENT:
        return reasons
    if not has_leave:
        reasons.append(REASON_NO_LEAVE if result == RESULT_ABSENT else REASON_UNREACHABLE_NO_LEAVE)
    if attendance_code and attendance_in_village:
        reasons.append(attendance_reason(attendance_code))
    return reasons


# ---- inspections and circulars (§14) ----
INSPECTION_KINDS = ("定期", "不定期")

# ---- incidents (§12, §21) ----
INCIDENT_KINDS = ("负伤", "去世", "负面舆情", "违纪违法", "其他重大情况")


def check_incident(*, kind: str | None, occurred_at: datetime | None, reported_at: datetime | None,
                   reporter: str | None, description: str | None, now: datetime) -> list[Finding]:
    f: list[Finding] = []
    if kind not in INCIDENT_KINDS:
        f.append(Finding.error("事项类别", f"应为{'、'.join(INCIDENT_KINDS)}之一", RULE_INCIDENT))
    if occurred_at is None:
        f.append(Finding.error("发生时间", "请填写发生时间", RULE_INCIDENT))
    elif occurred_at > now:
        f.append(Finding.error("发生时间", "不能晚于现在", RULE_INCIDENT))
    if reported_at is not None and occurred_at is not None and reported_at < occurred_at:
        f.append(Finding.error("报告时间", "不能早于发生时间", RULE_INCIDENT))
    if _blank(reporter):
        f.append(Finding.error("报告人", "请填写报告人", RULE_INCIDENT))
    if _blank(description):
        f.append(Finding.error("情况描述", "请写明发生了什么", RULE_INCIDENT))
    return f
