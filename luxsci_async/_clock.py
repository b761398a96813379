"""The session's sense of time, in one place.

Every wait and every timestamp of the SDK goes through these functions, looked up at call
time, so a test can replace them with a fake clock that moves only when the SDK sleeps.
"""

from __future__ import annotations

import time

import anyio


def monotonic() -> float:
    """Seconds on a clock that never goes back (deadlines, windows, code lifetimes)."""
    return time.monotonic()


def wall() -> float:
    """Seconds since the epoch (the ``date`` of ``POST /auth``, HTTP dates)."""
    return time.time()


async def sleep(seconds: float) -> None:
    """Wait ``seconds`` (cancellable)."""
    await anyio.sleep(seconds)
