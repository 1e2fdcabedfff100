"""The demo county's leave (§8): every band, a refusal, the first secretary's signature, on leave, returned,
overdue — made through the services, so the demo obeys the rules it demonstrates."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from zhucun_desktop.services import demo, leave
from zhucun_desktop.services.accounts import authenticate
from zhucun_desktop.services.demo_leave import add_demo_leave
from zhucun_desktop.services.workspace import Workspace
from zhucun_desktop.storage.database import open_database

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.build_demo(path, seed=2026, today=TODAY)
    db = open_database(path)
    ws = Workspace(db, authenticate(db, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
    if not leave.list_requests(ws, today=TODAY):  # unless the demo builder already adds them
        assert add_demo_leave(ws, TODAY, seed=2026) == 7
    yield ws
    db.close()


def test_demo_leave_shows_every_state_a_clerk_meets(demo_ws):
    rows = leave.list_requests(demo_ws, today=TODAY)
    states = Counter("审批中" if r.state.startswith("审批中") else r.state for r in rows)
    assert {"已销假", "逾期未销假", "请假中", "已批准", "未批准", "审批中"} <= set(states)


def test_demo_leave_covers_every_band_and_a_team_members_first_secretary_signature(demo_ws):
    details = [leave.request_detail(demo_ws, r.uuid, today=TODAY) for r in leave.list_requests(demo_ws, today=TODAY)]
    assert {d.tier_label for d in details} == {"3天以内", "3天至5天", "5天以上"}
    assert any(d.chain[0] == "驻村第一书记" and d.steps and d.steps[0].body == "驻村第一书记" for d in details)
    refused = next(d for d in details if d.request.state == "未批准")
    assert refused.steps[-1].decision == "不同意" and refused.steps[-1].remark
    assert all(d.handover_name for d in details if d.request.role == "驻村第一书记")


def test_demo_overdue_leave_has_its_absent_days_in_attendance(demo_ws):
    overdue = leave.list_requests(demo_ws, state="逾期未销假", today=TODAY)
    assert len(overdue) == 1 and overdue[0].overdue_days == 8  # from the Monday after it ended through today
    again = leave.sweep_overdue(demo_ws, TODAY)
    assert (again.written, again.cleared) == (0, 0)
