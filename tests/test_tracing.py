"""OpenTelemetry: one span per call, named after the route template, never a value or a secret."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import anyio
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from luxsci_async import ConfigurationError, NotFoundError, RateLimit
from luxsci_async._pacing import MARGIN, MINUTE
from luxsci_async._tracing import span_route
from luxsci_async.testing import Emulator

from .conftest import PASSWORD, SECRET, TOKEN, USER, FakeClock, ManualClock, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio
USERS = "/account/12345/users"


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> TracerProvider:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider


def _by_kind(spans: tuple[ReadableSpan, ...], kind: str) -> list[ReadableSpan]:
    return [s for s in spans if s.attributes and s.attributes.get("luxsci.kind") == kind]


async def test_one_span_per_call_not_per_attempt(
    api: FakeAPI, fake_clock: FakeClock, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api.on("GET", USERS, [fail(503, "busy"), fail(502, "busy"), ok([])])
    async with make_session(tracer_provider=provider, max_retries=3) as lux:
        assert await lux.request("GET", "/account/{account}/users") == []
    spans = exporter.get_finished_spans()
    (call,) = _by_kind(spans, "call")
    assert call.name == "luxsci GET /account/{account}/users"
    assert call.kind is SpanKind.CLIENT
    assert dict(call.attributes or {}) == {
        "http.request.method": "GET",
        "url.template": "/account/{account}/users",
        "luxsci.kind": "call",
        "server.address": "rest.luxsci.com",
        "server.port": 443,
        "http.response.status_code": 200,
        "luxsci.attempts": 3,
        "http.request.resend_count": 2,
        "luxsci.rate_limit.wait": 0.0,
    }
    assert call.status.status_code is StatusCode.UNSET
    # The login happened inside the call: its own span, a child of the call's.
    (login,) = _by_kind(spans, "login")
    assert login.name == "luxsci POST /auth"
    assert login.parent is not None
    assert call.context is not None
    assert login.parent.span_id == call.context.span_id
    assert (login.attributes or {})["http.response.status_code"] == 201
    (revoke,) = _by_kind(spans, "revoke")
    assert revoke.name == "luxsci DELETE /auth"
    assert len(spans) == 3


async def test_rate_limit_waits_are_recorded(
    api: FakeAPI, fake_clock: FakeClock, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api.on("GET", USERS, [fail(429, "slow down", {"Retry-After": "2"}), ok([])])
    async with make_session(tracer_provider=provider) as lux:
        await lux.authenticate()
        await lux.request("GET", "/account/{account}/users")
    (call,) = _by_kind(exporter.get_finished_spans(), "call")
    attributes = call.attributes or {}
    assert attributes["luxsci.rate_limit.wait"] == pytest.approx(2.0)
    assert attributes["luxsci.attempts"] == 2


async def test_a_client_budget_wait_counts_too(
    api: FakeAPI,
    manual_clock: ManualClock,
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
) -> None:
    api.on("GET", USERS, [ok([])])
    async with make_session(tracer_provider=provider, rate_limit=RateLimit(per_minute=2)) as lux:
        await lux.request("GET", "/account/{account}/users")  # the login and this: 2 slots
        async with anyio.create_task_group() as tg:
            tg.start_soon(lux.request, "GET", "/account/{account}/users")
            await anyio.wait_all_tasks_blocked()
            await manual_clock.advance(MINUTE + MARGIN)  # the first slot frees
    calls = _by_kind(exporter.get_finished_spans(), "call")
    waits = [(c.attributes or {})["luxsci.rate_limit.wait"] for c in calls]
    assert waits[0] == 0.0
    assert waits[1] == pytest.approx(MINUTE + MARGIN, abs=1.0)


async def test_a_failed_call_records_the_error_type_only(
    api: FakeAPI, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api.on("GET", USERS, [fail(404, f"no user {USER} in account 12345")])
    async with make_session(tracer_provider=provider) as lux:
        with pytest.raises(NotFoundError):
            await lux.request("GET", "/account/{account}/users")
    (call,) = _by_kind(exporter.get_finished_spans(), "call")
    attributes = call.attributes or {}
    assert attributes["error.type"] == "NotFoundError"
    assert attributes["http.response.status_code"] == 404
    assert call.status.status_code is StatusCode.ERROR
    assert call.status.description is None  # the message names the account and the user
    assert call.events == ()  # no exception event either


async def test_a_cancelled_call_ends_its_span_and_restores_the_context(
    api: FakeAPI,
    manual_clock: ManualClock,
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
) -> None:
    api.on("GET", USERS, [fail(429, "slow down", {"Retry-After": "30"}), ok([])])
    tracer = provider.get_tracer("test")
    async with make_session(tracer_provider=provider) as lux:
        await lux.authenticate()
        with tracer.start_as_current_span("outer") as outer:
            with anyio.CancelScope() as scope:

                async def cancel_once_waiting() -> None:
                    await anyio.wait_all_tasks_blocked()  # the call waits out the 429 pause
                    scope.cancel()

                async with anyio.create_task_group() as tg:
                    tg.start_soon(cancel_once_waiting)
                    await lux.request("GET", "/account/{account}/users")  # in this task
            assert scope.cancelled_caught
            assert trace.get_current_span() is outer
    (call,) = _by_kind(exporter.get_finished_spans(), "call")
    assert (call.attributes or {})["error.type"] in ("CancelledError", "Cancelled")
    assert call.parent is not None
    assert call.parent.span_id == outer.get_span_context().span_id


async def test_report_pages_get_a_span_each(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    async with Emulator(rows=250, seed=4).client(tracer_provider=provider) as lux:
        rows = [row async for row in lux.account.reports.sent_smtp(page_size=100)]
    assert len(rows) == 250
    pages = _by_kind(exporter.get_finished_spans(), "call")
    assert [p.name for p in pages] == ["luxsci GET /account/{account}/report/email/smtp/sent"] * 3
    assert all((p.attributes or {})["http.response.status_code"] == 200 for p in pages)


def _span_texts(spans: tuple[ReadableSpan, ...]) -> str:
    texts = []
    for span in spans:
        texts += [span.name, repr(dict(span.attributes or {})), repr(span.status.description)]
        texts += [repr(event.attributes) for event in span.events]
        texts.append(span.to_json())
    return "\n".join(texts)


async def test_spans_never_hold_a_secret_a_mailbox_or_an_account(
    api: FakeAPI, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api.on("PUT", f"{USERS}/{USER}", [ok({})])
    api.on("GET", f"/user/{USER}/profile", [fail(403, f"{USER} is not yours")])
    api.on("GET", f"/account/12345/elsewhere/{USER}", [ok({})])
    async with make_session(tracer_provider=provider) as lux:
        await lux.account.users.update(USER, fields={"password": PASSWORD})
        with pytest.raises(Exception, match="not yours"):
            await lux.user(USER).profile.get()
        await lux.request("GET", f"/account/{{account}}/elsewhere/{USER}")  # no such route
    spans = exporter.get_finished_spans()
    names = sorted(s.name for s in spans)
    assert names == [
        "luxsci DELETE /auth",
        "luxsci GET",
        "luxsci GET /user/{username}/profile",
        "luxsci POST /auth",
        "luxsci PUT /account/{account}/users/{user}",
    ]
    texts = _span_texts(spans)
    codes = set(api.valid) | set(api.revoked) | set(api.codes_used)
    assert codes
    for value in [USER, "jane", "12345", SECRET, PASSWORD, TOKEN, *codes]:
        assert value not in texts, value


async def test_user_scope_spans_hold_no_login(
    user_api: FakeAPI, provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    user_api.on("GET", f"/user/{USER}/profile", [ok({"user": USER})])
    async with make_session(
        account=None, user=USER, password=PASSWORD, tracer_provider=provider
    ) as lux:
        await lux.request("GET", "/user/{username}/profile")
        await lux.request("GET", f"/user/{USER}/profile")  # the login written out by hand
    spans = exporter.get_finished_spans()
    assert len(_by_kind(spans, "call")) == 2
    assert {s.name for s in _by_kind(spans, "call")} == {"luxsci GET /user/{username}/profile"}
    texts = _span_texts(spans)
    for value in [USER, "jane", SECRET, PASSWORD, *user_api.valid, *user_api.revoked]:
        assert value not in texts, value


def test_templates_given_by_hand_are_matched_to_the_route_table() -> None:
    assert span_route("/account/{account}/users") == "/account/{account}/users"
    assert span_route(f"/account/{{account}}/users/{USER}") == "/account/{account}/users/{user}"
    assert span_route(f"/account/{{account}}/users/{USER}/rename") == (
        "/account/{account}/users/{user}/rename"
    )
    assert span_route(f"/account/12345/users/{USER}") == "/account/{account}/users/{user}"
    assert span_route(f"/nowhere/{USER}") is None


@pytest.fixture
def global_provider(provider: TracerProvider, monkeypatch: pytest.MonkeyPatch) -> TracerProvider:
    # The API lets a process set its provider once; tests put it in place and take it back.
    monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)
    return provider


async def test_auto_mode_uses_the_global_provider_once_set(
    api: FakeAPI, provider: TracerProvider, exporter: InMemorySpanExporter, monkeypatch: Any
) -> None:
    api.on("GET", USERS, [ok([])])
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")  # no provider yet: no span
        assert exporter.get_finished_spans() == ()
        monkeypatch.setattr(trace, "_TRACER_PROVIDER", provider)
        await lux.request("GET", "/account/{account}/users")
    assert len(_by_kind(exporter.get_finished_spans(), "call")) == 1


async def test_the_public_getter_is_the_fallback(
    api: FakeAPI, provider: TracerProvider, exporter: InMemorySpanExporter, monkeypatch: Any
) -> None:
    # Should the API's global move, the session asks get_tracer_provider() instead.
    monkeypatch.delattr(trace, "_TRACER_PROVIDER")
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: provider)
    api.on("GET", USERS, [ok([])])
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")
    assert len(_by_kind(exporter.get_finished_spans(), "call")) == 1


async def test_tracing_false_emits_nothing(
    api: FakeAPI, global_provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    api.on("GET", USERS, [ok([])])
    async with make_session(tracing=False) as lux:
        await lux.request("GET", "/account/{account}/users")
    assert exporter.get_finished_spans() == ()
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")
    assert len(_by_kind(exporter.get_finished_spans(), "call")) == 1


def test_contradictions_and_wrong_types_are_refused(provider: TracerProvider) -> None:
    with pytest.raises(ConfigurationError, match="tracing=False contradicts tracer_provider"):
        make_session(tracing=False, tracer_provider=provider)
    with pytest.raises(ConfigurationError, match="tracer_provider must be"):
        make_session(tracer_provider=object())


def test_the_package_works_without_opentelemetry() -> None:
    script = """
import sys
sys.modules["opentelemetry"] = None  # as if the otel extra were not installed
import luxsci_async
from luxsci_async import ConfigurationError, LuxSci
args = dict(token="T", secret="s", account="1")
lux = LuxSci(**args)
assert lux._pipeline.observer.watch("call", "GET", "/x") is None
try:
    LuxSci(tracing=True, **args)
except ConfigurationError as exc:
    print("refused:", exc)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "refused: tracing needs the otel extra" in result.stdout
