"""What only the Redis store does: keys and expiries, scripts, failures, trio, the pool."""

from __future__ import annotations

import logging
import math
import socket
import time
import traceback
from collections.abc import Iterator
from typing import Any

import anyio
import pytest

from luxsci_async import ConfigurationError, StoreUnavailableError
from luxsci_async._store import _lua
from luxsci_async._store.base import Slot, Window
from luxsci_async._store.runtime import require_asyncio

pytestmark = pytest.mark.anyio

PASSWORD = "redis-pa55-do-not-print"
# What the store needs, as docs/fleets.md lists it for a Redis ACL.
STORE_COMMANDS = [
    "evalsha", "eval", "set", "get", "del", "time", "pttl", "pexpire",
    "zadd", "zrem", "zrange", "zscore", "zcard", "zremrangebyscore",
]  # fmt: skip


@pytest.fixture
def control(redis_url: str) -> Iterator[Any]:
    """A plain synchronous client, to look at Redis behind the store's back."""
    import redis

    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def make_store(url: str, namespace: str, **kw: Any) -> Any:
    from luxsci_async._store.redis import RedisStore

    return RedisStore(url, namespace=namespace, **kw)


async def exercise(store: Any) -> None:
    """Every write the store makes, once."""
    await store.reserve([Window(2, 30), Window(10, 600)], max_delay=math.inf)
    await store.pause(20)
    await store.save_code("login", b"sealed", 300)
    await store.lock_login("login", 30)
    await store.check_in("login", "worker", 60)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # the Redis store's client is asyncio-only (see the trio tests below)


async def test_every_key_is_namespaced_and_expires(
    redis_url: str, namespace: str, control: Any
) -> None:
    store = make_store(redis_url, namespace)
    await exercise(store)
    await store.aclose()
    keys = {key.decode(): control.pttl(key) for key in control.scan_iter(f"{namespace}:*")}
    assert set(keys) == {
        f"{namespace}:win:30.0",
        f"{namespace}:win:600.0",
        f"{namespace}:pause",
        f"{namespace}:auth:login:code",
        f"{namespace}:auth:login:lock",
        f"{namespace}:auth:login:holders",
    }
    assert all(ttl > 0 for ttl in keys.values()), keys
    # Each key lives as long as it matters, no longer.
    assert 29_000 < keys[f"{namespace}:win:30.0"] <= 30_000
    assert 19_000 < keys[f"{namespace}:pause"] <= 20_000
    assert 59_000 < keys[f"{namespace}:auth:login:holders"] <= 60_000


async def test_window_key_lives_until_its_last_slot_leaves(
    redis_url: str, namespace: str, control: Any
) -> None:
    store = make_store(redis_url, namespace)
    for _ in range(3):
        await store.reserve([Window(1, 30)], max_delay=math.inf)  # slots now, +30, +60
    await store.aclose()
    assert 89_000 < control.pttl(f"{namespace}:win:30.0") <= 90_000


async def test_the_store_touches_no_key_outside_its_namespace(
    redis_url: str, namespace: str, control: Any
) -> None:
    # A Redis user allowed only the namespace's keys can do everything the store does.
    user = f"lx-{namespace.rpartition(':')[2]}"
    control.acl_setuser(
        user, enabled=True, passwords=[f"+{PASSWORD}"], keys=[f"{namespace}:*"],
        commands=[f"+{command}" for command in STORE_COMMANDS],
    )  # fmt: skip
    try:
        host = redis_url.split("://", 1)[1]
        store = make_store(f"redis://{user}:{PASSWORD}@{host}", namespace)
        await exercise(store)
        assert await store.check_out("login", "worker") is True
        await store.aclose()
        # And the same user cannot write elsewhere, so the check above means something.
        other = make_store(f"redis://{user}:{PASSWORD}@{host}", "elsewhere")
        with pytest.raises(StoreUnavailableError, match=r"NoPermission|NOPERM|permission"):
            await other.pause(1)
        await other.aclose()
    finally:
        control.acl_deluser(user)


async def test_scripts_are_sent_again_after_a_script_flush(
    redis_url: str, namespace: str, control: Any
) -> None:
    store = make_store(redis_url, namespace)
    await store.pause(1)
    control.script_flush()
    assert control.script_exists(_lua.RESERVE.sha) == [False]
    slot = await store.reserve([Window(1, 30)], max_delay=math.inf)
    assert isinstance(slot, Slot)
    assert control.script_exists(_lua.RESERVE.sha) == [True]  # cached again by EVAL
    await store.aclose()


async def test_one_round_trip_per_reserve(redis_url: str, namespace: str) -> None:
    store = make_store(redis_url, namespace)
    await store.pause(30)  # connected, and the pause is set: reserve must apply it
    client = store._connect()
    sent: list[Any] = []
    execute = client.execute_command

    async def counting(*args: Any, **options: Any) -> Any:
        sent.append(args[0])
        return await execute(*args, **options)

    client.execute_command = counting
    try:
        slot = await store.reserve([Window(5, 60), Window(50, 3600)], max_delay=math.inf)
    finally:
        await store.aclose()
    assert sent == ["EVALSHA"]
    assert isinstance(slot, Slot)
    assert 29 < slot.delay <= 30


async def test_connections_are_bounded(redis_url: str, namespace: str, control: Any) -> None:
    store = make_store(redis_url, namespace, max_connections=2)
    before = int(control.info("clients")["connected_clients"])
    peak = 0

    async def reserve() -> None:
        nonlocal peak
        await store.reserve([Window(1000, 60)], max_delay=math.inf)
        peak = max(peak, int(control.info("clients")["connected_clients"]) - before)

    async with anyio.create_task_group() as tg:
        for _ in range(40):
            tg.start_soon(reserve)
    await store.aclose()
    assert 1 <= peak <= 2
    assert control.zcard(f"{namespace}:win:60.0") == 40


async def test_concurrent_tasks_never_overfill_a_window(
    redis_url: str, namespace: str, control: Any
) -> None:
    store = make_store(redis_url, namespace)

    async def lane() -> None:
        for _ in range(10):
            await store.reserve([Window(3, 60)], max_delay=math.inf)

    async with anyio.create_task_group() as tg:
        for _ in range(8):
            tg.start_soon(lane)
    await store.aclose()
    times = [score for _, score in control.zrange(f"{namespace}:win:60.0", 0, -1, withscores=True)]
    assert len(times) == 80
    for first, later in zip(times, times[3:]):
        assert later - first >= 60 - 1e-6


async def test_client_clock_does_not_matter(
    redis_url: str, namespace: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(redis_url, namespace)
    await store.reserve([Window(1, 30)], max_delay=math.inf)
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 10_000)
    second = await store.reserve([Window(1, 30)], max_delay=math.inf)
    await store.aclose()
    assert isinstance(second, Slot)
    assert 29 < second.delay <= 30


# -- failures ------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once the socket closes


def _texts(exc: BaseException) -> str:
    parts = ["".join(traceback.format_exception(exc)), str(exc), repr(exc), repr(vars(exc))]
    assert exc.__cause__ is None  # nothing of the client's
    assert exc.__context__ is None
    return "\n".join(parts)


CALLS = [
    ("reserve", ([Window(1, 1)],), {"max_delay": 5}),
    ("release", ("AAAAAAAAAAAAAAAA/1.0",), {}),
    ("pause", (5,), {}),
    ("pause_left", (), {}),
    ("load_code", ("login",), {}),
    ("save_code", ("login", b"x", 5), {}),
    ("drop_code", ("login", b"x"), {}),
    ("lock_login", ("login", 5), {}),
    ("unlock_login", ("login", "token"), {}),
    ("check_in", ("login", "worker", 5), {}),
    ("check_out", ("login", "worker"), {}),
]


@pytest.mark.parametrize("call", CALLS, ids=[call[0] for call in CALLS])
async def test_an_unreachable_store_raises_a_typed_error(
    call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    port = _closed_port()
    store = make_store(f"redis://admin:{PASSWORD}@127.0.0.1:{port}/2", "ns", timeout=2)
    name, args, kwargs = call
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError) as caught:
        await getattr(store, name)(*args, **kwargs)
    assert time.monotonic() - started < 2
    await store.aclose()
    assert caught.value.store == f"redis://admin:***@127.0.0.1:{port}/2"
    assert f"redis://admin:***@127.0.0.1:{port}/2" in str(caught.value)
    assert PASSWORD not in _texts(caught.value)
    assert PASSWORD not in repr(store)
    assert PASSWORD not in caplog.text


async def test_a_silent_store_times_out() -> None:
    # Accepts connections, never answers.
    listener = await anyio.create_tcp_listener(local_host="127.0.0.1")
    port = listener.extra(anyio.abc.SocketAttribute.local_port)

    async def hold(stream: Any) -> None:
        async with stream:
            await anyio.sleep_forever()

    async with listener, anyio.create_task_group() as tg:
        tg.start_soon(listener.serve, hold)
        store = make_store(f"redis://:{PASSWORD}@127.0.0.1:{port}", "ns", timeout=0.3)
        started = time.monotonic()
        with pytest.raises(StoreUnavailableError, match=r"no answer within 0\.3 s") as caught:
            await store.reserve([Window(1, 1)], max_delay=5)
        assert time.monotonic() - started < 1.5
        assert PASSWORD not in _texts(caught.value)
        await store.aclose()
        tg.cancel_scope.cancel()


async def test_a_wrong_password_is_refused_without_showing_it(redis_url: str) -> None:
    host = redis_url.split("://", 1)[1]
    store = make_store(f"redis://nobody:{PASSWORD}@{host}", "ns")
    with pytest.raises(StoreUnavailableError) as caught:
        await store.pause_left()
    await store.aclose()
    assert "nobody:***@" in str(caught.value)
    assert PASSWORD not in _texts(caught.value)


# -- trio ----------------------------------------------------------------------------------


@pytest.mark.parametrize("anyio_backend", ["trio"])
async def test_on_trio_the_redis_store_says_it_needs_asyncio(anyio_backend: str) -> None:
    store = make_store(f"redis://:{PASSWORD}@127.0.0.1:6379/0", "ns")
    with pytest.raises(ConfigurationError, match="asyncio only") as caught:
        await store.reserve([Window(1, 1)], max_delay=1)
    assert "trio" in str(caught.value)
    assert "redis://:***@127.0.0.1:6379/0" in str(caught.value)
    assert PASSWORD not in str(caught.value)
    await store.aclose()


@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
async def test_require_asyncio(anyio_backend: str) -> None:
    if anyio_backend == "asyncio":
        require_asyncio("redis://h:1/0")
    else:
        with pytest.raises(ConfigurationError, match=r"store=redis://h:1/0: .*asyncio only"):
            require_asyncio("redis://h:1/0")
