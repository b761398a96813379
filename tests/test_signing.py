"""Signatures on the wire, recomputed independently of the SDK's signer (mechanics §3-4)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import httpx2
import pytest
import respx

from luxsci_async import RedirectError

from .conftest import BASE, PASSWORD, SECRET, TOKEN, make_session
from .fakeapi import FakeAPI, expected_cookie, hmac_hex, ok

pytestmark = pytest.mark.anyio


async def test_account_auth_handshake_body_and_signature(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session() as lux:
        assert await lux.request("GET", "/account/{account}/users") == []
    body = api.auth_bodies[0]
    assert set(body) == {"token", "date", "signature"}
    assert isinstance(body["date"], int)
    assert body["signature"] == hmac_hex(f"{TOKEN}\n{body['date']}\n")
    auth_request = api.requests[0]
    assert auth_request.method == "POST"
    assert auth_request.url.raw_path == b"/perl/api/v2/auth"
    assert "cookie" not in auth_request.headers


async def test_user_scope_auth_signs_user_and_password() -> None:
    fake = FakeAPI(user="jane@example.com", password=PASSWORD)
    fake.on("GET", "/user/jane@example.com/profile", lambda r: ok({"user": "jane@example.com"}))
    with respx.mock(base_url=BASE) as router:
        router.route().mock(side_effect=fake)
        async with make_session(account=None, user="jane@example.com", password=PASSWORD) as lux:
            assert lux.scope == "user"
            profile = await lux.request("GET", "/user/{username}/profile")
    assert profile == {"user": "jane@example.com"}
    body = fake.auth_bodies[0]
    assert (body["user"], body["pass"]) == ("jane@example.com", PASSWORD)
    expected = hmac_hex(f"{TOKEN}\n{body['date']}\njane@example.com\n{PASSWORD}\n")
    assert body["signature"] == expected


async def test_get_with_query_signs_the_query_exactly_as_sent(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/report/email/smtp/sent", lambda r: ok({"rows": []}))
    async with make_session() as lux:
        await lux.request(
            "GET",
            "/account/{account}/report/email/smtp/sent",
            params=[("from_date", "2021-04-01 00:00:00"), ("matches", 100), ("q", "a&b=c/d é")],
        )
    request = api.requests[-2]  # last is the revoke
    query = "from_date=2021-04-01%2000%3A00%3A00&matches=100&q=a%26b%3Dc%2Fd%20%C3%A9"
    assert (
        request.url.raw_path.decode()
        == f"/perl/api/v2/account/12345/report/email/smtp/sent?{query}"
    )
    code = api.codes_used[0]
    assert request.headers["cookie"] == expected_cookie(
        code, "GET", "/perl/api/v2/account/12345/report/email/smtp/sent", query
    )


@pytest.mark.parametrize("method", ["POST", "PUT"])
async def test_body_is_hashed_exactly_as_sent(api: FakeAPI, method: str) -> None:
    api.on(method, "/account/12345/aliases", lambda r: ok())
    payload = {"user": "info", "domain": "example.com", "action": "email", "dest": "j@x.org"}
    async with make_session() as lux:
        assert await lux.request(method, "/account/{account}/aliases", json=payload) is None
    request = api.requests[1]
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == payload
    body_sha = hashlib.sha256(request.content).hexdigest()
    sig = hmac_hex(
        f"{api.codes_used[0]}\n{method}\n/perl/api/v2/account/12345/aliases\n\n{body_sha}\n"
    )
    assert request.headers["cookie"] == f"signature={api.codes_used[0]}:{sig}"


async def test_delete_signs_empty_body_hash(api: FakeAPI) -> None:
    api.on("DELETE", "/account/12345/aliases/info@example.com", lambda r: ok())
    async with make_session() as lux:
        await lux.request("DELETE", "/account/{account}/aliases/info@example.com")
    request = api.requests[1]
    code = api.codes_used[0]
    sig = hmac_hex(f"{code}\nDELETE\n/perl/api/v2/account/12345/aliases/info@example.com\n\n\n")
    assert request.headers["cookie"] == f"signature={code}:{sig}"
    assert request.content == b""


async def test_exit_revokes_the_code_with_a_signed_delete(api: FakeAPI) -> None:
    api.on("GET", "/account/12345/users", lambda r: ok([]))
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/users")
    revoke = api.requests[-1]
    assert (revoke.method, revoke.url.raw_path) == ("DELETE", b"/perl/api/v2/auth")
    assert api.revoked == [api.codes_used[0]]
    assert lux.closed


async def test_no_revoke_when_never_authenticated(api: FakeAPI) -> None:
    async with make_session():
        pass
    assert api.requests == []


def test_signature_is_lowercase_hex_of_hmac_sha256() -> None:
    from luxsci_async._signing import request_signature

    sig = request_signature(SECRET.encode(), "C", "GET", "/p", "a=1", "")
    assert sig == hmac_hex("C\nGET\n/p\na=1\n\n")
    assert sig == sig.lower()
    assert len(sig) == 64


@pytest.mark.parametrize("wrapper", [False, True], ids=["c-object", "python-wrapper"])
def test_one_signer_signs_each_request_on_its_own(
    monkeypatch: pytest.MonkeyPatch, wrapper: bool
) -> None:
    """The keyed state is copied per request, through hmac's C object where it has one and
    through the Python wrapper where it does not: neither request's text leaks into the next."""
    import hmac

    from luxsci_async._signing import RequestSigner

    if wrapper:

        def without_c_object(key: bytes, msg: None = None, digestmod: object = None) -> Any:
            # A digest hmac cannot hand to OpenSSL: the pure Python HMAC, with no C object.
            return hmac.HMAC(key, msg, lambda data=b"": hashlib.sha256(data))

        monkeypatch.setattr(hmac, "new", without_c_object)
    signer = RequestSigner(SECRET.encode())
    assert isinstance(signer._keyed, hmac.HMAC) is wrapper
    first = signer.sign("C", "GET", "/p", "a=1", "")
    second = signer.sign("D", "PUT", "/q", "", "ab")
    assert first == hmac_hex("C\nGET\n/p\na=1\n\n")
    assert second == hmac_hex("D\nPUT\n/q\n\nab\n")
    assert signer.sign("C", "GET", "/p", "a=1", "") == first


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_redirects_are_not_followed(api: FakeAPI, status: int) -> None:
    """A 3xx is an error naming its status and Location, even with a success body."""

    api.on(
        "GET",
        "/account/12345/users",
        lambda r: httpx2.Response(
            status, headers={"Location": "https://evil.example/steal"}, json={"success": 1}
        ),
    )
    with respx.mock(assert_all_called=False) as elsewhere:
        evil = elsewhere.get("https://evil.example/steal").respond(200, json={"success": 1})
        async with make_session(max_retries=0) as lux:
            with pytest.raises(RedirectError) as info:
                await lux.request("GET", "/account/{account}/users")
    assert not evil.called
    assert info.value.status == status
    assert info.value.location == "https://evil.example/steal"
    assert "evil.example/steal" in str(info.value)
