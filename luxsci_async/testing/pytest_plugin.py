"""pytest fixtures for testing code that uses ``luxsci_async`` (opt-in by fixture name).

``luxsci_emulator``: a serving :class:`~luxsci_async.testing.Emulator`, a fresh one per test,
or shared per class, module, package or session with the ``luxsci_emulator_scope`` ini
option (``--luxsci-emulator-scope`` on the command line).
``luxsci``: a connected account-scope ``LuxSci`` session on it, opened and closed on the
event loop of whichever plugin runs the test: pytest-asyncio (strict or auto mode) or
anyio's plugin (asyncio or trio).

Configure the emulator with the ``luxsci_emulator_options`` fixture, e.g.::

    @pytest.fixture
    def luxsci_emulator_options():
        return {"rows": 5000, "auth_ttl": 2}
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ._pytest_runners import (
    ANYIO_SESSION,
    SCOPES,
    Scope,
    asyncio_fixture_decorator,
    asyncio_session,
    session_fixture_name,
)

if TYPE_CHECKING:
    from .. import LuxSci
    from ._emulator import Emulator

SCOPE_INI = "luxsci_emulator_scope"
SCOPE_FLAG = "--luxsci-emulator-scope"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Register the ``luxsci_emulator_scope`` ini option and its command-line flag."""
    scope_help = (
        "how long one emulator serves the luxsci_emulator fixture: function (the default, "
        "a fresh one per test), class, module, package or session"
    )
    parser.addini(SCOPE_INI, scope_help, default="function")
    parser.getgroup("luxsci").addoption(
        SCOPE_FLAG, dest="luxsci_emulator_scope", metavar="SCOPE", help=scope_help
    )


def pytest_configure(config: pytest.Config) -> None:
    """Refuse an unknown emulator scope before any test runs."""
    emulator_scope("luxsci_emulator_pool", config)


def emulator_scope(fixture_name: str, config: pytest.Config) -> Scope:
    """The scope of the emulators behind ``luxsci_emulator``: the flag, else the ini option."""
    value = config.getoption("luxsci_emulator_scope") or config.getini(SCOPE_INI)
    for scope in SCOPES:
        if value == scope:
            return scope
    raise pytest.UsageError(
        f"{SCOPE_INI} (or {SCOPE_FLAG}) must be one of {', '.join(SCOPES)}; got {value!r}"
    )


class EmulatorPool:
    """Serving emulators, one per distinct ``luxsci_emulator_options``, stopped together."""

    def __init__(self) -> None:
        self._emulators: list[tuple[dict[str, Any], Emulator]] = []

    def get(self, options: dict[str, Any]) -> Emulator:
        """The emulator serving ``options``, started on first use."""
        for known, emulator in self._emulators:
            if known == options:
                return emulator
        from ._emulator import Emulator

        emulator = Emulator(**options).start()
        self._emulators.append((dict(options), emulator))
        return emulator

    def __len__(self) -> int:
        return len(self._emulators)

    def close(self) -> None:
        """Stop every emulator this pool started."""
        while self._emulators:
            _, emulator = self._emulators.pop()
            emulator.stop()


@pytest.fixture(scope=emulator_scope)
def luxsci_emulator_pool() -> Iterator[EmulatorPool]:
    """The emulators ``luxsci_emulator`` draws from; it lives for ``luxsci_emulator_scope``."""
    pool = EmulatorPool()
    try:
        yield pool
    finally:
        pool.close()


@pytest.fixture
def luxsci_emulator_options() -> dict[str, Any]:
    """Keyword arguments for the ``luxsci_emulator`` fixture's ``Emulator``; override it."""
    return {}


@pytest.fixture
def luxsci_emulator(
    luxsci_emulator_options: dict[str, Any], luxsci_emulator_pool: EmulatorPool
) -> Emulator:
    """An emulator serving on loopback in a background thread, its counters at zero.

    A fresh one per test unless ``luxsci_emulator_scope`` shares it between the tests that
    ask for the same options; a shared emulator keeps its state (objects created, auth codes,
    rate windows) from one test to the next, and only its counters are zeroed.
    """
    emulator = luxsci_emulator_pool.get(luxsci_emulator_options)
    emulator.reset_stats()
    return emulator


@pytest.fixture
def luxsci(request: pytest.FixtureRequest) -> LuxSci:
    """An account-scope ``LuxSci`` session connected to ``luxsci_emulator``.

    It is opened and closed on the test's own event loop: pytest-asyncio's (of the test's
    loop scope) for the tests pytest-asyncio runs, anyio's for those that use
    ``anyio_backend``.
    """
    session: LuxSci = request.getfixturevalue(session_fixture_name(request.node))
    return session


@pytest.fixture(name=ANYIO_SESSION)
async def _luxsci_on_anyio(luxsci_emulator: Emulator) -> AsyncIterator[LuxSci]:
    """The session, set up by anyio's plugin: requested only for tests it runs."""
    async with luxsci_emulator.client() as session:
        yield session


def _define_pytest_asyncio_sessions() -> None:
    """One session fixture per loop scope, so it can share the loop of any asyncio test."""
    asyncio_fixture = asyncio_fixture_decorator()
    if asyncio_fixture is None:
        return

    def define(loop_scope: Scope) -> Any:
        # A new function each time: pytest-asyncio records the loop scope on the function.
        async def session(luxsci_emulator: Emulator) -> AsyncIterator[LuxSci]:
            async with luxsci_emulator.client() as opened:
                yield opened

        name = asyncio_session(loop_scope)
        return asyncio_fixture(session, loop_scope=loop_scope, name=name)

    for loop_scope in SCOPES:
        globals()[asyncio_session(loop_scope)] = define(loop_scope)


_define_pytest_asyncio_sessions()
