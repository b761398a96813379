"""Rate limits and fault decisions."""

from __future__ import annotations

import math
from collections import deque

from ._config import EmulatorConfig, FaultKind
from ._reports import _mix


class _Window:
    """The times of the requests admitted in the last ``length`` seconds."""

    def __init__(self, limit: int, length: float) -> None:
        self.limit, self.length = limit, length
        self.times: deque[float] = deque()

    def frees_at(self, now: float) -> float | None:
        """``None`` if the window has room now, else when its next slot frees."""
        times = self.times
        # Half-open, (now - length, now]: a request exactly one window old no longer counts.
        # Written as ``t + length <= now``, the arithmetic of ``max_in_window`` and of a
        # client that waits ``Retry-After`` out, so float rounding cannot make them disagree.
        while times and times[0] + self.length <= now:
            times.popleft()
        if len(times) >= self.limit:
            return times[-self.limit] + self.length
        return None


class RateLimiter:
    """Rolling per-minute and per-day windows, shared by every request of the integration.

    A request is admitted when fewer than ``limit`` requests were admitted in the window
    ending now; so no window of that length, wherever it starts, ever holds more than
    ``limit`` admitted requests. Requests answered 429 do not count.
    """

    def __init__(self, config: EmulatorConfig) -> None:
        self._windows = [
            _Window(limit, length)
            for limit, length in (
                (config.rate_per_minute, config.rate_window),
                (config.rate_per_day, config.rate_day_window),
            )
            if limit is not None
        ]

    def admit(self, now: float) -> int | None:
        """``None`` to admit the request, else the ``Retry-After`` in whole seconds (>= 1)."""
        frees = [f for f in (win.frees_at(now) for win in self._windows) if f is not None]
        if frees:
            free = max(frees)
            retry = max(1, math.ceil(free - now))
            # ``free - now`` may round down past a whole number: never tell a client to come
            # back before the slot is free.
            return retry if now + retry >= free else retry + 1
        for window in self._windows:
            window.times.append(now)
        return None


class FaultPlan:
    """Which requests fail: a pure function of (seed, request number)."""

    def __init__(self, config: EmulatorConfig) -> None:
        self._rate = config.faults
        self._kinds = config.fault_kinds
        self._seed = config.seed
        self._n = 0

    def next(self) -> FaultKind | None:
        if self._rate <= 0 or not self._kinds:
            return None
        self._n += 1
        h = _mix((self._seed << 32) ^ self._n)
        if (h >> 11) / float(1 << 53) >= self._rate:
            return None
        return self._kinds[(h & 0x7FF) % len(self._kinds)]
