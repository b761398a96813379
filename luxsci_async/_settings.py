"""The settings a session is made with: public option classes, and the resolved whole.

Each option class checks its own fields when it is made, so a bad value is refused with
the field's name before any request exists.
"""

from __future__ import annotations

import math
import random
from typing import Any, Literal

import attrs

from . import _defaults
from ._proxy import ProxyURL
from ._secret import Secret
from ._store.url import StoreURL
from ._types import HttpBackendName
from .errors import ConfigurationError


def _number(owner: str, name: str, value: object, *, integer: bool = False) -> None:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        expected = "an int" if integer else "a number"
        raise ConfigurationError(f"{owner}.{name} must be {expected}, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ConfigurationError(f"{owner}.{name} must be a finite number >= 0, got {value!r}")


def _seconds(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _number(type(instance).__name__, attribute.name, value)


def _optional_seconds(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _seconds(instance, attribute, value)


def _count(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _number(type(instance).__name__, attribute.name, value, integer=True)


def _positive_count_or_none(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    _count(instance, attribute, value)
    if value == 0:
        raise ConfigurationError(
            f"{type(instance).__name__}.{attribute.name} must be >= 1 or None, got 0"
        )


@attrs.frozen(kw_only=True, cache_hash=True)  # a key of the aiohttp backend's timeouts
class Timeout:
    """Timeouts in seconds.

    ``connect``, ``read`` (between received bytes), ``write`` and ``pool`` (waiting for a
    connection) bound each phase; ``total`` bounds one whole attempt, so a server that
    dribbles its answer faster than ``read`` is still cut off (``None``: no overall limit).
    """

    connect: float = attrs.field(default=_defaults.CONNECT_TIMEOUT, validator=_seconds)
    read: float = attrs.field(default=_defaults.READ_TIMEOUT, validator=_seconds)
    write: float = attrs.field(default=_defaults.WRITE_TIMEOUT, validator=_seconds)
    pool: float = attrs.field(default=_defaults.POOL_TIMEOUT, validator=_seconds)
    total: float | None = attrs.field(default=_defaults.TOTAL_TIMEOUT, validator=_optional_seconds)


_MAX_DOUBLINGS = 62
"""Backoff stops doubling here: ``2 ** n`` for a large retry number would overflow a float."""


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

    max_retries: int = attrs.field(default=_defaults.MAX_RETRIES, validator=_count)
    backoff_base: float = attrs.field(default=_defaults.BACKOFF_BASE, validator=_seconds)
    backoff_max: float = attrs.field(default=_defaults.BACKOFF_MAX, validator=_seconds)
    max_retry_after: float = attrs.field(default=_defaults.MAX_RETRY_AFTER, validator=_seconds)
    budget: int = attrs.field(default=_defaults.RETRY_BUDGET, validator=_count)
    retry_cost: int = attrs.field(default=_defaults.RETRY_COST, validator=_count)
    timeout_cost: int = attrs.field(default=_defaults.TIMEOUT_RETRY_COST, validator=_count)

    def backoff(self, retry_number: int) -> float:
        """Full-jitter delay before retry ``retry_number`` (1-based)."""
        doublings = min(max(retry_number - 1, 0), _MAX_DOUBLINGS)
        ceiling = min(self.backoff_max, self.backoff_base * 2.0**doublings)
        return random.uniform(0, ceiling)


@attrs.frozen(kw_only=True)
class RateLimit:
    """Requests allowed per rolling minute and per rolling day (``None``: unlimited).

    LuxSci limits each API integration; shared servers allow e.g. 60/minute and 6000/day.
    """

    per_minute: int | None = attrs.field(default=None, validator=_positive_count_or_none)
    per_day: int | None = attrs.field(default=None, validator=_positive_count_or_none)

    @classmethod
    def shared_server(cls) -> RateLimit:
        """The limits of a LuxSci shared-server integration (60/minute, 6000/day)."""
        return cls(per_minute=60, per_day=6000)


@attrs.frozen(kw_only=True)
class Settings:
    """Resolved, validated settings of one session."""

    token: str
    secret: Secret
    scope: Literal["account", "user"]
    account: str | None
    user: str | None
    password: Secret | None
    base_url: str
    timeout: Timeout
    retry: RetryPolicy
    rate_limit: RateLimit | None
    max_concurrency: int
    auth_ttl: float
    max_response_bytes: int
    max_wait: float
    store: StoreURL | None
    """The shared store, or ``None`` for the in-process one (its password never shown)."""
    proxy: ProxyURL | None = None
    """Every request goes through this proxy (its password never shown)."""
    trust_env: bool = False
    """Whether the backend honours ``HTTPS_PROXY``/``HTTP_PROXY``/``NO_PROXY`` (and CA bundles)."""
    http_backend: HttpBackendName = _defaults.HTTP_BACKEND


@attrs.frozen(kw_only=True)
class CallOptions:
    """Per-call overrides of session settings (``None``: the session's own)."""

    timeout: Timeout | None = None
    retry: RetryPolicy | None = None
    max_wait: float | None = attrs.field(default=None, validator=_optional_seconds)


NO_OPTIONS = CallOptions()
