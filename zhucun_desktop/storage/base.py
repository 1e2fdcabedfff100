"""Declarative base and the columns every travelling record carries (DESIGN.md, "Records that travel")."""

from __future__ import annotations

import uuid as uuid_mod
from datetime import datetime, timezone

from sqlalchemy import Boolean, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


def new_row_stamp(site_id: str, now: datetime) -> dict[str, object]:
    """The travelling columns of a new record set by hand, for core bulk inserts (which do not pass the
    workspace's flush hook that stamps ORM objects)."""
    return {"uuid": new_uuid(), "origin_site": site_id, "version": 1, "updated_at": now, "deleted": False}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Travelling:
    """A record that moves between sites on the USB stick.

    `uuid` is its identity everywhere; only `origin_site` may change it; `version` grows by one on each change;
    `deleted` is a tombstone, so a removal travels too and nothing is ever hard-deleted.
    """

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    origin_site: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    # Tables whose rows travel are listed by name in TRAVELLING_TABLES (models.py).
    __travelling__ = True
