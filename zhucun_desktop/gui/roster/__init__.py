"""花名册: the roster page, the person and posting dialogs, roster import, villages and dispatching units.

``RosterPage`` is loaded on first use (PEP 562), so other pages that borrow a small part (``feedback``) do not
pull in the page and its PDF and spreadsheet libraries at start.
"""

from __future__ import annotations

from typing import Any

__all__ = ["RosterPage"]


def __getattr__(name: str) -> Any:
    if name == "RosterPage":
        from .page import RosterPage

        return RosterPage
    raise AttributeError(name)
