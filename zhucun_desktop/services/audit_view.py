"""Reading the audit log (操作日志): filtered, newest first, in batches — a county database may hold 100,000 rows.

Read-only. The log is written by ``workspace`` in the same transaction as each change; here it is only read.
Times are stored in UTC and returned in local time; date filters are local calendar days. References inside a
before/after record (乡镇, 村, 派出单位, 人员) are resolved to names for the detail view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import Select, func, select

from ..domain import terms
from ..storage.models import AuditEntry, County, DispatchUnit, Person, Township, User, Village
from .errors import NotFound, PermissionDenied
from .workspace import SYSTEM, Workspace

BATCH = 500
VERB_NEW, VERB_CHANGE, VERB_DELETE = "新增", "修改", "删除"
# Bookkeeping columns every travelling record has; the detail view leaves them out unless asked.
BOOKKEEPING = ("origin_site", "version", "updated_at")
_SUBJECT_KEYS = ("name", "username", "display_name", "title", "code", "day", "month", "year")
_REFERENCES = {"township_uuid": Township, "village_uuid": Village, "unit_uuid": DispatchUnit,
               "subject_unit_uuid": DispatchUnit, "person_uuid": Person, "subject_person_uuid": Person,
               "handover_person_uuid": Person, "successor_person_uuid": Person, "county_uuid": County}


@dataclass(frozen=True)
class AuditFilter:
    start: date | None = None  # first local day, inclusive
    end: date | None = None  # last local day, inclusive
    actor: str | None = None
    table: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # local time
    actor: str
    actor_name: str
    action: str  # the named action, e.g. 新建账号; equals the verb when the change had no name
    verb: str  # 新增 / 修改 / 删除
    table_name: str
    record_uuid: str | None
    subject: str  # the record's name (a person's, a user's) when it has one
    changed: tuple[str, ...]  # keys that changed, for a 修改
    summary: str | None  # a summary the writer stored, if any


@dataclass(frozen=True)
class FieldChange:
    key: str
    before: Any
    after: Any

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class AuditDetail:
    row: AuditRow
    fields: list[FieldChange] = field(default_factory=list)


def _display_names(s) -> dict[str, str]:
    """User name → display name; the program's own acts (initial set-up) are shown as 系统."""
    return {SYSTEM.username: SYSTEM.display_name, **dict(s.execute(select(User.username, User.display_name)).all())}


def can_read(ws: Workspace) -> bool:
    """County accounts read the whole log; on a township's own installation its leader reads it too."""
    return ws.actor.is_county or (ws.actor.role == terms.USER_ROLE_TOWNSHIP_LEADER and not ws.is_county_site)


def _require(ws: Workspace) -> None:
    if not can_read(ws):
        raise PermissionDenied("只有县委组织部的账号和乡镇领导可以查看操作日志。")


def _utc(local_day: date) -> datetime:
    """Local midnight of a day as naive UTC, the way ``AuditEntry.at`` is stored."""
    return datetime.combine(local_day, time()).astimezone().astimezone(timezone.utc).replace(tzinfo=None)


def _local(at: datetime) -> datetime:
    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def _filtered(query: Select, flt: AuditFilter) -> Select:
    if flt.start is not None:
        query = query.where(AuditEntry.at >= _utc(flt.start))
    if flt.end is not None:
        query = query.where(AuditEntry.at < _utc(flt.end + timedelta(days=1)))
    if flt.actor:
        query = query.where(AuditEntry.actor == flt.actor)
    if flt.table:
        query = query.where(AuditEntry.table_name == flt.table)
    return query


def count_entries(ws: Workspace, flt: AuditFilter | None = None) -> int:
    _require(ws)
    with ws.read() as s:
        return s.scalar(_filtered(select(func.count(AuditEntry.id)), flt or AuditFilter())) or 0


def _verb(entry: AuditEntry) -> str:
    if entry.before is None:
        return VERB_NEW
    if entry.after is None or (entry.after or {}).get("deleted") is True:
        return VERB_DELETE
    return VERB_CHANGE


def _subject(entry: AuditEntry, person_names: dict[str, str]) -> str:
    for record in (entry.after or {}, entry.before or {}):
        for key in _SUBJECT_KEYS:
            if record.get(key):
                return str(record[key])
        if record.get("person_uuid") in person_names:
            return person_names[record["person_uuid"]]
    return ""


def _row(entry: AuditEntry, users: dict[str, str], person_names: dict[str, str]) -> AuditRow:
    verb = _verb(entry)
    changed = tuple(k for k in (entry.after or {}) if k not in BOOKKEEPING) if verb == VERB_CHANGE else ()
    return AuditRow(entry.id, _local(entry.at), entry.actor, users.get(entry.actor, entry.actor),
                    entry.action or verb, verb, entry.table_name, entry.record_uuid,
                    _subject(entry, person_names), changed, entry.summary)


def list_entries(ws: Workspace, flt: AuditFilter | None = None, *, before_id: int | None = None,
                 limit: int = BATCH) -> list[AuditRow]:
    """Newest first; pass the last row's id as ``before_id`` for the next batch (keyset paging: every batch
    costs the same, however deep into 100,000 rows)."""
    _require(ws)
    query = _filtered(select(AuditEntry), flt or AuditFilter())
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    with ws.read() as s:
        entries = list(s.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))
        users = _display_names(s)
        wanted = {r.get("person_uuid") for e in entries for r in (e.after or {}, e.before or {})} - {None}
        names = dict(s.execute(select(Person.uuid, Person.name).where(Person.uuid.in_(wanted))).all()) \
            if wanted else {}
        return [_row(e, users, names) for e in entries]


def entry_detail(ws: Workspace, entry_id: int, *, bookkeeping: bool = False) -> AuditDetail:
    """Before and after, field by field, with references shown as names."""
    _require(ws)
    with ws.read() as s:
        entry = s.get(AuditEntry, entry_id)
        if entry is None:
            raise NotFound("这条操作日志不存在。")
        users = _display_names(s)
        before, after = dict(entry.before or {}), dict(entry.after or {})
        keys = list(after) + [k for k in before if k not in after]
        if not bookkeeping:
            keys = [k for k in keys if k not in BOOKKEEPING]
        fields = [FieldChange(k, _resolve(s, k, before.get(k)), _resolve(s, k, after.get(k))) for k in keys]
        person = after.get("person_uuid") or before.get("person_uuid")
        names = {person: str(_resolve(s, "person_uuid", person))} if person else {}
        return AuditDetail(_row(entry, users, names), fields)


def _resolve(s, key: str, value: Any) -> Any:
    model = _REFERENCES.get(key)
    if model is None or not isinstance(value, str) or not value:
        return value
    target = s.get(model, value)
    return getattr(target, "name", value) if target is not None else value


def actors(ws: Workspace) -> list[tuple[str, str]]:
    """Everyone who appears in the log, as (user name, display name), for the filter."""
    _require(ws)
    with ws.read() as s:
        users = _display_names(s)
        names = s.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor))
        return [(n, users.get(n, n)) for n in names]


def tables(ws: Workspace) -> list[str]:
    """Table names that appear in the log, for the filter."""
    _require(ws)
    with ws.read() as s:
        return list(s.scalars(select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)))
