"""What a new county database starts with: the attendance codes (issue: attendance) and the default rule set."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from ..storage.models import AttendanceCode, RuleSet

# (code, label, category, counts as in post)
DEFAULT_ATTENDANCE_CODES: tuple[tuple[str, str, str, bool], ...] = (
    ("√", "在岗", "在岗", True),
    ("公", "公出（出差出访/学习考察/参会培训）", "公出", True),
    ("事", "事假", "请假", False),
    ("病", "病假", "请假", False),
    ("年", "年休假", "请假", False),
    ("休", "轮休/休息日离村", "休息", False),
    ("旷", "旷工", "旷工", False),
)


def load_rule_file(name: str) -> dict[str, Any]:
    text = resources.files("zhucun_desktop").joinpath("resources", "rules", name).read_text(encoding="utf-8")
    return json.loads(text)


def install_defaults(session: Session, site_id: str) -> None:
    for i, (code, label, category, in_post) in enumerate(DEFAULT_ATTENDANCE_CODES):
        session.add(AttendanceCode(code=code, label=label, category=category, in_post=in_post, sort=i,
                                   origin_site=site_id))
    data = load_rule_file("default.json")
    session.add(RuleSet(name=data["name"], number=1, active=True, data=data, origin_site=site_id))
