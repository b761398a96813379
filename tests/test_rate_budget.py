"""The rate budget as a shared resource: 429s waited out, bounded waits, order, cancellation,
closing, and the adapted send rate. asyncio and trio; the clock is fake throughout."""

from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import Any

import anyio
import httpx2
import pytest

from luxsci_async import (
    RateLimit,
    RateLimitError,
    RateLimitTimeout,
    SessionClosedError,
)
from luxsci_async._adaptive import MIN_RATE, AdaptiveRate
from luxsci_async._pacing import MARGIN, MINUTE

from .conftest import FakeClock, ManualClock, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio

PATH = "/account/12345/users"
PATH_TEMPLATE = "/account/{account}/users"
SLOT = MINUTE + MARGIN  # when a used slot of a per-minute budget is free again


def calls(api: FakeAPI) -> list[httpx2.Request]:
    return [r for r in api.requests if r.url.path.endswith("/users")]


def limited(after: int, *, retry_after: str | None = "1") -> Any:
    """A handler answering 429 to the first ``after`` calls, then success."""
    count = 0
    headers = {"Retry-After": retry_after} if retry_after is not None else None

    def handler(request: httpx2.Request) -> httpx2.Response:
        nonlocal count
        count += 1
        return fail(429, "slow down", headers) if count <= after else ok([])

    return handler


# -- a 429 is a signal, not a failure --------------------------------------------------------


async def test_429s_waited_out_spend_no_retries(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, limited(5))
    async with make_session(max_retries=0) as lux:
        assert await lux.request("GET", "/account/{account}/users") == []
    assert lux.stats.rate_limited == 5
    assert len(calls(api)) == 6
    assert sum(fake_clock.sleeps) >= 5  # each Retry-After waited out


async def test_429s_are_waited_out_only_up_to_max_wait(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, [fail(429, "slow down", {"Retry-After": "10"})])
    async with make_session(max_wait=25) as lux:
        start = fake_clock.now
        with pytest.raises(RateLimitError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert info.value.retry_after == 10
    assert len(calls(api)) == 3  # at 0, 10 and 20 s: a fourth would go past 25 s
    assert fake_clock.now - start <= 25


async def test_a_429_without_retry_after_backs_off_and_ends(
    api: FakeAPI, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import luxsci_async._settings as settings_module

    # The top of each jittered range: waits of 0.5, 1, 2, 4, then 8 s (backoff_max).
    monkeypatch.setattr(settings_module.random, "uniform", lambda low, high: high)
    api.on("GET", PATH, [fail(429, "slow down")])
    async with make_session(max_wait=60) as lux:
        start = fake_clock.now
        with pytest.raises(RateLimitError):
            await lux.request("GET", "/account/{account}/users")
    # 0.5 + 1 + 2 + 4 + 8 * 6 = 55.5 s waited, 11 tries; the next wait would pass 60 s.
    assert len(calls(api)) == 11
    assert 55.5 <= fake_clock.now - start <= 60


# -- bounded waits ---------------------------------------------------------------------------


async def test_no_slot_within_max_wait_raises_without_spending_one(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    api.on("GET", PATH, lambda r: ok([]))
    # Three a minute: the login and two calls go at once; the third's slot is a minute away.
    async with make_session(rate_limit=RateLimit(per_minute=3), max_wait=5) as lux:
        await lux.request("GET", "/account/{account}/users")
        await lux.request("GET", "/account/{account}/users")
        with pytest.raises(RateLimitTimeout) as info:
            await lux.request("GET", "/account/{account}/users")
        assert SLOT - 1 <= info.value.retry_after <= SLOT
        assert len(calls(api)) == 2  # nothing was sent for it
        fake_clock.advance(SLOT)
        sleeps_before = len(fake_clock.sleeps)
        await lux.request("GET", "/account/{account}/users")  # its slot was not spent
        assert len(fake_clock.sleeps) == sleeps_before  # so this one goes at once
    assert len(calls(api)) == 3


async def test_max_wait_per_call(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, lambda r: ok([]))
    async with make_session(rate_limit=RateLimit(per_minute=2)) as lux:
        await lux.request("GET", "/account/{account}/users")
        with pytest.raises(RateLimitTimeout):
            await lux.with_options(max_wait=0).request("GET", "/account/{account}/users")
        await lux.request("GET", "/account/{account}/users")  # the session's own: waits
    assert len(calls(api)) == 2
    assert fake_clock.sleeps == [pytest.approx(SLOT)]


async def test_a_code_that_lapses_during_the_wait_is_renewed_within_the_budget(
    api: FakeAPI, manual_clock: ManualClock
) -> None:
    # One request a minute; codes live 90 s. B takes the first code before its turn and
    # waits two minutes for it: the code has lapsed by then, so it logs in again (which
    # takes a turn of its own) and goes in the turn after that, signed with the new code.
    sent: list[tuple[float, str]] = []
    answer = api.answer

    def timed(request: httpx2.Request) -> httpx2.Response:
        sent.append((manual_clock.now, request.method))
        return answer(request)

    api.answer = timed  # type: ignore[method-assign]
    api.on("GET", PATH, lambda r: ok([]))
    async with make_session(rate_limit=RateLimit(per_minute=1), auth_ttl=90) as lux:
        await lux.authenticate()  # the login takes this minute's slot
        async with anyio.create_task_group() as tg:
            for _ in range(2):
                tg.start_soon(lux.request, "GET", PATH_TEMPLATE)
                await anyio.wait_all_tasks_blocked()
            for _ in range(4):
                await manual_clock.advance(SLOT)
        calls = list(sent)  # not the revocation on leaving
    assert [method for _, method in calls] == ["POST", "GET", "POST", "GET"]
    assert [code.split("-")[0] for code in api.codes_used[:2]] == ["1", "2"]  # B: the new one
    times = [t for t, _ in calls]
    assert all(later - earlier >= MINUTE for earlier, later in pairwise(times))


async def test_waiters_are_served_in_order(api: FakeAPI, manual_clock: ManualClock) -> None:
    order: list[int] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        order.append(int(request.url.params["n"]))
        return ok([])

    api.on("GET", PATH, handler)
    async with make_session(rate_limit=RateLimit(per_minute=1)) as lux:
        await lux.authenticate()  # the login takes this minute's slot
        async with anyio.create_task_group() as tg:
            for n in range(4):
                tg.start_soon(partial(lux.request, "GET", PATH_TEMPLATE, params={"n": n}))
                await anyio.wait_all_tasks_blocked()  # each reserves before the next starts
            for _ in range(4):
                await manual_clock.advance(SLOT)
    assert order == [0, 1, 2, 3]


# -- cancellation and closing ----------------------------------------------------------------


async def test_cancelled_waiters_give_their_slots_back(
    api: FakeAPI, manual_clock: ManualClock
) -> None:
    api.on("GET", PATH, lambda r: ok([]))
    # A wait of up to an hour is allowed: the 50 all get slots, up to ten minutes out.
    async with make_session(rate_limit=RateLimit(per_minute=5), max_wait=3600) as lux:
        for _ in range(4):  # with the login: the minute's 5 slots are used at once
            await lux.request("GET", "/account/{account}/users")
        with anyio.CancelScope() as scope:
            async with anyio.create_task_group() as tg:
                for _ in range(50):
                    tg.start_soon(lux.request, "GET", "/account/{account}/users")
                await anyio.wait_all_tasks_blocked()
                # The eight calls holding the session's slots have reserved send slots
                # (at 1, 2, 3... minutes); the other 42 queue behind them.
                assert manual_clock.sleepers == 8
                await manual_clock.advance(0.5)
                scope.cancel()  # 50 calls give up after half a second
        assert len(calls(api)) == 4
        async with anyio.create_task_group() as tg:
            tg.start_soon(lux.request, "GET", "/account/{account}/users")
            await anyio.wait_all_tasks_blocked()
            await manual_clock.advance(SLOT - 0.5)  # the first five leave the window: one frees
            assert len(calls(api)) == 5  # not ten minutes out, behind 45 abandoned slots


async def _call_until_closed(lux: Any, *, outcomes: list[BaseException]) -> None:
    """One call; a :class:`SessionClosedError` it ends with is kept in ``outcomes``."""
    try:
        await lux.request("GET", "/account/{account}/users")
    except SessionClosedError as exc:
        outcomes.append(exc)


async def test_closing_wakes_every_waiter_at_once(api: FakeAPI, manual_clock: ManualClock) -> None:
    api.on("GET", PATH, lambda r: ok([]))
    outcomes: list[BaseException] = []
    call = partial(_call_until_closed, outcomes=outcomes)

    lux = make_session(rate_limit=RateLimit(per_minute=1))
    await lux.authenticate()
    async with anyio.create_task_group() as tg:
        for _ in range(3):
            tg.start_soon(call, lux)
        await anyio.wait_all_tasks_blocked()
        assert manual_clock.sleepers == 3
        await lux.aclose()  # no time passes: the waiters must not need their slots' times
    assert len(outcomes) == 3
    assert calls(api) == []


async def test_closing_wakes_calls_waiting_out_a_429(
    api: FakeAPI, manual_clock: ManualClock
) -> None:
    api.on("GET", PATH, [fail(429, "slow down", {"Retry-After": "30"})])
    outcomes: list[BaseException] = []
    call = partial(_call_until_closed, outcomes=outcomes)

    lux = make_session()
    async with anyio.create_task_group() as tg:
        for _ in range(3):
            tg.start_soon(call, lux)
        await anyio.wait_all_tasks_blocked()
        assert manual_clock.sleepers >= 3
        await lux.aclose()
    assert len(outcomes) == 3


# -- the adapted send rate -------------------------------------------------------------------


def test_the_send_rate_is_cut_on_a_429_and_grows_back(fake_clock: FakeClock) -> None:
    rate = AdaptiveRate()
    assert not rate.enabled
    assert rate.reserve() == 0.0
    for _ in range(200):  # 20 requests a second for ten seconds
        fake_clock.advance(0.05)
        rate.succeeded()
    rate.throttled()
    assert rate.enabled
    assert rate.rate == pytest.approx(0.7 * 20, rel=0.15)
    waits = [rate.reserve() for _ in range(30)]
    assert waits[-1] == pytest.approx(29 / rate.rate, rel=0.05)  # one token per 1/rate s
    cut = rate.rate
    for _ in range(100):
        fake_clock.advance(0.05)
        rate.succeeded()
    assert rate.rate > cut  # recovering along the cubic curve


def test_the_send_rate_never_drops_below_its_floor(fake_clock: FakeClock) -> None:
    rate = AdaptiveRate()
    for _ in range(15):  # bursts of refusals a second apart, nothing accepted between them
        fake_clock.advance(1.01)
        for _ in range(4):
            fake_clock.advance(0.001)
            rate.throttled()
    assert rate.rate == MIN_RATE


def test_a_429_among_few_answers_does_not_cut_the_rate(fake_clock: FakeClock) -> None:
    rate = AdaptiveRate()
    rate.succeeded()
    rate.throttled()  # the first calls of a session: no rate to speak of yet
    assert not rate.enabled


def test_one_burst_of_429s_is_one_cut(fake_clock: FakeClock) -> None:
    rate = AdaptiveRate()
    for _ in range(40):
        fake_clock.advance(0.025)
        rate.succeeded()
    for _ in range(8):  # the eight requests in flight all answered 429
        rate.throttled()
    assert rate.rate == pytest.approx(0.7 * 40, rel=0.15)


async def test_a_session_slows_down_after_a_429(api: FakeAPI, fake_clock: FakeClock) -> None:
    answers = [ok([])] * 5 + [fail(429, "slow down", {"Retry-After": "0"})] + [ok([])] * 5
    api.on("GET", PATH, lambda r: answers.pop(0))
    async with make_session() as lux:
        for _ in range(10):
            await lux.request("GET", "/account/{account}/users")
    assert lux._pipeline.pacer.adaptive.enabled
    assert fake_clock.sleeps  # the calls after the 429 were spaced out, not sent at once
    assert lux._pipeline.pacer.adaptive.enabled
    assert fake_clock.sleeps  # later calls were spaced out, not sent at once
