"""The tab's state lock in Redis comes back when the event taking or giving it is cancelled
(state/redis_lock.py), against a real Redis; and the fix is for the installed Reflex."""

import asyncio
import uuid
from importlib.metadata import version
from types import SimpleNamespace

import redis.asyncio
from reflex.istate.manager.redis import StateManagerRedis

from portal_app.state import redis_lock
from tests.backing_services import reachable_redis

ORIGINAL_TRY_GET_LOCK = getattr(
    StateManagerRedis._try_get_lock, "__wrapped__", StateManagerRedis._try_get_lock
)


class SlowAnswer:
    """A Redis client whose SET is carried out at once but answered late: the window in which
    Reflex cancels a leaving page's hydrate."""

    def __init__(self, client):
        self._client = client

    async def set(self, *args, **kwargs):
        answer = await self._client.set(*args, **kwargs)
        await asyncio.sleep(0.3)
        return answer

    def __getattr__(self, name):
        return getattr(self._client, name)


async def _cancel_while_taking(try_get_lock) -> bool:
    """Whether the lock is still held after its taker was cancelled and things settled."""
    client = redis.asyncio.Redis.from_url(reachable_redis())
    key, holder = f"test-{uuid.uuid4().hex}_lock".encode(), b"hydrate:1"
    manager = SimpleNamespace(redis=SlowAnswer(client), lock_expiration=10_000)
    try:
        taking = asyncio.ensure_future(try_get_lock(manager, key, holder))
        await asyncio.sleep(0.1)  # the SET has been carried out, its answer is on the way
        taking.cancel()
        await asyncio.sleep(0.6)
        assert taking.cancelled()
        return await client.exists(key) == 1
    finally:
        await client.delete(key)
        await client.aclose()


def test_without_the_fix_a_cancelled_taker_leaves_the_lock_behind():
    assert asyncio.run(_cancel_while_taking(ORIGINAL_TRY_GET_LOCK))


def test_with_the_fix_a_lock_taken_for_a_cancelled_event_is_given_back():
    fixed = redis_lock._cancel_safe_get(ORIGINAL_TRY_GET_LOCK)
    assert not asyncio.run(_cancel_while_taking(fixed))


def test_a_lock_another_event_holds_meanwhile_is_not_touched():
    async def scenario() -> bytes:
        client = redis.asyncio.Redis.from_url(reachable_redis())
        key = f"test-{uuid.uuid4().hex}_lock".encode()
        try:
            await client.set(key, b"other", px=10_000)
            attempt = asyncio.get_running_loop().create_future()
            attempt.set_result(True)  # as if our SET had succeeded before the other's
            redis_lock._give_back(SimpleNamespace(redis=client), key, b"mine", attempt)
            await asyncio.sleep(0.2)
            return await client.get(key)
        finally:
            await client.delete(key)
            await client.aclose()

    assert asyncio.run(scenario()) == b"other"


def test_giving_the_lock_back_finishes_even_when_cancelled_again():
    async def scenario() -> int:
        client = redis.asyncio.Redis.from_url(reachable_redis())
        key = f"test-{uuid.uuid4().hex}_lock".encode()
        manager = SimpleNamespace()
        start = redis_lock._shielded_getdel_on_start(
            lambda self: setattr(self, "redis", SlowGetdel(client))
        )
        start(manager)
        try:
            await client.set(key, b"hydrate:1", px=10_000)
            releasing = asyncio.ensure_future(manager.redis.getdel(key))
            await asyncio.sleep(0.05)
            releasing.cancel()  # a second cancellation while the finally gives it back
            await asyncio.sleep(0.5)
            return await client.exists(key)
        finally:
            await client.delete(key)
            await client.aclose()

    assert asyncio.run(scenario()) == 0


class SlowGetdel(SlowAnswer):
    async def getdel(self, name):
        await asyncio.sleep(0.2)  # the event is cancelled before the command goes out
        return await self._client.getdel(name)


def test_the_fix_is_for_the_installed_reflex():
    assert version("reflex") == redis_lock.REFLEX_VERSION
