"""花名册: the roster page, the person and posting dialogs, roster import, villages and dispatching units."""

from __future__ import annotations

from .page import RosterPage

__all__ = ["RosterPage"]
