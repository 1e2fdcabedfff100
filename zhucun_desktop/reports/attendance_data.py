"""Plain data handed to the monthly attendance table writers (考勤表 PDF and XLSX) and the village placard.

The reports layer never touches the database: the attendance service builds an ``AttendanceSheet`` and passes
it down. Day lists are indexed from day 1 (index 0) to the last day of the month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class AttendanceSheetRow:
    name: str
    id_number: str
    role: str  # 驻村第一书记 / 工作队员
    village: str
    is_leader: bool = False
    codes: list[str | None] = field(default_factory=list)  # one per day of the month
    editable: list[bool] = field(default_factory=list)  # False: the day is outside the posting
    in_post_days: int = 0  # 在岗天数 (codes that count as in post)
    working_days_in_post: int | None = None  # None when the year's calendar is missing
    by_code: dict[str, int] = field(default_factory=dict)
    absent_days: int = 0  # 旷工


@dataclass
class AttendanceSheet:
    county: str
    township: str
    year: int
    month: int
    days: list[date]
    day_kinds: list[str]  # 工作日 / 休息日 / 节假日 / 调休上班, or "" when the year's calendar is missing
    rows: list[AttendanceSheetRow]
    legend: list[tuple[str, str]]  # (code, label) in print order
    state: str = "未完成"  # 未完成 / 待审核 / 已封存 / 已报送
    content_hash: str | None = None
    sealed_at: datetime | None = None
    due: date | None = None  # 次月第5个工作日
    filler: str = ""  # 填表人
    printed_at: datetime | None = None

    @property
    def title(self) -> str:
        return f"{self.township}驻村第一书记和工作队员考勤表（{self.year}年{self.month}月）"


@dataclass
class PlacardEntry:
    """挂牌公示 (§7): name, position, contact and today's whereabouts (去向)."""

    name: str
    role: str
    is_leader: bool
    phone: str
    whereabouts: str  # 在村 / 请假（事假，至11月25日） / 公出 …


@dataclass
class Placard:
    township: str
    village: str
    on: date
    entries: list[PlacardEntry]
