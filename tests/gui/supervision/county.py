"""A small county for the 督查与台账 tests: 东风镇 (大坪村: a first secretary and two team members) and 红旗乡
(红星村: a first secretary and a team member), all posted since January 2026, and helpers that answer the page's
modal forms as a user would. ``TODAY`` is fixed so that deadlines, overdue rows and duty states do not depend on
the day the tests run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tests.gui.conftest import add_cadre
from zhucun_desktop.domain import terms
from zhucun_desktop.gui.supervision.page import SupervisionPage
from zhucun_desktop.services import accounts, org
from zhucun_desktop.services.leave_queries import requestable_people
from zhucun_desktop.services.workspace import Workspace

TODAY = date(2026, 11, 23)
POSTED = date(2026, 1, 5)
FS, TM = terms.ROLE_FIRST_SECRETARY, terms.ROLE_TEAM_MEMBER
PEOPLE = (("王建国", 101, "东风镇", "大坪村", FS), ("李明", 103, "东风镇", "大坪村", TM),
          ("赵丽", 104, "东风镇", "大坪村", TM), ("陈刚", 105, "红旗乡", "红星村", FS),
          ("周梅", 108, "红旗乡", "红星村", TM))
CLERK, CLERK_PASSWORD = "dongfeng_clerk", "dongfeng-1"


@dataclass
class County:
    townships: dict[str, str]
    people: dict[str, str]  # name → person uuid
    unit: str


def build_county(ws: Workspace) -> County:
    townships = {name: org.save_township(ws, name) for name in ("东风镇", "红旗乡")}
    villages = {"大坪村": org.save_village(ws, townships["东风镇"], "大坪村", ["脱贫村"]),
                "红星村": org.save_village(ws, townships["红旗乡"], "红星村", ["乡村振兴重点村"])}
    unit = org.save_unit(ws, "县财政局", kind="县直机关")
    for name, serial, _township, village, role in PEOPLE:
        add_cadre(ws, name, serial, villages[village], role, POSTED, unit)
    people = {name: uuid for uuid, name, _r, _v in requestable_people(ws, None, TODAY)}
    return County(townships, people, unit)


def clerk_workspace(ws: Workspace, county: County) -> Workspace:
    """A 乡镇录入员 of 东风镇 on the same database."""
    accounts.create_user(ws, username=CLERK, display_name="周文", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                         password=CLERK_PASSWORD, township_uuid=county.townships["东风镇"])
    return Workspace(ws.db, accounts.authenticate(ws.db, CLERK, CLERK_PASSWORD))


def open_page(qtbot, ws: Workspace) -> SupervisionPage:
    page = SupervisionPage(ws, today=TODAY)
    qtbot.addWidget(page)
    return page


def answer(monkeypatch, cls, fill: Callable[[object], None]) -> list:
    """Answer the page's modal form ``cls`` as a user would: ``fill(dialog)``, then its OK button. The dialogs
    seen are returned (a refused form stays open: its ``result()`` is then 0)."""
    seen = []

    def fake_exec(dialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen
