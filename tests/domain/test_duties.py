"""The duty rules (§2, §3, §9, §10, §12, §15, §16, §21): periods, due dates, subjects and states from the rule
set, with pinned dates."""

from __future__ import annotations

import copy
from datetime import date

from zhucun_desktop.domain import duties as dd
from zhucun_desktop.domain.terms import ROLE_FIRST_SECRETARY, ROLE_TEAM_MEMBER
from zhucun_desktop.services.defaults import load_rule_file

DEFAULT = load_rule_file("default.json")["duties"]
RULES = dd.DutyRules.from_dict(DEFAULT)
TODAY = date(2026, 11, 23)

WANG = dd.InPost("p-wang", "王建国", ROLE_FIRST_SECRETARY, "t-df", "u-cz", date(2025, 5, 10), None,
                 date(2027, 5, 31))
LI = dd.InPost("p-li", "李强", ROLE_TEAM_MEMBER, "t-df", "u-cz", date(2025, 5, 10), None, None)


def only(key: str) -> dd.DutyRules:
    return dd.DutyRules((RULES.by_key(key),), RULES.soon_days)


def instances(key: str, postings, events=(), today=TODAY, since=date(2026, 1, 1)):
    names = dd.Names(units={"u-cz": "县财政局"}, townships={"t-df": "东风镇"})
    return dd.duty_instances(only(key), postings, events, today=today, since=since, names=names)


def test_both_shipped_rule_sets_have_a_valid_duties_section_with_every_section_of_the_measures():
    assert dd.duty_rules_problems(DEFAULT) == []
    assert dd.duty_rules_problems(load_rule_file("programme_003.json")["duties"]) == []
    assert {d.rule for d in RULES.items} == {"§2", "§3", "§9", "§10", "§12", "§15", "§16", "§21"}


def test_quarterly_talk_is_due_at_quarter_end_for_each_cadre_and_overdue_after_it():
    got = instances("township_talk", [WANG, LI])
    q3 = [i for i in got if i.period_label == "2026年第3季度"]
    assert {i.subject_name for i in q3} == {"王建国", "李强"}
    assert all(i.due == date(2026, 9, 30) and i.state == dd.STATE_OVERDUE for i in q3)
    q4 = [i for i in got if i.period_label == "2026年第4季度"]
    assert all(i.due == date(2026, 12, 31) and i.state == dd.STATE_TODO for i in q4)  # 38 days left > 15


def test_a_talk_registered_in_the_quarter_fulfils_it_for_the_cadres_who_took_part_only():
    talk = dd.Event("a1", "谈心谈话", date(2026, 8, 3), township_uuid="t-df", person_uuids=("p-wang",))
    q3 = [i for i in instances("township_talk", [WANG, LI], [talk]) if i.period_label == "2026年第3季度"]
    by_name = {i.subject_name: i for i in q3}
    assert by_name["王建国"].state == dd.STATE_DONE and by_name["王建国"].done_on == date(2026, 8, 3)
    assert by_name["李强"].state == dd.STATE_OVERDUE


def test_due_within_soon_days_is_soon_and_the_rule_set_decides_how_many_days():
    got = instances("township_talk", [WANG], today=date(2026, 12, 20))
    assert [i.state for i in got if i.period_label == "2026年第4季度"] == [dd.STATE_SOON]
    data = copy.deepcopy(DEFAULT)
    data["soon_days"] = 5
    rules = dd.DutyRules.from_dict(data)
    rule = dd.DutyRules((rules.by_key("township_talk"),), rules.soon_days)
    later = dd.duty_instances(rule, [WANG], [], today=date(2026, 12, 20), since=date(2026, 10, 1))
    assert [i.state for i in later] == [dd.STATE_TODO]


def test_unit_head_visit_is_due_by_30_september_per_unit_and_township():
    got = instances("unit_head_visit", [WANG, LI])
    assert [(i.subject_name, i.due, i.state) for i in got] == [("县财政局", date(2026, 9, 30), dd.STATE_OVERDUE)]
    visit = dd.Event("v", "到村调研", date(2026, 10, 12), township_uuid="t-df", unit_uuid="u-cz")
    done = instances("unit_head_visit", [WANG, LI], [visit])[0]
    assert done.state == dd.STATE_DONE and done.late  # done, but after the due date


def test_annual_plan_is_due_within_31_days_of_the_year_and_only_for_first_secretaries():
    got = instances("annual_plan", [WANG, LI])
    assert [(i.subject_name, i.due) for i in got] == [("王建国", date(2026, 1, 31))]


def test_an_overdue_duty_leaves_the_list_once_its_due_date_is_older_than_the_look_back():
    # 2025's annual plan was due on 31 January 2025; looking back from 23 November 2026 to the same day of 2025
    # it is no longer listed, while 2026's (due 31 January 2026) still is.
    got = instances("annual_plan", [WANG], since=date(2025, 11, 23))
    assert [(i.period_label, i.state) for i in got] == [("2026年", dd.STATE_OVERDUE)]


def test_term_training_needs_three_days_at_county_level_or_higher_within_the_term():
    short = dd.Event("t1", "培训", date(2025, 9, 1), date(2025, 9, 2), person_uuids=("p-wang",), level="县级")
    township_level = dd.Event("t2", "培训", date(2025, 10, 1), date(2025, 10, 5), person_uuids=("p-wang",),
                              level="乡镇级")
    got = instances("term_training", [WANG], [short, township_level])
    assert [(i.due, i.state) for i in got] == [(date(2027, 5, 31), dd.STATE_TODO)]
    enough = dd.Event("t3", "培训", date(2026, 3, 2), date(2026, 3, 4), person_uuids=("p-wang",), level="市级")
    assert instances("term_training", [WANG], [short, enough])[0].state == dd.STATE_DONE


def test_a_cadre_in_post_part_of_a_period_is_a_subject_and_one_not_in_post_is_not():
    left = dd.InPost("p-zhao", "赵六", ROLE_TEAM_MEMBER, "t-df", None, date(2025, 1, 1), date(2026, 8, 15))
    got = instances("township_talk", [left])
    assert [i.period_label for i in got] == ["2026年第1季度", "2026年第2季度", "2026年第3季度"]


def test_the_county_symposium_is_the_county_s_own_duty_each_quarter():
    meeting = dd.Event("s", "季度座谈会", date(2026, 10, 20), person_uuids=("p-wang",))
    got = instances("county_symposium", [WANG], [meeting])
    assert [(i.township_uuid, i.period_label, i.state) for i in got][-1] == (None, "2026年第4季度", dd.STATE_DONE)


def test_bad_duty_sections_are_explained_naming_the_duty_and_the_field():
    data = copy.deepcopy(DEFAULT)
    data["items"][1]["period"] = "weekly"
    data["items"][2]["due_date"] = "9月底"
    data["items"][7]["due_days"] = 0
    data["items"][3]["activity"] = ""
    problems = dd.duty_rules_problems(data)
    assert any("第2项（派出单位听取驻村干部工作汇报）的周期（period）" in p and "weekly" in p for p in problems)
    assert any("截止日期（due_date）应写成“月-日”" in p for p in problems)
    assert any("期初天数（due_days）" in p for p in problems)
    assert any("完成登记类别（activity）不能为空" in p for p in problems)
    assert dd.duty_rules_problems({"items": []}) == ["履职事项（items）是空的：至少要有一项"]
