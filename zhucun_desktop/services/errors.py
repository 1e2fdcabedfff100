"""Errors a service raises for the user to read (Chinese), as opposed to bugs."""

from __future__ import annotations

from collections.abc import Iterable


class ServiceError(Exception):
    """A refusal the user can act on; `str()` is the Chinese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ValidationFailed(ServiceError):
    """One or more rule findings block the change. `findings` keep field and rule for the form to show."""

    def __init__(self, findings: Iterable, prefix: str = "") -> None:
        self.findings = list(findings)
        lines = [f.text for f in self.findings]
        super().__init__((prefix + "\n" if prefix else "") + "\n".join(lines))


class AuthError(ServiceError):
    pass
