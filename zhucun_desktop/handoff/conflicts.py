"""待处理的冲突: rows an import kept aside. Nothing is ever dropped: a reviewer either merges them again once the
cause is gone (the missing person arrived with a later package) or closes them, keeping this database's record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..domain import terms
from ..services.errors import NotFound, ServiceError
from ..storage.base import utcnow
from ..storage.models import AuditEntry, Conflict, PackageLog, Site
from .merge import apply_plans, plan_merge
from .sites import short_name
from .tables import label


@dataclass(frozen=True)
class ConflictView:
    id: int
    package_id: str
    source_name: str
    sequence: int | None
    table: str
    table_label: str
    record_uuid: str
    reason: str
    incoming: dict[str, Any]
    resolved: bool
    at: datetime


def list_conflicts(ws: Any, *, include_resolved: bool = False) -> list[ConflictView]:
    with ws.read() as s:
        names = {x.site_id: short_name(s, x) for x in s.scalars(select(Site))}
        q = (select(Conflict, PackageLog.peer_site, PackageLog.sequence)
             .join(PackageLog, PackageLog.package_id == Conflict.package_id, isouter=True).order_by(Conflict.id))
        if not include_resolved:
            q = q.where(Conflict.resolved.is_(False))
        return [ConflictView(c.id, c.package_id, names.get(peer or "", ""), seq, c.table_name,
                             label(c.table_name), c.record_uuid, c.reason, dict(c.incoming), c.resolved, c.at)
                for c, peer, seq in s.execute(q)]


def dismiss_conflict(ws: Any, conflict_id: int, note: str = "") -> None:
    """保留本机记录: close the conflict; the incoming row stays in the log for the record."""
    with ws.transaction("处理冲突（保留本机记录）") as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise NotFound("冲突记录不存在。")
        if c.resolved:
            raise ServiceError("这条冲突已经处理过。")
        c.resolved = True
        if note.strip():
            c.reason = f"{c.reason}（处理意见：{note.strip()}）"[:300]


@dataclass(frozen=True)
class RetryResult:
    merged: int
    still: int


def retry_conflicts(ws: Any, ids: list[int] | None = None) -> RetryResult:
    """重新合并: try the kept rows again under the same rules, package by package, in one transaction."""
    merged = still = 0
    with ws.transaction("重新合并冲突记录", merging=True) as s:
        q = select(Conflict).where(Conflict.resolved.is_(False)).order_by(Conflict.id)
        if ids is not None:
            q = q.where(Conflict.id.in_(ids))
        groups: dict[str, list[Conflict]] = {}
        for c in s.scalars(q):
            groups.setdefault(c.package_id, []).append(c)
        names = {x.site_id: short_name(s, x) for x in s.scalars(select(Site))}
        cur = s.connection().connection.driver_connection.cursor()
        for package_id, conflicts in groups.items():
            log = s.get(PackageLog, package_id)
            source = s.get(Site, log.peer_site) if log is not None else None
            if source is None:
                still += len(conflicts)
                continue
            township = source.township_uuid if source.kind == terms.SITE_KIND_TOWNSHIP else None
            tables: dict[str, dict[str, Any]] = {}
            mine: dict[tuple[str, str], Conflict] = {}
            for c in conflicts:
                if "uuid" not in c.incoming:
                    still += 1
                    continue
                part = tables.setdefault(c.table_name, {"columns": list(c.incoming), "rows": []})
                if list(c.incoming) != part["columns"]:
                    still += 1
                    continue
                part["rows"].append(list(c.incoming.values()))
                mine[(c.table_name, c.record_uuid)] = c
            plans = plan_merge(cur, tables, allowed_origins={source.site_id}, township_uuid=township,
                               origin_names=names)
            apply_plans(cur, plans)
            again = {(r.table, r.record_uuid): r.reason for p in plans.values() for r in p.rejected}
            for key, c in mine.items():
                if key in again:
                    c.reason = again[key][:300]
                    still += 1
                else:
                    c.resolved = True
                    merged += 1
        s.add(AuditEntry(at=utcnow(), actor=ws.actor.username, action="重新合并冲突记录", table_name="conflicts",
                         summary=f"重新合并：成功{merged}条，仍有冲突{still}条"))
    return RetryResult(merged, still)
