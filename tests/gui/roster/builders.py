"""Builders for the roster GUI tests: valid 身份证号, places, units and cadres added through the services."""

from __future__ import annotations

from datetime import date

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.idcard import check_digit
from zhucun_desktop.services import org, roster
from zhucun_desktop.services.workspace import Workspace

FS = terms.ROLE_FIRST_SECRETARY
TM = terms.ROLE_TEAM_MEMBER


def id_number(birth: date, serial: int, region: str = "530102") -> str:
    """A valid 18-digit 身份证号; an odd serial gives 男, an even one 女."""
    body = f"{region}{birth:%Y%m%d}{serial:03d}"
    return body + check_digit(body)


def wrong_check_digit(number: str) -> str:
    """The same number with another check digit: one character mistyped."""
    last = number[-1]
    return number[:-1] + ("1" if last != "1" else "2")


def township(ws: Workspace, name: str = "东风镇") -> str:
    found = next((t.uuid for t in org.list_townships(ws) if t.name == name), None)
    return found or org.save_township(ws, name)


def village(ws: Workspace, township_name: str = "东风镇", name: str = "大坪村") -> str:
    t = township(ws, township_name)
    found = next((v.uuid for v in org.list_villages(ws, t) if v.name == name), None)
    return found or org.save_village(ws, t, name, ["脱贫村"])


def unit(ws: Workspace, name: str = "县财政局") -> str:
    found = next((u.uuid for u in org.list_units(ws) if u.name == name), None)
    return found or org.save_unit(ws, name, kind="县直机关")


def add_cadre(ws: Workspace, name: str, serial: int, *, role: str = FS, township_name: str = "东风镇",
              village_name: str = "大坪村", unit_name: str = "县财政局", start: date = date(2024, 3, 1),
              political: str = "中共党员", phone: str = "13987654321", batch: str | None = "第十批",
              birth: date = date(1985, 3, 12)) -> str:
    """A cadre in post; returns the person's uuid."""
    person = roster.save_person(ws, {
        "name": name, "id_number": id_number(birth, serial), "political_status": political,
        "party_join_date": date(2008, 6, 1) if political == "中共党员" else None,
        "work_start_date": date(2008, 7, 1), "staffing": "在编在岗", "unit_uuid": unit(ws, unit_name),
        "ethnicity": "汉族", "education": "大学本科", "position": "四级主任科员", "phone": phone,
    }, accept_warnings=True).uuid
    roster.add_posting(ws, person, village_uuid=village(ws, township_name, village_name), role=role,
                       start_date=start, batch=batch, accept_warnings=True)
    return person


def ime_type(widget, text: str) -> None:
    """Type Chinese the way a clerk does: an input method commits the characters (QTest only types ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
