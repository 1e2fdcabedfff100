"""The demo county's organisation and roster: townships, villages, units, three batches of cadres, accounts.

The story the roster tells (DOMAIN.md §4–§6):

* 第一批 starts in May 2021: each village gets a 驻村第一书记 and often one 工作队员;
* the May 2023 rotation (期满有序轮换, §4): most are replaced by a 第二批 successor who arrives while the
  predecessor is still in post for the half-month transition (§6), some stay on (连任) with a new posting, so
  posting history exists; 第二批 has a first secretary and 2–4 team members per village;
* in 2025 a few 第二批 cadres leave early for §5 reasons (身体原因, 家庭原因, 跨县调动, 其他) and a 第三批 successor
  takes over, again with the 15-day transition.

Every 身份证号 passes GB 11643, every first secretary passes §4, and every non-party team member's warning is
accepted explicitly (§4 prefers party members): all through ``save_person`` and ``add_posting``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...domain import terms
from ...domain.idcard import check_digit
from ..accounts import create_user
from ..org import save_township, save_unit, save_village
from ..roster import add_posting, end_posting, save_person
from ..workspace import Workspace
from .common import (
    BATCH_1,
    BATCH_2,
    BATCH_2_TERM_END,
    BATCH_3,
    TOWNSHIPS,
    VIEWER_PASSWORD,
    VIEWER_USERNAME,
    demo_accounts,
)
from .material import (
    CATEGORY_WEIGHTS,
    EARLY_END_REASONS,
    ETHNICITY_WEIGHTS,
    FEMALE_CHARS,
    FIRST_SECRETARY_EDUCATION,
    LOCAL_REGION,
    MALE_CHARS,
    MOBILE_PREFIXES,
    OTHER_REGIONS,
    POSITIONS,
    SURNAMES,
    TEAM_MEMBER_EDUCATION,
    TEAM_MEMBER_POLITICS,
    UNITS,
    VILLAGE_NAMES,
)


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _month(year: int, month: int) -> date:
    """A month as the roster keeps it (入党时间, 参加工作时间): its first day."""
    return date(year, month, 1)


@dataclass
class _Village:
    uuid: str
    name: str
    township: str
    unit: int  # index into DemoBuilder.units: the village's paired unit (挂钩帮扶单位)


@dataclass
class _Post:
    """A posting the builder made, remembered for the rotation and the later parts (attendance, leave)."""

    uuid: str
    person_uuid: str
    village: _Village
    role: str
    start: date
    batch: str
    unit: int
    accept_warnings: bool = False  # a §4 warning (non-party team member) the county accepted
    end: date | None = None


class RosterParts:
    """The ``organisation``, ``units``, ``roster`` and ``accounts`` parts of :class:`DemoBuilder`, with the
    service calls and the people they make. Reads and fills the builder's ``villages``, ``units`` and ``posts``."""

    workspace: Workspace
    township_uuids: dict[str, str]
    township_people: dict[str, tuple[str, str]]
    villages: list[_Village]
    units: list[tuple[str, str, str]]
    posts: list[_Post]
    transition_days: int
    _names: set[str]
    _ids: set[str]
    _phones: set[str]

    # ------------------------------------------------------------ parts

    def _build_organisation(self, rng: random.Random) -> None:
        """6 townships with their 党委书记 and 组织委员, 6–8 villages each with one or two categories."""
        ws = self.workspace
        pool = list(VILLAGE_NAMES)
        rng.shuffle(pool)
        for name, _slug in TOWNSHIPS:
            secretary = self._name(rng, "男" if rng.random() < 0.8 else "女")
            organizer = self._name(rng, "男" if rng.random() < 0.6 else "女")
            self.township_people[name] = (secretary, organizer)
            self.township_uuids[name] = save_township(ws, name, secretary_name=secretary, organizer_name=organizer)
        for name, _slug in TOWNSHIPS:
            for _ in range(rng.randint(6, 8)):
                village = pool.pop()
                categories = {_weighted(rng, CATEGORY_WEIGHTS)}
                if rng.random() < 0.35:
                    categories.add(_weighted(rng, CATEGORY_WEIGHTS))
                uuid = save_village(ws, self.township_uuids[name], village, sorted(categories))
                self.villages.append(_Village(uuid, village, name, unit=-1))

    def _build_units(self, rng: random.Random) -> None:
        """The dispatching units (派出单位), each with a contact; every village is paired with one of them."""
        ws = self.workspace
        for name, kind, profile in UNITS:
            uuid = save_unit(ws, name, kind=kind, contact_person=self._name(rng, rng.choice("男女")),
                             contact_phone=self._phone(rng))
            self.units.append((uuid, name, profile))
        for village in self.villages:
            village.unit = rng.randrange(len(self.units))

    def _build_roster(self, rng: random.Random) -> None:
        """Three batches with the 2023 rotation and the 2025 early departures (see the module docstring)."""
        by_township: dict[str, list[_Village]] = {}
        for village in self.villages:
            by_township.setdefault(village.township, []).append(village)
        for villages in by_township.values():
            first_start = date(2021, 5, rng.randint(8, 14))
            second_start = date(2023, 5, rng.randint(8, 15))
            for village in villages:
                self._village_batches(rng, village, first_start, second_start)
        self._early_departures(rng)

    def _build_accounts(self, rng: random.Random) -> None:
        """A county viewer, and per township a clerk (the 组织委员) and a leader (the 党委书记)."""
        ws = self.workspace
        create_user(ws, username=VIEWER_USERNAME, display_name="县级查看", role=terms.USER_ROLE_COUNTY_VIEWER,
                    password=VIEWER_PASSWORD)
        for account in demo_accounts():
            if account.township is None:
                continue
            secretary, organizer = self.township_people[account.township]
            leader = account.role == terms.USER_ROLE_TOWNSHIP_LEADER
            create_user(ws, username=account.username, display_name=secretary if leader else organizer,
                        role=account.role, password=account.password,
                        township_uuid=self.township_uuids[account.township])

    # ------------------------------------------------------------ roster steps

    def _village_batches(self, rng: random.Random, village: _Village, first_start: date,
                         second_start: date) -> None:
        """第一批 (2021) and the 2023 rotation to 第二批 of one village (§4 期满轮换, §6 transition)."""
        handover_end = second_start + timedelta(days=self.transition_days - 1)  # §6: both in post meanwhile
        stays_on = second_start - timedelta(days=1)  # 连任: the old posting ends, the new one starts next day
        secretary = self._post_new(rng, village, terms.ROLE_FIRST_SECRETARY, first_start, BATCH_1)
        team = [self._post_new(rng, village, terms.ROLE_TEAM_MEMBER, first_start, BATCH_1)
                for _ in range(rng.random() < 0.6)]
        if rng.random() < 0.2:
            self._stay_on(secretary, stays_on, second_start)
        else:
            self._post_new(rng, village, terms.ROLE_FIRST_SECRETARY, second_start, BATCH_2,
                           term_end=BATCH_2_TERM_END)
            self._end(secretary, handover_end, "任职期满")
        members = 0
        for old in team:
            if rng.random() < 0.4:
                self._stay_on(old, stays_on, second_start)
                members += 1
            else:
                self._end(old, handover_end, "任职期满")
        for _ in range(rng.randint(2, 4) - members):
            self._post_new(rng, village, terms.ROLE_TEAM_MEMBER, second_start, BATCH_2, term_end=BATCH_2_TERM_END)

    def _stay_on(self, old: _Post, last_day: date, start: date) -> None:
        """连任: the 第一批 posting ends the day before the 第二批 one starts (one village at a time, §4)."""
        self._end(old, last_day, "任职期满")
        self._post(old.person_uuid, old.village, old.role, start, BATCH_2, old.unit, term_end=BATCH_2_TERM_END,
                   accept=old.accept_warnings)

    def _early_departures(self, rng: random.Random) -> None:
        """§5: a few 第二批 cadres leave in 2025; a 第三批 successor comes, with the §6 transition."""
        current = [p for p in self.posts if p.end is None and p.batch == BATCH_2]
        secretaries = [p for p in current if p.role == terms.ROLE_FIRST_SECRETARY]
        members = [p for p in current if p.role == terms.ROLE_TEAM_MEMBER]
        leaving = rng.sample(secretaries, 3) + rng.sample(members, rng.randint(3, 4))
        for old in leaving:
            start = date(2025, rng.randint(1, 9), rng.randint(1, 28))
            self._post_new(rng, old.village, old.role, start, BATCH_3)
            self._end(old, start + timedelta(days=self.transition_days - 1), rng.choice(EARLY_END_REASONS))

    # ------------------------------------------------------------ service calls

    def _post_new(self, rng: random.Random, village: _Village, role: str, start: date, batch: str, *,
                  term_end: date | None = None) -> _Post:
        """A new cadre through ``save_person``, then the posting through ``add_posting``."""
        first = role == terms.ROLE_FIRST_SECRETARY
        # First secretaries come from the village's paired unit; team members half of the time too.
        unit = village.unit if first or rng.random() < 0.5 else rng.randrange(len(self.units))
        values = self._person_values(rng, role, start, unit)
        person_uuid = save_person(self.workspace, values).uuid
        # §4: a team member who is not a party member is a warning the county accepts knowingly.
        accept = values["political_status"] not in (terms.PARTY_MEMBER, terms.PROBATIONARY_MEMBER)
        return self._post(person_uuid, village, role, start, batch, unit, term_end=term_end, accept=accept)

    def _post(self, person_uuid: str, village: _Village, role: str, start: date, batch: str, unit: int, *,
              term_end: date | None = None, accept: bool = False) -> _Post:
        result = add_posting(self.workspace, person_uuid, village_uuid=village.uuid, role=role, start_date=start,
                             term_end_date=term_end, batch=batch, accept_warnings=accept)
        post = _Post(result.uuid, person_uuid, village, role, start, batch, unit, accept)
        self.posts.append(post)
        return post

    def _end(self, post: _Post, end: date, reason: str) -> None:
        end_posting(self.workspace, post.uuid, end, reason)
        post.end = end

    # ------------------------------------------------------------ people

    def _person_values(self, rng: random.Random, role: str, start: date, unit: int) -> dict[str, Any]:
        """A plausible cadre for ``role`` from ``start``: a first secretary meets §4 on the posting's start day."""
        first = role == terms.ROLE_FIRST_SECRETARY
        sex = "男" if rng.random() < (0.75 if first else 0.6) else "女"
        if first:
            birth = date(rng.randint(1975, 1992), rng.randint(1, 12), rng.randint(1, 28))
            political = terms.PARTY_MEMBER
        else:
            birth = date(rng.randint(1970, start.year - 24), rng.randint(1, 12), rng.randint(1, 28))
            political = _weighted(rng, TEAM_MEMBER_POLITICS)
            if political == terms.LEAGUE_MEMBER and start.year - birth.year > 28:
                political = terms.NON_PARTY  # 共青团员 are 28 or younger
            if political == terms.PROBATIONARY_MEMBER and start.year < 2025:
                political = terms.PARTY_MEMBER  # probation lasts a year: only 2025 arrivals may still be on it
        work_year = min(birth.year + rng.randint(21, 24), start.year - (3 if first else 1))
        work = _month(work_year, rng.choice((7, 7, 8, 9, 10, 12)))
        party = None
        if political == terms.PARTY_MEMBER:
            # §4: a first secretary needs a party age of at least one year on the posting's start.
            latest = start.year - 2
            party = _month(rng.randint(min(birth.year + 19, latest), latest), rng.randint(1, 12))
        elif political == terms.PROBATIONARY_MEMBER:
            party = (start.replace(day=1) - timedelta(days=rng.randint(60, 300))).replace(day=1)
        uid, _unit_name, profile = self.units[unit]
        senior, junior = POSITIONS[profile]
        education = _weighted(rng, FIRST_SECRETARY_EDUCATION if first else TEAM_MEMBER_EDUCATION)
        return {
            "name": self._name(rng, sex),
            "sex": sex,
            "ethnicity": _weighted(rng, ETHNICITY_WEIGHTS),
            "id_number": self._id_number(rng, birth, sex),
            "political_status": political,
            "party_join_date": party,
            "work_start_date": work,
            "education": education,
            "unit_uuid": uid,
            "position": rng.choice(senior if first else junior),
            "staffing": terms.STAFFING_IN_POST,
            "phone": self._phone(rng),
        }

    def _name(self, rng: random.Random, sex: str) -> str:
        chars = MALE_CHARS if sex == "男" else FEMALE_CHARS
        while True:
            given = rng.choice(chars)
            if rng.random() < 0.8:
                second = rng.choice(chars)
                if second == given:
                    continue
                given += second
            name = rng.choice(SURNAMES) + given
            if name not in self._names:
                self._names.add(name)
                return name

    def _id_number(self, rng: random.Random, birth: date, sex: str) -> str:
        """GB 11643: region, birth date, a sequence whose last digit is odd for 男 and even for 女, check digit."""
        while True:
            region = LOCAL_REGION if rng.random() < 0.6 else rng.choice(OTHER_REGIONS)
            sequence = rng.randint(0, 99) * 10 + rng.choice((1, 3, 5, 7, 9) if sex == "男" else (0, 2, 4, 6, 8))
            body = f"{region}{birth:%Y%m%d}{sequence:03d}"
            number = body + check_digit(body)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def _phone(self, rng: random.Random) -> str:
        while True:
            phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if phone not in self._phones:
                self._phones.add(phone)
                return phone
