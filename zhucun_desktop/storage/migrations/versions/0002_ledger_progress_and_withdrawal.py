"""ledger progress as its own records; a withdrawn leave request keeps its day and reason

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00

Schema: the travelling table ``ledger_progress`` (整改进展 / 整改完成, owned by the site that recorded it), and on
``leave_requests`` the columns ``withdrawn_on`` and ``withdraw_reason`` (撤回). SQLite ALTERs go through
``op.batch_alter_table`` (see 0001).

Data: the 整改进展 that revision 0001 kept on the ledger row itself (``progress`` text, one dated line per entry,
``completed_on``, ``state``) becomes ``ledger_progress`` records owned by the row's owner, so that the state
shown is computed the same way for old and new rows (``domain.supervision.fold_ledger``). Deterministic: the
records' uuids are derived from the row's uuid and the line's position, their times from the row's
``updated_at``, so the county and a township that both upgrade their copy of the same row produce the same
records, and a package between them merges them as 未变. The legacy columns are left as they were.

Timing, so that the county's verifications keep deciding what they decided before: the records sit just before
the row's last change (``updated_at``), or just before the passing verification that closed a row
(核查通过). A verification recorded after them then counts for the migrated submission (as the old rule had it:
a verification counts when recorded after the row's last change); one recorded before concerns an earlier
submission and changes nothing.
"""

from __future__ import annotations

import re
import uuid as uuid_mod
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(.*)$")
NAMESPACE = uuid_mod.UUID("6f1c2a5e-7d4b-4b8e-9a3c-0d2e5f7a9b10")
OPEN, IN_PROGRESS, AWAITING, CLOSED = "待整改", "整改中", "已整改待核查", "核查通过"
KIND_PROGRESS, KIND_DONE = "进展", "整改完成"

ledger_rows = sa.table(
    "ledger_rows", sa.column("uuid", sa.String), sa.column("origin_site", sa.String),
    sa.column("found_on", sa.Date), sa.column("progress", sa.Text), sa.column("completed_on", sa.Date),
    sa.column("state", sa.String), sa.column("updated_at", sa.DateTime), sa.column("deleted", sa.Boolean),
)
verifications = sa.table(
    "ledger_verifications", sa.column("ledger_uuid", sa.String), sa.column("result", sa.String),
    sa.column("updated_at", sa.DateTime), sa.column("deleted", sa.Boolean),
)


def upgrade() -> None:
    progress = op.create_table(
        "ledger_progress",
        sa.Column("ledger_uuid", sa.String(length=36), nullable=False),
        sa.Column("progress_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(length=50), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ledger_uuid"], ["ledger_rows.uuid"], name=op.f("fk_ledger_progress_ledger_uuid_ledger_rows")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_ledger_progress")),
    )
    op.create_index(op.f("ix_ledger_progress_ledger_uuid"), "ledger_progress", ["ledger_uuid"], unique=False)
    op.create_index(op.f("ix_ledger_progress_origin_site"), "ledger_progress", ["origin_site"], unique=False)
    op.create_index(op.f("ix_ledger_progress_updated_at"), "ledger_progress", ["updated_at"], unique=False)
    with op.batch_alter_table("leave_requests") as batch_op:
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("withdraw_reason", sa.Text(), nullable=True))
    records = legacy_progress_records(op.get_bind())
    if records:
        op.bulk_insert(progress, records)


def _entries(text: str | None, found_on: date) -> list[tuple[date, str]]:
    """The dated lines of the old 整改进展 text; a line without a date keeps the date before it."""
    out: list[tuple[date, str]] = []
    last = found_on
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        m = LINE.match(line)
        if m:
            try:
                last = date.fromisoformat(m.group(1))
                line = m.group(2).strip() or "（无内容）"
            except ValueError:
                pass
        out.append((last, line))
    return out


def legacy_progress_records(bind: sa.Connection) -> list[dict]:
    passed: dict[str, datetime] = {}
    for ledger_uuid, at in bind.execute(sa.select(verifications.c.ledger_uuid, verifications.c.updated_at).where(
            verifications.c.result == CLOSED, verifications.c.deleted.is_(False))):
        passed[ledger_uuid] = max(at, passed.get(ledger_uuid, at))
    rows = bind.execute(sa.select(ledger_rows).where(ledger_rows.c.deleted.is_(False), sa.or_(
        sa.func.coalesce(ledger_rows.c.progress, "") != "", ledger_rows.c.state != OPEN,
        ledger_rows.c.completed_on.is_not(None))))
    out: list[dict] = []
    for row in rows:
        entries = _entries(row.progress, row.found_on)
        submitted = row.state in (AWAITING, CLOSED)
        if submitted and not entries:
            entries = [(row.completed_on or row.found_on, "整改完成，报请核查")]
        if not entries:
            if row.state == OPEN:
                continue
            entries = [(row.found_on, "整改中")]
        at = row.updated_at
        if row.state == CLOSED and row.uuid in passed:
            at = min(at, passed[row.uuid])
        n = len(entries)
        for i, (on, text) in enumerate(entries):
            done = submitted and i == n - 1
            out.append({
                "uuid": str(uuid_mod.uuid5(NAMESPACE, f"{row.uuid}/{i}")), "origin_site": row.origin_site,
                "version": 1, "updated_at": at - timedelta(microseconds=n - i), "deleted": False,
                "ledger_uuid": row.uuid, "progress_on": on, "text": text,
                "kind": KIND_DONE if done else KIND_PROGRESS,
                "completed_on": (row.completed_on or on) if done else None, "recorded_by": None,
            })
    return out


def downgrade() -> None:
    with op.batch_alter_table("leave_requests") as batch_op:
        batch_op.drop_column("withdraw_reason")
        batch_op.drop_column("withdrawn_on")
    op.drop_index(op.f("ix_ledger_progress_updated_at"), table_name="ledger_progress")
    op.drop_index(op.f("ix_ledger_progress_origin_site"), table_name="ledger_progress")
    op.drop_index(op.f("ix_ledger_progress_ledger_uuid"), table_name="ledger_progress")
    op.drop_table("ledger_progress")
