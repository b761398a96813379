"""Argument checks shared by the stores, so both refuse the same bad input the same way."""

from __future__ import annotations

import math
import re

_NAME = re.compile(r"^[\x21-\x7e]{1,200}$")


def seconds(name: str, value: float, *, allow_zero: bool = True, allow_inf: bool = False) -> float:
    """``value`` as a float of seconds, or :class:`ValueError` naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number of seconds, got {value!r}")
    value = float(value)
    low_ok = value >= 0 if allow_zero else value > 0  # NaN fails both
    if not low_ok or (value == math.inf and not allow_inf):
        kind = "non-negative" if allow_zero else "positive"
        finite = "" if allow_inf else ", finite"
        raise ValueError(f"{name} must be a {kind}{finite} number of seconds, got {value!r}")
    return value


def name(what: str, value: str) -> str:
    """A key part: printable ASCII without spaces, so it cannot split or forge a key name."""
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError(f"{what} must be 1-200 printable ASCII characters without spaces")
    return value
