"""A small county for the leave GUI tests: 东风镇 with a four-person team in 大坪村 and a three-person one in 小河村, all
posted since January 2026, a 乡镇录入员 of 东风镇, and helpers that file and sign requests through the services.

Dates are fixed (``TODAY`` is Monday 2 November 2026) so that the tiers, the return due dates (working days from
the official calendar) and the states do not depend on the day the tests run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tests.gui.conftest import add_cadre
from zhucun_desktop.domain import terms
from zhucun_desktop.domain.leave_rules import DECISION_AGREE
from zhucun_desktop.services import accounts, leave, org
from zhucun_desktop.services.leave_queries import request_detail
from zhucun_desktop.services.workspace import Workspace

TODAY = date(2026, 11, 2)
POSTED = date(2026, 1, 5)
CLERK = "dongfeng_clerk"
CLERK_PASSWORD = "dongfeng-1"
FS, TM = terms.ROLE_FIRST_SECRETARY, terms.ROLE_TEAM_MEMBER
# name, serial of the 身份证号, village, role
PEOPLE = (
    ("王建国", 101, "大坪村", FS),
    ("李明", 103, "大坪村", TM),
    ("赵丽", 104, "大坪村", TM),
    ("孙强", 105, "大坪村", TM),
    ("陈刚", 107, "小河村", FS),
    ("周梅", 108, "小河村", TM),
    ("吴磊", 109, "小河村", TM),
)


@dataclass
class Team:
    township: str
    villages: dict[str, str]
    people: dict[str, str]  # name → person uuid


def build_team(ws: Workspace) -> Team:
    township = org.save_township(ws, "东风镇")
    villages = {name: org.save_village(ws, township, name, ["脱贫村"]) for name in ("大坪村", "小河村")}
    unit = org.save_unit(ws, "县财政局", kind="县直机关")
    people = {}
    for name, serial, village, role in PEOPLE:
        add_cadre(ws, name, serial, villages[village], role, POSTED, unit)
    from zhucun_desktop.services.leave_queries import requestable_people

    for uuid, name, _role, _village in requestable_people(ws, township, TODAY):
        people[name] = uuid
    return Team(township, villages, people)


def clerk_workspace(ws: Workspace, team: Team) -> Workspace:
    accounts.create_user(ws, username=CLERK, display_name="周文", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                         password=CLERK_PASSWORD, township_uuid=team.township)
    return Workspace(ws.db, accounts.authenticate(ws.db, CLERK, CLERK_PASSWORD))


def file_request(ws: Workspace, team: Team, name: str, start: date, end: date, *, kind: str = "事假",
                 handover: str | None = None, filed_on: date | None = None, submit: bool = True) -> str:
    """A complete request as a clerk fills it in; a first secretary's names 李明 (or ``handover``)."""
    is_fs = name in ("王建国", "陈刚")
    if is_fs and handover is None:
        handover = "李明" if name == "王建国" else "周梅"
    draft = leave.LeaveDraft(person_uuid=team.people[name], kind=kind, start=start, end=end, destination="昆明市",
                             reason="家中有事", contact="13987654321",
                             handover_person_uuid=team.people[handover] if handover else None,
                             filed_on=filed_on or min(TODAY, start))
    return leave.create_request(ws, draft, submit=submit, today=filed_on or TODAY)


def sign_all(ws: Workspace, request_uuid: str, on: date, *, today: date = TODAY, steps: int | None = None) -> None:
    """Every body of the chain (or the first ``steps``) signs 同意 on ``on``."""
    detail = request_detail(ws, request_uuid, today)
    for body in detail.chain[:steps]:
        leave.record_step(ws, request_uuid, body=body, decision=DECISION_AGREE, signer=f"{body}负责人",
                          decided_on=on, today=today)
