"""Draw the program's icon: the character 驻 in white on the red of official seals, on a rounded square.

    python packaging/make_icon.py        writes zhucun_desktop/resources/icons/zhucun.png (256 px) and zhucun.ico

Drawn with Qt and the bundled WenQuanYi Micro Hei, so it needs nothing the program does not already have. The
.ico holds PNG images at 16–256 px (the format Windows Vista and later read), written here with ``struct``.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "zhucun_desktop" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = "#c8102e"


def render(size: int) -> bytes:
    """One PNG of ``size`` pixels, drawn at that size (small sizes stay sharp rather than being shrunk)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

    from zhucun_desktop.gui.fonts import BUNDLED_FAMILY, register_bundled_font

    register_bundled_font()
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(box, size * 0.18, size * 0.18)
    painter.fillPath(path, QColor(RED))
    font = QFont(BUNDLED_FAMILY)
    font.setPixelSize(round(size * 0.70))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(box.adjusted(0, -size * 0.03, 0, 0), Qt.AlignmentFlag.AlignCenter, "驻")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_ico(path: Path, pngs: dict[int, bytes]) -> None:
    """ICONDIR + one ICONDIRENTRY per image + the PNG data (a width/height of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    path.write_bytes(header + entries + blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    ICONS.mkdir(parents=True, exist_ok=True)
    pngs = {size: render(size) for size in SIZES}
    (ICONS / "zhucun.png").write_bytes(pngs[256])
    write_ico(ICONS / "zhucun.ico", pngs)
    print(f"wrote {ICONS / 'zhucun.png'} and {ICONS / 'zhucun.ico'} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
