"""What hooks, tracing and raw responses cost per call: ``python -m benchmarks.observability``.

A tight loop of ``GET`` calls through a session whose transport answers in-process
(``httpx2.MockTransport``, a canned envelope: the SDK's own work and little else), or
through the emulator's ASGI app (``--emulator``). Each configuration runs in rounds
interleaved with the others; the table shows the process's CPU time per call (the least
of the rounds, which shared machines disturb least) and its ratio to no hooks at all.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import anyio
import httpx2

from luxsci_async import LuxSci
from luxsci_async._http import asgi_transport
from luxsci_async.testing import Emulator

_AUTH = b'{"success": 1, "auth": "66840164-1617889562-3d47"}'
_DATA = b'{"success": 1, "data": [{"user": "jane@example.com", "status": "enabled"}]}'


def _answer(request: httpx2.Request) -> httpx2.Response:
    body = _AUTH if request.url.path.endswith("/auth") else _DATA
    return httpx2.Response(200, content=body, headers={"content-type": "application/json"})


def _session(emulator: Emulator | None, **options: Any) -> LuxSci:
    if emulator is not None:
        return emulator.client(transport=asgi_transport(emulator.app), **options)
    return LuxSci(
        token="TOKEN",
        secret="secret",
        account="12345",
        base_url="http://127.0.0.1",
        transport=httpx2.MockTransport(_answer),
        **options,
    )


def _configurations() -> dict[str, Callable[[Emulator | None], LuxSci]]:
    def hook(event: object) -> None:
        return None

    async def async_hook(event: object) -> None:
        return None

    configurations: dict[str, Callable[[Emulator | None], LuxSci]] = {
        "nothing configured": lambda emu: _session(emu, tracing=False),
        "sync request+response hooks": lambda emu: _session(
            emu, tracing=False, event_hooks={"request": [hook], "response": [hook]}
        ),
        "async request+response hooks": lambda emu: _session(
            emu, tracing=False, event_hooks={"request": [async_hook], "response": [async_hook]}
        ),
    }
    try:
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor
        from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    except ImportError:
        return configurations
    provider = TracerProvider()
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    configurations["tracing, no provider set (auto)"] = lambda emu: _session(emu)
    configurations["tracing to an in-memory exporter"] = lambda emu: _session(
        emu, tracer_provider=provider
    )
    return configurations


async def _round(make: Callable[[], LuxSci], calls: int, raw: bool) -> float:
    async with make() as lux:
        await lux.request("GET", "/account/{account}/users")  # the login, outside the timing
        started = time.process_time()
        if raw:
            for _ in range(calls):
                await lux.with_raw_response(lux.request, "GET", "/account/{account}/users")
        else:
            for _ in range(calls):
                await lux.request("GET", "/account/{account}/users")
        return (time.process_time() - started) / calls * 1e6


async def _main(calls: int, rounds: int, emulator: Emulator | None) -> None:
    plans = {name: (make, False) for name, make in _configurations().items()}
    plans["with_raw_response, nothing else"] = (plans["nothing configured"][0], True)
    times: dict[str, list[float]] = {name: [] for name in plans}
    for _ in range(rounds):
        for name, (make, raw) in plans.items():
            times[name].append(await _round(lambda m=make: m(emulator), calls, raw))  # type: ignore[misc]
    base = min(times["nothing configured"])
    print(f"{'configuration':36} {'µs/call':>9} {'median':>9} {'vs nothing':>11}")
    for name, samples in times.items():
        least = min(samples)
        print(f"{name:36} {least:9.1f} {statistics.median(samples):9.1f} {least / base:10.3f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--emulator", action="store_true", help="answer from the emulator app")
    parser.add_argument("--backend", default="asyncio", choices=["asyncio", "trio"])
    args = parser.parse_args()
    emulator = Emulator(seed=1) if args.emulator else None
    anyio.run(_main, args.calls, args.rounds, emulator, backend=args.backend)


if __name__ == "__main__":
    main()
