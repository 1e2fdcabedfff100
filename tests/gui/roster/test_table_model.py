"""The roster table model on its own, with no view: rows, headers, the sort role and the search filter."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt

from zhucun_desktop.gui.roster.table_model import (
    COL_BIRTH,
    COL_NAME,
    COL_ROLE,
    COL_STATUS,
    COL_TERM,
    HEADERS,
    SORT_ROLE,
    RosterProxyModel,
    RosterTableModel,
)
from zhucun_desktop.services.roster import RosterEntry

BASE = RosterEntry(
    person_uuid="p1", posting_uuid="s1", name="王建国", sex="男", birth_date=date(1985, 3, 12),
    id_number="530102198503121234", political_status="中共党员", party_join_date=date(2008, 6, 1),
    work_start_date=date(2008, 7, 1), ethnicity="汉族", education="大学本科", unit_name="县财政局",
    position="四级主任科员", staffing="在编在岗", phone="13987654321", role="驻村第一书记", is_leader=True,
    township_uuid="t1", township_name="东风镇", village_uuid="v1", village_name="大坪村",
    start_date=date(2024, 3, 1), term_end_date=date(2026, 3, 1), end_date=None, batch="第十批", status="在岗")


def entries() -> list[RosterEntry]:
    return [
        BASE,
        replace(BASE, person_uuid="p2", posting_uuid="s2", name="李明", birth_date=date(1992, 11, 2),
                role="工作队员", is_leader=False, phone="13500001111", unit_name="县农业农村局",
                start_date=date(2023, 1, 1)),
        replace(BASE, person_uuid="p3", posting_uuid="s3", name="赵丽", birth_date=date(1979, 1, 5), sex="女",
                role="工作队员", is_leader=False, village_name="小河村", status="已离岗", end_date=date(2025, 1, 31)),
    ]


def test_the_model_shows_one_row_per_posting_with_the_roster_headers(qtbot):
    model = RosterTableModel()
    model.set_entries(entries())
    assert model.rowCount() == 3
    assert model.columnCount() == len(HEADERS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())][:3] == [
        "姓名", "性别", "出生年月"]
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "状态"


def test_the_team_leader_is_marked_and_dates_read_as_on_the_printed_roster(qtbot):
    model = RosterTableModel()
    model.set_entries(entries())
    assert model.data(model.index(0, COL_ROLE)) == "驻村第一书记（队长）"
    assert model.data(model.index(1, COL_ROLE)) == "工作队员"
    assert model.data(model.index(0, COL_BIRTH)) == "1985.03"
    assert model.data(model.index(0, COL_TERM)) == "2024.03—2026.03"
    # An ended posting shows the day it really ended, not the planned end of the term.
    assert model.data(model.index(2, COL_TERM)) == "2024.03—2025.01"


def test_dates_sort_by_the_date_not_by_the_shown_text(qtbot):
    model = RosterTableModel()
    model.set_entries(entries())
    assert model.data(model.index(0, COL_BIRTH), SORT_ROLE) == "1985-03-12"
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(COL_BIRTH, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_NAME).data() for r in range(3)] == ["赵丽", "王建国", "李明"]
    proxy.sort(COL_TERM, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, COL_NAME).data() == "李明"


def test_the_search_filters_name_id_phone_unit_and_village_without_the_database(qtbot):
    model = RosterTableModel()
    model.set_entries(entries())
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    for text, expected in (("李明", ["李明"]), ("1350000", ["李明"]), ("农业", ["李明"]), ("小河", ["赵丽"]),
                           ("５３０１０２", ["王建国", "李明", "赵丽"]), ("没有这个人", [])):
        proxy.set_search_text(text)
        assert [proxy.entry(r).name for r in range(proxy.rowCount())] == expected, text
    proxy.set_search_text("")
    assert proxy.rowCount() == 3


def test_a_person_listed_twice_counts_once(qtbot):
    model = RosterTableModel()
    model.set_entries([*entries(), replace(BASE, posting_uuid="s9", village_name="红星村", status="已离岗")])
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 4
    assert proxy.person_count() == 3


def test_ten_thousand_rows_load_sort_and_filter_quickly(qtbot):
    many = [replace(BASE, person_uuid=f"p{i}", posting_uuid=f"s{i}", name=f"王{i:05d}", phone=f"139{i:08d}")
            for i in range(10_000)]
    model = RosterTableModel()
    proxy = RosterProxyModel()
    proxy.setSourceModel(model)
    started = time.perf_counter()
    model.set_entries(many)
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    proxy.set_search_text("0999")
    elapsed = time.perf_counter() - started
    assert proxy.rowCount() == 11  # 王00999, 王09990 … 王09999
    assert elapsed < 3.0, f"{elapsed:.2f}s for 10,000 rows"
