"""One worker of the fleet test: ``python -m tests.fleet_worker WINDOW BUDGET CALLS WORKERS``.

Like an arq or Celery worker it makes its own session from the ``LUXSCI_*`` variables,
``LUXSCI_STORE`` included, and makes ``CALLS`` calls at once; it prints what it saw as
JSON. It keeps its session until all ``WORKERS`` are done (a count in the store's Redis),
as the processes of a running fleet live side by side. The SDK's "minute" is ``WINDOW``
seconds here (the emulator's window is the same), so the test checks rolling-minute
behaviour without waiting out real minutes.
"""

from __future__ import annotations

import json
import sys


async def _all_done(workers: int) -> None:
    import os

    import anyio
    import redis.asyncio

    client = redis.asyncio.Redis.from_url(os.environ["LUXSCI_STORE"])
    key = "fleet-test:" + os.environ["LUXSCI_BASE_URL"]
    try:
        await client.incr(key)
        while int(await client.get(key) or 0) < workers:  # noqa: ASYNC110 - counted elsewhere
            await anyio.sleep(0.05)
    finally:
        await client.aclose()


def main() -> None:
    window, budget, calls = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    workers = int(sys.argv[4])
    import luxsci_async._pacing as pacing

    pacing.MINUTE = window  # read when a session is made: this worker's minute is shorter

    import anyio

    from luxsci_async import LuxSci, RateLimit

    async def run() -> dict[str, int]:
        done = 0

        async def one(lux: LuxSci) -> None:
            nonlocal done
            await lux.account.domains.list()
            done += 1

        async with LuxSci(rate_limit=RateLimit(per_minute=budget), max_wait=120) as lux:
            async with anyio.create_task_group() as tg:
                for _ in range(calls):
                    tg.start_soon(one, lux)
            await _all_done(workers)
        stats = lux.stats
        return {"ok": done, "rate_limited": stats.rate_limited, "logins": stats.auth_requests}

    print(json.dumps(anyio.run(run, backend="asyncio")))


if __name__ == "__main__":
    main()
