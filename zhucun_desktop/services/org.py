"""Townships, villages (with categories) and dispatching units (派出单位)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..domain import terms
from ..domain.text import normalize
from ..storage.models import County, DispatchUnit, Township, Village
from .errors import NotFound, ServiceError
from .workspace import Workspace


@dataclass(frozen=True)
class TownshipView:
    uuid: str
    name: str
    secretary_name: str | None
    organizer_name: str | None


@dataclass(frozen=True)
class VillageView:
    uuid: str
    name: str
    township_uuid: str
    township_name: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class UnitView:
    uuid: str
    name: str
    kind: str | None
    contact_person: str | None
    contact_phone: str | None


def county_uuid(session) -> str:
    county = session.scalars(select(County).where(County.deleted.is_(False))).first()
    if county is None:
        raise ServiceError("数据库尚未初始化县信息，请先完成首次设置。")
    return county.uuid


def county_name(ws: Workspace) -> str:
    with ws.read() as s:
        county = s.scalars(select(County).where(County.deleted.is_(False))).first()
        return county.name if county else ""


def list_townships(ws: Workspace) -> list[TownshipView]:
    with ws.read() as s:
        q = select(Township).where(Township.deleted.is_(False)).order_by(Township.name)
        if not ws.actor.is_county:
            q = q.where(Township.uuid == ws.actor.township_uuid)
        return [TownshipView(t.uuid, t.name, t.secretary_name, t.organizer_name) for t in s.scalars(q)]


def list_villages(ws: Workspace, township_uuid: str | None = None) -> list[VillageView]:
    with ws.read() as s:
        q = (select(Village, Township.name).join(Township, Village.township_uuid == Township.uuid)
             .where(Village.deleted.is_(False)).order_by(Township.name, Village.name))
        if not ws.actor.is_county:
            q = q.where(Village.township_uuid == ws.actor.township_uuid)
        if township_uuid:
            q = q.where(Village.township_uuid == township_uuid)
        return [VillageView(v.uuid, v.name, v.township_uuid, tname, tuple(v.categories or ()))
                for v, tname in s.execute(q)]


def list_units(ws: Workspace) -> list[UnitView]:
    with ws.read() as s:
        q = select(DispatchUnit).where(DispatchUnit.deleted.is_(False)).order_by(DispatchUnit.name)
        return [UnitView(u.uuid, u.name, u.kind, u.contact_person, u.contact_phone) for u in s.scalars(q)]


def save_township(ws: Workspace, name: str, *, uuid: str | None = None, secretary_name: str | None = None,
                  organizer_name: str | None = None) -> str:
    ws.require_admin()
    name = normalize(name)
    if not name:
        raise ServiceError("乡镇名称：不能为空。")
    with ws.transaction("保存乡镇") as s:
        clash = s.scalars(select(Township).where(Township.name == name, Township.deleted.is_(False))).first()
        if clash is not None and clash.uuid != uuid:
            raise ServiceError(f"乡镇名称：“{name}”已存在。")
        t = s.get(Township, uuid) if uuid else Township(county_uuid=county_uuid(s))
        if t is None:
            raise NotFound("乡镇不存在。")
        t.name, t.secretary_name, t.organizer_name = name, secretary_name or None, organizer_name or None
        s.add(t)
        s.flush()
        return t.uuid


def _check_categories(categories: list[str] | tuple[str, ...]) -> list[str]:
    bad = [c for c in categories if c not in terms.VILLAGE_CATEGORIES]
    if bad:
        raise ServiceError(f"村类别：“{'、'.join(bad)}”不是{'、'.join(terms.VILLAGE_CATEGORIES)}之一。")
    return [c for c in terms.VILLAGE_CATEGORIES if c in categories]


def save_village(ws: Workspace, township_uuid: str, name: str, categories: list[str] | tuple[str, ...] = (),
                 *, uuid: str | None = None) -> str:
    ws.check_township(township_uuid)
    name = normalize(name)
    if not name:
        raise ServiceError("村名：不能为空。")
    cats = _check_categories(categories)
    with ws.transaction("保存村") as s:
        if s.get(Township, township_uuid) is None:
            raise NotFound("所属乡镇不存在。")
        clash = s.scalars(select(Village).where(Village.township_uuid == township_uuid, Village.name == name,
                                                Village.deleted.is_(False))).first()
        if clash is not None and clash.uuid != uuid:
            raise ServiceError(f"村名：本乡镇已有“{name}”。")
        v = s.get(Village, uuid) if uuid else Village(township_uuid=township_uuid)
        if v is None:
            raise NotFound("村不存在。")
        v.name, v.categories, v.township_uuid = name, cats, township_uuid
        s.add(v)
        s.flush()
        return v.uuid


def save_unit(ws: Workspace, name: str, *, kind: str | None = None, contact_person: str | None = None,
              contact_phone: str | None = None, uuid: str | None = None) -> str:
    name = normalize(name)
    if not name:
        raise ServiceError("派出单位名称：不能为空。")
    if kind and kind not in terms.UNIT_KINDS:
        raise ServiceError(f"单位类型：只能是{'、'.join(terms.UNIT_KINDS)}之一。")
    with ws.transaction("保存派出单位") as s:
        clash = s.scalars(select(DispatchUnit).where(DispatchUnit.name == name,
                                                     DispatchUnit.deleted.is_(False))).first()
        if clash is not None and clash.uuid != uuid:
            raise ServiceError(f"派出单位名称：“{name}”已存在。")
        u = s.get(DispatchUnit, uuid) if uuid else DispatchUnit(county_uuid=county_uuid(s))
        if u is None:
            raise NotFound("派出单位不存在。")
        u.name, u.kind, u.contact_person, u.contact_phone = name, kind, contact_person, contact_phone
        s.add(u)
        s.flush()
        return u.uuid
