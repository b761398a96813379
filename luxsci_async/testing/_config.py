"""The emulator's knobs."""

from __future__ import annotations

import math
from typing import Literal

import attrs

from .._assumptions import AUTH_CLOCK_SKEW

FaultKind = Literal["500", "503", "drop"]
"""An injected failure: a 500, a 503, or a connection closed in the middle of the response."""

ALL_FAULT_KINDS: tuple[FaultKind, ...] = ("500", "503", "drop")


def _kinds(value: object) -> tuple[FaultKind, ...]:
    kinds = tuple(str(k) for k in value) if not isinstance(value, str) else (value,)  # type: ignore[attr-defined]
    for kind in kinds:
        if kind not in ALL_FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; choose from {ALL_FAULT_KINDS}")
    return kinds  # type: ignore[return-value]


def _fraction(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be within 0..1, got {value!r}")


def _optional_count(_: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"{attribute.name} must be a whole number >= 1 or None, got {value!r}")


def _positive(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise ValueError(f"{attribute.name} must be a finite number of seconds > 0, got {value!r}")


@attrs.frozen(kw_only=True)
class EmulatorConfig:
    """Every knob of the emulator; the defaults give a well-behaved, fast server."""

    rows: int = attrs.field(default=1000, validator=attrs.validators.ge(0))
    """Rows in every synthetic report (generated on the fly, never stored)."""
    seed: int = 0
    """Seeds credentials, initial objects, report data and fault decisions."""
    account: str | None = None
    """Numeric account code; derived from ``seed`` when not given."""
    auth_ttl: float | None = None
    """Absolute lifetime of an auth code in seconds; ``None`` means codes never expire."""
    clock_skew: int = AUTH_CLOCK_SKEW
    """Seconds the ``date`` of ``POST /auth`` may differ from the server clock."""
    rate_per_minute: int | None = attrs.field(default=None, validator=_optional_count)
    """Requests admitted in any rolling ``rate_window`` (429 with ``Retry-After`` beyond it).

    Limits are per integration: every session and login of the emulator, ``POST /auth``
    included, shares them."""
    rate_per_day: int | None = attrs.field(default=None, validator=_optional_count)
    """Requests admitted in any rolling ``rate_day_window``."""
    rate_window: float = attrs.field(default=60.0, validator=_positive)
    """Length of the "minute" window in seconds (shrink it to make tests fast)."""
    rate_day_window: float = attrs.field(default=86_400.0, validator=_positive)
    """Length of the "day" window in seconds."""
    faults: float = attrs.field(default=0.0, validator=_fraction)
    """Fraction of requests that fail with one of ``fault_kinds``."""
    fault_kinds: tuple[FaultKind, ...] = attrs.field(default=ALL_FAULT_KINDS, converter=_kinds)
    fault_auth: bool = False
    """Also inject faults into ``POST /auth`` (off: the handshake is always answered)."""
    latency: float = attrs.field(default=0.0, validator=attrs.validators.ge(0.0))
    """Seconds added to every response."""
    denied_groups: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    """Route groups the integration may not use at all (403)."""
    read_only_groups: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    """Route groups the integration may only read (403 on anything but GET)."""
    job_seconds: float = attrs.field(default=2.0, validator=attrs.validators.ge(0.0))
    """Time a report job takes from ``submitted`` to ``complete``."""
    max_jobs: int = attrs.field(default=5, validator=attrs.validators.ge(1))
    """The account's ceiling on concurrent report jobs, as job objects report it (not enforced)."""
    fail_jobs: bool = False
    """Make every report job fail (a ``destination`` containing ``fail`` fails too)."""
    items_per_collection: int = 3
    """Objects seeded into each stateful collection."""
