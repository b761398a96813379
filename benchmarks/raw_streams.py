"""The **raw asyncio streams** baseline: the transport limit, HTTP/1.1 written by hand.

A pool of ``asyncio.open_connection`` streams kept alive; each request is written as one
buffer and its response read by ``Content-Length``. Signing and JSON are as in every other
baseline. Nothing a real client needs beyond that (chunked bodies, redirects, timeouts), so
no Python HTTP client can be faster: this is what the transport itself allows.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from .raw_client import RawClient

_Stream = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class StreamsClient(RawClient):
    def __init__(self, base_url: str, token: str, secret: str, *, connections: int = 8) -> None:
        super().__init__(base_url, token, secret, connections=connections)
        parts = urlsplit(base_url)
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80
        self._host_header = parts.netloc.encode()
        self._pool: asyncio.LifoQueue[_Stream | None] | None = None
        self._open: list[_Stream] = []

    def _slots(self) -> asyncio.LifoQueue[_Stream | None]:
        if self._pool is None:  # created in the running loop
            self._pool = asyncio.LifoQueue()
            for _ in range(self._connections):
                self._pool.put_nowait(None)  # a free slot without a connection yet
        return self._pool

    async def _send(
        self, method: str, target: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, bytes]:
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self._host_header.decode()}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")
        pool = self._slots()
        stream = await pool.get()
        try:
            if stream is None:
                stream = await asyncio.open_connection(self._host, self._port)
                self._open.append(stream)
            reader, writer = stream
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            lower = head.lower()
            at = lower.find(b"\r\ncontent-length:")
            if at < 0:
                raise RuntimeError("a response without Content-Length")
            length = int(head[at + 17 : lower.find(b"\r\n", at + 2)])
            content = await reader.readexactly(length)
            if b"\r\nconnection: close" in lower:
                self._open.remove(stream)
                writer.close()
                stream = None
        except BaseException:
            if stream is not None:
                self._open.remove(stream)
                stream[1].close()
            pool.put_nowait(None)
            raise
        pool.put_nowait(stream)
        return status, content

    async def aclose(self) -> None:
        for _, writer in self._open:
            writer.close()
        for _, writer in self._open:
            await writer.wait_closed()
        self._open.clear()
