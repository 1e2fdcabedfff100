"""重大情况 (§12, §21): injury or death, negative public opinion, violation of discipline or law — registered
at once with the time it happened, when and by whom it was reported. The row travels like every record, so a
township's incident shows at the county after the next hand-off (DESIGN.md, "The USB package").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..domain import supervision as sv
from ..domain.errors import Finding
from ..storage.models import Incident
from .errors import ValidationFailed
from .supervision_common import person_names, require_in_post, require_township, township_names
from .workspace import Workspace


@dataclass(frozen=True)
class IncidentView:
    uuid: str
    kind: str
    occurred_at: datetime
    reported_at: datetime
    reporter: str
    township_uuid: str | None
    township_name: str
    person_uuid: str | None
    person_name: str
    description: str
    origin_site: str


def register_incident(ws: Workspace, *, kind: str, occurred_at: datetime, reporter: str, description: str,
                      township_uuid: str | None = None, person_uuid: str | None = None,
                      reported_at: datetime | None = None, now: datetime | None = None) -> str:
    """Register a major incident; a township user's is always its own township's."""
    now = now or datetime.now()
    reported_at = reported_at or now
    if not ws.actor.is_county:
        township_uuid = township_uuid or ws.actor.township_uuid
        ws.check_township(township_uuid)
    findings = sv.check_incident(kind=kind, occurred_at=occurred_at, reported_at=reported_at, reporter=reporter,
                                 description=description, now=now)
    if findings:
        raise ValidationFailed(findings, "重大情况未保存：")
    with ws.transaction("登记重大情况") as s:
        if township_uuid:
            require_township(s, township_uuid)
        if person_uuid:
            post = require_in_post(s, person_uuid, occurred_at.date(), field="涉及人员", township_uuid=township_uuid)
            township_uuid = township_uuid or post.township_uuid
        if not township_uuid and not person_uuid and not ws.actor.is_county:
            raise ValidationFailed([Finding.error("所属乡镇", "请选择乡镇", sv.RULE_INCIDENT)])
        row = Incident(kind=kind, occurred_at=occurred_at, reported_at=reported_at, reporter=reporter.strip(),
                       township_uuid=township_uuid, person_uuid=person_uuid, description=description.strip())
        s.add(row)
        s.flush()
        return row.uuid


def list_incidents(ws: Workspace, *, since: datetime | None = None) -> list[IncidentView]:
    """Incidents, newest first (a township user: its own township's)."""
    with ws.read() as s:
        q = select(Incident).where(Incident.deleted.is_(False)).order_by(Incident.occurred_at.desc())
        if not ws.actor.is_county:
            q = q.where(Incident.township_uuid == ws.actor.township_uuid)
        if since is not None:
            q = q.where(Incident.occurred_at >= since)
        rows = list(s.scalars(q))
        tnames = township_names(s)
        pnames = person_names(s, [r.person_uuid for r in rows if r.person_uuid])
        return [IncidentView(r.uuid, r.kind, r.occurred_at, r.reported_at, r.reporter, r.township_uuid,
                             tnames.get(r.township_uuid or "", ""), r.person_uuid,
                             pnames.get(r.person_uuid or "", ""), r.description, r.origin_site) for r in rows]
