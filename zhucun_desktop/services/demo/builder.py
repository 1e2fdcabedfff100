"""Building the demo county part by part, and ``build_demo``, the one function the CLI and the GUI call."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

from ...storage.database import Database, open_database
from ..accounts import setup_county_site, site_is_set_up
from ..errors import ServiceError
from ..workspace import Workspace
from .attendance import AttendanceParts
from .common import ADMIN_PASSWORD, ADMIN_USERNAME, COUNTY, DEFAULT_SEED, DemoSummary, demo_accounts
from .roster import RosterParts, _Post, _Village

# The leave part is written in its own module (``services/demo_leave.py``); the demo runs with or without it.


class DemoBuilder(RosterParts, AttendanceParts):
    """Builds the demo county part by part on an open, empty database, always through the services.

    Each part is one method ``_build_<part>`` with its own random stream; later parts (ledger, …) are appended
    to ``PARTS`` and may read what earlier parts left in ``villages``, ``units`` and ``posts``.
    """

    PARTS: tuple[str, ...] = ("site", "organisation", "units", "roster", "accounts", "leave", "attendance",
                             "supervision")

    def __init__(self, db: Database, *, seed: int = DEFAULT_SEED, today: date | None = None) -> None:
        self.db = db
        self.seed = seed
        self.today = today or date.today()
        self.ws: Workspace | None = None
        self.township_uuids: dict[str, str] = {}
        self.township_people: dict[str, tuple[str, str]] = {}  # name -> (党委书记, 组织委员)
        self.villages: list[_Village] = []
        self.units: list[tuple[str, str, str]] = []  # (uuid, name, profile)
        self.posts: list[_Post] = []
        self.attendance_months: tuple[str, ...] = ()
        self._names: set[str] = set()
        self._ids: set[str] = set()
        self._phones: set[str] = set()
        self.transition_days = _transition_days()

    def rng(self, part: str) -> random.Random:
        """The part's own stream: the same seed gives the same part whatever the other parts draw."""
        return random.Random(f"zhucun-demo/{self.seed}/{part}")

    def run(self) -> None:
        for part in self.PARTS:
            getattr(self, f"_build_{part}")(self.rng(part))

    @property
    def workspace(self) -> Workspace:
        if self.ws is None:
            raise RuntimeError("the site part must run first")
        return self.ws

    def _build_site(self, rng: random.Random) -> None:
        actor = setup_county_site(self.db, county_name=COUNTY, admin_username=ADMIN_USERNAME,
                                  admin_password=ADMIN_PASSWORD, admin_display_name="县委组织部管理员")
        self.ws = Workspace(self.db, actor)

    def _build_leave(self, rng: random.Random) -> None:
        """The leave part (请假, 销假, §8): ``add_demo_leave(ws, today, seed)`` of ``services/demo_leave.py``.
        It runs before the attendance part: approved leave puts its codes on the grid
        (公/事/病/年, and 旷 after an overdue return) while no month is sealed yet, then the attendance part
        registers the remaining days and seals, so the signed tables agree with the leave book."""
        from ..demo_leave import add_demo_leave

        add_demo_leave(self.workspace, self.today, self.seed)

    def _build_supervision(self, rng: random.Random) -> None:
        """督查与台账 (§7, §13, §14 and the recurring duties): ledger rows in every state, spot checks, an
        inspection with its circular, an incident and the registered activities the duty tracker counts."""
        from ..demo_supervision import add_demo_supervision

        add_demo_supervision(self.workspace, self.today, seed=self.seed)


def _transition_days() -> int:
    """§6's half-month transition, read from the default rule set (one source of truth)."""
    from ..defaults import load_rule_file

    return int(load_rule_file("default.json").get("transition_days", 15))


def in_post_counts(ws: Workspace, on: date) -> dict[str, int]:
    from ..roster import RosterFilter, list_roster

    counts: dict[str, int] = {}
    for entry in list_roster(ws, RosterFilter(on_date=on)):
        if entry.role:
            counts[entry.role] = counts.get(entry.role, 0) + 1
    return counts


def build_demo(db_path: str | Path, *, seed: int = DEFAULT_SEED, today: date | None = None,
               supervision: bool = True) -> DemoSummary:
    """Create the demo county in a new database file (or one that was never set up); refuse a file with data.

    The roster's dates are fixed calendar dates (2021, 2023, 2025), so a seed gives the same roster whenever it
    is built; ``today`` (default: the real date) is the day the summary counts cadres in post, and the anchor for
    the parts that describe the recent past (the months of attendance, leave). A demo that fails half-way in a
    file it created is removed again, so that running it once more just works. ``supervision=False`` leaves out
    the 督查与台账 part (tests that register duties themselves start from a county with none registered).
    """
    from ..maintenance import check_database, remove_database_files

    started = time.perf_counter()
    path = Path(db_path)
    db = open_database(path)
    created = db.created
    done = False
    try:
        if site_is_set_up(db):
            raise ServiceError(f"数据库“{path.name}”里已经有数据，演示数据只能建在新文件里：请换一个文件名。")
        builder = DemoBuilder(db, seed=seed, today=today)
        if not supervision:
            builder.PARTS = tuple(p for p in builder.PARTS if p != "supervision")
        builder.run()
        counts = check_database(db).counts
        in_post = in_post_counts(builder.workspace, builder.today)
        done = True
    finally:
        db.close()
        if created and not done:
            remove_database_files(path)
    return DemoSummary(path=db.path or path, county=COUNTY, seed=seed, counts=counts, in_post=in_post,
                       accounts=demo_accounts(), seconds=time.perf_counter() - started,
                       attendance_months=builder.attendance_months)


__all__ = ["DemoBuilder", "build_demo", "in_post_counts"]
