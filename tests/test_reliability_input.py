"""Hostile and wrong input to every public entry point, and malformed server responses.

Every bad argument must be refused with a ``ValueError``/``TypeError`` that names the field,
before anything is sent (the respx mock must see no request). Every malformed response must
become a typed error (``APIError`` subclasses, ``PaginationError``) carrying the raw body,
never a crash deep inside a converter.
"""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import httpx2
import pytest

from luxsci_async import (
    APIError,
    ConfigurationError,
    PaginationError,
    RateLimit,
    ResponseValidationError,
    RetryPolicy,
    ServerError,
    Timeout,
)
from luxsci_async._assumptions import REPORT_TOTAL
from luxsci_async._jobs import JobHandle
from luxsci_async._routes.spec import Param, Route
from luxsci_async._types import Attachment
from luxsci_async.cli import main

from .conftest import SECRET, TOKEN, make_session
from .fakeapi import FakeAPI, ok
from .test_endpoints import ENDPOINT_ROUTES, USER, call, sample_arg

pytestmark = pytest.mark.anyio

NAIVE = datetime(2024, 1, 1, 12, 0, 0)
HUGE = "x" * 100_000
SURROGATE = "ok\ud800"
INJECT_HEADER = "a\r\nSet-Cookie: signature=forged"


# -- the typed endpoint methods, driven from the route table -------------------------------

Case = tuple[Any, type[Exception]]
"""A hostile value and the exception it must raise."""


def _path_cases(param: Param) -> list[Case]:
    if param.kind == "int":
        return [("7", TypeError), (True, TypeError), (7.5, TypeError), ("../7", TypeError)]
    common: list[Case] = [
        ("a%2fb", ValueError),
        ("a%2Fb", ValueError),
        ("%2e%2e", ValueError),
        ("a\r\nb", ValueError),
        (INJECT_HEADER, ValueError),
        ("a\x00b", ValueError),
        ("", ValueError),
        ("   ", ValueError),
        ("x" * 5000, ValueError),
        (SURROGATE, ValueError),
        (b"ab", TypeError),
        (1.5, TypeError),
        (["a"], TypeError),
        (object(), TypeError),
    ]
    if param.multi_segment:
        return [
            *common,
            ("a/../b", ValueError),
            ("../a", ValueError),
            ("a/./b", ValueError),
            ("a//b", ValueError),
            ("/a", ValueError),
            ("a/", ValueError),
        ]
    return [*common, ("a/b", ValueError), ("..", ValueError), (".", ValueError), ("/", ValueError)]


def _value_cases(param: Param, where: str) -> list[Case]:
    """Bad values of a query or body parameter, by kind."""
    if param.allowed is not None:
        return [("nope", ValueError), ("", ValueError), (5, TypeError), (b"smtp", TypeError)]
    kind = param.kind
    if kind == "str":
        cases: list[Case] = [
            (5, TypeError),
            (b"abc", TypeError),
            (["a"], TypeError),
            (SURROGATE, ValueError),
        ]
        if param.required:
            cases += [("", ValueError), ("  ", ValueError)]
        if where == "query":
            cases += [
                ("a\r\nb", ValueError),
                (INJECT_HEADER, ValueError),
                ("a\x00b", ValueError),
                (HUGE, ValueError),
            ]
        return cases
    if kind == "int":
        return [("1", TypeError), (True, TypeError), (1.5, TypeError), ([1], TypeError)]
    if kind == "float":
        return [
            (math.nan, ValueError),
            (math.inf, ValueError),
            ("1.5", TypeError),
            (True, TypeError),
        ]
    if kind == "bool":
        return [(1, TypeError), ("true", TypeError), (None if param.required else 0, TypeError)]
    if kind == "datetime":
        return [(NAIVE, ValueError), ("2024-01-01", TypeError), (0, TypeError)]
    if kind == "str_list":
        return [
            ("a@x.org", TypeError),
            (b"a@x.org", TypeError),
            ([1], TypeError),
            ([""], ValueError),
            (["ok", "  "], ValueError),
            ([SURROGATE], ValueError),
        ]
    if kind == "mapping":
        cases = [("x=1", TypeError), ([("a", 1)], TypeError), ({1: "a"}, TypeError)]
        cases += [({"": 1}, TypeError)]
        if where == "body":
            cases += [({"a": object()}, TypeError), ({"a": SURROGATE}, TypeError)]
        return cases
    if kind == "any":
        return [(object(), TypeError), ({"a": {1, object()}}, TypeError)]
    raise AssertionError(f"no hostile cases for kind {kind}")


def _hostile(route: Route) -> Iterator[tuple[Param, Any, type[Exception]]]:
    for param in route.path_params:
        for value, exc in _path_cases(param):
            yield param, value, exc
    for params, where in ((route.query, "query"), (route.body, "body")):
        for param in params:
            for value, exc in _value_cases(param, where):
                if value is None:
                    continue
                yield param, value, exc


ATTACKED_ROUTES = [r for r in ENDPOINT_ROUTES if r.params]


def _names(param: Param, value: Any) -> tuple[str, ...]:
    """Texts that count as naming the field (a merged mapping's errors name the key)."""
    names = (param.name, param.wire_name)
    if param.merge and isinstance(value, dict):
        names += tuple(str(k) for k in value)
    return names


@pytest.mark.parametrize("route", ATTACKED_ROUTES, ids=lambda r: r.operation_id)
async def test_every_route_refuses_hostile_arguments_before_sending(
    api: FakeAPI, route: Route
) -> None:
    valid = {p.name: sample_arg(p) for p in route.params}
    extra: dict[str, Any] = {}
    if route.upload == "attachments":
        extra["attachments"] = [Attachment("scan.pdf", b"%PDF-1.7 data")]
    elif route.upload == "file":
        extra["content"] = b"file body"
    problems: list[str] = []
    count = 0
    async with make_session() as lux:
        for param, value, expected in _hostile(route):
            count += 1
            args = {**valid, param.name: value}
            label = f"{route.operation_id}({param.name}={value!r:.40})"
            try:
                result = call(lux, route, args, extra)
                if hasattr(result, "__aiter__"):
                    async for _ in result:
                        pass
                else:
                    await result
            except (TypeError, ValueError) as exc:
                if not isinstance(exc, expected):
                    problems.append(f"{label}: {type(exc).__name__} instead of {expected}")
                elif not any(name in str(exc) for name in _names(param, value)):
                    problems.append(f"{label}: message does not name the field: {exc}")
            except Exception as exc:
                problems.append(f"{label}: {type(exc).__name__}: {exc}")
            else:
                problems.append(f"{label}: accepted")
    assert count, "the route has parameters, so there are cases"
    assert not problems, "\n".join(problems)
    assert api.requests == []


def test_every_route_with_parameters_is_attacked() -> None:
    attacked = {r.operation_id for r in ATTACKED_ROUTES if any(True for _ in _hostile(r))}
    assert attacked == {r.operation_id for r in ENDPOINT_ROUTES if r.params}
    assert len(attacked) > 50


async def test_unknown_and_missing_arguments(api: FakeAPI) -> None:
    async with make_session() as lux:
        with pytest.raises(TypeError, match="user"):
            await lux.account.users.create()  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="bogus"):
            await lux.account.users.list(bogus=1)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="domain"):
            await lux.account.domains.get(None)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="login"):
            lux.user("a/b@example.com")
        with pytest.raises(ValueError, match="login"):
            lux.user("a\r\nb@example.com")
    assert api.requests == []


# -- the session constructor ---------------------------------------------------------------

CONSTRUCTOR: list[tuple[dict[str, Any], str]] = [
    ({"token": 5}, "token"),
    ({"token": b"TOKEN"}, "token"),
    ({"token": ""}, "token"),
    ({"token": "TOK\r\nEN"}, "token"),
    ({"token": "TOK\x00"}, "token"),
    ({"secret": 5}, "secret"),
    ({"secret": "  "}, "secret"),
    ({"secret": "s\nx"}, "secret"),
    ({"account": "12 345"}, "account"),
    ({"account": "../1"}, "account"),
    ({"account": "12345\r\n"}, "account"),
    ({"account": True}, "account"),
    ({"account": 12.5}, "account"),
    ({"account": ""}, "account"),
    ({"account": None, "user": "jane@x.org", "password": "p\r\nw"}, "password"),
    ({"account": None, "user": "jane\x00@x.org", "password": "pw"}, "user"),
    ({"account": None, "user": 5, "password": "pw"}, "user"),
    ({"host": "evil.com/path"}, "host"),
    ({"host": "evil.com\r\nX-Injected: 1"}, "host"),
    ({"host": "https://rest.luxsci.com"}, "host"),
    ({"host": "user@evil.com"}, "host"),
    ({"host": ""}, "host"),
    ({"base_url": "http://rest.luxsci.com"}, "http"),
    ({"base_url": "http://10.0.0.1:8080"}, "http"),
    ({"base_url": "http://localhost:80@evil.com"}, "base_url"),
    ({"base_url": "http://127.0.0.1@evil.com"}, "base_url"),
    ({"base_url": "https://user:pw@rest.luxsci.com"}, "base_url"),
    ({"base_url": "https://rest.luxsci.com/perl/api/v2"}, "base_url"),
    ({"base_url": "https://rest.luxsci.com?x=1"}, "base_url"),
    ({"base_url": "ftp://rest.luxsci.com"}, "base_url"),
    ({"base_url": "rest.luxsci.com"}, "base_url"),
    ({"base_url": 5}, "base_url"),
    ({"host": "rest.luxsci.com", "base_url": "https://rest.luxsci.com"}, "base_url"),
    ({"timeout": -1}, "timeout"),
    ({"timeout": math.nan}, "timeout"),
    ({"timeout": "5"}, "timeout"),
    ({"timeout": True}, "timeout"),
    ({"max_retries": -1}, "max_retries"),
    ({"max_retries": 1.5}, "max_retries"),
    ({"max_retries": True}, "max_retries"),
    ({"retry": {"max_retries": 2}}, "retry"),
    ({"rate_limit": 60}, "rate_limit"),
    ({"max_concurrency": 0}, "max_concurrency"),
    ({"max_concurrency": "8"}, "max_concurrency"),
    ({"max_concurrency": math.inf}, "max_concurrency"),
    ({"auth_ttl": 0}, "auth_ttl"),
    ({"auth_ttl": math.nan}, "auth_ttl"),
    ({"auth_ttl": "600"}, "auth_ttl"),
]


@pytest.mark.parametrize(("kwargs", "field"), CONSTRUCTOR, ids=lambda v: repr(v)[:60])
def test_constructor_refuses_bad_settings(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, Any], field: str
) -> None:
    for name in ("TOKEN", "SECRET", "ACCOUNT", "USER", "PASSWORD", "HOST", "BASE_URL"):
        monkeypatch.delenv(f"LUXSCI_{name}", raising=False)
    with pytest.raises(ConfigurationError, match=field) as info:
        make_session(**kwargs)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (lambda: RateLimit(per_minute=0), "per_minute"),
        (lambda: RateLimit(per_day=-1), "per_day"),
        (lambda: RateLimit(per_minute=True), "per_minute"),
        (lambda: RetryPolicy(max_retries=-1), "max_retries"),
        (lambda: RetryPolicy(backoff_base=-0.5), "backoff_base"),
    ],
)
def test_settings_objects_refuse_bad_values(factory: Any, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        factory()


def test_timeout_object_is_accepted_and_reused() -> None:
    lux = make_session(timeout=Timeout(read=1.5))
    assert lux._settings.timeout.read == 1.5


# -- LuxSci.request and LuxSci.paginate ----------------------------------------------------


@dataclasses.dataclass
class _Point:
    x: float
    y: float


class _Level(float, enum.Enum):
    KNOWN = 1.0
    UNKNOWN = math.nan


REQUEST: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"method": None}, ValueError, "method"),
    ({"method": b"GET"}, ValueError, "method"),
    ({"method": "PATCH"}, ValueError, "method"),
    ({"method": "GET\r\nX: 1"}, ValueError, "method"),
    ({"path": None}, ValueError, "path"),
    ({"path": b"/x"}, ValueError, "path"),
    ({"path": ""}, ValueError, "path"),
    ({"path": "x"}, ValueError, "path"),
    ({"path": "/a/../../auth"}, ValueError, "path"),
    ({"path": "/a/./b"}, ValueError, "path"),
    ({"path": "/a/%2e%2e/b"}, ValueError, "path"),
    ({"path": "/.."}, ValueError, "path"),
    ({"path": "/a\r\nb"}, ValueError, "path"),
    ({"path": "/a\x00b"}, ValueError, "path"),
    ({"path": "/a b"}, ValueError, "path"),
    ({"path": "/a?b=c"}, ValueError, "path"),
    ({"path": "/a#frag"}, ValueError, "path"),
    ({"path": "/caf\u00e9"}, ValueError, "path"),
    ({"path": "/a\ud800"}, ValueError, "path"),
    ({"path": "/user/{username}/x"}, ValueError, "username"),
    ({"path": "/{secret}/x"}, ValueError, "placeholder"),
    ({"params": {"q": INJECT_HEADER}}, ValueError, "q"),
    ({"params": {"q": "a\x00"}}, ValueError, "q"),
    ({"params": {"q": HUGE}}, ValueError, "q"),
    ({"params": {"q": SURROGATE}}, ValueError, "q"),
    ({"params": {"q": b"\xff\xfe"}}, TypeError, "q"),
    ({"params": {"q": bytearray(b"x")}}, TypeError, "q"),
    ({"params": {"q": NAIVE}}, ValueError, "q"),
    ({"params": {"q": math.nan}}, ValueError, "q"),
    ({"params": {"q": -math.inf}}, ValueError, "q"),
    ({"params": {"q": {"a": 1}}}, TypeError, "q"),
    ({"params": {"q": object()}}, TypeError, "q"),
    ({"params": {"q": ["ok", "a\r\nb"]}}, ValueError, r"q\[1\]"),
    ({"params": {"q": ["ok", None]}}, TypeError, r"q\[1\]"),
    ({"params": {"": "x"}}, TypeError, "names"),
    ({"params": {5: "x"}}, TypeError, "names"),
    ({"params": {"a\r\nb": "x"}}, ValueError, "name"),
    ({"params": {"a\ud800": "x"}}, ValueError, "name"),
    ({"params": {HUGE: "x"}}, ValueError, "name"),
    ({"params": 5}, TypeError, "params"),
    ({"params": [("a",)]}, TypeError, "params"),
    ({"params": "a=1"}, TypeError, "params"),
    ({"method": "GET", "json": {"a": 1}}, ValueError, "json"),
    ({"method": "DELETE", "json": {"a": 1}}, ValueError, "json"),
    ({"method": "POST", "json": {"a": object()}}, TypeError, "json"),
    ({"method": "POST", "json": {"a": SURROGATE}}, TypeError, "json"),
    ({"method": "POST", "json": {"a": 2**70}}, TypeError, "json"),
    ({"method": "POST", "json": {"a": NAIVE}}, TypeError, "json"),
    ({"method": "PUT", "json": {1: "non-str key"}}, TypeError, "json"),
    ({"method": "POST", "json": b"raw bytes"}, TypeError, "json"),
    ({"method": "POST", "json": {"a": [1.5, math.nan]}}, ValueError, r"\$\.a\[1\]"),
    ({"method": "PUT", "json": {"a": {"b": -math.inf}}}, ValueError, r"\$\.a\.b"),
    ({"method": "POST", "json": [None, math.inf]}, ValueError, r"\$\[1\]"),
    ({"method": "POST", "json": {"a": _Point(1.0, math.nan)}}, ValueError, r"\$\.a\.y"),
    ({"method": "POST", "json": {"a": _Level.UNKNOWN}}, ValueError, r"\$\.a"),
    ({"method": "POST", "json": {"a": (None, {"b": [math.nan]})}}, ValueError, r"a\[1\]\.b\[0\]"),
]


@pytest.mark.parametrize(("kwargs", "exc", "field"), REQUEST, ids=lambda v: repr(v)[:60])
async def test_request_refuses_bad_input_before_sending(
    api: FakeAPI, kwargs: dict[str, Any], exc: type[Exception], field: str
) -> None:
    args: dict[str, Any] = {"method": "GET", "path": "/account/{account}/x", **kwargs}
    async with make_session() as lux:
        with pytest.raises(exc, match=field):
            await lux.request(args.pop("method"), args.pop("path"), **args)
    assert api.requests == []


PAGINATE: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"path": "/a/../report"}, ValueError, "path"),
    ({"path": "report"}, ValueError, "path"),
    ({"path": 5}, ValueError, "path"),
    ({"params": {"first_row": 5}}, ValueError, "first_row"),
    ({"params": [("matches", 5)]}, ValueError, "matches"),
    ({"params": {"from_date": NAIVE}}, ValueError, "from_date"),
    ({"params": {"q": INJECT_HEADER}}, ValueError, "q"),
    ({"page_size": 0}, ValueError, "page_size"),
    ({"page_size": -5}, ValueError, "page_size"),
    ({"page_size": 50_001}, ValueError, "page_size"),
    ({"page_size": 10**20}, ValueError, "page_size"),
    ({"page_size": "100"}, TypeError, "page_size"),
    ({"page_size": 100.0}, TypeError, "page_size"),
    ({"page_size": True}, TypeError, "page_size"),
    ({"start_row": -1}, ValueError, "start_row"),
    ({"start_row": "0"}, TypeError, "start_row"),
    ({"start_row": 1.5}, TypeError, "start_row"),
    ({"start_row": None}, TypeError, "start_row"),
    ({"concurrency": 0}, ValueError, "concurrency"),
    ({"concurrency": "4"}, TypeError, "concurrency"),
]


@pytest.mark.parametrize(("kwargs", "exc", "field"), PAGINATE, ids=lambda v: repr(v)[:60])
async def test_paginate_refuses_bad_input_before_sending(
    api: FakeAPI, kwargs: dict[str, Any], exc: type[Exception], field: str
) -> None:
    args: dict[str, Any] = {"path": "/account/{account}/report/x", **kwargs}
    async with make_session() as lux:
        with pytest.raises(exc, match=field):
            report = lux.paginate(args.pop("path"), **args)
            async for _ in report:
                pass
    assert api.requests == []


# -- Report.export and JobHandle.wait ------------------------------------------------------

EXPORT: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"destination": ""}, ValueError, "destination"),
    ({"destination": "   "}, ValueError, "destination"),
    ({"destination": None}, ValueError, "destination"),
    ({"destination": 5}, ValueError, "destination"),
    ({"destination": INJECT_HEADER}, ValueError, "destination"),
    ({"destination": "sftp\x00"}, ValueError, "destination"),
    ({"destination": SURROGATE}, ValueError, "destination"),
    ({"destination": HUGE}, ValueError, "destination"),
    ({"matches": -1}, ValueError, "matches"),
    ({"matches": "10"}, TypeError, "matches"),
    ({"matches": True}, TypeError, "matches"),
    ({"destination_bogus": "x"}, TypeError, "destination_bogus"),
    ({"destination_hostname": INJECT_HEADER}, ValueError, "destination_hostname"),
    ({"destination_hostname": b"host"}, TypeError, "destination_hostname"),
    ({"destination_hostname": NAIVE}, ValueError, "destination_hostname"),
]


@pytest.mark.parametrize(("kwargs", "exc", "field"), EXPORT, ids=lambda v: repr(v)[:60])
async def test_export_refuses_bad_input_before_sending(
    api: FakeAPI, kwargs: dict[str, Any], exc: type[Exception], field: str
) -> None:
    args = {"destination": "sftp", **kwargs}
    async with make_session() as lux:
        report = lux.account.reports.delivery("smtp", from_date=date(2024, 1, 1))
        with pytest.raises(exc, match=field):
            await report.export(**args)
    assert api.requests == []


WAIT: list[tuple[dict[str, Any], type[Exception], str]] = [
    ({"poll_interval": 0}, ValueError, "poll_interval"),
    ({"poll_interval": -1}, ValueError, "poll_interval"),
    ({"poll_interval": math.nan}, ValueError, "poll_interval"),
    ({"poll_interval": math.inf}, ValueError, "poll_interval"),
    ({"poll_interval": "1"}, TypeError, "poll_interval"),
    ({"poll_interval": None}, TypeError, "poll_interval"),
    ({"max_interval": 0.5, "poll_interval": 1}, ValueError, "max_interval"),
    ({"max_interval": math.nan}, ValueError, "max_interval"),
    ({"max_interval": "30"}, TypeError, "max_interval"),
    ({"timeout": 0}, ValueError, "timeout"),
    ({"timeout": -5}, ValueError, "timeout"),
    ({"timeout": math.nan}, ValueError, "timeout"),
    ({"timeout": "10"}, TypeError, "timeout"),
    ({"progress": "print"}, TypeError, "progress"),
]


@pytest.mark.parametrize(("kwargs", "exc", "field"), WAIT, ids=lambda v: repr(v)[:60])
async def test_job_wait_refuses_bad_input_before_sending(
    api: FakeAPI, kwargs: dict[str, Any], exc: type[Exception], field: str
) -> None:
    async with make_session() as lux:
        handle = JobHandle(lux._pipeline, {"account": "12345"}, 9)
        with pytest.raises(exc, match=field):
            await handle.wait(**kwargs)
    assert api.requests == []


# -- the command line ----------------------------------------------------------------------

CONNECTION = ["--token", TOKEN, "--account", "12345"]  # the secret: LUXSCI_SECRET
REPORT = ["report", "delivery", "--from", "2024-01-01", "--through", "2024-02-01", *CONNECTION]
CLI: list[tuple[list[str], int, str]] = [
    (["call", "getDomain", "domain=a/b", *CONNECTION], 1, "domain"),
    (["call", "getDomain", "domain=..", *CONNECTION], 1, "domain"),
    (["call", "getDomain", "domain=a%2fb", *CONNECTION], 1, "domain"),
    (["call", "getDomain", "domain=a\r\nb", *CONNECTION], 1, "domain"),
    (["call", "getDomain", "domain=", *CONNECTION], 1, "domain"),
    (["call", "getDomain", f"domain={SURROGATE}", *CONNECTION], 1, "domain"),
    (["call", "getDomain", "nonsense", *CONNECTION], 1, "key=value"),
    (["call", "getDomain", "bogus=1", *CONNECTION], 1, "bogus"),
    (["call", "getAccountUsers", "younger_than=abc", *CONNECTION], 1, "younger_than"),
    (["call", "getAccountUsers", f"status={INJECT_HEADER}", *CONNECTION], 1, "status"),
    (["call", "getAccountUsers", *CONNECTION[:-1], "12 34"], 1, "--account"),
    (["call", "getAccountUsers", *CONNECTION, "--base-url", "http://evil.com"], 1, "http"),
    (["call", "getAccountUsers", *CONNECTION, "--host", "evil.com/x"], 1, "--host"),
    (["call", "noSuchOperation", *CONNECTION], 1, "noSuchOperation"),
    (["call", "revokeAuthentication", *CONNECTION], 1, "auth"),
    ([*REPORT, "--page-size", "0"], 2, "--page-size"),
    ([*REPORT, "--page-size", "60000"], 1, "--page-size: must be between 1 and "),
    ([*REPORT, "--out", "/nonexistent/dir/r.csv"], 1, "--out: cannot write /nonexistent/dir"),
    (["report", "nope", "--from", "2024-01-01", "--through", "2024-02-01", *CONNECTION], 2, "nope"),
    (["report", "delivery", "--from", "nope", "--through", "2024-02-01", *CONNECTION], 2, "--from"),
    (["report", "delivery", "--from", "2024-01-01", "--through", "2024-13-01"], 2, "--through"),
    (
        [
            "report",
            "delivery",
            "--from",
            "2024-01-01",
            "--through",
            "2024-02-01",
            "--start-row",
            "a",
        ],
        2,
        "--start-row",
    ),
    (["call", "getDomains", *CONNECTION, "--secret", SECRET], 2, "LUXSCI_SECRET"),
]


@pytest.mark.parametrize(("argv", "status", "fragment"), CLI, ids=lambda v: repr(v)[:60])
def test_cli_refuses_bad_input_in_one_line_before_sending(
    api: FakeAPI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    status: int,
    fragment: str,
) -> None:
    for name in ("TOKEN", "SECRET", "ACCOUNT", "USER", "PASSWORD", "HOST", "BASE_URL"):
        monkeypatch.delenv(f"LUXSCI_{name}", raising=False)
    monkeypatch.setenv("LUXSCI_SECRET", SECRET)
    assert main(argv) == status  # 2: a usage error, found while reading the command line
    err = capsys.readouterr().err
    assert fragment in err
    assert "Traceback" not in err
    assert SECRET not in err
    assert api.requests == []


# -- malformed server responses ------------------------------------------------------------

ACCOUNT = "/account/12345"
MALFORMED: list[tuple[str, httpx2.Response, type[APIError], str]] = [
    (
        "domains",
        httpx2.Response(200, text='{"success": 1, "data": [{"dom'),
        ResponseValidationError,
        "dom",
    ),
    ("domains", httpx2.Response(200, text=""), ResponseValidationError, ""),
    ("domains", httpx2.Response(200, text="null"), ResponseValidationError, "null"),
    (
        "domains",
        httpx2.Response(200, text="<html>Maintenance</html>"),
        ResponseValidationError,
        "Maintenance",
    ),
    (
        "domains",
        httpx2.Response(200, content=b"\xff\xfe\x00garbage"),
        ResponseValidationError,
        "garbage",
    ),
    ("domains", httpx2.Response(200, json={"data": []}), ResponseValidationError, "data"),
    ("domains", httpx2.Response(200, json={"success": 0}), APIError, "success"),
    (
        "domains",
        httpx2.Response(500, text="<html><b>Internal error</b></html>"),
        ServerError,
        "Internal error",
    ),
    ("domains", httpx2.Response(503, content=b"\xff<h1>Down</h1>"), ServerError, "Down"),
    ("domains", ok("a string, not a list"), ResponseValidationError, "a string, not a list"),
    ("domains", ok({"id": 1}), ResponseValidationError, '"id"'),
    ("domains", ok([{"id": "not-an-int"}]), ResponseValidationError, "not-an-int"),
    ("domains", ok([{"created": "yesterday"}]), ResponseValidationError, "yesterday"),
    ("domains", ok([{"is_enabled": "maybe"}]), ResponseValidationError, "maybe"),
    ("domains", ok([["a", "list"]]), ResponseValidationError, "list"),
    ("domains", ok([None]), ResponseValidationError, "null"),
    ("domain", ok(), ResponseValidationError, ""),
    ("domain", ok(["not", "an", "object"]), ResponseValidationError, "not"),
    ("domain", ok({"users": {"deep": [1]}}), ResponseValidationError, "deep"),
]


@pytest.mark.parametrize(
    ("what", "response", "cls", "fragment"), MALFORMED, ids=lambda v: repr(v)[:50]
)
async def test_malformed_responses_are_typed_errors_with_the_raw_body(
    api: FakeAPI, what: str, response: httpx2.Response, cls: type[APIError], fragment: str
) -> None:
    api.on("GET", f"{ACCOUNT}/domains", [response])
    api.on("GET", f"{ACCOUNT}/domains/example.com", [response])
    async with make_session(max_retries=0) as lux:
        with pytest.raises(cls) as info:
            if what == "domains":
                await lux.account.domains.list()
            else:
                await lux.account.domains.get("example.com")
    assert fragment in info.value.body
    assert type(info.value).__module__ == "luxsci_async.errors"
    # Decoded inside the pipeline: a body that does not fit names where it came from.
    suffix = "/domains" if what == "domains" else "/domains/example.com"
    assert (info.value.status, info.value.method) == (response.status_code, "GET")
    assert info.value.path == f"/perl/api/v2{ACCOUNT}{suffix}"


_T = REPORT_TOTAL  # every page below is malformed in one way only
REPORT_PAGES: list[tuple[Any, str]] = [
    ({"header": ["date", "message_id"], "rows": [["2024-01-01 00:00:00"]], _T: 1}, "2 cells"),
    ({"header": ["date"], "rows": [["a", "b"]], _T: 1}, "cells, like the header"),
    ({"header": ["date"], "rows": [["x"], ["y", "z"]], _T: 2}, "cells, like the header"),
    ({"rows": [["x"]], _T: 1}, "'header'"),
    ({"header": ["date"], "rows": [["x"]]}, _T),
    ({"header": ["date"], "rows": [["x"]], _T: "many"}, "many"),
    ({"header": ["date"], "rows": "not rows", _T: 1}, "rows must be lists"),
    ({"header": ["date"], "rows": [None], _T: 1}, "rows must be lists"),
    ({"header": ["date"], "rows": [{"date": "x"}], _T: 1}, "rows must be lists"),
    ({"header": ["date"], "rows": ["x"], _T: 1}, "rows must be lists"),
    ({"header": ["date", "id"], "rows": [["x", 1], "xy"], _T: 2}, "rows must be lists"),
    ({"header": 5, "rows": [], _T: 1}, "not iterable"),
    (["not", "a", "page"], "list"),
    ("a string", "str"),
]


@pytest.mark.parametrize(("data", "fragment"), REPORT_PAGES, ids=lambda v: repr(v)[:50])
async def test_malformed_report_pages_are_pagination_errors(
    api: FakeAPI, data: Any, fragment: str
) -> None:
    api.on("GET", f"{ACCOUNT}/report/email/smtp/delivery", [ok(data)])
    async with make_session(max_retries=0) as lux:
        report = lux.account.reports.delivery("smtp", from_date=date(2024, 1, 1))
        with pytest.raises(PaginationError) as info:
            async for _ in report:
                pass
    assert info.value.resume_row == 0
    cause = info.value.__cause__
    assert isinstance(cause, ResponseValidationError), repr(cause)
    assert cause.body == repr(data)[:2000]  # what the server sent, as decoded
    assert "malformed report page" in cause.message
    assert fragment in cause.message  # the reason given is this page's own fault
    assert info.value.bad_row is None


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [("not a date", "not a date"), ({"a": 1}, "date"), (["2024"], "date")],
    ids=["text", "object", "list"],
)
async def test_a_report_row_that_cannot_be_read_is_a_pagination_error(
    api: FakeAPI, cell: Any, fragment: str
) -> None:
    data = {"header": ["message_id", "date"], "rows": [["m0", None], ["m1", cell]], _T: 2}
    api.on("GET", f"{ACCOUNT}/report/email/smtp/delivery", [ok(data)])
    async with make_session(max_retries=0) as lux:
        report = lux.account.reports.delivery("smtp", from_date=date(2024, 1, 1))
        got = []
        with pytest.raises(PaginationError) as info:
            async for row in report:
                got.append(row.message_id)
    assert got == ["m0"]
    assert (info.value.resume_row, info.value.bad_row) == (1, 1)
    cause = info.value.__cause__
    assert isinstance(cause, ResponseValidationError), repr(cause)
    assert cause.body == repr(["m1", cell])  # the row, not a page cut at 2,000 characters
    assert cause.data == data
    assert "malformed report row 1" in cause.message
    assert fragment in cause.message


async def test_malformed_job_and_export_answers(api: FakeAPI) -> None:
    api.on("GET", f"{ACCOUNT}/report/email/smtp/delivery", [ok({"no": "job id"})])
    api.on("GET", f"{ACCOUNT}/jobs/9", [ok({"job_id": "nine", "status": ["x"]})])
    async with make_session(max_retries=0) as lux:
        report = lux.account.reports.delivery("smtp", from_date=date(2024, 1, 1))
        with pytest.raises(ResponseValidationError) as info:
            await report.export(destination="sftp")
        assert "job id" in info.value.body
        with pytest.raises(ResponseValidationError) as info:
            await JobHandle(lux._pipeline, {"account": "12345"}, 9).get()
        assert "nine" in info.value.body


async def test_malformed_auth_answers(api: FakeAPI) -> None:
    for response in [
        httpx2.Response(201, text="<html>login</html>"),
        httpx2.Response(201, json={"success": 1}),
        httpx2.Response(201, json={"success": 1, "auth": 5}),
        httpx2.Response(200, text='{"success":1,"auth":"trunc'),
    ]:
        api.auth_handler = lambda request, r=response: r
        async with make_session(max_retries=0) as lux:
            with pytest.raises(ResponseValidationError):
                await lux.account.domains.list()


ATTACHMENTS: list[tuple[Any, type[Exception], str]] = [
    ([Attachment("a/b.pdf", b"x")], ValueError, r"attachments\[0\].name"),
    ([Attachment("..", b"x")], ValueError, r"attachments\[0\].name"),
    ([Attachment("a\r\nb.pdf", b"x")], ValueError, r"attachments\[0\].name"),
    ([Attachment("", b"x")], ValueError, r"attachments\[0\].name"),
    ([Attachment(SURROGATE, b"x")], ValueError, r"attachments\[0\].name"),
    ([Attachment("ok.pdf", b"x"), Attachment("x.pdf", "text")], TypeError, r"attachments\[1\]"),
    (["scan.pdf"], TypeError, r"attachments\[0\]"),
    ([("scan.pdf", b"x")], TypeError, r"attachments\[0\]"),
]


@pytest.mark.parametrize(("attachments", "exc", "field"), ATTACHMENTS, ids=lambda v: repr(v)[:50])
async def test_uploads_refuse_bad_attachments_before_sending(
    api: FakeAPI, attachments: Any, exc: type[Exception], field: str
) -> None:
    async with make_session() as lux:
        with pytest.raises(exc, match=field):
            await lux.user(USER).email.send(
                to=["a@example.org"], subject="s", body="b", attachments=attachments
            )
        with pytest.raises(TypeError, match="content"):
            await lux.user(USER).content_library.upload_file("docs/a.pdf", content="text")  # type: ignore[arg-type]
    assert api.requests == []
