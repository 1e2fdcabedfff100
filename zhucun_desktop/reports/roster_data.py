"""Plain data handed to the roster writers (花名册 XLSX and PDF).

The reports layer never touches the database (DESIGN.md, Layers): a service turns postings into
``RosterRow``s and passes them down.  One attribute per ``ROSTER_FIELDS`` key, in the same order, so the
writers can walk ``ROSTER_FIELDS`` and ``getattr`` without a second list of column names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["RosterRow"]


@dataclass
class RosterRow:
    """One person on one posting, already cleaned (dates are dates, role and staffing canonical terms).

    Month-precision fields (出生年月, 入党时间, 参加工作时间) hold a ``date``; only its year and month are shown.
    """

    name: str = ""
    sex: str = ""
    ethnicity: str = ""
    birth_month: date | None = None
    id_number: str = ""
    political_status: str = ""
    party_join_date: date | None = None
    work_start_date: date | None = None
    education: str = ""
    unit: str = ""
    position: str = ""
    staffing: str = ""
    role: str = ""
    is_leader: bool = False
    village: str = ""
    township: str = ""
    start_date: date | None = None
    end_date: date | None = None
    batch: str = ""
    phone: str = ""
