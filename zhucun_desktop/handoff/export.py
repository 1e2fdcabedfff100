"""导出数据包: what this site owns and the other side has not yet acknowledged, as one signed, encrypted file.

Scope: a township sends every row it owns; the county sends to each township the rows it owns that concern that
township (``tables.township_scope``), plus every own row such a row points to (a posting brings its person), so a
township never receives a child without its parent. Watermark: rows changed since the ``period.to`` of the last
package the destination acknowledged (a receipt came back), less a safety margin; ``since`` overrides it.
Re-sending is harmless, the import is idempotent. The evidence files of the Attachment rows sent go with them,
encrypted (``files``).
"""

from __future__ import annotations

import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import __version__
from ..domain import terms
from ..services.errors import PermissionDenied, ServiceError
from ..storage.base import utcnow
from ..storage.migrate import head_revision
from ..storage.models import PackageLog, Setting, Site
from . import package as pkg
from .crypto import SiteKeys
from .files import collect_files
from .sites import peer, peer_sites, self_site, short_name
from .tables import TABLE_ORDER, TABLES, encode_value, label, township_scope, travelling_foreign_keys

SAFETY_MARGIN = timedelta(minutes=10)
SEQUENCE_FLOOR = "handoff.sequence_floor"
IN_CHUNK = 500


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_id: str
    sequence: int
    destination: str
    counts: dict[str, int]
    since: datetime | None
    receipts: int = 0
    files: int = 0  # evidence files carried
    file_bytes: int = 0
    notices: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def message(self) -> str:
        what = "、".join(f"{label(t)}{n}条" for t, n in self.counts.items()) or "没有新的变动"
        if self.files:
            what += f"，佐证材料文件{self.files}份（{max(self.file_bytes // 1024, 1)} KB）"
        notes = "".join(f"注意：{n}。" for n in self.notices)
        return (f"已写入第{self.sequence}号数据包（发往{self.destination}）：{self.path.name}；{what}。"
                f"{notes}文件已读回校验无误，可以安全拔出U盘。")


@dataclass
class Collected:
    """Rows gathered for one package: per table the columns and the JSON-ready rows."""

    tables: dict[str, tuple[list[str], list[list[Any]]]] = field(default_factory=dict)
    uuids: dict[str, set[str]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {t: len(rows) for t, (_, rows) in self.tables.items() if rows}

    def payload_tables(self) -> dict[str, Any]:
        return {t: {"columns": cols, "rows": rows} for t, (cols, rows) in self.tables.items() if rows}


def _add(out: Collected, name: str, rows: Any) -> None:
    cols = [c.name for c in TABLES[name].columns]
    have = out.tables.setdefault(name, (cols, []))[1]
    seen = out.uuids.setdefault(name, set())
    for row in rows:
        if row.uuid in seen:
            continue
        seen.add(row.uuid)
        have.append([encode_value(getattr(row, c)) for c in cols])


def collect_rows(s: Session, owner: str, *, township_uuid: str | None, since: datetime | None) -> Collected:
    """Every row owned by ``owner`` (changed since ``since``), for one township or all; with own parents."""
    out = Collected()
    for name in TABLE_ORDER:
        table = TABLES[name]
        q = select(table).where(table.c.origin_site == owner)
        if since is not None:
            q = q.where(table.c.updated_at >= since)
        if township_uuid is not None:
            where = township_scope(name, township_uuid)
            if where is not None:
                q = q.where(where)
        _add(out, name, s.execute(q))
    for name in reversed(TABLE_ORDER):  # children first, so a parent brought in brings its own parents
        cols, rows = out.tables.get(name, ([], []))
        for col, parent in travelling_foreign_keys(TABLES[name]):
            if not rows:
                break
            i = cols.index(col)
            needed = {r[i] for r in rows if r[i] is not None} - out.uuids.get(parent, set())
            ptable = TABLES[parent]
            ordered = sorted(needed)
            for k in range(0, len(ordered), IN_CHUNK):
                chunk = ordered[k:k + IN_CHUNK]
                _add(out, parent, s.execute(select(ptable).where(ptable.c.origin_site == owner,
                                                                 ptable.c.uuid.in_(chunk))))
    return out


def watermark(s: Session, destination: str) -> datetime | None:
    """The end of the newest package the destination acknowledged, less the safety margin; None: everything."""
    ends = [p.counts.get("period_to") for p in s.scalars(
        select(PackageLog).where(PackageLog.peer_site == destination, PackageLog.direction == "out",
                                 PackageLog.acknowledged.is_(True)))]
    ends = [datetime.fromisoformat(e) for e in ends if e]
    return max(ends) - SAFETY_MARGIN if ends else None


def receipts_for(s: Session, peer_site: str) -> list[dict[str, Any]]:
    """回执: every package received from ``peer_site`` (its id, number, hash and row counts)."""
    rows = s.scalars(select(PackageLog).where(PackageLog.peer_site == peer_site, PackageLog.direction == "in")
                     .order_by(PackageLog.sequence))
    return [{"package_id": p.package_id, "sequence": p.sequence, "payload_hash": p.payload_hash,
             "counts": p.counts.get("received", {}), "received_at": p.at.isoformat()} for p in rows]


def next_sequence(s: Session, destination: str) -> int:
    """Numbers run per destination; a re-issued township continues after the county's last received one."""
    last = s.scalar(select(func.max(PackageLog.sequence)).where(PackageLog.peer_site == destination,
                                                                PackageLog.direction == "out"))
    floor = s.get(Setting, SEQUENCE_FLOOR)
    start = int((floor.value or {}).get(destination, 0)) if floor is not None else 0
    return max(last or 0, start) + 1


def file_name(source: str, destination: str, sequence: int) -> str:
    return f"{source}_至_{destination}_{sequence:06d}{pkg.SUFFIX}"


def _since(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time())


def header(s: Session, me: Site, dest: Site, package_id: str, sequence: int, since: datetime | None,
           until: datetime, counts: dict[str, int], kind: str = "data") -> dict[str, Any]:
    return {
        "format": pkg.FORMAT, "format_version": pkg.FORMAT_VERSION, "kind": kind, "program_version": __version__,
        "schema_revision": head_revision(), "package_id": package_id, "created_at": utcnow().isoformat(),
        "county_uuid": me.county_uuid, "sequence": sequence,
        "source": {"site_id": me.site_id, "name": short_name(s, me), "kind": me.kind},
        "destination": {"site_id": dest.site_id, "name": short_name(s, dest), "kind": dest.kind},
        "period": {"from": since.isoformat() if since else None, "to": until.isoformat()},
        "counts": counts,
    }


def export_package(ws: Any, keys: SiteKeys, folder: str | Path, *, destination: str | None = None,
                   since: date | datetime | None = None) -> ExportResult:
    """Write one package for ``destination`` (a peer's site id; a township's only peer, the county, if None)."""
    if not ws.actor.can_write:
        raise PermissionDenied("当前账号为“县级查看”，不能导出数据包。")
    folder = Path(folder)
    with ws.read() as s:
        me = self_site(s)
        if destination is None:
            peers = peer_sites(s)
            if len(peers) != 1:
                raise ServiceError("请选择发往哪个乡镇。" if peers else "还没有可以发送的单位：请先制作乡镇配置包。")
            dest = peers[0]
        else:
            dest = peer(s, destination)
        if me.kind == terms.SITE_KIND_COUNTY and not ws.actor.is_county:
            raise ServiceError("只有县委组织部的账号可以从县级数据库导出数据包。")
        start = _since(since) if since is not None else watermark(s, dest.site_id)
        until = utcnow()
        township = dest.township_uuid if me.kind == terms.SITE_KIND_COUNTY else None
        rows = collect_rows(s, me.site_id, township_uuid=township, since=start)
        sequence = next_sequence(s, dest.site_id)
        package_id = str(uuid_mod.uuid4())
        counts = rows.counts()
        head = header(s, me, dest, package_id, sequence, start, until, counts)
        payload = {"tables": rows.payload_tables(), "receipts": receipts_for(s, dest.site_id)}
        name = file_name(short_name(s, me), short_name(s, dest), sequence)
        dest_name, box_public = short_name(s, dest), dest.box_public_key
    files = collect_files(ws, payload["tables"])
    data = pkg.build(head, payload, keys, box_public, files.content)
    target = folder / name
    pkg.write_verified(target, data, keys.sign_public)
    with ws.transaction("导出数据包") as s:
        s.add(PackageLog(package_id=package_id, direction="out", peer_site=dest.site_id, sequence=sequence,
                         payload_hash=pkg.read_raw(data).manifest["payload_sha256"],
                         counts={"tables": counts, "period_from": head["period"]["from"],
                                 "period_to": head["period"]["to"], "file": name}))
    return ExportResult(target, package_id, sequence, dest_name, counts, start, len(payload["receipts"]),
                        len(files.content), files.total, tuple(files.notices()))


def export_all(ws: Any, keys: SiteKeys, folder: str | Path, *, since: date | datetime | None = None
               ) -> list[ExportResult]:
    """One package per peer (the county's 全部乡镇)."""
    with ws.read() as s:
        ids = [p.site_id for p in peer_sites(s)]
    return [export_package(ws, keys, folder, destination=i, since=since) for i in ids]
