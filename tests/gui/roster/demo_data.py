"""A realistic county for the screenshots: three townships, their villages, cadres from eight county bodies,
two batches, a few ended postings — or the program's own demo database when `services.demo` exists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.gui.roster.builders import FS, TM, id_number, unit, village
from zhucun_desktop.services import roster
from zhucun_desktop.services.workspace import Workspace

PLACES = {
    "东风镇": ("大坪村", "小河村", "新田村", "石门村"),
    "红旗乡": ("红星村", "柏杨村", "中和村"),
    "青山镇": ("青龙村", "白岩村", "马鞍村"),
}
UNITS = ("县财政局", "县农业农村局", "县人力资源和社会保障局", "国网县供电公司", "县人民医院", "县自然资源局",
         "县教育体育局", "县水务局")
NAMES = ("王建国", "李明", "赵丽", "陈刚", "刘洋", "杨帆", "黄海涛", "周敏", "吴俊杰", "徐静", "孙立新", "胡晓燕",
         "朱文博", "高峰", "林小雨", "何志强", "郭婷", "马学军", "罗丹", "梁振华", "宋佳", "郑伟", "谢春花", "韩磊",
         "唐晓东", "冯雪", "董建军", "萧红梅", "程亮", "曹玉兰", "欧阳明", "阿依古丽·买买提")
POSITIONS = ("四级主任科员", "一级科员", "副科长", "二级主任科员", "科员", "专业技术十级", "副主任", "办公室主任")


def build_county(ws: Workspace) -> int:
    """About thirty cadres: a first secretary and one or two team members per village; returns the count."""
    n = 0
    for t_index, (township_name, villages) in enumerate(PLACES.items()):
        for v_index, village_name in enumerate(villages):
            v = village(ws, township_name, village_name)
            team = 3 if (t_index + v_index) % 2 == 0 else 2
            for member in range(team):
                name = NAMES[n % len(NAMES)]
                role = FS if member == 0 else TM
                birth = date(1978 + (n * 7) % 20, 1 + n % 12, 1 + (n * 3) % 27)
                political = "群众" if n % 9 == 4 else ("中共预备党员" if n % 11 == 6 else "中共党员")
                if role == FS:
                    political = "中共党员"
                person = roster.save_person(ws, {
                    "name": name, "id_number": id_number(birth, 100 + n), "political_status": political,
                    "party_join_date": date(2003 + n % 15, 1 + n % 12, 1) if political != "群众" else None,
                    "work_start_date": date(2001 + n % 15, 7, 1), "staffing": "在编在岗",
                    "unit_uuid": unit(ws, UNITS[n % len(UNITS)]), "ethnicity": "维吾尔族" if "·" in name else "汉族",
                    "education": "大学本科" if n % 4 else "研究生", "position": POSITIONS[n % len(POSITIONS)],
                    "phone": f"139{87650000 + n * 137:08d}"}, accept_warnings=True).uuid
                start = date(2024, 3, 1) if n % 5 else date(2023, 9, 1)
                batch = "第十批" if start.year == 2024 else "第九批"
                posting = roster.add_posting(ws, person, village_uuid=v, role=role, start_date=start, batch=batch,
                                             accept_warnings=True).uuid
                if n % 13 == 12:
                    roster.end_posting(ws, posting, date(2025, 4, 30), "身体原因")
                n += 1
    return n


def open_demo(tmp_path: Path) -> Workspace | None:
    """The program's demo database as a county administrator, if `services.demo` is there."""
    try:
        from zhucun_desktop.services import demo
    except ImportError:
        return None
    from zhucun_desktop.domain import terms
    from zhucun_desktop.services.accounts import authenticate
    from zhucun_desktop.storage.database import open_database

    path = tmp_path / "demo.db"
    demo.build_demo(path, seed=2026)
    db = open_database(path)
    admin = next(a for a in demo.demo_accounts() if a.role == terms.USER_ROLE_COUNTY_ADMIN)
    return Workspace(db, authenticate(db, admin.username, admin.password))
