"""导入数据包: verify the signature → decrypt → validate every row → preview → backup → apply in one transaction
(the carried evidence files checked against their rows and written into the store just before it commits, see
``files``) → record the package. The same package twice changes nothing and says so; a gap in sequence numbers is reported
and the package still applies; a package arriving after a later one (迟到) fills its gap without conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from ..domain import terms
from ..services.errors import PermissionDenied
from ..storage.base import utcnow
from ..storage.migrate import is_known_revision
from ..storage.models import AuditEntry, PackageLog, Site
from . import package as pkg
from .crypto import SiteKeys
from .files import IncomingFiles, plan_files, write_files
from .merge import CONFLICT_SQL, Rejection, TablePlan, apply_plans, conflict_rows, plan_merge
from .sites import self_site, short_name
from .tables import label

SQLITE_STAMP = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class Receipt:
    """回执: what the receiving side took in, carried back to the sender in the next package."""

    package_id: str
    sequence: int
    payload_hash: str
    counts: dict[str, int]
    received_at: datetime


@dataclass
class ImportPreview:
    """预览: per table 新增 / 更新 / 未变 / 拒绝 (with reasons), before anything is written."""

    path: Path
    package_id: str
    sequence: int
    source_site_id: str
    source_name: str
    destination_name: str
    created_at: str
    period_from: str | None
    period_to: str | None
    tables: list[TablePlan] = field(default_factory=list)
    missing_sequences: list[int] = field(default_factory=list)
    late: bool = False
    already_imported_at: datetime | None = None
    acknowledges: list[int] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    receipts: list[dict[str, Any]] = field(default_factory=list)
    files: IncomingFiles = field(default_factory=IncomingFiles)

    @property
    def rejections(self) -> list[Rejection]:
        return [r for t in self.tables for r in t.rejected]

    def totals(self) -> dict[str, int]:
        out = {"new": 0, "updated": 0, "unchanged": 0, "rejected": 0}
        for t in self.tables:
            for k, v in t.counts().items():
                out[k] += v
        return out

    def gap_text(self) -> str | None:
        if not self.missing_sequences:
            return None
        return "缺少第" + "、".join(str(n) for n in self.missing_sequences) + "号数据包"

    def lines(self) -> list[str]:
        """The preview as the CLI prints it and the dialog shows it."""
        out = [f"第{self.sequence}号数据包：{self.source_name} → {self.destination_name}"]
        if self.already_imported_at is not None:
            out.append(already_text(self.already_imported_at))
            return out
        for t in self.tables:
            c = t.counts()
            out.append(f"  {t.label}：新增{c['new']} 更新{c['updated']} 未变{c['unchanged']} 拒绝{c['rejected']}")
        for r in self.rejections:
            out.append(f"  拒绝 {label(r.table)} {r.record_uuid}：{r.reason}")
        out.extend(self.files.lines())
        gap = self.gap_text()
        if gap:
            out.append(f"提示：{gap}（之前的数据包可能没有导入），本数据包仍可导入。")
        out.extend(f"提示：{n}" for n in self.notices)
        return out


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    applied: bool
    message: str
    backup_path: str | None = None
    receipt: Receipt | None = None


def already_text(at: datetime) -> str:
    return f"该数据包已于{local(at):%Y-%m-%d %H:%M}导入过，未作任何更改。"


def local(at: datetime) -> datetime:
    from datetime import timezone

    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


@dataclass
class _Inbound:
    raw: pkg.RawPackage
    payload: dict[str, Any]
    preview: ImportPreview
    allowed: set[str]
    township_uuid: str | None
    names: dict[str, str]
    carried: dict[str, bytes] = field(default_factory=dict)  # evidence files by the SHA-256 they claim


def _refuse(chinese: str, english: str) -> pkg.PackageError:
    return pkg.PackageError(chinese, english)


def _open(ws: Any, keys: SiteKeys, path: str | Path) -> _Inbound:
    raw = pkg.read_file(path)
    m = raw.manifest
    if m.get("kind") != "data":
        raise _refuse("这是乡镇配置包，不是数据包：请在新安装的乡镇电脑上用它初始化。", "this is a set-up package")
    if not isinstance(m.get("schema_revision"), str) or not is_known_revision(m["schema_revision"]):
        raise _refuse("这个数据包来自更新版本的程序（数据库结构更新），请先升级本程序再导入。",
                      "the package is from a newer database schema")
    with ws.read() as s:
        me = self_site(s)
        source_id = (m.get("source") or {}).get("site_id")
        dest_id = (m.get("destination") or {}).get("site_id")
        if m.get("county_uuid") != me.county_uuid:
            raise _refuse("这个数据包来自其他县，不能导入。", "the package is from another county")
        if source_id == me.site_id:
            raise _refuse("这是本单位自己导出的数据包，应当拿到对方的电脑上导入。", "this site's own package")
        if dest_id != me.site_id:
            name = (m.get("destination") or {}).get("name", "")
            raise _refuse(f"这个数据包是发给“{name}”的，不是发给本单位（{short_name(s, me)}）的，不能导入。",
                          "the package is addressed to another site")
        source = s.get(Site, source_id) if isinstance(source_id, str) else None
        if source is None or source.is_self or source.kind == me.kind or not source.sign_public_key:
            name = (m.get("source") or {}).get("name", "")
            raise _refuse(f"发送单位“{name}”没有在本机登记（未由本县制作配置包），不能导入。",
                          "unknown source site")
        source_name = short_name(s, source)
        pkg.verify(raw, source.sign_public_key, source_name)
        payload = pkg.decrypt(raw, keys)
        carried = pkg.decrypt_files(raw, keys)
        seen = {p.sequence: p for p in s.scalars(select(PackageLog).where(
            PackageLog.peer_site == source.site_id, PackageLog.direction == "in"))}
        same = s.get(PackageLog, m["package_id"])
        names = {site.site_id: short_name(s, site) for site in s.scalars(select(Site))}
        township = source.township_uuid if source.kind == terms.SITE_KIND_TOWNSHIP else None
        me_name = short_name(s, me)
    seq = int(m.get("sequence", 0))
    preview = ImportPreview(Path(path), m["package_id"], seq, source.site_id, source_name, me_name,
                            m.get("created_at", ""), (m.get("period") or {}).get("from"),
                            (m.get("period") or {}).get("to"))
    preview.receipts = list(payload.get("receipts") or [])
    if same is not None:
        preview.already_imported_at = same.at
    else:
        top = max([seq, *seen])
        preview.missing_sequences = [n for n in range(1, top + 1) if n not in seen and n != seq]
        preview.late = bool(seen) and seq < max(seen)
        if preview.late:
            preview.notices.append(f"这是迟到的第{seq}号数据包（已导入过第{max(seen)}号），其中较旧的记录不会覆盖较新的。")
        if seq in seen:
            preview.notices.append(f"第{seq}号数据包此前已导入过另一份文件（可能是重新导出的），本次按记录版本合并。")
    return _Inbound(raw, payload, preview, {source.site_id}, township, names, carried)


def _plan(cur: Any, inbound: _Inbound) -> dict[str, TablePlan]:
    return plan_merge(cur, inbound.payload.get("tables", {}), allowed_origins=inbound.allowed,
                      late=inbound.preview.late, township_uuid=inbound.township_uuid, origin_names=inbound.names)


def _require_importer(ws: Any) -> None:
    if not ws.actor.can_write:
        raise PermissionDenied("当前账号为“县级查看”，不能导入数据包。")
    if ws.is_county_site and not ws.actor.is_county:
        raise PermissionDenied("只有县委组织部的账号可以向县级数据库导入数据包。")


def preview_package(ws: Any, keys: SiteKeys, path: str | Path) -> ImportPreview:
    """Everything the import would do, per table, with every rejected row and its reason; writes nothing."""
    _require_importer(ws)
    inbound = _open(ws, keys, path)
    if inbound.preview.already_imported_at is None:
        with ws.read() as s:
            cur = s.connection().connection.driver_connection.cursor()
            inbound.preview.tables = list(_plan(cur, inbound).values())
            inbound.preview.acknowledges = _acknowledged(s, inbound, apply=False)
        inbound.preview.files = plan_files(ws, inbound.payload.get("tables", {}), inbound.carried)
    return inbound.preview


def _acknowledged(s: Any, inbound: _Inbound, *, apply: bool) -> list[int]:
    """Our packages to the source that its receipts confirm (package id and payload hash must both match)."""
    mine = {p.package_id: p for p in s.scalars(select(PackageLog).where(
        PackageLog.peer_site == inbound.preview.source_site_id, PackageLog.direction == "out"))}
    hits = [mine[r["package_id"]] for r in inbound.preview.receipts
            if isinstance(r, dict) and r.get("package_id") in mine
            and mine[r["package_id"]].payload_hash == r.get("payload_hash")]
    if apply and hits:
        s.execute(update(PackageLog).where(PackageLog.package_id.in_([p.package_id for p in hits]))
                  .values(acknowledged=True))
    return sorted(p.sequence for p in hits)


def record_inbound(s: Any, ws: Any, inbound: _Inbound, plans: dict[str, TablePlan], now: datetime,
                   file_name: str) -> None:
    """The package log row (idempotence, gaps, receipts) and the one audit summary row of the import."""
    m = inbound.raw.manifest
    result = {t: p.counts() for t, p in plans.items()}
    counts = {"received": m.get("counts", {}), "result": result, "period_from": inbound.preview.period_from,
              "period_to": inbound.preview.period_to, "source_name": inbound.preview.source_name,
              "file": file_name}
    s.execute(insert(PackageLog).values(package_id=m["package_id"], direction="in",
                                        peer_site=inbound.preview.source_site_id, sequence=inbound.preview.sequence,
                                        payload_hash=m["payload_sha256"], counts=counts, at=now, acknowledged=False))
    totals = inbound.preview.totals()
    summary = (f"导入第{inbound.preview.sequence}号数据包（来自{inbound.preview.source_name}）：新增{totals['new']}、"
               f"更新{totals['updated']}、未变{totals['unchanged']}、拒绝{totals['rejected']}")
    s.add(AuditEntry(at=now, actor=ws.actor.username, action="导入数据包", table_name="package_log",
                     record_uuid=m["package_id"], summary=summary[:300], before=None,
                     after={"source": inbound.preview.source_name, "sequence": inbound.preview.sequence,
                            "file": file_name, "counts": result}))


def import_package(ws: Any, keys: SiteKeys, path: str | Path, *, dry_run: bool = False,
                   backup: bool = True) -> ImportResult:
    """Apply a package (one transaction after a backup); with ``dry_run`` only preview it."""
    _require_importer(ws)
    inbound = _open(ws, keys, path)
    preview = inbound.preview
    if preview.already_imported_at is not None:
        return ImportResult(preview, False, already_text(preview.already_imported_at))
    if dry_run:
        preview = preview_package(ws, keys, path)
        return ImportResult(preview, False, "预览完毕，数据库未改动。")
    backup_path = ws.backup_before("import") if backup else None
    now = utcnow()
    with ws.transaction("导入数据包", merging=True) as s:
        if s.get(PackageLog, preview.package_id) is not None:  # imported meanwhile by another window
            return ImportResult(preview, False, already_text(s.get(PackageLog, preview.package_id).at))
        cur = s.connection().connection.driver_connection.cursor()
        plans = _plan(cur, inbound)
        preview.tables = list(plans.values())
        apply_plans(cur, plans)
        conflicts = conflict_rows(preview.package_id, plans, now.strftime(SQLITE_STAMP))
        preview.files = plan_files(ws, inbound.payload.get("tables", {}), inbound.carried)
        conflicts += [r.conflict_row(preview.package_id, now.strftime(SQLITE_STAMP)) for r in preview.files.refused]
        write_files(preview.files)  # before the commit: see files.py
        if conflicts:
            cur.executemany(CONFLICT_SQL, conflicts)
        preview.acknowledges = _acknowledged(s, inbound, apply=True)
        record_inbound(s, ws, inbound, plans, now, Path(path).name)
    totals = preview.totals()
    receipt = Receipt(preview.package_id, preview.sequence, inbound.raw.manifest["payload_sha256"],
                      {t.table: len(t.write) + t.unchanged for t in preview.tables}, now)
    message = (f"已导入第{preview.sequence}号数据包（来自{preview.source_name}）：新增{totals['new']}条，"
               f"更新{totals['updated']}条，未变{totals['unchanged']}条")
    if preview.files.write:
        message += f"，佐证材料文件{len(preview.files.write)}份"
    if totals["rejected"]:
        message += f"，{totals['rejected']}条未能合并，已放入“待处理的冲突”，请核对"
    if preview.files.refused:
        message += f"，{len(preview.files.refused)}份佐证材料文件与记录不符，未保存，已放入“待处理的冲突”"
    message += "。"
    gap = preview.gap_text()
    if gap:
        message += f"注意：{gap}。"
    return ImportResult(preview, True, message, backup_path, receipt)


def import_many(ws: Any, keys: SiteKeys, paths: list[str | Path]) -> list[ImportResult | pkg.PackageError]:
    """A folder of packages (every township's stick copied in): one backup first, then each package in its own
    transaction, in the order given; a refused package is reported in its place, the rest go on."""
    _require_importer(ws)
    ws.backup_before("import")
    out: list[ImportResult | pkg.PackageError] = []
    for path in paths:
        try:
            out.append(import_package(ws, keys, path, backup=False))
        except pkg.PackageError as exc:
            out.append(exc)
    return out
