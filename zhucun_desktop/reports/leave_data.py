"""Plain data handed to the leave writers: the two-copy 请假审批表 and the monthly 请销假登记簿.

The reports layer never touches the database: the leave service builds a ``LeaveForm`` or a ``LeaveBook`` and
passes it down (as ``AttendanceSheet`` is for the attendance table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# The two copies of the printed form (各执一联, §8).
COPY_TOWNSHIP = "乡镇存根"
COPY_COUNTY = "县委组织部备案联"
COPIES = (COPY_TOWNSHIP, COPY_COUNTY)


@dataclass
class LeaveFormStep:
    """One signature box: the body in chain order, and what was recorded (empty when not yet decided)."""

    step_no: int  # 1-based, in chain order
    body: str  # 驻村第一书记 / 村党支部 / 乡镇党委 / 县乡村振兴局 / 县委组织部 / 县委分管副书记
    decision: str | None = None  # 同意 / 不同意
    signer: str | None = None
    decided_on: date | None = None
    remark: str | None = None


@dataclass
class LeaveForm:
    """请假审批表 of one request."""

    county: str
    township: str
    village: str
    name: str
    role: str  # 驻村第一书记 / 工作队员
    unit: str  # 派出单位
    phone: str
    kind: str  # 出差出访 / 学习考察 / 参会培训 / 事假 / 病假 / 年休假
    start: date
    end: date
    days: int  # counted as the rule set counts
    destination: str
    reason: str
    contact: str  # contact while away
    handover_name: str | None  # 工作交接人 (first secretary's requests)
    steps: list[LeaveFormStep]  # the whole chain, decided or not; a team member's first step is 驻村第一书记
    state: str  # 草稿 / 审批中（第N步） / 已批准 / 未批准 / 已撤回 / 请假中 / 已销假 / 逾期未销假
    file_with: str | None = None  # 备案单位 of the band, e.g. 县委组织部 for ≤3 days
    rule_set: str = ""  # "name（第N版）" the request was decided under
    return_due: date | None = None  # 销假期限
    returned_on: date | None = None  # 销假日期
    return_registered_on: date | None = None
    return_note: str | None = None
    request_no: str = ""  # a short printable reference (e.g. the first 8 characters of the uuid)
    filed_on: date | None = None  # 申请日期
    printed_at: datetime | None = None
    withdrawn_on: date | None = None  # 撤回日期, when 已撤回
    withdraw_reason: str | None = None  # 撤回原因


@dataclass
class LeaveBookRow:
    """One line of the monthly 请销假登记簿."""

    name: str
    village: str
    role: str
    kind: str
    start: date
    end: date
    days: int
    destination: str
    approvals: str  # e.g. "村党支部 同意 11-02；乡镇党委 同意 11-03"
    state: str
    return_due: date | None
    returned_on: date | None
    handover_name: str | None = None
    overdue_days: int = 0  # days marked 旷 after the leave


@dataclass
class LeaveBook:
    county: str
    township: str  # "" for the whole county
    year: int
    month: int
    rows: list[LeaveBookRow] = field(default_factory=list)
    printed_at: datetime | None = None

    @property
    def title(self) -> str:
        return f"{self.township}驻村干部请销假登记簿（{self.year}年{self.month}月）"
