"""Rate limits and fault decisions."""

from __future__ import annotations

import math

from ._config import EmulatorConfig, FaultKind
from ._reports import _mix


class _Window:
    def __init__(self, limit: int, length: float) -> None:
        self.limit, self.length = limit, length
        self.start, self.count = -math.inf, 0

    def retry_after(self, now: float) -> float | None:
        if now - self.start >= self.length:
            self.start, self.count = now, 0
        if self.count >= self.limit:
            return self.start + self.length - now
        return None


class RateLimiter:
    """Fixed per-minute and per-day windows; only admitted requests count."""

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
        """``None`` to admit the request, else the ``Retry-After`` seconds."""
        waits = [w for w in (win.retry_after(now) for win in self._windows) if w is not None]
        if waits:
            return max(1, math.ceil(max(waits)))
        for window in self._windows:
            window.count += 1
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
