"""How the rule layer reports bad input: a field, a Chinese message, and the rule it breaks.

DESIGN.md, "Safety of data": bad input gets a clear message naming the field and the rule. A
:class:`RuleViolation` stops one value from being accepted at all (a 身份证号 that cannot be read); a
:class:`Finding` is one result of checking a whole record, and may be a block (``"error"``) or advice
(``"warning"``, e.g. §4's preference for party members as team members).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

FULL_WIDTH_COLON = "："

Level = Literal["error", "warning"]


def _text(field: str, message: str) -> str:
    return f"{field}{FULL_WIDTH_COLON}{message}" if field else message


class RuleViolation(Exception):
    """A value breaks a rule; ``str()`` reads like the paper form's correction note, e.g.
    ``身份证号：校验码错误，应为X``.

    ``field`` is the Chinese column header the user sees, ``rule`` the item of the county's measures
    (``"§4"``) or the standard (``"GB 11643-1999"``) that the value breaks, if any.
    """

    def __init__(self, field: str, message: str, rule: str | None = None) -> None:
        # All three go to Exception.args so that the error survives pickling (worker processes, logging).
        super().__init__(field, message, rule)
        self.field = field
        self.message = message
        self.rule = rule

    def __str__(self) -> str:
        return _text(self.field, self.message)

    def to_finding(self) -> Finding:
        """The same problem as a blocking :class:`Finding`, for validators that collect rather than raise."""
        return Finding("error", self.field, self.message, self.rule)


@dataclass(frozen=True)
class Finding:
    """One problem found in a record. ``"error"`` blocks saving or importing; ``"warning"`` is shown
    and may be accepted by the user (the rule says "一般", "优先" and the like)."""

    level: Level
    field: str
    message: str
    rule: str | None = None

    @property
    def text(self) -> str:
        return _text(self.field, self.message)

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    @classmethod
    def error(cls, field: str, message: str, rule: str | None = None) -> Finding:
        return cls("error", field, message, rule)

    @classmethod
    def warning(cls, field: str, message: str, rule: str | None = None) -> Finding:
        return cls("warning", field, message, rule)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding blocks (an import with such a row imports nothing until it is fixed)."""
    return any(f.is_error for f in findings)
