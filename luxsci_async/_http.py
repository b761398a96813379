"""The default HTTP backend, and the only module that imports ``httpx2``.

It turns the pipeline's already-encoded requests into ``httpx2`` requests on one pooled
client, reads each body under the session's size cap, and maps every ``httpx2`` failure
onto the SDK's error classes without chaining it (its ``request`` holds the signed cookie
or the login body).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import ssl
from collections.abc import AsyncIterator, Mapping
from typing import Any

import anyio
import httpx2

from ._codings import Undecodable
from ._proxy import ProxyURL
from ._settings import Timeout
from ._wire import BodyReader, Multipart, RawResponse, SentError, SentTimeout
from .errors import (
    ConfigurationError,
    ConnectError,
    RequestTimeout,
    ResponseTooLargeError,
    TransportError,
)

Transport = httpx2.AsyncBaseTransport
"""What ``LuxSci(transport=...)`` takes: an ``httpx2`` transport (a mock, an ASGI app, ...)."""

_IDENTITY = {"Accept-Encoding": "identity"}


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The verifying TLS context of the default backend, for the others to share.

    The system's trust store; nothing (no ``SSL_CERT_FILE``) taken from the environment.
    Made once (loading the trust store takes milliseconds) and shared by every session.
    """
    return httpx2.create_ssl_context(trust_env=False)


def asgi_transport(app: Any) -> Transport:
    """A transport that calls an ASGI app in-process (no sockets), e.g. the emulator."""
    return httpx2.ASGITransport(app=app)


class HttpxBackend:
    """One pooled ``httpx2.AsyncClient`` for a session."""

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout,
        max_connections: int,
        transport: Transport | None = None,
        http2: bool = False,
        proxy: ProxyURL | None = None,
        trust_env: bool = False,
    ) -> None:
        origin = httpx2.URL(base_url)
        self._scheme = origin.scheme
        self._host = origin.host
        self._port = origin.port
        if http2 and importlib.util.find_spec("h2") is None:
            raise ConfigurationError(
                "http2=True needs the http2 extra: pip install 'luxsci-async[http2]'"
            )
        given: object = transport  # typed, but callers' types are not checked at run time
        if given is not None and not isinstance(given, httpx2.AsyncBaseTransport):
            # httpx2 would only fail on the first request, on an assert deep inside it.
            kind = type(given)
            raise ConfigurationError(
                "transport must be an httpx2.AsyncBaseTransport (an async httpx2 transport,"
                f" not one of httpx's or a sync one), got {kind.__module__}.{kind.__qualname__}"
            )
        if proxy is not None and transport is not None:
            # httpx2 would mount the proxy over every URL, bypassing the given transport.
            raise ConfigurationError("proxy and transport exclude each other: give one")
        try:
            self._client = httpx2.AsyncClient(
                timeout=_phases(timeout),
                limits=httpx2.Limits(
                    max_connections=max_connections, max_keepalive_connections=max_connections
                ),
                # A redirect would carry the signature cookie to another URL: never follow one.
                follow_redirects=False,
                transport=transport,
                http2=http2,
                proxy=None if proxy is None else proxy.reveal(),
                # Off unless asked: HTTPS_PROXY, NO_PROXY and the CA bundle variables.
                trust_env=trust_env,
            )
        except ImportError:  # a socks5:// proxy without socksio
            raise ConfigurationError(
                f"proxy {proxy} needs socksio: pip install 'httpx2[socks]'"
            ) from None

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
        url = httpx2.URL(
            scheme=self._scheme, host=self._host, port=self._port, raw_path=target.encode("ascii")
        )
        all_headers = {**_IDENTITY, **headers}
        if files is not None:
            request = httpx2.Request(method, url, headers=all_headers, files=files)
        else:
            request = httpx2.Request(method, url, headers=all_headers, content=content)
        request.extensions["timeout"] = _phases(timeouts).as_dict()
        failure: TransportError | None = None
        try:
            with anyio.move_on_after(timeouts.total):
                return await self._exchange(request, method, target, max_bytes)
        except httpx2.TimeoutException as exc:
            sent = not isinstance(exc, (httpx2.ConnectTimeout, httpx2.PoolTimeout))
            cls = SentTimeout if sent else RequestTimeout
            failure = cls(f"{type(exc).__name__}: the server did not answer in time")
        except httpx2.ConnectError as exc:
            failure = ConnectError(f"could not connect: {_reason(exc)}")
        except httpx2.ProxyError as exc:  # the proxy refused the tunnel: nothing reached LuxSci
            failure = ConnectError(f"the proxy refused the connection: {_reason(exc)}")
        except (httpx2.RemoteProtocolError, httpx2.ReadError, httpx2.WriteError) as exc:
            failure = SentError(f"connection lost: {_reason(exc)}")
        except httpx2.HTTPError as exc:  # anything else httpx2 raises is below HTTP
            failure = SentError(f"{type(exc).__name__}: {_reason(exc)}")
        except Undecodable as exc:
            failure = SentError(f"DecodingError: {exc}")
        if failure is None:  # the deadline passed: move_on_after ended the attempt
            failure = SentTimeout(
                f"the attempt took longer than the total timeout ({timeouts.total} s)"
            )
        # Raised here, outside the handlers, so that neither __cause__ nor __context__
        # keeps httpx2's exception and the request it holds.
        raise failure

    async def _exchange(
        self, request: httpx2.Request, method: str, target: str, max_bytes: int
    ) -> RawResponse:
        response = await self._client.send(request, stream=True)
        try:
            # A transport may hand the body over already read, and decoded by httpx2
            # (httpx2.MockTransport does); otherwise the raw bytes are decoded by BodyReader:
            # decoding inside httpx2's iterator would leave its inner generators suspended
            # when a body fails to decode.
            decoded = response.is_stream_consumed
            body = BodyReader(
                max_bytes,
                method,
                target,
                response.status_code,
                encoding=None if decoded else response.headers.get("content-encoding"),
                length=response.headers.get("content-length"),
            )
            chunks = response.aiter_bytes() if decoded else response.aiter_raw()
            try:
                async for chunk in chunks:
                    body.feed(chunk)
                content = body.content()
            except (ResponseTooLargeError, Undecodable):
                await _abandon(response, chunks)
                raise
        finally:
            await response.aclose()
        return RawResponse(
            status=response.status_code, headers=dict(response.headers), content=content
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    def checked_out_connections(self) -> int:
        # A proxy's connections live in its own mounted transport, beside the direct pool.
        transports = [self._client._transport, *self._client._mounts.values()]
        pools = [getattr(transport, "_pool", None) for transport in transports]
        connections = [conn for pool in pools if pool is not None for conn in pool.connections]
        return sum(1 for conn in connections if not conn.is_idle())


def _phases(timeout: Timeout) -> httpx2.Timeout:
    return httpx2.Timeout(
        connect=timeout.connect, read=timeout.read, write=timeout.write, pool=timeout.pool
    )


async def _abandon(response: httpx2.Response, body: AsyncIterator[bytes]) -> None:
    """Stop reading a body half-way and leave no generator of httpx2's suspended.

    Closing the response first ends the stream beneath, so the iteration ends at once
    with an error instead of reading on; running it to that end finishes every nested
    generator now, rather than leaving them to the garbage collector (which trio reports).
    """
    await response.aclose()
    with contextlib.suppress(httpx2.HTTPError, RuntimeError):
        async for _ in body:
            pass


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
