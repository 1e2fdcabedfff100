"""Opening a county month in the 考勤 grid: 2,000 cadres × 31 days, against a bare QTableView of the same rows.

Ours: AttendanceGridModel built from a MonthGrid (the service's result, built in memory here so that only the
GUI is timed) + AttendanceGridView (with its frozen name columns) shown at the size of the page in a maximised
1366×768 window, events processed and the viewport painted. Baseline: a QAbstractTableModel returning the same
texts from a list of lists, in a plain QTableView shown and painted the same way, with the same column widths
and row height (otherwise Qt's default 100-pixel columns would paint a quarter of the cells: a layout setting,
not a feature). Goal: < 300 ms and ≤ 2×.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from common import Result, alternate
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from zhucun_desktop.domain import terms
from zhucun_desktop.domain.attendance_rules import DEFAULT_CODES, column_totals, month_days, row_totals
from zhucun_desktop.domain.workcalendar import WorkCalendar
from zhucun_desktop.services.attendance import MonthGrid, MonthGridRow

YEAR, MONTH = 2026, 10
PAGE_SIZE = (1196, 640)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国明华丽刚洋伟芳敏静磊军勇艳杰涛超秀英"
CODES = ("√",) * 40 + ("休",) * 8 + ("公", "公", "事", "病", "年", "旷")


def county_month(rows: int, seed: int = 2026) -> MonthGrid:
    """A MonthGrid as month_grid returns it: every 10th posting starts mid-month, most days registered."""
    rng = random.Random(seed)
    cal = WorkCalendar()
    days = month_days(YEAR, MONTH)
    grid_rows = []
    for i in range(rows):
        start = date(YEAR, MONTH, 15) if i % 10 == 9 else date(2025, 5, 1)
        editable = [d >= start for d in days]
        codes = [rng.choice(CODES) if ok and rng.random() < 0.9 else None for ok in editable]
        mine = {d: c for d, c, ok in zip(days, codes, editable, strict=True) if ok}
        grid_rows.append(MonthGridRow(
            f"p{i}", f"u{i}", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), f"{i:018d}", "",
            terms.ROLE_FIRST_SECRETARY if i % 4 == 0 else terms.ROLE_TEAM_MEMBER, i % 4 == 0, f"v{i // 4}",
            f"第{i // 4}村", start, None, codes, editable, row_totals(mine, mine, cal, DEFAULT_CODES)))
    return MonthGrid("t", "东风镇", YEAR, MONTH, days, [cal.day_kind(d) for d in days],
                     [cal.holiday_name(d) or "" for d in days], None, grid_rows, list(DEFAULT_CODES),
                     column_totals(dict(zip(days, r.codes, strict=True)) for r in grid_rows))


class BareModel(QAbstractTableModel):
    def __init__(self, rows: list[list[str]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return len(self.rows[0]) if self.rows else 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.rows[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None


def bare_rows(grid: MonthGrid) -> list[list[str]]:
    """The same texts the grid shows: name, role, village, a code per day, the totals."""
    return [[r.name, r.role, r.village_name, *(c or "" for c in r.codes), str(r.totals.in_post_days),
             str(r.totals.working_days_in_post), *(str(n) for n in r.totals.by_code.values())]
            for r in grid.rows]


def _show(view: QTableView, app: QApplication) -> None:
    view.resize(*PAGE_SIZE)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    view.close()
    view.deleteLater()
    app.processEvents()


def run(rows: int = 2000, runs: int = 3) -> Result:
    from zhucun_desktop.gui.attendance.grid_model import AttendanceGridModel
    from zhucun_desktop.gui.attendance.grid_view import AttendanceGridView
    from zhucun_desktop.gui.fonts import install_app_font

    app = QApplication.instance() or QApplication([])
    install_app_font(app)
    grid = county_month(rows)
    texts = bare_rows(grid)

    def ours() -> None:
        view = AttendanceGridView()
        view.setModel(AttendanceGridModel(None, grid, parent=view))
        _show(view, app)

    probe = AttendanceGridView()
    probe.setModel(AttendanceGridModel(None, grid, parent=probe))
    widths, height = probe.column_widths(), probe.verticalHeader().defaultSectionSize()
    probe.deleteLater()

    def bare() -> None:
        view = QTableView()
        view.setModel(BareModel(texts))
        view.model().setParent(view)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(height)
        for column, width in enumerate(widths):
            view.setColumnWidth(column, width)
        _show(view, app)

    ours()  # imports and font caches warmed for both
    bare()
    a, b = alternate(ours, bare, runs)
    return Result(f"考勤表打开 {rows}人×{len(grid.days)}天 (open month grid)", a, b, "<300 ms, ≤2×")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(run(args.rows, args.runs).line())
