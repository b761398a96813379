"""A respx side effect playing LuxSci: checks signatures independently of the SDK's signer."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from collections.abc import Callable
from typing import Any

import httpx2

from .conftest import SECRET, TOKEN

Handler = Callable[[httpx2.Request], httpx2.Response]


def hmac_hex(message: str, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def expected_cookie(
    code: str, method: str, raw_path: str, query: str, body: bytes = b"", secret: str = SECRET
) -> str:
    body_sha = hashlib.sha256(body.strip()).hexdigest() if method in ("POST", "PUT") else ""
    sig = hmac_hex(f"{code}\n{method}\n{raw_path}\n{query}\n{body_sha}\n", secret)
    return f"signature={code}:{sig}"


def ok(data: Any = None, **extra: Any) -> httpx2.Response:
    body: dict[str, Any] = {"success": 1, **extra}
    if data is not None:
        body["data"] = data
    return httpx2.Response(200, json=body)


def fail(
    status: int, error: str = "nope", headers: dict[str, str] | None = None
) -> httpx2.Response:
    return httpx2.Response(status, json={"success": 0, "error": error}, headers=headers)


class FakeAPI:
    """Issues auth codes, checks every signature, and answers from per-path handlers."""

    def __init__(self, *, user: str | None = None, password: str | None = None) -> None:
        self.user = user
        self.password = password
        self._ids = itertools.count(1)
        self.valid: set[str] = set()
        self.revoked: list[str] = []
        self.auth_bodies: list[dict[str, Any]] = []
        self.requests: list[httpx2.Request] = []
        self.codes_used: list[str] = []
        self.handlers: dict[tuple[str, str], Handler | list[httpx2.Response]] = {}
        self.auth_handler: Handler | None = None
        self.delay = 0.0
        """Seconds each answer takes (lets concurrent calls overlap)."""

    def on(self, method: str, path: str, handler: Handler | list[httpx2.Response]) -> None:
        self.handlers[(method, "/perl/api/v2" + path)] = handler

    @property
    def auth_calls(self) -> int:
        return len(self.auth_bodies)

    def new_code(self) -> str:
        code = f"{next(self._ids)}-1617889562-{'ab' * 32}"
        self.valid.add(code)
        return code

    def _auth(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.content)
        self.auth_bodies.append(body)
        if self.auth_handler is not None:
            return self.auth_handler(request)
        message = f"{body['token']}\n{body['date']}\n"
        if "user" in body:
            message += f"{body['user']}\n{body['pass']}\n"
        if body["token"] != TOKEN or body["signature"] != hmac_hex(message):
            return fail(401, "bad auth signature")
        if self.user is not None and (body.get("user"), body.get("pass")) != (
            self.user,
            self.password,
        ):
            return fail(401, "bad login")
        return httpx2.Response(201, json={"success": 1, "auth": self.new_code()})

    def check_signature(self, request: httpx2.Request) -> str | None:
        cookie = request.headers.get("cookie", "")
        if not cookie.startswith("signature="):
            return None
        code = cookie.removeprefix("signature=").rsplit(":", 1)[0]
        raw = request.url.raw_path.decode()
        path, _, query = raw.partition("?")
        body = b""
        if request.method in ("POST", "PUT"):
            request.read()
            body = request.content
            if request.headers.get("content-type", "").startswith("multipart/"):
                body = json_part(request)
        if cookie != expected_cookie(code, request.method, path, query, body):
            return None
        return code

    def __call__(self, request: httpx2.Request) -> Any:
        if self.delay:
            return self._later(request)
        return self.answer(request)

    async def _later(self, request: httpx2.Request) -> httpx2.Response:
        import anyio

        await anyio.sleep(self.delay)
        return self.answer(request)

    def answer(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        path = request.url.raw_path.decode().split("?")[0]  # handlers are keyed by the raw path
        if path == "/perl/api/v2/auth" and request.method == "POST":
            return self._auth(request)
        code = self.check_signature(request)
        if code is None:
            return fail(401, "bad signature")
        if code not in self.valid:
            return fail(401, "expired or revoked auth code")
        self.codes_used.append(code)
        if path == "/perl/api/v2/auth" and request.method == "DELETE":
            self.valid.discard(code)
            self.revoked.append(code)
            return ok(comment="Authentication session revoked.")
        handler = self.handlers.get((request.method, path))
        if handler is None:
            return fail(404, f"no handler for {request.method} {path}")
        if isinstance(handler, list):
            return handler.pop(0) if len(handler) > 1 else handler[0]
        return handler(request)


def json_part(request: httpx2.Request) -> bytes:
    """The ``json`` part of a multipart upload (what the signature covers)."""
    boundary = request.headers["content-type"].split("boundary=", 1)[1].encode()
    for part in request.content.split(b"--" + boundary):
        head, _, payload = part.partition(b"\r\n\r\n")
        if b'name="json"' in head:
            return payload.removesuffix(b"\r\n")
    return b""
