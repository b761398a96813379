"""Property tests: whatever the SDK accepts, it signs exactly what it sends.

Each request the SDK produces is checked by the emulator's own verifier
(``luxsci_async.testing._auth.Authenticator``, written from mechanics §3-4 independently of
the client's signer) and by a third verifier written here from mechanics §4. And what the
server decodes from the path and query is what the caller passed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote

import anyio
import httpx2
import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from luxsci_async import LuxSci
from luxsci_async._encoding import encode_query, path_value, query_value
from luxsci_async.testing._auth import Authenticator, body_hash
from luxsci_async.testing._validate import parse_query

from .conftest import SECRET, TOKEN

PREFIX = "/perl/api/v2"
SETTINGS = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class Verifier:
    """An httpx transport handler playing the server's signature check."""

    def __init__(self) -> None:
        self.auth = Authenticator(
            token=TOKEN, secret=SECRET, passwords=lambda login: None, ttl=None, clock_skew=300
        )
        self.seen: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        raw = request.url.raw_path.decode("ascii")
        path, _, query = raw.partition("?")
        if path == PREFIX + "/auth" and request.method == "POST":
            code = self.auth.handshake(json.loads(request.content))
            return httpx2.Response(201, json={"success": 1, "auth": code})
        content = request.content if request.method in ("POST", "PUT") else b""
        digest = body_hash(content) if content else ""
        cookie = request.headers.get("cookie")
        # 1. the emulator's verifier (raises AuthFailure on any mismatch)
        self.auth.verify(cookie, request.method, path, query, digest)
        # 2. mechanics §4, once more, by hand
        code, _, signature = cookie.removeprefix("signature=").rpartition(":")  # type: ignore[union-attr]
        sha = hashlib.sha256(content.strip()).hexdigest() if content else ""
        message = f"{code}\n{request.method}\n{path}\n{query}\n{sha}\n"
        expected = hmac.new(SECRET.encode(), message.encode(), hashlib.sha256).hexdigest()
        assert hmac.compare_digest(expected, signature)
        self.seen.append(request)
        return httpx2.Response(200, json={"success": 1, "data": {}})


BACKENDS = pytest.mark.parametrize("backend", ["asyncio", "trio"])
"""Every property runs on both event loops (a parameter, not the function-scoped
``anyio_backend`` fixture, which Hypothesis would share between examples)."""


def run(check: Callable[[LuxSci], Coroutine[Any, Any, None]], backend: str) -> Verifier:
    verifier = Verifier()

    async def main() -> None:
        lux = LuxSci(
            token=TOKEN,
            secret=SECRET,
            account="12345",
            transport=httpx2.MockTransport(verifier),
            max_retries=0,
        )
        async with lux:
            await check(lux)

    anyio.run(main, backend=backend)
    assert verifier.seen, "no signed request reached the verifier"
    return verifier


def _accepted_path_value(text: str, *, multi_segment: bool = False) -> bool:
    try:
        path_value("v", text, multi_segment=multi_segment)
    except (TypeError, ValueError):
        return False
    return True


path_texts = st.text(min_size=1, max_size=40)
scalar_values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
    st.datetimes(timezones=st.sampled_from([timezone(timedelta(hours=h)) for h in (-8, 5, 13)])),
)
query_values = st.one_of(scalar_values, st.lists(st.text(max_size=10), max_size=4))
query_keys = st.text(min_size=1, max_size=20)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)


@BACKENDS
@SETTINGS
@given(value=path_texts)
def test_any_accepted_path_parameter_is_signed_as_sent(value: str, backend: str) -> None:
    assume(_accepted_path_value(value))

    async def check(lux: LuxSci) -> None:
        await lux.account.domains.get(value)

    request = run(check, backend).seen[0]
    raw = request.url.raw_path.decode("ascii")
    prefix = f"{PREFIX}/account/12345/domains/"
    assert raw.startswith(prefix)
    segment = raw.removeprefix(prefix)
    assert "/" not in segment
    assert "?" not in segment
    assert "#" not in segment
    assert unquote(segment) == value


@BACKENDS
@SETTINGS
@given(value=st.lists(path_texts, min_size=1, max_size=4).map("/".join))
def test_any_accepted_multi_segment_path_is_signed_as_sent(value: str, backend: str) -> None:
    assume(_accepted_path_value(value, multi_segment=True))
    login = "jane@example.com"

    async def check(lux: LuxSci) -> None:
        await lux.user(login).content_library.get_file(value)

    request = run(check, backend).seen[0]
    raw = request.url.raw_path.decode("ascii")
    prefix = f"{PREFIX}/user/{login}/content_library/"
    assert raw.startswith(prefix)
    segments = raw.removeprefix(prefix).split("/")
    assert [unquote(s) for s in segments] == value.split("/")


def _expected_text(key: str, value: Any) -> str | None:
    if value is None:
        return None
    return query_value(key, value)


@BACKENDS
@SETTINGS
@given(params=st.lists(st.tuples(query_keys, query_values), max_size=6))
def test_any_accepted_query_is_signed_as_sent(params: list[tuple[str, Any]], backend: str) -> None:
    try:
        expected = [(k, _expected_text(k, v)) for k, v in params]
        encode_query(params)
    except (TypeError, ValueError):
        assume(False)
        return

    async def check(lux: LuxSci) -> None:
        await lux.request("GET", "/account/{account}/things", params=params)

    request = run(check, backend).seen[0]
    raw_query = request.url.raw_path.decode("ascii").partition("?")[2]
    # the server decodes exactly what was given, in the caller's order
    pairs = [p.partition("=") for p in raw_query.split("&") if p]
    decoded = [(unquote(k), unquote(v)) for k, _, v in pairs]
    assert decoded == [(k, v) for k, v in expected if v is not None]
    # and the emulator's own parser agrees (last value wins for repeated keys there)
    assert parse_query(raw_query) == dict(decoded)


@BACKENDS
@SETTINGS
@given(body=json_values, method=st.sampled_from(["POST", "PUT"]))
def test_any_json_body_is_hashed_as_sent(body: Any, method: str, backend: str) -> None:
    async def check(lux: LuxSci) -> None:
        await lux.request(method, "/account/{account}/things", json=body)

    try:
        orjson.dumps(body)
    except TypeError:  # e.g. ints beyond 64 bits: refused by the SDK before sending
        assume(False)
    request = run(check, backend).seen[0]
    sent = orjson.loads(request.content)
    if body is None:
        assert sent == {}
    else:
        assert sent == body


@BACKENDS
@SETTINGS
@given(
    when=st.datetimes(
        min_value=datetime(1971, 1, 1),
        max_value=datetime(2099, 1, 1),
        timezones=st.just(UTC),
    ),
    day=st.dates(min_value=date(1971, 1, 1), max_value=date(2099, 1, 1)),
)
def test_report_filters_are_signed_as_sent(when: datetime, day: date, backend: str) -> None:
    async def check(lux: LuxSci) -> None:
        report = lux.account.reports.delivery("smtp", from_date=day, through_date=when)
        await lux._pipeline.call(report._pinned())

    request = run(check, backend).seen[0]
    query = parse_query(request.url.raw_path.decode("ascii").partition("?")[2])
    assert query["from_date"] == day.strftime("%Y-%m-%d 00:00:00")
    assert query["through_date"] == when.strftime("%Y-%m-%d %H:%M:%S")
