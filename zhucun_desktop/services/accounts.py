"""Local accounts and first-run site set-up (issue: accounts).

Passwords are hashed with argon2id (memory-hard). Roles: 乡镇录入员, 乡镇领导, 县委组织部管理员, 县级查看.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from ..domain import terms
from ..storage.base import utcnow
from ..storage.models import County, Site, Township, User
from .errors import AuthError, NotFound, ServiceError
from .workspace import SYSTEM, Actor, Workspace

# Modest parameters: old office PCs must still log in within a second.
_HASHER = PasswordHasher(time_cost=2, memory_cost=32 * 1024, parallelism=1)
MIN_PASSWORD = terms.MIN_PASSWORD


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"密码：至少{MIN_PASSWORD}位。")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: str
    township_uuid: str | None
    township_name: str | None
    active: bool
    last_login_at: datetime | None


def site_is_set_up(db) -> bool:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Site).where(Site.is_self.is_(True))) > 0


def setup_county_site(db, *, county_name: str, admin_username: str, admin_password: str,
                      admin_display_name: str = "管理员") -> Actor:
    """First run at the county organisation department: the county, its site and an administrator."""
    county_name = county_name.strip()
    if not county_name:
        raise ServiceError("县名：不能为空。")
    if not admin_username.strip():
        raise ServiceError("用户名：不能为空。")
    _check_password(admin_password)
    if site_is_set_up(db):
        raise ServiceError("本数据库已经初始化过，不能重复初始化。")
    from ..handoff.crypto import SiteKeys
    from ..handoff.keys import install_keys

    ws = Workspace(db, SYSTEM)
    site = Site(name=f"{county_name}委组织部", kind=terms.SITE_KIND_COUNTY, is_self=True)
    with ws.transaction("初始化站点") as s:
        s.add(site)
        s.flush()
        # The site's own key pairs for the USB hand-off, sealed under the administrator's password.
        install_keys(site, SiteKeys.generate(), admin_username.strip(), admin_password)
        s.info["site_id"] = site.site_id
        county = County(name=county_name, origin_site=site.site_id)
        s.add(county)
        s.flush()
        site.county_uuid = county.uuid
        s.add(User(username=admin_username.strip(), display_name=admin_display_name.strip() or admin_username,
                   role=terms.USER_ROLE_COUNTY_ADMIN, password_hash=hash_password(admin_password)))
        from .defaults import install_defaults

        install_defaults(s, site.site_id)
    ws.forget_site()
    return Actor(admin_username.strip(), admin_display_name, terms.USER_ROLE_COUNTY_ADMIN)


def authenticate(db, username: str, password: str) -> Actor:
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username.strip())).first()
        if user is None or not user.active:
            raise AuthError("用户名或密码不正确。")
        try:
            _HASHER.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise AuthError("用户名或密码不正确。") from None
        user.last_login_at = utcnow()
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        s.commit()
        return Actor(user.username, user.display_name, user.role, user.township_uuid)


def list_users(ws: Workspace) -> list[UserView]:
    ws.require_admin()
    with ws.read() as s:
        names = dict(s.execute(select(Township.uuid, Township.name)).all())
        return [UserView(u.id, u.username, u.display_name, u.role, u.township_uuid,
                         names.get(u.township_uuid), u.active, u.last_login_at)
                for u in s.scalars(select(User).order_by(User.id))]


def create_user(ws: Workspace, *, username: str, display_name: str, role: str, password: str,
                township_uuid: str | None = None) -> int:
    ws.require_admin()
    username = username.strip()
    if not username:
        raise ServiceError("用户名：不能为空。")
    if role not in terms.USER_ROLES:
        raise ServiceError(f"角色：只能是{'、'.join(terms.USER_ROLES)}之一。")
    township_role = role in (terms.USER_ROLE_TOWNSHIP_CLERK, terms.USER_ROLE_TOWNSHIP_LEADER)
    if township_role and not township_uuid:
        raise ServiceError("所属乡镇：乡镇账号必须选择所属乡镇。")
    _check_password(password)
    with ws.transaction("新建账号") as s:
        if s.scalar(select(func.count()).select_from(User).where(User.username == username)):
            raise ServiceError(f"用户名：“{username}”已存在。")
        user = User(username=username, display_name=display_name.strip() or username, role=role,
                    township_uuid=township_uuid if township_role else None,
                    password_hash=hash_password(password))
        s.add(user)
        s.flush()
        return user.id


def set_password(ws: Workspace, username: str, new_password: str, *, old_password: str | None = None) -> None:
    """An administrator resets anyone's password; a user changes their own with the old one."""
    _check_password(new_password)
    own = username == ws.actor.username
    if not own:
        ws.require_admin()
    with ws.transaction("修改密码") as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None:
            raise NotFound(f"账号“{username}”不存在。")
        if own and not ws.actor.is_admin:
            try:
                _HASHER.verify(user.password_hash, old_password or "")
            except (VerificationError, InvalidHashError):
                raise AuthError("原密码不正确。") from None
        user.password_hash = hash_password(new_password)
        if own and old_password is not None:
            # The hand-off keys are sealed under this password too: re-seal them in the same transaction.
            from ..handoff.keys import reseal_for_new_password

            reseal_for_new_password(s, username, old_password, new_password)


def set_active(ws: Workspace, username: str, active: bool) -> None:
    ws.require_admin()
    if username == ws.actor.username and not active:
        raise ServiceError("不能停用当前登录的账号。")
    with ws.transaction("启用账号" if active else "停用账号") as s:
        user = s.scalars(select(User).where(User.username == username)).first()
        if user is None:
            raise NotFound(f"账号“{username}”不存在。")
        user.active = active
