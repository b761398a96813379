"""Request counters and admitted-request times, for tests that assert how clients behaved."""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class EmulatorStats:
    """A snapshot of what the emulator has served since start (or ``reset_stats``)."""

    requests: int
    """Every request received, including rejected and faulted ones."""
    by_route: Mapping[tuple[str, str], int]
    """(method, path template) -> requests; unknown paths count under ``"?"``."""
    auth_requests: int
    """``POST /auth`` handshakes received (accepted, refused or rate limited)."""
    statuses: Mapping[int, int]
    """Status code -> responses (dropped connections count under the status they began)."""
    faults: Mapping[str, int]
    """Injected fault kind (``"500"``, ``"503"``, ``"drop"``) -> count."""
    rate_limited: int
    """Requests answered 429."""
    logins: int = 0
    """``POST /auth`` handshakes answered with a new auth code."""
    admitted: Sequence[float] = ()
    """Arrival time of every request the rate limits admitted, in order: seconds on the
    emulator's monotonic clock since it was created. ``POST /auth`` counts; so do requests
    then failed by an injected fault. Requests answered 429 do not."""
    refused: Sequence[float] = ()
    """Arrival time of every request answered 429, on the same clock as ``admitted``."""

    def max_in_window(self, seconds: float) -> int:
        """The most admitted requests in any window of ``seconds``, wherever it starts.

        A client that keeps to a budget of ``n`` requests per ``w`` seconds makes
        ``max_in_window(w) <= n`` true; ``0`` when nothing was admitted.
        """
        if not seconds > 0:
            raise ValueError(f"seconds must be > 0, got {seconds!r}")
        times, best, first = self.admitted, 0, 0
        for last, now in enumerate(times):
            # Windows are half-open, (now - seconds, now], like the emulator's own limits.
            while times[first] + seconds <= now:
                first += 1
            best = max(best, last - first + 1)
        return best

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping (what ``GET /_emulator/stats`` answers)."""
        return {
            "requests": self.requests,
            "by_route": [[method, path, n] for (method, path), n in self.by_route.items()],
            "auth_requests": self.auth_requests,
            "logins": self.logins,
            "statuses": {str(status): n for status, n in self.statuses.items()},
            "faults": dict(self.faults),
            "rate_limited": self.rate_limited,
            "admitted": list(self.admitted),
            "refused": list(self.refused),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EmulatorStats:
        """Read what :meth:`to_json` wrote (e.g. from a standalone emulator's stats URL)."""
        return cls(
            requests=int(data["requests"]),
            by_route={(str(m), str(p)): int(n) for m, p, n in data["by_route"]},
            auth_requests=int(data["auth_requests"]),
            logins=int(data["logins"]),
            statuses={int(s): int(n) for s, n in data["statuses"].items()},
            faults={str(k): int(n) for k, n in data["faults"].items()},
            rate_limited=int(data["rate_limited"]),
            admitted=tuple(float(t) for t in data["admitted"]),
            refused=tuple(float(t) for t in data.get("refused", ())),
        )


class StatsRecorder:
    """Mutable counters; ``snapshot`` copies them for the caller's thread."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.auth_requests = 0
        self.logins = 0
        self.by_route: Counter[tuple[str, str]] = Counter()
        self.statuses: Counter[int] = Counter()
        self.faults: Counter[str] = Counter()
        # Compact while recording: a long benchmark admits millions of requests.
        self.admitted = array("d")
        self.refused = array("d")

    def snapshot(self) -> EmulatorStats:
        return EmulatorStats(
            requests=self.requests,
            by_route=dict(self.by_route),
            auth_requests=self.auth_requests,
            logins=self.logins,
            statuses=dict(self.statuses),
            faults=dict(self.faults),
            rate_limited=self.statuses.get(429, 0),
            admitted=tuple(self.admitted),
            refused=tuple(self.refused),
        )
