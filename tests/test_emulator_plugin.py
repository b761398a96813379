"""The pytest plugin's fixtures, on asyncio and trio."""

from __future__ import annotations

from typing import Any

import pytest

from luxsci_async import LuxSci
from luxsci_async.testing import Emulator


@pytest.fixture
def luxsci_emulator_options() -> dict[str, Any]:
    return {"rows": 120, "seed": 5}


@pytest.mark.anyio
async def test_luxsci_fixture(luxsci: LuxSci, luxsci_emulator: Emulator) -> None:
    assert luxsci_emulator.config.rows == 120
    total = 0
    async for _ in luxsci.account.reports.delivery(source="webmail"):
        total += 1
    assert total == 120
    assert luxsci_emulator.stats.auth_requests == 1


@pytest.mark.anyio
async def test_user_scope_client(luxsci_emulator: Emulator) -> None:
    login = next(iter(luxsci_emulator.users))
    async with luxsci_emulator.client(user=login) as lux:
        profile = await lux.user().profile.get()
    assert profile.user == login
