"""Fixtures for the main window, 首页 and 系统设置 tests: the app's font and Chinese Qt texts, and a county with
two townships and their cadres. Nothing here is autouse, so the roster page's tests are not affected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.idcard import check_digit
from zhucun_desktop.services import accounts, org, roster
from zhucun_desktop.services.workspace import Workspace

CLERK = "dongfeng01"
CLERK_PASSWORD = "dongfeng-1"


@pytest.fixture
def gui_app(qapp):
    """The QApplication as the program sets it up: bundled font at 10.5 pt, Qt's own words in Chinese."""
    from zhucun_desktop.gui.app import install_translations
    from zhucun_desktop.gui.fonts import install_app_font

    install_app_font(qapp)
    install_translations(qapp)
    return qapp


def id_number(birth: date, serial: int) -> str:
    body = f"530102{birth:%Y%m%d}{serial:03d}"
    return body + check_digit(body)


@dataclass
class County:
    """What `county` built: township and village uuids by name, for the assertions."""

    townships: dict[str, str]
    villages: dict[str, str]


def add_cadre(ws: Workspace, name: str, serial: int, village_uuid: str, role: str, start: date,
              unit_uuid: str, term_end: date | None = None) -> str:
    person = roster.save_person(ws, {
        "name": name, "id_number": id_number(date(1985, 3, 12), serial), "political_status": "中共党员",
        "party_join_date": date(2008, 6, 1), "work_start_date": date(2008, 7, 1), "staffing": "在编在岗",
        "unit_uuid": unit_uuid, "ethnicity": "汉族", "education": "大学本科", "position": "四级主任科员",
        "phone": "13987654321"}, accept_warnings=True).uuid
    return roster.add_posting(ws, person, village_uuid=village_uuid, role=role, start_date=start,
                              term_end_date=term_end, accept_warnings=True).uuid


@pytest.fixture
def county(ws: Workspace) -> County:
    """东风镇 (2 villages, 1 first secretary whose term ends in 30 days, 2 team members from two units) and
    红旗乡 (1 village, 1 first secretary past the end of the term, no 离岗 registered)."""
    today = date.today()
    dongfeng = org.save_township(ws, "东风镇")
    hongqi = org.save_township(ws, "红旗乡")
    villages = {"大坪村": org.save_village(ws, dongfeng, "大坪村", ["脱贫村"]),
                "小河村": org.save_village(ws, dongfeng, "小河村"),
                "红星村": org.save_village(ws, hongqi, "红星村")}
    finance = org.save_unit(ws, "县财政局", kind="县直机关")
    farming = org.save_unit(ws, "县农业农村局", kind="县直机关")
    fs, tm = terms.ROLE_FIRST_SECRETARY, terms.ROLE_TEAM_MEMBER
    add_cadre(ws, "王建国", 101, villages["大坪村"], fs, today - timedelta(days=700), finance,
              term_end=today + timedelta(days=30))
    add_cadre(ws, "李明", 103, villages["大坪村"], tm, today - timedelta(days=100), finance)
    add_cadre(ws, "赵丽", 102, villages["小河村"], tm, today - timedelta(days=100), farming)
    add_cadre(ws, "陈刚", 105, villages["红星村"], fs, today - timedelta(days=800), farming,
              term_end=today - timedelta(days=10))
    return County({"东风镇": dongfeng, "红旗乡": hongqi}, villages)


@pytest.fixture
def clerk_ws(ws: Workspace, county: County) -> Workspace:
    """A 乡镇录入员 of 东风镇, signed in on the same database."""
    accounts.create_user(ws, username=CLERK, display_name="周文", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                         password=CLERK_PASSWORD, township_uuid=county.townships["东风镇"])
    return Workspace(ws.db, accounts.authenticate(ws.db, CLERK, CLERK_PASSWORD))

