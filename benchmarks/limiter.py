"""What the session's in-flight cap costs (issue 2): ``python -m benchmarks.limiter``.

Small signed GETs against an in-process transport that answers at once, so the limiter's
own cost is not hidden behind network time. Compares no cap, ``anyio.Semaphore(
fast_acquire=True)`` (what the session uses) and ``anyio.CapacityLimiter``, interleaved,
median of several runs, as requests/s and the ratio to no cap.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx2

from luxsci_async import LuxSci

CALLS = 4_000
CONCURRENCY = 8
RUNS = 5


def _answer(request: httpx2.Request) -> httpx2.Response:
    if request.url.path.endswith("/auth"):
        return httpx2.Response(201, json={"success": 1, "auth": "1-1-" + "ab" * 32})
    return httpx2.Response(200, json={"success": 1, "data": {"user": "jane@example.com"}})


async def _rate(make_cap: Callable[[], Any]) -> float:
    lux = LuxSci(token="t", secret="s", account="1", transport=httpx2.MockTransport(_answer))
    cap = make_cap()
    lux._pipeline._slots = cap if cap is not None else _NoCapSlots()  # type: ignore[assignment]
    async with lux:
        await lux.request("GET", "/account/{account}/users")  # authenticate first

        async def lane(count: int) -> None:
            for _ in range(count):
                await lux.request("GET", "/account/{account}/users")

        started = time.perf_counter()
        async with anyio.create_task_group() as tg:
            for _ in range(CONCURRENCY):
                tg.start_soon(lane, CALLS // CONCURRENCY)
        return CALLS / (time.perf_counter() - started)


class _NoCapSlots:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None


VARIANTS: dict[str, Callable[[], Any]] = {
    "no cap": lambda: None,
    "Semaphore(fast_acquire=True)": lambda: anyio.Semaphore(CONCURRENCY, fast_acquire=True),
    "CapacityLimiter": lambda: anyio.CapacityLimiter(CONCURRENCY),
}


def main() -> None:
    results: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(RUNS):
        for name, make in VARIANTS.items():
            results[name].append(anyio.run(_rate, make))
    base = statistics.median(results["no cap"])
    print(f"{'in-flight cap':32} {'requests/s':>12} {'vs no cap':>10}")
    for name, rates in results.items():
        rate = statistics.median(rates)
        print(f"{name:32} {rate:12,.0f} {rate / base:10.3f}")


if __name__ == "__main__":
    main()
