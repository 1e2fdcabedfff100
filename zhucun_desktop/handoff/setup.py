"""乡镇配置包: how a township installation is born from the county's database.

The county makes one per township: the county's identity and public keys, the township's new site id and key
pairs, every row that concerns the township (its villages and roster, the rule set, the calendar, the attendance
codes; on a re-issue also the township's own records the county holds, so a replaced PC starts complete), and the
sequence numbers to continue from. It carries private keys, so it is encrypted (argon2id-stretched one-time
配置口令 → AES-256-GCM, the manifest as associated data); the 口令 is shown once, read out to the township,
and never stored. A re-issue keeps the township's site id and replaces its keys (the old PC's key no longer
opens or signs anything).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import uuid as uuid_mod
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from .. import __version__
from ..domain import terms
from ..services.errors import ServiceError
from ..services.workspace import SYSTEM, Actor, Workspace
from ..storage.base import utcnow
from ..storage.migrate import head_revision, is_known_revision
from ..storage.models import PackageLog, Setting, Site, Township, User
from . import package as pkg
from .crypto import (
    SealError,
    SiteKeys,
    aes_decrypt,
    aes_encrypt,
    b64,
    canonical,
    kdf_params,
    password_key,
    unb64,
)
from .export import SEQUENCE_FLOOR, Collected, _add, collect_rows, next_sequence
from .keys import install_keys
from .merge import apply_plans, plan_merge
from .sites import self_site, short_name, township_site
from .tables import TABLE_ORDER, TABLES

SETUP_FORMAT = "zhucun-setup"
SETUP_SUFFIX = ".zcsetup"
PASS_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read out over the phone


@dataclass(frozen=True)
class SetupPackage:
    path: Path
    passphrase: str
    township_name: str
    site_id: str
    rows: int


def new_passphrase() -> str:
    """配置口令: 16 characters (80 bits) in groups of four, e.g. ``K7QM-3XPD-9RTA-WH4C``."""
    chars = "".join(secrets.choice(PASS_ALPHABET) for _ in range(16))
    return "-".join(chars[i:i + 4] for i in range(0, 16, 4))


def normalize_passphrase(text: str) -> str:
    plain = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(plain[i:i + 4] for i in range(0, len(plain), 4))


def setup_file_name(township: str) -> str:
    return f"{township}_配置包{SETUP_SUFFIX}"


def create_setup_package(ws: Workspace, township_uuid: str, path: str | Path) -> SetupPackage:
    """Register (or re-key) the township's site and write its set-up package; returns the one-time 口令."""
    ws.require_admin()
    if not ws.is_county_site:
        raise ServiceError("只有县委组织部的数据库可以制作乡镇配置包。")
    keys = SiteKeys.generate()
    passphrase = new_passphrase()
    with ws.transaction("制作乡镇配置包") as s:
        me = self_site(s)
        township = s.get(Township, township_uuid)
        if township is None or township.deleted:
            raise ServiceError("乡镇不存在。")
        site = township_site(s, township_uuid)
        if site is None:
            site = Site(name=township.name, kind=terms.SITE_KIND_TOWNSHIP, county_uuid=me.county_uuid,
                        township_uuid=township_uuid, is_self=False)
            s.add(site)
            s.flush()
        site.name = township.name
        site.sign_public_key, site.box_public_key = keys.sign_public, keys.box_public
        rows = collect_rows(s, me.site_id, township_uuid=township_uuid, since=None)
        _add_own_rows(s, rows, site.site_id)
        sequence = next_sequence(s, site.site_id)
        township_floor = s.scalar(select(func.max(PackageLog.sequence)).where(
            PackageLog.peer_site == site.site_id, PackageLog.direction == "in")) or 0
        package_id = str(uuid_mod.uuid4())
        until = utcnow()
        secret = {
            "county_site": {"site_id": me.site_id, "name": me.name, "county_uuid": me.county_uuid,
                            "sign_public_key": b64(me.sign_public_key or b""),
                            "box_public_key": b64(me.box_public_key or b"")},
            "township_site": {"site_id": site.site_id, "name": township.name, "township_uuid": township_uuid,
                              "keys": keys.as_dict()},
            "sequence": sequence, "township_sequence_floor": township_floor, "period_to": until.isoformat(),
            "tables": rows.payload_tables(),
        }
        manifest = {"format": SETUP_FORMAT, "format_version": pkg.FORMAT_VERSION, "kind": "setup",
                    "program_version": __version__, "schema_revision": head_revision(), "package_id": package_id,
                    "created_at": until.isoformat(), "county_name": short_name(s, me), "township_name": township.name,
                    "kdf": {"name": "argon2id", **kdf_params(), "salt": b64(os.urandom(16))},
                    "nonce": b64(os.urandom(12))}
        data, payload_hash = _build(manifest, secret, passphrase)
        target = Path(path)
        with pkg.atomic_output(target) as tmp:
            tmp.write_bytes(data)
        pkg.fsync_folder(target.parent)
        if target.read_bytes() != data:
            raise ServiceError(f"写入“{target}”后读回的内容不一致，请换一个U盘重新制作。")
        s.add(PackageLog(package_id=package_id, direction="out", peer_site=site.site_id, sequence=sequence,
                         payload_hash=payload_hash,
                         counts={"tables": rows.counts(), "period_from": None, "period_to": until.isoformat(),
                                 "file": target.name, "setup": True}))
        site_id = site.site_id
    return SetupPackage(target, passphrase, township.name, site_id, sum(rows.counts().values()))


def _add_own_rows(s: Any, rows: Collected, township_site_id: str) -> None:
    """A re-issue: the township's own records the county holds go back with the set-up package."""
    for name in TABLE_ORDER:
        table = TABLES[name]
        _add(rows, name, s.execute(select(table).where(table.c.origin_site == township_site_id)))


def _build(manifest: dict[str, Any], secret: dict[str, Any], passphrase: str) -> tuple[bytes, str]:
    key = password_key(normalize_passphrase(passphrase), unb64(manifest["kdf"]["salt"]), manifest["kdf"])
    blob = pkg.encode_payload(secret)
    ciphertext = aes_encrypt(key, unb64(manifest["nonce"]), blob, canonical(manifest))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(pkg.MANIFEST, canonical(manifest), compress_type=zipfile.ZIP_STORED)
        zf.writestr(pkg.PAYLOAD, ciphertext, compress_type=zipfile.ZIP_STORED)
    return buf.getvalue(), hashlib.sha256(ciphertext).hexdigest()


def read_setup(path: str | Path, passphrase: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The manifest and the opened content; PackageError when damaged, newer, or the 口令 is wrong."""
    try:
        with zipfile.ZipFile(Path(path)) as zf:
            if set(zf.namelist()) != {pkg.MANIFEST, pkg.PAYLOAD}:
                raise pkg.PackageError("这不是驻村管理系统的乡镇配置包。", "not a set-up package")
            manifest = json.loads(zf.read(pkg.MANIFEST).decode("utf-8"))
            ciphertext = zf.read(pkg.PAYLOAD)
    except FileNotFoundError as exc:
        raise pkg.PackageError(f"找不到配置包文件“{path}”。", "set-up package not found") from exc
    except pkg.PackageError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, KeyError, OSError) as exc:
        raise pkg.PackageError(*pkg.DAMAGED) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != SETUP_FORMAT:
        raise pkg.PackageError("这不是驻村管理系统的乡镇配置包。", "not a set-up package")
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > pkg.FORMAT_VERSION \
            or not is_known_revision(manifest.get("schema_revision")) or manifest.get("schema_revision") is None:
        raise pkg.PackageError("这个配置包由更新版本的程序制作，请先升级本程序。", "set-up package from a newer program")
    try:
        key = password_key(normalize_passphrase(passphrase), unb64(manifest["kdf"]["salt"]), manifest["kdf"])
        blob = aes_decrypt(key, unb64(manifest["nonce"]), ciphertext, canonical(manifest))
    except (SealError, KeyError, ValueError, TypeError) as exc:
        raise pkg.PackageError("配置口令不正确（或配置包已损坏），请核对县委组织部提供的配置口令。",
                               "wrong set-up passphrase") from exc
    return manifest, pkg.decode_payload(blob), hashlib.sha256(ciphertext).hexdigest()


def init_from_setup(db: Any, path: str | Path, passphrase: str, *, admin_username: str, admin_password: str,
                    admin_display_name: str = "") -> Actor:
    """A new township installation from its set-up package: its site and keys, the county's public keys, the
    township's part of the roster, rule set and calendar, and the township's administrator (乡镇领导)."""
    from ..services.accounts import MIN_PASSWORD, hash_password, site_is_set_up

    username = admin_username.strip()
    if not username:
        raise ServiceError("用户名：不能为空。")
    if len(admin_password) < MIN_PASSWORD:
        raise ServiceError(f"密码：至少{MIN_PASSWORD}位。")
    if site_is_set_up(db):
        raise ServiceError("本数据库已经初始化过，不能再用配置包初始化。")
    manifest, secret, payload_hash = read_setup(path, passphrase)
    county, town = secret["county_site"], secret["township_site"]
    ws = Workspace(db, SYSTEM)
    with ws.transaction("从配置包初始化", merging=True) as s:
        s.info["site_id"] = town["site_id"]
        cur = s.connection().connection.driver_connection.cursor()
        plans = plan_merge(cur, secret["tables"], allowed_origins={county["site_id"], town["site_id"]})
        bad = [r for p in plans.values() for r in p.rejected]
        if bad:
            raise ServiceError("配置包中有不能导入的记录：" + "；".join(f"{r.table} {r.reason}" for r in bad[:5]))
        apply_plans(cur, plans)
        me = Site(site_id=town["site_id"], name=town["name"], kind=terms.SITE_KIND_TOWNSHIP,
                  county_uuid=county["county_uuid"], township_uuid=town["township_uuid"], is_self=True)
        install_keys(me, SiteKeys.from_dict(town["keys"]), username, admin_password)
        s.add(me)
        s.add(Site(site_id=county["site_id"], name=county["name"], kind=terms.SITE_KIND_COUNTY,
                   county_uuid=county["county_uuid"], is_self=False,
                   sign_public_key=unb64(county["sign_public_key"]), box_public_key=unb64(county["box_public_key"])))
        s.add(User(username=username, display_name=admin_display_name.strip() or username,
                   role=terms.USER_ROLE_TOWNSHIP_LEADER, township_uuid=town["township_uuid"],
                   password_hash=hash_password(admin_password)))
        s.add(PackageLog(package_id=manifest["package_id"], direction="in", peer_site=county["site_id"],
                         sequence=int(secret["sequence"]), payload_hash=payload_hash,
                         counts={"received": {t: len(v["rows"]) for t, v in secret["tables"].items()},
                                 "period_to": secret.get("period_to"), "setup": True,
                                 "source_name": manifest.get("county_name")}))
        s.add(Setting(key=SEQUENCE_FLOOR, value={county["site_id"]: int(secret.get("township_sequence_floor", 0))}))
    ws.forget_site()
    return Actor(username, admin_display_name.strip() or username, terms.USER_ROLE_TOWNSHIP_LEADER,
                 town["township_uuid"])
