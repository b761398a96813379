"""The emulator's own endpoints, outside the API prefix, for a test process to read."""

from __future__ import annotations

from typing import Final

import orjson

from .._assumptions import ENVELOPE_ERROR_MESSAGE, ENVELOPE_SUCCESS
from ._stats import StatsRecorder

CONTROL_PREFIX: Final = "/_emulator"
STATS_PATH: Final = CONTROL_PREFIX + "/stats"
"""``GET``: the stats as JSON (:meth:`EmulatorStats.to_json`)."""
RESET_PATH: Final = CONTROL_PREFIX + "/reset"
"""``POST``: zero the stats."""


def is_control(path: str) -> bool:
    """Whether a raw path is one of the emulator's own (never counted, limited or faulted)."""
    return path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")


def answer_control(method: str, path: str, stats: StatsRecorder) -> tuple[int, bytes]:
    """(status, JSON body) of a control request."""
    if path == STATS_PATH and method == "GET":
        return 200, orjson.dumps(stats.snapshot().to_json())
    if path == RESET_PATH and method == "POST":
        stats.reset()
        return 200, orjson.dumps({"reset": True})
    known = f"GET {STATS_PATH}, POST {RESET_PATH}"
    message = f"unknown control {method} {path}; try {known}"
    return 404, orjson.dumps({ENVELOPE_SUCCESS: 0, ENVELOPE_ERROR_MESSAGE: message})
