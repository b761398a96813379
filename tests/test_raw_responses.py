"""Raw responses: status, headers and the body as received, along with the parsed result."""

from __future__ import annotations

from typing import Any

import anyio
import httpx2
import pytest

from luxsci_async import NotFoundError, Page, RawResult, ServerError
from luxsci_async.models import User
from luxsci_async.testing import Emulator

from .conftest import make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio
PATH = "/account/12345/things"
# Odd spacing and key order: the body handed back must be these bytes, not a re-encoding.
BODY = b'{ "success" : 1,\n  "data": {"b": 2, "a": [1, 2]} }'


def _answer(body: bytes = BODY, status: int = 200, **headers: str) -> httpx2.Response:
    return httpx2.Response(
        status, content=body, headers={"content-type": "application/json", **headers}
    )


async def test_untyped_request_gives_the_bytes_as_received(api: FakeAPI) -> None:
    api.on("GET", PATH, [_answer(**{"X-Request-Id": "req-1"})])
    async with make_session() as lux:
        result = await lux.with_raw_response(
            lux.request, "GET", "/account/{account}/things", params={"q": "x y"}
        )
    assert result.parsed == {"b": 2, "a": [1, 2]}
    assert result.content == BODY
    assert result.status == 200
    assert result.header("X-Request-ID") == "req-1"
    assert result.headers["x-request-id"] == "req-1"  # lower-case names
    assert (result.method, result.path, result.query) == (
        "GET",
        "/perl/api/v2" + PATH,
        "q=x%20y",
    )
    assert result.template == "/account/{account}/things"
    assert result.json() == {"success": 1, "data": {"b": 2, "a": [1, 2]}}
    assert result.text == BODY.decode()
    with pytest.raises(TypeError):
        result.headers["x"] = "y"  # type: ignore[index]


async def test_typed_method_keeps_its_parsed_type() -> None:
    async with Emulator(seed=3).client() as lux:
        result = await lux.with_raw_response(lux.account.users.list, status="enabled")
        direct = await lux.account.users.list(status="enabled")
    assert isinstance(result, RawResult)
    assert result.parsed == direct
    assert result.parsed
    assert all(isinstance(user, User) for user in result.parsed)
    assert result.status == 200
    assert result.template == "/account/{account}/users"
    assert result.query == "status=enabled"
    assert [u["user"] for u in result.json()["data"]] == [u.user for u in result.parsed]


async def test_the_final_attempt_is_kept_after_a_retry(api: FakeAPI, fake_clock: Any) -> None:
    api.on("GET", PATH, [fail(503, "busy"), _answer(status=200)])
    async with make_session(max_retries=2) as lux:
        result = await lux.with_raw_response(lux.request, "GET", "/account/{account}/things")
    assert (result.status, result.content) == (200, BODY)
    assert lux.stats.retries == 1


async def test_a_failed_call_raises_as_usual(api: FakeAPI) -> None:
    api.on("GET", PATH, [fail(404, "gone")])
    async with make_session() as lux:
        with pytest.raises(NotFoundError):
            await lux.with_raw_response(lux.request, "GET", "/account/{account}/things")


async def test_a_call_that_sends_nothing_is_refused(api: FakeAPI) -> None:
    async def nothing() -> int:
        return 1

    async with make_session() as lux:
        with pytest.raises(RuntimeError, match="sent no request"):
            await lux.with_raw_response(nothing)


async def test_the_request_cookie_is_never_kept(api: FakeAPI) -> None:
    api.on("POST", PATH, [_answer()])
    async with make_session() as lux:
        result = await lux.with_raw_response(
            lux.request, "POST", "/account/{account}/things", json={"a": 1}
        )
    sent = [r for r in api.requests if r.url.path.endswith("/things")]
    cookie = sent[0].headers["cookie"]
    code = cookie.removeprefix("signature=").rsplit(":", 1)[0]
    shown = repr(result) + str(result) + repr(dict(result.headers)) + repr(result.content)
    assert cookie not in shown
    assert code not in shown
    assert "cookie" not in result.headers
    assert f"<{len(BODY)} bytes>" in repr(result)
    assert "success" not in repr(result)  # the body is not shown, only its length


@pytest.mark.parametrize("first_ends", ["first", "last"])
async def test_concurrent_calls_never_see_each_others_response(
    api: FakeAPI, first_ends: str
) -> None:
    # Two calls overlap: the one started first ends first, or last.
    second_arrived = anyio.Event()
    ended = {"one": anyio.Event(), "two": anyio.Event()}

    async def answer_one(request: httpx2.Request) -> httpx2.Response:
        await second_arrived.wait()
        if first_ends == "last":
            await ended["two"].wait()
        return _answer(b'{"success": 1, "data": "first"}')

    async def answer_two(request: httpx2.Request) -> httpx2.Response:
        second_arrived.set()
        if first_ends == "first":
            await ended["one"].wait()
        return _answer(b'{"success": 1, "data": "second"}')

    api.on("GET", "/account/12345/one", answer_one)  # type: ignore[arg-type]
    api.on("GET", "/account/12345/two", answer_two)  # type: ignore[arg-type]
    results: dict[str, RawResult[Any]] = {}
    async with make_session() as lux:
        await lux.authenticate()

        async def call(name: str) -> None:
            path = "/account/{account}/" + name
            results[name] = await lux.with_raw_response(lux.request, "GET", path)
            ended[name].set()

        async with anyio.create_task_group() as tg:
            tg.start_soon(call, "one")
            await anyio.wait_all_tasks_blocked()  # the first is waiting for its answer
            tg.start_soon(call, "two")
    assert results["one"].parsed == "first"
    assert results["one"].path.endswith("/one")
    assert results["one"].content == b'{"success": 1, "data": "first"}'
    assert results["two"].parsed == "second"
    assert results["two"].path.endswith("/two")
    assert results["two"].content == b'{"success": 1, "data": "second"}'


async def test_a_capture_sees_only_its_task_and_its_session(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok("x")])
    async with make_session() as lux, make_session() as other:
        await lux.authenticate()
        started = anyio.Event()
        release = anyio.Event()

        async def elsewhere() -> None:  # another task of the same session, during the capture
            started.set()
            await release.wait()
            await lux.request("GET", "/account/{account}/things")

        async with anyio.create_task_group() as tg:
            tg.start_soon(elsewhere)
            await started.wait()
            with lux.capture_responses() as captured:
                release.set()
                await anyio.wait_all_tasks_blocked()
                await other.request("GET", "/account/{account}/things")  # another session
                await lux.with_options(timeout=5).request("GET", "/account/{account}/things")
    assert len(captured) == 1  # the view shares the session; the rest passed the capture by
    assert lux.stats.requests >= 3


async def test_nested_captures_and_limit(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok(1), ok(2), ok(3)])
    async with make_session() as lux:
        with lux.capture_responses() as outer:
            await lux.request("GET", "/account/{account}/things")
            with lux.capture_responses(limit=1) as inner:
                await lux.request("GET", "/account/{account}/things")
                await lux.request("GET", "/account/{account}/things")
        with pytest.raises(ValueError, match="limit"), lux.capture_responses(limit=0):
            pass
    assert [r.parsed for r in outer] == [1, 2, 3]
    assert [r.parsed for r in inner] == [3]
    assert [r.parsed for r in outer[1:]] == [2, 3]


async def test_report_pages_each_come_with_their_response() -> None:
    async with Emulator(rows=250, seed=4).client() as lux:
        report = lux.account.reports.sent_smtp(page_size=100, concurrency=2)
        with lux.capture_responses() as captured:
            pages = [page async for page in report.pages()]
        counted = await lux.with_raw_response(report.count)
    assert [len(page.rows) for page in pages] == [100, 100, 50]
    assert len(captured) == 3
    for page in pages:  # pages fetched concurrently end in any order: match them up
        (response,) = [r for r in captured if r.parsed is page]
        assert isinstance(response.parsed, Page)
        assert f"first_row={page.first_row}" in response.query
        assert response.json()["data"]["total_rows"] == 250
    assert counted.parsed == 250
    assert "matches=0" in counted.query


async def test_capture_and_raw_are_independent_of_errors_in_the_block(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok(1), fail(500, "boom")])
    async with make_session(max_retries=0) as lux:
        with pytest.raises(ServerError), lux.capture_responses() as captured:
            await lux.request("GET", "/account/{account}/things")
            await lux.request("GET", "/account/{account}/things")
        # The capture has ended: later calls are not added to it.
        api.on("GET", PATH, [ok(2)])
        await lux.request("GET", "/account/{account}/things")
    assert [r.parsed for r in captured] == [1]
