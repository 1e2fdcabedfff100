"""请销假 (§8): the leave page, its dialogs and the rule-set editor's parts."""

from .page import LeavePage

__all__ = ["LeavePage"]
