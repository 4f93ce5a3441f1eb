"""A tab's state lock in Redis is given back even when the event taking it is cancelled.

Reflex 0.10.1 (`StateManagerRedis`) takes the lock of a tab's state with `SET key id NX PX`
and gives it back in a `finally`. When a member leaves a page while it still loads, Reflex
cancels that page's hydrate event on disconnect. If the cancellation arrives while the `SET`
is on its way, Redis has set the lock but the event never learns it and never gives it back:
the tab's next page waits until the lock expires (`REFLEX_REDIS_LOCK_EXPIRATION`, 10 s). The
same happens when a second cancellation interrupts the `GETDEL` of the `finally`.

`install()` makes both steps finish whatever happens to the event: the `SET` runs to its
answer, and a lock it took for a cancelled event is given back at once (only if it is still
that event's: compare and delete in one step); the `GETDEL` runs to its end. Measured with
`bench.quick_navigation` (see bench/RESULTS.md). Written for exactly this Reflex version:
`install()` refuses another one, and a unit test says so, so an upgrade is checked first.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from importlib.metadata import version

log = logging.getLogger(__name__)

REFLEX_VERSION = "0.10.1"

# Deletes the lock only while it is still the given holder's.
_GIVE_BACK = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""

_background: set[asyncio.Task] = set()  # release tasks, kept until done


def install() -> None:
    """Patch Reflex's Redis state manager (no-op when already done)."""
    from reflex.istate.manager.redis import StateManagerRedis

    if getattr(StateManagerRedis, "_portal_lock_fix", False):
        return
    if version("reflex") != REFLEX_VERSION:
        raise RuntimeError(
            f"portal_app/state/redis_lock.py is written for Reflex {REFLEX_VERSION}, "
            f"found {version('reflex')}: check whether the lock fix is still needed"
        )
    StateManagerRedis._try_get_lock = _cancel_safe_get(StateManagerRedis._try_get_lock)
    StateManagerRedis.__post_init__ = _shielded_getdel_on_start(StateManagerRedis.__post_init__)
    StateManagerRedis._portal_lock_fix = True


def _cancel_safe_get(try_get_lock):
    @functools.wraps(try_get_lock)
    async def _try_get_lock(self, lock_key: bytes, lock_id: bytes) -> bool | None:
        attempt = asyncio.ensure_future(try_get_lock(self, lock_key, lock_id))
        try:
            return await asyncio.shield(attempt)
        except asyncio.CancelledError:
            attempt.add_done_callback(functools.partial(_give_back, self, lock_key, lock_id))
            raise

    return _try_get_lock


def _give_back(manager, lock_key: bytes, lock_id: bytes, attempt: asyncio.Future) -> None:
    """The event that asked for the lock is gone: if the lock came, release it."""
    if attempt.cancelled() or attempt.exception() is not None or not attempt.result():
        return
    task = asyncio.ensure_future(_release(manager, lock_key, lock_id))
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _release(manager, lock_key: bytes, lock_id: bytes) -> None:
    try:
        if await manager.redis.eval(_GIVE_BACK, 1, lock_key, lock_id):
            log.info("Sperre %s eines abgebrochenen Ereignisses freigegeben", lock_key.decode())
    except Exception:  # Redis away: the lock then expires as before
        log.warning("Sperre %s nicht freigegeben", lock_key, exc_info=True)


def _shielded_getdel_on_start(post_init):
    """The lock's `finally` gives it back with GETDEL on the manager's Redis client: run that
    to its end even if the event is cancelled once more meanwhile (the caller still sees the
    cancellation). Only this client's GETDEL changes."""

    @functools.wraps(post_init)
    def __post_init__(self) -> None:
        post_init(self)
        getdel = self.redis.getdel

        async def shielded_getdel(name):
            return await asyncio.shield(getdel(name))

        self.redis.getdel = shielded_getdel

    return __post_init__
