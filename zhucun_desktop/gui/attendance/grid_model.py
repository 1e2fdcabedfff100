"""考勤登记表 as a Qt model: one row per posting of the month, one column per calendar day, then the totals (§7).

The month comes from ONE ``month_grid`` call; everything ``data()`` answers is precomputed into plain lists
when the month is loaded (a county month is 2,000 rows × 31 days and must open in well under 300 ms), so a
paint only indexes lists. Every edit, whatever the key or button, goes through :meth:`apply`: one
``set_cells`` transaction, taken whole or refused whole; on success the cached codes and totals are updated
and an undo entry (the old values) is pushed; on refusal the model is untouched and the error is raised.

Columns: 姓名 / 驻村身份 / 所驻村, a day each (header "1\\n四"; 调休上班 "10\\n班"), then 在岗 / 工作日在岗 and one
column per code of the county's legend other than 在岗 (公 事 病 年 休 旷 by default, as on the printed table).
The last row is 合计: per day, how many cadres were in post; per totals column, the sum.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain import terms
from ...domain.attendance_rules import ABSENT, IN_POST, LEAVE, OFFICIAL, REST, RowTotals
from ...services.attendance import (
    STATE_SEALED,
    CellChange,
    MonthGrid,
    MonthGridRow,
    SetCellsResult,
    code_reader,
    day_label,
    set_cells,
)
from ...services.workspace import Workspace

COL_NAME, COL_ROLE, COL_VILLAGE = 0, 1, 2
FIXED_HEADERS = ("姓名", "驻村身份", "所驻村")
FIRST_DAY = len(FIXED_HEADERS)
WEEKDAYS = "一二三四五六日"
DAY_OFF = ("休息日", "节假日")
WORKING_WEEKEND = "调休上班"
TOTAL_ROW_LABEL = "合计"
UNDO_DEPTH = 100
ROLE_SHORT = {terms.ROLE_FIRST_SECRETARY: "第一书记", terms.ROLE_TEAM_MEMBER: "工作队员"}

DAY_KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # a day column's 工作日 / 休息日 / 节假日 / 调休上班 ("" unknown)
CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # a day cell's stored code, None when empty

# Roles as plain ints: data() is called ~100,000 times while a big month is shown.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)

DAY_OFF_COLOR = "#e3e3e3"  # weekends and holidays, as on the printed table
LOCKED_COLOR = "#f3f3f3"  # a sealed month or a read-only account: every cell a little grey
LOCKED_DAY_OFF_COLOR = "#d8d8d8"
OUTSIDE_COLOR = "#9a9a9a"  # days outside the posting: hatched
TOTALS_COLOR = "#eef3f9"
TOTAL_ROW_COLOR = "#dde7f3"
HEADER_DAY_OFF_COLOR = "#b3261e"
CATEGORY_COLORS = {IN_POST: "#1f3a1f", OFFICIAL: "#1d4f9a", LEAVE: "#9a5200", REST: "#5f6670",
                   ABSENT: "#c62828"}

_CENTER = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_BASE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDIT_FLAGS = _BASE_FLAGS | Qt.ItemFlag.ItemIsEditable

_Index = QModelIndex | QPersistentModelIndex


def _brush(color: str, style: Qt.BrushStyle = Qt.BrushStyle.SolidPattern) -> QBrush:
    return QBrush(QColor(color), style)


class AttendanceGridModel(QAbstractTableModel):
    """``AttendanceGridModel(ws, grid)``; ``set_grid`` loads another month or filter."""

    edited = Signal()  # after every change that went through (an edit or an undo)

    def __init__(self, ws: Workspace | None, grid: MonthGrid | None = None, *, read_only: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._outside = _brush(OUTSIDE_COLOR, Qt.BrushStyle.BDiagPattern)
        self._totals_bg = _brush(TOTALS_COLOR)
        self._total_row_bg = _brush(TOTAL_ROW_COLOR)
        self._header_day_off = _brush(HEADER_DAY_OFF_COLOR)
        self._bold = QFont()
        self._bold.setBold(True)
        self._undo: list[list[CellChange]] = []
        self.grid: MonthGrid | None = None
        self._load(grid, read_only)

    # -- loading ------------------------------------------------------------------------------------------
    def set_grid(self, grid: MonthGrid | None, *, read_only: bool = False) -> None:
        """Another month, township or filter: the undo history belongs to the month shown, so it goes too."""
        self.beginResetModel()
        self._undo.clear()
        self._load(grid, read_only)
        self.endResetModel()

    def _load(self, grid: MonthGrid | None, read_only: bool) -> None:
        self.grid = grid
        self.read_only = read_only
        rows = grid.rows if grid else []
        days = grid.days if grid else []
        defs = grid.codes if grid else []
        self.n_rows, self.n_days = len(rows), len(days)
        self.first_total = FIRST_DAY + self.n_days
        self.total_codes = [c for c in defs if c.category != IN_POST]
        self._total_keys = [c.code for c in self.total_codes]
        self.total_headers = ["在岗", "工作日\n在岗", *self._total_keys]
        self._in_post = frozenset(c.code for c in defs if c.in_post)
        self._read = code_reader(defs)
        self._code_fg = {c.code: _brush(CATEGORY_COLORS.get(c.category, "#000000")) for c in defs}
        locked = self.locked
        kinds = grid.day_kinds if grid else []
        base, off = (LOCKED_COLOR, LOCKED_DAY_OFF_COLOR) if locked else (None, DAY_OFF_COLOR)
        base_brush, off_brush = (_brush(base) if base else None), _brush(off)
        self._day_bg = [off_brush if kind in DAY_OFF else base_brush for kind in kinds]
        self._fixed_bg = base_brush
        self._row_of = {r.posting_uuid: i for i, r in enumerate(rows)}
        self._rows = rows
        self._codes = [list(r.codes) for r in rows]
        self._editable = [r.editable for r in rows]
        self._totals: list[RowTotals] = [r.totals for r in rows]
        values = [self._total_values(t) for t in self._totals]
        self._text = [[r.name, ROLE_SHORT.get(r.role, r.role), r.village_name,
                       *[code or "" for code in codes], *self._values_text(v)]
                      for r, codes, v in zip(rows, self._codes, values, strict=True)]
        self._sums = [sum(v[i] or 0 for v in values) for i in range(len(self.total_headers))]
        counted = grid.column_totals if grid else {}  # the service's per-day counts: no second pass
        self._day_counts = [sum(n for code, n in counted.get(d, {}).items() if code in self._in_post)
                            for d in days]
        self._headers = [*FIXED_HEADERS, *(self._day_header(d, k) for d, k in zip(days, kinds, strict=True)),
                         *self.total_headers]

    @staticmethod
    def _day_header(d: date, kind: str) -> str:
        return f"{d.day}\n{'班' if kind == WORKING_WEEKEND else WEEKDAYS[d.weekday()]}"

    def _total_values(self, t: RowTotals) -> list[int | None]:
        by_code = t.by_code
        return [t.in_post_days, t.working_days_in_post] + [by_code.get(c, 0) for c in self._total_keys]

    def _totals_text(self, t: RowTotals) -> list[str]:
        return self._values_text(self._total_values(t))

    @staticmethod
    def _values_text(values: list[int | None]) -> list[str]:
        """Zero leave days are left blank, as on a hand-kept table, so the few that count stand out."""
        text = [str(values[0]), "—" if values[1] is None else str(values[1])]
        return text + [str(v) if v else "" for v in values[2:]]

    def _add_sums(self, t: RowTotals, sign: int) -> None:
        for i, value in enumerate(self._total_values(t)):
            self._sums[i] += sign * (value or 0)

    # -- what the view asks -------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.read_only or bool(self.grid and self.grid.locked)

    def read_only_reason(self) -> str | None:
        """Why nothing in the grid can be changed now, in the words of the service's own refusal."""
        if self.grid is None:
            return "请先选择乡镇和月份。"
        if self.read_only:
            return "当前账号为“县级查看”，只能查看，不能修改数据。"
        if self.grid.locked:
            g = self.grid
            what = "已封存" if g.state == STATE_SEALED else "已报送县委组织部"
            return f"{g.year}年{g.month}月{what}，如需更正请由乡镇领导先“重开”并说明原因"
        return None

    def is_day_column(self, column: int) -> bool:
        return FIRST_DAY <= column < self.first_total

    def day_at(self, column: int) -> date:
        assert self.grid is not None
        return self.grid.days[column - FIRST_DAY]

    def is_editable(self, row: int, column: int) -> bool:
        return (row < self.n_rows and FIRST_DAY <= column < self.first_total and not self.locked
                and self._editable[row][column - FIRST_DAY])

    def inside_posting(self, row: int, column: int) -> bool:
        return row < self.n_rows and self.is_day_column(column) and self._editable[row][column - FIRST_DAY]

    def code_at(self, row: int, column: int) -> str | None:
        inside = row < self.n_rows and self.is_day_column(column)
        return self._codes[row][column - FIRST_DAY] if inside else None

    def text_at(self, row: int, column: int) -> str:
        return str(self.data(self.index(row, column)) or "")

    def row_name(self, row: int) -> str:
        return self._rows[row].name

    def cell_name(self, row: int, column: int) -> str:
        """"王建国 10月5日": how refusals name a cell."""
        return f"{self._rows[row].name} {day_label(self.day_at(column))}"

    def row_at(self, row: int) -> MonthGridRow:
        return self._rows[row]

    def posting_dates(self, row: int) -> str:
        r = self._rows[row]
        end = f"{r.end_date:%Y-%m-%d}" if r.end_date else "至今"
        return f"{r.start_date:%Y-%m-%d}—{end}"

    def normalize(self, raw: object) -> str | None:
        """The county's code for what was typed or pasted; raises RuleViolation (the service's own reader)."""
        return self._read(raw)

    @property
    def legend(self) -> list:
        return list(self.grid.codes) if self.grid else []

    def empty_cells(self) -> int:
        return sum(t.empty_days for t in self._totals)

    def change(self, row: int, column: int, code: str | None, where: str = "") -> CellChange:
        return CellChange(self._rows[row].posting_uuid, self.day_at(column), code, where)

    # -- Qt model interface -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self.grid is None else self.n_rows + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self._headers)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _EDIT_FLAGS if self.is_editable(index.row(), index.column()) else _BASE_FLAGS

    def data(self, index: _Index, role: int = _DISPLAY):
        r, c = index.row(), index.column()
        if r < self.n_rows:
            if role == _DISPLAY:
                return self._text[r][c]
            if role == _BACKGROUND:
                if FIRST_DAY <= c < self.first_total:
                    return self._day_bg[c - FIRST_DAY] if self._editable[r][c - FIRST_DAY] else self._outside
                return self._totals_bg if c >= self.first_total else self._fixed_bg
            if role == _FOREGROUND:
                return self._code_fg.get(self._text[r][c]) if FIRST_DAY <= c < self.first_total else None
            if role == _ALIGN:
                return _CENTER if c >= FIRST_DAY else _LEFT
            if role == _TOOLTIP:
                return cell_tooltip(self, r, c)
            if role == CODE_ROLE:
                return self.code_at(r, c)
            if role == DAY_KIND_ROLE:
                return self._kind(c)
            return None
        return self._total_row_data(c, role) if r == self.n_rows else None

    def _kind(self, column: int) -> str | None:
        return self.grid.day_kinds[column - FIRST_DAY] if self.grid and self.is_day_column(column) else None

    def _total_row_data(self, c: int, role: int):
        if role == _DISPLAY:
            if c == COL_NAME:
                return TOTAL_ROW_LABEL
            if c == COL_ROLE:
                return f"{self.n_rows}人"
            if self.is_day_column(c):
                return str(self._day_counts[c - FIRST_DAY])
            if c >= self.first_total:
                value = self._sums[c - self.first_total]
                unknown = c == self.first_total + 1 and self.grid and self.grid.calendar_missing
                return "—" if unknown else str(value)
            return ""
        if role == _BACKGROUND:
            return self._total_row_bg
        if role == _FONT:
            return self._bold
        if role == _ALIGN:
            return _CENTER if c >= FIRST_DAY else _LEFT
        if role == _TOOLTIP and self.is_day_column(c):
            return f"{day_label(self.day_at(c))}在岗{self._day_counts[c - FIRST_DAY]}人"
        if role == DAY_KIND_ROLE:
            return self._kind(c)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Vertical:
            if role == _DISPLAY:
                return TOTAL_ROW_LABEL if section == self.n_rows else str(section + 1)
            return None
        if section >= len(self._headers):
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == _ALIGN:
            return _CENTER if section >= FIRST_DAY else _LEFT
        if self.is_day_column(section):
            if role == _TOOLTIP:
                return f"{day_label(self.day_at(section))}　{day_tip(self, section)}"
            if role == _FOREGROUND and self._kind(section) in DAY_OFF:
                return self._header_day_off
            if role == DAY_KIND_ROLE:
                return self._kind(section)
        elif role == _TOOLTIP and section >= self.first_total:
            return total_tip(self, section - self.first_total)
        return None

    # -- edits --------------------------------------------------------------------------------------------
    def apply(self, changes: Sequence[CellChange], *, record: bool = True) -> SetCellsResult:
        """Send ``changes`` to ``set_cells`` (one transaction); raises its ServiceError, the model untouched.
        On success the cells, their rows' totals and the 合计 row are updated and an undo entry is pushed."""
        grid = self.grid
        if grid is None or self.ws is None or not changes:
            return SetCellsResult()
        cells = [(self._row_of[ch.posting_uuid], ch.day.day - 1) for ch in changes]
        result = set_cells(self.ws, grid.township_uuid, grid.year, grid.month, changes)
        old: dict[tuple[int, int], str | None] = {}
        for (r, d), ch in zip(cells, changes, strict=True):
            old.setdefault((r, d), self._codes[r][d])
            self._set_code(r, d, self._read(ch.code))
        for posting, totals in result.totals.items():
            r = self._row_of.get(posting)
            if r is not None:
                self._add_sums(self._totals[r], -1)
                self._totals[r] = totals
                self._add_sums(totals, 1)
                self._text[r][self.first_total:] = self._totals_text(totals)
        if record:
            undo = [CellChange(self._rows[r].posting_uuid, grid.days[d], code)
                    for (r, d), code in old.items() if code != self._codes[r][d]]
            if undo:
                self._undo.append(undo)
                del self._undo[:-UNDO_DEPTH]
        self._changed_rows(r for r, _ in cells)
        self.edited.emit()
        return result

    def _set_code(self, r: int, d: int, code: str | None) -> None:
        before = self._codes[r][d]
        self._day_counts[d] += (code in self._in_post) - (before in self._in_post)
        self._codes[r][d] = code
        self._text[r][FIRST_DAY + d] = code or ""

    def _changed_rows(self, rows: Iterable[int]) -> None:
        rows = sorted(set(rows))
        if rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], last))
            self.dataChanged.emit(self.index(self.n_rows, 0), self.index(self.n_rows, last))

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> SetCellsResult | None:
        """Ctrl+Z: the old values of the last change go back through ``set_cells``; None when nothing to undo.
        A refused undo (the month was sealed meanwhile) raises and stays on the stack."""
        if not self._undo:
            return None
        result = self.apply(self._undo[-1], record=False)
        self._undo.pop()
        return result

    def fill_present(self, rows: Iterable[int]) -> int:
        """本月全勤 for ``rows``: the EMPTY days inside each posting get √ (fill_month_present's rule), all rows
        in one transaction and one undo step; returns the number of cells filled."""
        changes = [CellChange(self._rows[r].posting_uuid, self.grid.days[d], "√")
                   for r in sorted(set(rows)) if r < self.n_rows
                   for d, (ok, code) in enumerate(zip(self._editable[r], self._codes[r], strict=True))
                   if ok and not code] if self.grid else []
        self.apply(changes)
        return len(changes)


# -- tooltips: asked for only when the mouse rests on a cell, so built on demand ------------------------------


def day_tip(model: AttendanceGridModel, column: int) -> str:
    """"星期四　节假日（国庆节）"."""
    d = model.day_at(column)
    kind = model.data(model.index(0, column), DAY_KIND_ROLE) or "缺少本年工作日历"
    holiday = model.grid.holidays[column - FIRST_DAY] if model.grid else ""
    return f"星期{WEEKDAYS[d.weekday()]}　{kind}{'（' + holiday + '）' if holiday else ''}"


def cell_tooltip(model: AttendanceGridModel, r: int, c: int) -> str | None:
    row = model.row_at(r)
    if c < FIRST_DAY:
        leader = "（队长）" if row.is_leader else ""
        return f"{row.name}　{row.role}{leader}　{row.village_name}\n驻村：{model.posting_dates(r)}"
    if c >= model.first_total:
        return None
    text = f"{model.cell_name(r, c)}　{day_tip(model, c)}"
    if not model.inside_posting(r, c):
        return f"{text}\n不在驻村期内（{model.posting_dates(r)}），不需登记"
    code = model.code_at(r, c)
    label = next((d.label for d in model.legend if d.code == code), "") if code else "未登记"
    return f"{text}\n{code or ''} {label}".rstrip()


def total_tip(model: AttendanceGridModel, i: int) -> str:
    tips = ("在岗天数（√在岗、公出）", "驻村期内本月的工作日天数（§19 生活补助按工作日计）",
            *(f"{c.code} {c.label}（天数）" for c in model.total_codes))
    return tips[i]
