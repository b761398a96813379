"""The optional fast HTTP backend (asyncio only), and the only module that imports ``aiohttp``.

It meets the contract of :mod:`._wire` as the default backend does: the path and query go
out exactly as signed, redirects come back as responses, the body is read (and decoded, by
this module: aiohttp's own decoding is off) under the session's size cap, and every aiohttp
failure becomes one of the SDK's error classes without being chained (its request info
holds the signed cookie or the login body).
"""

from __future__ import annotations

import binascii
import functools
import os
import re
import ssl
import time
from collections.abc import Collection, Mapping

import aiohttp
from aiohttp.client_proto import ResponseHandler
from yarl import URL

from ._codings import Undecodable
from ._runtime import NO_LIBRARY, running_library
from ._settings import Timeout
from ._wire import BodyReader, Multipart, RawResponse, SentError, SentTimeout, within
from .errors import ConfigurationError, ConnectError, RequestTimeout, TransportError

_IDENTITY = {"Accept-Encoding": "identity"}


def require_asyncio() -> None:
    """Refuse, with a clear error, to run the aiohttp backend outside asyncio."""
    library = running_library()
    if library != "asyncio":
        raise ConfigurationError(
            f"http_backend='aiohttp' runs on asyncio only, not on {library}; "
            "leave http_backend unset (httpx2, which also runs on trio)"
        )


class AiohttpBackend:
    """One pooled ``aiohttp.ClientSession`` for a session, made on first use in its loop.

    Args:
        base_url: the origin; every target is appended to it as it is.
        timeout: the session's timeouts (the first of the per-call ones it converts).
        max_connections: the pool's size.
        tls: the verifying TLS context for an ``https`` origin (``None`` for plain http).
    """

    def __init__(
        self,
        *,
        base_url: str,
        timeout: Timeout,
        max_connections: int,
        tls: ssl.SSLContext | None,
    ) -> None:
        self._base = base_url
        self._limit = max_connections
        self._tls = tls
        self._session: aiohttp.ClientSession | None = None
        self._phases: dict[Timeout, aiohttp.ClientTimeout] = {}
        self._phases_of(timeout)
        self._closed = False
        if running_library() != NO_LIBRARY:  # made in a loop: refuse trio now, not at a call
            require_asyncio()

    def _open(self) -> aiohttp.ClientSession:
        require_asyncio()
        if self._closed:
            raise ConnectError("the HTTP client is closed")
        connector = aiohttp.TCPConnector(limit=self._limit, limit_per_host=0, ssl=self._tls or True)
        move_read_timers(connector)
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            skip_auto_headers=("User-Agent",),  # the default backend sends none either
            # Bodies are decoded here, piece by piece under the size cap.
            auto_decompress=False,
            # No proxy, .netrc or CA bundle from the environment (a proxy setting, when
            # the session has one, is given here explicitly).
            trust_env=False,
        )
        # aiohttp resends an idempotent request once by itself after a dropped connection;
        # the pipeline decides retries (and counts them against the rate budget).
        session._retry_connection = False
        self._session = session
        return session

    def _phases_of(self, timeout: Timeout) -> aiohttp.ClientTimeout:
        phases = self._phases.get(timeout)
        if phases is None:
            # aiohttp has no pool or write timeout of its own: ``connect`` covers the wait
            # for a pooled connection and connecting, ``sock_connect`` connecting alone, and
            # ``sock_read`` (between received bytes) also runs while the body is written.
            # ``total`` is aiohttp's own deadline over the whole exchange, body included: a
            # timer per request, where an anyio cancel scope costs several times more.
            phases = aiohttp.ClientTimeout(
                total=timeout.total,
                connect=timeout.pool + timeout.connect,
                sock_connect=timeout.connect,
                sock_read=timeout.read,
                ceil_threshold=float("inf"),  # timeouts as given, not rounded up to seconds
            )
            self._phases[timeout] = phases
        return phases

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
        session = self._session or self._open()
        # encoded=True: yarl keeps the path and query byte for byte as they were signed.
        url = URL(self._base + target, encoded=True)
        all_headers = {**_IDENTITY, **headers}
        data: bytes | None = content
        if files is not None:
            all_headers["Content-Type"], data = _multipart(files)
        failure: TransportError
        try:
            async with session.request(
                method,
                url,
                headers=all_headers,
                data=data,
                # A redirect would carry the signature cookie to another URL: never follow one.
                allow_redirects=False,
                timeout=self._phases_of(timeouts),
            ) as response:
                # Leaving this block early (the cap, a failure, a cancellation) releases the
                # connection, and aiohttp closes it when part of the body is still unread.
                received = _headers(response.headers.items())
                encoding = received.get("content-encoding")
                length = received.get("content-length")
                if encoding is None and within(length, max_bytes):
                    content = await response.read()  # a body of known length: one read
                else:
                    body = BodyReader(
                        max_bytes,
                        method,
                        target,
                        response.status,
                        encoding=encoding,
                        length=length,
                    )
                    stream = response.content
                    while chunk := await stream.readany():
                        body.feed(chunk)
                    content = body.content()
            return RawResponse(status=response.status, headers=received, content=content)
        except aiohttp.ConnectionTimeoutError:  # connecting, or waiting for the pool
            failure = RequestTimeout("ConnectTimeout: the server did not answer in time")
        except aiohttp.SocketTimeoutError:
            failure = SentTimeout("ReadTimeout: the server did not answer in time")
        except TimeoutError:  # aiohttp's total deadline, once the request was on its way
            failure = SentTimeout(
                f"the attempt took longer than the total timeout ({timeouts.total} s)"
            )
        except aiohttp.ClientConnectorError as exc:
            failure = ConnectError(f"could not connect: {_reason(exc)}")
        except aiohttp.ClientResponseError as exc:  # an answer that is not HTTP
            failure = SentError(f"{type(exc).__name__}: {exc.message or exc.status}")
        except (aiohttp.ClientError, OSError) as exc:
            failure = SentError(f"connection lost: {_reason(exc)}")
        except Undecodable as exc:
            failure = SentError(f"DecodingError: {exc.args[0]}")
        # Raised here, outside the handlers, so that neither __cause__ nor __context__
        # keeps aiohttp's exception and the request it describes.
        raise failure

    async def aclose(self) -> None:
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    def checked_out_connections(self) -> int:
        if self._session is None:
            return 0
        connector = self._session.connector
        acquired = getattr(connector, "_acquired", ())
        return len(acquired)


_CLOCK_SLACK = time.get_clock_info("monotonic").resolution
"""How early asyncio may run a timer (it runs those due within the clock's resolution)."""


class _MovingReadTimer(ResponseHandler):
    """aiohttp's connection protocol, its ``sock_read`` timer moved rather than replaced.

    aiohttp cancels that timer and schedules a new one for each piece of data received: on
    a small GET that is two timers (and their heap upkeep), a tenth of raw aiohttp's whole
    exchange (``benchmarks/README.md``). Here data only moves the deadline; the one timer,
    run before it, sleeps again until it. The timeout is the same: ``sock_read`` seconds
    without data, measured from each piece received.
    """

    _read_deadline = 0.0

    def _reschedule_timeout(self) -> None:
        timeout = self._read_timeout
        if not timeout:
            self._drop_timeout()
            return
        deadline = self._read_deadline = self._loop.time() + timeout
        handle = self._read_timeout_handle
        # A timer set for later than the new deadline (a timeout shorter than the last
        # one's) is replaced; one set for earlier wakes and sleeps again.
        if handle is None or handle.when() > deadline:
            if handle is not None:
                handle.cancel()
            self._read_timeout_handle = self._loop.call_at(deadline, self._read_due)

    def _read_due(self) -> None:
        if self._loop.time() + _CLOCK_SLACK < self._read_deadline:  # data came meanwhile
            self._read_timeout_handle = self._loop.call_at(self._read_deadline, self._read_due)
        else:
            self._read_timeout_handle = None  # it ran: a later deadline needs a new one
            self._on_read_timeout()


_READ_TIMER_PARTS = ("_reschedule_timeout", "_drop_timeout", "_on_read_timeout", "start_timeout")
_READ_TIMER_STATE = ("_read_timeout", "_read_timeout_handle", "_loop")


def move_read_timers(connector: aiohttp.TCPConnector) -> bool:
    """Give ``connector`` the :class:`_MovingReadTimer` protocol, where this aiohttp makes
    its connections as the class expects (else it keeps aiohttp's own); whether it did."""
    factory = getattr(connector, "_factory", None)
    if not (
        isinstance(factory, functools.partial)
        and factory.func is ResponseHandler
        and all(callable(getattr(ResponseHandler, name, None)) for name in _READ_TIMER_PARTS)
    ):
        return False
    probe = factory()  # not connected: only its attributes are read
    if not all(hasattr(probe, name) for name in _READ_TIMER_STATE):
        return False
    protocol: type[ResponseHandler] = _MovingReadTimer
    connector._factory = functools.partial(protocol, *factory.args, **factory.keywords)
    return True


def _headers(items: Collection[tuple[str, str]]) -> dict[str, str]:
    """Lower-case names; a repeated header's values joined with ``", "``, as httpx2 does."""
    received = {name.lower(): value for name, value in items}
    if len(received) == len(items):
        return received
    received = {}
    for name, value in items:
        key = name.lower()
        received[key] = f"{received[key]}, {value}" if key in received else value
    return received


_FORM_ESCAPES = {'"': "%22", "\\": "\\\\"} | {chr(c): f"%{c:02X}" for c in range(0x20) if c != 0x1B}
_FORM_ESCAPE = re.compile("|".join(re.escape(c) for c in _FORM_ESCAPES))


def _form_param(name: str, value: str) -> str:
    return f'{name}="{_FORM_ESCAPE.sub(lambda m: _FORM_ESCAPES[m.group(0)], value)}"'


def _multipart(files: Multipart) -> tuple[str, bytes]:
    """``(Content-Type, body)`` of a ``multipart/form-data`` request, laid out as httpx2 does."""
    boundary = binascii.hexlify(os.urandom(16))
    parts: list[bytes] = []
    for field, (filename, payload, content_type) in files:
        head = (
            f"Content-Disposition: form-data; {_form_param('name', field)}; "
            f"{_form_param('filename', filename)}\r\nContent-Type: {content_type}\r\n\r\n"
        )
        parts += [b"--", boundary, b"\r\n", head.encode(), payload, b"\r\n"]
    parts += [b"--", boundary, b"--\r\n"]
    return f"multipart/form-data; boundary={boundary.decode()}", b"".join(parts)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
