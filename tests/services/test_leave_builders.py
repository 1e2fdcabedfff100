"""Builders shared by the leave tests: a village team posted through the roster services, drafts, approvals.

(Named test_leave_* so it sits with the tests it serves; it holds no tests itself.)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from tests.services.test_attendance_builders import Cadre, post
from zhucun_desktop.domain import terms
from zhucun_desktop.services import leave
from zhucun_desktop.services.workspace import Workspace

NAMES = ("王建国", "李强", "赵六", "孙丽", "周敏", "吴刚", "郑华", "冯涛", "陈静", "褚明", "卫东", "蒋欣")
FILED = date(2026, 11, 2)  # a Monday; November 2026 has no holiday
_serials = itertools.count()


@dataclass(frozen=True)
class Team:
    first_secretary: Cadre
    members: list[Cadre]

    @property
    def everyone(self) -> list[Cadre]:
        return [self.first_secretary, *self.members]


def team(ws: Workspace, members: int = 3, *, village: str = "大坪村", township: str = "东风镇",
         start: date = date(2025, 5, 1)) -> Team:
    """A first secretary and ``members`` team members posted to one village."""

    def one(role: str) -> Cadre:
        n = next(_serials)
        return post(ws, NAMES[n % len(NAMES)], 101 + 2 * (n % 400), township=township, village=village,
                    role=role, start=start)

    return Team(one(terms.ROLE_FIRST_SECRETARY), [one(terms.ROLE_TEAM_MEMBER) for _ in range(members)])


def draft(cadre: Cadre, start: date, end: date, kind: str = "事假", *, handover: Cadre | None = None,
          filed_on: date | None = FILED) -> leave.LeaveDraft:
    return leave.LeaveDraft(cadre.person_uuid, kind, start, end, destination="昆明市", reason="家中有事",
                            contact="13900000000", handover_person_uuid=handover.person_uuid if handover else None,
                            filed_on=filed_on)


def request(ws: Workspace, cadre: Cadre, start: date, end: date, kind: str = "事假", *,
            handover: Cadre | None = None, today: date = FILED) -> str:
    return leave.create_request(ws, draft(cadre, start, end, kind, handover=handover, filed_on=today), today=today)


def approve(ws: Workspace, uuid: str, on: date = FILED, *, today: date | None = None) -> None:
    """Every remaining body of the chain signs 同意 on ``on``."""
    detail = leave.request_detail(ws, uuid, today=today or on)
    for body in detail.chain[len(detail.steps):]:
        leave.record_step(ws, uuid, body=body, decision="同意", signer=f"{body}负责人", decided_on=on,
                          today=today or on)
