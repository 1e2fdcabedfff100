"""The demo county's fixed facts: its name, townships, batches, the accounts every demo database has, and the
summary ``zhucun demo`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...domain import terms

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
    """What was built: the table counts of ``maintenance.check_database``, cadres in post, the months of
    attendance and the accounts."""

    path: Path
    county: str
    seed: int
    counts: dict[str, int]
    in_post: dict[str, int]
    accounts: tuple[DemoAccount, ...]
    seconds: float
    attendance_months: tuple[str, ...] = ()  # YYYY-MM, oldest first

    def lines(self) -> list[str]:
        c = self.counts
        fs = self.in_post.get(terms.ROLE_FIRST_SECRETARY, 0)
        tm = self.in_post.get(terms.ROLE_TEAM_MEMBER, 0)
        out = [
            f"县：{self.county}（随机种子 {self.seed}，用时 {self.seconds:.1f} 秒）",
            f"乡镇 {c.get('townships', 0)} 个，村 {c.get('villages', 0)} 个，派出单位 {c.get('dispatch_units', 0)} 个",
            (f"驻村干部 {c.get('persons', 0)} 人，驻村记录 {c.get('postings', 0)} 条"
             f"（目前在岗：驻村第一书记 {fs} 人，工作队员 {tm} 人）"),
        ]
        if self.attendance_months:
            months = "、".join(f"{int(m[:4])}年{int(m[5:])}月" for m in self.attendance_months)
            out.append(f"考勤登记 {c.get('attendance_days', 0)} 条（{months}）")
        out.append("账号（用户名 / 密码）：")
        out += [f"  {a.username} / {a.password}（{a.label}）" for a in self.accounts]
        return out
