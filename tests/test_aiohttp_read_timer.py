"""The aiohttp backend's read timer: one per answer, moved by the data that comes, not one
per piece of data (what the timeout means is checked on every backend in
test_http_backends.py). aiohttp runs on asyncio only, so these do too."""

from __future__ import annotations

import asyncio
import functools
from typing import Any

import pytest

from .backend_support import send, session_on
from .rawserver import response, serve

aiohttp = pytest.importorskip("aiohttp")


_READ_TIMER_CALLBACKS = ("_read_due", "_on_read_timeout")
"""The callbacks of the read timer: the backend's own, and aiohttp's."""


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_each_small_answer_takes_one_read_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    """aiohttp schedules a new read timer for each piece of data; the backend moves one."""
    from luxsci_async._aiohttp import _MovingReadTimer

    loop = asyncio.get_running_loop()
    scheduled: list[str] = []
    call_at = loop.call_at

    def counting(when: float, callback: Any, *args: Any, **kwargs: Any) -> asyncio.TimerHandle:
        scheduled.append(getattr(callback, "__name__", ""))
        return call_at(when, callback, *args, **kwargs)

    body = b'{"success":1,"data":{"x":1}}'
    with serve(lambda request: response(200, body)) as server:
        async with session_on(server, http_backend="aiohttp") as lux:
            http = lux._pipeline.http
            await send(http)  # the connection is made and pooled
            monkeypatch.setattr(loop, "call_at", counting)
            answers = [await send(http) for _ in range(5)]
            monkeypatch.undo()
            pooled = http._session.connector._conns.values()  # type: ignore[attr-defined]
            protocols = {type(protocol) for idle in pooled for protocol, _ in idle}
    assert [a.content for a in answers] == [body] * 5
    assert protocols == {_MovingReadTimer}
    assert [n for n in scheduled if n in _READ_TIMER_CALLBACKS] == ["_read_due"] * 5


def test_the_installed_aiohttp_makes_connections_as_the_moving_timer_expects() -> None:
    """An aiohttp that changes how it makes connections keeps its own timer, and this fails."""
    from luxsci_async._aiohttp import _MovingReadTimer, move_read_timers

    async def made() -> Any:
        connector = aiohttp.TCPConnector()
        try:
            return move_read_timers(connector), connector._factory
        finally:
            await connector.close()

    moved, factory = asyncio.run(made())
    assert moved is True
    assert isinstance(factory, functools.partial)
    assert factory.func is _MovingReadTimer


def test_a_connector_made_otherwise_keeps_its_own_protocol() -> None:
    from luxsci_async._aiohttp import move_read_timers

    class Other:
        pass

    async def left() -> Any:
        connector = aiohttp.TCPConnector()
        mine = functools.partial(Other)
        connector._factory = mine
        try:
            return move_read_timers(connector), connector._factory is mine
        finally:
            await connector.close()

    assert asyncio.run(left()) == (False, True)


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_a_shorter_read_timeout_is_not_left_waiting_behind_a_longer_one() -> None:
    """Data moves the deadline later; a timeout shorter than the last one's brings it nearer."""
    from luxsci_async._aiohttp import _MovingReadTimer

    loop = asyncio.get_running_loop()
    protocol = _MovingReadTimer(loop=loop)
    try:
        protocol.read_timeout = 10
        protocol.start_timeout()
        first = protocol._read_timeout_handle
        protocol.start_timeout()  # more data: the same timer, moved
        assert protocol._read_timeout_handle is first
        protocol.read_timeout = 0.05
        protocol.start_timeout()
        handle = protocol._read_timeout_handle
        assert handle is not None
        assert handle is not first
        assert first is not None
        assert first.cancelled()
        assert handle.when() <= loop.time() + 0.05
    finally:
        protocol._drop_timeout()


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_after_a_read_timeout_the_next_wait_gets_a_timer_of_its_own() -> None:
    from luxsci_async._aiohttp import _MovingReadTimer

    loop = asyncio.get_running_loop()
    protocol = _MovingReadTimer(loop=loop)
    timeouts: list[bool] = []
    protocol._on_read_timeout = lambda: timeouts.append(True)  # type: ignore[method-assign]
    try:
        protocol.read_timeout = 10
        protocol.start_timeout()
        ran = protocol._read_timeout_handle
        protocol._read_deadline = loop.time() - 1  # the deadline has passed: the timer runs
        protocol._read_due()
        assert timeouts == [True]
        protocol.start_timeout()
        assert protocol._read_timeout_handle is not None
        assert protocol._read_timeout_handle is not ran
    finally:
        protocol._drop_timeout()
        if ran is not None:
            ran.cancel()
