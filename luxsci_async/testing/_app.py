"""The emulator as a raw ASGI application (no framework: the server must stay cheap)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any

import anyio
import orjson

from .._assumptions import (
    API_PREFIX,
    AUTH_CREATED_STATUS,
    AUTH_PATH,
    ENVELOPE_AUTH,
    ENVELOPE_COMMENT,
    ENVELOPE_DATA,
    ENVELOPE_ERROR_MESSAGE,
    ENVELOPE_SUCCESS,
    RETRY_AFTER_HEADER,
    UPLOAD_FILE_PART,
    UPLOAD_JSON_PART,
)
from .._routes.spec import Route
from ._auth import Authenticator, AuthFailure, body_hash
from ._calls import NO_DATA, Call, HttpError
from ._config import EmulatorConfig
from ._control import answer_control, is_control
from ._limits import FaultPlan, RateLimiter
from ._operations import Operations
from ._routing import Compiled, compile_routes
from ._stats import StatsRecorder
from ._store import Store
from ._validate import BadInput, check_body, check_path, check_query, parse_query

AsgiScope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

_JSON_HEADERS = [(b"content-type", b"application/json")]
_PREFIX_LEN = len(API_PREFIX)


class DroppedConnection(Exception):
    """Raised on purpose after a partial response: the server closes the connection."""


def _failure(message: str) -> bytes:
    return orjson.dumps({ENVELOPE_SUCCESS: 0, ENVELOPE_ERROR_MESSAGE: message})


def _raw_path(scope: AsgiScope) -> str:
    # The signature covers the path exactly as sent, so use the raw bytes, not ``path``.
    raw: bytes = scope.get("raw_path") or scope["path"].encode()
    return raw.partition(b"?")[0].decode("latin-1")


async def _start(
    send: Send, status: int, payload: bytes, headers: list[tuple[bytes, bytes]]
) -> None:
    """Send the response head (the caller sends the body, or half of it to drop it)."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [*_JSON_HEADERS, (b"content-length", str(len(payload)).encode()), *headers],
        }
    )


def _multipart(content_type: str, body: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(JSON part, [(filename, content)]) of a ``multipart/form-data`` body."""
    boundary = ""
    for piece in content_type.split(";"):
        key, _, value = piece.strip().partition("=")
        if key.lower() == "boundary":
            boundary = value.strip('"')
    if not boundary:
        raise BadInput("multipart body without a boundary")
    json_part, files = b"", []
    for chunk in body.split(b"--" + boundary.encode())[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, content = chunk.partition(b"\r\n\r\n")
        content = content[:-2] if content.endswith(b"\r\n") else content
        disposition = next(
            (
                line
                for line in head.decode("latin-1").split("\r\n")
                if ":" in line and line.split(":", 1)[0].strip().lower() == "content-disposition"
            ),
            "",
        )
        params = {}
        for piece in disposition.split(";")[1:]:
            key, _, value = piece.strip().partition("=")
            params[key.lower()] = value.strip('"')
        if params.get("name") == UPLOAD_JSON_PART:
            json_part = content
        elif params.get("name") == UPLOAD_FILE_PART:
            files.append((params.get("filename", ""), content))
    return json_part, files


class EmulatorApp:
    """ASGI app emulating the LuxSci REST API v2 for the routes of a route table."""

    def __init__(
        self,
        config: EmulatorConfig,
        *,
        token: str,
        secret: str,
        account: str,
        users: Mapping[str, str],
        routes: Iterable[Route] | None = None,
    ) -> None:
        if routes is None:
            from .._routes.table import ROUTES  # the table is big: load it only when serving

            routes = ROUTES
        self.config = config
        shapes, self._matchers = compile_routes(
            [r for r in routes if r.path != AUTH_PATH], API_PREFIX
        )
        self.store = Store()
        self.auth = Authenticator(
            token=token,
            secret=secret,
            passwords=self.store.passwords.get,
            ttl=config.auth_ttl,
            clock_skew=config.clock_skew,
        )
        self.ops = Operations(
            config, shapes, self.store, account, on_user_gone=self.auth.forget_user
        )
        self.ops.seed(users)
        self.stats = StatsRecorder()
        origin = time.monotonic()
        self.clock: Callable[[], float] = lambda: time.monotonic() - origin
        """Seconds since the app was created: the time of the rate windows and of
        ``stats.admitted`` (replace it with a fake clock in tests)."""
        self._limits = RateLimiter(config)
        self._faults = FaultPlan(config)
        self._auth_path = API_PREFIX + AUTH_PATH

    def _match(self, method: str, path: str) -> tuple[Compiled, dict[str, str]] | None:
        for compiled in self._matchers.get(method, ()):
            values = compiled.match(path)
            if values is not None:
                return compiled, values
        return None

    async def __call__(self, scope: AsgiScope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        path = _raw_path(scope)
        if is_control(path):
            status, payload = answer_control(scope["method"], path, self.stats)
            await _start(send, status, payload, [])
            await send({"type": "http.response.body", "body": payload})
            return
        status, payload, headers, drop = self._handle(scope, path, body)
        if self.config.latency:
            await anyio.sleep(self.config.latency)
        self.stats.statuses[status] += 1
        await _start(send, status, payload, headers)
        if drop:
            await send(
                {
                    "type": "http.response.body",
                    "body": payload[: len(payload) // 2],
                    "more_body": True,
                }
            )
            raise DroppedConnection("connection dropped on purpose by the emulator")
        await send({"type": "http.response.body", "body": payload})

    def _handle(
        self, scope: AsgiScope, path: str, body: bytes
    ) -> tuple[int, bytes, list[tuple[bytes, bytes]], bool]:
        method: str = scope["method"]
        query = scope.get("query_string", b"").decode("latin-1")
        stats = self.stats
        stats.requests += 1
        is_auth = path == self._auth_path
        found = None if is_auth else self._match(method, path)
        template = AUTH_PATH if is_auth else (found[0].route.path if found else "?")
        stats.by_route[(method, template)] += 1
        if is_auth and method == "POST":
            stats.auth_requests += 1
        now = self.clock()
        retry = self._limits.admit(now)
        if retry is not None:
            stats.refused.append(now)
            return (
                429,
                _failure("rate limit exceeded"),
                [(RETRY_AFTER_HEADER.lower().encode(), str(retry).encode())],
                False,
            )
        stats.admitted.append(now)
        fault = None
        if not (is_auth and method == "POST") or self.config.fault_auth:
            fault = self._faults.next()
        if fault is not None:
            stats.faults[fault] += 1
            if fault != "drop":
                return int(fault), _failure(f"injected fault {fault}"), [], False
        status, payload = self._answer(method, path, query, scope, body, is_auth, found)
        return status, payload, [], fault == "drop"

    def _answer(
        self,
        method: str,
        path: str,
        query: str,
        scope: AsgiScope,
        body: bytes,
        is_auth: bool,
        found: tuple[Compiled, dict[str, str]] | None,
    ) -> tuple[int, bytes]:
        try:
            if is_auth and method == "POST":
                code = self.auth.handshake(orjson.loads(body) if body.strip() else None)
                self.stats.logins += 1
                return AUTH_CREATED_STATUS, orjson.dumps({ENVELOPE_SUCCESS: 1, ENVELOPE_AUTH: code})
            if not is_auth and found is None:
                if not path.startswith(API_PREFIX + "/"):
                    return 404, _failure("not found")
                return 404, _failure(f"unknown API function {method} {path[_PREFIX_LEN:]}")
            headers = dict(scope.get("headers") or ())
            content_type = headers.get(b"content-type", b"").decode("latin-1")
            files: list[tuple[str, bytes]] = []
            if content_type.lower().startswith("multipart/form-data"):
                body, files = _multipart(content_type, body)
            digest = body_hash(body) if method in ("POST", "PUT") else ""
            cookie = headers.get(b"cookie", b"").decode("latin-1")
            session = self.auth.verify(cookie, method, path, query, digest)
            if is_auth:
                if method != "DELETE":
                    return 404, _failure(f"unknown API function {method} {AUTH_PATH}")
                self.auth.revoke(session)
                return 200, orjson.dumps(
                    {ENVELOPE_SUCCESS: 1, ENVELOPE_COMMENT: "Authentication session revoked."}
                )
            assert found is not None
            compiled, values = found
            route = compiled.route
            if route.group in self.config.denied_groups:
                raise HttpError(403, f"access to {route.group} is not enabled for this integration")
            if method != "GET" and route.group in self.config.read_only_groups:
                raise HttpError(403, f"access to {route.group} is read-only for this integration")
            try:
                parsed = orjson.loads(body) if body.strip() else None
            except orjson.JSONDecodeError:
                raise BadInput("the request body is not valid JSON") from None
            params = parse_query(query) if query else {}
            check_path(route, values)
            check_query(route, params)
            if method in ("POST", "PUT"):
                check_body(route, parsed if parsed is not None else {})
            data = self.ops.run(Call(compiled, values, params, parsed, files, session))
        except AuthFailure as exc:
            return 401, _failure(str(exc))
        except BadInput as exc:
            return 400, _failure(str(exc))
        except HttpError as exc:
            return exc.status, _failure(exc.message)
        except orjson.JSONDecodeError:
            return 400, _failure("the request body is not valid JSON")
        if data is NO_DATA:
            return 200, orjson.dumps({ENVELOPE_SUCCESS: 1, ENVELOPE_COMMENT: "OK"})
        return 200, orjson.dumps({ENVELOPE_SUCCESS: 1, ENVELOPE_DATA: data})
