"""Error mapping, malformed responses, bad input, and secrets kept out of logs and reprs."""

from __future__ import annotations

import logging
import traceback

import httpx2
import pytest

import luxsci_async
from luxsci_async import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)

from .conftest import PASSWORD, SECRET, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio
PATH = "/account/12345/things"


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, APIError),
        (501, ServerError),
        (429, RateLimitError),
    ],
)
async def test_status_mapping(api: FakeAPI, status: int, cls: type[APIError]) -> None:
    api.on("POST", PATH, [fail(status, "server says no")])
    # A 429 is waited out unless the call may not wait (max_wait=0): then it is raised.
    async with make_session(max_retries=0, max_wait=0) as lux:
        with pytest.raises(cls) as info:
            await lux.request("POST", "/account/{account}/things", json={})
    err = info.value
    assert type(err) is cls
    assert (err.status, err.message) == (status, "server says no")
    assert err.data == {"success": 0, "error": "server says no"}
    assert '"server says no"' in err.body
    assert "POST /perl/api/v2/account/12345/things" in str(err)


@pytest.mark.parametrize(
    ("response", "cls", "fragment"),
    [
        (
            httpx2.Response(502, text="<html><h1>Bad Gateway</h1></html>"),
            ServerError,
            "Bad Gateway",
        ),
        (httpx2.Response(200, text='{"success": 1, "da'), ResponseValidationError, "non-JSON"),
        (httpx2.Response(200, json=[1, 2]), ResponseValidationError, "success"),
        (
            httpx2.Response(200, text="<html>maintenance</html>"),
            ResponseValidationError,
            "non-JSON",
        ),
        (httpx2.Response(404, text=""), NotFoundError, "empty body"),
    ],
)
async def test_malformed_responses_keep_the_raw_body(
    api: FakeAPI, response: httpx2.Response, cls: type[APIError], fragment: str
) -> None:
    api.on("POST", PATH, [response])
    async with make_session(max_retries=0) as lux:
        with pytest.raises(cls) as info:
            await lux.request("POST", "/account/{account}/things", json={})
    assert fragment in info.value.message
    assert info.value.body == response.text


async def test_missing_data_is_none(api: FakeAPI) -> None:
    api.on("GET", PATH, [ok()])
    async with make_session() as lux:
        assert await lux.request("GET", "/account/{account}/things") is None


async def test_bad_input_is_refused_before_sending(api: FakeAPI) -> None:
    async with make_session() as lux:
        with pytest.raises(ValueError, match="method"):
            await lux.request("PATCH", "/x")
        with pytest.raises(ValueError, match="path"):
            await lux.request("GET", "account/x")
        with pytest.raises(ValueError, match="path"):
            await lux.request("GET", "/a b")
        with pytest.raises(ValueError, match="path"):
            await lux.request("GET", "/a?b=c")
        with pytest.raises(ValueError, match="username"):
            await lux.request("GET", "/user/{username}/profile")
        with pytest.raises(ValueError, match="placeholder"):
            await lux.request("GET", "/account/{nope}/x")
        with pytest.raises(ValueError, match="json"):
            await lux.request("GET", "/x", json={"a": 1})
        with pytest.raises(TypeError, match="json"):
            await lux.request("POST", "/x", json={"a": object()})
        with pytest.raises(ValueError, match="q: control"):
            await lux.request("GET", "/x", params={"q": "a\r\nSet-Cookie: x"})
        with pytest.raises(TypeError, match="q"):
            await lux.request("GET", "/x", params={"q": b"\xff"})
        with pytest.raises(ValueError, match="naive"):
            import datetime

            await lux.request("GET", "/x", params={"from_date": datetime.datetime(2024, 1, 1)})
    assert api.requests == []


async def test_secrets_never_logged_or_shown(
    api: FakeAPI, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    api.on("GET", PATH, [fail(500, "boom")])
    texts: list[str] = []
    lux = make_session(max_retries=1)
    texts.append(repr(lux))
    texts.append(repr(lux._settings))
    try:
        await lux.request("GET", "/account/{account}/things")
    except ServerError as exc:
        texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    api.valid.clear()
    api.on("GET", PATH, [fail(401, "expired")])
    try:
        await lux.request("GET", "/account/{account}/things")
    except AuthenticationError as exc:
        texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc))]
    await lux.aclose()
    user_lux = make_session(account=None, user="jane@example.com", password=PASSWORD)
    texts.append(repr(user_lux))
    texts.append(repr(user_lux._settings))
    await user_lux.aclose()
    texts.append(caplog.text)
    texts.append("".join(capsys.readouterr()))
    everything = "\n".join(texts)
    assert "GET /perl/api/v2/account/12345/things -> 500" in caplog.text
    codes = api.valid | set(api.codes_used) | set(api.revoked)
    assert codes
    for secret in [SECRET, PASSWORD, *codes]:
        assert secret not in everything
    assert "signature=" not in everything


def test_public_names_have_docstrings() -> None:
    import inspect

    from luxsci_async.resources import account, user

    missing = []
    owners = [getattr(luxsci_async, n) for n in luxsci_async.__all__]
    owners += [getattr(m, n) for m in (account, user) for n in m.__all__]
    for owner in owners:
        if not callable(owner):
            continue
        if not owner.__doc__:
            missing.append(getattr(owner, "__name__", repr(owner)))
        if not inspect.isclass(owner):
            continue
        for attr, member in vars(owner).items():
            if attr.startswith("_") or not (callable(member) or isinstance(member, property)):
                continue
            if not getattr(member, "__doc__", None):
                missing.append(f"{owner.__name__}.{attr}")
    assert missing == []
