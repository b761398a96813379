"""Secrets never leak, and the transport is secure by default.

With DEBUG logging on and every error path exercised, the API secret, the user password,
auth codes and signature cookies never appear in logs, ``repr``/``str`` of sessions,
settings and exceptions, or formatted tracebacks.
"""

from __future__ import annotations

import json
import logging
import secrets
import socket
import threading
import traceback
from typing import Any

import httpx2
import pytest
import respx
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from luxsci_async import (
    AuthenticationError,
    ConfigurationError,
    LuxSciError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeout,
    RetryPolicy,
    ServerError,
    Timeout,
    TransportError,
)
from luxsci_async.cli import main
from luxsci_async.testing import Emulator

from .conftest import PASSWORD, SECRET, TOKEN, USER, every_http_backend, make_session
from .fakeapi import FakeAPI, fail, ok
from .rawserver import RawRequest, response, serve

pytestmark = pytest.mark.anyio
PATH = "/account/12345/things"


def _exception_texts(exc: BaseException) -> list[str]:
    """str, repr, formatted traceback and attribute reprs of an exception and its chain."""
    texts = ["".join(traceback.format_exception(exc))]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        texts += [repr(value) for value in vars(current).values()]
        current = current.__cause__ or current.__context__
    return texts


def _raises_of(*errors: Exception) -> Any:
    queue = list(errors)

    def handler(request: httpx2.Request) -> httpx2.Response:
        step = queue.pop(0) if queue else ok({"fine": True})
        if isinstance(step, Exception):
            raise step
        return step  # type: ignore[return-value]

    return handler


async def test_no_secret_on_any_error_path(
    user_api: FakeAPI,
    fake_clock: Any,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    api = user_api
    # Hooks, spans and raw responses see every path below as well.
    events: list[object] = []
    hooks: Any = {"request": [events.append], "response": [events.append], "retry": [events.append]}
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    observed = {"event_hooks": hooks, "tracer_provider": provider}
    lux = make_session(account=None, user=USER, password=PASSWORD, max_retries=1, **observed)
    texts += [repr(lux), str(lux), repr(lux._settings), str(lux._settings), repr(lux.stats)]
    captured = lux.capture_responses()
    responses = captured.__enter__()

    async def attempt(method: str = "GET", **kw: Any) -> None:
        try:
            await lux.request(method, f"/user/{{username}}{PATH}", **kw)
        except (LuxSciError, ValueError, TypeError) as exc:
            texts.extend(_exception_texts(exc))

    user_path = f"/user/{USER}{PATH}"
    # 5xx, retried then raised
    api.on("GET", user_path, [fail(500, "boom")])
    await attempt()
    # 401 on a call: re-authenticate once, replay, then raise the second 401
    api.on("GET", user_path, [fail(401, "expired")])
    await attempt()
    # 429 with a hint too long to wait for
    api.on("GET", user_path, [fail(429, "slow down", {"Retry-After": "3600"})])
    await attempt()
    # transport errors: connect refused, read timeout, dropped connection (POST: outcome unknown)
    api.on("GET", user_path, _raises_of(httpx2.ConnectError("refused"), httpx2.ConnectError("no")))
    await attempt()
    api.on("GET", user_path, _raises_of(httpx2.ReadTimeout("late"), httpx2.ReadTimeout("late")))
    await attempt()
    api.on("POST", user_path, _raises_of(httpx2.RemoteProtocolError("dropped")))
    await attempt("POST", json={"password": PASSWORD})
    # validation errors, with the secret passed where it does not belong
    await attempt(params={"q": f"{SECRET}\r\n"})
    await attempt("GET", json={"secret": SECRET})
    # a success, captured raw
    api.on("GET", user_path, [ok({"fine": True})])
    await attempt()
    captured.__exit__(None, None, None)
    codes_before_auth_failure = set(api.valid) | set(api.codes_used) | set(api.revoked)
    # revocation failure on close (the code is no longer valid: 401 to the DELETE)
    api.valid.clear()
    await lux.aclose()
    # authentication failure (bad password): shared by all waiters, then raised
    bad = make_session(account=None, user=USER, password=PASSWORD + "x", max_retries=0, **observed)
    try:
        await bad.authenticate()
    except AuthenticationError as exc:
        texts.extend(_exception_texts(exc))
    else:
        raise AssertionError("a wrong password must fail")
    await bad.aclose()

    texts.append(caplog.text)
    texts += [record.getMessage() for record in caplog.records]
    texts += [repr(record.args) for record in caplog.records]
    texts.append("".join(capsys.readouterr()))
    texts += [repr(event) + repr(dict(getattr(event, "headers", {}))) for event in events]
    texts += [span.to_json() for span in exporter.get_finished_spans()]
    texts += [repr(response) + repr(dict(response.headers)) for response in responses]
    assert len(responses) == 1
    assert len(events) > 20
    assert {"login", "revoke"} <= {getattr(e, "kind", None) for e in events}
    assert len(exporter.get_finished_spans()) > 10
    everything = "\n".join(texts)
    assert "-> 500" in caplog.text
    assert "-> 401" in caplog.text
    assert "-> 429" in caplog.text
    assert "ConnectError" in caplog.text
    assert "revoking the auth code failed" in caplog.text
    codes = codes_before_auth_failure
    assert len(codes) >= 2
    signatures = [
        request.headers["cookie"].rsplit(":", 1)[-1]
        for request in api.requests
        if "cookie" in request.headers
    ]
    assert signatures
    for secret in [SECRET, PASSWORD, PASSWORD + "x", *codes, *signatures]:
        assert secret not in everything, secret[:12]
    assert "signature=" not in everything
    assert any(isinstance(t, str) and "OutcomeUnknownError" in t for t in texts)


async def test_auth_payload_secrets_stay_out_of_errors_from_the_handshake(
    api: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """A server that echoes the request back in its error page must not leak it in repr."""
    caplog.set_level(logging.DEBUG)
    api.auth_handler = lambda request: httpx2.Response(200, text="<html>echo</html>")
    async with make_session(max_retries=0) as lux:
        with pytest.raises(LuxSciError) as info:
            await lux.authenticate()
    everything = "\n".join([*_exception_texts(info.value), caplog.text])
    assert SECRET not in everything
    signature = api.auth_bodies[0]["signature"]
    assert signature not in everything


async def test_transport_error_cause_does_not_carry_the_signature_cookie(api: FakeAPI) -> None:
    api.on("GET", PATH, _raises_of(httpx2.ReadTimeout("late")))
    async with make_session(max_retries=0) as lux:
        with pytest.raises(RequestTimeout) as info:
            await lux.request("GET", "/account/{account}/things")
    cause = info.value.__cause__
    request = getattr(cause, "_request", None)
    assert request is None or "cookie" not in request.headers


async def test_outcome_unknown_error_names_the_call_not_the_secrets(api: FakeAPI) -> None:
    api.on("POST", PATH, _raises_of(httpx2.ReadError("reset")))
    async with make_session() as lux:
        with pytest.raises(OutcomeUnknownError) as info:
            await lux.request("POST", "/account/{account}/things", json={"k": SECRET})
    text = "\n".join(_exception_texts(info.value))
    assert "POST /perl/api/v2/account/12345/things" in text
    assert SECRET not in text


def test_cli_errors_with_verbose_leak_nothing(
    api: FakeAPI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("TOKEN", "SECRET", "ACCOUNT", "USER", "PASSWORD", "HOST", "BASE_URL"):
        monkeypatch.delenv(f"LUXSCI_{name}", raising=False)
    logger = logging.getLogger("luxsci_async")
    handlers, level = list(logger.handlers), logger.level
    api.on("GET", "/account/12345/domains", [fail(503, "down")])
    try:
        wrong = SECRET + "-wrong"
        account_args = ["--token", TOKEN, "--account", "12345"]
        user_args = ["--user", USER, "--token", TOKEN]
        # Secrets come only from the environment: (argv, LUXSCI_SECRET, LUXSCI_PASSWORD).
        runs: list[tuple[list[str], str, str | None]] = [
            # authentication failure (wrong secret: bad handshake signature)
            (["-v", "auth", "check", *user_args], wrong, PASSWORD),
            # server errors after retries
            (["-v", "call", "getDomains", *account_args], SECRET, None),
            # bad input carrying the secret
            (["-v", "call", "getDomain", f"domain={SECRET}/x", *account_args], SECRET, None),
            # configuration error
            (["-v", "auth", "check", "--token", TOKEN, "--account", "x"], SECRET, None),
        ]
        for argv, secret, password in runs:
            monkeypatch.setenv("LUXSCI_SECRET", secret)
            if password is None:
                monkeypatch.delenv("LUXSCI_PASSWORD", raising=False)
            else:
                monkeypatch.setenv("LUXSCI_PASSWORD", password)
            assert main(argv) == 1
    finally:
        logger.handlers[:] = handlers
        logger.setLevel(level)
    out = capsys.readouterr()
    everything = out.out + out.err
    assert everything.count("luxsci: error:") == len(runs)
    assert "-> 503" in everything
    codes = api.valid | set(api.codes_used) | set(api.revoked)
    for secret in [SECRET, wrong, PASSWORD, *codes]:
        assert secret not in everything
    assert "signature=" not in everything


@every_http_backend
def test_cli_verbose_against_the_emulator_leaks_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    logger = logging.getLogger("luxsci_async")
    handlers, level = list(logger.handlers), logger.level
    with Emulator(seed=9, auth_ttl=0.2) as emu:
        login, password = next(iter(emu.users.items()))
        for name, value in [("BASE_URL", emu.base_url), ("TOKEN", emu.token)]:
            monkeypatch.setenv(f"LUXSCI_{name}", value)
        monkeypatch.setenv("LUXSCI_SECRET", emu.secret)
        for name in ("ACCOUNT", "HOST"):
            monkeypatch.delenv(f"LUXSCI_{name}", raising=False)
        monkeypatch.setenv("LUXSCI_USER", login)
        monkeypatch.setenv("LUXSCI_PASSWORD", password)
        try:
            assert main(["-v", "auth", "check"]) == 0
            assert main(["-v", "call", "getUser"]) == 0
            monkeypatch.setenv("LUXSCI_PASSWORD", password + "-wrong")
            assert main(["-v", "auth", "check"]) == 1
        finally:
            logger.handlers[:] = handlers
            logger.setLevel(level)
        codes = list(emu.app.auth._codes)
    out = capsys.readouterr()
    everything = out.out + out.err
    assert "POST /perl/api/v2/auth -> 401" in everything
    for secret in [emu.secret, password, *codes]:
        assert secret not in everything
    assert "signature=" not in everything


# -- transport security --------------------------------------------------------------------


def test_tls_verification_is_on_by_default() -> None:
    lux = make_session()
    client = lux._pipeline.http._client
    assert str(client.base_url) in ("", "/") or client.base_url.scheme in ("", "https")
    assert lux.base_url == "https://rest.luxsci.com"
    pool = client._transport._pool  # type: ignore[attr-defined]
    context = pool._ssl_context
    import ssl

    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True
    assert client.follow_redirects is False
    assert client._trust_env is False  # no proxy or CA bundle taken from the environment


@pytest.mark.parametrize(
    "base_url",
    [
        "http://rest.luxsci.com",
        "http://example.com:8080",
        "http://10.0.0.1",
        "http://localhost.evil.com",
        "http://127.0.0.1.evil.com",
        "http://localhost:80@evil.com",
        "http://[::1]@evil.com",
    ],
)
def test_plain_http_only_for_an_explicit_loopback_base_url(
    monkeypatch: pytest.MonkeyPatch, base_url: str
) -> None:
    with pytest.raises(ConfigurationError):
        make_session(base_url=base_url)
    monkeypatch.setenv("LUXSCI_BASE_URL", base_url)
    with pytest.raises(ConfigurationError):
        make_session()


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8080", "http://localhost", "http://[::1]:9"]
)
def test_plain_http_on_loopback_is_allowed(base_url: str) -> None:
    assert make_session(base_url=base_url).base_url == base_url


def test_host_is_always_https() -> None:
    assert make_session(host="example.luxsci.net").base_url == "https://example.luxsci.net"


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_redirects_are_never_followed(api: FakeAPI, status: int) -> None:
    hits: list[httpx2.Request] = []
    with respx.mock(assert_all_called=False) as elsewhere:
        elsewhere.route(host="evil.example").mock(side_effect=lambda r: hits.append(r) or ok())
        api.on(
            "GET",
            PATH,
            [httpx2.Response(status, headers={"Location": "https://evil.example/steal"})],
        )
        async with make_session(max_retries=0) as lux:
            with pytest.raises((LuxSciError, TransportError)):
                await lux.request("GET", "/account/{account}/things")
    assert hits == []
    # only the original host was ever contacted
    assert {r.url.host for r in api.requests} == {"rest.luxsci.com"}


async def test_redirect_answer_is_a_typed_error_without_secrets(api: FakeAPI) -> None:
    api.on("GET", PATH, [httpx2.Response(302, headers={"Location": "https://evil.example/"})])
    async with make_session(max_retries=0) as lux:
        with pytest.raises(LuxSciError) as info:
            await lux.request("GET", "/account/{account}/things")
    assert not isinstance(info.value, (ServerError, RateLimitError))
    text = "\n".join(_exception_texts(info.value))
    assert SECRET not in text
    assert "signature=" not in text


# -- every error path over real sockets, on every HTTP backend -----------------------------


@every_http_backend
async def test_no_secret_on_any_error_path_over_sockets(
    caplog: pytest.LogCaptureFixture, fake_clock: Any
) -> None:
    from .test_hardening import reachable_texts

    caplog.set_level(logging.DEBUG)
    issued: list[str] = []
    release = threading.Event()

    def handler(request: RawRequest) -> bytes | None:
        if request.path.endswith("/auth"):
            if request.method == "DELETE":
                return response(200, b'{"success":1}')
            if (PASSWORD + "x").encode() in request.body:
                return response(401, b'{"success":0,"error":"bad login"}')
            issued.append(f"1-1617889562-{secrets.token_hex(32)}")
            return response(201, json.dumps({"success": 1, "auth": issued[-1]}).encode())
        fault = request.path.rsplit("/", 1)[-1]
        if fault == "drop":
            return None
        if fault == "hang":
            release.wait(10)
            return None
        if fault == "garbage":
            return b"NOT HTTP AT ALL\r\n\r\n"
        status = {"s500": 500, "s401": 401, "s429": 429, "moved": 302}[fault]
        headers = {"Retry-After": "3600", "Location": "http://127.0.0.1:9/steal"}
        return response(status, b'{"success":0,"error":"no"}', headers)

    errors: list[BaseException] = []
    with serve(handler) as server:
        retry = RetryPolicy(max_retries=1, backoff_base=0.01)
        timeout = Timeout(connect=1, read=0.3, write=1, pool=1)
        settings: dict[str, Any] = {"retry": retry, "timeout": timeout, "account": None}
        lux = make_session(base_url=server.base_url, user=USER, password=PASSWORD, **settings)
        for method, fault in [
            ("GET", "s500"),
            ("GET", "s401"),
            ("GET", "s429"),
            ("GET", "moved"),
            ("GET", "garbage"),
            ("GET", "drop"),
            ("GET", "hang"),
            ("POST", "drop"),
            ("POST", "garbage"),
        ]:
            body = {"password": PASSWORD} if method == "POST" else None
            try:
                await lux.request(method, f"/user/{{username}}/{fault}", json=body)
            except LuxSciError as exc:
                errors.append(exc)
        await lux.aclose()
        bad = make_session(base_url=server.base_url, user=USER, password=PASSWORD + "x", **settings)
        try:
            await bad.authenticate()
        except AuthenticationError as exc:
            errors.append(exc)
        await bad.aclose()
        release.set()
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    closed_port = probe.getsockname()[1]
    probe.close()
    refused = make_session(
        base_url=f"http://127.0.0.1:{closed_port}", user=USER, password=PASSWORD, **settings
    )
    try:
        await refused.authenticate()
    except TransportError as exc:
        errors.append(exc)
    await refused.aclose()

    kinds = {type(e).__name__ for e in errors}
    assert len(errors) == 11
    assert {"ServerError", "AuthenticationError", "RateLimitError", "RedirectError"} <= kinds
    assert {"TransportError", "RequestTimeout", "OutcomeUnknownError", "ConnectError"} <= kinds
    cookies = [r.headers["cookie"] for r in server.requests if "cookie" in r.headers]
    signatures = [c.rsplit(":", 1)[-1] for c in cookies]
    logins = [json.loads(r.body) for r in server.requests if r.path.endswith("/auth") and r.body]
    assert len(issued) >= 2
    assert len(signatures) >= 9
    assert logins
    assert all(login["pass"] in (PASSWORD, PASSWORD + "x") for login in logins)
    texts = [text for exc in errors for text in reachable_texts(exc)] + [caplog.text]
    everything = "\n".join(texts)
    assert "-> 500" in caplog.text
    for secret in [SECRET, PASSWORD, *issued, *signatures, *(x["signature"] for x in logins)]:
        assert secret not in everything, secret[:12]
    assert "signature=" not in everything
