"""What every hand-written async baseline does the same way: signing, auth, JSON and paging.

Each baseline (``raw_httpx``, ``raw_aiohttp``, ``raw_streams``) is this class plus one
transport method, so they differ only in the HTTP library. Like the SDK they send one
``POST /auth``, sign each request with HMAC-SHA256 over
``auth\\nMETHOD\\nPATH\\nQUERY\\nBODYHASH\\n`` (the same message and key as
``luxsci_async._signing``, written out again here as a user would), send the code and
signature as the ``signature`` cookie, and decode bodies with ``orjson``. No retries, pacing,
validation or row objects: this is the least a LuxSci client must do.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import orjson

PREFIX = "/perl/api/v2"
JSON = "application/json"


def gmt_now() -> str:
    """``through_date`` pinned to now, as the SDK pins an open report window."""
    return quote(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), safe="-._~")


def auth_body(token: str, key: bytes) -> bytes:
    """The ``POST /auth`` body: token, Unix date and their HMAC."""
    date = int(time.time())
    signature = hmac.new(key, f"{token}\n{date}\n".encode(), hashlib.sha256).hexdigest()
    return orjson.dumps({"token": token, "date": date, "signature": signature})


def signed_cookie(key: bytes, auth: str, method: str, path: str, query: str) -> str:
    """The ``Cookie`` header of a body-less request (the body hash is then empty)."""
    message = f"{auth}\n{method}\n{path}\n{query}\n\n".encode()
    signature = hmac.new(key, message, hashlib.sha256).hexdigest()
    return f"signature={auth}:{signature}"


class RawClient:
    """One pooled keep-alive client; subclasses provide :meth:`_send`."""

    def __init__(self, base_url: str, token: str, secret: str, *, connections: int = 8) -> None:
        self._base = base_url
        self._token = token
        self._key = secret.encode()
        self._connections = connections
        self._auth = ""

    async def _send(
        self, method: str, target: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, bytes]:
        """Send one request for ``target`` (path and query, as signed); return status, body."""
        raise NotImplementedError

    async def aclose(self) -> None:
        """Close the connection pool."""

    async def __aenter__(self) -> RawClient:
        await self.authenticate()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def authenticate(self) -> None:
        body = auth_body(self._token, self._key)
        status, content = await self._send("POST", PREFIX + "/auth", {"Content-Type": JSON}, body)
        if status >= 300:
            raise RuntimeError(f"POST /auth: {status} {content[:200]!r}")
        self._auth = orjson.loads(content)["auth"]

    async def get(self, path: str, query: str = "") -> Any:
        full = PREFIX + path
        headers = {
            "Accept": JSON,
            "Cookie": signed_cookie(self._key, self._auth, "GET", full, query),
        }
        status, content = await self._send(
            "GET", f"{full}?{query}" if query else full, headers, None
        )
        payload = orjson.loads(content)
        if status != 200 or not payload.get("success"):
            raise RuntimeError(f"GET {full}: {status} {payload!r:.200}")
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
