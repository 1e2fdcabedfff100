"""SQLAlchemy 2 models for the whole domain of DOMAIN.md.

Travelling tables (``Travelling`` mixin) use the record's uuid as primary key and refer to each other by uuid,
so a row keeps its identity and its links when it moves between county and townships. Local tables (users,
audit, site keys, package log) never leave the machine.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling, new_uuid, utcnow
from .models_supervision import (
    Attachment,
    Circular,
    Inspection,
    InspectionFinding,
    LedgerProgress,
    LedgerRow,
    LedgerVerification,
    SpotCheck,
    SpotCheckResult,
)

# ---------------------------------------------------------------- sites (local) ---------------------------------


class Site(Base):
    """An installation: the county's or a township's. Exactly one row has ``is_self``."""

    __tablename__ = "sites"
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))  # terms.SITE_KIND_*
    county_uuid: Mapped[str | None] = mapped_column(String(36))
    township_uuid: Mapped[str | None] = mapped_column(String(36))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    box_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Private keys only for the own site, sealed with a key derived from the administrator's password.
    sealed_private_keys: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Setting(Base):
    """Local key/value settings (last daily backup, UI preferences)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


# ---------------------------------------------------------------- organisation ---------------------------------


class County(Travelling, Base):
    __tablename__ = "counties"
    name: Mapped[str] = mapped_column(String(100))


class Township(Travelling, Base):
    """乡镇."""

    __tablename__ = "townships"
    county_uuid: Mapped[str] = mapped_column(ForeignKey("counties.uuid"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    secretary_name: Mapped[str | None] = mapped_column(String(50))  # 乡镇党委书记, signs monthly tables
    organizer_name: Mapped[str | None] = mapped_column(String(50))  # 组织委员 / 党务副书记
    villages: Mapped[list[Village]] = relationship(back_populates="township", lazy="raise_on_sql")
    __table_args__ = (UniqueConstraint("county_uuid", "name"),)


class Village(Travelling, Base):
    """村, with one or more categories (脱贫村, 乡村振兴重点村, 集体经济薄弱村, 党组织软弱涣散村)."""

    __tablename__ = "villages"
    township_uuid: Mapped[str] = mapped_column(ForeignKey("townships.uuid"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    township: Mapped[Township] = relationship(back_populates="villages", lazy="raise_on_sql")
    __table_args__ = (UniqueConstraint("township_uuid", "name"),)


class DispatchUnit(Travelling, Base):
    """派出单位: the county organ, SOE or public institution a cadre comes from."""

    __tablename__ = "dispatch_units"
    county_uuid: Mapped[str] = mapped_column(ForeignKey("counties.uuid"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(20))
    contact_person: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str | None] = mapped_column(String(30))
    __table_args__ = (UniqueConstraint("county_uuid", "name"),)


# ---------------------------------------------------------------- people and postings -------------------------


class Person(Travelling, Base):
    """A stationed cadre (驻村干部)."""

    __tablename__ = "persons"
    name: Mapped[str] = mapped_column(String(50), index=True)
    sex: Mapped[str | None] = mapped_column(String(2))
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    political_status: Mapped[str | None] = mapped_column(String(20))
    party_join_date: Mapped[date | None] = mapped_column(Date)
    work_start_date: Mapped[date | None] = mapped_column(Date)
    education: Mapped[str | None] = mapped_column(String(20))
    unit_uuid: Mapped[str | None] = mapped_column(ForeignKey("dispatch_units.uuid"), index=True)
    position: Mapped[str | None] = mapped_column(String(100))  # 职务职级
    staffing: Mapped[str | None] = mapped_column(String(10))  # 编制性质
    phone: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)


class Team(Travelling, Base):
    """驻村工作队 of one village for one batch; the first secretary is its 队长 when both are dispatched."""

    __tablename__ = "teams"
    village_uuid: Mapped[str] = mapped_column(ForeignKey("villages.uuid"), index=True)
    batch: Mapped[str | None] = mapped_column(String(30))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


class Posting(Travelling, Base):
    """A person's posting to one village (§4–§6). History is kept: a new posting never overwrites an old one."""

    __tablename__ = "postings"
    person_uuid: Mapped[str] = mapped_column(ForeignKey("persons.uuid"), index=True)
    village_uuid: Mapped[str] = mapped_column(ForeignKey("villages.uuid"), index=True)
    township_uuid: Mapped[str] = mapped_column(ForeignKey("townships.uuid"), index=True)
    team_uuid: Mapped[str | None] = mapped_column(ForeignKey("teams.uuid"))
    role: Mapped[str] = mapped_column(String(10))  # terms.ROLES
    is_leader: Mapped[bool] = mapped_column(Boolean, default=False)  # 队长
    start_date: Mapped[date] = mapped_column(Date)
    term_end_date: Mapped[date | None] = mapped_column(Date)  # planned: start + 2 years (§4)
    end_date: Mapped[date | None] = mapped_column(Date)  # actual last day in post
    end_reason: Mapped[str | None] = mapped_column(String(20))  # terms.ADJUSTMENT_REASONS
    batch: Mapped[str | None] = mapped_column(String(30))
    predecessor_uuid: Mapped[str | None] = mapped_column(String(36))  # whom this posting succeeds (§5, §6)
    note: Mapped[str | None] = mapped_column(Text)


class Adjustment(Travelling, Base):
    """动态调整 case (§5): reason, steps, the written approval and the successor's report-by date (2 days)."""

    __tablename__ = "adjustments"
    posting_uuid: Mapped[str] = mapped_column(ForeignKey("postings.uuid"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    explanation: Mapped[str | None] = mapped_column(Text)
    successor_person_uuid: Mapped[str | None] = mapped_column(ForeignKey("persons.uuid"))
    steps: Mapped[list[dict]] = mapped_column(JSON, default=list)
    approval_date: Mapped[date | None] = mapped_column(Date)  # 书面批复
    transition_end: Mapped[date | None] = mapped_column(Date)  # 半个月过渡期 (§6)
    state: Mapped[str] = mapped_column(String(20), default="办理中")


# ---------------------------------------------------------------- rules and calendar (county owned) -----------


class RuleSet(Travelling, Base):
    """A versioned rule set; each leave request keeps the version it was decided under."""

    __tablename__ = "rule_sets"
    name: Mapped[str] = mapped_column(String(100))
    number: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class CalendarDay(Travelling, Base):
    """An exception to Monday–Friday: a holiday on a weekday or a 调休 working weekend, county-issued."""

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # 工作日 / 节假日
    note: Mapped[str | None] = mapped_column(String(100))


class CalendarYear(Travelling, Base):
    """A year the county has issued a calendar for (so that year is known, never guessed)."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, unique=True)
    source: Mapped[str] = mapped_column(String(50))


class AttendanceCode(Travelling, Base):
    """考勤符号: the printed legend and the grid read from here."""

    __tablename__ = "attendance_codes"
    code: Mapped[str] = mapped_column(String(4), unique=True)
    label: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(10))  # 在岗 / 公出 / 请假 / 休息 / 旷工
    in_post: Mapped[bool] = mapped_column(Boolean, default=False)
    sort: Mapped[int] = mapped_column(Integer, default=0)


# ---------------------------------------------------------------- attendance (township owned) ----------------


class AttendanceDay(Travelling, Base):
    """考勤按日登记 (§7): one cell of the monthly table."""

    __tablename__ = "attendance_days"
    person_uuid: Mapped[str] = mapped_column(ForeignKey("persons.uuid"))
    posting_uuid: Mapped[str] = mapped_column(ForeignKey("postings.uuid"), index=True)
    township_uuid: Mapped[str] = mapped_column(ForeignKey("townships.uuid"))
    day: Mapped[date] = mapped_column(Date)
    code: Mapped[str | None] = mapped_column(String(4))
    source: Mapped[str] = mapped_column(String(10), default="manual")  # manual / leave / overdue / import
    note: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (
        UniqueConstraint("person_uuid", "day"),
        Index("ix_attendance_township_day", "township_uuid", "day"),
    )


class AttendanceMonth(Travelling, Base):
    """A township's month: 未完成 / 待审核 / 已封存 / 已报送, with the seal's content hash."""

    __tablename__ = "attendance_months"
    township_uuid: Mapped[str] = mapped_column(ForeignKey("townships.uuid"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    state: Mapped[str] = mapped_column(String(10), default="未完成")
    content_hash: Mapped[str | None] = mapped_column(String(64))
    sealed_at: Mapped[datetime | None] = mapped_column(DateTime)
    sealed_by: Mapped[str | None] = mapped_column(String(50))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("township_uuid", "month"),)


class MonthSealEvent(Travelling, Base):
    """Append-only history of seals and reopenings (a reopen needs a reason)."""

    __tablename__ = "month_seal_events"
    month_uuid: Mapped[str] = mapped_column(ForeignKey("attendance_months.uuid"), index=True)
    action: Mapped[str] = mapped_column(String(10))  # 封存 / 重开 / 报送
    content_hash: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# ---------------------------------------------------------------- leave (§8) ----------------------------------


class LeaveRequest(Travelling, Base):
    """请假: a written request; its chain is a snapshot of the rule set's chain when it was made."""

    __tablename__ = "leave_requests"
    person_uuid: Mapped[str] = mapped_column(ForeignKey("persons.uuid"), index=True)
    posting_uuid: Mapped[str] = mapped_column(ForeignKey("postings.uuid"), index=True)
    township_uuid: Mapped[str] = mapped_column(ForeignKey("townships.uuid"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # 出差出访 / 学习考察 / 参会培训 / 事假 / 病假 / 年休假
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)
    destination: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(50))
    handover_person_uuid: Mapped[str | None] = mapped_column(ForeignKey("persons.uuid"))  # 工作交接人
    rule_set_uuid: Mapped[str | None] = mapped_column(ForeignKey("rule_sets.uuid"))
    rule_set_number: Mapped[int | None] = mapped_column(Integer)
    chain: Mapped[list[str]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(12), default="草稿")
    extends_uuid: Mapped[str | None] = mapped_column(String(36))  # an extension (续假) of another request
    filed_on: Mapped[date | None] = mapped_column(Date)
    # 撤回 (withdrawn by the township): the day and the reason travel with the request (revision 0002).
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdraw_reason: Mapped[str | None] = mapped_column(Text)


class LeaveStep(Travelling, Base):
    """One signature of the chain, owned by the site that took it (township on paper, or the county)."""

    __tablename__ = "leave_steps"
    request_uuid: Mapped[str] = mapped_column(ForeignKey("leave_requests.uuid"), index=True)
    step_no: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(String(30))
    signer: Mapped[str | None] = mapped_column(String(50))
    decision: Mapped[str] = mapped_column(String(6))  # 同意 / 不同意
    decided_on: Mapped[date] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)


class LeaveReturn(Travelling, Base):
    """销假: register the return with whoever approved the leave."""

    __tablename__ = "leave_returns"
    request_uuid: Mapped[str] = mapped_column(ForeignKey("leave_requests.uuid"), index=True)
    returned_on: Mapped[date] = mapped_column(Date)
    registered_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


# ---------------------------------------------------------------- duties: talks, meetings, training ----------


class Activity(Travelling, Base):
    """A registered event that fulfils a recurring duty: 谈心谈话, 季度座谈会, 工作汇报, 到村调研, 培训, 思想汇报,
    年度帮扶计划, 村工作例会, 调研报告, 民情日记检查, 安全教育, 意外保险 (§2, §3, §9–§16, §21)."""

    __tablename__ = "activities"
    kind: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    township_uuid: Mapped[str | None] = mapped_column(ForeignKey("townships.uuid"), index=True)
    village_uuid: Mapped[str | None] = mapped_column(ForeignKey("villages.uuid"))
    unit_uuid: Mapped[str | None] = mapped_column(ForeignKey("dispatch_units.uuid"))
    person_uuids: Mapped[list[str]] = mapped_column(JSON, default=list)  # participants
    organizer: Mapped[str | None] = mapped_column(String(100))
    level: Mapped[str | None] = mapped_column(String(10))  # 县级 / 市级 / 省级 / 国家级 for training
    note: Mapped[str | None] = mapped_column(Text)


class Assessment(Travelling, Base):
    """考核: 平时 / 年度 / 期满, grades 优秀 / 称职 / 基本称职 / 不称职."""

    __tablename__ = "assessments"
    person_uuid: Mapped[str] = mapped_column(ForeignKey("persons.uuid"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str | None] = mapped_column(String(10))
    proposed_by: Mapped[str | None] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)


class Incident(Travelling, Base):
    """重大事项 reported at once (§12, §21)."""

    __tablename__ = "incidents"
    kind: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    reported_at: Mapped[datetime] = mapped_column(DateTime)
    reporter: Mapped[str] = mapped_column(String(50))
    township_uuid: Mapped[str | None] = mapped_column(ForeignKey("townships.uuid"))
    person_uuid: Mapped[str | None] = mapped_column(ForeignKey("persons.uuid"))
    description: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- supervision (§7, §13, §14) -----------------
# In models_supervision.py (this file grew past its size), imported at the top so the tables are on
# Base.metadata before TRAVELLING_MODELS is read; every ``from ...models import LedgerRow`` keeps working.
SUPERVISION_MODELS: tuple[type[Base], ...] = (
    Attachment,
    Circular,
    Inspection,
    InspectionFinding,
    LedgerProgress,
    LedgerRow,
    LedgerVerification,
    SpotCheck,
    SpotCheckResult,
)

# ---------------------------------------------------------------- local: accounts, audit, hand-off ----------


class User(Base):
    """A local account. Passwords are argon2id hashes."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))  # terms.USER_ROLES
    township_uuid: Mapped[str | None] = mapped_column(ForeignKey("townships.uuid"))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who changed what, when, before and after: written in the same transaction as the change."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(40))
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    summary: Mapped[str | None] = mapped_column(String(300))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


class PackageLog(Base):
    """Every USB package written or read (idempotence and sequence gaps)."""

    __tablename__ = "package_log"
    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(4))  # out / in
    peer_site: Mapped[str] = mapped_column(String(36), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    payload_hash: Mapped[str] = mapped_column(String(64))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class Conflict(Base):
    """An incoming row that could not be merged: kept here for review, never dropped."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(300))
    incoming: Mapped[dict] = mapped_column(JSON)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


TRAVELLING_MODELS: tuple[type[Base], ...] = tuple(
    m for m in Base.registry._class_registry.values()
    if isinstance(m, type) and issubclass(m, Travelling)
)
