"""Plain data handed to the ledger writers (负面清单及整改台账, PDF and XLSX): no database access here.

Cells are already the text the paper form shows (dates as ``2026-11-20``, 是否通报 as 是/否); ``overdue``
marks a row to highlight (§13: rows past their 整改时限 and not yet rectified).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from zhucun_desktop.domain.supervision import LEDGER_COLUMNS

__all__ = ["LEDGER_COLUMNS", "LedgerPrint", "LedgerPrintRow", "day_text"]

OVERDUE_MARK = "（逾期）"


def day_text(d: date | None) -> str:
    return f"{d:%Y-%m-%d}" if d else ""


@dataclass(frozen=True)
class LedgerPrintRow:
    source: str
    found_on: date
    subject: str  # 县财政局（派出单位） / 王建国（驻村干部）
    description: str
    measures: str
    deadline: date
    responsible: str
    progress: str
    completed_on: date | None
    verification: str  # 核查结果
    circulated: bool
    state: str
    overdue: bool

    def cells(self, number: int) -> list[str]:
        """The printed cells in ``LEDGER_COLUMNS`` order."""
        deadline = day_text(self.deadline) + (OVERDUE_MARK if self.overdue else "")
        return [str(number), self.source, day_text(self.found_on), self.subject, self.description, self.measures,
                deadline, self.responsible, self.progress, day_text(self.completed_on), self.verification,
                "是" if self.circulated else "否"]


@dataclass(frozen=True)
class LedgerPrint:
    """One printed ledger: ``title`` (``东风镇负面清单及整改台账``), a subtitle line (as of which date, counts),
    the rows, and the printing time (a parameter so that tests are reproducible)."""

    title: str
    subtitle: str
    rows: tuple[LedgerPrintRow, ...]
    printed_at: datetime
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def overdue_count(self) -> int:
        return sum(r.overdue for r in self.rows)
