"""Every route, called through its generated typed method over respx.

For each route: the method, path, query or body on the wire are what the route declares,
the signature verifies (independently of the SDK's signer), and a realistic response
decodes into the route's model.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote, unquote

import attrs
import httpx2
import pytest
import respx

from luxsci_async import LuxSci
from luxsci_async._routes.spec import Param, Route
from luxsci_async._routes.table import ROUTES
from luxsci_async._types import Attachment
from luxsci_async.models import Job, JobStatus

from .conftest import BASE, make_session
from .fakeapi import FakeAPI, json_part, ok
from .samples import SAMPLES

pytestmark = pytest.mark.anyio

USER = "jane@example.com"
WHEN = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
ENDPOINT_ROUTES = [r for r in ROUTES if r.scope != "auth"]


def sample_arg(param: Param) -> Any:
    if param.allowed:
        return param.allowed[-1]
    if param.multi_segment:
        return "docs/2024 q1/report.pdf"
    return {
        "str": "jo+e@example.com" if param.name in ("email", "user", "alias") else "val ue",
        "int": 7,
        "float": 1.5,
        "bool": True,
        "datetime": WHEN,
        "str_list": ["a@x.org", "b@y.org"],
        "mapping": {"x_custom": "v1", "Unique ID": 3},
        "any": ["x", 1],
    }[param.kind]


def wire_value(param: Param, value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return "2024-01-02 03:04:05"
    return value


def expected_path(route: Route, args: dict[str, Any]) -> str:
    values = {"account": "12345", "username": USER}
    for param in route.path_params:
        text = str(args[param.name])
        values[param.name] = "/".join(quote(s, safe="@+") for s in text.split("/"))
    return "/perl/api/v2" + route.path.format(**values)


def call(lux: LuxSci, route: Route, args: dict[str, Any], extra: dict[str, Any]) -> Any:
    api = lux.account if route.scope == "account" else lux.user(USER)
    method = getattr(getattr(api, route.group), route.name)
    positional = [args[p.name] for p in route.path_params]
    positional += [args[p.name] for p in route.query + route.body if p.positional]
    keywords = {p.name: args[p.name] for p in route.query + route.body if not p.positional}
    return method(*positional, **keywords, **extra)


def check_model(route: Route, value: Any) -> None:
    expected = route.response
    if expected is None:
        assert value is None
    elif attrs.has(expected):
        assert isinstance(value, expected)
    else:
        origin = getattr(expected, "__origin__", expected)
        assert isinstance(value, origin)
        inner = getattr(expected, "__args__", ())
        if origin is list and inner and attrs.has(inner[0]):
            assert value, "the sample should hold at least one item"
            assert all(isinstance(item, inner[0]) for item in value)


@pytest.mark.parametrize("route", ENDPOINT_ROUTES, ids=lambda r: r.operation_id)
async def test_route_on_the_wire(route: Route) -> None:
    fake = FakeAPI()
    args = {p.name: sample_arg(p) for p in route.params}
    path = expected_path(route, args)
    seen: list[httpx2.Request] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        return ok(SAMPLES[route.operation_id])

    fake.on(route.method, path.removeprefix("/perl/api/v2"), handler)
    extra: dict[str, Any] = {}
    if route.upload == "attachments":
        extra["attachments"] = [Attachment("scan.pdf", b"%PDF-1.7 data")]
    elif route.upload == "file":
        extra["content"] = b"file body"
    with respx.mock(base_url=BASE) as router:
        router.route().mock(side_effect=fake)
        async with make_session() as lux:
            if route.report:
                report = call(lux, route, args, extra)
                rows = [row async for row in report]
                sample = SAMPLES[route.operation_id]
                assert len(rows) == len(sample["rows"]) == sample["total_rows"]
                assert all(isinstance(row, route.report.row) for row in rows)
            else:
                check_model(route, await call(lux, route, args, extra))

    assert seen, "the route's handler was not reached (method or path differ)"
    request = seen[0]
    assert request.method == route.method
    assert request.url.raw_path.decode().split("?")[0] == path
    query = dict(
        (unquote(k), unquote(v))
        for k, _, v in (p.partition("=") for p in request.url.query.decode().split("&") if p)
    )
    for param in route.query:
        value = wire_value(param, args[param.name])
        if param.merge:
            for key, item in value.items():
                assert query[key] == str(item)
        elif isinstance(value, list):
            assert query[param.wire_name] == ",".join(value)
        else:
            assert query[param.wire_name] == str(value)
    if route.method in ("POST", "PUT"):
        raw = request.content
        if route.upload and b"multipart" in request.headers["content-type"].encode():
            raw = json_part(request)
            if route.upload == "attachments":
                assert b"%PDF-1.7 data" in request.content
        body = json.loads(raw)
        for param in route.body:
            value = wire_value(param, args[param.name])
            if param.merge:
                for key, item in value.items():
                    assert body[key] == item
            else:
                assert body[param.wire_name] == value
        if route.upload == "attachments":
            digest = hashlib.sha256(b"%PDF-1.7 data").hexdigest()
            assert body["attachments"] == [{"name": "scan.pdf", "hash": digest}]
    else:
        assert request.content == b""
    # FakeAPI answered 401 to any request whose signature did not verify.
    assert fake.codes_used


async def test_examples_from_the_issue() -> None:
    fake = FakeAPI()
    fake.on("GET", "/account/12345/users", lambda r: ok(SAMPLES["getAccountUsers"]))
    fake.on("POST", "/account/12345/aliases", lambda r: ok())
    fake.on("GET", f"/user/{USER}/profile", lambda r: ok(SAMPLES["getUser"]))
    fake.on(
        "POST",
        f"/user/{USER}/email/compose/secureline/recipients",
        lambda r: ok(SAMPLES["retrieveSecureLineRecipientListEncryptionData"]),
    )
    with respx.mock(base_url=BASE) as router:
        router.route().mock(side_effect=fake)
        async with make_session(user=USER) as lux:
            users = await lux.account.users.list(status="enabled")
            assert users[0].user == "jane@example.com"
            await lux.account.aliases.create(
                user="info", domain="example.com", action="email", dest=USER
            )
            profile = await lux.user(USER).profile.get()
            assert profile.created == datetime(2021, 4, 8, 13, 46, 2, tzinfo=UTC)
            assert (await lux.user().profile.get()).user == profile.user
            check = await lux.user(USER).secureline.check_recipients(["a@x.org", "b@y.org"])
            assert check
    alias_request = next(r for r in fake.requests if r.url.path.endswith("/aliases"))
    assert json.loads(alias_request.content) == {
        "user": "info",
        "domain": "example.com",
        "action": "email",
        "dest": USER,
    }
    assert fake.requests[1].url.raw_path == b"/perl/api/v2/account/12345/users?status=enabled"


async def test_a_call_without_arguments_is_prepared_once_per_scope(
    api: FakeAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its request is the same every time; one with arguments is checked at every call."""
    from luxsci_async.resources import _base

    prepared: list[str] = []

    def counting(route: Route, *args: Any, **kw: Any) -> Any:
        prepared.append(route.operation_id)
        return real(route, *args, **kw)

    real = _base.prepare
    monkeypatch.setattr(_base, "prepare", counting)
    api.on("GET", f"/user/{USER}/profile", lambda r: ok(SAMPLES["getUser"]))
    api.on("GET", "/account/12345/users", lambda r: ok(SAMPLES["getAccountUsers"]))
    async with make_session() as lux:
        user = lux.user(USER)
        first, second = await user.profile.get(), await user.profile.get()
        await lux.account.users.list(status="enabled")
        await lux.account.users.list(status="enabled")
    assert first == second
    assert first.user == SAMPLES["getUser"]["user"]
    assert prepared == ["getUser", "getAccountUsers", "getAccountUsers"]
    paths = [r.url.raw_path for r in api.requests if r.method == "GET"]
    assert paths[:2] == [f"/perl/api/v2/user/{quote(USER, safe='@')}/profile".encode()] * 2


async def test_partial_update_sends_only_given_fields(api: FakeAPI) -> None:
    api.on("PUT", f"/user/{USER}/profile", lambda r: ok())
    async with make_session() as lux:
        await lux.user(USER).profile.update(contact="Jane Q", city=None)
    body = json.loads(api.requests[1].content)
    assert body == {"contact": "Jane Q", "city": None}


BAD_CALLS: list[tuple[str, str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("account", "users.delete", ("a/b@x.org",), {}, ValueError, "user"),
    ("account", "users.delete", ("..",), {}, ValueError, "user"),
    ("account", "users.delete", ("a%2fb",), {}, ValueError, "user"),
    ("account", "users.delete", ("a\r\nb",), {}, ValueError, "user"),
    ("account", "users.delete", ("a\x00b",), {}, ValueError, "user"),
    ("account", "users.delete", ("",), {}, ValueError, "user"),
    ("account", "users.delete", ("x" * 5000,), {}, ValueError, "user"),
    ("account", "users.delete", (None,), {}, TypeError, "user"),
    ("account", "users.delete", (b"a@x",), {}, TypeError, "user"),
    (
        "account",
        "aliases.create",
        (),
        {"user": "i", "domain": "d", "action": "nope"},
        ValueError,
        "action",
    ),
    (
        "account",
        "aliases.create",
        (),
        {"user": "", "domain": "d", "action": "email"},
        ValueError,
        "user",
    ),
    (
        "account",
        "aliases.create",
        (),
        {"user": 5, "domain": "d", "action": "email"},
        TypeError,
        "user",
    ),
    ("account", "users.list", (), {"younger_than": "10"}, TypeError, "younger_than"),
    ("account", "users.list", (), {"younger_than": True}, TypeError, "younger_than"),
    ("account", "users.list", (), {"status": "a\nb"}, ValueError, "status"),
    ("account", "jobs.get", ("7",), {}, TypeError, "job_id"),
    ("account", "reports.delivery", ("carrier-pigeon",), {}, ValueError, "source"),
    (
        "account",
        "reports.delivery",
        ("smtp",),
        {"from_date": datetime(2024, 1, 1)},
        ValueError,
        "naive",
    ),
    ("account", "reports.delivery", ("smtp",), {"page_size": 50001}, ValueError, "page_size"),
    ("account", "reports.delivery", ("smtp",), {"page_size": 0}, ValueError, "page_size"),
    ("account", "reports.delivery", ("smtp",), {"start_row": -1}, ValueError, "start_row"),
    ("account", "reports.delivery", ("smtp",), {"from_date": "2024-01-01"}, TypeError, "from_date"),
    ("user", "secureline.check_recipients", ("a@x.org",), {}, TypeError, "to"),
    ("user", "secureline.check_recipients", (["a@x.org", 3],), {}, TypeError, "to[1]"),
    ("user", "profile.update", (), {"fields": {"": 1}}, TypeError, "fields"),
    ("user", "webaides.get_entry", ("calendars", 1, "x"), {}, TypeError, "entry_id"),
]


@pytest.mark.parametrize(("scope", "name", "args", "kwargs", "exc", "field"), BAD_CALLS)
async def test_bad_input_is_refused_before_sending(
    api: FakeAPI,
    scope: str,
    name: str,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    exc: type[Exception],
    field: str,
) -> None:
    async with make_session() as lux:
        target: Any = lux.account if scope == "account" else lux.user(USER)
        group, method = name.split(".")
        with pytest.raises(exc, match=field.replace("[", r"\[").replace("]", r"\]")):
            result = getattr(getattr(target, group), method)(*args, **kwargs)
            if hasattr(result, "__aiter__"):
                async for _ in result:
                    pass
            else:
                await result
    assert api.requests == []


async def test_job_wait_polls_until_complete(api: FakeAPI, fake_clock: Any) -> None:
    states = ["submitted", "running", "uploading", "complete"]
    seen: list[JobStatus | None] = []

    def job(request: httpx2.Request) -> httpx2.Response:
        status = states.pop(0) if len(states) > 1 else states[0]
        return ok({"job_id": 9, "status": status, "expected_rows": 10, "completed_rows": 5})

    api.on("GET", "/account/12345/report/email/smtp/delivery", lambda r: ok({"job_id": 9}))
    api.on("GET", "/account/12345/jobs/9", job)
    async with make_session() as lux:
        report = lux.account.reports.delivery("smtp", from_date=date(2024, 1, 1))
        handle = await report.export(destination="sftp", destination_hostname="files.example")
        final = await handle.wait(poll_interval=1, progress=lambda j: seen.append(j.status))
    assert isinstance(final, Job)
    assert final.status is JobStatus.COMPLETE
    assert seen == [JobStatus.SUBMITTED, JobStatus.RUNNING, JobStatus.UPLOADING, JobStatus.COMPLETE]
    # Three waits on the fake clock, backing off by half each time: none of them real.
    assert fake_clock.sleeps == [1.0, 1.5, 2.25]
    export = next(r for r in api.requests if b"destination" in r.url.raw_path)
    assert b"destination=sftp&destination_hostname=files.example" in export.url.raw_path
    assert b"from_date=2024-01-01%2000%3A00%3A00" in export.url.raw_path


async def test_failed_job_raises_with_status_detail(api: FakeAPI, fake_clock: Any) -> None:
    from luxsci_async import JobFailedError

    api.on("GET", f"/user/{USER}/report/email/webmail/sent", lambda r: ok({"job_id": 3}))
    api.on(
        "GET",
        f"/user/{USER}/jobs/3",
        lambda r: ok({"job_id": 3, "status": "failed", "status_detail": "upload refused"}),
    )
    async with make_session() as lux:
        handle = await lux.user(USER).reports.sent_webmail().export(destination="sftp")
        with pytest.raises(JobFailedError, match="upload refused") as info:
            await handle.wait(poll_interval=1)
    assert info.value.job.status is JobStatus.FAILED
