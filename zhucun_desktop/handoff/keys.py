"""A site's own keys in its database: public halves in clear on the ``sites`` row, private halves sealed.

``Site.sealed_private_keys`` holds JSON ``{"format": 1, "seals": {username: seal}}``: the same private keys
sealed (argon2id + AES-GCM, the site id as associated data) once per key holder, so the keys open with the
password of the administrator who set the site up (and of anyone they add with :func:`add_key_holder`). When a
holder changes their own password, ``services.accounts.set_password`` re-seals their copy.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..services.errors import AuthError, ServiceError
from ..storage.models import Site
from .crypto import SealError, SiteKeys, seal, unseal
from .sites import self_site

KEYS_FORMAT = 1


class KeysLocked(AuthError):
    """The password given does not open the site's keys."""


def _aad(site: Site) -> bytes:
    return f"zhucun-site-keys:{site.site_id}".encode()


def _seals(site: Site) -> dict[str, Any]:
    if not site.sealed_private_keys:
        return {}
    data = json.loads(site.sealed_private_keys.decode("utf-8"))
    return dict(data.get("seals", {}))


def _store(site: Site, seals: dict[str, Any]) -> None:
    site.sealed_private_keys = json.dumps({"format": KEYS_FORMAT, "seals": seals}).encode("utf-8")


def install_keys(site: Site, keys: SiteKeys, username: str, password: str) -> None:
    """Give ``site`` these keys: public halves in clear, private halves sealed under ``password``."""
    site.sign_public_key = keys.sign_public
    site.box_public_key = keys.box_public
    secret = json.dumps(keys.as_dict()).encode("utf-8")
    _store(site, {username: seal(secret, password, aad=_aad(site))})


def _open(site: Site, password: str, only: str | None = None) -> SiteKeys:
    seals = _seals(site)
    if not seals:
        raise ServiceError("本机还没有数据交换密钥：请由县委组织部重新制作本乡镇的配置包。")
    for username, sealed in seals.items():
        if only is not None and username != only:
            continue
        try:
            return SiteKeys.from_dict(json.loads(unseal(sealed, password, aad=_aad(site))))
        except SealError:
            continue
    holders = "、".join(seals)
    raise KeysLocked(f"密码不正确：数据交换密钥只能用建立本站点的管理员（{holders}）的登录密码打开。")


def unlock_keys(ws: Any, password: str) -> SiteKeys:
    """The site's private keys, opened with a key holder's password (raises KeysLocked when wrong)."""
    with ws.read() as s:
        return _open(self_site(s), password)


def key_holders(ws: Any) -> list[str]:
    with ws.read() as s:
        return sorted(_seals(self_site(s)))


def add_key_holder(ws: Any, keys: SiteKeys, username: str, password: str) -> None:
    """Let another account open the keys with its own password (the administrator hands over the job)."""
    if ws.is_county_site:
        ws.require_admin()
    with ws.transaction("添加数据交换密钥持有人") as s:
        site = self_site(s)
        seals = _seals(site)
        seals[username] = seal(json.dumps(keys.as_dict()).encode("utf-8"), password, aad=_aad(site))
        _store(site, seals)


def reseal_for_new_password(session: Session, username: str, old_password: str, new_password: str) -> bool:
    """Inside the password change's own transaction: re-seal ``username``'s copy; False when it has none."""
    site = session.scalars(select(Site).where(Site.is_self.is_(True))).first()
    if site is None or username not in _seals(site):
        return False
    keys = _open(site, old_password, only=username)
    seals = _seals(site)
    seals[username] = seal(json.dumps(keys.as_dict()).encode("utf-8"), new_password, aad=_aad(site))
    _store(site, seals)
    return True
