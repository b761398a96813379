"""One measurement, run in a fresh process: ``python -m benchmarks.worker '<json spec>'``.

A fresh process per measurement keeps ``ru_maxrss`` (a high-water mark) per pull and keeps
``time.process_time`` deltas free of anything else. Prints one JSON object.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio

REPORT_PATH = "/account/{account}/report/email/smtp/delivery"


def _profile_path(conn: dict[str, Any]) -> str:
    return f"/user/{conn['login']}/profile"


class Clock:
    """Wall and CPU time of the timed section only."""

    def __enter__(self) -> Clock:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def _sdk(conn: dict[str, Any]) -> Any:
    from luxsci_async import LuxSci

    return LuxSci(
        token=conn["token"],
        secret=conn["secret"],
        account=conn["account"],
        base_url=conn["base_url"],
    )


def _raw(conn: dict[str, Any]) -> Any:
    from .raw_client import RawClient

    return RawClient(conn["base_url"], conn["token"], conn["secret"])


def _peer(conn: dict[str, Any]) -> Any:
    from .peer_client import PeerClient

    return PeerClient(conn["base_url"], conn["token"], conn["secret"])


async def _split(n: int, concurrency: int, call: Any) -> None:
    async def lane(count: int) -> None:
        for _ in range(count):
            await call()

    async with anyio.create_task_group() as tg:
        for i in range(concurrency):
            tg.start_soon(lane, n // concurrency + (1 if i < n % concurrency else 0))


async def run_get(spec: dict[str, Any]) -> dict[str, Any]:
    """``n`` signed profile GETs from ``concurrency`` tasks (threads for the peer)."""
    conn, n, conc, client = spec["conn"], spec["n"], spec["concurrency"], spec["client"]
    warm = spec.get("warmup", 20)
    if client == "sdk":
        async with _sdk(conn) as lux:
            profile = lux.user(conn["login"]).profile
            await _split(warm, conc, profile.get)
            with Clock() as clock:
                await _split(n, conc, profile.get)
    elif client == "raw":
        path = _profile_path(conn)
        async with _raw(conn) as raw:

            async def call() -> None:
                await raw.get(path)

            await _split(warm, conc, call)
            with Clock() as clock:
                await _split(n, conc, call)
    else:
        peer, path = _peer(conn), _profile_path(conn)
        with Clock() as clock, ThreadPoolExecutor(conc) as pool:
            list(pool.map(lambda _: peer.get(path), range(n)))
    return {"wall": clock.wall, "cpu": clock.cpu, "requests": n}


async def run_pull(spec: dict[str, Any]) -> dict[str, Any]:
    """Pull the delivery report from ``start_row`` to the end; count rows."""
    conn, client = spec["conn"], spec["client"]
    size, start, conc = spec["page_size"], spec.get("start_row", 0), spec.get("concurrency", 8)
    path = REPORT_PATH.replace("{account}", conn["account"])
    rows = 0
    if client.startswith("sdk"):
        async with _sdk(conn) as lux:
            await lux.authenticate()
            with Clock() as clock:
                if client == "sdk_typed":
                    typed = lux.account.reports.delivery(
                        "smtp", page_size=size, concurrency=conc, start_row=start
                    )
                    async for _row in typed:
                        rows += 1
                else:
                    report = lux.paginate(
                        REPORT_PATH, page_size=size, concurrency=conc, start_row=start
                    )
                    if client == "sdk_pages":
                        async for page in report.pages():
                            rows += len(page.rows)
                    else:
                        async for _row in report:
                            rows += 1
    elif client.startswith("raw"):
        async with _raw(conn) as raw:
            with Clock() as clock:
                if client == "raw_pages":
                    async for data in raw.pages(
                        path, page_size=size, start_row=start, concurrency=conc
                    ):
                        rows += len(data["rows"])
                else:
                    async for _row in raw.dict_rows(
                        path, page_size=size, start_row=start, concurrency=conc
                    ):
                        rows += 1
    else:
        peer = _peer(conn)
        with Clock() as clock:
            for data in peer.pages(path, page_size=size, start_row=start):
                rows += len(data["rows"])
    return {"wall": clock.wall, "cpu": clock.cpu, "rows": rows}


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
        path = _profile_path(conn)
        emu.reset_stats()
        with Clock() as clock:
            if client == "sdk":
                async with _sdk(conn) as lux:
                    profile = lux.user(login).profile
                    await _split(n, n, profile.get)
                    counted = lux.stats.auth_requests
            elif client == "raw":
                async with _raw(conn) as raw:

                    async def call() -> None:
                        await raw.get(path)

                    await _split(n, n, call)
                    counted = 1
            else:
                peer = _peer(conn)
                with ThreadPoolExecutor(n) as pool:
                    await anyio.to_thread.run_sync(
                        lambda: list(pool.map(lambda _: peer.get(path), range(n)))
                    )
                counted = peer.auth_requests
        served = emu.stats.auth_requests
    return {"wall": clock.wall, "cpu": clock.cpu, "auth_requests": served, "counted": counted}


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
    result = run_spec(spec)
    result["peak_rss_kb"] = peak_rss_kb()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
