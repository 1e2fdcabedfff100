"""A demonstration database: the fictional 云岭县 with townships, villages, units, cadres, accounts and attendance.

Why it exists: a clerk trying the program, a trainer at the county and the GUI's screenshots need a county that
looks like theirs, and the benchmarks need the same one every time. So everything is made through the same
service functions the GUI calls (``setup_county_site``, ``save_township``, ``save_village``, ``save_unit``,
``save_person``, ``add_posting``, ``end_posting``, ``create_user``, ``edit_month``, ``mark_ready``,
``seal_month``, ``mark_submitted``): every rule is checked and every change has its audit row. Nothing is
inserted behind the rules' back.

Deterministic: for one ``seed`` (and one ``today``) the names, ID numbers, phones, dates and attendance codes are
the same on every run and machine (each part draws from its own ``random.Random`` seeded with the seed and the
part's name, so appending a part never changes the parts before it). Only uuids and timestamps differ.

The parts, in order (``DemoBuilder.PARTS``): ``site``, ``organisation``, ``units``, ``roster``, ``accounts``
(``roster.py``), ``attendance`` (``attendance.py``) and ``leave`` (a hook for ``services/demo_leave.py``).
"""

from __future__ import annotations

from .builder import DemoBuilder, build_demo, in_post_counts
from .common import (
    ADMIN_PASSWORD,
    ADMIN_USERNAME,
    BATCH_1,
    BATCH_2,
    BATCH_2_TERM_END,
    BATCH_3,
    COUNTY,
    DEFAULT_SEED,
    DEMO_ACCOUNTS,
    TOWNSHIP_PASSWORD,
    TOWNSHIPS,
    VIEWER_PASSWORD,
    VIEWER_USERNAME,
    DemoAccount,
    DemoSummary,
    demo_accounts,
)

__all__ = [
    "ADMIN_PASSWORD", "ADMIN_USERNAME", "BATCH_1", "BATCH_2", "BATCH_2_TERM_END", "BATCH_3", "COUNTY",
    "DEFAULT_SEED", "DEMO_ACCOUNTS", "TOWNSHIPS", "TOWNSHIP_PASSWORD", "VIEWER_PASSWORD", "VIEWER_USERNAME",
    "DemoAccount", "DemoBuilder", "DemoSummary", "build_demo", "demo_accounts", "in_post_counts",
]
