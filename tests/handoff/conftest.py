"""Two real installations for the hand-off tests: a county (示例县) and its township 东风镇, set up from a real
set-up package. Built once per session and copied per test; the unlocked keys are kept with the template.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.services.test_attendance_builders import Cadre, post
from zhucun_desktop.domain import terms
from zhucun_desktop.handoff.crypto import SiteKeys
from zhucun_desktop.handoff.keys import unlock_keys
from zhucun_desktop.handoff.setup import create_setup_package, init_from_setup
from zhucun_desktop.services.accounts import authenticate, setup_county_site
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import Database, open_database

COUNTY_ADMIN, COUNTY_PASSWORD = "admin", "zhucun-2026"
TOWN_ADMIN, TOWN_PASSWORD = "dfz", "dongfeng-2026"


@dataclass
class Template:
    folder: Path
    county_keys: SiteKeys
    town_keys: SiteKeys
    township_uuid: str
    other_township_uuid: str
    town_site_id: str
    cadres: list[Cadre]


@dataclass
class Pair:
    """The county and the township, each its own database file, and a folder standing in for the stick."""

    county: Workspace
    town: Workspace
    county_keys: SiteKeys
    town_keys: SiteKeys
    township_uuid: str
    other_township_uuid: str
    town_site_id: str
    cadres: list[Cadre]
    stick: Path

    def close(self) -> None:
        self.county.db.close()
        self.town.db.close()


_TEMPLATE: dict[str, Template] = {}


def _template(factory: pytest.TempPathFactory) -> Template:
    if "pair" in _TEMPLATE:
        return _TEMPLATE["pair"]
    folder = factory.mktemp("handoff-template")
    county_db = open_database(folder / "county.db")
    actor = setup_county_site(county_db, county_name="示例县", admin_username=COUNTY_ADMIN,
                              admin_password=COUNTY_PASSWORD, admin_display_name="李管理")
    cws = Workspace(county_db, actor)
    cadres = [post(cws, "王建国", 123, role=terms.ROLE_FIRST_SECRETARY, start=date(2025, 5, 1)),
              post(cws, "李强", 125, start=date(2025, 5, 1)),
              post(cws, "张敏", 126, start=date(2025, 5, 1))]
    other = post(cws, "赵六", 127, township="西山乡", village="石桥村")
    made = create_setup_package(cws, cadres[0].township_uuid, folder / "东风镇_配置包.zcsetup")
    town_db = open_database(folder / "town.db")
    init_from_setup(town_db, made.path, made.passphrase, admin_username=TOWN_ADMIN, admin_password=TOWN_PASSWORD,
                    admin_display_name="东风镇组织委员")
    county_keys = unlock_keys(cws, COUNTY_PASSWORD)
    town_keys = unlock_keys(Workspace(town_db, authenticate(town_db, TOWN_ADMIN, TOWN_PASSWORD)), TOWN_PASSWORD)
    county_db.close()
    town_db.close()
    _TEMPLATE["pair"] = Template(folder, county_keys, town_keys, cadres[0].township_uuid, other.township_uuid,
                                 made.site_id, cadres)
    return _TEMPLATE["pair"]


def open_pair(template: Template, where: Path) -> Pair:
    """Each database in its own folder, as on two PCs (each has its own attachments folder beside it)."""
    places = {"county.db": where / "县委组织部", "town.db": where / "东风镇"}
    for name, folder in places.items():
        folder.mkdir()
        shutil.copyfile(template.folder / name, folder / name)
    county_db: Database = open_database(places["county.db"] / "county.db")
    town_db: Database = open_database(places["town.db"] / "town.db")
    county = Workspace(county_db, authenticate(county_db, COUNTY_ADMIN, COUNTY_PASSWORD))
    town = Workspace(town_db, authenticate(town_db, TOWN_ADMIN, TOWN_PASSWORD))
    stick = where / "U盘"
    stick.mkdir()
    return Pair(county, town, template.county_keys, template.town_keys, template.township_uuid,
                template.other_township_uuid, template.town_site_id, template.cadres, stick)


@pytest.fixture
def pair(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    made = open_pair(_template(tmp_path_factory), tmp_path)
    yield made
    made.close()


@pytest.fixture
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return _template(tmp_path_factory)
