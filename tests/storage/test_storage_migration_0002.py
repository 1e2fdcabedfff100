"""Revision 0002 on a database written by revision 0001: its data are kept, the 整改进展 kept on the ledger rows
becomes progress records that show the same states and histories as before, the same on every copy of the row."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import select

from tests.services.supervision_support import add_leave, cadre_row
from tests.services.test_attendance_builders import post
from tests.storage.storage_helpers import revision_of
from zhucun_desktop.domain import supervision as sv
from zhucun_desktop.services import ledger
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage import migrate
from zhucun_desktop.storage.backup import list_backups
from zhucun_desktop.storage.database import open_database
from zhucun_desktop.storage.models import LeaveRequest, LedgerProgress

TODAY = date(2026, 11, 23)


def _legacy_database(db_path: Path) -> dict[str, str]:
    """Five ledger rows and a leave request, then the schema taken back to 0001 and the rows given the 整改进展
    the 0001 program wrote on the row itself (as SQL: that program is gone)."""
    db = open_database(db_path)
    ws = Workspace(db, authenticate(db, "admin", "zhucun-2026"))
    wang = post(ws, "王建国", 123)
    rows = {k: ledger.create_ledger_row(ws, cadre_row(wang, description=f"问题{k}")) for k in "ABCDE"}
    add_leave(ws, wang, date(2026, 11, 9), date(2026, 11, 12), "已批准")
    with db.engine.connect() as conn:
        command.downgrade(migrate.alembic_config(conn), "0001")
        conn.commit()
    db.close()
    conn = sqlite3.connect(db_path)
    legacy = {
        # 整改中, two dated entries
        "A": ("整改中", None, "2026-10-15 已约谈本人\n2026-10-20 正在补记", "2026-10-20 09:00:00.000000", None),
        # reported complete on a township's PC, verified by the county (its own record, after the report)
        "B": ("已整改待核查", "2026-10-28", "2026-10-15 已约谈本人\n2026-10-28 日志已补记",
              "2026-10-28 10:00:00.000000", "township-site"),
        # closed by the county on its own row, then marked 通报 later (the row changed after the verification)
        "C": ("核查通过", "2026-10-20", "2026-10-20 整改完成，报请核查", "2026-11-05 08:00:00.000000", None),
        # reported complete on a township's PC, the county's verification failed
        "D": ("已整改待核查", "2026-10-20", "2026-10-20 整改完成，报请核查", "2026-10-20 10:00:00.000000",
              "township-site"),
    }
    for key, (state, completed, progress, at, origin) in legacy.items():
        conn.execute("UPDATE ledger_rows SET state=?, completed_on=?, progress=?, updated_at=?, "
                     "origin_site=COALESCE(?, origin_site) WHERE uuid=?", (state, completed, progress, at, origin,
                                                                          rows[key]))
    county = conn.execute("SELECT site_id FROM sites WHERE is_self").fetchone()[0]
    for key, result, on, at, note in (("B", "核查通过", "2026-11-02", "2026-11-02 09:00:00.000000", None),
                                      ("C", "核查通过", "2026-10-22", "2026-10-22 09:00:00.000000", None),
                                      ("D", "核查未通过", "2026-10-22", "2026-10-22 09:00:00.000000", "日志仍缺")):
        conn.execute("INSERT INTO ledger_verifications (uuid, origin_site, version, updated_at, deleted, ledger_uuid,"
                     " verified_on, result, verifier, note) VALUES (?, ?, 1, ?, 0, ?, ?, ?, '周明', ?)",
                     (f"v-{key}", county, at, rows[key], on, result, note))
    conn.commit()
    conn.close()
    return rows


def test_a_0001_database_is_upgraded_and_its_ledger_shows_the_same_states_and_histories(db_path: Path) -> None:
    rows = _legacy_database(db_path)
    assert revision_of(db_path) == "0001"

    db = open_database(db_path)
    try:
        assert db.migrated_from == "0001" and migrate.current_revision(db.engine) == "0002"
        assert "migrate" in [b.reason for b in list_backups(db_path)]
        ws = Workspace(db, authenticate(db, "admin", "zhucun-2026"))
        view = {k: ledger.ledger_row(ws, u, today=TODAY) for k, u in rows.items()}
        assert view["A"].state == sv.STATE_IN_PROGRESS and view["A"].overdue
        assert view["A"].progress.splitlines() == ["2026-10-15 已约谈本人", "2026-10-20 正在补记"]
        assert view["B"].state == sv.STATE_CLOSED and view["B"].completed_on == date(2026, 10, 28)
        assert view["B"].progress.splitlines() == ["2026-10-15 已约谈本人", "2026-10-28 日志已补记"]
        assert view["C"].state == sv.STATE_CLOSED and view["C"].verification_text == "核查通过（2026-10-22 周明）"
        assert view["D"].state == sv.STATE_IN_PROGRESS and view["D"].completed_on is None
        assert view["D"].verification_text == "核查未通过（2026-10-22 周明）：日志仍缺"
        assert view["E"].state == sv.STATE_OPEN and view["E"].progress == ""
        assert [e.kind for e in view["B"].entries] == [sv.PROGRESS_KIND, sv.DONE_KIND]

        with ws.read() as s:
            [leave] = s.scalars(select(LeaveRequest)).all()
            assert (leave.state, leave.days, leave.withdrawn_on, leave.withdraw_reason) == ("已批准", 4, None, None)
            owners = {p.ledger_uuid: p.origin_site for p in s.scalars(select(LedgerProgress))}
        assert owners[rows["B"]] == "township-site"  # the records of a row belong to the row's owner

        ledger.record_progress(ws, rows["A"], "日志已补齐", on=date(2026, 11, 20))
        assert ledger.ledger_row(ws, rows["A"], today=TODAY).progress.splitlines()[-1] == "2026-11-20 日志已补齐"
    finally:
        db.close()


def test_two_copies_of_the_same_0001_rows_upgrade_to_the_same_progress_records(db_path: Path) -> None:
    _legacy_database(db_path)
    copy = db_path.with_name("乡镇的副本.db")
    shutil.copyfile(db_path, copy)
    found = []
    for path in (db_path, copy):
        db = open_database(path)
        try:
            with db.session() as s:
                found.append(sorted((p.uuid, p.ledger_uuid, p.text, p.kind, p.updated_at, p.version)
                                    for p in s.scalars(select(LedgerProgress))))
        finally:
            db.close()
    assert found[0] == found[1] and len(found[0]) == 2 + 2 + 1 + 1
