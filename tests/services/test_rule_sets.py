"""Rule sets (DOMAIN.md "Rule sets"): versioned data the county administrator edits; a request keeps its version."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.services.test_attendance_builders import township_user
from tests.services.test_leave_builders import FILED, approve, request, team
from zhucun_desktop.services import leave, rule_sets
from zhucun_desktop.services.defaults import load_rule_file
from zhucun_desktop.services.errors import PermissionDenied, ValidationFailed
from zhucun_desktop.storage.models import RuleSet

START = date(2026, 11, 9)


def test_a_new_database_runs_the_default_rule_set_as_version_one(ws):
    active = rule_sets.active_rule_set(ws)
    assert (active.number, active.active, active.label) == (1, True, "XX县驻村管理若干措施（默认）（第1版）")
    assert [t.max_days for t in active.leave.tiers] == [3, 5, None]


def test_saving_stores_a_new_active_version_and_keeps_the_old_one(ws):
    data = copy.deepcopy(load_rule_file("default.json"))
    data["leave"]["min_remaining_in_village"] = 1
    saved = rule_sets.save_rule_set(ws, "本县2027年规则", data)
    assert (saved.number, saved.active, saved.leave.min_remaining_in_village) == (2, True, 1)
    versions = rule_sets.list_rule_sets(ws)
    assert [(v.number, v.active) for v in versions] == [(2, True), (1, False)]
    rule_sets.activate_rule_set(ws, versions[1].uuid)
    assert rule_sets.active_rule_set(ws).number == 1


def test_a_request_keeps_the_version_and_chain_it_was_submitted_under(ws):
    t = team(ws)
    before = request(ws, t.members[0], START, date(2026, 11, 12))  # 4 days: county bodies under the default
    rule_sets.install_preset(ws, "programme_003")
    after = request(ws, t.members[1], date(2026, 11, 16), date(2026, 11, 19))
    old, new = (leave.request_detail(ws, u, today=FILED) for u in (before, after))
    assert old.chain == ("驻村第一书记", "村党支部", "乡镇党委", "县乡村振兴局", "县委组织部")
    assert old.rule_set_text.endswith("（第1版）") and old.request.rule_set_label.endswith("（第1版）")
    assert new.chain == ("驻村第一书记", "乡镇党委", "县委组织部")
    assert new.rule_set_text == "选派优秀年轻干部到村担任第一书记方案（预设）（第2版）"
    approve(ws, before)  # still signed along its own chain
    assert leave.request_detail(ws, before, today=FILED).request.state == "已批准"


@pytest.mark.parametrize(("days", "chain"), [
    (1, ("乡镇党委",)),
    (3, ("乡镇党委",)),
    (4, ("乡镇党委", "县委组织部")),
    (10, ("乡镇党委", "县委组织部")),
])
def test_the_003_programme_leaves_three_days_to_the_township_and_more_to_the_county_org_dept(ws, days, chain):
    rule_sets.install_preset(ws, "programme_003")
    t = team(ws)
    uuid = request(ws, t.first_secretary, START, date(2026, 11, 8 + days), handover=t.members[0])
    assert leave.request_detail(ws, uuid, today=FILED).chain == chain


def test_a_rule_set_with_problems_is_refused_whole_and_nothing_is_stored(ws):
    data = copy.deepcopy(load_rule_file("default.json"))
    data["leave"]["tiers"][2]["max_days"] = 10
    data["leave"]["min_remaining_in_village"] = -1
    with pytest.raises(ValidationFailed) as refused:
        rule_sets.save_rule_set(ws, "坏规则", data)
    message = str(refused.value)
    assert "最后一档" in message and "至少在村人数应为0或正整数" in message
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(RuleSet)) == 1


def test_a_broken_duty_period_is_refused_with_the_duty_named(ws):
    data = copy.deepcopy(load_rule_file("default.json"))
    data["duties"]["items"][0]["period"] = "fortnightly"
    with pytest.raises(ValidationFailed) as refused:
        rule_sets.save_rule_set(ws, "坏规则", data)
    assert "乡镇党委书记与驻村干部谈心谈话" in str(refused.value)
    with ws.read() as s:
        assert s.scalar(select(func.count()).select_from(RuleSet)) == 1


def test_only_the_county_administrator_changes_rules(ws):
    t = team(ws, 1)
    clerk = township_user(ws, t.first_secretary.township_uuid)
    with pytest.raises(PermissionDenied, match="县委组织部管理员"):
        rule_sets.install_preset(clerk, "programme_003")
    assert rule_sets.active_rule_set(clerk).number == 1
