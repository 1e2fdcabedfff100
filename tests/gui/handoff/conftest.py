"""The 数据交换 page on two real installations: the county (示例县) and its township 东风镇, built from a real
set-up package by the hand-off core's fixtures (``tests/handoff/conftest.py``), each its own SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.gui.gui_support import show_offscreen
from tests.handoff.conftest import Pair, pair, template  # noqa: F401 - fixtures used by these tests
from zhucun_desktop.gui.handoff import HandoffPage
from zhucun_desktop.services.workspace import Workspace

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
TODAY = date(2026, 11, 20)
PAGE_SIZE = (1130, 720)  # the page beside the main window's navigation at 1280 × 800


def open_page(qtbot, ws: Workspace, keys=None) -> HandoffPage:
    """The page as the main window shows it; ``keys`` as if the password had been given earlier this session."""
    page = HandoffPage(ws, today=TODAY)
    page.site_keys = keys
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    show_offscreen(page)
    return page


def wait_for(qtbot, runner) -> None:
    """Until the export or import running off the GUI thread has finished and its result is shown."""
    qtbot.waitUntil(lambda: not runner.running, timeout=30000)


def distinct_colours(image: QImage, step: int = 3) -> int:
    return len({image.pixel(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step)})


def screenshot(widget, name: str) -> Path:
    """docs/screenshots/NAME.png, checked to be written and not blank."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().toImage().save(str(path))
    written = QImage(str(path))
    assert not written.isNull() and written.width() > 300
    assert distinct_colours(written) > 20, f"{name}.png looks blank"
    return path


@pytest.fixture
def gui_pair(gui_app, pair: Pair) -> Pair:  # noqa: F811 - the imported fixture, with the app's font installed
    return pair
