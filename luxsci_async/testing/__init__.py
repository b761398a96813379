"""A local emulator of the LuxSci REST API v2, for tests, demos and benchmarks.

>>> from luxsci_async.testing import Emulator
>>> with Emulator(rows=10_000, seed=1) as emu:      # doctest: +SKIP
...     async with emu.client() as lux:
...         ...

It verifies the auth handshake and every request signature independently of the client,
keeps in-memory state for the CRUD routes of the route table, generates report rows on the
fly, runs report jobs, and can inject latency, rate limits, faults and access denials.
Serving needs the ``testing`` extra (``uvicorn``; ``httptools`` makes it faster). The
pytest fixtures ``luxsci_emulator`` and ``luxsci`` come with the package's pytest plugin.
"""

from __future__ import annotations

from ._app import DroppedConnection, EmulatorApp
from ._config import EmulatorConfig, FaultKind
from ._emulator import Emulator
from ._stats import EmulatorStats

__all__ = [
    "DroppedConnection",
    "Emulator",
    "EmulatorApp",
    "EmulatorConfig",
    "EmulatorStats",
    "FaultKind",
]
