"""Rule sets (规则版本): the county's thresholds and approval chains as versioned data (DOMAIN.md "Rule sets").

The county administrator edits the rules in the GUI, never in code. Every save stores a NEW version (number one
higher than any before) and makes it the active one; old versions are kept, because each leave request keeps the
version it was submitted under (``LeaveRequest.rule_set_uuid`` / ``rule_set_number`` and its chain snapshot), so
a later change never alters a request already on its way. Rule sets are county-owned records: they are changed
only at the county site, by the county administrator, and reach the townships with the USB hand-off.

Shipped presets (``resources/rules``): ``default`` (the county's measures, §8: ≤3 / 4–5 / ≥6 days) and
``programme_003`` (003's programme: ≤3 days the township, >3 days the county org dept).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.duties import duty_rules_problems
from ..domain.errors import Finding
from ..domain.leave_rules import FIELD_RULES, RULE, LeaveRules, leave_rules_problems
from ..storage.models import RuleSet
from .defaults import load_rule_file
from .errors import NotFound, PermissionDenied, ValidationFailed
from .workspace import Workspace

PRESETS = {"default": "default.json", "programme_003": "programme_003.json"}
PRESET_LABELS = {"default": "县驻村管理若干措施（默认）", "programme_003": "选派年轻干部第一书记方案（003）"}
NAME_MAX = 100


@dataclass(frozen=True)
class RuleSetView:
    """One version of the rules. ``uuid`` is None only for the built-in default used when a database has no
    rule set at all (never the case after set-up)."""

    uuid: str | None
    name: str
    number: int
    active: bool
    leave: LeaveRules
    data: dict[str, Any]
    updated_at: datetime | None = None

    @property
    def label(self) -> str:
        """How forms and lists name the version: ``XX县……（第2版）``."""
        return f"{self.name}（第{self.number}版）"


def _view(row: RuleSet) -> RuleSetView:
    data = dict(row.data or {})
    return RuleSetView(row.uuid, row.name, row.number, bool(row.active), leave_rules_of(data), data,
                       row.updated_at)


def leave_rules_of(data: dict[str, Any]) -> LeaveRules:
    """The §8 part of a stored rule set; a version stored before it was validated falls back to the default
    file's leave section rather than stopping every leave screen."""
    section = (data or {}).get("leave")
    if section is not None and not leave_rules_problems(section):
        return LeaveRules.from_dict(section)
    return LeaveRules.from_dict(load_rule_file(PRESETS["default"])["leave"])


def _builtin() -> RuleSetView:
    data = load_rule_file(PRESETS["default"])
    return RuleSetView(None, data["name"], 0, True, LeaveRules.from_dict(data["leave"]), data)


def active_row(s: Session) -> RuleSet | None:
    return s.scalars(select(RuleSet).where(RuleSet.active.is_(True), RuleSet.deleted.is_(False))
                     .order_by(RuleSet.number.desc())).first()


def active_in_session(s: Session) -> RuleSetView:
    row = active_row(s)
    return _view(row) if row is not None else _builtin()


def rule_set_by_uuid(s: Session, uuid: str | None) -> RuleSetView | None:
    row = s.get(RuleSet, uuid) if uuid else None
    return _view(row) if row is not None else None


def active_rule_set(ws: Workspace) -> RuleSetView:
    """The version new requests are submitted under."""
    with ws.read() as s:
        return active_in_session(s)


def list_rule_sets(ws: Workspace) -> list[RuleSetView]:
    """Every stored version, newest first."""
    with ws.read() as s:
        rows = s.scalars(select(RuleSet).where(RuleSet.deleted.is_(False)).order_by(RuleSet.number.desc()))
        return [_view(r) for r in rows]


def _require_county_admin(ws: Workspace) -> None:
    ws.require_admin()
    if not ws.is_county_site:
        raise PermissionDenied("规则由县委组织部统一制定，只能在县委组织部的电脑上修改，随数据交换下发到乡镇。")


def rule_set_problems(name: str, data: Any) -> list[str]:
    """Everything wrong with a rule set before it may be stored, in Chinese."""
    problems = []
    if not (name or "").strip():
        problems.append("规则名称：不能为空")
    elif len(name.strip()) > NAME_MAX:
        problems.append(f"规则名称：不能超过{NAME_MAX}个字")
    if not isinstance(data, dict):
        return problems + ["规则内容应为一组设置（JSON对象）"]
    problems.extend(leave_rules_problems(data.get("leave")))
    attendance = data.get("attendance")
    if attendance is not None:
        n = attendance.get("due_working_day_of_next_month") if isinstance(attendance, dict) else None
        if not (isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 20):
            problems.append("考勤表报送期限（次月第几个工作日，§7）应为1至20的整数")
    if "duties" in data:
        problems.extend(duty_rules_problems(data["duties"]))
    return problems


def save_rule_set(ws: Workspace, name: str, data: dict[str, Any]) -> RuleSetView:
    """另存为新版本并启用: validate, store as the next version number, make it the only active one."""
    _require_county_admin(ws)
    problems = rule_set_problems(name, data)
    if problems:
        raise ValidationFailed([Finding.error(FIELD_RULES, p, RULE) for p in problems],
                               "规则没有保存：")
    stored = dict(data)
    stored["name"] = name.strip()
    with ws.transaction("保存规则版本") as s:
        number = (s.scalar(select(func.max(RuleSet.number))) or 0) + 1
        for row in s.scalars(select(RuleSet).where(RuleSet.active.is_(True))):
            row.active = False
        row = RuleSet(name=name.strip(), number=number, active=True, data=stored)
        s.add(row)
        s.flush()
        return _view(row)


def activate_rule_set(ws: Workspace, uuid: str) -> None:
    """启用 an older (or newer) version; requests already submitted keep theirs."""
    _require_county_admin(ws)
    with ws.transaction("启用规则版本") as s:
        target = s.get(RuleSet, uuid)
        if target is None or target.deleted:
            raise NotFound("规则版本不存在或已删除。")
        if leave_rules_problems((target.data or {}).get("leave")):
            raise ValidationFailed([Finding.error(FIELD_RULES, p, RULE)
                                    for p in leave_rules_problems((target.data or {}).get("leave"))],
                                   f"“{target.name}”第{target.number}版的规则不完整，不能启用：")
        for row in s.scalars(select(RuleSet).where(RuleSet.active.is_(True))):
            if row.uuid != uuid:
                row.active = False
        if not target.active:
            target.active = True


def install_preset(ws: Workspace, preset: str) -> RuleSetView:
    """Store a shipped preset as a new active version (``default`` or ``programme_003``)."""
    if preset not in PRESETS:
        raise NotFound(f"没有名为“{preset}”的预设规则，可选：{'、'.join(PRESETS)}")
    data = load_rule_file(PRESETS[preset])
    return save_rule_set(ws, data["name"], data)
