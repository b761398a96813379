"""One contract, two stores: the in-process store and the Redis store behave alike.

Each test runs on the memory store (asyncio and trio, on a fake clock) and on a real Redis
(asyncio only: its client is asyncio-only; the trio refusal is tested in
``test_store_redis.py``). On Redis the clock is real, so a delay observed a moment after
its reservation is a little shorter than the exact one; :meth:`Harness.near` allows that.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Sequence
from typing import Any

import anyio
import attrs
import pytest

from luxsci_async._store.base import Busy, Slot, Store, Window
from luxsci_async._store.memory import MemoryStore

from .conftest import FakeClock

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["memory-asyncio", "memory-trio", "redis-asyncio"])
def flavour(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavour: str) -> str:
    return flavour.split("-")[1]


@attrs.define
class Harness:
    store: Store
    clock: FakeClock | None  # None: the store keeps real time (Redis)

    @property
    def real_time(self) -> bool:
        return self.clock is None

    async def advance(self, seconds: float) -> None:
        if self.clock is None:
            await anyio.sleep(seconds)
        else:
            self.clock.advance(seconds)

    def near(self, observed: float, expected: float) -> bool:
        """Exact on the fake clock; on real time, up to 0.25 s shorter (time went by)."""
        if self.clock is not None:
            return math.isclose(observed, expected, abs_tol=1e-9)
        return expected - 0.25 <= observed <= expected + 1e-6

    def all_near(self, observed: Sequence[float], expected: Sequence[float]) -> bool:
        return len(observed) == len(expected) and all(map(self.near, observed, expected))


@pytest.fixture
async def harness(flavour: str, request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    if flavour.startswith("memory"):
        clock = FakeClock()
        yield Harness(MemoryStore(clock=clock.monotonic), clock)
        return
    from luxsci_async._store.redis import RedisStore

    url = request.getfixturevalue("redis_url")
    store = RedisStore(url, namespace=request.getfixturevalue("namespace"))
    try:
        yield Harness(store, None)
    finally:
        await store.aclose()


async def slots(store: Store, windows: Sequence[Window], count: int) -> list[Slot]:
    taken = []
    for _ in range(count):
        slot = await store.reserve(windows, max_delay=math.inf)
        assert isinstance(slot, Slot)
        taken.append(slot)
    return taken


def delays(taken: Sequence[Slot]) -> list[float]:
    return [slot.delay for slot in taken]


# -- the rate windows ----------------------------------------------------------------------


async def test_slots_are_first_come_first_served(harness: Harness) -> None:
    taken = await slots(harness.store, [Window(2, 60)], 5)
    assert harness.all_near(delays(taken), [0, 0, 60, 60, 120])
    assert len({slot.ticket for slot in taken}) == 5


async def test_never_more_than_limit_in_any_rolling_span(harness: Harness) -> None:
    limit, span = 3, 10.0
    taken = await slots(harness.store, [Window(limit, span)], 12)
    times = sorted(slot.delay for slot in taken)  # reserved within moments: one origin
    assert times[-1] > 3 * span - 1  # the budget really was spread out
    for first, later in zip(times, times[limit:]):
        assert later - first >= span - 0.25


async def test_a_window_frees_up_as_it_rolls(harness: Harness) -> None:
    windows = [Window(2, 0.5)]
    assert harness.all_near(delays(await slots(harness.store, windows, 2)), [0, 0])
    await harness.advance(0.6)
    assert harness.all_near(delays(await slots(harness.store, windows, 3)), [0, 0, 0.5])


async def test_per_minute_and_per_day_windows_together(harness: Harness) -> None:
    windows = [Window(2, 60), Window(3, 86_400)]
    taken = await slots(harness.store, windows, 4)
    # The minute window spaces the third; the day window holds the fourth a day.
    assert harness.all_near(delays(taken), [0, 0, 60, 86_400])


async def test_each_window_binds_in_turn(harness: Harness) -> None:
    taken = await slots(harness.store, [Window(2, 10), Window(3, 20)], 6)
    assert harness.all_near(delays(taken), [0, 0, 10, 20, 20, 30])


async def test_sessions_with_one_span_share_its_log(harness: Harness) -> None:
    await slots(harness.store, [Window(5, 60)], 2)
    # A session allowed only 2 a minute sees the other session's two sends.
    assert harness.all_near(delays(await slots(harness.store, [Window(2, 60)], 1)), [60])


async def test_a_looser_limit_still_queues_behind_earlier_slots(harness: Harness) -> None:
    strict, loose = [Window(1, 60)], [Window(5, 60)]
    assert harness.all_near(delays(await slots(harness.store, strict, 2)), [0, 60])
    # Room under the loose limit now, but first come, first served: after the slot at 60.
    assert harness.all_near(delays(await slots(harness.store, loose, 1)), [60])


async def test_max_delay_refuses_without_recording(harness: Harness) -> None:
    windows = [Window(1, 30)]
    await slots(harness.store, windows, 1)
    for _ in range(3):
        busy = await harness.store.reserve(windows, max_delay=5)
        assert isinstance(busy, Busy)
        assert harness.near(busy.retry_after, 30)
    # Nothing was recorded by the refusals: the next slot is the second, not the fifth.
    assert harness.all_near(delays(await slots(harness.store, windows, 1)), [30])


async def test_max_delay_is_inclusive(harness: Harness) -> None:
    windows = [Window(1, 30)]
    await slots(harness.store, windows, 1)
    assert isinstance(await harness.store.reserve(windows, max_delay=31), Slot)
    assert isinstance(await harness.store.reserve([], max_delay=0), Slot)


# -- giving slots back ---------------------------------------------------------------------


async def test_release_gives_the_slot_to_the_next_caller(harness: Harness) -> None:
    windows = [Window(1, 30)]
    first, second = await slots(harness.store, windows, 2)
    await harness.store.release(second.ticket)
    assert harness.all_near(delays(await slots(harness.store, windows, 1)), [30])


async def test_released_reservations_leave_no_trace(harness: Harness) -> None:
    # At 5 a minute, 5 calls go now and 50 more wait up to 10 minutes; all 50 give up.
    windows = [Window(5, 60)]
    await slots(harness.store, windows, 5)
    waiting = await slots(harness.store, windows, 50)
    assert harness.near(waiting[-1].delay, 600)
    for slot in waiting:
        await harness.store.release(slot.ticket)
    # The next free slot is where it would be had only the 5 used ones been reserved.
    assert harness.all_near(delays(await slots(harness.store, windows, 6)), [60] * 5 + [120])


async def test_release_is_idempotent_and_ignores_slots_whose_time_came(harness: Harness) -> None:
    windows = [Window(1, 2)]
    (used,) = await slots(harness.store, windows, 1)
    await harness.advance(0.3)
    await harness.store.release(used.ticket)  # its time came: it may have been sent
    (later,) = await slots(harness.store, windows, 1)
    assert harness.near(later.delay, 1.7)
    await harness.store.release(later.ticket)
    await harness.store.release(later.ticket)
    assert harness.near((await slots(harness.store, windows, 1))[0].delay, 1.7)


async def test_release_of_a_windowless_slot_and_bad_tickets(harness: Harness) -> None:
    slot = await harness.store.reserve([], max_delay=0)
    assert isinstance(slot, Slot)
    await harness.store.release(slot.ticket)
    with pytest.raises(ValueError, match="ticket"):
        await harness.store.release("not a ticket")


# -- the 429 pause -------------------------------------------------------------------------


async def test_pause_extends_but_never_shortens(harness: Harness) -> None:
    assert await harness.store.pause_left() == 0
    await harness.store.pause(20)
    await harness.store.pause(5)
    assert harness.near(await harness.store.pause_left(), 20)
    await harness.store.pause(40)
    assert harness.near(await harness.store.pause_left(), 40)


async def test_pause_runs_out(harness: Harness) -> None:
    await harness.store.pause(0.3)
    await harness.advance(0.4)
    assert await harness.store.pause_left() == 0
    assert harness.all_near(delays(await slots(harness.store, [Window(5, 60)], 1)), [0])


async def test_reserve_honours_the_pause(harness: Harness) -> None:
    await harness.store.pause(30)
    assert harness.all_near(delays(await slots(harness.store, [], 1)), [30])
    # Slots taken during a pause start at its end, then follow the windows.
    assert harness.all_near(delays(await slots(harness.store, [Window(2, 60)], 3)), [30, 30, 90])
    busy = await harness.store.reserve([], max_delay=10)
    assert isinstance(busy, Busy)
    assert harness.near(busy.retry_after, 30)


# -- the auth code -------------------------------------------------------------------------


async def test_auth_code_round_trip_with_ttl(harness: Harness) -> None:
    store = harness.store
    assert await store.load_code("login") is None
    await store.save_code("login", b"sealed-1", 300)
    found = await store.load_code("login")
    assert found is not None
    assert found[0] == b"sealed-1"
    assert harness.near(found[1], 300)
    await store.save_code("login", b"sealed-2", 0.3)
    assert (await store.load_code("login") or (b"", 0))[0] == b"sealed-2"
    assert await store.load_code("other-login") is None
    await harness.advance(0.4)
    assert await store.load_code("login") is None


async def test_drop_code_only_drops_the_code_it_names(harness: Harness) -> None:
    store = harness.store
    await store.save_code("login", b"current", 300)
    await store.drop_code("login", b"stale")
    assert (await store.load_code("login") or (b"", 0))[0] == b"current"
    await store.drop_code("login", b"current")
    assert await store.load_code("login") is None


async def test_login_lock_is_exclusive_and_released_by_its_token(harness: Harness) -> None:
    store = harness.store
    token = await store.lock_login("login", 30)
    assert token
    assert await store.lock_login("login", 30) is None
    assert await store.lock_login("other-login", 30)
    await store.unlock_login("login", "someone-else")
    assert await store.lock_login("login", 30) is None
    await store.unlock_login("login", token)
    again = await store.lock_login("login", 30)
    assert again
    assert again != token


async def test_login_lock_expires(harness: Harness) -> None:
    store = harness.store
    stale = await store.lock_login("login", 0.3)
    assert stale
    await harness.advance(0.4)
    fresh = await store.lock_login("login", 30)
    assert fresh
    assert fresh != stale
    await store.unlock_login("login", stale)  # the old holder's unlock leaves the new lock
    assert await store.lock_login("login", 30) is None


async def test_last_holder_out_drops_the_code(harness: Harness) -> None:
    store = harness.store
    await store.save_code("login", b"sealed", 300)
    await store.check_in("login", "worker-1", 60)
    await store.check_in("login", "worker-2", 60)
    assert await store.check_out("login", "worker-1") is False
    assert await store.load_code("login") is not None  # worker-2 still uses it
    assert await store.check_out("login", "worker-2") is True
    assert await store.load_code("login") is None


async def test_expired_holders_do_not_keep_the_code(harness: Harness) -> None:
    store = harness.store
    await store.save_code("login", b"sealed", 300)
    await store.check_in("login", "crashed-worker", 0.3)
    await store.check_in("login", "worker", 60)
    await harness.advance(0.4)
    assert await store.check_out("login", "worker") is True
    assert await store.load_code("login") is None


async def test_check_in_renews_a_lease(harness: Harness) -> None:
    store = harness.store
    await store.save_code("login", b"sealed", 300)
    await store.check_in("login", "worker-1", 0.3)
    await store.check_in("login", "worker-1", 60)
    await store.check_in("login", "worker-2", 60)
    await harness.advance(0.4)
    assert await store.check_out("login", "worker-2") is False


async def test_check_out_with_no_holders(harness: Harness) -> None:
    assert await harness.store.check_out("login", "never-checked-in") is True


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        ("reserve", ([Window(1, 1)],), {"max_delay": -1}),
        ("reserve", ([Window(1, 1)],), {"max_delay": math.nan}),
        ("pause", (math.inf,), {}),
        ("pause", (-1,), {}),
        ("save_code", ("login", b"x", 0), {}),
        ("save_code", ("two words", b"x", 10), {}),
        ("lock_login", ("login", math.nan), {}),
        ("check_in", ("login", "worker", -5), {}),
        ("check_in", ("login", "", 5), {}),
        ("check_out", ("login", "two words"), {}),
    ],
    ids=lambda call: f"{call[0]}{call[1][1:]}{call[2]}",
)
async def test_bad_arguments_are_refused(harness: Harness, call: Any) -> None:
    name, args, kwargs = call
    with pytest.raises(ValueError):
        await getattr(harness.store, name)(*args, **kwargs)


# -- cancellation --------------------------------------------------------------------------


async def test_a_cancelled_caller_still_gets_its_reservation(harness: Harness) -> None:
    windows = [Window(1, 60)]
    got: list[Slot | Busy] = []
    with anyio.CancelScope() as scope:
        scope.cancel()
        got.append(await harness.store.reserve(windows, max_delay=math.inf))
        await anyio.sleep(1)  # the cancellation lands here, after the ticket is in hand
    assert len(got) == 1
    assert isinstance(got[0], Slot)
    assert harness.all_near(delays(await slots(harness.store, windows, 1)), [60])


async def test_a_cancelled_caller_can_still_release(harness: Harness) -> None:
    windows = [Window(1, 60)]
    _, waiting = await slots(harness.store, windows, 2)
    with anyio.CancelScope() as scope:
        scope.cancel()
        await harness.store.release(waiting.ticket)
    assert harness.all_near(delays(await slots(harness.store, windows, 1)), [60])
