"""Realistic leave requests and a month's 请销假登记簿, as the leave service would hand them to the writers.

The four forms cover what a township prints (§8): a first secretary's short 事假 with a 工作交接人 and the
filing with the county org dept; a team member's 6-day training whose chain starts with the 驻村第一书记 and has
five more bodies (long remarks included); a request still waiting at its second step (empty boxes to sign by
hand); and one whose return (销假) has been registered.
"""

from __future__ import annotations

import html
import random
import re
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

from zhucun_desktop.reports.leave_data import LeaveBook, LeaveBookRow, LeaveForm, LeaveFormStep

PRINTED = datetime(2026, 11, 20, 15, 40)
RULE_SET = "XX县驻村管理若干措施（默认）（第1版）"
COUNTY_CHAIN = ("村党支部", "乡镇党委", "县乡村振兴局", "县委组织部", "县委分管副书记")


def personal_leave_of_first_secretary() -> LeaveForm:
    """3 days 事假 of a first secretary: 村党支部 and 乡镇党委 sign, then 报县委组织部备案; a handover person."""
    return LeaveForm(
        county="XX县", township="东风镇", village="李家湾村", name="欧阳晓峰", role="驻村第一书记",
        unit="县自然资源和规划局不动产登记中心", phone="13812345678", kind="事假",
        start=date(2026, 11, 2), end=date(2026, 11, 4), days=3, destination="四川省成都市武侯区",
        reason="母亲住院手术，需回成都陪护照料。", contact="13812345678（本人）、028-85551234（家中）",
        handover_name="李秀英",
        steps=[
            LeaveFormStep(1, "村党支部", "同意", "王德富", date(2026, 10, 30)),
            LeaveFormStep(2, "乡镇党委", "同意", "陈国强", date(2026, 10, 31), "请安排好村务，按时销假。"),
        ],
        state="已批准", file_with="县委组织部", rule_set=RULE_SET, return_due=date(2026, 11, 5),
        request_no="3f9a1c0e", filed_on=date(2026, 10, 30), printed_at=PRINTED,
    )  # fmt: skip


def training_of_team_member() -> LeaveForm:
    """6 days 参会培训 of a team member: 驻村第一书记 first, then the five bodies of the 5天以上 band."""
    steps = [
        LeaveFormStep(
            1,
            "驻村第一书记",
            "同意",
            "欧阳晓峰",
            date(2026, 11, 5),
            "村内防汛值班及产业项目验收已由第一书记和其他队员接手，同意参加培训。",
        ),
        LeaveFormStep(2, "村党支部", "同意", "王德富", date(2026, 11, 5)),
        LeaveFormStep(
            3,
            "乡镇党委",
            "同意",
            "陈国强",
            date(2026, 11, 6),
            "同意。培训期间每日通过电话或微信视频与村“两委”保持联系，村内急事由第一书记统筹处理，"
            "返村后一个工作日内向乡镇党委销假，并将培训心得报乡镇党委组织委员。",
        ),
        LeaveFormStep(4, "县乡村振兴局", "同意", "刘明", date(2026, 11, 9)),
        LeaveFormStep(
            5,
            "县委组织部",
            "同意",
            "赵文静",
            date(2026, 11, 10),
            "同意参加省委组织部、省农业农村厅联合举办的2026年度全省驻村干部乡村振兴能力提升专题培训班"
            "（第三期），培训结业证书复印件报县委组织部组织科备查。",
        ),
        LeaveFormStep(6, "县委分管副书记", "同意", "孙建华", date(2026, 11, 11)),
    ]
    return LeaveForm(
        county="XX县", township="东风镇", village="李家湾村", name="买买提·艾力", role="工作队员",
        unit="县卫生健康局疾病预防控制中心（县卫生监督所）", phone="13987654321", kind="参会培训",
        start=date(2026, 11, 16), end=date(2026, 11, 21), days=6, destination="云南省昆明市（省委党校）",
        reason="参加全省驻村干部乡村振兴能力提升专题培训班（第三期），按省委组织部通知要求全程脱产参训。",
        contact="13987654321", handover_name=None, steps=steps, state="请假中", file_with=None,
        rule_set=RULE_SET, return_due=date(2026, 11, 23), request_no="a71c04d2", filed_on=date(2026, 11, 5),
        printed_at=PRINTED,
    )  # fmt: skip


def pending_sick_leave() -> LeaveForm:
    """4 days 病假 of a team member, signed by the first secretary, waiting at step 2 (村党支部)."""
    return LeaveForm(
        county="XX县", township="红星乡", village="大河村", name="张伟", role="工作队员",
        unit="县农业农村局", phone="15012345678", kind="病假", start=date(2026, 11, 24),
        end=date(2026, 11, 27), days=4, destination="贵州省贵阳市（贵州医科大学附属医院）",
        reason="腰椎间盘突出复发，需到省医院复查治疗。", contact="15012345678",
        handover_name=None,
        steps=[
            LeaveFormStep(1, "驻村第一书记", "同意", "杨帆", date(2026, 11, 19)),
            LeaveFormStep(2, "村党支部"),
            LeaveFormStep(3, "乡镇党委"),
            LeaveFormStep(4, "县乡村振兴局"),
            LeaveFormStep(5, "县委组织部"),
        ],
        state="审批中（第2步）", file_with=None, rule_set=RULE_SET, request_no="c0e5b7d9",
        filed_on=date(2026, 11, 19), printed_at=PRINTED,
    )  # fmt: skip


def returned_annual_leave() -> LeaveForm:
    """2 days 年休假 of a first secretary, back and registered (已销假)."""
    return LeaveForm(
        county="XX县", township="红星乡", village="新华村", name="司马文轩", role="驻村第一书记",
        unit="国网XX县供电公司", phone="13700001111", kind="年休假", start=date(2026, 11, 9),
        end=date(2026, 11, 10), days=2, destination="重庆市渝中区", reason="探亲。",
        contact="13700001111", handover_name="周杰",
        steps=[
            LeaveFormStep(1, "村党支部", "同意", "何勇", date(2026, 11, 4)),
            LeaveFormStep(2, "乡镇党委", "同意", "郭艳", date(2026, 11, 5)),
        ],
        state="已销假", file_with="县委组织部", rule_set=RULE_SET, return_due=date(2026, 11, 11),
        returned_on=date(2026, 11, 10), return_registered_on=date(2026, 11, 11),
        return_note="11月10日晚返村，次日上午到乡镇党委办公室当面销假。", request_no="5d7f9a0c",
        filed_on=date(2026, 11, 3), printed_at=PRINTED,
    )  # fmt: skip


def sample_forms() -> list[LeaveForm]:
    return [
        personal_leave_of_first_secretary(),
        training_of_team_member(),
        pending_sick_leave(),
        returned_annual_leave(),
    ]


# ---- the monthly book ----
_NAMES = [
    "欧阳晓峰",
    "买买提·艾力",
    "王建国",
    "李秀英",
    "张伟",
    "刘洋",
    "陈静",
    "杨帆",
    "赵磊",
    "黄丽",
    "周杰",
    "吴娟",
    "徐明",
    "孙涛",
    "马骏",
    "朱敏",
    "胡军",
    "郭艳",
    "何勇",
    "高峰",
    "林芳",
    "罗强",
    "郑洁",
    "梁斌",
    "谢娜",
    "宋刚",
    "唐敏",
    "许浩",
    "韩雪",
    "冯超",
    "邓霞",
    "曹阳",
    "彭辉",
    "曾琳",
    "肖鹏",
    "田甜",
    "董亮",
    "袁媛",
    "潘磊",
    "阿卜杜热依木·买买提明",
]
_VILLAGES = ("李家湾村", "大河村", "新华村", "柳树村", "上坪村", "石门坎村", "青龙社区")
_KINDS = ("事假", "病假", "年休假", "出差出访", "学习考察", "参会培训")
_PLACES = (
    "四川省成都市",
    "云南省昆明市（省委党校）",
    "重庆市渝中区",
    "贵州省贵阳市（贵州医科大学附属医院）",
    "北京市（中国浦东干部学院北京教学点）",
    "本省丽江市",
)
_SIGNERS = {
    "驻村第一书记": "第一书记",
    "村党支部": "村党支部",
    "乡镇党委": "乡镇党委",
    "县乡村振兴局": "县乡村振兴局",
    "县委组织部": "县委组织部",
    "县委分管副书记": "县委分管副书记",
}


def _chain(days: int, role: str) -> list[str]:
    bodies = list(COUNTY_CHAIN[: 2 if days <= 3 else 4 if days <= 5 else 5])
    return (["驻村第一书记"] if role == "工作队员" else []) + bodies


def book_row(i: int, rnd: random.Random) -> LeaveBookRow:
    role = "驻村第一书记" if i % 4 == 0 else "工作队员"
    days = rnd.choice((1, 2, 2, 3, 3, 3, 4, 5, 6, 7))
    start = date(2026, 11, 1) + timedelta(days=rnd.randint(0, 27))
    end = start + timedelta(days=days - 1)
    approvals = "；".join(
        f"{_SIGNERS[body]} 同意 {start - timedelta(days=5 - k):%m-%d}"
        for k, body in enumerate(_chain(days, role))
    )
    due = end + timedelta(days=1 if end.weekday() < 4 else 7 - end.weekday())
    state, returned, overdue = "已销假", due, 0
    if i % 9 == 5:
        state, returned, overdue = "逾期未销假", None, rnd.randint(1, 3)
    elif i % 11 == 3:
        state, returned = "请假中", None
    elif i % 7 == 6:
        returned = end
    return LeaveBookRow(
        name=_NAMES[i % len(_NAMES)], village=_VILLAGES[i // 6 % len(_VILLAGES)], role=role,
        kind=rnd.choice(_KINDS), start=start, end=end, days=days, destination=rnd.choice(_PLACES),
        approvals=approvals, state=state, return_due=due, returned_on=returned,
        handover_name=_NAMES[(i + 3) % len(_NAMES)] if role == "驻村第一书记" else None, overdue_days=overdue,
    )  # fmt: skip


def sample_book(n: int = 40, *, township: str = "东风镇", seed: int = 5) -> LeaveBook:
    """A township's November: ``n`` requests, every 9th overdue (逾期未销假), a few still on leave."""
    rnd = random.Random(seed)
    rows = sorted((book_row(i, rnd) for i in range(n)), key=lambda r: (r.start, r.name))
    return LeaveBook(county="XX县", township=township, year=2026, month=11, rows=rows, printed_at=PRINTED)


# ---- reading printed pages back (poppler), shared by the leave report tests ----
Box = tuple[float, float, float, float, str]  # xMin, yMin, xMax, yMax (from the top), text


def page_words(path: Path) -> list[tuple[tuple[float, float], list[Box]]]:
    """Per page: its size and every word poppler finds, with its box — what a reader of the paper sees."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for width, height, body in re.findall(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.DOTALL
    ):
        words = [
            (float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', body
            )
        ]
        pages.append(((float(width), float(height)), words))
    return pages


def overlapping_words(words: list[Box], tolerance: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than ``tolerance`` points both ways (text over text)."""
    pairs = []
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > tolerance and dy > tolerance:
                pairs.append((a[4], b[4]))
    return pairs


def flat(text: str) -> str:
    """Text without any whitespace: pdf extraction breaks lines wherever a cell wraps."""
    return re.sub(r"\s+", "", text)


def save_screenshot(pdf: Path, name: str, *, dpi: int = 70) -> Path:
    """Render the first page of ``pdf`` to ``docs/screenshots/NAME.png`` (for the README) and return it."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    stem = SHOTS / name
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)  # fmt: skip
    return stem.with_suffix(".png")


SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
