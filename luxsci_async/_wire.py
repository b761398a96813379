"""What every HTTP backend hands up and how it fails, with no HTTP library imported here.

The pipeline above speaks only in these terms, so the default backend (httpx2) and the
optional fast one share one contract: the same response object, the same size cap, and
the same error classes, split by whether the request may have reached the server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NoReturn, Protocol

import attrs

from ._codings import Decoder
from ._settings import Timeout
from .errors import RequestTimeout, ResponseTooLargeError, TransportError

Multipart = list[tuple[str, tuple[str, bytes, str]]]
"""Form parts as ``(field, (file name, content, content type))``."""


@attrs.frozen
class RawResponse:
    """One HTTP response as received: status, headers (lower-case names) and the whole body."""

    status: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    content: bytes = attrs.field(repr=lambda c: f"<{len(c)} bytes>")

    def header(self, name: str) -> str | None:
        """A header's value (names are matched in lower case)."""
        return self.headers.get(name)


class SentError(TransportError):
    """Internal: the failure happened after the request may have reached the server."""


class SentTimeout(RequestTimeout, SentError):
    """A read/write timeout, or the total per-attempt deadline: the request may have arrived."""


def declared_length(length: str | None) -> int | None:
    """A ``Content-Length`` header's number of bytes, or ``None`` (absent, or not a number)."""
    if length is not None and length.isascii() and length.isdigit():
        return int(length)
    return None


def within(length: str | None, limit: int) -> bool:
    """Whether a declared ``Content-Length`` is a number of at most ``limit`` bytes."""
    size = declared_length(length)
    return size is not None and size <= limit


class BodyReader:
    """A response body as it arrives: decoded, counted against the cap, and kept.

    Made once the head is in: a declared ``Content-Length`` over the cap (of a body with no
    coding, whose length is then its decoded size) is refused before any of it is read.
    Raises :class:`~luxsci_async.ResponseTooLargeError` past ``limit`` decoded bytes, and
    :class:`~._codings.Undecodable` for a body its coding does not decode.
    """

    __slots__ = ("_chunks", "_decoder", "_limit", "_method", "_size", "_status", "_target")

    def __init__(
        self,
        limit: int,
        method: str,
        target: str,
        status: int,
        *,
        encoding: str | None,
        length: str | None,
    ) -> None:
        self._limit, self._size = limit, 0
        self._method, self._target, self._status = method, target, status
        self._chunks: list[bytes] = []
        self._decoder = None if encoding is None else Decoder(encoding)
        if encoding is None and (size := declared_length(length)) is not None and size > limit:
            self._refuse()

    def feed(self, chunk: bytes) -> None:
        """Take the next chunk as received."""
        if self._decoder is None:
            self._keep(chunk)
        else:
            for piece in self._decoder.decode(chunk):
                self._keep(piece)

    def content(self) -> bytes:
        """The whole decoded body, once the last chunk was fed."""
        if self._decoder is not None:
            for piece in self._decoder.flush():
                self._keep(piece)
        chunks = self._chunks
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def _keep(self, piece: bytes) -> None:
        self._size += len(piece)
        if self._size > self._limit:
            self._refuse()
        self._chunks.append(piece)

    def _refuse(self) -> NoReturn:
        raise ResponseTooLargeError(
            f"the response body exceeds max_response_bytes ({self._limit} bytes); "
            "it was not read further",
            status=self._status,
            method=self._method,
            path=self._target.split("?", 1)[0],
            limit=self._limit,
        )


class HttpBackend(Protocol):
    """One pooled HTTP client of a session."""

    async def send(
        self,
        method: str,
        target: str,
        *,
        headers: Mapping[str, str],
        content: bytes | None,
        files: Multipart | None,
        max_bytes: int,
        timeouts: Timeout,
    ) -> RawResponse:
        """Send a request whose path and query are encoded exactly as signed.

        ``timeouts`` bound each phase and, with ``total``, the whole attempt.

        Raises :class:`~luxsci_async.ConnectError` or :class:`~luxsci_async.RequestTimeout`
        when nothing was sent, :class:`SentError` when the request may have arrived, and
        :class:`~luxsci_async.ResponseTooLargeError` past ``max_bytes`` of decoded body.
        Never follows a redirect. No error it raises chains the library's own exception,
        which would keep the request (and its signed cookie or login body) reachable.
        """
        ...

    async def aclose(self) -> None:
        """Close every connection."""
        ...

    def checked_out_connections(self) -> int:
        """Connections currently in use (for leak checks in tests)."""
        ...
