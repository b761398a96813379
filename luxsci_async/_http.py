"""The only module that imports ``httpx``.

Everything above it speaks in plain bytes, strings and :class:`RawResponse`, so moving to
another HTTP client (httpx2, say) is a change to this file alone. Transport failures are
mapped here, once, onto the SDK's error classes, split by whether the request may have
reached the server.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import anyio
import attrs
import httpx

from .errors import ConfigurationError, ConnectError, RequestTimeout, TransportError

Transport = httpx.AsyncBaseTransport
"""A pluggable transport (e.g. :func:`asgi_transport` or a respx mock)."""


@attrs.frozen(kw_only=True)
class Timeout:
    """Timeouts in seconds.

    ``connect``, ``read`` (between received bytes), ``write`` and ``pool`` (waiting for a
    connection) bound each phase; ``total`` bounds one whole attempt, so a server that
    dribbles its answer faster than ``read`` is still cut off (``None``: no overall limit).
    """

    connect: float = 5.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 30.0
    total: float | None = 300.0


@attrs.frozen
class RawResponse:
    """What the transport hands back: status, the header we read, and the whole body."""

    status: int
    content: bytes
    retry_after: str | None


class SentError(TransportError):
    """Internal: the failure happened after the request may have reached the server."""


def asgi_transport(app: Any) -> Transport:
    """A transport that calls an ASGI app in-process (no sockets), e.g. the emulator."""
    return httpx.ASGITransport(app=app)


class HttpClient:
    """One pooled ``httpx.AsyncClient`` for a session."""

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout,
        max_connections: int,
        verify: bool = True,
        transport: Transport | None = None,
        http2: bool = False,
    ) -> None:
        self._total = timeout.total
        origin = httpx.URL(base_url)
        self._scheme = origin.scheme
        self._host = origin.host
        self._port = origin.port
        if http2:
            import importlib.util

            if importlib.util.find_spec("h2") is None:
                raise ConfigurationError(
                    "http2=True needs the http2 extra: pip install 'luxsci-async[http2]'"
                )
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=timeout.connect, read=timeout.read, write=timeout.write, pool=timeout.pool
            ),
            limits=httpx.Limits(
                max_connections=max_connections, max_keepalive_connections=max_connections
            ),
            # A redirect would carry the signature cookie to another URL: never follow one.
            follow_redirects=False,
            verify=verify,
            transport=transport,
            http2=http2,
            trust_env=False,
        )

    async def send(
        self,
        method: str,
        raw_target: str,
        *,
        headers: Mapping[str, str],
        content: bytes | None = None,
        files: list[tuple[str, tuple[str, bytes, str]]] | None = None,
    ) -> RawResponse:
        """Send one request whose path and query are already encoded exactly as signed."""
        url = httpx.URL(
            scheme=self._scheme,
            host=self._host,
            port=self._port,
            raw_path=raw_target.encode("ascii"),
        )
        if files is not None:
            request = httpx.Request(method, url, headers=headers, files=files)
        else:
            request = httpx.Request(method, url, headers=headers, content=content)
        try:
            return await self._exchange(request)
        except BaseException:
            # An error's chain keeps the request: it must not carry the signature cookie.
            request.headers.pop("cookie", None)
            raise

    async def _exchange(self, request: httpx.Request) -> RawResponse:
        try:
            with anyio.move_on_after(self._total) as deadline:
                response = await self._client.send(request)
                try:
                    body = await response.aread()
                finally:
                    await response.aclose()
            if deadline.cancelled_caught:
                raise _SentTimeout(
                    f"the attempt took longer than the total timeout ({self._total} s)"
                )
        except httpx.TimeoutException as exc:
            sent = not isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout))
            kind = type(exc).__name__
            cls = _SentTimeout if sent else RequestTimeout
            raise cls(f"{kind}: the server did not answer in time") from exc
        except httpx.ConnectError as exc:
            raise ConnectError(f"could not connect: {_reason(exc)}") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise SentError(f"connection lost: {_reason(exc)}") from exc
        except httpx.HTTPError as exc:  # anything else httpx raises is below HTTP
            raise SentError(f"{type(exc).__name__}: {_reason(exc)}") from exc
        return RawResponse(
            status=response.status_code,
            content=body,
            retry_after=response.headers.get("retry-after"),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    def checked_out_connections(self) -> int:
        """Connections currently in use (for leak checks in tests)."""
        pool = getattr(self._client._transport, "_pool", None)
        if pool is None:
            return 0
        return sum(1 for conn in pool.connections if not conn.is_idle())


class _SentTimeout(RequestTimeout, SentError):
    """A read/write timeout: the request may have reached the server."""


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
