"""Many calls of one function, spread over a number of concurrent tasks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio


async def in_lanes(calls: int, concurrency: int, call: Callable[[], Awaitable[Any]]) -> None:
    """Await ``call()`` ``calls`` times in all, from ``concurrency`` tasks at once (the calls
    split as evenly as they go)."""

    async def lane(count: int) -> None:
        for _ in range(count):
            await call()

    share, rest = divmod(calls, concurrency)
    async with anyio.create_task_group() as tg:
        for i in range(concurrency):
            tg.start_soon(lane, share + (1 if i < rest else 0))
