"""The run plan: which measurements, in which order (interleaved), against which server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import attrs

from luxsci_async._pagination import DEFAULT_PAGE_SIZE

from .emulator import EmulatorProcess

PULL_CLIENTS = ("sdk_pages", "raw_pages", "peer", "sdk_rows", "raw_rows", "sdk_typed")
MEMORY_CLIENTS = ("sdk_pages", "raw_pages", "sdk_rows", "raw_rows", "sdk_typed")
GET_CLIENTS = ("sdk", "raw", "peer")


@attrs.define
class Sizes:
    report_rows: int
    small_rows: int
    gets: int
    peer_gets: int
    first_calls: int
    repeats: int


FULL = Sizes(
    report_rows=200_000, small_rows=10_000, gets=3000, peer_gets=400, first_calls=100, repeats=3
)
QUICK = Sizes(
    report_rows=20_000, small_rows=2_000, gets=300, peer_gets=50, first_calls=100, repeats=1
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


def _rotated(items: tuple[str, ...], by: int) -> tuple[str, ...]:
    by %= len(items)
    return items[by:] + items[:by]


@attrs.define
class Plan:
    sizes: Sizes
    cache: bool = True
    log: Callable[[str], None] = print
    samples: Samples = attrs.field(factory=lambda: defaultdict(list))

    def add(self, scenario: str, client: str, metric: str, value: float) -> None:
        self.samples[(scenario, client, metric)].append(value)

    def run(self) -> Samples:
        sizes = self.sizes
        fast = EmulatorProcess.start(rows=sizes.report_rows, cache=self.cache)
        slow = EmulatorProcess.start(rows=sizes.report_rows, latency_ms=2.0, cache=self.cache)
        try:
            for emu in (fast, slow):
                run_worker(
                    {"kind": "pull", "client": "raw_pages", "page_size": 50_000, "conn": emu.conn()}
                )  # builds the server's row cache before anything is timed
            for rep in range(sizes.repeats):
                self.log(f"repetition {rep + 1}/{sizes.repeats}")
                self._gets(fast, rep)
                self._emulator_alone(fast)
                self._pulls(fast, "2. report pull", rep)
                self._pulls(slow, "3. report pull +2 ms", rep)
                self._memory(fast, rep)
                self._first_calls(rep)
        finally:
            fast.stop()
            slow.stop()
        return self.samples

    def _gets(self, emu: EmulatorProcess, rep: int) -> None:
        for conc in (1, 8):
            scenario = f"1. signed GET, concurrency {conc}"
            for client in _rotated(GET_CLIENTS, rep):
                n = self.sizes.peer_gets if client == "peer" else self.sizes.gets
                r = run_worker(
                    {
                        "kind": "get",
                        "client": client,
                        "n": n,
                        "concurrency": conc,
                        "conn": emu.conn(),
                    }
                )
                self.add(scenario, client, "requests/s", n / r["wall"])
                self.add(scenario, client, "client CPU µs/request", r["cpu"] / n * 1e6)

    def _emulator_alone(self, emu: EmulatorProcess) -> None:
        """Raw signed GETs at concurrency 8, with the emulator's own CPU per request."""
        n = self.sizes.gets
        before = emu.cpu_seconds()
        r = run_worker(
            {"kind": "get", "client": "raw", "n": n, "concurrency": 8, "conn": emu.conn()}
        )
        server_cpu = (emu.cpu_seconds() - before) / (n + 20)  # + the worker's warm-up calls
        scenario = "0. emulator alone (raw GETs, c=8)"
        self.add(scenario, "emulator", "requests/s", n / r["wall"])
        self.add(scenario, "emulator", "server CPU µs/request", server_cpu * 1e6)
        self.add(scenario, "emulator", "capacity requests/s (1 core)", 1 / server_cpu)

    def _pulls(self, emu: EmulatorProcess, label: str, rep: int) -> None:
        for size in (1_000, 50_000):
            scenario = f"{label}, {self.sizes.report_rows:,} rows, pages of {size:,}"
            for client in _rotated(PULL_CLIENTS, rep):
                spec = {"kind": "pull", "client": client, "page_size": size, "conn": emu.conn()}
                r = run_worker(spec)
                if r["rows"] != self.sizes.report_rows:
                    raise RuntimeError(f"{client} pulled {r['rows']} rows")
                self.add(scenario, client, "rows/s", r["rows"] / r["wall"])
                self.add(scenario, client, "client CPU µs/row", r["cpu"] / r["rows"] * 1e6)
                self.add(scenario, client, "peak RSS MB", r["peak_rss_kb"] / 1024)

    def _memory(self, emu: EmulatorProcess, rep: int) -> None:
        """The same pull from ``start_row`` = total - small_rows, to compare peak RSS."""
        small, big = self.sizes.small_rows, self.sizes.report_rows
        for size in (1_000, DEFAULT_PAGE_SIZE, 50_000):
            default = " (SDK default)" if size == DEFAULT_PAGE_SIZE else ""
            scenario = f"2m. peak RSS {big:,} vs {small:,} rows, pages of {size:,}{default}"
            for client in _rotated(MEMORY_CLIENTS, rep):
                common = {"kind": "pull", "client": client, "page_size": size, "conn": emu.conn()}
                r_small = run_worker({**common, "start_row": big - small})
                r_big = run_worker(common)
                self.add(
                    scenario, client, f"peak RSS MB ({small:,} rows)", r_small["peak_rss_kb"] / 1024
                )
                self.add(
                    scenario, client, f"peak RSS MB ({big:,} rows)", r_big["peak_rss_kb"] / 1024
                )
                self.add(
                    scenario,
                    client,
                    "RSS ratio big/small",
                    r_big["peak_rss_kb"] / r_small["peak_rss_kb"],
                )

    def _first_calls(self, rep: int) -> None:
        n = self.sizes.first_calls
        scenario = f"4. {n} concurrent first calls"
        for client in _rotated(GET_CLIENTS, rep):
            r = run_worker({"kind": "first_calls", "client": client, "n": n})
            self.add(scenario, client, "POST /auth sent", r["auth_requests"])
