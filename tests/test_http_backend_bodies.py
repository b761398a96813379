"""The backend contract on response bodies, over real sockets, for every HTTP backend: the
decoded-size cap (a declared length refused unread, a compressed body capped by what it
decodes to) and the content codings undone (gzip, deflate, raw deflate, layered)."""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator

import pytest

from luxsci_async import ResponseTooLargeError, Timeout
from luxsci_async._wire import SentError

from .backend_support import Gate, assert_unchained, send, session_on
from .conftest import every_http_backend
from .rawserver import RawRequest, response, serve

pytestmark = [pytest.mark.anyio, every_http_backend]


@pytest.fixture
def gate() -> Gate:
    return Gate()


BODY = b'{"success":1,"data":"' + b"x" * 200_000 + b'"}'


def _deflate(data: bytes, wbits: int) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("coding", "encoded"),
    [
        ("gzip", _deflate(BODY, 31)),
        ("deflate", _deflate(BODY, 15)),
        ("deflate", _deflate(BODY, -15)),  # raw deflate, as some servers send it
        ("deflate, gzip", _deflate(_deflate(BODY, 15), 31)),
        ("identity", BODY),
    ],
    ids=["gzip", "deflate", "raw-deflate", "deflate+gzip", "identity"],
)
async def test_an_encoded_body_is_decoded(coding: str, encoded: bytes) -> None:
    with serve(lambda r: response(200, encoded, {"Content-Encoding": coding})) as server:
        async with session_on(server) as lux:
            got = await send(lux._pipeline.http)
    assert got.content == BODY
    assert len(encoded) != len(BODY) or coding == "identity"


async def test_a_body_that_does_not_decode_is_a_sent_error() -> None:
    with serve(lambda r: response(200, b"not gzip", {"Content-Encoding": "gzip"})) as server:
        async with session_on(server) as lux:
            with pytest.raises(SentError) as info:
                await send(lux._pipeline.http)
            assert lux._pipeline.http.checked_out_connections() == 0
    assert "DecodingError" in info.value.message
    assert_unchained(info.value)


async def test_a_declared_length_over_the_cap_is_refused_unread(gate: Gate) -> None:
    def handler(request: RawRequest) -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 10
        gate.wait()  # the rest never comes: waiting for it would hit the read timeout

    with gate.serve(handler) as server:
        async with session_on(server) as lux:
            started = time.monotonic()
            with pytest.raises(ResponseTooLargeError) as info:
                await send(lux._pipeline.http, max_bytes=50_000, timeouts=Timeout(read=5))
            assert time.monotonic() - started < 2
            assert lux._pipeline.http.checked_out_connections() == 0
    assert (info.value.limit, info.value.status, info.value.path) == (50_000, 200, "/perl/api/v2/x")


@pytest.mark.parametrize("chunked", [False, True], ids=["length", "chunked"])
async def test_a_compressed_body_is_capped_by_its_decoded_size(chunked: bool) -> None:
    bomb = _deflate(b"0" * (8 << 20), 31)  # 8 KiB of gzip, 8 MiB decoded
    if chunked:
        head = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
        answer = head + b"%x\r\n%s\r\n0\r\n\r\n" % (len(bomb), bomb)
    else:
        answer = response(200, bomb, {"Content-Encoding": "gzip"})
    with serve(lambda r: answer) as server:
        async with session_on(server) as lux:
            with pytest.raises(ResponseTooLargeError) as info:
                await send(lux._pipeline.http, max_bytes=1 << 20)
            under = await send(lux._pipeline.http, max_bytes=9 << 20)
    assert info.value.limit == 1 << 20
    assert under.content == b"0" * (8 << 20)
