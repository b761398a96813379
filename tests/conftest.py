"""Shared fixtures: every async test runs on asyncio and on trio."""

from __future__ import annotations

# respx mocks "httpx" and "httpcore": make those names httpx2's before anything imports
# them (respx's own pytest plugin, which would import httpx first, is off in pyproject).
import httpx2

httpx2.alias_httpx()

import importlib.util  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

import luxsci_async._backends as backends_module  # noqa: E402
import luxsci_async._clock as clock_module  # noqa: E402
import luxsci_async._session as session_module  # noqa: E402

from .redis_support import namespace, redis_url  # noqa: E402, F401  (fixtures: a real Redis)

BASE = "https://rest.luxsci.com"
TOKEN = "TOKEN0123456789"
SECRET = "s3cr3t-key-do-not-print"
PASSWORD = "pa55-w0rd-do-not-print"
USER = "jane@example.com"


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


HTTP_BACKENDS: dict[str, tuple[str, ...]] = {
    "httpx2": ("asyncio", "trio"),
    "aiohttp": ("asyncio",),
}
"""Each HTTP backend and the async libraries it runs on (one line per backend)."""

every_http_backend = pytest.mark.usefixtures("http_backend")
"""Runs a test that sends over real sockets once per (async library, HTTP backend) pair."""


def _backend_param(*values: str, name: str) -> Any:
    # A backend whose library is not installed is shown as skipped, not silently left out.
    missing = importlib.util.find_spec(name) is None
    marks = [pytest.mark.skip(reason=f"{name} is not installed")] if missing else []
    return pytest.param(*values, id="-".join(values), marks=marks)


@pytest.hookimpl(tryfirst=True)  # before pytest parametrizes the anyio_backend fixture
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "http_backend" not in metafunc.fixturenames:
        return
    if "anyio_backend" in metafunc.fixturenames:
        pairs = [
            _backend_param(library, name, name=name)
            for name, libraries in HTTP_BACKENDS.items()
            for library in libraries
        ]
        metafunc.parametrize(("anyio_backend", "http_backend"), pairs, indirect=["http_backend"])
    else:
        names = [_backend_param(name, name=name) for name in HTTP_BACKENDS]
        metafunc.parametrize("http_backend", names, indirect=True)


@pytest.fixture
def http_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every session the test makes sends with this backend (``LUXSCI_HTTP_BACKEND``).

    After the test, checks that it did: at least one session opened this backend, and no
    session opened another (an in-process transport, say), so no run passes vacuously.
    """
    name = str(request.param)
    monkeypatch.setenv("LUXSCI_HTTP_BACKEND", name)
    opened: list[str] = []
    for each, opener in list(backends_module._OPENERS.items()):

        def recording(*args: Any, _opener: Any = opener, _name: str = each) -> Any:
            backend = _opener(*args)
            opened.append(_name)
            return backend

        monkeypatch.setitem(backends_module._OPENERS, each, recording)
    yield name
    assert opened, f"the test opened no session on {name}"
    assert set(opened) == {name}, f"sessions opened on {sorted(set(opened))}, not only {name}"


class FakeClock:
    """A monotonic clock that only moves when the session sleeps (or the test says so)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        import anyio

        self.sleeps.append(seconds)
        self.now += seconds
        await anyio.lowlevel.checkpoint()


@pytest.fixture
def fake_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """Replace the session's clock and every SDK wait with a fake, instant clock."""
    clock = FakeClock()
    monkeypatch.setattr(clock_module, "monotonic", clock.monotonic)
    monkeypatch.setattr(clock_module, "sleep", clock.sleep)
    return clock


class ManualClock:
    """A clock that moves only when the test advances it; an SDK sleep waits until then.

    Unlike :class:`FakeClock`, waits take (fake) time to end, so a test can act on calls
    while they wait: cancel them, close the session, or watch the order they go in.
    """

    def __init__(self) -> None:
        self.now = 1000.0
        self._waiting: list[tuple[float, Any]] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        import anyio

        if seconds <= 0:
            await anyio.lowlevel.checkpoint()
            return
        entry = (self.now + seconds, anyio.Event())
        self._waiting.append(entry)
        try:
            await entry[1].wait()
        finally:
            if entry in self._waiting:
                self._waiting.remove(entry)

    @property
    def sleepers(self) -> int:
        """How many waits are in progress."""
        return len(self._waiting)

    async def advance(self, seconds: float) -> None:
        """Move the clock on, wake every wait that has ended, and let the woken run."""
        import anyio

        self.now += seconds
        for entry in [e for e in self._waiting if e[0] <= self.now]:
            self._waiting.remove(entry)
            entry[1].set()
        await anyio.wait_all_tasks_blocked()


@pytest.fixture
def manual_clock(monkeypatch: pytest.MonkeyPatch) -> ManualClock:
    """Replace the session's clock with one the test moves by hand."""
    clock = ManualClock()
    monkeypatch.setattr(clock_module, "monotonic", clock.monotonic)
    monkeypatch.setattr(clock_module, "sleep", clock.sleep)
    return clock


@pytest.fixture
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record SDK waits instead of sleeping (the real clock keeps running)."""
    import anyio

    delays: list[float] = []

    async def fake(seconds: float) -> None:
        delays.append(seconds)
        await anyio.lowlevel.checkpoint()

    monkeypatch.setattr(clock_module, "sleep", fake)
    return delays


class SubclassHook:
    """A base whose subclasses run code of its own when made: row and model classes built
    on it get no subclass twin (``_slots.slot_twin``)."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)


def make_session(**kw: Any) -> session_module.LuxSci:
    args: dict[str, Any] = {"token": TOKEN, "secret": SECRET, "account": "12345"}
    args.update(kw)
    return session_module.LuxSci(**args)


def _mocked(fake: Any) -> Iterator[Any]:
    import respx

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.route().mock(side_effect=fake)
        yield fake


@pytest.fixture
def api() -> Iterator[Any]:
    """A respx-mocked LuxSci at the default host, checking every signature."""
    from .fakeapi import FakeAPI

    yield from _mocked(FakeAPI())


@pytest.fixture
def user_api() -> Iterator[Any]:
    """The same, for a user-scope session: it logs in :data:`USER` with :data:`PASSWORD`."""
    from .fakeapi import FakeAPI

    yield from _mocked(FakeAPI(user=USER, password=PASSWORD))
