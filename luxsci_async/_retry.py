"""Retry policy: what may be retried, how long to wait, and a budget against retry storms."""

from __future__ import annotations

import random
from email.utils import parsedate_to_datetime
from time import time
from typing import Any

import attrs

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})
"""Server errors retried for idempotent requests (and routes marked safe to retry)."""


def _non_negative(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value!r}")


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How the session retries.

    Connect errors and 429 are retried for every method; 500/502/503/504, read timeouts and
    dropped connections only for idempotent methods (GET, PUT, DELETE) or routes marked safe.
    The wait is exponential backoff with full jitter, or the server's ``Retry-After`` (up to
    ``max_retry_after``; a longer hint is not waited for). A shared budget stops a failing
    server from being stormed: each retry spends ``retry_cost`` tokens (``timeout_cost`` after
    a timeout), each success returns one, and with the budget empty errors are raised at once.
    """

    max_retries: int = attrs.field(default=2, validator=_non_negative)
    backoff_base: float = attrs.field(default=0.5, validator=_non_negative)
    backoff_max: float = attrs.field(default=8.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=60.0, validator=_non_negative)
    budget: int = attrs.field(default=500, validator=_non_negative)
    retry_cost: int = attrs.field(default=5, validator=_non_negative)
    timeout_cost: int = attrs.field(default=10, validator=_non_negative)

    def backoff(self, retry_number: int) -> float:
        """Full-jitter delay before retry ``retry_number`` (1-based)."""
        ceiling = min(self.backoff_max, self.backoff_base * 2 ** (retry_number - 1))
        return random.uniform(0, ceiling)


class RetryBudget:
    """Token bucket shared by all requests of a session (botocore's retry quota)."""

    __slots__ = ("_capacity", "_tokens")

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._tokens = capacity

    @property
    def tokens(self) -> int:
        return self._tokens

    def spend(self, cost: int) -> bool:
        """Take ``cost`` tokens for a retry; ``False`` (and nothing taken) when too few are left."""
        if cost > self._tokens:
            return False
        self._tokens -= cost
        return True

    def refund(self) -> None:
        if self._tokens < self._capacity:
            self._tokens += 1


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or HTTP-date); ``None`` if unusable."""
    if not value:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - time()
    if seconds != seconds or seconds == float("inf"):
        return None
    return max(0.0, seconds)
