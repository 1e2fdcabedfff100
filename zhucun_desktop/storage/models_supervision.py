"""Supervision models (§7, §13, §14): the negative list and rectification ledger with its progress records and
the county's verifications, spot checks, inspections and circulars, and evidence files.

Split out of ``models.py`` (which re-exports every class here). Each act on a ledger row by a site other than
the row's creator is its own record owned by the acting site (DESIGN.md, "Records that travel"): 整改进展 and
整改完成 are ``LedgerProgress`` rows (township or county), 核查 is a ``LedgerVerification`` (county).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Travelling


class LedgerRow(Travelling, Base):
    """负面清单及整改台账 row: the creator's fields (问题来源 … 责任人, 是否通报).

    ``progress``, ``completed_on`` and ``state`` are the pre-0002 way of recording 整改进展 on the row itself;
    revision 0002 turned them into ``LedgerProgress`` records and nothing reads or writes them any more (they
    are kept so that an old row keeps its original content and an older package still decodes).
    """

    __tablename__ = "ledger_rows"
    township_uuid: Mapped[str | None] = mapped_column(ForeignKey("townships.uuid"), index=True)
    source: Mapped[str] = mapped_column(String(50))  # 问题来源
    found_on: Mapped[date] = mapped_column(Date)  # 发现时间
    subject_kind: Mapped[str] = mapped_column(String(10))  # 派出单位 / 驻村干部
    subject_unit_uuid: Mapped[str | None] = mapped_column(ForeignKey("dispatch_units.uuid"))
    subject_person_uuid: Mapped[str | None] = mapped_column(ForeignKey("persons.uuid"))
    description: Mapped[str] = mapped_column(Text)
    measures: Mapped[str | None] = mapped_column(Text)  # 整改措施
    deadline: Mapped[date] = mapped_column(Date)  # 整改时限
    responsible: Mapped[str] = mapped_column(String(50))  # 责任人
    progress: Mapped[str | None] = mapped_column(Text)  # legacy 整改进展 (before 0002)
    completed_on: Mapped[date | None] = mapped_column(Date)  # legacy 完成时间 (before 0002)
    state: Mapped[str] = mapped_column(String(12), default="待整改")  # legacy state (before 0002)
    circulated: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否通报


class LedgerProgress(Travelling, Base):
    """整改进展 (kind 进展) or 整改完成 (kind 整改完成, with 完成时间): append-only, owned by the site that
    recorded it — the township the row concerns or the county (§13)."""

    __tablename__ = "ledger_progress"
    ledger_uuid: Mapped[str] = mapped_column(ForeignKey("ledger_rows.uuid"), index=True)
    progress_on: Mapped[date] = mapped_column(Date)  # the entry's date
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))  # 进展 / 整改完成
    completed_on: Mapped[date | None] = mapped_column(Date)  # 完成时间, with kind 整改完成
    recorded_by: Mapped[str | None] = mapped_column(String(50))  # the user who recorded it (display name)


class LedgerVerification(Travelling, Base):
    """核查: the county's verification of a ledger row, its own record."""

    __tablename__ = "ledger_verifications"
    ledger_uuid: Mapped[str] = mapped_column(ForeignKey("ledger_rows.uuid"), index=True)
    verified_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(10))  # 核查通过 / 核查未通过
    verifier: Mapped[str] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(Text)


class SpotCheck(Travelling, Base):
    """抽查 by 实地检查 / 手机定位 / 电话询问 / 微信视频 (§7)."""

    __tablename__ = "spot_checks"
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    method: Mapped[str] = mapped_column(String(10))
    checkers: Mapped[str] = mapped_column(String(200))
    township_uuid: Mapped[str | None] = mapped_column(ForeignKey("townships.uuid"))
    note: Mapped[str | None] = mapped_column(Text)


class SpotCheckResult(Travelling, Base):
    __tablename__ = "spot_check_results"
    spot_check_uuid: Mapped[str] = mapped_column(ForeignKey("spot_checks.uuid"), index=True)
    person_uuid: Mapped[str] = mapped_column(ForeignKey("persons.uuid"))
    result: Mapped[str] = mapped_column(String(10))  # 在岗 / 不在岗 / 联系不上
    note: Mapped[str | None] = mapped_column(Text)
    ledger_uuid: Mapped[str | None] = mapped_column(ForeignKey("ledger_rows.uuid"))


class Inspection(Travelling, Base):
    """督查."""

    __tablename__ = "inspections"
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))  # 定期 / 不定期
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)


class InspectionFinding(Travelling, Base):
    __tablename__ = "inspection_findings"
    inspection_uuid: Mapped[str] = mapped_column(ForeignKey("inspections.uuid"), index=True)
    township_uuid: Mapped[str | None] = mapped_column(ForeignKey("townships.uuid"))
    description: Mapped[str] = mapped_column(Text)
    ledger_uuid: Mapped[str | None] = mapped_column(ForeignKey("ledger_rows.uuid"))


class Circular(Travelling, Base):
    """通报."""

    __tablename__ = "circulars"
    title: Mapped[str] = mapped_column(String(200))
    doc_number: Mapped[str | None] = mapped_column(String(50))  # 文号
    body: Mapped[str] = mapped_column(Text)
    issued_on: Mapped[date] = mapped_column(Date)
    finding_uuids: Mapped[list[str]] = mapped_column(JSON, default=list)


class Attachment(Travelling, Base):
    """An evidence file copied into the data directory, identified by its SHA-256 (the file travels in the
    USB package with its row, see ``handoff.files``)."""

    __tablename__ = "attachments"
    owner_table: Mapped[str] = mapped_column(String(40))
    owner_uuid: Mapped[str] = mapped_column(String(36), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
