"""考勤登记表 view: keyboard first, faster than Excel for the township clerk (§7: 考勤按日登记).

Keys on the grid (the page shows them in its hint line, :data:`KEY_HINT`):

* a code sets EVERY selected editable cell at once: ``√`` or ``v`` ``V`` ``1`` ``在`` or the space bar for 在岗;
  the code itself (``公 事 病 年 休 旷``, typed through the input method) or its pinyin initial without one
  (``g`` 公, ``s`` 事, ``b`` 病, ``n`` 年, ``x`` 休, ``k`` 旷). After typing into a single cell the cursor moves
  to the next day, like Excel; any other character is refused on the spot with the list of codes;
* arrows move, Enter moves down (Shift+Enter up), Delete/Backspace clears the selection;
* Ctrl+V pastes a block copied from Excel/WPS (tab- and newline-separated) from the current cell, all or
  nothing; a single copied value pasted onto a selection fills it; Ctrl+C copies the selection as a block;
* Ctrl+D fills the selection down from its top row (from the row above when one row is selected);
* Ctrl+Z undoes the last change (the old values go back through the same service).

Days outside a posting are skipped when typing into a selection, and refuse a paste that would write there.

The first three columns (姓名 驻村身份 所驻村) stay put while the days scroll: a second, borderless QTableView
sharing the model and the selection model lies over the left of the viewport (Qt's "Frozen Column" example).
It takes no focus, so every key still comes here; the two scroll together.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from ...domain.errors import RuleViolation
from ...services.attendance import CellChange, CellsRefused, bad_code_message, day_label
from ...services.errors import ServiceError
from ...services.leave_sync import leave_conflicts
from ...storage.errors import StorageError
from ..messages import confirm
from .grid_model import FIRST_DAY, AttendanceGridModel

LETTER_CODES = {" ": "√", "g": "公", "s": "事", "b": "病", "n": "年", "x": "休", "k": "旷"}
KEY_HINT = ("键入即登记：v/1/空格=√  g=公 s=事 b=病 n=年 x=休 k=旷（或直接输入汉字）；"
            "Enter 下移，Delete 清除，Ctrl+V 粘贴Excel，Ctrl+D 向下填充，Ctrl+Z 撤销")
_KEYS = QKeySequence.StandardKey
_OUR_SHORTCUTS = (_KEYS.Paste, _KEYS.Copy, _KEYS.Undo)


def parse_block(text: str) -> list[list[str]]:
    """A block as Excel and WPS put it on the clipboard: rows by newline, cells by tab, a trailing newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removesuffix("\n")
    return [line.split("\t") for line in text.split("\n")] if text else []


class FrozenColumns(QTableView):
    """The fixed columns over the left edge of the grid; shares its model, selection and row heights."""

    def __init__(self, grid: AttendanceGridView) -> None:
        super().__init__(grid)
        self.grid = grid
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        grid.viewport().stackUnder(self)
        self.verticalScrollBar().valueChanged.connect(grid.verticalScrollBar().setValue)
        grid.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)

    def attach(self, model: AttendanceGridModel) -> None:
        self.setModel(model)
        self.setSelectionModel(self.grid.selectionModel())

    def relayout(self) -> None:
        """Same widths and row height as the grid, only the fixed columns shown, placed over them."""
        grid = self.grid
        model = grid.model()
        for column in range(model.columnCount() if model else 0):
            self.setColumnHidden(column, column >= FIRST_DAY)
            if column < FIRST_DAY:
                self.setColumnWidth(column, grid.columnWidth(column))
        self.verticalHeader().setDefaultSectionSize(grid.verticalHeader().defaultSectionSize())
        self.horizontalHeader().setFixedHeight(grid.horizontalHeader().height())
        self.place()

    def width_of_fixed(self) -> int:
        return sum(self.grid.columnWidth(c) for c in range(FIRST_DAY)) if self.grid.model() else 0

    def place(self) -> None:
        grid = self.grid
        height = grid.viewport().height() + grid.horizontalHeader().height()
        self.setGeometry(grid.verticalHeader().width() + grid.frameWidth(), grid.frameWidth(),
                         self.width_of_fixed() + 1, height)
        self.verticalScrollBar().setValue(grid.verticalScrollBar().value())


class AttendanceGridView(QTableView):
    """``message(text, ok)``: a refusal (ok False, red) or a confirmation (green); "" returns to the hint."""

    message = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # typing handled here, no editor
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(8)
        self.setToolTip(KEY_HINT)
        self.frozen = FrozenColumns(self)
        self.editor = CellEditor(self)

    # -- layout -------------------------------------------------------------------------------------------
    def setModel(self, model: AttendanceGridModel) -> None:
        super().setModel(model)
        self.frozen.attach(model)
        model.modelReset.connect(self.layout_columns)
        self.layout_columns()

    def model(self) -> AttendanceGridModel:
        return super().model()  # type: ignore[return-value]

    def column_widths(self) -> list[int]:
        """Compact: a day column holds one code ("√", "事") and its header "31"; 31 days, the names and the
        totals fit a 1366-pixel screen beside the navigation."""
        model, metrics = self.model(), self.fontMetrics()
        han = metrics.horizontalAdvance("汉")
        day = max(han, metrics.horizontalAdvance("30")) + 9
        fixed = [3 * han + 8, 4 * han + 8, 3 * han + 8]
        number = metrics.horizontalAdvance("31")  # a total is at most 31 (days); the header's first line
        totals = [max(metrics.horizontalAdvance(h.split("\n")[0]), number) + 10 for h in model.total_headers]
        return fixed + [day] * model.n_days + totals

    def layout_columns(self) -> None:
        model = self.model()
        if model is None:
            return
        for column, width in enumerate(self.column_widths()):
            self.setColumnWidth(column, width)
        self.frozen.relayout()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.frozen.place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.model() is not None:
            self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
            self.frozen.place()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = super().moveCursor(action, modifiers)
        self._reveal(current)
        return current

    def scrollTo(self, index: QModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.isValid() and index.column() < FIRST_DAY:  # a fixed column is always in view: rows only
            first = self.columnAt(self.frozen.width_of_fixed() + 1)
            index = self.model().index(index.row(), max(first, FIRST_DAY))
        super().scrollTo(index, hint)
        self._reveal(index)

    def _reveal(self, index: QModelIndex) -> None:
        """A day column scrolled in from the right may still lie under the fixed columns: scroll it out."""
        if index.isValid() and index.column() >= FIRST_DAY:
            hidden = self.frozen.width_of_fixed() - self.visualRect(index).left()
            if hidden > 0:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - hidden)

    # -- keys -----------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """The grid's own shortcuts win over any window action with the same keys."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._ours(event):
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _ours(event: QKeyEvent) -> bool:
        ctrl_d = event.key() == Qt.Key.Key_D and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        return ctrl_d or any(event.matches(k) for k in _OUR_SHORTCUTS)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if event.matches(QKeySequence.StandardKey.Paste):
            self.editor.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.editor.copy()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.editor.undo()
        elif key == Qt.Key.Key_D and mods == Qt.KeyboardModifier.ControlModifier:
            self.editor.fill_down()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move(-1 if mods & Qt.KeyboardModifier.ShiftModifier else 1, 0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.editor.clear_selection()
        elif plain and event.text() and event.text().isprintable():
            self.editor.type_code(event.text())
        else:
            super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString():
            self.editor.type_code(event.commitString())
            event.accept()
        else:
            super().inputMethodEvent(event)

    def move(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        model = self.model()
        r = min(max(current.row() + rows, 0), model.rowCount() - 1)
        c = min(max(current.column() + columns, 0), model.columnCount() - 1)
        self.setCurrentIndex(model.index(r, c))

    # -- selection ------------------------------------------------------------------------------------------
    def selected_cells(self) -> list[tuple[int, int]]:
        """(row, column) of the selection in reading order; the current cell when nothing is selected."""
        cells = {(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()}
        if not cells and self.currentIndex().isValid():
            cells = {(self.currentIndex().row(), self.currentIndex().column())}
        return sorted(cells)

    def selected_rows(self) -> list[int]:
        return sorted({r for r, _ in self.selected_cells() if r < self.model().n_rows})

    def select_block(self, top: int, left: int, bottom: int, right: int) -> None:
        model = self.model()
        self.setCurrentIndex(model.index(top, left))
        selection = self.selectionModel()
        flag = QItemSelectionModel.SelectionFlag
        block = QItemSelection(model.index(top, left), model.index(bottom, right))
        selection.select(block, flag.ClearAndSelect)


class CellEditor:
    """Every change the grid makes from the keyboard or the clipboard, checked here, applied by the model."""

    def __init__(self, view: AttendanceGridView) -> None:
        self.view = view

    def say(self, text: str, ok: bool = False) -> None:
        self.view.message.emit(text, ok)

    def _locked(self) -> bool:
        reason = self.view.model().read_only_reason()
        if reason:
            self.say(reason)
        return bool(reason)

    def _contradicts_leave(self, changes: list[CellChange]) -> bool:
        """§8 and §7: a code that contradicts approved leave (or a recorded overstay) is taken only when the
        clerk confirms it; True when the clerk declined."""
        grid = self.view.model().grid
        try:
            lines = leave_conflicts(self.view.model().ws, grid.township_uuid, grid.year, grid.month, changes)
        except ServiceError:
            return False  # the save itself will say what is wrong
        if not lines:
            return False
        shown = "\n".join(lines[:10]) + (f"\n……等共{len(lines)}处" if len(lines) > 10 else "")
        if confirm(self.view, "与请假记录不符",
                   f"以下登记与已批准的请假或逾期未销假记录不符：\n{shown}\n\n确实如此（例如提前返岗未销假）才登记。"
                   "是否仍然登记？", yes="仍然登记", no="取消"):
            return False
        self.say("已取消：考勤没有改动。")
        return True

    def _apply(self, changes: list[CellChange], done: str = "") -> bool:
        if self._contradicts_leave(changes):
            return False
        try:
            self.view.model().apply(changes)
        except (ServiceError, StorageError) as exc:
            self.say(getattr(exc, "message", None) or str(exc))
            return False
        self.say(done, True)
        return True

    def _editable_targets(self, cells: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
        """The selected cells a code may go into; None (and the reason said) when there are none."""
        model = self.view.model()
        if self._locked():
            return None
        days = [(r, c) for r, c in cells if r < model.n_rows and model.is_day_column(c)]
        targets = [(r, c) for r, c in days if model.is_editable(r, c)]
        if not targets:
            if days:
                r, c = days[0]
                self.say(f"{model.cell_name(r, c)}不在驻村期内（{model.posting_dates(r)}），不需登记。")
            else:
                self.say("请先选中要登记的日期单元格（姓名右边的各日）。")
            return None
        return targets

    def type_code(self, text: str) -> None:
        """A code typed on the selection: every editable selected cell at once; a single cell moves on."""
        model = self.view.model()
        if model is None or model.grid is None:
            return
        legend = {c.code for c in model.legend}
        raw = LETTER_CODES.get(text.lower(), text) if len(text) == 1 else text
        raw = raw if raw in legend or raw == "√" else text
        try:
            code = model.normalize(raw) if raw.strip() else model.normalize("√")
        except RuleViolation:
            self.say(f"“{text}”不是考勤符号：{bad_code_message(text, model.legend)}")
            return
        cells = self.view.selected_cells()
        targets = self._editable_targets(cells)
        if targets is None:
            return
        done = f"已登记{len(targets)}格“{code}”。" if len(targets) > 1 else ""
        if self._apply([model.change(r, c, code) for r, c in targets], done) and len(cells) == 1:
            self.view.move(0, 1 if cells[0][1] + 1 < model.first_total else 0)

    def clear_selection(self) -> None:
        targets = self._editable_targets(self.view.selected_cells())
        if targets:
            model = self.view.model()
            changes = [model.change(r, c, None) for r, c in targets if model.code_at(r, c)]
            self._apply(changes, f"已清除{len(changes)}格。" if len(changes) > 1 else "")

    def fill_down(self) -> None:
        """Ctrl+D: each selected column takes its top selected cell's code (the cell above for one row)."""
        model = self.view.model()
        cells = [(r, c) for r, c in self.view.selected_cells() if r < model.n_rows and model.is_day_column(c)]
        if not cells or self._locked():
            if not cells:
                self.say("请先选中要向下填充的日期单元格（从上面一行往下）。")
            return
        by_column: dict[int, list[int]] = {}
        for r, c in cells:
            by_column.setdefault(c, []).append(r)
        changes = []
        for c, rows in by_column.items():
            top = min(rows) if len({r for r, _ in cells}) > 1 else min(rows) - 1
            if top < 0 or not model.inside_posting(top, c):
                continue
            code = model.code_at(top, c)
            changes += [model.change(r, c, code) for r in rows if r != top and model.is_editable(r, c)]
        if not changes:
            self.say("没有可以向下填充的单元格（上面一格不在驻村期内，或下面各格不在驻村期内）。")
            return
        self._apply(changes, f"已向下填充{len(changes)}格。")

    def fill_present(self) -> None:
        """本月全勤 for the selected rows: only their empty days become √."""
        rows = self.view.selected_rows()
        if not rows:
            self.say("请先选中要登记全勤的人员（可以多选）。")
            return
        if self._locked():
            return
        try:
            filled = self.view.model().fill_present(rows)
        except (ServiceError, StorageError) as exc:
            self.say(getattr(exc, "message", None) or str(exc))
            return
        if filled:
            self.say(f"本月全勤：{len(rows)}人的{filled}个空白日已登记为√（已登记的日子不变）。", True)
        else:
            self.say(f"所选{len(rows)}人本月驻村期内的日子都已登记，没有空白格。", True)

    def undo(self) -> None:
        try:
            result = self.view.model().undo()
        except (ServiceError, StorageError) as exc:
            self.say(f"无法撤销：{getattr(exc, 'message', None) or exc}")
            return
        self.say("已撤销上一次修改。" if result is not None else "没有可撤销的修改。", result is not None)

    def copy(self) -> None:
        cells = self.view.selected_cells()
        if not cells:
            return
        top, bottom = min(r for r, _ in cells), max(r for r, _ in cells)
        left, right = min(c for _, c in cells), max(c for _, c in cells)
        chosen = set(cells)
        model = self.view.model()
        lines = ["\t".join(model.text_at(r, c) if (r, c) in chosen else "" for c in range(left, right + 1))
                 for r in range(top, bottom + 1)]
        QApplication.clipboard().setText("\n".join(lines) + "\n")
        self.say(f"已复制{len(cells)}格，可以粘贴到 Excel/WPS 或本表。", True)

    def paste(self) -> None:
        """Ctrl+V: the clipboard's block from the current cell, taken whole or refused whole."""
        model = self.view.model()
        block = parse_block(QApplication.clipboard().text())
        if model is None or model.grid is None or not block:
            self.say("剪贴板里没有可以粘贴的内容。")
            return
        if len(block) == 1 and len(block[0]) == 1 and len(self.view.selected_cells()) > 1:
            if block[0][0].strip():
                self.type_code(block[0][0])
            else:
                self.clear_selection()
            return
        if self._locked():
            return
        cells = self.view.selected_cells()
        r0, c0 = cells[0] if cells else (-1, -1)
        if r0 < 0 or r0 >= model.n_rows or not model.is_day_column(c0):
            self.say("请先点选要粘贴到的第一个日期单元格（粘贴内容的左上角放在这里）。")
            return
        problem = self._paste_overflow(block, r0, c0)
        if problem:
            self.say(problem)
            return
        changes, problems = self._paste_changes(block, r0, c0)
        if problems:
            self.say(CellsRefused(problems).message)
            return
        if self._apply(changes, f"已粘贴{len(block)}行×{max(len(line) for line in block)}列。"):
            self.view.select_block(r0, c0, r0 + len(block) - 1, c0 + max(len(line) for line in block) - 1)

    def _paste_overflow(self, block: list[list[str]], r0: int, c0: int) -> str | None:
        model = self.view.model()
        columns, days_left = max(len(line) for line in block), model.first_total - c0
        if columns > days_left:
            return (f"粘贴的内容有{columns}列，但从{day_label(model.day_at(c0))}起本月只剩{days_left}天，"
                    "没有粘贴。请检查复制的范围或粘贴的起点。")
        rows_left = model.n_rows - r0
        if len(block) > rows_left:
            return (f"粘贴的内容有{len(block)}行，但从{model.row_name(r0)}起只剩{rows_left}人，没有粘贴。"
                    "请检查复制的范围或粘贴的起点。")
        return None

    def _paste_changes(self, block: list[list[str]], r0: int, c0: int) -> tuple[list[CellChange], list[str]]:
        """Every pasted cell checked here first, so the message names the grid cell and the block's cell.
        A blank landing on a day outside the posting is ignored (Excel copies of the paper table have
        them)."""
        model = self.view.model()
        changes, problems = [], []
        for i, line in enumerate(block):
            for j, raw in enumerate(line):
                r, c = r0 + i, c0 + j
                where = f"{model.cell_name(r, c)}（粘贴内容第{i + 1}行第{j + 1}列）"
                try:
                    code = model.normalize(raw)
                except RuleViolation:
                    problems.append(f"{where}：{bad_code_message(raw, model.legend)}")
                    continue
                if not model.is_editable(r, c):
                    if code is not None:
                        problems.append(f"{where}：不在驻村期内（{model.posting_dates(r)}）")
                    continue
                changes.append(model.change(r, c, code, where))
        return changes, problems
