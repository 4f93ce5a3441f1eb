"""Answers that take the same time whatever the database holds.

Register and forgot-password do more database work for a new address than for a known one
(an account and a link row against a single mail row): a few milliseconds an attacker could
measure over many tries. Each such action therefore lasts at least `FLOOR`, far above that
difference, so the time of the answer tells nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

FLOOR = 0.05  # seconds


@contextmanager
def at_least(seconds: float = FLOOR) -> Iterator[None]:
    """Let the block last at least `seconds` (sleeps the rest; call from a worker thread)."""
    started = time.monotonic()
    try:
        yield
    finally:
        left = seconds - (time.monotonic() - started)
        if left > 0:
            time.sleep(left)
