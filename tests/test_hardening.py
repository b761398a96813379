"""What a hostile server, a careless caller and protocol details can still do to a session.

The server side is a raw socket server (``tests/rawserver.py``) or respx; every async test
runs on asyncio and on trio.
"""

from __future__ import annotations

import json
import math
import tracemalloc
import zlib
from collections.abc import Iterator
from functools import cache
from typing import Any

import httpx2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from luxsci_async import (
    APIError,
    ConfigurationError,
    LuxSci,
    ResponseTooLargeError,
    ResponseValidationError,
    RetryPolicy,
    Timeout,
    TransportError,
)
from luxsci_async._routes.prepare import Prepared
from luxsci_async.errors import MAX_BODY_EXCERPT
from luxsci_async.testing import Emulator

from .conftest import PASSWORD, SECRET, TOKEN, every_http_backend, make_session
from .fakeapi import FakeAPI, ok
from .rawserver import LOGIN_OK, RawRequest, response, serve

pytestmark = pytest.mark.anyio

PATH = "/account/12345/users"
USER = "jane@example.com"


# -- secrets on the exception chain -----------------------------------------------------------


def reachable_texts(exc: BaseException) -> list[str]:
    """The text of everything an exception lets a handler reach: causes, contexts, group
    members, and their attributes (and their attributes' attributes, a few levels down)."""
    texts: list[str] = []
    seen: set[int] = set()

    def visit(obj: Any, depth: int) -> None:
        if id(obj) in seen or depth > 6 or isinstance(obj, (type, type(json))) or callable(obj):
            return
        seen.add(id(obj))
        texts.append(repr(obj))
        if isinstance(obj, (bytes, bytearray)):
            texts.append(bytes(obj).decode("latin-1"))
            return
        if isinstance(obj, (str, int, float, bool)) or obj is None:
            return
        if isinstance(obj, BaseException):
            texts.append(str(obj))
            for linked in (obj.__cause__, obj.__context__):
                if linked is not None:
                    visit(linked, depth)
            for member in getattr(obj, "exceptions", ()):
                visit(member, depth)
        if isinstance(obj, dict):
            items: Any = [*obj.keys(), *obj.values()]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            items = list(obj)
        else:
            items = list(getattr(obj, "__dict__", {}).values())
            for slot in getattr(type(obj), "__slots__", ()):
                if hasattr(obj, slot):
                    items.append(getattr(obj, slot))
        for item in items:
            visit(item, depth + 1)

    visit(exc, 0)
    return texts


def assert_nothing_secret(exc: BaseException, *secrets: str) -> None:
    texts = reachable_texts(exc)
    assert len(texts) > 3  # the walk did reach the chain
    for secret in secrets:
        assert secret
        leaks = [t for t in texts if secret in t]
        assert not leaks, f"a secret is reachable from {type(exc).__name__}: {leaks[0][:120]}"


@every_http_backend
async def test_a_dropped_login_leaves_no_secret_on_the_exception_chain() -> None:
    with serve(lambda request: None) as server:  # reads the login, then hangs up
        lux = LuxSci(
            token=TOKEN,
            secret=SECRET,
            user=USER,
            password=PASSWORD,
            base_url=server.base_url,
            max_retries=0,
        )
        async with lux:
            with pytest.raises(TransportError) as info:
                await lux.user().profile.get()
    login = json.loads(server.requests[0].body)
    assert login["pass"] == PASSWORD  # what the chain must not give away
    assert_nothing_secret(info.value, SECRET, PASSWORD, login["signature"])


@every_http_backend
async def test_a_dropped_call_leaves_no_code_or_signature_on_the_exception_chain() -> None:
    def handler(request: RawRequest) -> bytes | None:
        return LOGIN_OK if request.path.endswith("/auth") else None

    with serve(handler) as server:
        async with make_session(base_url=server.base_url, max_retries=0) as lux:
            with pytest.raises(TransportError) as info:
                await lux.request("GET", "/account/{account}/users")
    cookie = server.requests[1].headers["cookie"]
    code, signature = cookie.removeprefix("signature=").rsplit(":", 1)
    assert_nothing_secret(info.value, SECRET, code, signature)


# -- a body without end ------------------------------------------------------------------------

CAP = 4 << 20


def _auth_or(answer: Any) -> Any:
    def handler(request: RawRequest) -> Any:
        return LOGIN_OK if request.path.endswith("/auth") else answer()

    return handler


def _endless() -> Iterator[bytes]:
    total = 1 << 30
    yield f"HTTP/1.1 200 OK\r\nContent-Length: {total}\r\n\r\n".encode()
    chunk = b'"' + b"x" * ((1 << 20) - 2) + b'"'
    for _ in range(total >> 20):
        yield chunk


def _endless_chunked() -> Iterator[bytes]:
    yield b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"x" * (1 << 20)
    for _ in range(1024):
        yield b"%x\r\n%s\r\n" % (len(chunk), chunk)
    yield b"0\r\n\r\n"


@cache
def _gzip_bomb() -> bytes:
    """About 1 MB of gzip that decodes to 256 MiB (64 times the cap) of a JSON-like body."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = b"0" * (1 << 20)
    parts = [packer.compress(b'{"success":1,"data":"')]
    parts += [packer.compress(zeros) for _ in range(256)]
    parts.append(packer.compress(b'"}') + packer.flush())
    return b"".join(parts)


def _bomb() -> bytes:
    return response(200, _gzip_bomb(), {"Content-Encoding": "gzip"})


@pytest.mark.parametrize(
    "answer", [_endless, _endless_chunked, _bomb], ids=["1GiB", "1GiB-chunked", "gzip-bomb"]
)
@every_http_backend
async def test_a_body_over_the_cap_is_refused_while_it_streams(answer: Any) -> None:
    with serve(_auth_or(answer)) as server:
        async with make_session(base_url=server.base_url, max_response_bytes=CAP) as lux:
            tracemalloc.start()
            try:
                with pytest.raises(ResponseTooLargeError) as info:
                    await lux.request("GET", "/account/{account}/users")
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
    error = info.value
    assert error.limit == CAP
    assert error.status == 200
    assert (error.method, error.path) == ("GET", "/perl/api/v2" + PATH)
    assert peak < 8 * CAP  # read up to the cap, then stopped: never the whole body
    assert len(error.body) <= MAX_BODY_EXCERPT
    assert lux.stats.retries == 0  # an oversized answer is not asked for again
    assert server.requests[1].headers["accept-encoding"] == "identity"


async def test_a_body_a_transport_has_read_is_taken_as_decoded_and_still_capped() -> None:
    # httpx2.MockTransport reads (and decodes) each body before handing the response over.
    packed = zlib.compressobj(6, zlib.DEFLATED, 31)
    gzipped = packed.compress(b'{"success":1,"data":"' + b"y" * 5000 + b'"}') + packed.flush()

    def handler(request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/auth") and request.method == "POST":
            return httpx2.Response(201, content=LOGIN_OK.partition(b"\r\n\r\n")[2])
        return httpx2.Response(200, content=gzipped, headers={"Content-Encoding": "gzip"})

    async with make_session(transport=httpx2.MockTransport(handler)) as lux:
        assert await lux.request("GET", "/account/{account}/users") == "y" * 5000
    small = make_session(transport=httpx2.MockTransport(handler), max_response_bytes=4096)
    async with small as lux:
        with pytest.raises(ResponseTooLargeError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert info.value.limit == 4096


async def test_a_body_under_the_cap_is_read(api: FakeAPI) -> None:
    api.on("GET", PATH, lambda r: ok("y" * 5000))
    async with make_session(max_response_bytes=8192) as lux:
        assert await lux.request("GET", "/account/{account}/users") == "y" * 5000


def test_the_default_cap_fits_a_50000_row_page_with_margin() -> None:
    from luxsci_async._defaults import MAX_RESPONSE_BYTES

    assert MAX_RESPONSE_BYTES >= 50_000 * 1024  # 1 KB a row: wider than any seen report


@pytest.mark.parametrize("value", [0, 1023, -5, 1.5, "10", True, math.inf])
def test_max_response_bytes_is_checked(value: Any) -> None:
    with pytest.raises(ConfigurationError, match="max_response_bytes"):
        make_session(max_response_bytes=value)


# -- ambiguous envelopes -----------------------------------------------------------------------

BIG = "r" * 70_000  # past the size from which only a body's ends are searched for keys


@pytest.mark.parametrize(
    ("body", "key"),
    [
        (b'{"success":0,"error":"x","success":1}', "success"),
        (b'{"success" : 1, "data": 1, "success": 0}', "success"),
        (b'{"success":1,"auth":"A","data":1,"auth":"B"}', "auth"),
        (b'{"success":1,"data":1,"data":2}', "data"),
        (b'{"success":0,"error_message":"a","error_message":"b"}', "error_message"),
        (b'{"success":0,"data":"' + BIG.encode() + b'","success":1}', "success"),
        (b'{"success":1,"success":0,"data":"' + BIG.encode() + b'"}', "success"),
        (b'{"success":0,"error":"x","succ\\u0065ss":1}', "success"),
        (b'{"success":1,"data":1,"\\u0064ata":2}', "data"),
        (b'{"success":0,"data":"' + BIG.encode() + b'","\\u0073uccess":1}', "success"),
    ],
    ids=[
        "success",
        "spaced",
        "auth",
        "data",
        "error_message",
        "large-tail",
        "large-head",
        "escaped",
        "escaped-data",
        "escaped-large-tail",
    ],
)
async def test_an_envelope_naming_a_key_twice_is_refused(
    api: FakeAPI, body: bytes, key: str
) -> None:
    api.on("GET", PATH, lambda r: httpx2.Response(200, content=body))
    async with make_session() as lux:
        with pytest.raises(ResponseValidationError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert repr(key) in info.value.message
    assert info.value.path == "/perl/api/v2" + PATH


def _spelled(key: str, escaped: list[bool]) -> str:
    return "".join(f"\\u{ord(c):04x}" if e else c for c, e in zip(key, escaped + [False] * 20))


@given(
    members=st.lists(
        st.tuples(
            st.sampled_from(["success", "data", "auth", "error", "error_message", "x"]),
            st.lists(st.booleans(), max_size=4),
            st.sampled_from(["1", '"success"', '{"data":1,"success":0}', '"' + "r" * 40 + '"']),
        ),
        min_size=1,
        max_size=5,
    ),
    padding=st.sampled_from([0, 70_000]),
)
def test_the_duplicate_check_agrees_with_an_exact_parse(
    members: list[tuple[str, list[bool], str]], padding: int
) -> None:
    """Whatever the keys, their escapes and the values: refused exactly when the top level
    names an envelope key twice (a large body: when that happens in one of its ends)."""
    import orjson

    from luxsci_async._envelope import _ENVELOPE_KEYS, _duplicate_key

    parts = [f'"{_spelled(k, e)}":{v}' for k, e, v in members]
    if padding:
        parts.insert(len(parts) // 2, f'"pad":"{"r" * padding}"')
    content = ("{" + ",".join(parts) + "}").encode()
    objects: list[list[str]] = []

    def record(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        objects.append([key for key, _ in pairs])
        return dict(pairs)

    json.loads(content, object_pairs_hook=record)
    top = objects[-1]  # the outermost object is completed last
    repeated = {k for k in _ENVELOPE_KEYS if top.count(k) > 1}
    found = _duplicate_key(content, orjson.loads(content))
    if not padding:
        assert (found is not None) == bool(repeated)
        assert found is None or found in repeated
    elif found is not None:
        assert found in repeated  # a large body's middle is not searched: never a false alarm


async def test_escapes_that_repeat_no_envelope_key_are_read(api: FakeAPI) -> None:
    body = b'{"success":1,"data":{"name":"caf\\u00e9","d\\u0061ta":"\\u0041"}}'
    api.on("GET", PATH, lambda r: httpx2.Response(200, content=body))
    async with make_session() as lux:
        assert await lux.request("GET", "/account/{account}/users") == {"name": "café", "data": "A"}


async def test_envelope_words_inside_the_data_are_not_mistaken_for_keys(api: FakeAPI) -> None:
    rows = [["success", "error", "auth", "data"]] * 5_000  # a large page, words as values
    page = {"header": ["a", "b", "c", "d"], "rows": rows, "total_rows": 5_000}
    nested = {"success": 1, "data": {"success": True, "error": None, "auth": "x", "data": 1}}
    api.on("GET", "/account/12345/report", lambda r: ok(page))
    api.on("GET", PATH, lambda r: httpx2.Response(200, json=nested))
    async with make_session() as lux:
        assert (await lux.request("GET", "/account/{account}/report"))["total_rows"] == 5_000
        assert (await lux.request("GET", "/account/{account}/users"))["auth"] == "x"


# -- the failure text --------------------------------------------------------------------------


async def test_error_message_is_read_before_error(api: FakeAPI) -> None:
    body = {"success": 0, "error": "generic", "error_message": "the precise reason"}
    api.on("GET", PATH, lambda r: httpx2.Response(400, json=body))
    async with make_session() as lux:
        with pytest.raises(APIError) as info:
            await lux.request("GET", "/account/{account}/users")
    assert info.value.message == "the precise reason"


# -- an export's answer ------------------------------------------------------------------------

JOB_STATUS = {
    "job_id": 77,
    "status": "submitted",
    "uid": 0,
    "current_jobs": 2,
    "max_jobs": 5,
    "expected_rows": 0,
    "completed_rows": 0,
}


@pytest.mark.parametrize("answer", [JOB_STATUS, {"job_id": 77}], ids=["status", "bare"])
async def test_an_export_accepts_the_job_status_object_or_its_id(
    api: FakeAPI, answer: dict[str, Any]
) -> None:
    api.on("GET", "/account/12345/report/email/smtp/delivery", lambda r: ok(answer))
    async with make_session() as lux:
        handle = await lux.account.reports.delivery("smtp").export(destination="sftp")
    assert handle.job_id == 77
    if len(answer) > 1:
        assert handle.submitted is not None
        assert handle.submitted.status is not None
        assert handle.submitted.status.value == "submitted"
        assert (handle.submitted.current_jobs, handle.submitted.max_jobs) == (2, 5)
    else:
        assert handle.submitted is None


@every_http_backend
async def test_the_emulator_answers_an_export_with_the_job_status() -> None:
    async with Emulator(rows=10, seed=1) as emu, emu.client() as lux:
        handle = await lux.account.reports.delivery("smtp").export(destination="sftp")
        assert handle.submitted is not None
        assert handle.submitted.job_id == handle.job_id


# -- bad settings, refused at construction -----------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"read": math.nan}, "read"),
        ({"connect": "5"}, "connect"),
        ({"write": -1}, "write"),
        ({"pool": math.inf}, "pool"),
        ({"total": math.nan}, "total"),
        ({"read": True}, "read"),
    ],
)
def test_timeout_fields_are_checked(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ConfigurationError, match=f"Timeout.{field}"):
        Timeout(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"backoff_base": math.nan}, "backoff_base"),
        ({"backoff_max": math.inf}, "backoff_max"),
        ({"max_retry_after": math.nan}, "max_retry_after"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"budget": -1}, "budget"),
        ({"retry_cost": "5"}, "retry_cost"),
    ],
)
def test_retry_policy_fields_are_checked(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ConfigurationError, match=f"RetryPolicy.{field}"):
        RetryPolicy(**kwargs)


def test_backoff_does_not_overflow_for_large_retry_numbers() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8.0)
    for number in (1_000, 10**6, 10**18):
        assert 0 <= policy.backoff(number) <= 8.0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base_url": "https://rest.luxsci.com:99999"},
        {"base_url": "http://127.0.0.1:0"},
        {"base_url": "http://127.0.0.1:80x"},
        {"base_url": "http://[::1]:70000"},
        {"host": "rest.luxsci.com:65536"},
    ],
)
def test_a_port_out_of_range_is_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError, match=r"port|host name|look like"):
        make_session(**kwargs)


NOT_ASCII_DIGITS = ["\u00b2", "\u0661\u0662\u0663", "\uff11\uff12\uff13", "12\u00b3"]


@pytest.mark.parametrize("account", NOT_ASCII_DIGITS)
def test_an_account_code_must_be_ascii_digits(account: str) -> None:
    with pytest.raises(ConfigurationError, match="account"):
        make_session(account=account)


# -- bad arguments, refused before anything is sent --------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/account/{account}/%2e%2e%2fusers",
        "/account/{account}/%2E%2E/users",
        "/account/{account}/.%2e/users",
        "/%2e/account/{account}/users",
    ],
)
async def test_encoded_dot_segments_are_refused(api: FakeAPI, path: str) -> None:
    async with make_session() as lux:
        with pytest.raises(ValueError, match="segments"):
            await lux.request("GET", path)
    assert api.requests == []


def _self_referential() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda lux: lux.account.users.list(younger_than=10**400), "younger_than"),
        (lambda lux: lux.account.users.list(older_than=10**5000), "older_than"),
        (lambda lux: lux.account.users.list(younger_than=-(2**63) - 1), "younger_than"),
        (lambda lux: lux.request("GET", "/x", params={"page": 10**5000}), "page"),
        (lambda lux: lux.request("GET", "/x", params={"ids": _self_referential()}), "ids"),
        (lambda lux: lux.request("POST", "/x", json={"n": 10**400}), "json"),
        (lambda lux: lux.request("POST", "/x", json=_self_referential()), "json"),
        (
            lambda lux: lux.account.users.create(user="a@x.org", fields={"x": _self_referential()}),
            "fields",
        ),
    ],
    ids=[
        "int-10**400",
        "int-10**5000",
        "int-below",
        "param",
        "param-loop",
        "json-int",
        "json-loop",
        "fields-loop",
    ],
)
async def test_unrepresentable_values_are_refused_naming_the_field(
    api: FakeAPI, call: Any, field: str
) -> None:
    async with make_session() as lux:
        with pytest.raises((TypeError, ValueError)) as info:
            await call(lux)
    assert not isinstance(info.value, (OverflowError, RecursionError))
    assert str(info.value).startswith(field)
    assert api.requests == []


# -- what is signed ----------------------------------------------------------------------------


@pytest.mark.parametrize("body", [None, b""], ids=["none", "empty"])
@every_http_backend
async def test_an_empty_post_is_signed_as_the_public_clients_sign_it(body: bytes | None) -> None:
    """The emulator, like LuxSci's public clients, hashes sha256("") for an empty POST."""
    async with Emulator(seed=1) as emu, emu.client(user=next(iter(emu.users))) as lux:
        request = Prepared(
            method="POST",
            template="/user/{username}/app_passwords",
            path=f"/user/{lux.username}/app_passwords",
            body=body,
            idempotent=False,
        )
        await lux._pipeline.call(request)
        assert lux.stats.reauthentications == 0
        assert lux.stats.requests == 2  # the login and the call: no 401, no replay
