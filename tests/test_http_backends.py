"""The backend contract (``_wire.HttpBackend``), held by every HTTP backend over real sockets
(its rules on response bodies: ``test_http_backend_bodies.py``).

Each test runs once per (async library, backend) pair and talks to the raw socket server of
``tests/rawserver.py``, so what is checked is the bytes on the wire: the target as signed,
the headers, the multipart layout, TLS, the timeouts, the error classes and cancellation.
"""

from __future__ import annotations

import gc
import random
import socket
import ssl
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

from luxsci_async import (
    ConnectError,
    RedirectError,
    RequestTimeout,
    Timeout,
    TransportError,
)
from luxsci_async._wire import Multipart, RawResponse, SentError, SentTimeout

from .backend_support import (
    QUICK,
    Gate,
    assert_unchained,
    send,
    session_on,
    until,
)
from .conftest import every_http_backend, make_session
from .rawserver import LOGIN_OK, RawRequest, RawServer, response, serve

pytestmark = [pytest.mark.anyio, every_http_backend]


@pytest.fixture
def gate() -> Gate:
    return Gate()


ODD_TARGET = "/perl/api/v2/a%2Fb/%7e//d%20e/%C3%bc?x=%2F&y=a+b&&z=%C3%BC&e=&x=%2f&%7E=~"
"""Encodings a URL library might normalise: each must reach the server as it is here.
(Dot segments are left out: the SDK refuses them before signing, and httpx2 removes them.)"""


# -- what goes out -------------------------------------------------------------------------


async def test_the_target_and_headers_go_out_as_given() -> None:
    with serve(lambda r: response(200, b"{}", {"X-A": "1"})) as server:
        async with session_on(server) as lux:
            got = await send(lux._pipeline.http, target=ODD_TARGET, headers={"Cookie": "c=1"})
            body = b'{"k": "\xc3\xbc"}'
            await send(lux._pipeline.http, "POST", content=body, headers={"X-B": "2"})
    first, second = server.requests
    assert first.target == ODD_TARGET
    assert first.headers["accept-encoding"] == "identity"
    assert first.headers["cookie"] == "c=1"
    assert "user-agent" not in first.headers
    assert "content-length" not in first.headers
    assert (second.method, second.body, second.headers["content-length"]) == ("POST", body, "11")
    assert second.headers["x-b"] == "2"
    assert "cookie" not in second.headers  # nothing kept from the first request
    assert got == RawResponse(status=200, headers=got.headers, content=b"{}")
    assert got.header("x-a") == "1"
    assert got.header("content-length") == "2"


async def test_repeated_response_headers_are_joined() -> None:
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Many: 1\r\nx-many: 2\r\n\r\n"
    with serve(lambda r: answer) as server:
        async with session_on(server) as lux:
            got = await send(lux._pipeline.http)
    assert got.header("x-many") == "1, 2"


async def test_a_multipart_upload_has_the_json_part_then_the_files() -> None:
    files: Multipart = [
        ("json", ("json.js", b'{"k":1}', "application/json")),
        ("files", ('a "q"\\b\x01\u00e9.txt', b"\x00\xff", "application/octet-stream")),
        ("files", ("second.bin", b"", "application/octet-stream")),
    ]
    with serve(lambda r: response(200, b"{}")) as server:
        async with session_on(server) as lux:
            await send(lux._pipeline.http, "POST", files=files)
    request = server.requests[0]
    kind, _, boundary = request.headers["content-type"].partition("; boundary=")
    assert kind == "multipart/form-data"
    assert len(boundary) >= 16
    parts = request.body.split(b"--" + boundary.encode())
    assert parts[0] == b""
    assert parts[-1] == b"--\r\n"
    assert [part.partition(b"\r\n\r\n") for part in parts[1:-1]] == [
        (
            b'\r\nContent-Disposition: form-data; name="json"; filename="json.js"\r\n'
            b"Content-Type: application/json",
            b"\r\n\r\n",
            b'{"k":1}\r\n',
        ),
        (
            b'\r\nContent-Disposition: form-data; name="files"; '
            b'filename="a %22q%22\\\\b%01\xc3\xa9.txt"\r\nContent-Type: application/octet-stream',
            b"\r\n\r\n",
            b"\x00\xff\r\n",
        ),
        (
            b'\r\nContent-Disposition: form-data; name="files"; filename="second.bin"\r\n'
            b"Content-Type: application/octet-stream",
            b"\r\n\r\n",
            b"\r\n",
        ),
    ]
    assert int(request.headers["content-length"]) == len(request.body)


async def test_a_redirect_is_handed_up_and_never_followed() -> None:
    with serve(lambda r: response(200, b'{"success":1}')) as elsewhere:
        location = elsewhere.base_url + "/steal"

        def handler(request: RawRequest) -> bytes:
            if request.path.endswith("/auth"):
                return LOGIN_OK
            return response(302, b"", {"Location": location})

        with serve(handler) as server:
            async with session_on(server, max_retries=0) as lux:
                got = await send(lux._pipeline.http)
                with pytest.raises(RedirectError) as info:
                    await lux.request("GET", "/account/{account}/x")
    assert (got.status, got.header("location")) == (302, location)
    assert info.value.location == location
    sent = [(r.method, r.path) for r in server.requests]
    assert sent == [
        ("GET", "/perl/api/v2/x"),
        ("POST", "/perl/api/v2/auth"),
        ("GET", "/perl/api/v2/account/12345/x"),
        ("DELETE", "/perl/api/v2/auth"),
    ]
    assert elsewhere.requests == []


async def test_proxies_and_settings_in_the_environment_are_ignored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with serve(lambda r: response(200, b"{}")) as proxy, serve(lambda r: response(200, b"{}")) as s:
        for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.setenv(name, proxy.base_url)
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        async with session_on(s) as lux:
            await send(lux._pipeline.http)
    assert proxy.requests == []
    assert len(s.requests) == 1


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """An HTTPS server on 127.0.0.1 whose certificate a private CA (``ca.pem``) signed,
    and what became of each connection: ``"served"`` or ``"refused"`` (by the client)."""
    from .test_store_tls import _certificates

    _certificates(tmp_path, "127.0.0.1")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "server.pem", tmp_path / "server.key")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.1)
    stop = threading.Event()
    outcomes: list[str] = []

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(5)
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(65536)
                    tls.sendall(response(200, b"{}"))
                    outcomes.append("served")
            except OSError:
                outcomes.append("refused")
            finally:
                conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{listener.getsockname()[1]}", tmp_path / "ca.pem", outcomes
    finally:
        stop.set()
        listener.close()
        thread.join(5)


async def test_tls_trusts_the_system_store_not_the_environment(
    tls_server: tuple[str, Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ca, outcomes = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # read only by a client that trusts the env
    monkeypatch.setenv("SSL_CERT_DIR", str(ca.parent))
    async with make_session(base_url=url) as lux:
        with pytest.raises(ConnectError) as info:
            await send(lux._pipeline.http)
        await until(lambda: bool(outcomes))
    assert outcomes == ["refused"]
    assert_unchained(info.value)


# -- how it fails ----------------------------------------------------------------------------


async def test_a_refused_connection_is_a_connect_error() -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    async with make_session(base_url=f"http://127.0.0.1:{port}") as lux:
        with pytest.raises(ConnectError) as info:
            await send(lux._pipeline.http)
    assert not isinstance(info.value, SentError)
    assert_unchained(info.value)


async def test_a_connection_dropped_after_the_request_is_a_sent_error() -> None:
    with serve(lambda r: None) as server:
        async with session_on(server) as lux:
            with pytest.raises(SentError) as info:
                await send(lux._pipeline.http, "GET")
    assert not isinstance(info.value, RequestTimeout)
    assert len(server.requests) == 1  # sent once: the library does not resend on its own
    assert_unchained(info.value)


async def test_an_answer_that_is_not_http_is_a_sent_error() -> None:
    with serve(lambda r: b"SMTP ready\r\n\r\n") as server:
        async with session_on(server) as lux:
            with pytest.raises(SentError) as info:
                await send(lux._pipeline.http)
    assert_unchained(info.value)


async def _timed_out(server: RawServer, timeouts: Timeout = QUICK) -> tuple[SentTimeout, float]:
    """One send that must end in a :class:`SentTimeout`: the error, and the seconds it took.

    The error is unchained, and the connection it used is no longer checked out."""
    async with session_on(server) as lux:
        started = time.monotonic()
        with pytest.raises(SentTimeout) as info:
            await send(lux._pipeline.http, timeouts=timeouts)
        elapsed = time.monotonic() - started
        assert lux._pipeline.http.checked_out_connections() == 0
    assert_unchained(info.value)
    return info.value, elapsed


async def test_no_answer_within_the_read_timeout_is_a_sent_timeout(gate: Gate) -> None:
    with gate.serve(gate.hang) as server:
        _, elapsed = await _timed_out(server)
    assert 0.25 < elapsed < 2


async def test_a_dribbled_body_is_cut_off_by_the_total_timeout(gate: Gate) -> None:
    def dribble(request: RawRequest) -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
        while not gate.wait(0.05):
            yield b" "

    with gate.serve(dribble) as server:
        error, elapsed = await _timed_out(server, Timeout(read=1, total=0.4))
    assert 0.35 < elapsed < 1.5
    assert "total timeout" in error.message


async def test_data_coming_within_the_read_timeout_keeps_an_answer_going() -> None:
    """The read timeout is the longest silence allowed: an answer whose pieces each come
    within it is read whole, however long it takes in all."""

    def trickle(request: RawRequest) -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\nContent-Length: 16\r\n\r\n"
        for _ in range(16):
            time.sleep(0.05)
            yield b"x"

    with serve(trickle) as server:
        async with session_on(server) as lux:
            started = time.monotonic()
            raw = await send(lux._pipeline.http, timeouts=Timeout(read=0.3, total=10))
            assert time.monotonic() - started > 0.6  # twice the read timeout, in pieces
    assert raw.content == b"x" * 16


async def test_an_answer_that_stops_is_cut_off_a_read_timeout_after_its_last_byte(
    gate: Gate,
) -> None:
    def stop(request: RawRequest) -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
        for _ in range(8):
            time.sleep(0.05)
            yield b"x"
        gate.wait()

    with gate.serve(stop) as server:
        error, elapsed = await _timed_out(server, Timeout(read=0.3, total=10))
    # 0.4 s of pieces, then 0.3 s of silence: timed from the last byte, not the first.
    assert 0.6 < elapsed < 2
    assert "ReadTimeout" in error.message


async def test_waiting_for_a_pooled_connection_times_out_unsent(gate: Gate) -> None:
    with gate.serve(gate.hang) as server:
        # max_concurrency=1 gives a pool of 3 connections: all three are held below.
        async with session_on(server, max_concurrency=1) as lux:
            http = lux._pipeline.http
            patient = Timeout(read=10, total=10)
            async with anyio.create_task_group() as tg:
                for _ in range(3):
                    tg.start_soon(lambda: send(http, timeouts=patient))
                await until(lambda: len(server.requests) == 3)
                assert http.checked_out_connections() == 3
                started = time.monotonic()
                with pytest.raises(RequestTimeout) as info:
                    await send(http, timeouts=Timeout(connect=0.2, pool=0.2, read=10))
                assert time.monotonic() - started < 2
                tg.cancel_scope.cancel()
            assert http.checked_out_connections() == 0
    assert not isinstance(info.value, SentError)
    assert len(server.requests) == 3  # the fourth never went out
    assert_unchained(info.value)


# -- cancellation and closing ------------------------------------------------------------------


async def test_a_request_in_flight_holds_one_connection(gate: Gate) -> None:
    with gate.serve(gate.hang) as server:
        async with session_on(server) as lux:
            http = lux._pipeline.http
            async with anyio.create_task_group() as tg:
                tg.start_soon(lambda: send(http, timeouts=Timeout(read=10)))
                await until(lambda: len(server.requests) == 1)
                assert http.checked_out_connections() == 1
                tg.cancel_scope.cancel()
            await until(lambda: http.checked_out_connections() == 0)


async def test_cancelled_at_any_point_no_connection_stays_checked_out() -> None:
    def slow(request: RawRequest) -> Iterator[bytes]:
        time.sleep(0.005)
        yield b"HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n"
        for _ in range(4):
            time.sleep(0.003)
            yield b"x" * 10_000

    rng = random.Random(5)
    with serve(slow) as server:
        async with session_on(server) as lux:
            http = lux._pipeline.http
            outcomes = {"done": 0, "cancelled": 0}

            async def one(deadline: float) -> None:
                with anyio.move_on_after(deadline) as scope:
                    await send(http, timeouts=Timeout(read=5))
                outcomes["cancelled" if scope.cancelled_caught else "done"] += 1

            for _ in range(6):
                async with anyio.create_task_group() as tg:
                    for _ in range(8):
                        tg.start_soon(one, rng.uniform(0, 0.03))
            await until(lambda: http.checked_out_connections() == 0)
            assert outcomes["cancelled"] >= 5
            assert (await send(http, timeouts=Timeout(read=5))).content == b"x" * 40_000


async def test_closing_leaves_no_unclosed_resources(caplog: pytest.LogCaptureFixture) -> None:
    with (
        serve(lambda r: response(200, b"{}")) as server,
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        lux = make_session(base_url=server.base_url)
        http = lux._pipeline.http
        for _ in range(3):
            await send(http)
        with anyio.move_on_after(0):
            await send(http)
        await lux.aclose()
        await anyio.sleep(0.05)  # let closed transports finish on the loop
        del lux, http
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert "nclosed" not in caplog.text
    assert len(server.requests) >= 3


async def test_errors_keep_their_public_classes() -> None:
    """What the pipeline turns each backend error into, named by the request."""
    with serve(lambda r: LOGIN_OK if r.path.endswith("/auth") else None) as server:
        async with session_on(server, max_retries=0) as lux:
            with pytest.raises(TransportError) as info:
                await lux.request("GET", "/account/{account}/x")
    assert type(info.value) is TransportError
    assert "GET /perl/api/v2/account/12345/x" in str(info.value)
    assert info.value.__cause__ is None
