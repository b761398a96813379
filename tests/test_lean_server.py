"""The lean benchmark server answers like the emulator, over real loopback sockets.

Its report pages must be byte for byte the emulator's for any window (the benchmarks would
otherwise compare clients on different work), it must refuse what the emulator refuses,
and its shortcuts (replaying a verified request, skipping a repeated HMAC) must never let
an unverified request through.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import threading
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import orjson
import pytest

from benchmarks.lean_data import LeanData, _Asgi, load, profile_path, report_path
from benchmarks.lean_server import Service, listening_socket, serve
from luxsci_async import LuxSci

pytestmark = pytest.mark.anyio

ROWS = 2_500
PREFIX = "/perl/api/v2"


class Running:
    """The lean server on 127.0.0.1 in a thread with its own asyncio loop."""

    def __init__(self, data: LeanData) -> None:
        self.data = data
        self.emu = data.emulator
        self.login = sorted(self.emu.users)[0]
        self._sock = listening_socket()
        self.port = self._sock.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        assert self._ready.wait(10)

    def _run(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            self._ready.set()
            await serve(Service(self.data), self._sock, self._stop)

        asyncio.run(main())

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
        self._sock.close()

    def sdk(self) -> LuxSci:
        return LuxSci(
            token=self.emu.token,
            secret=self.emu.secret,
            account=self.emu.account,
            base_url=self.base_url,
        )

    def sign(self, code: str, target: str) -> str:
        path, _, query = target.partition("?")
        message = f"{code}\nGET\n{path}\n{query}\n\n".encode()
        return hmac.new(self.emu.secret.encode(), message, hashlib.sha256).hexdigest()


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    running = Running(load(rows=ROWS, seed=3))
    yield running
    running.close()


async def _code(server: Running, http: httpx.AsyncClient) -> str:
    import time

    date = int(time.time())
    message = f"{server.emu.token}\n{date}\n".encode()
    signature = hmac.new(server.emu.secret.encode(), message, hashlib.sha256).hexdigest()
    body = {"token": server.emu.token, "date": date, "signature": signature}
    response = await http.post(PREFIX + "/auth", content=orjson.dumps(body))
    assert response.status_code == 201
    code: str = response.json()["auth"]
    return code


async def _get(server: Running, query: str) -> tuple[int, bytes]:
    target = PREFIX + report_path(server.emu.account) + (f"?{query}" if query else "")
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        code = await _code(server, http)
        cookie = f"signature={code}:{server.sign(code, target)}"
        response = await http.get(target, headers={"Cookie": cookie})
    return response.status_code, response.content


async def _emulator_page(server: Running, query: str) -> tuple[int, bytes]:
    """The emulator's own answer, from its ASGI app in-process."""
    asgi = _Asgi(server.emu)
    await asgi.authenticate()
    return await asgi.call("GET", report_path(server.emu.account), query)


async def test_sdk_authenticates_and_reads_a_profile(server: Running) -> None:
    async with server.sdk() as lux:
        profile = await lux.user(server.login).profile.get()
        again = await lux.user(server.login).profile.get()  # replayed by the server
        assert lux.stats.auth_requests == 1
    assert profile.user == server.login
    assert again == profile


async def test_sdk_paginates_every_row_in_order(server: Running) -> None:
    async with server.sdk() as lux:
        report = lux.paginate(
            "/account/{account}/report/email/smtp/delivery", page_size=1_000, concurrency=3
        )
        ids = [row["message_id"] async for row in report]
        typed = [row async for row in lux.account.reports.delivery("smtp", page_size=700)]
    assert len(ids) == ROWS
    assert [int(i.split(".")[0]) for i in ids] == list(range(ROWS))
    assert [row.message_id for row in typed] == ids


@pytest.mark.parametrize(
    ("query", "rows", "total"),
    [
        ("first_row=0&matches=1000", 1000, ROWS),
        ("first_row=2000&matches=1000", 500, ROWS),  # the last, short page
        (f"first_row={ROWS}&matches=1000", 0, ROWS),  # just past the end
        ("first_row=99999&matches=10", 0, ROWS),
        ("first_row=10&matches=0", 0, ROWS),
        ("", ROWS, ROWS),  # no paging parameters: the emulator's defaults
        ("through_date=2024-03-01%2000%3A00%3A00&first_row=0&matches=50000", 410, 410),
        ("from_date=2024-12-01&first_row=100&matches=20", 20, 211),
    ],
)
async def test_report_pages_are_the_emulators(
    server: Running, query: str, rows: int, total: int
) -> None:
    status, body = await _get(server, query)
    assert status == 200
    data = orjson.loads(body)["data"]
    assert (len(data["rows"]), data["total_rows"]) == (rows, total)
    assert data["header"][:2] == ["date", "message_id"]
    assert (status, body) == await _emulator_page(server, query)


@pytest.mark.parametrize(
    "query",
    ["first_row=-1&matches=10", "first_row=a&matches=10", "matches=50001", "through_date=soon"],
)
async def test_bad_report_queries_are_refused_like_the_emulator(
    server: Running, query: str
) -> None:
    status, body = await _get(server, query)
    expected_status, expected_body = await _emulator_page(server, query)
    assert status == expected_status == 400
    assert orjson.loads(body) == orjson.loads(expected_body)


async def test_unsigned_tampered_and_unknown_requests_are_refused(server: Running) -> None:
    target = PREFIX + profile_path(server.login)
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        code = await _code(server, http)
        good = f"signature={code}:{server.sign(code, target)}"
        assert (await http.get(target, headers={"Cookie": good})).status_code == 200
        assert (await http.get(target, headers={"Cookie": good})).status_code == 200
        other = PREFIX + profile_path(sorted(server.emu.users)[1])
        wrong_path = await http.get(other, headers={"Cookie": good})  # signed for another path
        tampered = await http.get(target, headers={"Cookie": good[:-4] + _other(good[-4:])})
        unknown = f"signature=1-1-{'ab' * 32}:{server.sign('1-1-' + 'ab' * 32, target)}"
        forged = await http.get(target, headers={"Cookie": unknown})
        unsigned = await http.get(target)
        missing = await http.get(PREFIX + "/account/1/users", headers={"Cookie": good})
        bad_auth = await http.post(PREFIX + "/auth", content=b'{"token":"x"}')
    assert [r.status_code for r in (wrong_path, tampered, forged, unsigned)] == [401] * 4
    assert missing.status_code == 404
    assert bad_auth.status_code == 401
    assert bad_auth.json()["success"] == 0


def _other(hex_digits: str) -> str:
    """Different hex digits of the same length."""
    return "".join("1" if c == "0" else "0" for c in hex_digits)


async def _exchange(server: Running, payload: bytes, responses: int) -> list[bytes]:
    """Raw bytes in, ``responses`` complete responses out (by ``Content-Length``)."""
    async with await anyio.connect_tcp("127.0.0.1", server.port) as stream:
        await stream.send(payload)
        buffer, out = b"", []
        while len(out) < responses:
            end = buffer.find(b"\r\n\r\n")
            if end >= 0:
                head = buffer[:end].lower()
                length = int(head.split(b"content-length:")[1].split(b"\r\n")[0])
                if len(buffer) >= end + 4 + length:
                    out.append(buffer[: end + 4 + length])
                    buffer = buffer[end + 4 + length :]
                    continue
            buffer += await stream.receive()
        return out


def _request(target: str, cookie: str, extra: str = "") -> bytes:
    return f"GET {target} HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n{extra}\r\n".encode()


async def test_pipelined_and_split_requests_on_one_connection(server: Running) -> None:
    target = PREFIX + profile_path(server.login)
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        code = await _code(server, http)
    good = _request(target, f"signature={code}:{server.sign(code, target)}")
    bad = _request(target, f"signature={code}:{'0' * 64}")
    # Two requests in one write, then a third split across writes on the same connection.
    answers = await _exchange(server, good + bad + good, 3)
    statuses = [a.split(b" ", 2)[1] for a in answers]
    assert statuses == [b"200", b"401", b"200"]
    assert answers[0] == answers[2]
    assert orjson.loads(answers[0].split(b"\r\n\r\n", 1)[1])["data"]["user"] == server.login


async def test_replayed_request_bytes_do_not_cover_a_changed_signature(server: Running) -> None:
    target = PREFIX + profile_path(server.login)
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        code = await _code(server, http)
    cookie = f"signature={code}:{server.sign(code, target)}"
    first = await _exchange(server, _request(target, cookie), 1)
    replayed = await _exchange(server, _request(target, cookie), 1)
    flipped = cookie[:-1] + _other(cookie[-1])
    changed = await _exchange(server, _request(target, flipped), 1)
    assert first == replayed
    assert first[0].startswith(b"HTTP/1.1 200 ")
    assert changed[0].startswith(b"HTTP/1.1 401 ")


async def test_connection_close_is_honoured(server: Running) -> None:
    target = PREFIX + profile_path(server.login)
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        code = await _code(server, http)
    cookie = f"signature={code}:{server.sign(code, target)}"
    async with await anyio.connect_tcp("127.0.0.1", server.port) as stream:
        await stream.send(_request(target, cookie, "Connection: close\r\n"))
        received = b""
        with anyio.fail_after(5):
            try:
                while chunk := await stream.receive():
                    received += chunk
            except anyio.EndOfStream:
                pass
    assert received.startswith(b"HTTP/1.1 200 ")
    assert orjson.loads(received.split(b"\r\n\r\n", 1)[1])["success"] == 1


async def test_malformed_request_line_is_refused(server: Running) -> None:
    answers = await _exchange(server, b"NONSENSE\r\n\r\n", 1)
    assert answers[0].startswith(b"HTTP/1.1 400 ")


def test_data_comes_from_the_emulator(server: Running) -> None:
    data: Any = server.data
    assert data.rows == ROWS
    assert data.offsets[-1] == len(data.rows_buffer)
    first = orjson.loads(bytes(data.page_parts(0, 1)))
    last = orjson.loads(bytes(data.page_parts(ROWS - 1, ROWS)))
    assert first[1].startswith("00000000.")
    assert last[1].startswith(f"{ROWS - 1:08d}.")
    assert bytes(data.page_parts(5, 5)) == b""
