"""Real sockets on loopback: cancellation leaves the pool healthy; concurrency is capped."""

from __future__ import annotations

import random
from collections.abc import Iterator

import anyio
import pytest

from luxsci_async import RequestTimeout, SessionClosedError, Timeout

from .conftest import every_http_backend, make_session
from .loopback import serve

pytestmark = [pytest.mark.anyio, every_http_backend]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve() as url:
        yield url


async def test_cancelled_calls_leave_no_connection_checked_out(server: str) -> None:
    async with make_session(base_url=server, max_concurrency=8) as lux:
        rng = random.Random(7)

        async def call(i: int) -> None:
            with anyio.move_on_after(rng.uniform(0, 0.05) if i % 2 else 5):
                await lux.request("GET", "/x", params={"delay": rng.uniform(0, 0.03)})

        async with anyio.create_task_group() as tg:
            for i in range(200):
                tg.start_soon(call, i)
        await anyio.sleep(0.05)
        assert lux._pipeline.http.checked_out_connections() == 0
        # and the session still serves
        assert await lux.request("GET", "/x") == "ok"


async def test_in_flight_requests_are_capped(server: str) -> None:
    peak = 0
    async with make_session(base_url=server, max_concurrency=3) as lux:
        original = lux._pipeline.http.send

        async def counting(*args: object, **kw: object):  # type: ignore[no-untyped-def]
            nonlocal peak
            peak = max(peak, lux._pipeline.http.checked_out_connections() + 1)
            return await original(*args, **kw)  # type: ignore[arg-type]

        lux._pipeline.http.send = counting  # type: ignore[method-assign]
        async with anyio.create_task_group() as tg:
            for _ in range(30):
                tg.start_soon(lambda: lux.request("GET", "/x", params={"delay": 0.01}))
    assert 1 <= peak <= 3


async def test_a_hanging_server_is_cut_off_by_the_timeout(server: str) -> None:
    async with make_session(
        base_url=server, timeout=Timeout(read=0.2, connect=1), max_retries=0
    ) as lux:
        with pytest.raises(RequestTimeout):
            await lux.request("GET", "/x", params={"delay": -1})


async def test_closing_with_calls_in_flight(server: str) -> None:
    lux = make_session(base_url=server)
    errors: list[BaseException] = []

    async def call() -> None:
        try:
            await lux.request("GET", "/x", params={"delay": 0.5})
        except Exception as exc:
            errors.append(exc)

    async with anyio.create_task_group() as tg:
        for _ in range(5):
            tg.start_soon(call)
        await anyio.sleep(0.1)
        await lux.aclose()
    assert len(errors) == 5
    assert all(isinstance(e, SessionClosedError) for e in errors), errors
    with pytest.raises(SessionClosedError):
        await lux.request("GET", "/x")
