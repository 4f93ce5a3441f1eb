"""Compare how long two paths take, as an attacker measuring answers would."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def _seconds(action: Callable[[int], object], attempt: int) -> float:
    started = time.perf_counter()
    action(attempt)
    return time.perf_counter() - started


def assert_within_noise(
    known: Callable[[int], object], unknown: Callable[[int], object], tries: int = 25
) -> None:
    """The medians of the two paths differ by no more than the machine's jitter allows.

    Interleaved tries, so a slow moment of the machine hits both alike. Allowed: a third of the
    larger median, or 2 ms, whichever is more (SQLite commits on a busy shared machine). Without
    the answer-time floor the register path differed by ~2.5 ms and this failed.
    """
    known_times, unknown_times = [], []
    for attempt in range(tries):
        known_times.append(_seconds(known, attempt))
        unknown_times.append(_seconds(unknown, attempt))
    a, b = statistics.median(known_times), statistics.median(unknown_times)
    allowed = max(max(a, b) / 3, 0.002)
    assert abs(a - b) <= allowed, (
        f"known {a * 1000:.2f} ms, unknown {b * 1000:.2f} ms, allowed ±{allowed * 1000:.2f} ms"
    )
