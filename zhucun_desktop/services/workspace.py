"""The unit of work: who acts, on which database, in one transaction with its audit rows.

Every service function opens exactly one `ws.transaction()`; the session's flush hook bumps the version of every
changed travelling record and writes an audit row (who, when, what, before/after) for every insert, update and
tombstone in the same transaction, so an audit row can never be missing or orphaned.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ..domain import terms
from ..storage.base import Travelling, new_uuid, utcnow
from ..storage.models import AuditEntry, Setting, Site
from .errors import PermissionDenied, ServiceError

AUDIT_SKIP = {"audit_log", "settings"}


@dataclass(frozen=True)
class Actor:
    """The signed-in user. A township user sees and changes only its township."""

    username: str
    display_name: str
    role: str
    township_uuid: str | None = None

    @property
    def is_county(self) -> bool:
        return self.role in (terms.USER_ROLE_COUNTY_ADMIN, terms.USER_ROLE_COUNTY_VIEWER)

    @property
    def can_write(self) -> bool:
        return self.role != terms.USER_ROLE_COUNTY_VIEWER

    @property
    def is_admin(self) -> bool:
        return self.role == terms.USER_ROLE_COUNTY_ADMIN


SYSTEM = Actor("system", "系统", terms.USER_ROLE_COUNTY_ADMIN)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


REDACTED = ("password_hash", "sealed_private_keys")


def row_dict(obj: Any) -> dict[str, Any]:
    """The column values of a mapped object, JSON-safe, secrets left out."""
    mapper = inspect(obj).mapper
    return {c.key: ("***" if c.key in REDACTED else _plain(getattr(obj, c.key))) for c in mapper.column_attrs}


def inserted_audit_rows(actor: Actor, action: str, table_name: str, rows: list[dict[str, Any]],
                        now: datetime) -> list[dict[str, Any]]:
    """The audit rows the flush hook would write for these new records, as values for a core bulk insert
    (records inserted in bulk do not pass the hook)."""
    return [{"at": now, "actor": actor.username, "action": action or "新增", "table_name": table_name,
             "record_uuid": r.get("uuid"), "summary": None, "before": None,
             "after": {k: ("***" if k in REDACTED else _plain(v)) for k, v in r.items()}} for r in rows]


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    actor: Actor = session.info.get("actor", SYSTEM)
    site_id: str | None = session.info.get("site_id")
    merging = session.info.get("merging", False)
    action = session.info.get("action", "")
    now = utcnow()
    entries: list[AuditEntry] = []
    for obj in list(session.new):
        if isinstance(obj, Travelling):
            # Column defaults apply only at INSERT; the audit row needs the identity now.
            obj.uuid = obj.uuid or new_uuid()
            obj.deleted = bool(obj.deleted)
        if isinstance(obj, Travelling) and not merging:
            if not obj.origin_site:
                obj.origin_site = site_id or ""
            obj.version = obj.version or 1
            obj.updated_at = now
        table = obj.__table__.name
        if table in AUDIT_SKIP:
            continue
        entries.append(AuditEntry(at=now, actor=actor.username, action=action or "新增", table_name=table,
                                  record_uuid=getattr(obj, "uuid", None), before=None, after=row_dict(obj)))
    for obj in list(session.dirty):
        if not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                if attr.key in REDACTED:
                    before[attr.key] = after[attr.key] = "***"
                    continue
                before[attr.key] = _plain(hist.deleted[0]) if hist.deleted else None
                after[attr.key] = _plain(hist.added[0]) if hist.added else None
        for k in ("version", "updated_at"):
            before.pop(k, None)
            after.pop(k, None)
        if not after:
            continue
        if isinstance(obj, Travelling) and not merging:
            if site_id and obj.origin_site and obj.origin_site != site_id:
                raise PermissionDenied("这条记录由其他单位（站点）建立，只能由建立它的单位修改；请联系对方。")
            obj.version = (obj.version or 0) + 1
            obj.updated_at = now
        table = obj.__table__.name
        if table in AUDIT_SKIP:
            continue
        verb = "删除" if after.get("deleted") is True else "修改"
        entries.append(AuditEntry(at=now, actor=actor.username, action=action or verb, table_name=table,
                                  record_uuid=getattr(obj, "uuid", None), before=before, after=after))
    for obj in list(session.deleted):
        table = obj.__table__.name
        if isinstance(obj, Travelling):
            raise ServiceError("程序错误：驻村数据只做删除标记，不物理删除。")
        if table in AUDIT_SKIP:
            continue
        entries.append(AuditEntry(at=now, actor=actor.username, action=action or "删除", table_name=table,
                                  record_uuid=getattr(obj, "uuid", None), before=row_dict(obj), after=None))
    for e in entries:
        session.add(e)


class Workspace:
    """A database opened by a signed-in actor; the GUI and the CLI hold one each."""

    def __init__(self, db: Any, actor: Actor) -> None:
        self.db = db
        self.actor = actor
        self._site: dict[str, Any] | None = None

    # -- site -----------------------------------------------------------------------------------------
    def site(self) -> dict[str, Any] | None:
        if self._site is None:
            with self.db.session() as s:
                site = s.scalars(select(Site).where(Site.is_self.is_(True))).first()
                if site is None:
                    return None
                self._site = {"site_id": site.site_id, "name": site.name, "kind": site.kind,
                              "county_uuid": site.county_uuid, "township_uuid": site.township_uuid}
        return self._site

    def forget_site(self) -> None:
        self._site = None

    @property
    def site_id(self) -> str | None:
        site = self.site()
        return site["site_id"] if site else None

    @property
    def is_county_site(self) -> bool:
        site = self.site()
        return bool(site and site["kind"] == terms.SITE_KIND_COUNTY)

    # -- transactions ---------------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.db.session()
        try:
            yield session
        except OperationalError as exc:
            raise _environment_error(exc) from exc
        finally:
            session.close()

    @contextmanager
    def transaction(self, action: str = "", *, merging: bool = False) -> Iterator[Session]:
        """One change = one transaction; the audit rows are flushed with it."""
        if not self.actor.can_write:
            raise PermissionDenied("当前账号为“县级查看”，只能查看，不能修改数据。")
        session = self.db.session()
        session.info.update(actor=self.actor, site_id=self.site_id, action=action, merging=merging)
        event.listen(session, "before_flush", _before_flush)
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            raise _environment_error(exc) from exc
        finally:
            session.close()

    def backup_before(self, reason: str) -> str | None:
        """A rotated backup before an import (DESIGN.md: backups before any import); None on a server database."""
        if getattr(self.db, "path", None) is None:
            return None
        return str(self.db.backup(reason))

    def require_admin(self) -> None:
        if not self.actor.is_admin:
            raise PermissionDenied("只有“县委组织部管理员”可以做这项操作。")

    def check_township(self, township_uuid: str | None) -> None:
        """A township user may touch only its own township's records."""
        if not self.actor.is_county and township_uuid != self.actor.township_uuid:
            raise PermissionDenied("乡镇账号只能查看和修改本乡镇的数据。")

    def setting(self, key: str, default: Any = None) -> Any:
        with self.read() as s:
            row = s.get(Setting, key)
            return row.value if row else default


def _environment_error(exc: OperationalError) -> Exception:
    """A locked, read-only or full database is the environment's fault: say so in Chinese."""
    from ..storage.errors import classify_operational_error

    mapped = classify_operational_error(exc)
    return mapped if mapped is not None else exc
