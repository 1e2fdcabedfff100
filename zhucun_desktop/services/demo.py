"""A demonstration database: the fictional 云岭县 with townships, villages, units, cadres and accounts.

Why it exists: a clerk trying the program, a trainer at the county and the GUI's screenshots need a county that
looks like theirs, and the benchmarks need the same one every time. So everything here is made through the same
service functions the GUI calls (``setup_county_site``, ``save_township``, ``save_village``, ``save_unit``,
``save_person``, ``add_posting``, ``end_posting``, ``create_user``): every 身份证号 passes GB 11643, every first
secretary passes §4, every non-party team member's warning is accepted explicitly (§4 prefers party members), and
every change has its audit row. Nothing is inserted behind the rules' back.

Deterministic: for one ``seed`` the names, ID numbers, phones and dates are the same on every run and machine
(each part draws from its own ``random.Random`` seeded with the seed and the part's name, so appending a part
never changes the parts before it). Only uuids and audit timestamps differ.

The story the roster tells (DOMAIN.md §4–§6):

* 第一批 starts in May 2021: each village gets a 驻村第一书记 and often one 工作队员;
* the May 2023 rotation (期满有序轮换, §4): most are replaced by a 第二批 successor who arrives while the
  predecessor is still in post for the half-month transition (§6), some stay on (连任) with a new posting, so
  posting history exists; 第二批 has a first secretary and 2–4 team members per village;
* in 2025 a few 第二批 cadres leave early for §5 reasons (身体原因, 家庭原因, 跨县调动, 其他) and a 第三批 successor
  takes over, again with the 15-day transition.

Later issues append parts (a year of attendance, leave requests, ledger rows) as further ``_build_*`` methods
listed in ``DemoBuilder.PARTS``.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..domain import terms
from ..domain.idcard import check_digit
from ..storage.database import Database, open_database
from .accounts import create_user, setup_county_site, site_is_set_up
from .errors import ServiceError
from .org import save_township, save_unit, save_village
from .roster import add_posting, end_posting, save_person
from .workspace import Workspace

COUNTY = "云岭县"
DEFAULT_SEED = 2026

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin123"
VIEWER_USERNAME = "viewer"
VIEWER_PASSWORD = "viewer123"
TOWNSHIP_PASSWORD = "demo123"

# (name, pinyin slug for the account names); slugs are written by hand, no transliteration library needed.
TOWNSHIPS: tuple[tuple[str, str], ...] = (
    ("东风镇", "dongfeng"),
    ("清水乡", "qingshui"),
    ("龙泉镇", "longquan"),
    ("石门乡", "shimen"),
    ("白沙镇", "baisha"),
    ("新华乡", "xinhua"),
)

BATCH_1 = "第一批"
BATCH_2 = "第二批"
BATCH_3 = "第三批"
# 第二批 is planned to serve until the May 2027 rotation; §4 sets a minimum term (不少于2年), not a maximum.
BATCH_2_TERM_END = date(2027, 5, 31)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    township: str | None = None

    @property
    def label(self) -> str:
        return f"{self.township}{self.role}" if self.township else self.role


def demo_accounts() -> tuple[DemoAccount, ...]:
    """The accounts every demo database has: one administrator, one viewer, a clerk and a leader per township."""
    accounts = [DemoAccount(ADMIN_USERNAME, ADMIN_PASSWORD, terms.USER_ROLE_COUNTY_ADMIN),
                DemoAccount(VIEWER_USERNAME, VIEWER_PASSWORD, terms.USER_ROLE_COUNTY_VIEWER)]
    for name, slug in TOWNSHIPS:
        accounts.append(DemoAccount(f"{slug}_clerk", TOWNSHIP_PASSWORD, terms.USER_ROLE_TOWNSHIP_CLERK, name))
        accounts.append(DemoAccount(f"{slug}_leader", TOWNSHIP_PASSWORD, terms.USER_ROLE_TOWNSHIP_LEADER, name))
    return tuple(accounts)


# (username, password, description) for the login dialog's hint (gui/app.py reads this).
DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = tuple((a.username, a.password, a.label) for a in demo_accounts())


@dataclass
class DemoSummary:
    """What was built: the table counts of ``maintenance.check_database``, cadres in post, and the accounts."""

    path: Path
    county: str
    seed: int
    counts: dict[str, int]
    in_post: dict[str, int]
    accounts: tuple[DemoAccount, ...]
    seconds: float

    def lines(self) -> list[str]:
        c = self.counts
        fs = self.in_post.get(terms.ROLE_FIRST_SECRETARY, 0)
        tm = self.in_post.get(terms.ROLE_TEAM_MEMBER, 0)
        out = [
            f"县：{self.county}（随机种子 {self.seed}，用时 {self.seconds:.1f} 秒）",
            f"乡镇 {c.get('townships', 0)} 个，村 {c.get('villages', 0)} 个，派出单位 {c.get('dispatch_units', 0)} 个",
            (f"驻村干部 {c.get('persons', 0)} 人，驻村记录 {c.get('postings', 0)} 条"
             f"（目前在岗：驻村第一书记 {fs} 人，工作队员 {tm} 人）"),
            "账号（用户名 / 密码）：",
        ]
        out += [f"  {a.username} / {a.password}（{a.label}）" for a in self.accounts]
        return out


# ---------------------------------------------------------------- material for names and places --------------

VILLAGE_NAMES = (
    "大坪村", "小河村", "团结村", "红星村", "石桥村", "河口村", "中和村", "龙潭村", "松林村", "三合村", "新民村",
    "双龙村", "光明村", "凤凰村", "白岩村", "青山村", "黄泥村", "柳树村", "水井村", "茶园村", "马街村", "杨柳村",
    "沙坝村", "田心村", "竹园村", "金星村", "梨园村", "大营村", "小营村", "老街村", "岩脚村", "坝心村", "箐口村",
    "干河村", "白水村", "石板村", "海子村", "新合村", "上寨村", "下寨村", "核桃村", "板桥村", "勤丰村", "永安村",
    "太平村", "和平村", "长坡村", "鲁溪村", "者黑村", "普拉村",
)

# Weights of the four categories when a village's first (and any second) category is drawn.
CATEGORY_WEIGHTS = {"脱贫村": 6, "乡村振兴重点村": 3, "集体经济薄弱村": 4, "党组织软弱涣散村": 1}

# (name, kind, profile); the profile picks plausible 职务职级 below.
UNITS: tuple[tuple[str, str, str], ...] = (
    ("县委办公室", "县直机关", "organ"),
    ("县人大常委会办公室", "县直机关", "organ"),
    ("县政府办公室", "县直机关", "organ"),
    ("县纪委监委", "县直机关", "organ"),
    ("县委宣传部", "县直机关", "organ"),
    ("县委统战部", "县直机关", "organ"),
    ("县财政局", "县直机关", "organ"),
    ("县人社局", "县直机关", "organ"),
    ("县农业农村局", "县直机关", "agri"),
    ("县乡村振兴局", "县直机关", "organ"),
    ("县卫生健康局", "县直机关", "organ"),
    ("县教育体育局", "县直机关", "organ"),
    ("县自然资源局", "县直机关", "organ"),
    ("县住房城乡建设局", "县直机关", "organ"),
    ("县交通运输局", "县直机关", "organ"),
    ("县水务局", "县直机关", "organ"),
    ("县林业和草原局", "县直机关", "agri"),
    ("县市场监督管理局", "县直机关", "organ"),
    ("县民政局", "县直机关", "organ"),
    ("县供电公司", "国有企业", "power"),
    ("县农村信用合作联社", "国有企业", "bank"),
    ("县人民医院", "事业单位", "hospital"),
    ("县中医医院", "事业单位", "hospital"),
    ("县疾病预防控制中心", "事业单位", "hospital"),
    ("县第一中学", "事业单位", "school"),
    ("县农业技术推广中心", "事业单位", "agri"),
)

# profile -> (positions of first secretaries, positions of team members)
POSITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "organ": (("四级主任科员", "三级主任科员", "二级主任科员", "副科长", "科长", "副主任"),
              ("科员", "一级科员", "四级主任科员", "副科长", "办事员")),
    "agri": (("农艺师", "高级农艺师", "畜牧师", "四级主任科员", "副科长"),
             ("助理农艺师", "技术员", "科员", "农艺师", "兽医师")),
    "power": (("工程师", "供电所副所长", "班组长"), ("助理工程师", "技术员", "职员")),
    "bank": (("客户经理", "信贷部副经理", "网点主任"), ("职员", "柜员", "客户经理")),
    "hospital": (("主治医师", "副主任医师", "主管护师"), ("医师", "护师", "药师", "公卫医师")),
    "school": (("一级教师", "高级教师", "教研组长"), ("二级教师", "一级教师")),
}

SURNAMES = ("李李李杨杨杨张张王王赵赵刘陈段普字者鲁罗周吴徐孙马朱胡郭何高林郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            "袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱尹薛雷侯龙史陶黎贺毛")
MALE_CHARS = "建国志明伟强军平华林斌涛鹏杰勇超波辉刚宇浩磊洪祥俊文海云峰龙兴发荣昌坤德成永福振学武江东恒晨阳凯亮"
FEMALE_CHARS = "丽芳娟敏静艳燕霞玲梅琳萍红英慧婷雪琴莉兰秀春晓颖佳蓉倩丹菊翠娜璐瑶欣怡玉"

ETHNICITY_WEIGHTS = {"汉族": 62, "彝族": 12, "白族": 5, "哈尼族": 5, "壮族": 4, "苗族": 4, "回族": 3, "傣族": 3,
                     "傈僳族": 2}
FIRST_SECRETARY_EDUCATION = {"研究生": 10, "大学本科": 70, "大学专科": 20}
TEAM_MEMBER_EDUCATION = {"研究生": 5, "大学本科": 55, "大学专科": 32, "中专": 6, "高中": 2}
# Team members: mostly party members; §4 prefers but does not require them.
TEAM_MEMBER_POLITICS = {terms.PARTY_MEMBER: 72, terms.PROBATIONARY_MEMBER: 5, terms.LEAGUE_MEMBER: 6,
                        terms.NON_PARTY: 17}

# 行政区划代码 of Yunnan: most cadres are local (the first code), some come from elsewhere in the province.
LOCAL_REGION = "530323"
OTHER_REGIONS = ("530102", "530103", "530111", "530112", "530124", "530125", "530128", "530129", "530302",
                 "530322", "530324", "530402", "530421", "530423", "530502", "530621", "530702", "530721",
                 "530802", "530902", "532301", "532501", "532502", "532601", "532801", "532901")
MOBILE_PREFIXES = ("139", "138", "137", "136", "135", "158", "159", "187", "188", "182", "150", "151", "152",
                   "157", "130", "131", "132", "155", "156", "186", "133", "153", "180", "181", "189", "199")

EARLY_END_REASONS = ("身体原因", "家庭原因", "跨县调动", "其他")


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


class DemoBuilder:
    """Builds the demo county part by part on an open, empty database, always through the services.

    Each part is one method ``_build_<part>`` with its own random stream; later parts (attendance, leave, ledger)
    are appended to ``PARTS`` and may read what earlier parts left in ``villages``, ``units`` and ``posts``.
    """

    PARTS: tuple[str, ...] = ("site", "organisation", "units", "roster", "accounts")

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

    # ------------------------------------------------------------ parts

    def _build_site(self, rng: random.Random) -> None:
        actor = setup_county_site(self.db, county_name=COUNTY, admin_username=ADMIN_USERNAME,
                                  admin_password=ADMIN_PASSWORD, admin_display_name="县委组织部管理员")
        self.ws = Workspace(self.db, actor)

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


def _transition_days() -> int:
    """§6's half-month transition, read from the default rule set (one source of truth)."""
    from .defaults import load_rule_file

    return int(load_rule_file("default.json").get("transition_days", 15))


def in_post_counts(ws: Workspace, on: date) -> dict[str, int]:
    from .roster import RosterFilter, list_roster

    counts: dict[str, int] = {}
    for entry in list_roster(ws, RosterFilter(on_date=on)):
        if entry.role:
            counts[entry.role] = counts.get(entry.role, 0) + 1
    return counts


def build_demo(db_path: str | Path, *, seed: int = DEFAULT_SEED, today: date | None = None) -> DemoSummary:
    """Create the demo county in a new database file (or one that was never set up); refuse a file with data.

    The roster's dates are fixed calendar dates (2021, 2023, 2025), so a seed gives the same county whenever it is
    built; ``today`` (default: the real date) is the day the summary counts cadres in post, and the anchor for
    parts that describe the recent past (a year of attendance, leave, ledger rows). A demo that fails half-way in
    a file it created is removed again, so that running it once more just works.
    """
    from .maintenance import check_database, remove_database_files

    started = time.perf_counter()
    path = Path(db_path)
    db = open_database(path)
    created = db.created
    done = False
    try:
        if site_is_set_up(db):
            raise ServiceError(f"数据库“{path.name}”里已经有数据，演示数据只能建在新文件里：请换一个文件名。")
        builder = DemoBuilder(db, seed=seed, today=today)
        builder.run()
        counts = check_database(db).counts
        in_post = in_post_counts(builder.workspace, builder.today)
        done = True
    finally:
        db.close()
        if created and not done:
            remove_database_files(path)
    return DemoSummary(path=db.path or path, county=COUNTY, seed=seed, counts=counts, in_post=in_post,
                       accounts=demo_accounts(), seconds=time.perf_counter() - started)


__all__ = ["DEMO_ACCOUNTS", "DemoAccount", "DemoBuilder", "DemoSummary", "build_demo", "demo_accounts"]
