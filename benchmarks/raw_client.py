"""The **raw** baseline: the least an httpx-based LuxSci client must do.

One ``httpx.AsyncClient`` with pooled keep-alive connections, one ``POST /auth``, each
request signed by hand (mechanics §3-4), bodies decoded with ``orjson``. No retries, no
pacing, no validation, no row objects: this is the limit the SDK is measured against.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import httpx
import orjson

PREFIX = "/perl/api/v2"


def gmt_now() -> str:
    """``through_date`` pinned to now, as the SDK pins an open report window."""
    return quote(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), safe="-._~")


class RawClient:
    def __init__(self, base_url: str, token: str, secret: str, *, connections: int = 10) -> None:
        self._token = token
        self._key = secret.encode()
        self._auth = ""
        self._http = httpx.AsyncClient(
            base_url=base_url,
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            trust_env=False,
        )

    async def __aenter__(self) -> RawClient:
        await self.authenticate()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._http.aclose()

    async def authenticate(self) -> None:
        date = int(time.time())
        message = f"{self._token}\n{date}\n".encode()
        signature = hmac.new(self._key, message, hashlib.sha256).hexdigest()
        body = orjson.dumps({"token": self._token, "date": date, "signature": signature})
        response = await self._http.post(
            PREFIX + "/auth", content=body, headers={"Content-Type": "application/json"}
        )
        self._auth = orjson.loads(response.content)["auth"]

    async def get(self, path: str, query: str = "") -> Any:
        full = PREFIX + path
        message = f"{self._auth}\nGET\n{full}\n{query}\n\n".encode()
        signature = hmac.new(self._key, message, hashlib.sha256).hexdigest()
        response = await self._http.get(
            f"{full}?{query}" if query else full,
            headers={"Cookie": f"signature={self._auth}:{signature}"},
        )
        payload = orjson.loads(response.content)
        if response.status_code != 200 or not payload.get("success"):
            raise RuntimeError(f"GET {full}: {response.status_code} {payload!r:.200}")
        return payload.get("data")

    async def pages(
        self, path: str, *, page_size: int, start_row: int = 0, concurrency: int = 8
    ) -> AsyncIterator[dict[str, Any]]:
        """Report pages in order: the first alone, then windows of ``concurrency`` pages."""
        base = f"through_date={gmt_now()}"

        async def fetch(first_row: int) -> dict[str, Any]:
            data: dict[str, Any] = await self.get(
                path, f"{base}&first_row={first_row}&matches={page_size}"
            )
            return data

        page = await fetch(start_row)
        total = page["total_rows"]
        offset = start_row + len(page["rows"])
        yield page
        while offset < total and page["rows"]:
            offsets = [offset + i * page_size for i in range(concurrency)]
            window = await asyncio.gather(*(fetch(o) for o in offsets if o < total))
            for page in window:
                offset += len(page["rows"])
                yield page

    async def dict_rows(
        self, path: str, *, page_size: int, start_row: int = 0, concurrency: int = 8
    ) -> AsyncIterator[dict[str, Any]]:
        """One plain ``dict`` per report row (what per-row work costs by itself)."""
        async for page in self.pages(
            path, page_size=page_size, start_row=start_row, concurrency=concurrency
        ):
            header = page["header"]
            for values in page["rows"]:
                yield dict(zip(header, values))
