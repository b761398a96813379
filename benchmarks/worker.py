"""One measurement, run in a fresh process: ``python -m benchmarks.worker '<json spec>'``.

A fresh process per measurement keeps the peak RSS (a high-water mark) the client's own and
keeps ``time.process_time`` deltas free of anything else. The server's CPU time is read
from outside (``benchmarks.servers.cpu_seconds``) around the same timed section. Prints one
JSON object.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio

from .lanes import in_lanes
from .lean_data import profile_path, report_path
from .servers import cpu_seconds

REPORT_PATH = "/account/{account}/report/email/smtp/delivery"

RAW_CLIENTS = ("httpx2", "aiohttp", "httpx", "streams")
"""Hand-written async baselines (``benchmarks.raw_client`` subclasses), by library."""


class Clock:
    """Wall and CPU time of the timed section, the client's and the server's."""

    def __init__(self, server_pid: int | None) -> None:
        self._pid = server_pid

    def _server(self) -> float:
        return cpu_seconds(self._pid) if self._pid else 0.0

    def __enter__(self) -> Clock:
        self.server0 = self._server()
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0
        self.server_cpu = self._server() - self.server0

    def result(self, **extra: Any) -> dict[str, Any]:
        return {"wall": self.wall, "cpu": self.cpu, "server_cpu": self.server_cpu, **extra}


SDK_ON_AIOHTTP = "_aiohttp"
"""Suffix of the SDK clients that send with ``http_backend="aiohttp"`` (``sdk_aiohttp``...)."""


def _sdk(conn: dict[str, Any], client: str = "sdk") -> Any:
    from luxsci_async import LuxSci

    return LuxSci(
        token=conn["token"],
        secret=conn["secret"],
        account=conn["account"],
        base_url=conn["base_url"],
        http_backend="aiohttp" if client.endswith(SDK_ON_AIOHTTP) else "httpx2",
    )


def _raw(client: str, conn: dict[str, Any]) -> Any:
    args = (conn["base_url"], conn["token"], conn["secret"])
    library = client.split("_")[0]
    if library in ("httpx", "httpx2"):
        from .raw_httpx import HttpxClient

        return HttpxClient(*args, module=library)
    if library == "aiohttp":
        from .raw_aiohttp import AiohttpClient

        return AiohttpClient(*args)
    from .raw_streams import StreamsClient

    return StreamsClient(*args)


def _peer(conn: dict[str, Any]) -> Any:
    from .peer_client import PeerClient

    return PeerClient(conn["base_url"], conn["token"], conn["secret"])


async def run_get(spec: dict[str, Any]) -> dict[str, Any]:
    """``n`` signed profile GETs from ``concurrency`` tasks (threads for the peer)."""
    conn, n, conc, client = spec["conn"], spec["n"], spec["concurrency"], spec["client"]
    warm = spec.get("warmup", 20)
    clock = Clock(conn.get("server_pid"))
    path = profile_path(conn["login"])
    if client.startswith("sdk"):
        async with _sdk(conn, client) as lux:
            profile = lux.user(conn["login"]).profile
            await in_lanes(warm, conc, profile.get)
            with clock:
                await in_lanes(n, conc, profile.get)
    elif client in RAW_CLIENTS:
        async with _raw(client, conn) as raw:

            async def call() -> None:
                await raw.get(path)

            await in_lanes(warm, conc, call)
            with clock:
                await in_lanes(n, conc, call)
    else:
        peer = _peer(conn)
        with clock, ThreadPoolExecutor(conc) as pool:
            list(pool.map(lambda _: peer.get(path), range(n)))
    return clock.result(requests=n)


async def _sdk_pull(client: str, conn: dict[str, Any], spec: dict[str, Any], clock: Clock) -> int:
    size, start, conc = spec["page_size"], spec.get("start_row", 0), spec.get("concurrency", 8)
    rows = 0
    kind = client.removesuffix(SDK_ON_AIOHTTP)
    async with _sdk(conn, client) as lux:
        await lux.authenticate()
        with clock:
            if kind == "sdk_typed":
                typed = lux.account.reports.delivery(
                    "smtp", page_size=size, concurrency=conc, start_row=start
                )
                async for _row in typed:
                    rows += 1
            else:
                report = lux.paginate(
                    REPORT_PATH, page_size=size, concurrency=conc, start_row=start
                )
                if kind == "sdk_pages":
                    async for page in report.pages():
                        rows += len(page.rows)
                else:
                    async for _row in report:
                        rows += 1
    return rows


async def run_pull(spec: dict[str, Any]) -> dict[str, Any]:
    """Pull the delivery report from ``start_row`` to the end; count rows."""
    conn, client = spec["conn"], spec["client"]
    size, start, conc = spec["page_size"], spec.get("start_row", 0), spec.get("concurrency", 8)
    path = report_path(conn["account"])
    clock = Clock(conn.get("server_pid"))
    rows = 0
    if client.startswith("sdk"):
        rows = await _sdk_pull(client, conn, spec, clock)
    elif client.split("_")[0] in RAW_CLIENTS:
        async with _raw(client, conn) as raw:
            with clock:
                if client.endswith("_dicts"):
                    async for _row in raw.dict_rows(
                        path, page_size=size, start_row=start, concurrency=conc
                    ):
                        rows += 1
                else:
                    async for data in raw.pages(
                        path, page_size=size, start_row=start, concurrency=conc
                    ):
                        rows += len(data["rows"])
    else:
        peer = _peer(conn)
        with clock:
            for data in peer.pages(path, page_size=size, start_row=start):
                rows += len(data["rows"])
    return clock.result(rows=rows)


async def run_first_calls(spec: dict[str, Any]) -> dict[str, Any]:
    """``n`` concurrent first calls on a fresh client against an in-process emulator."""
    from luxsci_async.testing import Emulator

    n, client = spec["n"], spec["client"]
    with Emulator(seed=1) as emu:
        login = sorted(emu.users)[0]
        conn = {
            "base_url": emu.base_url,
            "token": emu.token,
            "secret": emu.secret,
            "account": emu.account,
            "login": login,
        }
        path = profile_path(login)
        emu.reset_stats()
        clock = Clock(None)
        with clock:
            if client.startswith("sdk"):
                async with _sdk(conn, client) as lux:
                    profile = lux.user(login).profile
                    await in_lanes(n, n, profile.get)
            elif client in RAW_CLIENTS:
                async with _raw(client, conn) as raw:

                    async def call() -> None:
                        await raw.get(path)

                    await in_lanes(n, n, call)
            else:
                peer = _peer(conn)
                with ThreadPoolExecutor(n) as pool:
                    await anyio.to_thread.run_sync(
                        lambda: list(pool.map(lambda _: peer.get(path), range(n)))
                    )
        served = emu.stats.auth_requests
    return clock.result(auth_requests=served)


RUNNERS = {"get": run_get, "pull": run_pull, "first_calls": run_first_calls}


def run_spec(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = anyio.run(RUNNERS[spec["kind"]], spec)
    return result


def peak_rss_kb() -> int:
    """This process's peak RSS (``VmHWM``).

    Not ``ru_maxrss``: Linux carries that high-water mark over ``execve`` from the forked
    parent, so a fresh worker would report its launcher's peak. ``VmHWM`` belongs to the
    new address space.
    """
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    spec = json.loads(sys.argv[1])
    if spec.get("collector") == "off":
        gc.disable()  # what the work costs without the cyclic collector (benchmarks.instructions)
    result = run_spec(spec)
    result["peak_rss_kb"] = peak_rss_kb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
