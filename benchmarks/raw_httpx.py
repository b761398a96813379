"""The **raw httpx** and **raw httpx2** baselines: one ``AsyncClient``, pooled keep-alive.

httpx2 has httpx's API, so one class serves both; the module is chosen by name.
"""

from __future__ import annotations

import importlib
from typing import Any

from .raw_client import RawClient


class HttpxClient(RawClient):
    def __init__(
        self,
        base_url: str,
        token: str,
        secret: str,
        *,
        module: str = "httpx2",
        connections: int = 8,
    ) -> None:
        super().__init__(base_url, token, secret, connections=connections)
        httpx: Any = importlib.import_module(module)
        self._http = httpx.AsyncClient(
            base_url=base_url,
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            trust_env=False,
        )

    async def _send(
        self, method: str, target: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, bytes]:
        response = await self._http.request(method, target, headers=headers, content=body)
        return response.status_code, response.content

    async def aclose(self) -> None:
        await self._http.aclose()
