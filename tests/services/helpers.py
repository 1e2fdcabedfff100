"""Builders for service tests: valid ID numbers and ready-made townships, villages and units."""

from __future__ import annotations

from datetime import date

from zhucun_desktop.domain.idcard import check_digit
from zhucun_desktop.services import org


def id_number(birth: date, serial: int = 123, region: str = "530102") -> str:
    """A valid 18-digit 身份证号; an odd serial's last digit gives 男, an even one 女."""
    body = f"{region}{birth:%Y%m%d}{serial:03d}"
    return body + check_digit(body)


def place(ws, township: str = "东风镇", village: str = "大坪村") -> tuple[str, str]:
    t = next((x.uuid for x in org.list_townships(ws) if x.name == township), None)
    t = t or org.save_township(ws, township)
    v = next((x.uuid for x in org.list_villages(ws, t) if x.name == village), None)
    return t, v or org.save_village(ws, t, village, ["脱贫村"])


def unit(ws, name: str = "县财政局") -> str:
    u = next((x.uuid for x in org.list_units(ws) if x.name == name), None)
    return u or org.save_unit(ws, name, kind="县直机关")


def person_values(ws, name: str = "王建国", *, birth: date = date(1985, 3, 12), serial: int = 123,
                  political: str = "中共党员", staffing: str = "在编在岗", party: date | None = date(2008, 6, 1),
                  work: date | None = date(2008, 7, 1)) -> dict:
    return {"name": name, "id_number": id_number(birth, serial), "political_status": political,
            "party_join_date": party, "work_start_date": work, "staffing": staffing, "unit_uuid": unit(ws),
            "ethnicity": "汉族", "education": "大学本科", "position": "四级主任科员", "phone": "13987654321"}
