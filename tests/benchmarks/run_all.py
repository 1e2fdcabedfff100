"""Run every benchmark and print one table: job, ours, baseline, ratio, goal."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_attendance_grid
import bench_attendance_pdf
import bench_package_import
import bench_roster_import
import bench_startup


def main() -> int:
    import os

    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    for job in (bench_startup.run, bench_roster_import.run, bench_attendance_grid.run, bench_attendance_pdf.run,
                bench_package_import.run):
        results = job()
        for result in results if isinstance(results, list) else [results]:
            print(result.line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
