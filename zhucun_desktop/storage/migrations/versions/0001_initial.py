"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23 09:03:26.029760

Runs inside one transaction (transactional DDL on SQLite, see storage/engine.py) after a "migrate" backup; on
SQLite, ALTERs go through ``op.batch_alter_table`` because SQLite cannot alter most column properties in place.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("owner_table", sa.String(length=40), nullable=False),
        sa.Column("owner_uuid", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_origin_site"), "attachments", ["origin_site"], unique=False)
    op.create_index(op.f("ix_attachments_owner_uuid"), "attachments", ["owner_uuid"], unique=False)
    op.create_index(op.f("ix_attachments_updated_at"), "attachments", ["updated_at"], unique=False)
    op.create_table(
        "attendance_codes",
        sa.Column("code", sa.String(length=4), nullable=False),
        sa.Column("label", sa.String(length=30), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("in_post", sa.Boolean(), nullable=False),
        sa.Column("sort", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_attendance_codes")),
        sa.UniqueConstraint("code", name=op.f("uq_attendance_codes_code")),
    )
    op.create_index(
        op.f("ix_attendance_codes_origin_site"), "attendance_codes", ["origin_site"], unique=False
    )
    op.create_index(op.f("ix_attendance_codes_updated_at"), "attendance_codes", ["updated_at"], unique=False)
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_record_uuid"), "audit_log", ["record_uuid"], unique=False)
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_calendar_days")),
        sa.UniqueConstraint("day", name=op.f("uq_calendar_days_day")),
    )
    op.create_index(op.f("ix_calendar_days_origin_site"), "calendar_days", ["origin_site"], unique=False)
    op.create_index(op.f("ix_calendar_days_updated_at"), "calendar_days", ["updated_at"], unique=False)
    op.create_table(
        "calendar_years",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_calendar_years")),
        sa.UniqueConstraint("year", name=op.f("uq_calendar_years_year")),
    )
    op.create_index(op.f("ix_calendar_years_origin_site"), "calendar_years", ["origin_site"], unique=False)
    op.create_index(op.f("ix_calendar_years_updated_at"), "calendar_years", ["updated_at"], unique=False)
    op.create_table(
        "circulars",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("doc_number", sa.String(length=50), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("finding_uuids", sa.JSON(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_circulars")),
    )
    op.create_index(op.f("ix_circulars_origin_site"), "circulars", ["origin_site"], unique=False)
    op.create_index(op.f("ix_circulars_updated_at"), "circulars", ["updated_at"], unique=False)
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("incoming", sa.JSON(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    op.create_index(op.f("ix_conflicts_package_id"), "conflicts", ["package_id"], unique=False)
    op.create_table(
        "counties",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_counties")),
    )
    op.create_index(op.f("ix_counties_origin_site"), "counties", ["origin_site"], unique=False)
    op.create_index(op.f("ix_counties_updated_at"), "counties", ["updated_at"], unique=False)
    op.create_table(
        "inspections",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_inspections")),
    )
    op.create_index(op.f("ix_inspections_origin_site"), "inspections", ["origin_site"], unique=False)
    op.create_index(op.f("ix_inspections_updated_at"), "inspections", ["updated_at"], unique=False)
    op.create_table(
        "package_log",
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("peer_site", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_package_log")),
    )
    op.create_index(op.f("ix_package_log_peer_site"), "package_log", ["peer_site"], unique=False)
    op.create_table(
        "rule_sets",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_rule_sets")),
    )
    op.create_index(op.f("ix_rule_sets_origin_site"), "rule_sets", ["origin_site"], unique=False)
    op.create_index(op.f("ix_rule_sets_updated_at"), "rule_sets", ["updated_at"], unique=False)
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "sites",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("county_uuid", sa.String(length=36), nullable=True),
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("sign_public_key", sa.LargeBinary(), nullable=True),
        sa.Column("box_public_key", sa.LargeBinary(), nullable=True),
        sa.Column("sealed_private_keys", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_sites")),
    )
    op.create_table(
        "dispatch_units",
        sa.Column("county_uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("contact_person", sa.String(length=50), nullable=True),
        sa.Column("contact_phone", sa.String(length=30), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["county_uuid"], ["counties.uuid"], name=op.f("fk_dispatch_units_county_uuid_counties")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_dispatch_units")),
        sa.UniqueConstraint("county_uuid", "name", name=op.f("uq_dispatch_units_county_uuid")),
    )
    op.create_index(op.f("ix_dispatch_units_county_uuid"), "dispatch_units", ["county_uuid"], unique=False)
    op.create_index(op.f("ix_dispatch_units_origin_site"), "dispatch_units", ["origin_site"], unique=False)
    op.create_index(op.f("ix_dispatch_units_updated_at"), "dispatch_units", ["updated_at"], unique=False)
    op.create_table(
        "townships",
        sa.Column("county_uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("secretary_name", sa.String(length=50), nullable=True),
        sa.Column("organizer_name", sa.String(length=50), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["county_uuid"], ["counties.uuid"], name=op.f("fk_townships_county_uuid_counties")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_townships")),
        sa.UniqueConstraint("county_uuid", "name", name=op.f("uq_townships_county_uuid")),
    )
    op.create_index(op.f("ix_townships_county_uuid"), "townships", ["county_uuid"], unique=False)
    op.create_index(op.f("ix_townships_origin_site"), "townships", ["origin_site"], unique=False)
    op.create_index(op.f("ix_townships_updated_at"), "townships", ["updated_at"], unique=False)
    op.create_table(
        "attendance_months",
        sa.Column("township_uuid", sa.String(length=36), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("sealed_at", sa.DateTime(), nullable=True),
        sa.Column("sealed_by", sa.String(length=50), nullable=True),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_attendance_months_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_attendance_months")),
        sa.UniqueConstraint("township_uuid", "month", name=op.f("uq_attendance_months_township_uuid")),
    )
    op.create_index(
        op.f("ix_attendance_months_origin_site"), "attendance_months", ["origin_site"], unique=False
    )
    op.create_index(
        op.f("ix_attendance_months_updated_at"), "attendance_months", ["updated_at"], unique=False
    )
    op.create_table(
        "persons",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("sex", sa.String(length=2), nullable=True),
        sa.Column("ethnicity", sa.String(length=20), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("political_status", sa.String(length=20), nullable=True),
        sa.Column("party_join_date", sa.Date(), nullable=True),
        sa.Column("work_start_date", sa.Date(), nullable=True),
        sa.Column("education", sa.String(length=20), nullable=True),
        sa.Column("unit_uuid", sa.String(length=36), nullable=True),
        sa.Column("position", sa.String(length=100), nullable=True),
        sa.Column("staffing", sa.String(length=10), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_uuid"], ["dispatch_units.uuid"], name=op.f("fk_persons_unit_uuid_dispatch_units")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_persons")),
        sa.UniqueConstraint("id_number", name=op.f("uq_persons_id_number")),
    )
    op.create_index(op.f("ix_persons_name"), "persons", ["name"], unique=False)
    op.create_index(op.f("ix_persons_origin_site"), "persons", ["origin_site"], unique=False)
    op.create_index(op.f("ix_persons_unit_uuid"), "persons", ["unit_uuid"], unique=False)
    op.create_index(op.f("ix_persons_updated_at"), "persons", ["updated_at"], unique=False)
    op.create_table(
        "spot_checks",
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("checkers", sa.String(length=200), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_spot_checks_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_spot_checks")),
    )
    op.create_index(op.f("ix_spot_checks_origin_site"), "spot_checks", ["origin_site"], unique=False)
    op.create_index(op.f("ix_spot_checks_updated_at"), "spot_checks", ["updated_at"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("display_name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_users_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "villages",
        sa.Column("township_uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_villages_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_villages")),
        sa.UniqueConstraint("township_uuid", "name", name=op.f("uq_villages_township_uuid")),
    )
    op.create_index(op.f("ix_villages_origin_site"), "villages", ["origin_site"], unique=False)
    op.create_index(op.f("ix_villages_township_uuid"), "villages", ["township_uuid"], unique=False)
    op.create_index(op.f("ix_villages_updated_at"), "villages", ["updated_at"], unique=False)
    op.create_table(
        "activities",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("village_uuid", sa.String(length=36), nullable=True),
        sa.Column("unit_uuid", sa.String(length=36), nullable=True),
        sa.Column("person_uuids", sa.JSON(), nullable=False),
        sa.Column("organizer", sa.String(length=100), nullable=True),
        sa.Column("level", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_activities_township_uuid_townships")
        ),
        sa.ForeignKeyConstraint(
            ["unit_uuid"], ["dispatch_units.uuid"], name=op.f("fk_activities_unit_uuid_dispatch_units")
        ),
        sa.ForeignKeyConstraint(
            ["village_uuid"], ["villages.uuid"], name=op.f("fk_activities_village_uuid_villages")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_activities")),
    )
    op.create_index(op.f("ix_activities_kind"), "activities", ["kind"], unique=False)
    op.create_index(op.f("ix_activities_origin_site"), "activities", ["origin_site"], unique=False)
    op.create_index(op.f("ix_activities_township_uuid"), "activities", ["township_uuid"], unique=False)
    op.create_index(op.f("ix_activities_updated_at"), "activities", ["updated_at"], unique=False)
    op.create_table(
        "assessments",
        sa.Column("person_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(length=10), nullable=True),
        sa.Column("proposed_by", sa.String(length=50), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_uuid"], ["persons.uuid"], name=op.f("fk_assessments_person_uuid_persons")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_assessments")),
    )
    op.create_index(op.f("ix_assessments_origin_site"), "assessments", ["origin_site"], unique=False)
    op.create_index(op.f("ix_assessments_person_uuid"), "assessments", ["person_uuid"], unique=False)
    op.create_index(op.f("ix_assessments_updated_at"), "assessments", ["updated_at"], unique=False)
    op.create_table(
        "incidents",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("reporter", sa.String(length=50), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("person_uuid", sa.String(length=36), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_uuid"], ["persons.uuid"], name=op.f("fk_incidents_person_uuid_persons")
        ),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_incidents_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_origin_site"), "incidents", ["origin_site"], unique=False)
    op.create_index(op.f("ix_incidents_updated_at"), "incidents", ["updated_at"], unique=False)
    op.create_table(
        "ledger_rows",
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("subject_kind", sa.String(length=10), nullable=False),
        sa.Column("subject_unit_uuid", sa.String(length=36), nullable=True),
        sa.Column("subject_person_uuid", sa.String(length=36), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("responsible", sa.String(length=50), nullable=False),
        sa.Column("progress", sa.Text(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("circulated", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_person_uuid"], ["persons.uuid"], name=op.f("fk_ledger_rows_subject_person_uuid_persons")
        ),
        sa.ForeignKeyConstraint(
            ["subject_unit_uuid"],
            ["dispatch_units.uuid"],
            name=op.f("fk_ledger_rows_subject_unit_uuid_dispatch_units"),
        ),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_ledger_rows_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_ledger_rows")),
    )
    op.create_index(op.f("ix_ledger_rows_origin_site"), "ledger_rows", ["origin_site"], unique=False)
    op.create_index(op.f("ix_ledger_rows_township_uuid"), "ledger_rows", ["township_uuid"], unique=False)
    op.create_index(op.f("ix_ledger_rows_updated_at"), "ledger_rows", ["updated_at"], unique=False)
    op.create_table(
        "month_seal_events",
        sa.Column("month_uuid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["month_uuid"],
            ["attendance_months.uuid"],
            name=op.f("fk_month_seal_events_month_uuid_attendance_months"),
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_month_seal_events")),
    )
    op.create_index(
        op.f("ix_month_seal_events_month_uuid"), "month_seal_events", ["month_uuid"], unique=False
    )
    op.create_index(
        op.f("ix_month_seal_events_origin_site"), "month_seal_events", ["origin_site"], unique=False
    )
    op.create_index(
        op.f("ix_month_seal_events_updated_at"), "month_seal_events", ["updated_at"], unique=False
    )
    op.create_table(
        "teams",
        sa.Column("village_uuid", sa.String(length=36), nullable=False),
        sa.Column("batch", sa.String(length=30), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["village_uuid"], ["villages.uuid"], name=op.f("fk_teams_village_uuid_villages")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_teams")),
    )
    op.create_index(op.f("ix_teams_origin_site"), "teams", ["origin_site"], unique=False)
    op.create_index(op.f("ix_teams_updated_at"), "teams", ["updated_at"], unique=False)
    op.create_index(op.f("ix_teams_village_uuid"), "teams", ["village_uuid"], unique=False)
    op.create_table(
        "inspection_findings",
        sa.Column("inspection_uuid", sa.String(length=36), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("ledger_uuid", sa.String(length=36), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_uuid"],
            ["inspections.uuid"],
            name=op.f("fk_inspection_findings_inspection_uuid_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["ledger_uuid"], ["ledger_rows.uuid"], name=op.f("fk_inspection_findings_ledger_uuid_ledger_rows")
        ),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_inspection_findings_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_inspection_findings")),
    )
    op.create_index(
        op.f("ix_inspection_findings_inspection_uuid"),
        "inspection_findings",
        ["inspection_uuid"],
        unique=False,
    )
    op.create_index(
        op.f("ix_inspection_findings_origin_site"), "inspection_findings", ["origin_site"], unique=False
    )
    op.create_index(
        op.f("ix_inspection_findings_updated_at"), "inspection_findings", ["updated_at"], unique=False
    )
    op.create_table(
        "ledger_verifications",
        sa.Column("ledger_uuid", sa.String(length=36), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("verifier", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ledger_uuid"],
            ["ledger_rows.uuid"],
            name=op.f("fk_ledger_verifications_ledger_uuid_ledger_rows"),
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_ledger_verifications")),
    )
    op.create_index(
        op.f("ix_ledger_verifications_ledger_uuid"), "ledger_verifications", ["ledger_uuid"], unique=False
    )
    op.create_index(
        op.f("ix_ledger_verifications_origin_site"), "ledger_verifications", ["origin_site"], unique=False
    )
    op.create_index(
        op.f("ix_ledger_verifications_updated_at"), "ledger_verifications", ["updated_at"], unique=False
    )
    op.create_table(
        "postings",
        sa.Column("person_uuid", sa.String(length=36), nullable=False),
        sa.Column("village_uuid", sa.String(length=36), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=False),
        sa.Column("team_uuid", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("is_leader", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("term_end_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=20), nullable=True),
        sa.Column("batch", sa.String(length=30), nullable=True),
        sa.Column("predecessor_uuid", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_uuid"], ["persons.uuid"], name=op.f("fk_postings_person_uuid_persons")
        ),
        sa.ForeignKeyConstraint(["team_uuid"], ["teams.uuid"], name=op.f("fk_postings_team_uuid_teams")),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_postings_township_uuid_townships")
        ),
        sa.ForeignKeyConstraint(
            ["village_uuid"], ["villages.uuid"], name=op.f("fk_postings_village_uuid_villages")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_postings")),
    )
    op.create_index(op.f("ix_postings_origin_site"), "postings", ["origin_site"], unique=False)
    op.create_index(op.f("ix_postings_person_uuid"), "postings", ["person_uuid"], unique=False)
    op.create_index(op.f("ix_postings_township_uuid"), "postings", ["township_uuid"], unique=False)
    op.create_index(op.f("ix_postings_updated_at"), "postings", ["updated_at"], unique=False)
    op.create_index(op.f("ix_postings_village_uuid"), "postings", ["village_uuid"], unique=False)
    op.create_table(
        "spot_check_results",
        sa.Column("spot_check_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_uuid", sa.String(length=36), nullable=False),
        sa.Column("result", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("ledger_uuid", sa.String(length=36), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ledger_uuid"], ["ledger_rows.uuid"], name=op.f("fk_spot_check_results_ledger_uuid_ledger_rows")
        ),
        sa.ForeignKeyConstraint(
            ["person_uuid"], ["persons.uuid"], name=op.f("fk_spot_check_results_person_uuid_persons")
        ),
        sa.ForeignKeyConstraint(
            ["spot_check_uuid"],
            ["spot_checks.uuid"],
            name=op.f("fk_spot_check_results_spot_check_uuid_spot_checks"),
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_spot_check_results")),
    )
    op.create_index(
        op.f("ix_spot_check_results_origin_site"), "spot_check_results", ["origin_site"], unique=False
    )
    op.create_index(
        op.f("ix_spot_check_results_spot_check_uuid"), "spot_check_results", ["spot_check_uuid"], unique=False
    )
    op.create_index(
        op.f("ix_spot_check_results_updated_at"), "spot_check_results", ["updated_at"], unique=False
    )
    op.create_table(
        "adjustments",
        sa.Column("posting_uuid", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("successor_person_uuid", sa.String(length=36), nullable=True),
        sa.Column("steps", sa.JSON(), nullable=False),
        sa.Column("approval_date", sa.Date(), nullable=True),
        sa.Column("transition_end", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["posting_uuid"], ["postings.uuid"], name=op.f("fk_adjustments_posting_uuid_postings")
        ),
        sa.ForeignKeyConstraint(
            ["successor_person_uuid"],
            ["persons.uuid"],
            name=op.f("fk_adjustments_successor_person_uuid_persons"),
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_adjustments")),
    )
    op.create_index(op.f("ix_adjustments_origin_site"), "adjustments", ["origin_site"], unique=False)
    op.create_index(op.f("ix_adjustments_posting_uuid"), "adjustments", ["posting_uuid"], unique=False)
    op.create_index(op.f("ix_adjustments_updated_at"), "adjustments", ["updated_at"], unique=False)
    op.create_table(
        "attendance_days",
        sa.Column("person_uuid", sa.String(length=36), nullable=False),
        sa.Column("posting_uuid", sa.String(length=36), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("code", sa.String(length=4), nullable=True),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_uuid"], ["persons.uuid"], name=op.f("fk_attendance_days_person_uuid_persons")
        ),
        sa.ForeignKeyConstraint(
            ["posting_uuid"], ["postings.uuid"], name=op.f("fk_attendance_days_posting_uuid_postings")
        ),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_attendance_days_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_attendance_days")),
        sa.UniqueConstraint("person_uuid", "day", name=op.f("uq_attendance_days_person_uuid")),
    )
    op.create_index(op.f("ix_attendance_days_origin_site"), "attendance_days", ["origin_site"], unique=False)
    op.create_index(
        op.f("ix_attendance_days_posting_uuid"), "attendance_days", ["posting_uuid"], unique=False
    )
    op.create_index(op.f("ix_attendance_days_updated_at"), "attendance_days", ["updated_at"], unique=False)
    op.create_index("ix_attendance_township_day", "attendance_days", ["township_uuid", "day"], unique=False)
    op.create_table(
        "leave_requests",
        sa.Column("person_uuid", sa.String(length=36), nullable=False),
        sa.Column("posting_uuid", sa.String(length=36), nullable=False),
        sa.Column("township_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("contact", sa.String(length=50), nullable=True),
        sa.Column("handover_person_uuid", sa.String(length=36), nullable=True),
        sa.Column("rule_set_uuid", sa.String(length=36), nullable=True),
        sa.Column("rule_set_number", sa.Integer(), nullable=True),
        sa.Column("chain", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("extends_uuid", sa.String(length=36), nullable=True),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handover_person_uuid"],
            ["persons.uuid"],
            name=op.f("fk_leave_requests_handover_person_uuid_persons"),
        ),
        sa.ForeignKeyConstraint(
            ["person_uuid"], ["persons.uuid"], name=op.f("fk_leave_requests_person_uuid_persons")
        ),
        sa.ForeignKeyConstraint(
            ["posting_uuid"], ["postings.uuid"], name=op.f("fk_leave_requests_posting_uuid_postings")
        ),
        sa.ForeignKeyConstraint(
            ["rule_set_uuid"], ["rule_sets.uuid"], name=op.f("fk_leave_requests_rule_set_uuid_rule_sets")
        ),
        sa.ForeignKeyConstraint(
            ["township_uuid"], ["townships.uuid"], name=op.f("fk_leave_requests_township_uuid_townships")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_leave_requests")),
    )
    op.create_index(op.f("ix_leave_requests_origin_site"), "leave_requests", ["origin_site"], unique=False)
    op.create_index(op.f("ix_leave_requests_person_uuid"), "leave_requests", ["person_uuid"], unique=False)
    op.create_index(op.f("ix_leave_requests_posting_uuid"), "leave_requests", ["posting_uuid"], unique=False)
    op.create_index(
        op.f("ix_leave_requests_township_uuid"), "leave_requests", ["township_uuid"], unique=False
    )
    op.create_index(op.f("ix_leave_requests_updated_at"), "leave_requests", ["updated_at"], unique=False)
    op.create_table(
        "leave_returns",
        sa.Column("request_uuid", sa.String(length=36), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_uuid"],
            ["leave_requests.uuid"],
            name=op.f("fk_leave_returns_request_uuid_leave_requests"),
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_leave_returns")),
    )
    op.create_index(op.f("ix_leave_returns_origin_site"), "leave_returns", ["origin_site"], unique=False)
    op.create_index(op.f("ix_leave_returns_request_uuid"), "leave_returns", ["request_uuid"], unique=False)
    op.create_index(op.f("ix_leave_returns_updated_at"), "leave_returns", ["updated_at"], unique=False)
    op.create_table(
        "leave_steps",
        sa.Column("request_uuid", sa.String(length=36), nullable=False),
        sa.Column("step_no", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(length=30), nullable=False),
        sa.Column("signer", sa.String(length=50), nullable=True),
        sa.Column("decision", sa.String(length=6), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_site", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_uuid"], ["leave_requests.uuid"], name=op.f("fk_leave_steps_request_uuid_leave_requests")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_leave_steps")),
    )
    op.create_index(op.f("ix_leave_steps_origin_site"), "leave_steps", ["origin_site"], unique=False)
    op.create_index(op.f("ix_leave_steps_request_uuid"), "leave_steps", ["request_uuid"], unique=False)
    op.create_index(op.f("ix_leave_steps_updated_at"), "leave_steps", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_leave_steps_updated_at"), table_name="leave_steps")
    op.drop_index(op.f("ix_leave_steps_request_uuid"), table_name="leave_steps")
    op.drop_index(op.f("ix_leave_steps_origin_site"), table_name="leave_steps")
    op.drop_table("leave_steps")
    op.drop_index(op.f("ix_leave_returns_updated_at"), table_name="leave_returns")
    op.drop_index(op.f("ix_leave_returns_request_uuid"), table_name="leave_returns")
    op.drop_index(op.f("ix_leave_returns_origin_site"), table_name="leave_returns")
    op.drop_table("leave_returns")
    op.drop_index(op.f("ix_leave_requests_updated_at"), table_name="leave_requests")
    op.drop_index(op.f("ix_leave_requests_township_uuid"), table_name="leave_requests")
    op.drop_index(op.f("ix_leave_requests_posting_uuid"), table_name="leave_requests")
    op.drop_index(op.f("ix_leave_requests_person_uuid"), table_name="leave_requests")
    op.drop_index(op.f("ix_leave_requests_origin_site"), table_name="leave_requests")
    op.drop_table("leave_requests")
    op.drop_index("ix_attendance_township_day", table_name="attendance_days")
    op.drop_index(op.f("ix_attendance_days_updated_at"), table_name="attendance_days")
    op.drop_index(op.f("ix_attendance_days_posting_uuid"), table_name="attendance_days")
    op.drop_index(op.f("ix_attendance_days_origin_site"), table_name="attendance_days")
    op.drop_table("attendance_days")
    op.drop_index(op.f("ix_adjustments_updated_at"), table_name="adjustments")
    op.drop_index(op.f("ix_adjustments_posting_uuid"), table_name="adjustments")
    op.drop_index(op.f("ix_adjustments_origin_site"), table_name="adjustments")
    op.drop_table("adjustments")
    op.drop_index(op.f("ix_spot_check_results_updated_at"), table_name="spot_check_results")
    op.drop_index(op.f("ix_spot_check_results_spot_check_uuid"), table_name="spot_check_results")
    op.drop_index(op.f("ix_spot_check_results_origin_site"), table_name="spot_check_results")
    op.drop_table("spot_check_results")
    op.drop_index(op.f("ix_postings_village_uuid"), table_name="postings")
    op.drop_index(op.f("ix_postings_updated_at"), table_name="postings")
    op.drop_index(op.f("ix_postings_township_uuid"), table_name="postings")
    op.drop_index(op.f("ix_postings_person_uuid"), table_name="postings")
    op.drop_index(op.f("ix_postings_origin_site"), table_name="postings")
    op.drop_table("postings")
    op.drop_index(op.f("ix_ledger_verifications_updated_at"), table_name="ledger_verifications")
    op.drop_index(op.f("ix_ledger_verifications_origin_site"), table_name="ledger_verifications")
    op.drop_index(op.f("ix_ledger_verifications_ledger_uuid"), table_name="ledger_verifications")
    op.drop_table("ledger_verifications")
    op.drop_index(op.f("ix_inspection_findings_updated_at"), table_name="inspection_findings")
    op.drop_index(op.f("ix_inspection_findings_origin_site"), table_name="inspection_findings")
    op.drop_index(op.f("ix_inspection_findings_inspection_uuid"), table_name="inspection_findings")
    op.drop_table("inspection_findings")
    op.drop_index(op.f("ix_teams_village_uuid"), table_name="teams")
    op.drop_index(op.f("ix_teams_updated_at"), table_name="teams")
    op.drop_index(op.f("ix_teams_origin_site"), table_name="teams")
    op.drop_table("teams")
    op.drop_index(op.f("ix_month_seal_events_updated_at"), table_name="month_seal_events")
    op.drop_index(op.f("ix_month_seal_events_origin_site"), table_name="month_seal_events")
    op.drop_index(op.f("ix_month_seal_events_month_uuid"), table_name="month_seal_events")
    op.drop_table("month_seal_events")
    op.drop_index(op.f("ix_ledger_rows_updated_at"), table_name="ledger_rows")
    op.drop_index(op.f("ix_ledger_rows_township_uuid"), table_name="ledger_rows")
    op.drop_index(op.f("ix_ledger_rows_origin_site"), table_name="ledger_rows")
    op.drop_table("ledger_rows")
    op.drop_index(op.f("ix_incidents_updated_at"), table_name="incidents")
    op.drop_index(op.f("ix_incidents_origin_site"), table_name="incidents")
    op.drop_table("incidents")
    op.drop_index(op.f("ix_assessments_updated_at"), table_name="assessments")
    op.drop_index(op.f("ix_assessments_person_uuid"), table_name="assessments")
    op.drop_index(op.f("ix_assessments_origin_site"), table_name="assessments")
    op.drop_table("assessments")
    op.drop_index(op.f("ix_activities_updated_at"), table_name="activities")
    op.drop_index(op.f("ix_activities_township_uuid"), table_name="activities")
    op.drop_index(op.f("ix_activities_origin_site"), table_name="activities")
    op.drop_index(op.f("ix_activities_kind"), table_name="activities")
    op.drop_table("activities")
    op.drop_index(op.f("ix_villages_updated_at"), table_name="villages")
    op.drop_index(op.f("ix_villages_township_uuid"), table_name="villages")
    op.drop_index(op.f("ix_villages_origin_site"), table_name="villages")
    op.drop_table("villages")
    op.drop_table("users")
    op.drop_index(op.f("ix_spot_checks_updated_at"), table_name="spot_checks")
    op.drop_index(op.f("ix_spot_checks_origin_site"), table_name="spot_checks")
    op.drop_table("spot_checks")
    op.drop_index(op.f("ix_persons_updated_at"), table_name="persons")
    op.drop_index(op.f("ix_persons_unit_uuid"), table_name="persons")
    op.drop_index(op.f("ix_persons_origin_site"), table_name="persons")
    op.drop_index(op.f("ix_persons_name"), table_name="persons")
    op.drop_table("persons")
    op.drop_index(op.f("ix_attendance_months_updated_at"), table_name="attendance_months")
    op.drop_index(op.f("ix_attendance_months_origin_site"), table_name="attendance_months")
    op.drop_table("attendance_months")
    op.drop_index(op.f("ix_townships_updated_at"), table_name="townships")
    op.drop_index(op.f("ix_townships_origin_site"), table_name="townships")
    op.drop_index(op.f("ix_townships_county_uuid"), table_name="townships")
    op.drop_table("townships")
    op.drop_index(op.f("ix_dispatch_units_updated_at"), table_name="dispatch_units")
    op.drop_index(op.f("ix_dispatch_units_origin_site"), table_name="dispatch_units")
    op.drop_index(op.f("ix_dispatch_units_county_uuid"), table_name="dispatch_units")
    op.drop_table("dispatch_units")
    op.drop_table("sites")
    op.drop_table("settings")
    op.drop_index(op.f("ix_rule_sets_updated_at"), table_name="rule_sets")
    op.drop_index(op.f("ix_rule_sets_origin_site"), table_name="rule_sets")
    op.drop_table("rule_sets")
    op.drop_index(op.f("ix_package_log_peer_site"), table_name="package_log")
    op.drop_table("package_log")
    op.drop_index(op.f("ix_inspections_updated_at"), table_name="inspections")
    op.drop_index(op.f("ix_inspections_origin_site"), table_name="inspections")
    op.drop_table("inspections")
    op.drop_index(op.f("ix_counties_updated_at"), table_name="counties")
    op.drop_index(op.f("ix_counties_origin_site"), table_name="counties")
    op.drop_table("counties")
    op.drop_index(op.f("ix_conflicts_package_id"), table_name="conflicts")
    op.drop_table("conflicts")
    op.drop_index(op.f("ix_circulars_updated_at"), table_name="circulars")
    op.drop_index(op.f("ix_circulars_origin_site"), table_name="circulars")
    op.drop_table("circulars")
    op.drop_index(op.f("ix_calendar_years_updated_at"), table_name="calendar_years")
    op.drop_index(op.f("ix_calendar_years_origin_site"), table_name="calendar_years")
    op.drop_table("calendar_years")
    op.drop_index(op.f("ix_calendar_days_updated_at"), table_name="calendar_days")
    op.drop_index(op.f("ix_calendar_days_origin_site"), table_name="calendar_days")
    op.drop_table("calendar_days")
    op.drop_index(op.f("ix_audit_log_record_uuid"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_attendance_codes_updated_at"), table_name="attendance_codes")
    op.drop_index(op.f("ix_attendance_codes_origin_site"), table_name="attendance_codes")
    op.drop_table("attendance_codes")
    op.drop_index(op.f("ix_attachments_updated_at"), table_name="attachments")
    op.drop_index(op.f("ix_attachments_owner_uuid"), table_name="attachments")
    op.drop_index(op.f("ix_attachments_origin_site"), table_name="attachments")
    op.drop_table("attachments")
