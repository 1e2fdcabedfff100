"""The benchmarks run once on small sizes so they cannot rot; no wall-clock time is asserted."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_attendance_grid
import bench_attendance_pdf
import bench_roster_import
import bench_startup


def test_roster_import_benchmark_runs_on_a_small_sheet(capsys):
    result = bench_roster_import.run(rows=60, runs=1)
    assert result.ours > 0 and result.baseline > 0
    print(result.line())
    assert "花名册导入 60 行" in capsys.readouterr().out


def test_startup_benchmark_times_the_sign_in_window_before_the_main_window():
    login, main = bench_startup.run(runs=1)
    assert login.baseline > 0 and 0 < login.ours < main.ours
    assert "登录窗口" in login.job and "主窗口" in main.job


def test_attendance_grid_benchmark_runs_on_a_small_month(qapp):
    result = bench_attendance_grid.run(rows=50, runs=1)
    assert result.ours > 0 and result.baseline > 0


def test_attendance_pdf_benchmark_prints_both_times_and_the_ratio(capsys):
    result = bench_attendance_pdf.run(rows=10, runs=1)
    assert result.ours > 0 and result.baseline > 0
    print(result.line())
    out = capsys.readouterr().out
    assert "考勤表PDF 10人×31天" in out and "ratio" in out and "baseline" in out
