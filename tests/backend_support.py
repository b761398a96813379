"""Helpers of the backend contract tests (``test_http_backends*.py``): a session on a raw
server, one direct ``send()``, a gate that holds a server's handlers, and waiting for a
condition that no event announces."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import anyio

from luxsci_async import LuxSci, Timeout
from luxsci_async._wire import HttpBackend, Multipart, RawResponse

from .conftest import make_session
from .rawserver import Handler, RawRequest, RawServer, serve

QUICK = Timeout(connect=1, read=0.3, write=1, pool=0.3, total=5)
"""Short timeouts for direct sends: a test that hangs fails fast."""


@asynccontextmanager
async def session_on(server: RawServer, **settings: Any) -> AsyncIterator[LuxSci]:
    async with make_session(base_url=server.base_url, **settings) as lux:
        yield lux


async def send(
    http: HttpBackend,
    method: str = "GET",
    target: str = "/perl/api/v2/x",
    *,
    content: bytes | None = None,
    files: Multipart | None = None,
    max_bytes: int = 1 << 20,
    timeouts: Timeout = QUICK,
    headers: dict[str, str] | None = None,
) -> RawResponse:
    return await http.send(
        method,
        target,
        headers=headers or {"Accept": "application/json"},
        content=content,
        files=files,
        max_bytes=max_bytes,
        timeouts=timeouts,
    )


def assert_unchained(exc: BaseException) -> None:
    """Nothing of the HTTP library's own exception (or its request) is reachable."""
    assert exc.__cause__ is None
    assert exc.__context__ is None


class Gate:
    """Holds handlers of a server until the test is done with it, then lets them go."""

    def __init__(self) -> None:
        self._open = threading.Event()

    def wait(self, seconds: float = 10) -> bool:
        return self._open.wait(seconds)

    def hang(self, request: RawRequest) -> None:
        """A handler that reads the request and never answers (it drops in the end)."""
        self.wait()

    @contextmanager
    def serve(self, handler: Handler) -> Iterator[RawServer]:
        with serve(handler) as server:
            try:
                yield server
            finally:
                self._open.set()


async def until(condition: Any, seconds: float = 5) -> None:
    with anyio.fail_after(seconds):
        while not condition():  # noqa: ASYNC110 (a server thread or the pool: no event to wait on)
            await anyio.sleep(0.005)
