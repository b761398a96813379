"""The lean benchmark server: ``python -m benchmarks.lean_server --rows N [--port P]``.

A bare ``asyncio.Protocol`` speaking just enough HTTP/1.1 (keep-alive, ``Content-Length``
bodies, pipelining tolerated) and just enough LuxSci for the benchmarks, so that the server's
CPU per request stays far below any client's (the embedded emulator, served by uvicorn,
spends more per request than a fast client does, and would hide the client's own cost):

- ``POST /perl/api/v2/auth``: the emulator's own handshake check (token, date, HMAC);
- ``GET`` of each user's profile: the emulator's body, pre-encoded;
- ``GET`` of the account delivery report: any ``first_row``/``matches`` window and the date
  filters, checked with the emulator's own rules, served from pre-encoded rows.

Every signed request's ``signature`` cookie is verified (one HMAC, no parsing beyond
finding the cookie); anything else is a 404. Data comes from the emulator (see
``benchmarks.lean_data``). Prints the same credential lines as ``python -m
luxsci_async.testing``, then serves until terminated.
"""

from __future__ import annotations

import argparse
import asyncio
import binascii
import gc
import hmac
import importlib.util
import signal
import socket
import sys
from collections.abc import Sequence
from typing import Any

import orjson

from luxsci_async._assumptions import (
    API_PREFIX,
    AUTH_CREATED_STATUS,
    AUTH_PATH,
    ENVELOPE_ERROR_MESSAGE,
    ENVELOPE_SUCCESS,
    REPORT_DATE_PARAMS,
    SIGNATURE_COOKIE,
)
from luxsci_async.testing._auth import AuthFailure
from luxsci_async.testing._reports import BadReportQuery, ReportData
from luxsci_async.testing._validate import BadInput, paging, parse_query

from .lean_data import LeanData, load, report_path

_REASONS = {
    200: b"OK",
    201: b"Created",
    400: b"Bad Request",
    401: b"Unauthorized",
    404: b"Not Found",
}
_COOKIE = b"\r\ncookie:"
_LENGTH = b"\r\ncontent-length:"
_CLOSE = b"\r\nconnection: close"
_SIGNATURE = SIGNATURE_COOKIE.encode() + b"="
_SEEN_MAX = 100_000


def _head(status: int, length: int, close: bool = False) -> bytes:
    return b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n" % (
        status,
        _REASONS[status],
        length,
        b"Connection: close\r\n" if close else b"",
    )


def _failure(message: str) -> bytes:
    return orjson.dumps({ENVELOPE_SUCCESS: 0, ENVELOPE_ERROR_MESSAGE: message})


class Service:
    """The routes, credentials and pre-encoded answers (one per server, shared by connections)."""

    def __init__(self, data: LeanData) -> None:
        self.data = data
        emu = data.emulator
        self._auth = emu.app.auth
        self._key = emu.secret.encode()
        self._codes: set[bytes] = set()
        self._seen: set[bytes] = set()
        self.replay: dict[bytes, bytes] = {}
        """Whole request bytes -> the response they got (see :meth:`remember`)."""
        self._auth_path = (API_PREFIX + AUTH_PATH).encode()
        self._report_path = (API_PREFIX + report_path(emu.account)).encode()
        self._profiles = {
            path.encode(): _head(200, len(body)) + body for path, body in data.profiles.items()
        }
        self._report = ReportData(seed=emu.config.seed, rows=data.rows)
        self._prefix = b'{"success":1,"data":{"header":%s,"rows":[' % orjson.dumps(data.header)
        self._windows: dict[tuple[tuple[str, str], ...], tuple[int, int]] = {}

    def answer(self, method: bytes, target: bytes, cookie: bytes, body: bytes) -> bytes:
        """The complete response (head and body) to one request; ``cookie`` is its header."""
        path, _, query = target.partition(b"?")
        if path == self._auth_path and method == b"POST":
            return self._handshake(body)
        if method != b"GET":
            return self._fail(404, "not found")
        profile = self._profiles.get(path)
        if profile is None and path != self._report_path:
            return self._fail(404, "not found")
        if not self._verified(method, target, path, query, cookie):
            return self._fail(401, "bad signature")
        if profile is not None:
            return profile
        return self._page(query.decode("latin-1"))

    def remember(self, request: bytes, target: bytes, response: bytes) -> None:
        """Keep the answer to a whole, keep-alive profile request, to replay it byte for byte.

        A profile never changes and codes never expire here, so the same request bytes (same
        path, same signed cookie) always get the same answer: the common case of the GET
        benchmark then costs one dictionary lookup instead of parsing and an HMAC.
        """
        if response is self._profiles.get(target):  # the profile itself: verified, answered
            if len(self.replay) >= _SEEN_MAX:
                self.replay.clear()
            self.replay[request] = response

    def _fail(self, status: int, message: str) -> bytes:
        payload = _failure(message)
        return _head(status, len(payload)) + payload

    def _handshake(self, body: bytes) -> bytes:
        try:
            code = self._auth.handshake(orjson.loads(body) if body.strip() else None)
        except (AuthFailure, orjson.JSONDecodeError) as exc:
            return self._fail(401, str(exc))
        self._codes.add(code.encode())
        payload = orjson.dumps({"success": 1, "auth": code})
        return _head(AUTH_CREATED_STATUS, len(payload)) + payload

    def _verified(
        self, method: bytes, target: bytes, path: bytes, query: bytes, cookie: bytes
    ) -> bool:
        # A signature depends only on (code, method, target), and codes never expire here:
        # a pair already verified needs no second HMAC (repeated GETs of one path).
        seen = b"%s %s %s" % (method, target, cookie)
        if seen in self._seen:
            return True
        at = cookie.find(_SIGNATURE)
        if at < 0:
            return False
        value = cookie[at + len(_SIGNATURE) :].partition(b";")[0].strip().strip(b'"')
        code, _, signature = value.rpartition(b":")
        if code not in self._codes:
            return False
        message = b"%s\n%s\n%s\n%s\n\n" % (code, method, path, query)
        expected = binascii.hexlify(hmac.digest(self._key, message, "sha256"))
        if not hmac.compare_digest(expected, signature.lower()):
            return False
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()
        self._seen.add(seen)
        return True

    def _page(self, query: str) -> bytes:
        params = parse_query(query) if query else {}
        dates = tuple((k, params[k]) for k in REPORT_DATE_PARAMS if k in params)
        try:
            window = self._windows.get(dates)
            if window is None:
                window = self._windows[dates] = self._report.select(params)
            first, matches = paging(params, unlimited=False)
        except (BadReportQuery, BadInput) as exc:
            return self._fail(400, str(exc))
        lo, hi = window
        start, stop = min(hi, lo + first), min(hi, lo + first + matches)
        rows = self.data.page_parts(start, stop)
        suffix = b'],"total_rows":%d}}' % (hi - lo)
        length = len(self._prefix) + len(rows) + len(suffix)
        return b"".join((_head(200, length), self._prefix, rows, suffix))


class HttpProtocol(asyncio.Protocol):
    """One connection: parse requests as they complete, answer each in order."""

    def __init__(self, service: Service) -> None:
        self._service = service
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]  # uvloop's is no subclass

    def data_received(self, data: bytes) -> None:
        if self._buffer:
            data, self._buffer = self._buffer + data, b""
        else:
            replay = self._service.replay.get(data)
            if replay is not None:  # byte for byte a request already verified and answered
                self._transport.write(replay)  # type: ignore[union-attr]
                return
        transport = self._transport
        assert transport is not None
        start = 0
        while True:
            end = data.find(b"\r\n\r\n", start)
            if end < 0:
                break
            eol = data.find(b"\r\n", start, end + 2)
            line = data[start:eol].split(b" ")
            head = data[eol : end + 2]  # from the first header's CRLF to the last header's
            lower = head.lower()
            length = 0
            at = lower.find(_LENGTH)
            if at >= 0:
                try:
                    length = int(head[at + len(_LENGTH) : lower.find(b"\r\n", at + 2)])
                except ValueError:
                    length = -1
            if len(line) != 3 or length < 0:
                self._refuse(transport)
                return
            body_at = end + 4
            if len(data) < body_at + length:
                break
            at = lower.find(_COOKIE)
            cookie = head[at + len(_COOKIE) : lower.find(b"\r\n", at + 2)] if at >= 0 else b""
            method, target, version = line
            response = self._service.answer(
                method, target, cookie, data[body_at : body_at + length]
            )
            transport.write(response)
            if _CLOSE in lower or version == b"HTTP/1.0":
                transport.close()
                return
            if start == 0 and body_at + length == len(data):
                self._service.remember(data, target, response)
            start = body_at + length
        if start < len(data):
            self._buffer = data[start:]

    def _refuse(self, transport: asyncio.Transport) -> None:
        payload = _failure("malformed request")
        transport.write(_head(400, len(payload), close=True) + payload)
        transport.close()


def listening_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A bound, listening TCP socket (explicit ``IPPROTO_TCP`` so asyncio sets ``TCP_NODELAY``)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(512)
    return sock


async def serve(service: Service, sock: socket.socket, stop: asyncio.Event) -> None:
    """Serve on ``sock`` until ``stop`` is set."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: HttpProtocol(service), sock=sock)
    async with server:
        await stop.wait()


def _announce(service: Service, sock: socket.socket) -> None:
    emu = service.data.emulator
    host, port = sock.getsockname()[:2]
    # Printing credentials is this command's purpose: they are the emulator's own test ones.
    lines = [
        f"base_url: http://{host}:{port}",
        f"token:    {emu.token}",
        f"secret:   {emu.secret}",
        f"account:  {emu.account}",
        *(f"user:     {login} {password}" for login, password in sorted(emu.users.items())),
        "Press Ctrl-C to stop.",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


async def _main(service: Service, sock: socket.socket) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    _announce(service, sock)
    await serve(service, sock, stop)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lean_server")
    parser.add_argument("--port", type=int, default=0, help="loopback port (0: any free port)")
    parser.add_argument("--rows", type=int, default=200_000, help="rows of the delivery report")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--loop", choices=("asyncio", "uvloop"), help="default: uvloop when it is installed"
    )
    args = parser.parse_args(argv)
    loop = args.loop or ("uvloop" if importlib.util.find_spec("uvloop") else "asyncio")
    service = Service(load(rows=args.rows, seed=args.seed))
    gc.collect()
    gc.freeze()  # the pre-encoded data never changes: keep it out of every collection
    sock = listening_socket(port=args.port)
    runner: Any = asyncio.run
    if loop == "uvloop":
        import uvloop

        runner = uvloop.run
    runner(_main(service, sock))
    return 0


if __name__ == "__main__":
    sys.exit(main())
