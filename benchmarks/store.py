"""What a shared budget costs per request: ``python -m benchmarks.store [--url URL] [--quick]``.

Times ``reserve`` (the one store call on every request's path) for the in-process store
and for the Redis store over loopback, with 1 and 8 concurrent tasks, as microseconds per
call (wall time / calls) and calls per second; then ``release`` (what a waiter that gives
up costs). A bare redis-py ``PING`` over the same loopback is the floor a round trip
costs before any work. Redis: ``--url``, else ``LUXSCI_TEST_REDIS_URL``, else a private
``redis-server`` from PATH on a free port (stopped by its PID at the end). The windows
are generous, so no call is refused and the logs grow to the number of calls, like a
per-day log at LuxSci's shared-server budget (6,000).
"""

from __future__ import annotations

import argparse
import functools
import math
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import anyio

from luxsci_async._store.base import Slot, Store, Window
from luxsci_async._store.memory import MemoryStore

from .lanes import in_lanes

WINDOWS = [Window(1_000_000, 60.0), Window(10_000_000, 86_400.0)]


async def _per_call(call: Callable[[], Awaitable[Any]], calls: int, concurrency: int) -> float:
    """Seconds per call of ``call``, made ``calls`` times by ``concurrency`` tasks at once."""
    started = time.perf_counter()
    await in_lanes(calls, concurrency, call)
    return (time.perf_counter() - started) / calls


async def _reserve_rate(make: Callable[[], Store], calls: int, concurrency: int) -> float:
    """Seconds per reserve, wall time over ``calls`` spread on ``concurrency`` tasks."""
    store = make()
    try:
        reserve = functools.partial(store.reserve, WINDOWS, max_delay=math.inf)
        await reserve()  # connect, load the script
        return await _per_call(reserve, calls, concurrency)
    finally:
        await store.aclose()


async def _release_rate(make: Callable[[], Store], calls: int) -> float:
    store = make()
    try:
        tickets = []
        for _ in range(calls):
            slot = await store.reserve([Window(1, 60.0)], max_delay=math.inf)  # all ahead
            assert isinstance(slot, Slot)
            tickets.append(slot.ticket)
        started = time.perf_counter()
        for ticket in tickets:
            await store.release(ticket)
        return (time.perf_counter() - started) / calls
    finally:
        await store.aclose()


async def _ping_rate(url: str, calls: int, concurrency: int) -> float:
    import redis.asyncio as aioredis

    client: Any = aioredis.Redis.from_url(url)
    try:
        await client.ping()
        return await _per_call(client.ping, calls, concurrency)
    finally:
        await client.aclose()


@contextmanager
def _redis(url: str | None) -> Iterator[str]:
    url = url or os.environ.get("LUXSCI_TEST_REDIS_URL")
    if url:
        yield url
        return
    server = shutil.which("redis-server")
    if server is None:
        raise SystemExit("no Redis: pass --url, set LUXSCI_TEST_REDIS_URL or install redis-server")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory() as workdir:
        process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
             "--appendonly", "no", "--dir", workdir],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5) as probe:
                        probe.sendall(b"PING\r\n")
                        if probe.recv(16).startswith(b"+PONG"):
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("redis-server did not start")
                time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=5)


def _row(name: str, backend: str, concurrency: int | str, seconds: float) -> str:
    micros = seconds * 1e6
    return f"{name:16} {backend:8} {concurrency!s:>3} {micros:10.1f} {1 / seconds:12,.0f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.store", description=__doc__)
    parser.add_argument("--url", help="a Redis to use (default: start one)")
    parser.add_argument("--quick", action="store_true", help="fewer calls, one run")
    args = parser.parse_args(argv)
    calls, runs = (400, 1) if args.quick else (4_000, 5)
    print(f"{'store, call':16} {'backend':8} {'c':>3} {'µs/call':>10} {'calls/s':>12}")
    with _redis(args.url) as url:
        from luxsci_async._store.redis import RedisStore

        def redis_store() -> Store:
            return RedisStore(url, namespace=f"luxsci-bench:{uuid.uuid4().hex[:12]}")

        cases: list[tuple[str, str, Callable[[], Store]]] = [
            ("memory", "asyncio", MemoryStore),
            ("memory", "trio", MemoryStore),
            ("redis", "asyncio", redis_store),
        ]
        for concurrency in (1, 8):
            samples = [anyio.run(_ping_rate, url, calls, concurrency) for _ in range(runs)]
            print(_row("redis PING", "asyncio", concurrency, statistics.median(samples)))
        for name, backend, make in cases:
            for concurrency in (1, 8):
                samples = [
                    anyio.run(_reserve_rate, make, calls, concurrency, backend=backend)
                    for _ in range(runs)
                ]
                print(_row(f"{name} reserve", backend, concurrency, statistics.median(samples)))
        for name, make in (("memory", MemoryStore), ("redis", redis_store)):
            samples = [anyio.run(_release_rate, make, calls // 4) for _ in range(runs)]
            print(_row(f"{name} release", "asyncio", 1, statistics.median(samples)))
        _cleanup(url)


def _cleanup(url: str) -> None:
    import redis

    client: Any = redis.Redis.from_url(url)
    for key in client.scan_iter("luxsci-bench:*"):
        client.delete(key)
    client.close()


if __name__ == "__main__":
    main()
