"""A date box that may stay empty: typed the way clerks write dates, or picked from a calendar.

A QDateEdit cannot be empty, and 入党时间 of a non-member or the 任期结束 of an open posting are empty on the
paper forms. This line edit accepts everything `domain.dates.parse_date` reads (2023-05, 2023年5月,
2023.5.1, 20230501 …); the calendar button (or Alt+Down / F4) opens a calendar popup.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QVBoxLayout, QWidget

from ...domain.dates import parse_date
from ...domain.errors import RuleViolation


def _calendar_icon() -> QIcon:
    """A small drawn calendar: no image files to ship, crisp on any screen."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#55606e"), 2.5))
    p.drawRoundedRect(QRectF(4, 7, 24, 21), 3, 3)
    p.fillRect(QRectF(5, 8, 22, 6), QColor("#55606e"))
    p.drawLine(10, 3, 10, 9)
    p.drawLine(22, 3, 22, 9)
    for x in (9, 15, 21):
        for y in (17, 23):
            p.fillRect(QRectF(x, y, 3, 3), QColor("#55606e"))
    p.end()
    return QIcon(pix)


class DateField(QLineEdit):
    """`date()` is None when empty; raises nothing while typing, `parse()` tells what is wrong."""

    dateChanged = Signal(object)  # date | None, emitted when the text reads as a (different) date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._month_only = False
        self._field = ""
        self._last: date | None = None
        self._popup: QWidget | None = None
        self.setClearButtonEnabled(True)
        self._action = QAction(_calendar_icon(), "选择日期", self)
        self._action.setToolTip("选择日期（Alt+↓）")
        self._action.triggered.connect(self.show_calendar)
        self.addAction(self._action, QLineEdit.ActionPosition.TrailingPosition)
        self._update_placeholder()
        self.editingFinished.connect(self._tidy)
        self.textChanged.connect(self._emit_if_changed)

    # -- configuration ------------------------------------------------------------------------------------
    def setMonthOnly(self, month_only: bool) -> None:
        """出生年月, 入党时间, 参加工作时间 are months on the forms: show 2008-06, store the 1st."""
        self._month_only = month_only
        self._update_placeholder()

    def setFieldName(self, name: str) -> None:
        self._field = name

    def fieldName(self) -> str:
        return self._field

    def _update_placeholder(self) -> None:
        self.setPlaceholderText("如 2008-06 或 2008年6月" if self._month_only else "如 2024-03-01")

    # -- value --------------------------------------------------------------------------------------------
    def parse(self) -> date | None:
        """The date typed, None when empty; raises RuleViolation naming the field when unreadable."""
        return parse_date(self.text(), field=self._field or "日期", month_ok=self._month_only)

    def date(self) -> date | None:
        try:
            return self.parse()
        except RuleViolation:
            return None

    def setDate(self, value: date | None) -> None:
        self.setText(self.format(value))

    def format(self, value: date | None) -> str:
        if value is None:
            return ""
        return f"{value:%Y-%m}" if self._month_only else f"{value:%Y-%m-%d}"

    def _tidy(self) -> None:
        """After typing 2008年6月, show it as 2008-06 so every date on screen looks the same."""
        value = self.date()
        if value is not None and self.text() != self.format(value):
            self.setText(self.format(value))

    def _emit_if_changed(self) -> None:
        value = self.date()
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)

    # -- calendar popup -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self.isReadOnly() or not self.isEnabled():
            return
        popup = QWidget(self, Qt.WindowType.Popup)
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(1, 1, 1, 1)
        cal = QCalendarWidget(popup)
        cal.setGridVisible(True)
        cal.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        current = self.date() or date.today()
        cal.setSelectedDate(QDate(current.year, current.month, current.day))
        cal.activated.connect(lambda d: self._picked(d, popup))
        cal.clicked.connect(lambda d: self._picked(d, popup))
        layout.addWidget(cal)
        popup.adjustSize()
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self._popup = popup
        popup.show()
        cal.setFocus()

    def _picked(self, qd: QDate, popup: QWidget) -> None:
        picked = date(qd.year(), qd.month(), qd.day())
        self.setDate(picked.replace(day=1) if self._month_only else picked)
        popup.close()
        popup.deleteLater()
        self._popup = None
        self.setFocus()
        self.editingFinished.emit()
