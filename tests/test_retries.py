"""The retry matrix: which failures are retried for which methods, and how long it waits."""

from __future__ import annotations

import anyio
import httpx2
import pytest

from luxsci_async import (
    APIError,
    BadRequestError,
    ConnectError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeout,
    RetryPolicy,
    ServerError,
)

from .conftest import FakeClock, make_session
from .fakeapi import FakeAPI, expected_cookie, fail, ok

pytestmark = pytest.mark.anyio

PATH = "/account/12345/things"
METHODS = ["GET", "PUT", "DELETE", "POST"]


def _call(lux, method: str):  # type: ignore[no-untyped-def]
    body = {"a": 1} if method in ("POST", "PUT") else None
    return lux.request(method, "/account/{account}/things", json=body)


def script(*steps: object):  # type: ignore[no-untyped-def]
    """A handler that plays the given responses/exceptions in order, then 200."""
    queue = list(steps)

    def handler(request: httpx2.Request) -> httpx2.Response:
        step = queue.pop(0) if queue else ok({"done": True})
        if isinstance(step, Exception):
            raise step
        assert isinstance(step, httpx2.Response)
        return step

    return handler


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_server_errors_retried_only_when_idempotent(
    api: FakeAPI, fake_clock: FakeClock, method: str, status: int
) -> None:
    api.on(method, PATH, script(fail(status, "boom")))
    async with make_session(max_retries=2) as lux:
        if method == "POST":
            with pytest.raises(ServerError) as info:
                await _call(lux, method)
            assert info.value.status == status
            assert info.value.message == "boom"
        else:
            assert await _call(lux, method) == {"done": True}
    attempts = [r for r in api.requests if r.url.path.endswith("/things")]
    assert len(attempts) == (1 if method == "POST" else 2)


@pytest.mark.parametrize("method", METHODS)
async def test_429_is_retried_for_every_method_after_retry_after(
    api: FakeAPI, fake_clock: FakeClock, method: str
) -> None:
    api.on(method, PATH, script(fail(429, "slow down", {"Retry-After": "7"})))
    async with make_session() as lux:
        assert await _call(lux, method) == {"done": True}
    assert 7 in fake_clock.sleeps
    assert lux.stats.rate_limited == 1


@pytest.mark.parametrize("method", METHODS)
async def test_connect_errors_are_retried_for_every_method(
    api: FakeAPI, fake_clock: FakeClock, method: str
) -> None:
    api.on(method, PATH, script(httpx2.ConnectError("refused"), httpx2.ConnectTimeout("slow")))
    async with make_session(max_retries=2) as lux:
        assert await _call(lux, method) == {"done": True}


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    "exc",
    [httpx2.ReadTimeout("late"), httpx2.RemoteProtocolError("dropped"), httpx2.ReadError("x")],
)
async def test_ambiguous_failures_retried_only_when_idempotent(
    api: FakeAPI, fake_clock: FakeClock, method: str, exc: Exception
) -> None:
    api.on(method, PATH, script(exc))
    async with make_session(max_retries=2) as lux:
        if method == "POST":
            with pytest.raises(OutcomeUnknownError) as info:
                await _call(lux, method)
            assert "may have been processed" in str(info.value)
        else:
            assert await _call(lux, method) == {"done": True}
    attempts = [r for r in api.requests if r.url.path.endswith("/things")]
    assert len(attempts) == (1 if method == "POST" else 2)


async def test_every_attempt_is_signed_afresh(api: FakeAPI, fake_clock: FakeClock) -> None:
    """A retry after a re-authentication carries a signature for the new code."""
    first = True

    def handler(request: httpx2.Request) -> httpx2.Response:
        nonlocal first
        if first:
            first = False
            api.valid.clear()
            return fail(503)
        return ok("fine")

    api.on("PUT", PATH, handler)
    async with make_session() as lux:
        assert await _call(lux, "PUT") == "fine"
    attempts = [r for r in api.requests if r.url.path.endswith("/things")]
    codes = [r.headers["cookie"].split("=", 1)[1].rsplit(":", 1)[0] for r in attempts]
    assert len(attempts) == 3  # 503, 401 (expired), 200
    assert codes[0] == codes[1] != codes[2]
    for request, code in zip(attempts, codes):
        assert request.headers["cookie"] == expected_cookie(
            code, "PUT", "/perl/api/v2" + PATH, "", request.content
        )


async def test_gives_up_after_max_retries(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, [fail(503, "still down")])
    async with make_session(max_retries=3) as lux:
        with pytest.raises(ServerError):
            await _call(lux, "GET")
    attempts = [r for r in api.requests if r.url.path.endswith("/things")]
    assert len(attempts) == 4
    assert lux.stats.retries == 3


async def test_client_errors_are_not_retried(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, [fail(400, "bad input")])
    async with make_session() as lux:
        with pytest.raises(BadRequestError):
            await _call(lux, "GET")
    assert len([r for r in api.requests if r.url.path.endswith("/things")]) == 1


async def test_retry_after_beyond_the_cap_is_not_waited_for(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    api.on("GET", PATH, [fail(429, "come back tomorrow", {"Retry-After": "3600"})])
    async with make_session(retry=RetryPolicy(max_retry_after=30)) as lux:
        with pytest.raises(RateLimitError) as info:
            await _call(lux, "GET")
    assert info.value.retry_after == 3600
    assert len([r for r in api.requests if r.url.path.endswith("/things")]) == 1


async def test_backoff_is_exponential_with_full_jitter(
    api: FakeAPI, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each wait is drawn uniformly from [0, ceiling], the ceiling doubling up to the max."""
    import luxsci_async._settings as settings_module

    draws: list[tuple[float, float]] = []

    def top_of_range(low: float, high: float) -> float:
        draws.append((low, high))
        return high

    monkeypatch.setattr(settings_module.random, "uniform", top_of_range)
    api.on("GET", PATH, script(fail(503), fail(503), fail(503)))
    policy = RetryPolicy(max_retries=3, backoff_base=1.0, backoff_max=3.0)
    async with make_session(retry=policy) as lux:
        await _call(lux, "GET")
    assert draws == [(0, 1.0), (0, 2.0), (0, 3.0)]
    assert fake_clock.sleeps == [1.0, 2.0, 3.0]


def test_backoff_jitter_spreads_the_waits() -> None:
    """Full jitter: the waits for one retry number differ and fill their range."""
    policy = RetryPolicy(backoff_base=1.0, backoff_max=8.0)
    waits = [policy.backoff(3) for _ in range(200)]
    assert all(0 <= w <= 4.0 for w in waits)
    assert min(waits) < 1.0
    assert max(waits) > 3.0
    assert len(set(waits)) > 190


async def test_retry_budget_stops_a_storm(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, [fail(503)])
    policy = RetryPolicy(max_retries=5, budget=10, retry_cost=5)
    async with make_session(retry=policy) as lux:
        for _ in range(3):
            with pytest.raises(ServerError):
                await _call(lux, "GET")
    # 10 tokens buy two retries in total, across all calls
    assert lux.stats.retries == 2


async def test_transport_errors_surface_as_sdk_errors(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", PATH, script(*[httpx2.ConnectError("refused")] * 5))
    async with make_session(max_retries=1) as lux:
        with pytest.raises(ConnectError) as info:
            await _call(lux, "GET")
    assert "refused" in str(info.value)
    api.on("GET", PATH, script(*[httpx2.ReadTimeout("late")] * 5))
    async with make_session(max_retries=0) as lux:
        with pytest.raises(RequestTimeout):
            await _call(lux, "GET")


async def test_429_pauses_the_whole_session(api: FakeAPI, fake_clock: FakeClock) -> None:
    """After one task sees a 429, another task's new request waits out the Retry-After too."""
    sent: list[tuple[str, float]] = []
    limited = anyio.Event()

    def handler(request: httpx2.Request) -> httpx2.Response:
        sent.append((request.url.params.get("who", ""), fake_clock.now))
        if len(sent) == 1:
            limited.set()
            return fail(429, "slow", {"Retry-After": "30"})
        return ok()

    api.on("GET", PATH, handler)
    async with make_session() as lux:

        async def first() -> None:
            await lux.request("GET", "/account/{account}/things", params={"who": "a"})

        async def second() -> None:
            await limited.wait()
            await lux.request("GET", "/account/{account}/things", params={"who": "b"})

        async with anyio.create_task_group() as tg:
            tg.start_soon(first)
            tg.start_soon(second)
    (who0, t0), *rest = sent
    assert who0 == "a"
    assert sorted(who for who, _ in rest) == ["a", "b"]
    assert all(t >= t0 + 30 for _, t in rest)


async def test_success_zero_on_2xx_is_an_error(api: FakeAPI) -> None:
    api.on("GET", PATH, [httpx2.Response(200, json={"success": 0, "error_message": "nope"})])
    async with make_session() as lux:
        with pytest.raises(APIError) as info:
            await _call(lux, "GET")
    assert info.value.status == 200
    assert info.value.message == "nope"


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_a_503_retry_after_is_honoured(
    api: FakeAPI, fake_clock: FakeClock, method: str
) -> None:
    api.on(method, PATH, script(fail(503, "maintenance", {"Retry-After": "4"})))
    async with make_session() as lux:
        assert await _call(lux, method) == {"done": True}
    assert fake_clock.sleeps == [4]


async def test_a_503_asking_for_too_long_is_not_waited_for(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    api.on("GET", PATH, [fail(503, "down for a day", {"Retry-After": "86400"})])
    async with make_session(retry=RetryPolicy(max_retry_after=30)) as lux:
        with pytest.raises(ServerError) as info:
            await _call(lux, "GET")
    assert info.value.retry_after == 86400
    assert fake_clock.sleeps == []
