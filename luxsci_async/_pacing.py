"""Client-side pacing: an optional request budget, and a session-wide pause after a 429."""

from __future__ import annotations

from collections import deque

from . import _clock
from ._settings import RateLimit


class _Window:
    """At most ``limit`` sends in any ``span`` seconds, by reserving send times in order."""

    __slots__ = ("_limit", "_sends", "_span")

    def __init__(self, limit: int, span: float) -> None:
        self._limit = limit
        self._span = span
        self._sends: deque[float] = deque()

    def earliest(self, now: float) -> float:
        """The earliest time at or after ``now`` that a new send fits in the window."""
        sends = self._sends
        while sends and sends[0] <= now - self._span:
            sends.popleft()
        if len(sends) < self._limit:
            return now
        # The send `limit` places back must have left the window before this one goes.
        return max(now, sends[len(sends) - self._limit] + self._span)

    def record(self, at: float) -> None:
        self._sends.append(at)


class Pacer:
    """Decides when each request may go: rate budget plus any session-wide 429 pause."""

    def __init__(self, limit: RateLimit | None) -> None:
        self._windows: list[_Window] = []
        self._last_slot = 0.0
        if limit is not None:
            if limit.per_minute:
                self._windows.append(_Window(limit.per_minute, 60.0))
            if limit.per_day:
                self._windows.append(_Window(limit.per_day, 86_400.0))
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Hold every request of the session for ``seconds`` (e.g. a 429's ``Retry-After``)."""
        self._paused_until = max(self._paused_until, _clock.monotonic() + seconds)

    async def sleep(self, seconds: float) -> None:
        """Back off for ``seconds`` (a retry's own wait, not a session-wide pause)."""
        if seconds > 0:
            await _clock.sleep(seconds)

    async def wait_turn(self) -> None:
        """Wait until this request may be sent."""
        now = _clock.monotonic()
        at = now
        if self._windows:
            # Slots are handed out in call order, so send times never go backwards.
            at = max(now, self._last_slot)
            for window in self._windows:
                at = max(at, window.earliest(now))
            for window in self._windows:
                window.record(at)
            self._last_slot = at
        # A pause may be set while we sleep, so look again after waking.
        while True:
            at = max(at, self._paused_until)
            delay = at - _clock.monotonic()
            if delay <= 0:
                return
            await _clock.sleep(delay)
