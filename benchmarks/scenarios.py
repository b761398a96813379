"""The run plan: which measurements, in which order (interleaved), against which server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from luxsci_async._defaults import PAGE_SIZE as DEFAULT_PAGE_SIZE

from .servers import ServerProcess

GET_CLIENTS = ("sdk", "httpx2", "aiohttp", "httpx", "streams", "peer", "sdk_aiohttp")
PULL_CLIENTS = (
    "sdk_rows",
    "sdk_typed",
    "sdk_pages",
    "httpx2",
    "httpx2_dicts",
    "aiohttp",
    "httpx",
    "streams",
    "peer",
    "sdk_rows_aiohttp",
    "sdk_typed_aiohttp",
    "sdk_pages_aiohttp",
)
"""``..._aiohttp``: the SDK with ``http_backend="aiohttp"`` (``benchmarks.worker``)."""
MEMORY_CLIENTS = ("sdk_rows", "sdk_typed", "sdk_pages", "httpx2", "sdk_rows_aiohttp")
FIRST_CALL_CLIENTS = ("sdk", "httpx2", "peer", "sdk_aiohttp")
CONCURRENCY = 8


@attrs.define
class Sizes:
    report_rows: int
    small_rows: int
    gets: int
    """Signed GETs per measurement for the slower clients (the SDK, httpx, httpx2)."""
    fast_gets: int
    """... for aiohttp (raw, and the SDK on it) and raw streams, which would otherwise finish
    in a fraction of a second."""
    peer_gets: int
    first_calls: int
    repeats: int

    def gets_for(self, client: str) -> int:
        if client == "peer":
            return self.peer_gets
        return self.fast_gets if client in ("aiohttp", "streams", "sdk_aiohttp") else self.gets


FULL = Sizes(
    report_rows=200_000,
    small_rows=10_000,
    gets=3000,
    fast_gets=15_000,
    peer_gets=400,
    first_calls=100,
    repeats=3,
)
QUICK = Sizes(
    report_rows=20_000,
    small_rows=2_000,
    gets=200,
    fast_gets=400,
    peer_gets=40,
    first_calls=100,
    repeats=1,
)

Samples = dict[tuple[str, str, str], list[float]]
"""(scenario, client, metric) -> one value per repetition."""


def run_worker(spec: dict[str, Any]) -> dict[str, Any]:
    """One measurement in a fresh interpreter (see ``benchmarks.worker``)."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0:
        raise RuntimeError(f"worker failed for {spec['kind']}/{spec['client']}:\n{out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _rotated(items: Sequence[str], by: int) -> tuple[str, ...]:
    by %= len(items)
    return (*items[by:], *items[:by])


def get_scenario() -> str:
    return f"1. signed GETs, concurrency {CONCURRENCY}"


def pull_scenario(rows: int, page_size: int) -> str:
    return f"2. report pull, {rows:,} rows, pages of {page_size:,}, {CONCURRENCY} in flight"


@attrs.define
class Plan:
    sizes: Sizes
    server: str = "lean"
    server_options: Sequence[str] = ()
    memory: bool = True
    log: Callable[[str], None] = print
    samples: Samples = attrs.field(factory=lambda: defaultdict(list))

    def add(self, scenario: str, client: str, metric: str, value: float) -> None:
        self.samples[(scenario, client, metric)].append(value)

    def run(self) -> Samples:
        sizes = self.sizes
        self.log(f"starting the {self.server} server ({sizes.report_rows:,} report rows)")
        server = ServerProcess.start(
            self.server, rows=sizes.report_rows, options=self.server_options
        )
        try:
            run_worker(  # warms the server (the emulator builds its row cache here)
                {"kind": "pull", "client": "httpx2", "page_size": 50_000, "conn": server.conn()}
            )
            for rep in range(sizes.repeats):
                self.log(f"repetition {rep + 1}/{sizes.repeats}")
                self._gets(server, rep)
                for size in (1_000, 50_000):
                    self._pulls(server, size, rep)
                if self.memory and rep == 0:
                    self._memory(server)
                self._first_calls(rep)
        finally:
            server.stop()
        return self.samples

    def _cpu(self, scenario: str, client: str, r: dict[str, Any], per: int, unit: str) -> None:
        self.add(scenario, client, f"client CPU µs/{unit}", r["cpu"] / per * 1e6)
        self.add(scenario, client, f"server CPU µs/{unit}", r["server_cpu"] / per * 1e6)
        self.add(scenario, client, "server/client CPU", r["server_cpu"] / r["cpu"])
        self.add(scenario, client, "peak RSS MB", r["peak_rss_kb"] / 1024)

    def _gets(self, server: ServerProcess, rep: int) -> None:
        scenario = get_scenario()
        for client in _rotated(GET_CLIENTS, rep):
            n = self.sizes.gets_for(client)
            spec = {"kind": "get", "client": client, "n": n, "concurrency": CONCURRENCY}
            r = run_worker({**spec, "conn": server.conn()})
            self.add(scenario, client, "requests/s", n / r["wall"])
            self._cpu(scenario, client, r, n, "request")

    def _pulls(self, server: ServerProcess, size: int, rep: int) -> None:
        scenario = pull_scenario(self.sizes.report_rows, size)
        for client in _rotated(PULL_CLIENTS, rep):
            spec = {"kind": "pull", "client": client, "page_size": size, "conn": server.conn()}
            r = run_worker({**spec, "concurrency": CONCURRENCY})
            if r["rows"] != self.sizes.report_rows:
                raise RuntimeError(f"{client} pulled {r['rows']} rows")
            self.add(scenario, client, "rows/s", r["rows"] / r["wall"])
            self._cpu(scenario, client, r, r["rows"], "row")

    def _memory(self, server: ServerProcess) -> None:
        """The same pull from ``start_row`` = total - small_rows, to compare peak RSS."""
        small, big = self.sizes.small_rows, self.sizes.report_rows
        for size in (1_000, DEFAULT_PAGE_SIZE, 50_000):
            default = " (SDK default)" if size == DEFAULT_PAGE_SIZE else ""
            scenario = f"3. peak RSS {big:,} vs {small:,} rows, pages of {size:,}{default}"
            for client in MEMORY_CLIENTS:
                common = {
                    "kind": "pull",
                    "client": client,
                    "page_size": size,
                    "conn": server.conn(),
                }
                r_small = run_worker({**common, "start_row": big - small})
                r_big = run_worker(common)
                small_kb, big_kb = r_small["peak_rss_kb"], r_big["peak_rss_kb"]
                self.add(scenario, client, f"peak RSS MB ({small:,} rows)", small_kb / 1024)
                self.add(scenario, client, f"peak RSS MB ({big:,} rows)", big_kb / 1024)
                # Where one page holds the whole small pull, the big one buffers a window
                # of such pages: growth, not a bound (budget.py measures the planned pull).
                metric = "RSS ratio big/small" if size <= small else "RSS growth big/small"
                self.add(scenario, client, metric, big_kb / small_kb)

    def _first_calls(self, rep: int) -> None:
        n = self.sizes.first_calls
        scenario = f"4. {n} concurrent first calls"
        for client in _rotated(FIRST_CALL_CLIENTS, rep):
            r = run_worker({"kind": "first_calls", "client": client, "n": n})
            self.add(scenario, client, "POST /auth sent", r["auth_requests"])
