"""Leave requests for the demo county (§8), made through the leave services like a clerk would.

A spread a trainer can show: every band of the default rule set (≤3, 4–5, ≥6 days), a refusal by the township,
a team member's request with the first secretary's signature first, one on leave today, one returned, one
overdue (逾期未销假, whose 旷 days the final sweep writes) and some still waiting for a signature. Each scenario
is placed in its own village (a first secretary and at least two team members in post), so the two-remain rule
(§8) holds without special cases. Dates are relative to ``today``; the same seed picks the same villages.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select

from ..domain import terms
from ..storage.models import Person, Posting, Township, Village
from .errors import ServiceError
from .leave import LeaveDraft, create_request, record_step, register_return, request_detail, sweep_overdue
from .workspace import Workspace

COUNTY_SIGNERS = {"县乡村振兴局": "杨振华", "县委组织部": "段立新", "县委分管副书记": "普德明"}
BRANCH_SECRETARIES = ("李有福", "罗正才", "者永华", "普云贵", "杨金宝", "鲁发林", "字德胜", "张开明")
DESTINATIONS = ("昆明市", "曲靖市", "大理州", "北京市", "贵阳市", "成都市")


@dataclass(frozen=True)
class _Scenario:
    """One request: who (role), kind, start/end offsets from today, filed so many days before the start,
    how many steps are signed (None: all), the decision of the last one signed, the return (offset)."""

    role: str
    kind: str
    start: int
    end: int
    reason: str
    signed: int | None = None
    last_decision: str = "同意"
    remark: str = ""
    returned: int | None = None


FS, TM = terms.ROLE_FIRST_SECRETARY, terms.ROLE_TEAM_MEMBER
SCENARIOS = (
    _Scenario(TM, "事假", -24, -22, "家中老人住院，回家照料", returned=-21),  # ≤3 days, back on time
    _Scenario(TM, "病假", -9, -8, "到州医院复查", ),  # overdue: never returned
    _Scenario(FS, "参会培训", -1, 2, "参加市委组织部第一书记示范培训班"),  # 4 days, on leave today
    _Scenario(TM, "学习考察", 7, 12, "随县农业农村局赴外省学习特色产业发展经验"),  # 6 days, all approved
    _Scenario(TM, "事假", 3, 7, "处理个人事务", signed=3, last_decision="不同意",
              remark="正值秋冬季产业项目验收，暂缓请假"),  # refused by the township
    _Scenario(FS, "出差出访", 10, 12, "赴帮扶单位对接消费帮扶项目", signed=1),  # pending at the township
    _Scenario(TM, "年休假", 14, 18, "休年休假", signed=1),  # the first secretary has signed
)


def _villages(ws: Workspace, first: date, last: date) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Villages whose first secretary and ≥2 team members are in post from ``first`` to ``last``:
    (village uuid, township uuid, [(person uuid, role)]) in a stable order."""
    with ws.read() as s:
        # Ordered by names, not uuids: uuids are new on every build, and the same seed must pick the same
        # villages.
        q = (select(Posting.village_uuid, Posting.township_uuid, Posting.person_uuid, Posting.role)
             .join(Person, Person.uuid == Posting.person_uuid)
             .join(Village, Village.uuid == Posting.village_uuid)
             .join(Township, Township.uuid == Posting.township_uuid)
             .where(Posting.deleted.is_(False), Person.deleted.is_(False), Posting.start_date <= first,
                    or_(Posting.end_date.is_(None), Posting.end_date >= last))
             .order_by(Township.name, Village.name, Posting.role, Person.id_number))
        by_village: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for village, township, person, role in s.execute(q):
            by_village.setdefault((village, township), []).append((person, role))
    return [(v, t, people) for (v, t), people in by_village.items()
            if sum(r == FS for _, r in people) == 1 and sum(r == TM for _, r in people) >= 2]


def add_demo_leave(ws: Workspace, today: date, seed: int = 0) -> int:
    """Add the scenarios' requests, signatures and returns, then sweep; returns the number of requests."""
    rng = random.Random(f"zhucun-demo/{seed}/leave")
    first = today + timedelta(days=min(s.start for s in SCENARIOS) - 10)
    last = today + timedelta(days=max(s.end for s in SCENARIOS) + 5)
    villages = _villages(ws, first, last)
    if len(villages) < len(SCENARIOS):
        raise ServiceError(f"演示数据中同时有第一书记和至少2名工作队员在岗的村不足{len(SCENARIOS)}个，"
                           "无法生成请假示例。")
    chosen = rng.sample(villages, len(SCENARIOS))
    with ws.read() as s:
        secretaries = dict(s.execute(select(Township.uuid, Township.secretary_name)).all())
        names = dict(s.execute(select(Person.uuid, Person.name)).all())
    for scenario, (_village, township, people) in zip(SCENARIOS, chosen, strict=True):
        fs = next(p for p, r in people if r == FS)
        members = [p for p, r in people if r == TM]
        person = fs if scenario.role == FS else rng.choice(members)
        start = today + timedelta(days=scenario.start)
        filed = min(start - timedelta(days=rng.randint(4, 6)), today - timedelta(days=3))
        uuid = create_request(ws, LeaveDraft(
            person, scenario.kind, start, today + timedelta(days=scenario.end), rng.choice(DESTINATIONS),
            scenario.reason, f"{rng.choice(('139', '158', '187'))}{rng.randrange(10**8):08d}",
            handover_person_uuid=rng.choice(members) if person == fs else None, filed_on=filed), today=filed)
        chain = request_detail(ws, uuid, today=filed).chain
        signed = len(chain) if scenario.signed is None else scenario.signed
        for number, body in enumerate(chain[:signed], start=1):
            paper = {"驻村第一书记": names.get(fs, ""), "村党支部": rng.choice(BRANCH_SECRETARIES),
                     "乡镇党委": secretaries.get(township) or "乡镇党委书记"}
            signer = paper.get(body) or COUNTY_SIGNERS.get(body, body)
            decision = scenario.last_decision if number == signed else "同意"
            on = min(filed + timedelta(days=number - 1), today)
            record_step(ws, uuid, body=body, decision=decision, signer=signer, decided_on=on,
                        remark=scenario.remark if decision != "同意" else "", today=today)
        if scenario.returned is not None:
            register_return(ws, uuid, today + timedelta(days=scenario.returned), "按时返岗", today=today)
    sweep_overdue(ws, today)
    return len(SCENARIOS)
