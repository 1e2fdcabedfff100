"""Fixtures for the roster report tests: realistic rows, with the awkward cases that break layouts."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from zhucun_desktop.reports.roster_data import RosterRow

_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳", "司马"]
_GIVEN = ["伟", "芳", "秀英", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"]
_UNITS = [
    "县委组织部",
    "县农业农村局",
    "县乡村振兴局",
    "县人力资源和社会保障局",
    "国网XX县供电公司",
    "县自然资源和规划局不动产登记中心",
    "县卫生健康局疾病预防控制中心（县卫生监督所）",
    "县财政局",
]
_POSITIONS = ["四级主任科员", "副局长", "一级科员", "办公室主任（八级职员）", "专业技术十级", "科员"]
_TOWNS = ["东风镇", "红星乡", "青山镇", "石桥镇"]
_VILLAGES = ["柳树村", "大河村", "新华村", "李家湾村", "上坪村"]


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check digit, so generated IDs are valid."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[total % 11]


def make_id(birth: date, seq: int, male: bool) -> str:
    order = seq % 50 * 2 + (1 if male else 0)
    first17 = f"510921{birth:%Y%m%d}{order:03d}"
    return first17 + id_check_digit(first17)


def make_rows(n: int, seed: int = 7) -> list[RosterRow]:
    rnd = random.Random(seed)
    rows: list[RosterRow] = []
    for i in range(n):
        male = rnd.random() < 0.7
        birth = date(rnd.randint(1968, 1998), rnd.randint(1, 12), rnd.randint(1, 28))
        first_secretary = i % 3 == 0
        start = date(2024, 3, 1) if i % 2 else date(2021, 6, 15)
        rows.append(
            RosterRow(
                name=rnd.choice(_SURNAMES) + rnd.choice(_GIVEN),
                sex="男" if male else "女",
                ethnicity=rnd.choice(["汉族", "汉族", "汉族", "彝族", "维吾尔族"]),
                birth_month=birth.replace(day=1),
                id_number=make_id(birth, i, male),
                political_status="中共党员" if first_secretary or rnd.random() < 0.6 else "群众",
                party_join_date=date(birth.year + 22, rnd.randint(1, 12), 1) if first_secretary else None,
                work_start_date=date(birth.year + 21, 7, 1),
                education=rnd.choice(["大学本科", "研究生", "大学专科"]),
                unit=rnd.choice(_UNITS),
                position=rnd.choice(_POSITIONS),
                staffing="在编在岗",
                role="驻村第一书记" if first_secretary else "工作队员",
                is_leader=first_secretary,
                village=_VILLAGES[i // 3 % len(_VILLAGES)],
                township=_TOWNS[i // 15 % len(_TOWNS)],
                start_date=start,
                end_date=date(start.year + 2, start.month, start.day) if i % 7 else None,
                batch="第三批" if start.year == 2024 else "第二批",
                phone=f"13{rnd.randint(0, 9)}{rnd.randint(10000000, 99999999)}",
            )
        )
    return rows


@pytest.fixture
def roster_factory():
    """``make_rows`` itself, for tests that need their own size or seed (no importing of conftest)."""
    return make_rows


@pytest.fixture
def rows200() -> list[RosterRow]:
    return make_rows(200)


@pytest.fixture
def rows5() -> list[RosterRow]:
    return make_rows(5, seed=3)


@pytest.fixture
def printed_at() -> datetime:
    return datetime(2026, 3, 18, 9, 30)
