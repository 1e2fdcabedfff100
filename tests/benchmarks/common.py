"""Helpers shared by the benchmark scripts: timing several alternating runs and printing a ratio."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    job: str
    ours: float
    baseline: float
    goal: str

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline if self.baseline else float("inf")

    def line(self) -> str:
        return (f"{self.job:<44} ours {self.ours * 1000:9.1f} ms  baseline {self.baseline * 1000:9.1f} ms  "
                f"ratio {self.ratio:5.2f}×  goal {self.goal}")


def alternate(ours: Callable[[], None], baseline: Callable[[], None], runs: int) -> tuple[float, float]:
    """Median wall time of each, run A B A B … so that drift of a shared machine hits both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        t = time.perf_counter()
        ours()
        a.append(time.perf_counter() - t)
        t = time.perf_counter()
        baseline()
        b.append(time.perf_counter() - t)
    return statistics.median(a), statistics.median(b)
