"""The leave section of a rule set as the county administrator edits it (§8; DOMAIN.md "Rule sets").

Two widgets for ``gui/settings/rule_sets_tab.py``: :class:`TierTable`, the bands of leave length (天数上限, 名称,
签字顺序, 备案单位), and :class:`ChainEditor`, the ordered list of bodies that sign one band, with 添加, 删除,
上移, 下移 from the bodies the county knows (a body not in the list may be typed). The values go back out as the
``"leave"`` section's JSON shape, which ``domain.leave_rules.leave_rules_problems`` checks; nothing is judged here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .bodies import KNOWN_BODIES

ARROW = " → "
COL_MAX, COL_LABEL, COL_CHAIN, COL_FILE = range(4)
TIER_HEADERS = ("天数上限", "名称", "签字顺序", "备案单位")


def chain_text(chain: list[str] | tuple[str, ...]) -> str:
    return ARROW.join(chain) if chain else "（未设置）"


def _max_text(value: Any) -> str:
    return "" if value is None else str(value)


def _read_max(text: str) -> Any:
    """Empty is the open last band; digits (full-width too) a number; anything else goes to the validator as
    typed, so that its message quotes what the administrator wrote."""
    text = text.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789")).removesuffix("天")
    if not text:
        return None
    return int(text) if text.isdigit() else text


class ChainEditor(QWidget):
    """签字顺序 of one band: an ordered list; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("签字顺序")
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.body_combo = QComboBox()
        self.body_combo.setEditable(True)
        self.body_combo.addItems(list(KNOWN_BODIES))
        self.body_combo.lineEdit().setPlaceholderText("选择或输入签字单位")
        self.add_button = QPushButton("添加")
        self.remove_button = QPushButton("删除")
        self.up_button = QPushButton("上移")
        self.down_button = QPushButton("下移")
        add_row = QHBoxLayout()
        add_row.addWidget(self.body_combo, 1)
        add_row.addWidget(self.add_button)
        move_row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            move_row.addWidget(button)
        move_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(move_row)
        layout.addLayout(add_row)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self._update_buttons()

    def set_chain(self, chain: list[str], title: str = "签字顺序") -> None:
        self.title.setText(title)
        self.list.clear()
        self.list.addItems(chain)
        self._update_buttons()

    def chain(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.body_combo, self.add_button, self.remove_button, self.up_button, self.down_button):
            widget.setVisible(not read_only)

    def add_current(self) -> None:
        body = self.body_combo.currentText().strip()
        if not body:
            return
        self.list.addItem(body)
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.changed.emit()
        self._update_buttons()

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)


class TierTable(QWidget):
    """审批档次: one row per band; the selected band's chain is edited in the :class:`ChainEditor` beside it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tiers: list[dict[str, Any]] = []
        self._filling = False
        self.table = QTableWidget(0, len(TIER_HEADERS))
        self.table.setHorizontalHeaderLabels(list(TIER_HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)  # a five-body chain wraps rather than being cut off
        self.table.setStyleSheet("QTableWidget::item { padding: 4px 2px; }")
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_CHAIN, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for col, sample in ((COL_MAX, "天数上限"), (COL_LABEL, "3天至5天以内"), (COL_FILE, "县委组织部")):
            self.table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 32)
        self.table.setToolTip("天数上限：含本数，如“3”即3天以内；最后一档留空，表示不设上限")
        self.add_button = QPushButton("增加一档")
        self.remove_button = QPushButton("删除所选档")
        self.chain_editor = ChainEditor()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.chain_editor)
        self.chain_editor.setFixedWidth(self.fontMetrics().horizontalAdvance("汉" * 14) + 40)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(lambda *_: self._show_chain())
        self.chain_editor.changed.connect(self._chain_changed)
        self.add_button.clicked.connect(self.add_tier)
        self.remove_button.clicked.connect(self.remove_tier)

    # -- values ---------------------------------------------------------------------------------------------
    def set_tiers(self, tiers: list[dict[str, Any]]) -> None:
        self._tiers = [
            {"max_days": t.get("max_days"), "label": t.get("label") or "", "chain": list(t.get("chain") or []),
             "file_with": t.get("file_with") or ""}
            for t in tiers
        ]
        self._fill()
        if self._tiers:
            self.table.setCurrentCell(0, COL_LABEL)
        self._show_chain()

    def tiers(self) -> list[dict[str, Any]]:
        """The bands in the JSON shape of a rule set (empty 备案单位 as null)."""
        return [{"max_days": t["max_days"], "label": t["label"].strip(), "chain": list(t["chain"]),
                 "file_with": t["file_with"].strip() or None} for t in self._tiers]

    def set_read_only(self, read_only: bool) -> None:
        triggers = (QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                    QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setEditTriggers(triggers)
        self.add_button.setVisible(not read_only)
        self.remove_button.setVisible(not read_only)
        self.chain_editor.set_read_only(read_only)

    # -- editing --------------------------------------------------------------------------------------------
    def _fill(self) -> None:
        self._filling = True
        self.table.setRowCount(len(self._tiers))
        for row, tier in enumerate(self._tiers):
            chain_item = QTableWidgetItem(chain_text(tier["chain"]))
            chain_item.setFlags(chain_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            chain_item.setToolTip("在右边编辑所选档的签字顺序")
            for col, item in ((COL_MAX, QTableWidgetItem(_max_text(tier["max_days"]))),
                              (COL_LABEL, QTableWidgetItem(tier["label"])), (COL_CHAIN, chain_item),
                              (COL_FILE, QTableWidgetItem(tier["file_with"]))):
                self.table.setItem(row, col, item)
        self._filling = False
        self.remove_button.setEnabled(bool(self._tiers))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or not 0 <= item.row() < len(self._tiers):
            return
        tier = self._tiers[item.row()]
        if item.column() == COL_MAX:
            tier["max_days"] = _read_max(item.text())
        elif item.column() == COL_LABEL:
            tier["label"] = item.text()
        elif item.column() == COL_FILE:
            tier["file_with"] = item.text()
        self.changed.emit()

    def current_row(self) -> int:
        return self.table.currentRow()

    def _show_chain(self) -> None:
        row = self.current_row()
        if 0 <= row < len(self._tiers):
            tier = self._tiers[row]
            name = tier["label"].strip() or f"第{row + 1}档"
            self.chain_editor.set_chain(tier["chain"], f"签字顺序（{name}）")
            self.chain_editor.setEnabled(True)
        else:
            self.chain_editor.set_chain([], "签字顺序（先在左边选一档）")
            self.chain_editor.setEnabled(False)

    def _chain_changed(self) -> None:
        row = self.current_row()
        if not 0 <= row < len(self._tiers):
            return
        self._tiers[row]["chain"] = self.chain_editor.chain()
        self._filling = True
        self.table.item(row, COL_CHAIN).setText(chain_text(self._tiers[row]["chain"]))
        self._filling = False
        self.changed.emit()

    def add_tier(self) -> None:
        """A new band goes before the open last one, with the last band's chain to start from."""
        last = self._tiers[-1] if self._tiers else None
        previous = next((t["max_days"] for t in reversed(self._tiers) if isinstance(t["max_days"], int)), 0)
        new = {"max_days": previous + 1, "label": "", "chain": list(last["chain"]) if last else [],
               "file_with": ""}
        position = len(self._tiers) - 1 if last is not None and last["max_days"] is None else len(self._tiers)
        self._tiers.insert(position, new)
        self._fill()
        self.table.setCurrentCell(position, COL_MAX)
        self._show_chain()
        self.changed.emit()

    def remove_tier(self) -> None:
        row = self.current_row()
        if not 0 <= row < len(self._tiers):
            return
        del self._tiers[row]
        self._fill()
        if self._tiers:
            self.table.setCurrentCell(min(row, len(self._tiers) - 1), COL_LABEL)
        self._show_chain()
        self.changed.emit()
