"""A roster import writes its new records in bulk: one audit entry names the import, the file, the row count and
every new record; the travelling columns are stamped as the flush hook would; changes stay audited one by one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from tests.services.test_roster_import import good_row, ugly_sheet
from zhucun_desktop.services import audit_view
from zhucun_desktop.services.roster_import import import_roster
from zhucun_desktop.storage.models import AuditEntry, DispatchUnit, Person, Posting, Township, Village

ROWS = [good_row("王建国", date(1985, 3, 12), 123), good_row("陈丽", date(1990, 1, 5), 224, role="队员"),
        good_row("周涛", date(1982, 11, 30), 335, role="工作队员", village="小河村")]


def test_an_import_is_one_audit_entry_naming_file_row_count_and_every_new_record(ws, tmp_path):
    sheet = ugly_sheet(tmp_path / "东风镇 花名册.xlsx", ROWS)
    assert import_roster(ws, sheet).applied
    with ws.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "导入花名册")))
        persons = {p.uuid for p in s.scalars(select(Person))}
        postings = {p.uuid for p in s.scalars(select(Posting))}
        villages = {v.uuid for v in s.scalars(select(Village))}
        per_record = s.scalars(select(AuditEntry).where(AuditEntry.record_uuid.in_(persons | postings))).all()
    (entry,) = entries
    assert entry.actor == "admin" and entry.table_name == "persons"
    assert "东风镇 花名册.xlsx" in entry.summary and "共3行" in entry.summary and "新增人员3人" in entry.summary
    assert entry.after["文件"] == "东风镇 花名册.xlsx" and entry.after["行数"] == 3
    assert set(entry.after["persons"]) == persons and len(persons) == 3
    assert set(entry.after["postings"]) == postings and set(entry.after["villages"]) == villages
    assert per_record == []  # no 10,000 audit rows for a 10,000-row sheet


def test_bulk_inserted_records_carry_the_travelling_columns_of_this_site(ws, tmp_path):
    assert import_roster(ws, ugly_sheet(tmp_path / "r.xlsx", ROWS)).applied
    with ws.read() as s:
        for model in (Township, Village, DispatchUnit, Person, Posting):
            rows = s.scalars(select(model)).all()
            assert rows, model.__tablename__
            for row in rows:
                assert len(row.uuid) == 36 and row.origin_site == ws.site_id
                assert row.version == 1 and row.deleted is False and row.updated_at is not None
        wang = s.scalars(select(Person).where(Person.name == "王建国")).one()
        posting = s.scalars(select(Posting).where(Posting.person_uuid == wang.uuid)).one()
    assert wang.birth_date == date(1985, 3, 12) and wang.sex == "男"
    assert posting.is_leader and posting.term_end_date == date(2027, 5, 1)


def test_a_changed_person_in_a_later_import_is_audited_field_by_field(ws, tmp_path):
    assert import_roster(ws, ugly_sheet(tmp_path / "a.xlsx", ROWS[:1])).applied
    changed = list(ROWS[0])
    changed[-1] = "13800001111"
    report = import_roster(ws, ugly_sheet(tmp_path / "b.xlsx", [changed]))
    assert report.applied and report.updated_persons == ["王建国"]
    with ws.read() as s:
        wang = s.scalars(select(Person).where(Person.name == "王建国")).one()
        edits = s.scalars(select(AuditEntry).where(AuditEntry.record_uuid == wang.uuid)).all()
    assert wang.phone == "13800001111" and wang.version == 2
    ((edit),) = edits
    assert edit.action == "导入花名册" and edit.before == {"phone": "13987654321"}
    assert edit.after == {"phone": "13800001111"}


def test_the_audit_log_shows_the_import_as_one_line(ws, tmp_path):
    assert import_roster(ws, ugly_sheet(tmp_path / "花名册.xlsx", ROWS)).applied
    newest = audit_view.list_entries(ws, limit=1)[0]
    assert newest.action == "导入花名册" and newest.actor_name == "李管理"
    assert newest.summary.startswith("导入花名册“花名册.xlsx”共3行：新增人员3人，新增驻村记录3条")
