"""The in-process store under long random sequences of reserve, release, pause and time.

A model of the slots the store handed out (and not taken back) checks, after every step,
that no window ever holds more than its limit, that slots are first come first served,
and that each slot is as early as those rules allow.
"""

from __future__ import annotations

import math
import random

import pytest

from luxsci_async._store.base import Busy, Slot, Window
from luxsci_async._store.memory import MemoryStore

from .conftest import FakeClock

pytestmark = pytest.mark.anyio

WINDOWS = [Window(3, 10.0), Window(7, 60.0)]


def _over_limit(times: list[float]) -> list[tuple[Window, float]]:
    times = sorted(times)
    return [
        (window, first)
        for window in WINDOWS
        for first, later in zip(times, times[window.limit :])
        if later - first < window.span - 1e-9
    ]


@pytest.mark.parametrize("seed", range(6))
async def test_random_sequences_keep_every_rule(seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock()
    store = MemoryStore(clock=clock.monotonic)
    held: dict[str, float] = {}  # ticket -> send time, for slots not given back
    paused_until = -math.inf
    busy_seen = released = 0
    for _ in range(600):
        step = rng.random()
        now = clock.now
        if step < 0.5:
            max_delay = rng.choice([math.inf, math.inf, 0.0, 5.0, 30.0])
            answer = await store.reserve(WINDOWS, max_delay=max_delay)
            if isinstance(answer, Busy):
                busy_seen += 1
                assert answer.retry_after > max_delay
                continue
            assert isinstance(answer, Slot)
            at = now + answer.delay
            assert answer.delay >= 0
            assert at >= max(held.values(), default=-math.inf)  # first come, first served
            candidates = {now, paused_until, max(held.values(), default=now)}
            candidates |= {t + w.span for t in held.values() for w in WINDOWS}
            assert any(math.isclose(at, c, abs_tol=1e-9) for c in candidates)  # no later
            held[answer.ticket] = at
        elif step < 0.75 and held:
            ticket = rng.choice(sorted(held))
            await store.release(ticket)
            if held[ticket] > now:
                del held[ticket]
                released += 1
        elif step < 0.8:
            seconds = rng.choice([1.0, 15.0])
            await store.pause(seconds)
            paused_until = max(paused_until, now + seconds)
        else:
            clock.advance(rng.choice([0.5, 2.0, 9.0, 31.0]))
        assert _over_limit(list(held.values())) == []
    assert busy_seen  # the sequences did exercise refusals
    assert released  # ... and slots given back


async def test_a_send_stays_in_its_window_for_exactly_the_span() -> None:
    clock = FakeClock()
    store = MemoryStore(clock=clock.monotonic)
    await store.reserve([Window(1, 10)], max_delay=math.inf)
    clock.advance(9.9995)
    slot = await store.reserve([Window(1, 10)], max_delay=math.inf)
    assert isinstance(slot, Slot)
    assert math.isclose(slot.delay, 0.0005, abs_tol=1e-9)
    clock.advance(10.0005)
    slot = await store.reserve([Window(1, 10)], max_delay=math.inf)
    assert isinstance(slot, Slot)
    assert slot.delay == 0


async def test_windows_sharing_a_span_each_apply_their_limit() -> None:
    clock = FakeClock()
    store = MemoryStore(clock=clock.monotonic)
    taken = [await store.reserve([Window(3, 60), Window(2, 60)], max_delay=math.inf)]
    taken += [await store.reserve([Window(3, 60), Window(2, 60)], max_delay=math.inf)]
    taken += [await store.reserve([Window(3, 60)], max_delay=math.inf)]
    assert [slot.delay for slot in taken if isinstance(slot, Slot)] == [0, 0, 0]
    assert repr(store) == "MemoryStore(windows=[60.0])"


async def test_forgotten_tickets_do_not_pile_up() -> None:
    clock = FakeClock()
    store = MemoryStore(clock=clock.monotonic)
    for _ in range(1_000):
        await store.reserve([Window(5, 1.0)], max_delay=math.inf)
        clock.advance(1.0)
    assert len(store._tickets) <= 6
    assert sum(len(log) for log in store._logs.values()) <= 6
