"""The pytest plugin's fixtures, on asyncio and trio (other runners: test_pytest_runners.py)."""

from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import Any

import pytest

from luxsci_async import LuxSci
from luxsci_async.testing import Emulator
from luxsci_async.testing._pytest_runners import asyncio_fixture_decorator
from luxsci_async.testing.pytest_plugin import EmulatorPool, emulator_scope

from .conftest import every_http_backend


@pytest.fixture
def luxsci_emulator_options() -> dict[str, Any]:
    return {"rows": 120, "seed": 5}


@pytest.mark.anyio
@every_http_backend
async def test_luxsci_fixture(luxsci: LuxSci, luxsci_emulator: Emulator) -> None:
    assert luxsci_emulator.config.rows == 120
    total = 0
    async for _ in luxsci.account.reports.delivery(source="webmail"):
        total += 1
    assert total == 120
    assert luxsci_emulator.stats.auth_requests == 1


@pytest.mark.anyio
@every_http_backend
async def test_user_scope_client(luxsci_emulator: Emulator) -> None:
    login = next(iter(luxsci_emulator.users))
    async with luxsci_emulator.client(user=login) as lux:
        profile = await lux.user().profile.get()
    assert profile.user == login


def test_emulator_fixture_draws_from_the_pool(
    luxsci_emulator: Emulator, luxsci_emulator_pool: EmulatorPool
) -> None:
    assert len(luxsci_emulator_pool) == 1
    assert luxsci_emulator_pool.get({"rows": 120, "seed": 5}) is luxsci_emulator
    assert luxsci_emulator.base_url.startswith("http://127.0.0.1:")


def test_pool_shares_one_emulator_per_distinct_options() -> None:
    pool = EmulatorPool()
    try:
        first = pool.get({"rows": 7})
        assert pool.get({"rows": 7}) is first
        other = pool.get({"rows": 8})
        assert other is not first
        assert other.config.rows == 8
        assert other.base_url != first.base_url
        assert len(pool) == 2
    finally:
        pool.close()
    assert len(pool) == 0
    for emulator in (first, other):
        with pytest.raises(RuntimeError, match="not serving"):
            _ = emulator.base_url


def _config(flag: str | None, ini: str) -> Any:
    return SimpleNamespace(getoption=lambda name: flag, getini=lambda name: ini)


def test_emulator_scope_comes_from_the_flag_then_the_ini_option() -> None:
    assert emulator_scope("luxsci_emulator_pool", _config(None, "function")) == "function"
    assert emulator_scope("luxsci_emulator_pool", _config(None, "session")) == "session"
    assert emulator_scope("luxsci_emulator_pool", _config("module", "session")) == "module"


def test_unknown_emulator_scope_names_the_option_and_the_flag() -> None:
    message = r"luxsci_emulator_scope \(or --luxsci-emulator-scope\) must be one of .*'forever'"
    with pytest.raises(pytest.UsageError, match=message):
        emulator_scope("luxsci_emulator_pool", _config(None, "forever"))


def test_pytest_asyncio_without_loop_scopes_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytest_asyncio

    assert asyncio_fixture_decorator() is pytest_asyncio.fixture

    def fixture(fixture_function: Any = None, **kwargs: Any) -> Any:  # 0.23's signature
        raise AssertionError("not to be called")

    monkeypatch.setitem(sys.modules, "pytest_asyncio", SimpleNamespace(fixture=fixture))
    assert asyncio_fixture_decorator() is None
    monkeypatch.setitem(sys.modules, "pytest_asyncio", None)  # not installed
    assert asyncio_fixture_decorator() is None
