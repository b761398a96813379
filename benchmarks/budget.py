"""Pulls planned for a rate budget: ``python -m benchmarks.budget [--rows N]``.

Two measurements, each in fresh processes:

1. **Memory of large pages.** With a rate limit set, a pull asks for LuxSci's largest
   pages (50,000 rows) and fetches one page at a time. Peak RSS of a 500,000-row pull is
   compared with a 50,000-row pull (a single page) of the same report: the target is a
   ratio of at most 1.5. Each pull runs in its own process against the lean server.
2. **429s per 1,000 requests.** A session with 8 calls in flight against the emulator
   limited to 20 requests per second (429 with ``Retry-After``), next to a naive client
   that retries each 429 on its own after ``Retry-After``: how often each is refused.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from typing import Any

PAGE = 50_000


def _pull(conn: dict[str, Any], start_row: int) -> dict[str, Any]:
    import anyio

    from luxsci_async import LuxSci, RateLimit

    async def run() -> dict[str, Any]:
        budget = RateLimit(per_minute=100_000)  # a budget is set: pages are planned for it
        async with LuxSci(**conn, rate_limit=budget) as lux:
            report = lux.paginate(
                "/account/{account}/report/email/smtp/delivery", start_row=start_row
            )
            rows = 0
            async for _ in report:
                rows += 1
            return {"rows": rows, "page_size": report.page_size, "window": report.window}

    result = anyio.run(run)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def memory(rows: int) -> dict[str, Any]:
    from .servers import ServerProcess

    server = ServerProcess.start(rows=rows)
    try:
        conn = {k: getattr(server, k) for k in ("token", "secret", "account", "base_url")}
        results = {}
        for name, start in (("one page", rows - PAGE), ("whole report", 0)):
            spec = json.dumps({"conn": conn, "start_row": start})
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.budget", "--pull", spec],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            results[name] = json.loads(out)
    finally:
        server.stop()
    whole, one = results["whole report"], results["one page"]
    return {
        "pulls": results,
        "ratio": whole["peak_rss_mb"] / one["peak_rss_mb"],
        "rows_ok": (whole["rows"], one["rows"]) == (rows, PAGE),
    }


def throttling(calls: int) -> dict[str, Any]:
    import anyio

    from luxsci_async.testing import Emulator

    async def sdk(emu: Emulator) -> dict[str, Any]:
        emu.reset_stats()
        async with emu.client(max_wait=600) as lux, anyio.create_task_group() as tg:
            for _ in range(calls):
                tg.start_soon(lux.account.domains.list)
        stats = emu.stats
        return {"requests": stats.requests, "429s": stats.rate_limited}

    async def naive(emu: Emulator) -> dict[str, Any]:
        import httpx2

        from luxsci_async._signing import auth_signature, request_signature

        emu.reset_stats()
        path = f"/perl/api/v2/account/{emu.account}/domains"
        limiter = anyio.Semaphore(8)
        async with httpx2.AsyncClient(base_url=emu.base_url) as http:
            date = int(__import__("time").time())
            signature = auth_signature(emu.secret.encode(), emu.token, date)
            login = {"token": emu.token, "date": date, "signature": signature}
            code = (await http.post("/perl/api/v2/auth", json=login)).json()["auth"]
            cookie = f"signature={code}:" + request_signature(
                emu.secret.encode(), code, "GET", path, "", ""
            )

            async def one() -> None:
                async with limiter:
                    while True:
                        answer = await http.get(path, headers={"Cookie": cookie})
                        if answer.status_code != 429:
                            return
                        await anyio.sleep(float(answer.headers.get("retry-after", "1")))

            async with anyio.create_task_group() as tg:
                for _ in range(calls):
                    tg.start_soon(one)
        stats = emu.stats
        return {"requests": stats.requests, "429s": stats.rate_limited}

    async def run() -> dict[str, Any]:
        out = {}
        for name, client in (("sdk", sdk), ("naive retry", naive)):
            async with Emulator(seed=3, rate_per_minute=20, rate_window=1.0) as emu:
                out[name] = await client(emu)
                out[name]["per_1000"] = 1000 * out[name]["429s"] / out[name]["requests"]
        return out

    return anyio.run(run)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.budget")
    parser.add_argument("--rows", type=int, default=500_000, help="rows of the whole report")
    parser.add_argument("--calls", type=int, default=400, help="calls in the 429 measurement")
    parser.add_argument("--pull", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pull:
        spec = json.loads(args.pull)
        print(json.dumps(_pull(spec["conn"], spec["start_row"])))
        return
    mem = memory(args.rows)
    for name, pull in mem["pulls"].items():
        print(
            f"{name:>13}: {pull['rows']:>7} rows in pages of {pull['page_size']} "
            f"({pull['window']} at a time), peak RSS {pull['peak_rss_mb']:.0f} MB"
        )
    print(f"peak RSS ratio {mem['ratio']:.2f} (target <= 1.5); rows whole: {mem['rows_ok']}")
    for name, result in throttling(args.calls).items():
        print(
            f"{name:>13}: {result['requests']} requests, {result['429s']} answered 429 "
            f"({result['per_1000']:.0f} per 1,000)"
        )


if __name__ == "__main__":
    main()
