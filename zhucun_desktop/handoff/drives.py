"""Candidate USB sticks for the 数据交换 screen's folder choice, without Qt.

Windows: every drive letter whose type is ``DRIVE_REMOVABLE`` (GetDriveTypeW), with its volume label. Linux:
mounts of a block device whose ``/sys/block/<dev>/removable`` is 1, or any mount under ``/media`` or
``/run/media`` (where desktops mount sticks). The list is a suggestion; the user may still pick any folder.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2


@dataclass(frozen=True)
class Drive:
    path: Path
    label: str
    free_bytes: int
    total_bytes: int

    def text(self) -> str:
        """"U盘 KINGSTON (E:\\)，可用 3.2 GB" as the drop-down shows it."""
        name = self.label or "U盘"
        return f"{name}（{self.path}），可用 {self.free_bytes / 1e9:.1f} GB"


def _usage(path: Path) -> tuple[int, int] | None:
    try:
        usage = shutil.disk_usage(path)
    except OSError:
        return None
    return usage.free, usage.total


def _windows_drives() -> list[Drive]:  # pragma: no cover - exercised on the Windows build only
    import ctypes

    kernel = ctypes.windll.kernel32
    mask = kernel.GetLogicalDrives()
    out = []
    for i in range(26):
        if not mask & (1 << i):
            continue
        root = f"{chr(65 + i)}:\\"
        if kernel.GetDriveTypeW(root) != DRIVE_REMOVABLE:
            continue
        buf = ctypes.create_unicode_buffer(261)
        kernel.GetVolumeInformationW(root, buf, 261, None, None, None, None, 0)
        usage = _usage(Path(root))
        if usage is not None:
            out.append(Drive(Path(root), buf.value, *usage))
    return out


def _unescape(field: str) -> str:
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def linux_drives(mounts_text: str, sys_block: Path = Path("/sys/block")) -> list[Drive]:
    """Removable mounts from the text of ``/proc/mounts``."""
    out = []
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        device, mount = parts[0], Path(_unescape(parts[1]))
        removable = False
        if device.startswith("/dev/"):
            name = os.path.basename(device)
            base = name.rstrip("0123456789") if not name.startswith("nvme") else name.split("p")[0]
            flag = sys_block / base / "removable"
            removable = flag.is_file() and flag.read_text().strip() == "1"
        under_media = mount.parts[:2] == ("/", "media") or mount.parts[:3] == ("/", "run", "media")
        if not (removable or under_media):
            continue
        usage = _usage(mount)
        if usage is not None:
            out.append(Drive(mount, mount.name, *usage))
    return out


def removable_drives() -> list[Drive]:
    """Mounted removable drives, for the export and import file dialogs."""
    if sys.platform == "win32":  # pragma: no cover
        return _windows_drives()
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return linux_drives(text)
