"""Request counters, for tests that assert how the client behaved."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import attrs


@attrs.frozen(kw_only=True)
class EmulatorStats:
    """A snapshot of what the emulator has served since start (or ``reset_stats``)."""

    requests: int
    """Every request received, including rejected and faulted ones."""
    by_route: Mapping[tuple[str, str], int]
    """(method, path template) -> requests; unknown paths count under ``"?"``."""
    auth_requests: int
    """``POST /auth`` handshakes (accepted or not)."""
    statuses: Mapping[int, int]
    """Status code -> responses (dropped connections count under the status they began)."""
    faults: Mapping[str, int]
    """Injected fault kind (``"500"``, ``"503"``, ``"drop"``) -> count."""
    rate_limited: int
    """Requests answered 429."""


class StatsRecorder:
    """Mutable counters; ``snapshot`` copies them for the caller's thread."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.auth_requests = 0
        self.by_route: Counter[tuple[str, str]] = Counter()
        self.statuses: Counter[int] = Counter()
        self.faults: Counter[str] = Counter()

    def snapshot(self) -> EmulatorStats:
        return EmulatorStats(
            requests=self.requests,
            by_route=dict(self.by_route),
            auth_requests=self.auth_requests,
            statuses=dict(self.statuses),
            faults=dict(self.faults),
            rate_limited=self.statuses.get(429, 0),
        )
