"""pytest fixtures for testing code that uses ``luxsci_async`` (opt-in by fixture name).

``luxsci_emulator``: a serving :class:`~luxsci_async.testing.Emulator` (one per test).
``luxsci``: a connected account-scope ``LuxSci`` session on it (an async fixture; use it
from ``@pytest.mark.anyio`` tests, on asyncio or trio).

Configure the emulator with the ``luxsci_emulator_options`` fixture, e.g.::

    @pytest.fixture
    def luxsci_emulator_options():
        return {"rows": 5000, "auth_ttl": 2}
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .. import LuxSci
    from ._emulator import Emulator


@pytest.fixture
def luxsci_emulator_options() -> dict[str, Any]:
    """Keyword arguments for the ``luxsci_emulator`` fixture's ``Emulator``; override it."""
    return {}


@pytest.fixture
def luxsci_emulator(luxsci_emulator_options: dict[str, Any]) -> Iterator[Emulator]:
    """An emulator serving on loopback in a background thread for one test."""
    from ._emulator import Emulator

    with Emulator(**luxsci_emulator_options) as emulator:
        yield emulator


@pytest.fixture
async def luxsci(luxsci_emulator: Emulator) -> AsyncIterator[LuxSci]:
    """An account-scope ``LuxSci`` session connected to ``luxsci_emulator``."""
    async with luxsci_emulator.client() as session:
        yield session
