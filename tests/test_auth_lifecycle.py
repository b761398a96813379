"""Auth codes: lazy, single-flight, proactive and reactive refresh, adoption, revocation."""

from __future__ import annotations

from typing import Any

import anyio
import httpx2
import pytest

from luxsci_async import APIError, AuthenticationError, ServerError
from luxsci_async._defaults import MAX_REAUTHENTICATIONS

from .conftest import FakeClock, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio


async def test_lazy_no_auth_until_first_call(api: FakeAPI) -> None:
    lux = make_session()
    assert api.auth_calls == 0
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    await lux.request("GET", "/account/{account}/users")
    assert api.auth_calls == 1
    await lux.aclose()


async def test_hundred_concurrent_first_calls_share_one_auth(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    api.delay = 0.01  # the auth answer arrives after every task has asked for a code
    results: list[object] = []
    async with make_session(max_concurrency=8) as lux:

        async def call() -> None:
            results.append(await lux.request("GET", "/account/{account}/users"))

        async with anyio.create_task_group() as tg:
            for _ in range(100):
                tg.start_soon(call)
    assert api.auth_calls == 1
    assert len(results) == 100
    assert lux.stats.auth_requests == 1


async def test_a_failed_auth_is_shared_by_all_waiters(api: FakeAPI) -> None:
    api.auth_handler = lambda r: fail(401, "bad token")
    api.delay = 0.01
    errors: list[BaseException] = []
    async with make_session() as lux:

        async def call() -> None:
            try:
                await lux.request("GET", "/account/{account}/users")
            except AuthenticationError as exc:
                errors.append(exc)

        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(call)
    assert api.auth_calls == 1
    assert len(errors) == 20
    assert all(e.status == 401 for e in errors if isinstance(e, AuthenticationError))


async def test_proactive_refresh_after_auth_ttl(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session(auth_ttl=60) as lux:
        await lux.request("GET", "/account/{account}/users")
        fake_clock.advance(59)
        await lux.request("GET", "/account/{account}/users")
        assert api.auth_calls == 1
        fake_clock.advance(2)
        await lux.request("GET", "/account/{account}/users")
        assert api.auth_calls == 2
    assert api.codes_used[:3] == [api.codes_used[0], api.codes_used[0], api.codes_used[2]]
    assert api.codes_used[0] != api.codes_used[2]


async def test_reactive_reauth_once_on_401_then_replay(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok(["x"]))
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")
        api.valid.clear()  # the server forgets every code (expiry)
        assert await lux.request("GET", "/account/{account}/users") == ["x"]
        assert api.auth_calls == 2
        assert lux.stats.reauthentications == 1


async def test_second_401_after_replay_is_raised(api: FakeAPI) -> None:
    calls = 0

    def handler(request: httpx2.Request) -> httpx2.Response:
        # A third attempt would succeed: a call that kept replaying passes it and fails the
        # test, rather than replaying forever.
        nonlocal calls
        calls += 1
        return fail(401, "denied for this code") if calls <= 2 else ok(["x"])

    api.on("GET", "/account/12345/users", handler)
    async with make_session() as lux:
        with pytest.raises(AuthenticationError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert info.value.status == 401
    assert info.value.message == "denied for this code"
    assert calls == 2  # the call and its one replay
    assert api.auth_calls == 2  # the first code, and one re-authentication


async def test_a_401_to_a_code_another_task_renewed_earlier_earns_a_fresh_code(
    api: FakeAPI,
) -> None:
    """The call's 401 arrives after another task has already renewed the code: its replay
    signs with that code, which lapses in the call's wait. Being older than the call's 401,
    it proves nothing about fresh codes: one more login and the call succeeds."""
    calls = 0
    renewed: list[str] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            api.valid.clear()  # the first code lapsed; another task logs in meanwhile
            renewed.append(api.new_code())
            lux._pipeline.auth.adopt(renewed[0])
            return fail(401, "expired or revoked auth code")
        if calls == 2:
            api.valid.discard(renewed[0])  # it lapses before the replay is answered
            return fail(401, "expired or revoked auth code")
        return ok(["x"])

    api.on("GET", "/account/12345/users", handler)
    async with make_session() as lux:
        assert await lux.request("GET", "/account/{account}/users") == ["x"]
        assert lux.stats.reauthentications == 2
    assert calls == 3
    assert api.auth_calls == 2  # the first code and one login for this call
    assert api.codes_used[-1] not in renewed


async def test_401s_to_codes_renewed_elsewhere_earn_at_most_a_few_logins(api: FakeAPI) -> None:
    """However often other tasks renew the code under a call, its replays are bounded."""
    calls = 0

    def handler(request: httpx2.Request) -> httpx2.Response:
        nonlocal calls
        calls += 1
        lux._pipeline.auth.adopt(api.new_code())  # renewed again before each 401 arrives
        return fail(401, "denied for this code")

    api.on("GET", "/account/12345/users", handler)
    async with make_session() as lux:
        with pytest.raises(AuthenticationError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert info.value.message == "denied for this code"
    assert calls == 2 + MAX_REAUTHENTICATIONS  # the call, its replay, and one per login more


@pytest.mark.parametrize("interim", ["503", "429", "dropped"])
async def test_a_code_that_lapses_again_in_a_retry_wait_is_renewed_again(
    api: FakeAPI, fake_clock: FakeClock, interim: str
) -> None:
    """401, a fresh code, a fault or a 429 and its wait, a 401 again (the fresh code lapsed
    in the wait): one more login and the call succeeds. Only a 401 straight after a login
    is final."""
    calls = 0

    def handler(request: httpx2.Request) -> httpx2.Response:
        nonlocal calls
        calls += 1
        if calls > 1:
            return ok(["x"])
        api.valid.clear()  # the code lapses while the call waits to retry
        if interim == "dropped":
            raise httpx2.RemoteProtocolError("connection dropped", request=request)
        return fail(int(interim), "busy")

    api.on("GET", "/account/12345/users", handler)
    async with make_session() as lux:
        lux._pipeline.auth.adopt("1-2-" + "ab" * 32)  # a lapsed code: 401 at once
        assert await lux.request("GET", "/account/{account}/users") == ["x"]
        assert api.auth_calls == 2
        assert lux.stats.reauthentications == 2
        assert lux.stats.retries >= 1


async def test_concurrent_401s_cause_one_reauth(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")
        api.valid.clear()
        api.delay = 0.01
        async with anyio.create_task_group() as tg:
            for _ in range(30):
                tg.start_soon(lux.request, "GET", "/account/{account}/users")
    assert api.auth_calls == 2


async def test_echoed_auth_code_is_adopted(api: FakeAPI) -> None:
    fresh = api.new_code()
    api.on("GET", "/account/12345/users", lambda r: ok([], auth=fresh))
    api.on("GET", "/account/12345/domains", lambda r: ok([]))
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")
        await lux.request("GET", "/account/{account}/domains")
    assert api.codes_used[1] == fresh
    assert api.revoked == [fresh]


async def test_auth_server_errors_are_retried(api: FakeAPI, no_sleep: list[float]) -> None:
    attempts: list[int] = []

    def flaky(request: httpx2.Request) -> httpx2.Response:
        attempts.append(1)
        if len(attempts) < 3:
            return fail(503, "busy")
        return httpx2.Response(201, json={"success": 1, "auth": api.new_code()})

    api.auth_handler = flaky
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session(max_retries=2) as lux:
        await lux.request("GET", "/account/{account}/users")
    assert len(attempts) == 3


async def test_auth_gives_up_after_retries(api: FakeAPI, no_sleep: list[float]) -> None:
    api.auth_handler = lambda r: fail(500, "down")
    async with make_session(max_retries=1) as lux:
        with pytest.raises(ServerError):
            await lux.request("GET", "/account/{account}/users")
    assert api.auth_calls == 2


def _auth_after(failures: list[httpx2.Response], api: FakeAPI) -> Any:
    """An auth handler answering ``failures`` in turn, then a fresh code."""
    remaining = list(failures)

    def handler(request: httpx2.Request) -> httpx2.Response:
        if remaining:
            return remaining.pop(0)
        return httpx2.Response(201, json={"success": 1, "auth": api.new_code()})

    return handler


async def test_auth_honours_retry_after_like_any_request(
    api: FakeAPI, fake_clock: FakeClock
) -> None:
    """POST /auth takes the same retry decisions as other calls (one helper decides)."""
    api.auth_handler = _auth_after([fail(503, "busy", {"Retry-After": "7"})], api)
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session(max_retries=2) as lux:
        await lux.request("GET", "/account/{account}/users")
        assert fake_clock.sleeps == [7.0]
        assert lux.stats.retries == 1
    assert api.auth_calls == 2


async def test_auth_429_pauses_the_session(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.auth_handler = _auth_after([fail(429, "slow down", {"Retry-After": "3"})], api)
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session(max_retries=2) as lux:
        started = fake_clock.now
        await lux.request("GET", "/account/{account}/users")
        assert fake_clock.now - started == pytest.approx(3.0)
        assert fake_clock.sleeps == [3.0]  # the session pause alone, no backoff on top
        assert lux.stats.rate_limited == 1
    assert api.auth_calls == 2


@pytest.mark.parametrize(
    "answer",
    [
        fail(503, "back tomorrow", {"Retry-After": "86400"}),  # longer than max_retry_after
        fail(429, "back tomorrow", {"Retry-After": "86400"}),
        fail(400, "bad request"),  # not retryable
    ],
    ids=["503-long-hint", "429-long-hint", "400"],
)
async def test_auth_does_not_retry_what_no_call_would(
    api: FakeAPI, fake_clock: FakeClock, answer: httpx2.Response
) -> None:
    api.auth_handler = _auth_after([answer], api)
    async with make_session(max_retries=3) as lux:
        with pytest.raises(APIError) as info:
            await lux.request("GET", "/account/{account}/users")
        assert info.value.status == answer.status_code
        assert lux.stats.retries == 0
    assert api.auth_calls == 1


async def test_revocation_failure_is_not_raised(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    lux = make_session()
    await lux.request("GET", "/account/{account}/users")
    api.valid.clear()  # revocation will get a 401
    await lux.aclose()
    assert lux.closed
    await lux.aclose()  # idempotent
