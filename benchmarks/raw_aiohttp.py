"""The **raw aiohttp** baseline: one ``ClientSession``, pooled keep-alive, asyncio only.

URLs are passed as ``yarl.URL(..., encoded=True)`` so aiohttp sends the path and query exactly
as they were signed, and the cookie jar is a dummy one: the signature cookie is set per request.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from yarl import URL

from .raw_client import RawClient


class AiohttpClient(RawClient):
    def __init__(self, base_url: str, token: str, secret: str, *, connections: int = 8) -> None:
        super().__init__(base_url, token, secret, connections=connections)
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        # A ClientSession must be created inside the running loop.
        if self._session is None:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                cookie_jar=aiohttp.DummyCookieJar(),
            )
        return self._session

    async def _send(
        self, method: str, target: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, bytes]:
        url: Any = URL(self._base + target, encoded=True)
        async with self._open().request(method, url, headers=headers, data=body) as response:
            return response.status, await response.read()

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
