"""Event hooks: every attempt (the login and the revocation too), sync or async, no secrets."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import httpx2
import pytest
import respx

from luxsci_async import (
    ConfigurationError,
    EventHooks,
    RequestEvent,
    ResponseEvent,
    RetryEvent,
)

from .conftest import BASE, PASSWORD, SECRET, TOKEN, USER, FakeClock, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio
PATH = "/account/12345/things"
TEMPLATE = "/account/{account}/things"
Event = RequestEvent | ResponseEvent | RetryEvent


class Recorder:
    """Hooks for every event, recording them in order (one of each kind sync, async)."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def sync(self, event: Any) -> None:
        self.events.append(event)

    async def asynchronous(self, event: Any) -> None:
        await anyio.lowlevel.checkpoint()
        self.events.append(event)

    def hooks(self) -> EventHooks:
        return {"request": [self.sync], "response": [self.asynchronous], "retry": [self.sync]}

    def brief(self) -> list[tuple[str, str, str, int, object]]:
        """(event, kind, method, attempt, status or reason) of each event."""
        out: list[tuple[str, str, str, int, object]] = []
        for e in self.events:
            if isinstance(e, RequestEvent):
                out.append(("request", e.kind, e.method, e.attempt, None))
            elif isinstance(e, ResponseEvent):
                out.append(("response", e.kind, e.method, e.attempt, e.status or e.error))
            else:
                out.append(("retry", e.kind, e.method, e.attempt, e.reason))
        return out


async def test_every_attempt_of_a_call_its_login_and_the_revocation(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok("x")])
    recorder = Recorder()
    async with make_session(event_hooks=recorder.hooks()) as lux:
        await lux.request("GET", TEMPLATE)
    assert recorder.brief() == [
        ("request", "login", "POST", 1, None),
        ("response", "login", "POST", 1, 201),
        ("request", "call", "GET", 1, None),
        ("response", "call", "GET", 1, 200),
        ("request", "revoke", "DELETE", 1, None),
        ("response", "revoke", "DELETE", 1, 200),
    ]
    call = recorder.events[2]
    assert (call.template, call.path) == (TEMPLATE, "/perl/api/v2" + PATH)
    login = recorder.events[0]
    assert (login.template, login.path) == ("/auth", "/perl/api/v2/auth")


async def test_a_typed_call_names_its_route_template() -> None:
    from luxsci_async.testing import Emulator

    recorder = Recorder()
    async with Emulator(seed=2).client(event_hooks=recorder.hooks()) as lux:
        users = await lux.account.users.list()
        await lux.user(users[0].user).profile.get()
    calls = [e for e in recorder.events if isinstance(e, RequestEvent) and e.kind == "call"]
    assert [e.template for e in calls] == ["/account/{account}/users", "/user/{username}/profile"]
    assert calls[1].path == f"/perl/api/v2/user/{users[0].user}/profile"


async def test_retries_say_why_and_how_long(api: FakeAPI, fake_clock: FakeClock) -> None:
    api.on(
        "GET",
        PATH,
        [
            fail(503, "busy"),
            fail(429, "slow down", {"Retry-After": "2"}),
            fail(401, "expired"),
            ok("done"),
        ],
    )
    recorder = Recorder()
    async with make_session(event_hooks=recorder.hooks(), max_retries=3) as lux:
        await lux.authenticate()
        recorder.events.clear()
        assert await lux.request("GET", TEMPLATE) == "done"
        retries = [e for e in recorder.events if isinstance(e, RetryEvent)]
        assert [(e.reason, e.attempt, e.status) for e in retries] == [
            ("fault", 1, 503),
            ("rate_limited", 2, 429),
            ("reauthenticate", 3, 401),
        ]
        assert retries[0].wait == fake_clock.sleeps[0] > 0  # the backoff it then slept
        assert retries[1].wait == 2.0  # the server's Retry-After
        assert retries[2].wait == 0.0
        # The replay after the 401 waits for a new code: the login's events come between.
        kinds = [(e.kind, type(e).__name__) for e in recorder.events]
        assert kinds[-4:] == [
            ("login", "RequestEvent"),
            ("login", "ResponseEvent"),
            ("call", "RequestEvent"),
            ("call", "ResponseEvent"),
        ]
        requests = [e for e in recorder.events if isinstance(e, RequestEvent) and e.kind == "call"]
        assert [e.attempt for e in requests] == [1, 2, 3, 4]


async def test_a_transport_failure_is_a_response_without_status(fake_clock: FakeClock) -> None:
    api = FakeAPI()
    failures = [httpx2.ConnectError("refused")]

    def flaky(request: httpx2.Request) -> httpx2.Response:
        if request.url.path.endswith("/things") and failures:
            raise failures.pop()
        return api(request)  # type: ignore[no-any-return]

    api.on("GET", PATH, [ok(1)])
    recorder = Recorder()
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.route().mock(side_effect=flaky)
        async with make_session(event_hooks=recorder.hooks()) as lux:
            await lux.authenticate()
            recorder.events.clear()
            await lux.request("GET", TEMPLATE)
    first = recorder.events[1]
    assert isinstance(first, ResponseEvent)
    assert (first.status, first.error, dict(first.headers)) == (None, "ConnectError", {})
    assert isinstance(recorder.events[2], RetryEvent)
    assert recorder.events[2].reason == "fault"
    assert recorder.events[2].error == "ConnectError"


async def test_elapsed_is_the_time_of_the_exchange(api: FakeAPI, fake_clock: FakeClock) -> None:
    def slow(request: httpx2.Request) -> httpx2.Response:
        fake_clock.advance(0.25)
        return ok(1)

    api.on("GET", PATH, slow)
    recorder = Recorder()
    async with make_session(event_hooks=recorder.hooks()) as lux:
        await lux.request("GET", TEMPLATE)
    (response,) = [e for e in recorder.events if isinstance(e, ResponseEvent) and e.kind == "call"]
    assert response.elapsed == pytest.approx(0.25)
    assert response.headers["content-type"] == "application/json"


async def test_a_raising_request_hook_ends_the_call_before_anything_is_sent(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok(1)])

    def veto(event: RequestEvent) -> None:
        if event.kind == "call":
            raise PermissionError("not this one")

    async with make_session(event_hooks={"request": [veto]}) as lux:
        with pytest.raises(PermissionError, match="not this one"):
            await lux.request("GET", TEMPLATE)
    assert not [r for r in api.requests if r.url.path.endswith("/things")]
    assert api.revoked  # the session still closed properly


async def test_a_raising_response_hook_propagates(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok(1)])

    async def broken(event: ResponseEvent) -> None:
        if event.kind == "call":
            raise RuntimeError("metrics down")

    async with make_session(event_hooks={"response": [broken]}) as lux:
        with pytest.raises(RuntimeError, match="metrics down"):
            await lux.request("GET", TEMPLATE)


async def test_a_hook_failing_during_the_revocation_is_logged_not_raised(
    api: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    api.on("GET", PATH, [ok(1)])

    def broken(event: RequestEvent) -> None:
        if event.kind == "revoke":
            raise RuntimeError("metrics down")

    lux = make_session(event_hooks={"request": [broken]})
    await lux.request("GET", TEMPLATE)
    with caplog.at_level(logging.WARNING, logger="luxsci_async"):
        await lux.aclose()
    assert lux.closed
    assert "an event hook failed while revoking: RuntimeError" in caplog.text
    assert api.revoked  # the hook's failure did not stop the revocation either
    assert lux._pipeline.http.checked_out_connections() == 0


@pytest.mark.parametrize(
    ("hooks", "message"),
    [
        ({"requets": []}, "unknown event 'requets'"),
        ({"request": print}, r"event_hooks\['request'\] must be a list"),
        ({"retry": [print, 3]}, r"event_hooks\['retry'\]\[1\] is not callable: int"),
        ([print], "must be a mapping"),
    ],
)
def test_bad_hooks_are_refused_by_name(hooks: Any, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        make_session(event_hooks=hooks)


@pytest.fixture
def user_api() -> Iterator[FakeAPI]:
    fake = FakeAPI(user=USER, password=PASSWORD)
    login = fake._auth

    def login_setting_a_cookie(request: httpx2.Request) -> httpx2.Response:
        response = login(request)
        code = response.json().get("auth", "")
        response.headers["Set-Cookie"] = f"session={code}"  # a header carrying the code
        return response

    fake._auth = login_setting_a_cookie  # type: ignore[method-assign]
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.route().mock(side_effect=fake)
        yield fake


def _everything(event: Event) -> str:
    values = [repr(event), str(event)]
    for name in attrs_fields(event):
        value = getattr(event, name)
        values.append(repr(dict(value)) if name == "headers" else repr(value))
    return "\n".join(values)


def attrs_fields(event: Event) -> list[str]:
    import attrs

    return [field.name for field in attrs.fields(type(event))]


async def test_events_never_carry_a_secret(user_api: FakeAPI, fake_clock: FakeClock) -> None:
    api = user_api
    user_path = f"/user/{USER}/things"
    api.on("GET", user_path, [fail(503, "busy"), fail(401, "expired"), ok(1)])
    api.on("POST", user_path, [ok(2)])
    recorder = Recorder()
    lux = make_session(
        account=None, user=USER, password=PASSWORD, event_hooks=recorder.hooks(), max_retries=2
    )
    async with lux:
        await lux.request("GET", "/user/{username}/things")
        await lux.request("POST", "/user/{username}/things", json={"password": "in-the-body"})
    kinds = {(type(e).__name__, e.kind) for e in recorder.events}
    assert {("ResponseEvent", "login"), ("RetryEvent", "call"), ("RequestEvent", "revoke")} <= kinds
    texts = "\n".join(_everything(e) for e in recorder.events)
    codes = set(api.valid) | set(api.revoked) | set(api.codes_used)
    assert len(codes) >= 2
    cookies = [r.headers["cookie"] for r in api.requests if "cookie" in r.headers]
    signatures = [cookie.rsplit(":", 1)[1] for cookie in cookies]
    assert cookies
    assert signatures
    for secret in [SECRET, PASSWORD, "in-the-body", *codes, *cookies, *signatures]:
        assert secret not in texts
    # the login body (token, date, signature) is not there either
    login_body = api.auth_bodies[0]
    assert login_body["signature"] not in texts
    assert TOKEN not in texts
    logins = [e for e in recorder.events if isinstance(e, ResponseEvent) and e.kind == "login"]
    assert logins
    assert all("set-cookie" not in e.headers for e in logins)
    assert all(e.headers.get("content-type") == "application/json" for e in logins)


async def test_hooks_cost_nothing_when_absent(api: FakeAPI, monkeypatch: Any) -> None:
    # With no hook (and no tracer), no watch is made: the loop's extra work is a few checks.
    import luxsci_async._hooks as hooks_module

    made: list[object] = []
    original: Callable[..., Any] = hooks_module.Watch.__init__

    def counting(self: Any, *args: Any) -> None:
        made.append(self)
        original(self, *args)

    monkeypatch.setattr(hooks_module.Watch, "__init__", counting)
    api.on("GET", PATH, [ok(1)])
    async with make_session(tracing=False) as lux:
        await lux.request("GET", TEMPLATE)
    assert made == []
    async with make_session(tracing=False, event_hooks={"retry": [print]}) as lux:
        await lux.request("GET", TEMPLATE)
    assert len(made) == 3  # login, call, revocation
