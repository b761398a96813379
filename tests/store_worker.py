"""One worker process of the fleet tests: ``python -m tests.store_worker URL NS COUNT SKEW``.

It sets its own clocks ``SKEW`` seconds off (the store must not care), waits for the
parent's go (a Redis list), reserves ``COUNT`` slots of one shared window as fast as it
can, and prints their delays and tickets as JSON.
"""

from __future__ import annotations

import json
import math
import sys
import time


def _skew_clocks(seconds: float) -> None:
    for name in ("time", "monotonic", "perf_counter"):
        real = getattr(time, name)
        setattr(time, name, lambda real=real: real() + seconds)
    for name in ("time_ns", "monotonic_ns"):
        real_ns = getattr(time, name)
        setattr(time, name, lambda real_ns=real_ns: real_ns() + int(seconds * 1e9))


async def _run(url: str, namespace: str, count: int) -> list[tuple[float, str]]:
    import redis.asyncio as aioredis

    from luxsci_async._store.base import Slot, Window
    from luxsci_async._store.redis import RedisStore

    control = aioredis.Redis.from_url(url)
    await control.blpop([f"{namespace}:go"], timeout=30)
    await control.aclose()
    store = RedisStore(url, namespace=namespace)
    delays = []
    for _ in range(count):
        slot = await store.reserve([Window(5, 60)], max_delay=math.inf)
        assert isinstance(slot, Slot)
        delays.append((slot.delay, slot.ticket))
    await store.aclose()
    return delays


def main() -> None:
    url, namespace, count, skew = sys.argv[1:5]
    _skew_clocks(float(skew))
    import asyncio

    print(json.dumps(asyncio.run(_run(url, namespace, int(count)))))


if __name__ == "__main__":
    main()
