"""Accounts: argon2 hashes, roles, and the first-run set-up."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from zhucun_desktop.domain import terms
from zhucun_desktop.services import accounts
from zhucun_desktop.services.errors import AuthError, PermissionDenied, ServiceError
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.models import AuditEntry, User


def test_passwords_are_stored_as_argon2id_hashes(ws, db):
    accounts.create_user(ws, username="clerk", display_name="张三", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="secret-1")
    with db.session() as s:
        stored = s.scalars(select(User.password_hash).where(User.username == "clerk")).one()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "users")).all()
    assert stored.startswith("$argon2id$") and "secret-1" not in stored
    assert all(a.after is None or a.after.get("password_hash") == "***" for a in audit)


def test_wrong_password_is_refused_with_one_message(db):
    with pytest.raises(AuthError, match="用户名或密码不正确"):
        accounts.authenticate(db, "admin", "wrong-password")
    with pytest.raises(AuthError, match="用户名或密码不正确"):
        accounts.authenticate(db, "nobody", "wrong-password")


def test_a_township_account_needs_its_township(ws):
    with pytest.raises(ServiceError, match="所属乡镇"):
        accounts.create_user(ws, username="c", display_name="c", role=terms.USER_ROLE_TOWNSHIP_CLERK,
                             password="secret-1")


def test_only_the_administrator_creates_accounts(ws, db):
    accounts.create_user(ws, username="v", display_name="v", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="secret-1")
    viewer = Workspace(db, accounts.authenticate(db, "v", "secret-1"))
    with pytest.raises(PermissionDenied):
        accounts.create_user(viewer, username="x", display_name="x", role=terms.USER_ROLE_COUNTY_VIEWER,
                             password="secret-1")


def test_a_deactivated_account_cannot_log_in(ws, db):
    accounts.create_user(ws, username="v", display_name="v", role=terms.USER_ROLE_COUNTY_VIEWER,
                         password="secret-1")
    accounts.set_active(ws, "v", False)
    with pytest.raises(AuthError):
        accounts.authenticate(db, "v", "secret-1")


def test_a_database_is_set_up_only_once(db):
    with pytest.raises(ServiceError, match="已经初始化"):
        accounts.setup_county_site(db, county_name="另一个县", admin_username="x", admin_password="secret-1")


def test_short_passwords_are_refused(ws):
    with pytest.raises(ServiceError, match="密码：至少6位"):
        accounts.set_password(ws, "admin", "123")
