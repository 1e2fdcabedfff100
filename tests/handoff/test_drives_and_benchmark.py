"""The removable-drive list the 数据交换 screen offers, and the package-import benchmark on a tiny county (so it
cannot rot; no wall-clock time is asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

from zhucun_desktop.handoff.drives import linux_drives


def test_only_removable_or_desktop_mounted_drives_are_offered(tmp_path: Path) -> None:
    block = tmp_path / "sys_block"
    for dev, flag in (("sda", "0"), ("sdb", "1")):
        (block / dev).mkdir(parents=True)
        (block / dev / "removable").write_text(flag + "\n")
    stick, system = tmp_path / "KINGSTON", tmp_path / "data"
    stick.mkdir()
    system.mkdir()
    mounts = (f"/dev/sda2 {system} ext4 rw 0 0\n"
              f"/dev/sdb1 {stick} vfat rw 0 0\n"
              "proc /proc proc rw 0 0\n")
    [drive] = linux_drives(mounts, block)
    assert drive.path == stick and drive.label == "KINGSTON"
    assert drive.total_bytes > 0 and "可用" in drive.text()


def test_the_package_import_benchmark_runs_on_a_tiny_county(capsys) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import bench_package_import

    result = bench_package_import.run(townships=2, cadres=3, days=10)
    assert result.ours > 0 and result.baseline > 0
    assert result.rows == 2 * 3 * (10 + 4 + 8)
    print(result.line())
    assert "数据包导入 2镇×3人×10天" in capsys.readouterr().out
