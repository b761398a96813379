"""The session: one pool, signed requests, auth lifecycle, retries and pacing."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import anyio
import attrs
import orjson

from . import _envelope
from ._assumptions import (
    API_PREFIX,
    AUTH_FIELD_DATE,
    AUTH_FIELD_PASS,
    AUTH_FIELD_SIGNATURE,
    AUTH_FIELD_TOKEN,
    AUTH_FIELD_USER,
    AUTH_PATH,
    ENVELOPE_AUTH,
    UPLOAD_FILE_PART,
    UPLOAD_JSON_PART,
)
from ._auth import AuthCodes
from ._config import Settings, resolve
from ._convert import dump_json
from ._encoding import QueryParams, encode_query, fill_path, path_value
from ._http import HttpClient, RawResponse, SentError, Timeout, Transport
from ._ratelimit import Pacer, RateLimit
from ._retry import RETRYABLE_STATUSES, RetryBudget, RetryPolicy
from ._signing import auth_signature, body_hash, request_signature, signature_cookie
from ._types import Upload
from .errors import (
    APIError,
    AuthenticationError,
    ConfigurationError,
    ConnectError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeout,
    ResponseValidationError,
    SessionClosedError,
    TransportError,
)

if TYPE_CHECKING:
    from ._pagination import Report
    from ._rows import Row
    from .resources.account import AccountAPI
    from .resources.user import UserAPI

logger = logging.getLogger("luxsci_async")

_METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
_RAW_PATH = re.compile(r"^/[A-Za-z0-9\-._~!$&'()*+,;=:@%/{}]*$")
_DOT_SEGMENT = re.compile(r"/(?:\.|%2[eE]){1,2}(?=/|$)")  # "/." or "/.." (maybe encoded)
_REVOKE_TIMEOUT = 3.0
_JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
_ACCEPT_HEADERS = {"Accept": "application/json"}


@attrs.define
class SessionStats:
    """Counters of what the session sent (for summaries and tests)."""

    requests: int = 0
    """HTTP requests sent, every attempt counted, ``POST /auth`` included."""
    retries: int = 0
    """Attempts repeated after a retryable failure."""
    auth_requests: int = 0
    """``POST /auth`` handshakes."""
    reauthentications: int = 0
    """Replays after a 401."""
    rate_limited: int = 0
    """429 answers received."""


class LuxSci:
    """An async session with the LuxSci REST API v2.

    Owns one connection pool; use it as ``async with LuxSci(...) as lux:`` (or call
    :meth:`aclose`). Settings not given are read from ``LUXSCI_*`` environment variables.

    Args:
        token: the API integration's public token (``LUXSCI_TOKEN``).
        secret: the integration's secret key (``LUXSCI_SECRET``).
        account: numeric account code, for an account-scope integration (``LUXSCI_ACCOUNT``).
        user: user login e-mail; with ``password`` it selects user scope (``LUXSCI_USER``).
        password: the user's password, for a user-scope integration (``LUXSCI_PASSWORD``).
        host: the integration's API host, always HTTPS (``LUXSCI_HOST``; default
            ``rest.luxsci.com``).
        base_url: full origin overriding ``host`` (``LUXSCI_BASE_URL``); ``http://`` only on
            loopback, e.g. the embedded emulator.
        timeout: seconds for every phase, or a :class:`Timeout`.
        max_retries: retries after the first attempt (shortcut for ``retry``).
        retry: a :class:`RetryPolicy` for everything else about retries.
        rate_limit: an optional client-side :class:`RateLimit` budget.
        max_concurrency: requests in flight at once; more wait their turn (default 8).
        auth_ttl: seconds an auth code is used before it is refreshed (default 600).
        transport: a custom transport (e.g. ``luxsci_async.testing`` ASGI transport).
        http2: negotiate HTTP/2 (needs the ``http2`` extra).
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        secret: str | None = None,
        account: str | int | None = None,
        user: str | None = None,
        password: str | None = None,
        host: str | None = None,
        base_url: str | None = None,
        timeout: float | Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimit | None = None,
        max_concurrency: int = 8,
        auth_ttl: float | None = None,
        transport: Transport | None = None,
        http2: bool = False,
    ) -> None:
        self._settings: Settings = resolve(
            token=token,
            secret=secret,
            account=account,
            user=user,
            password=password,
            host=host,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            rate_limit=rate_limit,
            max_concurrency=max_concurrency,
            auth_ttl=auth_ttl,
        )
        settings = self._settings
        self._secret_key = settings.secret.reveal().encode("utf-8")
        self._clock = time.monotonic
        self._http = HttpClient(
            base_url=settings.base_url,
            timeout=settings.timeout,
            max_connections=settings.max_concurrency + 2,
            transport=transport,
            http2=http2,
        )
        self._slots = anyio.Semaphore(settings.max_concurrency, fast_acquire=True)
        self._pacer = Pacer(settings.rate_limit, self._clock)
        self._budget = RetryBudget(settings.retry.budget)
        self._auth = AuthCodes(self._authenticate, ttl=settings.auth_ttl, clock=self._clock)
        self._closed = False
        self._scope_values = {
            "account": path_value("account", settings.account) if settings.account else None,
            "username": path_value("user", settings.user) if settings.user else None,
        }
        self.stats = SessionStats()

    # -- introspection ----------------------------------------------------------------------

    @property
    def scope(self) -> Literal["account", "user"]:
        """``"account"`` or ``"user"``: the kind of auth code this session obtains."""
        return self._settings.scope

    @property
    def account_code(self) -> str | None:
        """The account code of an account-scope session."""
        return self._settings.account

    @property
    def username(self) -> str | None:
        """The user login of a user-scope session (or the default user of an account one)."""
        return self._settings.user

    @property
    def base_url(self) -> str:
        """The origin requests go to."""
        return self._settings.base_url

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` has been called."""
        return self._closed

    def __repr__(self) -> str:
        who = (
            f"account={self.account_code!r}"
            if self.scope == "account"
            else f"user={self.username!r}"
        )
        return f"<LuxSci {self.scope} scope {who} at {self.base_url}>"

    # -- typed endpoints --------------------------------------------------------------------

    @cached_property
    def account(self) -> AccountAPI:
        """Account-scope endpoints: ``await lux.account.users.list()``."""
        from .resources.account import AccountAPI

        value = self._scope_values["account"]
        if value is None or self.scope != "account":
            raise ConfigurationError("account endpoints need an account-scope session (account=)")
        return AccountAPI(self, {"account": value})

    def user(self, login: str | None = None) -> UserAPI:
        """User-scope endpoints for ``login`` (default: the session's user).

        A user-scope session acts for its own login; an account-scope session may act for
        any user of the account.
        """
        from .resources.user import UserAPI

        if login is None:
            value = self._scope_values["username"]
            if value is None:
                raise ConfigurationError("no user: pass a login, or create the session with user=")
        else:
            value = path_value("login", login)
            if self.scope == "user" and login != self.username:
                raise ConfigurationError(
                    f"a user-scope session acts only for {self.username!r}, not {login!r}"
                )
        return UserAPI(self, {"username": value})

    def paginate(
        self,
        path: str,
        *,
        params: QueryParams | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[Row]:
        """Iterate any paged report path; rows are read-only mappings keyed by column name.

        ``path`` and ``params`` are as for :meth:`request`; the paginator adds ``first_row``
        and ``matches`` itself.
        """
        from ._pagination import Report
        from ._routes.prepare import Prepared

        filled = self._checked_path(path)
        pairs: list[tuple[str, Any]] = list(
            params.items() if isinstance(params, Mapping) else params or ()
        )
        owned = {"first_row", "matches"} & {key for key, _ in pairs}
        if owned:
            raise ValueError(f"params: {sorted(owned)} are set by the paginator (see start_row)")
        request = Prepared(
            method="GET",
            path=filled,
            query=encode_query(pairs),
            body=None,
            uploads=None,
            idempotent=True,
        )
        scope = {
            name: value
            for name, value in self._scope_values.items()
            if value is not None and path.startswith("/" + ("user" if name == "username" else name))
        }
        return Report(
            self,
            request,
            None,
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
            scope_values=scope,
        )

    # -- lifetime ---------------------------------------------------------------------------

    async def __aenter__(self) -> LuxSci:
        if self._closed:
            raise SessionClosedError("this LuxSci session is closed")
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Revoke the auth code (best effort) and close the pool. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        with anyio.CancelScope(shield=True):
            code = self._auth.take()
            if code is not None:
                with anyio.move_on_after(_REVOKE_TIMEOUT):
                    await self._revoke(code)
            await self._http.aclose()

    async def _revoke(self, code: str) -> None:
        path = API_PREFIX + AUTH_PATH
        signature = request_signature(self._secret_key, code, "DELETE", path, "", "")
        try:
            self.stats.requests += 1
            headers = {**_ACCEPT_HEADERS, "Cookie": signature_cookie(code, signature)}
            raw = await self._http.send("DELETE", path, headers=headers)
            _envelope.read(raw, "DELETE", path)
        except (TransportError, APIError) as exc:
            logger.debug("revoking the auth code failed: %s", type(exc).__name__)
        else:
            logger.debug("auth code revoked")

    # -- public calls -----------------------------------------------------------------------

    async def authenticate(self) -> None:
        """Obtain an auth code now (normally done lazily by the first call)."""
        if self._closed:
            raise SessionClosedError("this LuxSci session is closed")
        await self._auth.get()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: QueryParams | None = None,
        json: Any = None,
    ) -> Any:
        """Send one signed request and return the envelope's ``data`` (``None`` if absent).

        ``path`` is relative to ``/perl/api/v2``; ``{account}`` and ``{username}`` are filled
        from the session, and the rest is sent as given (encode your own values, or use the
        typed endpoint methods, which do). ``params`` go in the query string in the order
        given; ``json`` is the request body (``{}`` for a POST or PUT without one).
        """
        verb = method.upper() if isinstance(method, str) else method
        if verb not in _METHODS:
            raise ValueError(f"method: expected one of {sorted(_METHODS)}, got {method!r}")
        filled = self._checked_path(path)
        body = None if json is None else dump_json(json)
        if body is not None and verb in ("GET", "DELETE"):
            raise ValueError(f"json: a {verb} request has no body; use params")
        if body is None and verb in ("POST", "PUT"):
            body = b"{}"  # POST/PUT always carry a JSON body, whose hash is signed (mechanics §4)
        return await self.send(
            verb, filled, query=encode_query(params), body=body, idempotent=verb != "POST"
        )

    def _checked_path(self, path: str) -> str:
        if not isinstance(path, str) or not _RAW_PATH.match(path):
            raise ValueError(f"path: expected e.g. '/account/{{account}}/users', got {path!r}")
        if _DOT_SEGMENT.search(path):
            raise ValueError(f"path: '.' and '..' segments are not allowed, got {path!r}")
        filled = fill_path(path, self._scope_fill(path))
        if "{" in filled or "}" in filled:
            raise ValueError(f"path: unknown placeholder in {path!r}")
        return filled

    def _scope_fill(self, path: str) -> dict[str, str]:
        values: dict[str, str] = {}
        for name in ("account", "username"):
            if "{" + name + "}" in path:
                value = self._scope_values[name]
                if value is None:
                    raise ValueError(
                        f"path: {{{name}}} needs a session with "
                        + ("an account" if name == "account" else "a user")
                    )
                values[name] = value
        return values

    # -- the send loop ----------------------------------------------------------------------

    async def send(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        body: bytes | None = None,
        uploads: list[Upload] | None = None,
        idempotent: bool,
    ) -> Any:
        """Low level: send an already-encoded request (signing, auth, retries, pacing).

        The building block of :meth:`request` and the endpoint methods. ``path`` (relative to
        ``/perl/api/v2``) and ``query`` are sent and signed exactly as given, so they must be
        encoded already; ``idempotent`` decides what may be retried after an ambiguous failure.
        """
        if self._closed:
            raise SessionClosedError("this LuxSci session is closed")
        full_path = API_PREFIX + path
        target = f"{full_path}?{query}" if query else full_path
        digest = body_hash(body)
        headers_base = _JSON_HEADERS if body is not None and uploads is None else _ACCEPT_HEADERS
        files = _multipart(body, uploads) if uploads is not None else None
        retries = 0
        replayed = False
        while True:
            await self._pacer.wait_turn()
            code = await self._auth.get()
            signature = request_signature(self._secret_key, code, method, full_path, query, digest)
            headers = {**headers_base, "Cookie": signature_cookie(code, signature)}
            started = self._clock()
            try:
                async with self._slots:
                    if self._closed:  # closed while this call waited for a slot or auth
                        raise SessionClosedError("the session was closed before the request")
                    self.stats.requests += 1
                    raw = await self._http.send(
                        method, target, headers=headers, content=body, files=files
                    )
            except TransportError as exc:
                self._log(method, full_path, type(exc).__name__, retries, started)
                if self._closed:
                    raise SessionClosedError("the session was closed during the request") from exc
                sent = isinstance(exc, SentError)
                if sent and not idempotent:
                    raise OutcomeUnknownError(
                        f"{method} {full_path}: {exc.message}; the request may have been "
                        "processed, so it was not retried",
                        method=method,
                        path=full_path,
                    ) from exc
                delay = self._retry_delay(exc, retries, idempotent=idempotent)
                if delay is None:
                    raise _public(exc, method, full_path) from exc.__cause__
                retries += 1
                await self._pacer.sleep(delay)
                continue
            self._log(method, full_path, raw.status, retries, started)
            try:
                data, echoed = _envelope.read(raw, method, full_path)
            except AuthenticationError:
                if replayed:
                    raise
                # The code expired or was revoked: re-authenticate once and replay once.
                replayed = True
                self.stats.reauthentications += 1
                self._auth.invalidate(code)
                continue
            except APIError as exc:  # 429 and 5xx included
                delay = self._retry_delay(exc, retries, idempotent=idempotent)
                if delay is None:
                    raise
                retries += 1
                await self._pacer.sleep(delay)
                continue
            self._budget.refund()
            if echoed is not None:
                self._auth.adopt(echoed)
            return data

    async def _authenticate(self) -> str:
        """``POST /auth``: exchange token + signature (+ user login) for an auth code."""
        settings = self._settings
        path = API_PREFIX + AUTH_PATH
        retries = 0
        while True:
            await self._pacer.wait_turn()
            date = int(time.time())
            payload: dict[str, Any] = {AUTH_FIELD_TOKEN: settings.token, AUTH_FIELD_DATE: date}
            user = settings.user if settings.scope == "user" else None
            password = settings.password.reveal() if settings.password is not None else ""
            if user is not None:
                payload[AUTH_FIELD_USER] = user
                payload[AUTH_FIELD_PASS] = password
            payload[AUTH_FIELD_SIGNATURE] = auth_signature(
                self._secret_key, settings.token, date, user or "", password if user else ""
            )
            if self._closed:  # closed while this waited for its turn
                raise SessionClosedError("the session was closed while authenticating")
            started = self._clock()
            try:
                self.stats.requests += 1
                self.stats.auth_requests += 1
                raw = await self._http.send(
                    "POST", path, headers=_JSON_HEADERS, content=orjson.dumps(payload)
                )
                self._log("POST", path, raw.status, retries, started)
                _, code = _read_auth(raw, path)
                return code
            except (TransportError, APIError) as exc:
                if self._closed:
                    raise SessionClosedError("the session was closed while authenticating") from exc
                # A new session is harmless, so POST /auth is retried like an idempotent call.
                delay = self._retry_delay(exc, retries, idempotent=True)
                if delay is None:
                    if isinstance(exc, TransportError):
                        raise _public(exc, "POST", path) from exc.__cause__
                    raise
                retries += 1
                await self._pacer.sleep(delay)

    def _retry_delay(self, exc: Exception, retries: int, *, idempotent: bool) -> float | None:
        """Seconds to wait before retrying after ``exc``; ``None`` means give up and raise.

        The one retry decision for every request, ``POST /auth`` included: transport errors
        (the caller has already refused to resend a non-idempotent request that may have
        arrived), 429 and, for idempotent requests, the retryable 5xx statuses are retried
        within ``max_retries`` and the session's retry budget. A 429 pauses the whole session
        (that pause is the wait); a ``Retry-After`` beyond ``max_retry_after`` is not waited for.
        """
        policy = self._settings.retry
        hint: float | None = None
        cost = policy.retry_cost
        if isinstance(exc, RateLimitError):
            self.stats.rate_limited += 1
            hint = exc.retry_after
            wait = hint if hint is not None else policy.backoff(retries + 1)
            self._pacer.pause(min(wait, policy.max_retry_after))
            delay = 0.0
        elif isinstance(exc, TransportError):
            if isinstance(exc, RequestTimeout):
                cost = policy.timeout_cost
            delay = policy.backoff(retries + 1)
        elif isinstance(exc, APIError) and exc.status in RETRYABLE_STATUSES and idempotent:
            hint = exc.retry_after  # a 503 may say when to come back
            delay = policy.backoff(retries + 1) if hint is None else hint
        else:
            return None
        if (
            retries >= policy.max_retries
            or (hint is not None and hint > policy.max_retry_after)
            or not self._budget.spend(cost)
        ):
            return None
        self.stats.retries += 1
        return delay

    def _log(self, method: str, path: str, outcome: object, retries: int, started: float) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s (attempt %d, %.1f ms)",
                method,
                path,
                outcome,
                retries + 1,
                (self._clock() - started) * 1000,
            )


def _read_auth(raw: RawResponse, path: str) -> tuple[Any, str]:
    data, code = _envelope.read(raw, "POST", path)
    if code is None:
        raise ResponseValidationError(
            f"the auth response has no {ENVELOPE_AUTH!r} code",
            status=raw.status,
            body="(withheld)",
            method="POST",
            path=path,
        )
    return data, code


def _public(exc: TransportError, method: str, path: str) -> TransportError:
    """Turn an internal transport error into the public class, with the request named."""
    if isinstance(exc, RequestTimeout):
        cls: type[TransportError] = RequestTimeout
    elif isinstance(exc, ConnectError):
        cls = ConnectError
    else:
        cls = TransportError
    return cls(f"{method} {path}: {exc.message}", method=method, path=path)


def _multipart(
    body: bytes | None, uploads: list[Upload]
) -> list[tuple[str, tuple[str, bytes, str]]]:
    parts = [(UPLOAD_JSON_PART, ("json.js", body or b"{}", "application/json"))]
    parts.extend(
        (UPLOAD_FILE_PART, (name, content, "application/octet-stream")) for name, content in uploads
    )
    return parts


__all__ = ["LuxSci", "RateLimit", "RetryPolicy", "SessionStats", "Timeout"]
