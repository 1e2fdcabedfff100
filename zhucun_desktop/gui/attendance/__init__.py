"""考勤: the monthly attendance grid (§7), its sign-off, printing and the village placard."""

from __future__ import annotations

from .page import AttendancePage

__all__ = ["AttendancePage"]
