"""The retry decision: what may be retried, how long to wait, and a budget against storms."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

from . import _clock
from ._settings import RetryPolicy
from .errors import APIError, RequestTimeout, TransportError

RETRYABLE_STATUSES = frozenset({500, 502, 503, 504})
"""Server errors retried for idempotent requests (and routes marked safe to retry)."""


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


def decide(
    exc: Exception, retries: int, policy: RetryPolicy, budget: RetryBudget, *, idempotent: bool
) -> float | None:
    """Seconds to wait before retrying after the fault ``exc``; ``None``: give up, raise it.

    The one retry decision for faults of every request, ``POST /auth`` included: transport
    errors (the caller has already refused to resend a non-idempotent request that may
    have arrived) and, for idempotent requests, the retryable 5xx statuses are retried
    within ``max_retries`` and the session's retry budget; a 5xx's ``Retry-After`` beyond
    ``max_retry_after`` is not waited for. A 429 is not a fault: the pipeline waits it out
    without a retry of these.
    """
    hint: float | None = None
    cost = policy.retry_cost
    if isinstance(exc, TransportError):
        if isinstance(exc, RequestTimeout):
            cost = policy.timeout_cost
        delay = policy.backoff(retries + 1)
    elif isinstance(exc, APIError) and exc.status in RETRYABLE_STATUSES and idempotent:
        hint = exc.retry_after  # a 503 may say when to come back
        delay = policy.backoff(retries + 1) if hint is None else hint
    else:
        return None
    if (
        retries >= policy.max_retries
        or (hint is not None and hint > policy.max_retry_after)
        or not budget.spend(cost)
    ):
        return None
    return delay


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
        seconds = when.timestamp() - _clock.wall()
    if seconds != seconds or seconds == float("inf"):
        return None
    return max(0.0, seconds)
