"""花名册 page: the roster of stationed cadres, filtered, with the actions a township clerk needs on it.

The table is filled from ONE `list_roster` call per filter change; the search box filters the rows already loaded.
A 县级查看 account sees the roster, exports and prints it, and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QToolBar, QWidget

from ...services.roster import STATUS_LEFT, RosterEntry, list_roster
from ...services.workspace import Workspace
from ..forms.ui_roster_page import Ui_RosterPage
from ..messages import report_error
from .filter_bar import RosterFilters
from .output import export_excel, print_roster
from .table_model import (
    COL_POSITION,
    COL_TOWNSHIP,
    COL_UNIT,
    HEADERS,
    SAMPLES,
    RosterProxyModel,
    RosterTableModel,
)

CELL_PADDING = 12
COMBO_ARROW = 36  # the drop-down arrow and the frame of a filter combo


class RosterPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ui = Ui_RosterPage()
        self.ui.setupUi(self)
        self.model = RosterTableModel(self)
        self.proxy = RosterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_table()
        self._build_toolbar()
        self._size_filters()
        self.filters = RosterFilters(ws, self.ui, self)
        self.filters.changed.connect(self.reload)
        self.filters.search_changed.connect(self._search)
        self.ui.searchEdit.returnPressed.connect(self.filters.flush_search)
        self.refresh()

    # -- building -------------------------------------------------------------------------------------------
    def _build_table(self) -> None:
        view = self.ui.tableView
        view.setModel(self.proxy)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = view.fontMetrics()
        self._widths = [max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(HEADERS[col]))
                        + CELL_PADDING for col, sample in enumerate(SAMPLES)]
        for col, width in enumerate(self._widths):
            header.resizeSection(col, width)
        if not self.ws.actor.is_county:
            view.setColumnHidden(COL_TOWNSHIP, True)  # always the user's own township
            self._widths[COL_TOWNSHIP] = 0
        view.viewport().installEventFilter(self)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: 乡镇, 村, 角色, 姓名
        view.doubleClicked.connect(lambda _index: self.open_current())
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

    def _size_filters(self) -> None:
        """Each filter combo as wide as a few Chinese characters, not as the longest unit name in the database,
        so the filter row fits a 1366-pixel screen."""
        ui = self.ui
        metrics = self.fontMetrics()
        chars = {ui.townshipCombo: 5, ui.villageCombo: 5, ui.roleCombo: 6, ui.unitCombo: 6, ui.batchCombo: 4,
                 ui.statusCombo: 3}
        for combo, n in chars.items():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(1)
            combo.setMinimumWidth(metrics.horizontalAdvance("汉" * n) + COMBO_ARROW)
        ui.searchEdit.setMinimumWidth(metrics.horizontalAdvance(ui.searchEdit.placeholderText()) + COMBO_ARROW)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.tableView.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Every column as wide as its usual content; room left over goes to 派出单位 and 职务职级, whose
        names are long. On a narrow screen the table scrolls sideways rather than cutting columns."""
        header = self.ui.tableView.horizontalHeader()
        spare = self.ui.tableView.viewport().width() - sum(self._widths)
        for col, width in enumerate(self._widths):
            if not width:
                continue
            extra = 0
            if spare > 0 and col in (COL_UNIT, COL_POSITION):
                extra = spare * 2 // 3 if col == COL_UNIT else spare // 3
            header.resizeSection(col, width + extra)

    def _build_toolbar(self) -> None:
        bar = QToolBar("花名册", self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.ui.mainLayout.insertWidget(0, bar)
        self.toolbar = bar
        writer = self.ws.actor.can_write
        self.new_action = self._action("新增人员", self.new_person, "Ctrl+N", visible=writer)
        self.edit_action = self._action("编辑", self.open_current, "Ctrl+O", visible=writer)
        self.end_action = self._action("登记离岗", self.end_current_posting, visible=writer)
        if writer:
            bar.addSeparator()
        self.import_action = self._action("导入花名册…", self.import_roster, visible=writer)
        self.export_action = self._action("导出Excel…", self.export_excel, "Ctrl+E")
        self.print_action = self._action("打印花名册…", self.print_roster, "Ctrl+P")
        bar.addSeparator()
        self.org_action = self._action("村和派出单位…", self.edit_org, visible=writer)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.ui.searchEdit.setFocus())
        self.addAction(find)
        enter = QAction(self.ui.tableView)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self.open_current)
        self.ui.tableView.addAction(enter)

    def _action(self, text: str, slot, shortcut: str | None = None, *, visible: bool = True) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text}（{shortcut}）")
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(slot)
        action.setVisible(visible)
        action.setEnabled(visible)  # nor by its shortcut
        if visible:
            self.toolbar.addAction(action)
        return action

    # -- data -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Called by the main window when the page is shown: choices and rows as the database has them."""
        try:
            self.filters.reload_choices()
        except Exception as exc:  # noqa: BLE001 - a locked database is told, the page stays usable
            report_error(self, exc, "无法读取花名册")
            return
        self.reload()

    def reload(self, select_person: str | None = None) -> None:
        keep = select_person or (self.current_entry().person_uuid if self.current_entry() else None)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            entries = list_roster(self.ws, self.filters.database_filter())
        except Exception as exc:  # noqa: BLE001
            QApplication.restoreOverrideCursor()
            report_error(self, exc, "无法读取花名册")
            return
        self.model.set_entries(entries)
        QApplication.restoreOverrideCursor()
        self._update_count()
        if keep:
            self.select_person(keep)
        self._update_actions()

    def _search(self, text: str) -> None:
        self.proxy.set_search_text(text)
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        persons = self.proxy.person_count()
        self.ui.countLabel.setText(f"共 {persons} 人")

    def current_entry(self) -> RosterEntry | None:
        index = self.ui.tableView.currentIndex()
        return self.proxy.entry(index.row()) if index.isValid() else None

    def select_person(self, person_uuid: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.entry(row).person_uuid == person_uuid:
                self.ui.tableView.selectRow(row)
                self.ui.tableView.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def _update_actions(self) -> None:
        entry = self.current_entry()
        writer = self.ws.actor.can_write
        self.edit_action.setEnabled(writer and entry is not None)
        self.end_action.setEnabled(writer and entry is not None and entry.posting_uuid is not None
                                   and entry.end_date is None and entry.status != STATUS_LEFT)

    # -- actions --------------------------------------------------------------------------------------------
    def new_person(self) -> None:
        from .person_dialog import PersonDialog

        dialog = PersonDialog(self.ws, None, self)
        if dialog.exec() or dialog.changed:
            self.refresh_after_change(dialog.person_uuid)

    def open_current(self) -> None:
        from .person_dialog import PersonDialog

        entry = self.current_entry()
        if entry is None:
            return
        dialog = PersonDialog(self.ws, entry.person_uuid, self)
        if dialog.exec() or dialog.changed:
            self.refresh_after_change(entry.person_uuid)

    def end_current_posting(self) -> None:
        from .posting_dialogs import EndPostingDialog

        entry = self.current_entry()
        if entry is None or entry.posting_uuid is None:
            return
        text = (f"{entry.name}，{entry.township_name or ''}{entry.village_name or ''}{entry.role or ''}，"
                f"{entry.start_date:%Y-%m-%d}起驻村。") if entry.start_date else entry.name
        if EndPostingDialog(self.ws, entry.posting_uuid, text, self).exec():
            self.refresh_after_change(entry.person_uuid)

    def import_roster(self) -> None:
        from .import_dialog import ImportDialog

        dialog = ImportDialog(self.ws, self)
        dialog.exec()
        if dialog.applied:
            self.refresh()

    def edit_org(self) -> None:
        from .org_dialog import OrgDialog

        dialog = OrgDialog(self.ws, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()

    def export_excel(self) -> None:
        export_excel(self, self.ws, self.filters.current())

    def print_roster(self) -> None:
        print_roster(self, self.ws, self.filters.current())

    def refresh_after_change(self, person_uuid: str | None) -> None:
        self.filters.reload_choices()
        self.reload(select_person=person_uuid)
