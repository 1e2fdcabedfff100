"""The installations this one knows: itself and its peers (the county knows its townships, a township its county)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import terms
from ..services.errors import NotFound, ServiceError
from ..storage.models import County, PackageLog, Site, Township


@dataclass(frozen=True)
class PeerView:
    """A site this one exchanges packages with, as the 数据交换 screen lists it."""

    site_id: str
    name: str
    kind: str
    township_uuid: str | None
    last_out_sequence: int | None
    last_out_at: datetime | None
    last_in_sequence: int | None
    last_in_at: datetime | None


def short_name(s: Session, site: Site) -> str:
    """东风镇 for a township's site, the county's name (云岭县) for the county's: the words of the file name."""
    if site.kind == terms.SITE_KIND_COUNTY and site.county_uuid:
        county = s.get(County, site.county_uuid)
        if county is not None:
            return county.name
    if site.kind == terms.SITE_KIND_TOWNSHIP and site.township_uuid:
        township = s.get(Township, site.township_uuid)
        if township is not None:
            return township.name
    return site.name


def self_site(s: Session) -> Site:
    site = s.scalars(select(Site).where(Site.is_self.is_(True))).first()
    if site is None:
        raise ServiceError("数据库还没有初始化，不能交换数据。")
    return site


def peer_sites(s: Session) -> list[Site]:
    me = self_site(s)
    want = terms.SITE_KIND_TOWNSHIP if me.kind == terms.SITE_KIND_COUNTY else terms.SITE_KIND_COUNTY
    return list(s.scalars(select(Site).where(Site.is_self.is_(False), Site.kind == want,
                                             Site.sign_public_key.is_not(None)).order_by(Site.name)))


def peer(s: Session, site_id: str) -> Site:
    for site in peer_sites(s):
        if site.site_id == site_id:
            return site
    raise NotFound("没有这个数据交换对象（站点）。")


def township_site(s: Session, township_uuid: str) -> Site | None:
    return s.scalars(select(Site).where(Site.is_self.is_(False), Site.kind == terms.SITE_KIND_TOWNSHIP,
                                        Site.township_uuid == township_uuid)).first()


def _last(s: Session, site_id: str, direction: str) -> tuple[int | None, datetime | None]:
    row = s.execute(select(func.max(PackageLog.sequence), func.max(PackageLog.at))
                    .where(PackageLog.peer_site == site_id, PackageLog.direction == direction)).one()
    return row[0], row[1]


def list_peers(ws: Any) -> list[PeerView]:
    """Whom this installation sends to: the county's registered townships, or a township's county."""
    with ws.read() as s:
        out = []
        for site in peer_sites(s):
            out_seq, out_at = _last(s, site.site_id, "out")
            in_seq, in_at = _last(s, site.site_id, "in")
            out.append(PeerView(site.site_id, short_name(s, site), site.kind, site.township_uuid,
                                out_seq, out_at, in_seq, in_at))
        return out
