"""Sessions sharing one store (a real Redis): one login, one budget, one 429 pause.

The Redis store's client is asyncio-only, so these run on asyncio; one test checks that a
trio session refuses it clearly. Several sessions in one process stand for a fleet here;
``test_fleet_processes.py`` runs real worker processes.
"""

from __future__ import annotations

import socket
from typing import Any

import anyio
import pytest

from luxsci_async import (
    ConfigurationError,
    LuxSci,
    RateLimit,
    RateLimitTimeout,
    StoreUnavailableError,
)
from luxsci_async.testing import Emulator

from .conftest import make_session
from .fakeapi import FakeAPI

REVOKE = ("DELETE", "/auth")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


pytestmark = pytest.mark.anyio


async def _redis_values(url: str) -> dict[str, bytes]:
    import redis.asyncio

    client = redis.asyncio.Redis.from_url(url)
    try:
        values: dict[str, bytes] = {}
        async for key in client.scan_iter("luxsci:*"):
            kind = await client.type(key)
            if kind == b"string":
                values[key.decode()] = await client.get(key) or b""
            elif kind == b"zset":
                members = await client.zrange(key, 0, -1)
                values[key.decode()] = b"\n".join(members)
        return values
    finally:
        await client.aclose()


async def test_sessions_sharing_a_store_log_in_once(redis_url: str) -> None:
    async with Emulator(seed=11) as emu:
        sessions = [emu.client(store=redis_url) for _ in range(3)]
        async with anyio.create_task_group() as tg:
            for lux in sessions:
                for _ in range(4):
                    tg.start_soon(lux.account.domains.list)
        assert emu.stats.logins == 1
        codes = {lux._pipeline.auth.current() for lux in sessions}
        assert len(codes) == 1
        assert None not in codes
        for lux in sessions:
            await lux.aclose()


async def test_the_shared_code_is_sealed_in_the_store(redis_url: str) -> None:
    async with Emulator(seed=12) as emu, emu.client(store=redis_url) as lux:
        await lux.account.domains.list()
        code = lux._pipeline.auth.current()
        assert code is not None
        values = await _redis_values(redis_url)
        assert any(key.endswith(":code") for key in values)  # the code is stored...
        for value in values.values():
            assert code.encode() not in value  # ...but never readable
            assert emu.secret.encode() not in value
            assert emu.token.encode() not in value


async def test_closing_one_session_leaves_the_code_the_others_use(redis_url: str) -> None:
    async with Emulator(seed=13) as emu:
        first, second = emu.client(store=redis_url), emu.client(store=redis_url)
        await first.account.domains.list()
        await second.account.domains.list()
        await first.aclose()
        assert emu.stats.by_route.get(REVOKE, 0) == 0  # the other session still holds it
        await second.account.domains.list()  # still valid: no new login
        assert emu.stats.logins == 1
        await second.aclose()  # the last one out revokes it
        assert emu.stats.by_route.get(REVOKE, 0) == 1
        assert not any(key.endswith(":code") for key in await _redis_values(redis_url))


async def test_the_rate_budget_is_shared(redis_url: str) -> None:
    async with Emulator(seed=14) as emu:
        budget = RateLimit(per_minute=3)
        first = emu.client(store=redis_url, rate_limit=budget, max_wait=0)
        second = emu.client(store=redis_url, rate_limit=budget, max_wait=0)
        await first.account.domains.list()  # the login and this call: two of three
        await second.account.domains.list()  # the shared code: no login, the third slot
        with pytest.raises(RateLimitTimeout) as info:
            await first.account.domains.list()
        assert 55 < info.value.retry_after <= 60.5  # a minute, and the pacer's margin
        assert emu.stats.requests == 3
        for lux in (first, second):
            await lux.aclose()


async def test_a_429_seen_by_one_session_pauses_the_others(redis_url: str) -> None:
    # The emulator allows 2 requests a second: the third is refused with Retry-After: 1.
    async with Emulator(seed=15, rate_per_minute=2, rate_window=1.0) as emu:
        first, second = emu.client(store=redis_url), emu.client(store=redis_url)
        await first.account.domains.list()  # login + call: the window is full
        started = anyio.current_time()
        # The first session's next call gets a 429 and pauses the store; the second one,
        # which has seen no 429, waits out the same pause instead of being refused too.
        async with anyio.create_task_group() as tg:
            tg.start_soon(first.account.domains.list)
            await anyio.sleep(0.05)
            tg.start_soon(second.account.domains.list)
        assert anyio.current_time() - started >= 0.9
        assert first.stats.rate_limited == 1
        assert second.stats.rate_limited == 0
        assert emu.stats.max_in_window(1.0) <= 2
        for lux in (first, second):
            await lux.aclose()


async def test_an_unreachable_store_fails_the_call_and_sends_nothing(api: FakeAPI) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    async with make_session(store=f"redis://:hunter2@127.0.0.1:{port}/0") as lux:
        with pytest.raises(StoreUnavailableError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert api.requests == []  # never silently unlimited
    assert "hunter2" not in str(info.value)
    assert "***" in str(info.value)


@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_a_trio_session_refuses_the_redis_store(api: FakeAPI, anyio_backend: str) -> None:
    async with make_session(store="redis://127.0.0.1:6379/0") as lux:
        with pytest.raises(ConfigurationError, match="asyncio"):
            await lux.request("GET", "/account/{account}/users")
    assert api.requests == []


@pytest.mark.parametrize(
    ("kwargs", "env", "field"),
    [
        ({"store": "mysql://db"}, {}, "store"),
        ({"store": "redis://:pw@host:notaport/0"}, {}, "store"),
        ({}, {"LUXSCI_STORE": "redis://host:6379/db"}, "LUXSCI_STORE"),
    ],
)
def test_a_bad_store_url_is_refused_naming_its_setting(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, Any], env: dict[str, str], field: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError, match=field) as info:
        make_session(**kwargs)
    assert "pw@" not in str(info.value)


def test_the_store_url_is_never_shown_with_its_password() -> None:
    lux = make_session(store="redis://user:s3cret-pw@127.0.0.1:6379/2")
    assert "s3cret-pw" not in repr(lux._settings)
    assert "s3cret-pw" not in repr(lux._pipeline.store)
    assert isinstance(lux, LuxSci)
