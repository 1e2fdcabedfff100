"""The merge of a package's rows: classify every row (新增 / 更新 / 未变 / 拒绝 with its reason), then upsert.

Rules (DESIGN.md, "Records that travel"): merge by ``uuid``; only rows owned by the sending site; a row is written
only when its ``version`` is newer than ours. Rejected, and kept as a ``Conflict`` with the incoming row, never
dropped: a value that does not fit its column, a row owned by another site, a version going backwards, a row
whose parent (person, posting, request …) is neither in the package nor here, a row that would duplicate another
record's natural key (the same 身份证号, the same person and day), a township's row about another township.

The write is bulk: one ``INSERT … ON CONFLICT(uuid) DO UPDATE … WHERE excluded.version > version`` per table in
foreign-key order, through the open transaction's DBAPI cursor, values already in SQLite's stored form.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import UniqueConstraint

from .package import PackageError
from .tables import (
    TABLE_ORDER,
    TABLES,
    UNKNOWN_PARENT,
    BadValue,
    decode_columns,
    decoders,
    label,
    travelling_foreign_keys,
)

IN_CHUNK = 500
# Page cache while merging: a year of a township's attendance updates six indexes keyed by random uuids; with
# SQLite's default 2 MB cache most of those page writes would go to disk and back.
IMPORT_CACHE_KIB = 128 * 1024
REQUIRED = ("uuid", "origin_site", "version", "updated_at", "deleted")
NEW, UPDATED, UNCHANGED = "新增", "更新", "未变"
# Rows without a township column that concern the township of the row they point to: from a township, such a
# row about another township's record is refused like a row of another township.
TOWNSHIP_VIA = {"ledger_progress": ("ledger_uuid", "ledger_rows")}


@dataclass(frozen=True)
class Rejection:
    """拒绝: one incoming row kept aside, with the reason in the words the reviewer reads."""

    table: str
    record_uuid: str
    reason: str
    incoming: dict[str, Any]


@dataclass
class TablePlan:
    table: str
    columns: list[str]
    write: list[tuple] = field(default_factory=list)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def label(self) -> str:
        return label(self.table)

    def counts(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "rejected": len(self.rejected)}


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    ordered = list(values)
    for k in range(0, len(ordered), IN_CHUNK):
        yield ordered[k:k + IN_CHUNK]


def _select_in(cur: Any, table: str, cols: str, key: str, values: Iterable[Any]) -> list[tuple]:
    out: list[tuple] = []
    for chunk in _chunks(values):
        marks = ",".join("?" * len(chunk))
        out.extend(cur.execute(f'SELECT {cols} FROM "{table}" WHERE "{key}" IN ({marks})', chunk).fetchall())
    return out


def _unique_keys(table: str) -> list[tuple[str, ...]]:
    return [tuple(c.name for c in k.columns) for k in TABLES[table].constraints
            if isinstance(k, UniqueConstraint)]


def _check_shape(tables: Any) -> None:
    if not isinstance(tables, dict):
        raise PackageError("数据包内容的结构不对，不能导入。", "malformed payload")
    for name, part in tables.items():
        if name not in TABLES:
            raise PackageError(f"数据包中有本程序不认识的数据表“{name}”，请先升级本程序。", f"unknown table {name}")
        if not isinstance(part, dict) or not isinstance(part.get("columns"), list) \
                or not isinstance(part.get("rows"), list):
            raise PackageError(f"数据包中“{label(name)}”的结构不对，不能导入。", "malformed payload")
        known = {c.name for c in TABLES[name].columns}
        unknown = [c for c in part["columns"] if c not in known]
        if unknown:
            raise PackageError(f"数据包中“{label(name)}”有本程序不认识的字段（{'、'.join(map(str, unknown))}），"
                               "请先升级本程序。", "unknown column")
        missing = [c.name for c in TABLES[name].columns if not c.nullable and c.name not in part["columns"]]
        if missing or len(set(part["columns"])) != len(part["columns"]):
            raise PackageError(f"数据包中“{label(name)}”缺少字段（{'、'.join(missing)}），不能导入。",
                               "missing column")


class _Planner:
    def __init__(self, cur: Any, *, allowed_origins: set[str], late: bool, township_uuid: str | None,
                 origin_names: dict[str, str]) -> None:
        self.cur = cur
        self.allowed = allowed_origins
        self.late = late
        self.township = township_uuid
        self.names = origin_names
        self.accepted: dict[str, set[str]] = {}
        self.exists: dict[str, dict[str, bool]] = {}
        self.townships: dict[str, dict[str, str | None]] = {}  # township of each accepted row, per table

    def _in_db(self, table: str, values: set[str]) -> None:
        cache = self.exists.setdefault(table, {})
        todo = {v for v in values if v not in cache}
        found = {r[0] for r in _select_in(self.cur, table, "uuid", "uuid", todo)}
        for v in todo:
            cache[v] = v in found

    def plan(self, name: str, part: dict[str, Any]) -> TablePlan:
        cols = list(part["columns"])
        plan = TablePlan(name, cols)
        decs = [decoders(name)[c] for c in cols]
        iu, io, iv = cols.index("uuid"), cols.index("origin_site"), cols.index("version")
        it = cols.index("township_uuid") if "township_uuid" in cols else None

        def reject(raw: Any, reason: str) -> None:
            incoming = dict(zip(cols, raw, strict=False)) if isinstance(raw, list) else {"row": raw}
            uuid = incoming.get("uuid") if isinstance(incoming.get("uuid"), str) else ""
            plan.rejected.append(Rejection(name, uuid or "", reason, incoming))

        decoded = self._fast(name, cols, part["rows"], iu, io, it)
        if decoded is None:
            decoded = self._slow(cols, decs, part["rows"], iu, io, it, reject)
        existing = {r[0]: (r[1], r[2]) for r in _select_in(self.cur, name, "uuid, version, origin_site", "uuid",
                                                           [n[iu] for _, n in decoded])}
        accepted = self.accepted.setdefault(name, set())
        candidates: list[tuple[list[Any], tuple, str]] = []
        if not existing:  # all new: the first package of a month
            candidates = [(raw, native, NEW) for raw, native in decoded]
            decoded = []
        for raw, native in decoded:
            old = existing.get(native[iu])
            if old is None:
                candidates.append((raw, native, NEW))
                continue
            version, origin = old
            if origin != native[io]:
                reject(raw, f"本机的这条记录属于“{self.names.get(origin, origin)}”，不能被覆盖")
            elif native[iv] > version:
                candidates.append((raw, native, UPDATED))
            elif native[iv] == version or self.late:
                plan.unchanged += 1
                accepted.add(native[iu])
            else:
                reject(raw, f"版本倒退：本机已是第{version}版，数据包中是第{native[iv]}版")
        candidates = self._check_parents(name, cols, candidates, reject)
        candidates = self._check_unique(name, cols, candidates, reject)
        if self.township is not None and name in TOWNSHIP_VIA:
            candidates = self._check_township_via(name, cols, candidates, reject)
        # New rows first, then updates: apply_plans writes the first plan.new rows with a plain INSERT.
        plan.write = [native for _raw, native, verdict in candidates if verdict == NEW]
        plan.new = len(plan.write)
        plan.write += [native for _raw, native, verdict in candidates if verdict != NEW]
        accepted.update(map(itemgetter(iu), plan.write))
        if it is not None:
            self.townships.setdefault(name, {}).update((n[iu], n[it]) for n in plan.write)
        plan.updated = len(plan.write) - plan.new
        return plan

    def _slow(self, cols: list[str], decs: list[Any], rows: list[Any], iu: int, io: int, it: int | None,
              reject: Any) -> list[tuple[list[Any], tuple]]:
        """Row by row, naming every bad row (the path of a package with problems)."""
        width = len(cols)
        decoded: list[tuple[list[Any], tuple]] = []
        seen: set[str] = set()
        for raw in rows:
            if not isinstance(raw, list) or len(raw) != width:
                reject(raw, "这一行的字段数目不对")
                continue
            try:
                native = tuple([d(v) for d, v in zip(decs, raw, strict=True)])
            except BadValue:
                reject(raw, self._bad_field(cols, decs, raw))
                continue
            if native[iu] in seen:
                reject(raw, "同一条记录在数据包中出现了两次")
                continue
            seen.add(native[iu])
            if native[io] not in self.allowed:
                owner = self.names.get(native[io], native[io])
                reject(raw, f"这条记录由“{owner}”建立，发送单位不能替它发送")
                continue
            if self.township is not None and it is not None and native[it] not in (None, self.township):
                reject(raw, "这条记录不属于发送单位所在的乡镇")
                continue
            decoded.append((raw, native))
        return decoded

    def _fast(self, name: str, cols: list[str], rows: list[Any], iu: int, io: int, it: int | None
              ) -> list[tuple[list[Any], tuple]] | None:
        """Column at a time when every row is sound (the common case); None sends the table down ``_slow``."""
        if set(map(type, rows)) - {list} or set(map(len, rows)) - {len(cols)}:
            return None
        natives = decode_columns(name, cols, rows)
        if natives is None:
            return None
        uuids = [n[iu] for n in natives]
        if len(set(uuids)) != len(uuids) or not {n[io] for n in natives} <= self.allowed:
            return None
        if self.township is not None and it is not None and not {n[it] for n in natives} <= {None, self.township}:
            return None
        return list(zip(rows, natives, strict=True))

    @staticmethod
    def _bad_field(cols: list[str], decs: list[Any], raw: list[Any]) -> str:
        for col, dec, value in zip(cols, decs, raw, strict=True):
            try:
                dec(value)
            except BadValue as exc:
                return f"字段 {col}：{exc}"
        return "数据有误"  # pragma: no cover - only reached when a decoder is not deterministic

    def _check_parents(self, name: str, cols: list[str], rows: list, reject: Any) -> list:
        for col, parent in travelling_foreign_keys(TABLES[name]):
            i = cols.index(col) if col in cols else None
            if i is None:
                continue
            known = self.accepted.get(parent, set())
            values = set(map(itemgetter(i), map(itemgetter(1), rows))) - known - {None}
            self._in_db(parent, values)
            cache = self.exists.get(parent, {})
            if all(map(cache.__getitem__, values)):
                continue  # every parent is known: no row to look at one by one
            kept = []
            for raw, native, verdict in rows:
                value = native[i]
                if value is None or value in known or cache.get(value):
                    kept.append((raw, native, verdict))
                else:
                    what = UNKNOWN_PARENT.get(parent, f"未知{label(parent)}")
                    reject(raw, f"{what}：{col} = {value} 在数据包和本机都找不到")
            rows = kept
        return rows

    def _check_township_via(self, name: str, cols: list[str], rows: list, reject: Any) -> list:
        col, parent = TOWNSHIP_VIA[name]
        i = cols.index(col)
        known = dict(self.townships.get(parent, {}))
        todo = {native[i] for _, native, _ in rows} - set(known)
        known.update((r[0], r[1]) for r in _select_in(self.cur, parent, "uuid, township_uuid", "uuid", todo))
        kept = []
        for raw, native, verdict in rows:
            if known.get(native[i]) != self.township:
                reject(raw, f"这条记录所属的{label(parent)}不属于发送单位所在的乡镇")
            else:
                kept.append((raw, native, verdict))
        return kept

    def _check_unique(self, name: str, cols: list[str], rows: list, reject: Any) -> list:
        for key in _unique_keys(name):
            if any(c not in cols for c in key):
                continue
            idx = [cols.index(c) for c in key]
            iu = cols.index("uuid")
            firsts = {n[idx[0]] for _, n, _ in rows if n[idx[0]] is not None}
            here: dict[tuple, str] = {}
            for r in _select_in(self.cur, name, ", ".join(['"uuid"', *(f'"{c}"' for c in key)]), key[0], firsts):
                here[tuple(r[1:])] = r[0]
            natives = list(map(itemgetter(1), rows))
            keys = list(zip(*(map(itemgetter(i), natives) for i in idx), strict=True))
            if not here and len(set(keys)) == len(keys):
                continue  # nothing here shares a key and the package has no duplicates
            kept = []
            for raw, native, verdict in rows:
                k = tuple(native[i] for i in idx)
                if any(v is None for v in k):
                    kept.append((raw, native, verdict))
                    continue
                other = here.get(k)
                if other is not None and other != native[iu]:
                    reject(raw, f"与本机已有的另一条记录重复（{'、'.join(key)}相同）")
                    continue
                here[k] = native[iu]
                kept.append((raw, native, verdict))
            rows = kept
        return rows


def plan_merge(cur: Any, tables: Any, *, allowed_origins: set[str], late: bool = False,
               township_uuid: str | None = None, origin_names: dict[str, str] | None = None
               ) -> dict[str, TablePlan]:
    """Classify every row of the payload against the database behind ``cur`` (a DBAPI cursor); writes nothing."""
    _check_shape(tables)
    planner = _Planner(cur, allowed_origins=allowed_origins, late=late, township_uuid=township_uuid,
                       origin_names=origin_names or {})
    return {name: planner.plan(name, tables[name]) for name in TABLE_ORDER if name in tables}


def insert_sql(table: str, cols: list[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in cols)
    return f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(cols))})'


def upsert_sql(table: str, cols: list[str]) -> str:
    """An insert that updates an existing row only from a higher version by the same owner."""
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "uuid")
    return (f'{insert_sql(table, cols)} ON CONFLICT("uuid") DO UPDATE SET {sets} '
            f'WHERE excluded."version" > "{table}"."version" AND excluded."origin_site" = "{table}"."origin_site"')


def apply_plans(cur: Any, plans: dict[str, TablePlan]) -> None:
    """Write every accepted row, parents first, inside the caller's transaction.

    Rows the plan found absent are written with a plain INSERT (should one exist after all, the statement fails
    and the whole import is rolled back); only updates go through the version-guarded upsert, which with foreign
    keys on costs SQLite about twice as much per row. Rows keep the package's order (a township's export lists
    them by person and day, the order of most of the indexes; sorting by uuid made the other indexes slower)."""
    cur.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    for name in TABLE_ORDER:
        plan = plans.get(name)
        if plan is None:
            continue
        if plan.new:
            cur.executemany(insert_sql(name, plan.columns), plan.write[:plan.new])
        if len(plan.write) > plan.new:
            cur.executemany(upsert_sql(name, plan.columns), plan.write[plan.new:])


def conflict_rows(package_id: str, plans: dict[str, TablePlan], at: str) -> list[tuple]:
    return [(package_id, r.table, r.record_uuid, r.reason[:300], json.dumps(r.incoming, ensure_ascii=False), 0, at)
            for plan in plans.values() for r in plan.rejected]


CONFLICT_SQL = ('INSERT INTO "conflicts" (package_id, table_name, record_uuid, reason, incoming, resolved, at) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)")
