"""What the benchmarks ran on, and how they print their tables."""

from __future__ import annotations

import os
import platform
import statistics
from importlib.metadata import version


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"Reflex {version('reflex')}, {platform.system()} {platform.release()}"
    )


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary_ms(samples: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 in milliseconds."""
    return (
        statistics.median(samples) * 1000,
        percentile(samples, 0.95) * 1000,
        percentile(samples, 0.99) * 1000,
    )


def table(header: list[str], rows: list[list]) -> str:
    """A Markdown table, so results paste straight into RESULTS.md."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *map(line, rows)])
