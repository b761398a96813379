"""The way of every request: pacing, auth code, signing, sending, envelope, decoding, retries.

:meth:`Pipeline.call` is the one road from a checked :class:`Prepared` request to the value
its caller gets, and :meth:`Pipeline._attempts` its one loop: the login (``POST /auth``)
and the revocation (``DELETE /auth``) take it too, so every request is paced, counted,
timed out, capped, read and retried by the same code.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from contextlib import nullcontext
from typing import Any

import anyio
import attrs

from . import _clock, _envelope, _raw
from ._assumptions import API_PREFIX, UPLOAD_FILE_PART, UPLOAD_JSON_PART
from ._auth import AuthCodes, SharedCode
from ._backends import open_backend
from ._defaults import MAX_REAUTHENTICATIONS, REVOKE_TIMEOUT
from ._encoding import encode_pairs
from ._hooks import Observer, RetryReason, Watch
from ._http import Transport
from ._login import LOGIN, REVOKE, auth_code, login_request, revoke_request, store_keys
from ._pacing import Pacer, windows_of
from ._retry import RetryBudget, decide
from ._routes.prepare import Decode, Prepared
from ._settings import NO_OPTIONS, CallOptions, RetryPolicy, Settings
from ._signing import RequestSigner, body_hash, signature_cookie
from ._store.base import Store
from ._store.factory import open_store
from ._tracing import Tracing
from ._wire import HttpBackend, Multipart, RawResponse, SentError
from .errors import (
    APIError,
    AuthenticationError,
    ConfigurationError,
    ConnectError,
    LuxSciError,
    OutcomeUnknownError,
    RateLimitError,
    RequestTimeout,
    ResponseValidationError,
    SessionClosedError,
    StoreUnavailableError,
    TransportError,
)

logger = logging.getLogger("luxsci_async")

_JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
_ACCEPT_HEADERS = {"Accept": "application/json"}
_UNWATCHED = contextlib.nullcontext()


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


Credential = Callable[[], Awaitable[str]]
"""Gives the auth code to sign an attempt with (``None`` for the unsigned login)."""


class Pipeline:
    """Owns what every request shares: the pool, the auth code, the pacer and the budget."""

    def __init__(
        self,
        settings: Settings,
        *,
        transport: Transport | None = None,
        http2: bool = False,
        observer: Observer | None = None,
    ) -> None:
        self.settings = settings
        self._secret_key = settings.secret.reveal().encode("utf-8")
        self._signer = RequestSigner(self._secret_key)
        self.http: HttpBackend = open_backend(settings, transport=transport, http2=http2)
        self.observer = observer or Observer({}, Tracing(False, None, base_url=""))
        self._slots = anyio.Semaphore(settings.max_concurrency, fast_acquire=True)
        namespace, login_key = store_keys(settings)
        # The in-process store reads the SDK's clock at each call (tests replace the clock).
        self.store: Store = open_store(
            settings.store, namespace=namespace, clock=lambda: _clock.monotonic()
        )
        fleet = settings.store is not None
        shared = None
        if fleet:
            try:
                shared = SharedCode(self.store, login_key, self._secret_key)
            except ImportError:
                raise ConfigurationError(
                    f"store={settings.store} needs the redis extra: "
                    "pip install 'luxsci-async[redis]'"
                ) from None
        self.pacer = Pacer(self.store, windows_of(settings.rate_limit), shared=fleet)
        self._budget = RetryBudget(settings.retry.budget)
        self.auth = AuthCodes(self._login, ttl=settings.auth_ttl, shared=shared)
        self.closed = False
        self.stats = SessionStats()

    # -- the public road ----------------------------------------------------------------------

    async def call(
        self, request: Prepared, decode: Decode | None = None, options: CallOptions = NO_OPTIONS
    ) -> Any:
        """Send ``request`` signed with the session's code; return its decoded ``data``.

        ``decode`` (default: the request's own) turns the envelope's ``data`` into the
        result; a mismatch raises :class:`ResponseValidationError` naming the status,
        method and path of the response it came from. ``options`` override the session's
        timeout, retry policy and maximum wait for this call.
        """
        if self.closed:
            raise SessionClosedError("this LuxSci session is closed")
        watch = self.observer.watch("call", request.method, request.template)
        with watch or _UNWATCHED:  # a span, when tracing: the outcome is recorded on the way out
            data, echoed, raw = await self._attempts(lambda: request, self.auth.get, options, watch)
            if echoed is not None:
                await self.auth.replace(echoed)
            result = _decoded(decode or request.decode, data, raw, request)
        _raw.record(self, request, raw, result)
        return result

    async def aclose(self) -> None:
        """Revoke the auth code (best effort) and close the pool. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        self.pacer.close()  # every call waiting its turn ends now, not when its wait would
        with anyio.CancelScope(shield=True):
            try:
                code = await self.auth.release()
            except StoreUnavailableError as exc:
                # Unknown whether others still use it: leave it to expire rather than revoke.
                logger.warning("not revoking the auth code: %s", exc)
                code = None
            if code is not None:
                with anyio.move_on_after(REVOKE_TIMEOUT):
                    await self._revoke(code)
            await self.http.aclose()
            await self.store.aclose()

    # -- the auth lifecycle -------------------------------------------------------------------

    async def _login(self) -> str:
        if self.closed:
            raise SessionClosedError("the session was closed while authenticating")
        settings, key = self.settings, self._secret_key
        watch = self.observer.watch("login", LOGIN.method, LOGIN.path)
        with watch or _UNWATCHED:
            _, echoed, raw = await self._attempts(
                lambda: login_request(settings, key), None, NO_OPTIONS, watch
            )
            return auth_code(echoed, raw)

    async def _revoke(self, code: str) -> None:
        async def this_code() -> str:
            return code

        watch = self.observer.watch("revoke", REVOKE.method, REVOKE.path)
        try:
            with watch or _UNWATCHED:
                await self._attempts(revoke_request, this_code, NO_OPTIONS, watch, closing=True)
        except LuxSciError as exc:  # best effort: a closing session raises nothing more
            logger.debug("revoking the auth code failed: %s", type(exc).__name__)
        else:
            logger.debug("auth code revoked")

    # -- the loop -----------------------------------------------------------------------------

    async def _attempts(
        self,
        build: Callable[[], Prepared],
        credential: Credential | None,
        options: CallOptions,
        watch: Watch | None = None,
        *,
        closing: bool = False,
    ) -> tuple[Any, str | None, RawResponse]:
        """Attempt a request until it succeeds or the retry decision gives up.

        ``build`` gives the request of each attempt (the login's changes: its date is now);
        ``credential`` the code it is signed with, or ``None`` for the login. A 401 to a
        signed request drops that code and replays with a fresh one. A 401 to the replay is
        raised if its code was obtained after the 401 before it (fresh codes are refused);
        one to a code obtained earlier (another task's login, older than this call's 401)
        or after a retry's wait earns another fresh code (none when ``closing``: the
        revocation of the session's last code). A 429 is waited out
        (within ``max_retry_after`` and the call's ``max_wait``) without spending a retry.
        ``watch`` (hooks, tracing) sees each attempt.
        """
        policy = options.retry or self.settings.retry
        timeout = options.timeout or self.settings.timeout
        max_wait = REVOKE_TIMEOUT if closing else options.max_wait
        deadline = _clock.monotonic() + (self.settings.max_wait if max_wait is None else max_wait)
        retries = 0  # after faults: bounded by max_retries and the retry budget
        throttles = 0  # 429s waited out: bounded by max_wait only
        reauthenticated = False  # by the attempt just ended, after a 401
        refused_serial = 0  # the session's code count when the last 401 arrived
        replays_refused = 0  # 401s to replays that earned another login
        while True:
            # Only a 401 straight after a re-authentication can be final: any other answer
            # in between (a fault, a 429) came with a wait that may outlast the fresh code
            # too (bounded: waits count against max_wait, faults against the retries).
            replayed, reauthenticated = reauthenticated, False
            request = build()
            method = request.method
            path = API_PREFIX + request.path
            query = encode_pairs(request.query) if request.query else ""
            # Every waiting call shares one login (and its failure) before queueing for a slot.
            code = await credential() if credential is not None else None
            started = _clock.monotonic()
            try:
                # A call waits its turn holding one of the session's slots, so what has not
                # been sent yet always sees a 429's pause; then it takes the current code
                # again, so a long wait cannot leave it signing with one that expired
                # meanwhile. The login takes no slot: calls holding slots may wait for it.
                async with self._slots if credential is not None else nullcontext():
                    for _ in range(2):
                        if watch is not None or not self.pacer.turn_is_free():
                            turn = self.pacer.wait_turn(deadline, closing=closing)
                            await (turn if watch is None else watch.paced(turn))
                        if self.closed and not closing:
                            raise SessionClosedError("the session was closed before the request")
                        if credential is None:
                            break
                        if closing:  # the revocation signs with the code it revokes
                            code = await credential()
                            break
                        # A code that lapsed while the call waited takes a login, which
                        # waits a turn of its own: sent then, the call would go out in the
                        # login's turn, over the budget. Its own turn is spent; it waits
                        # once more (once: a lifetime shorter than the waits cannot loop).
                        held = self.auth.current()
                        if held is not None:
                            code = held
                            break
                        code = await credential()
                    headers = _headers(request, code, self._signer, path, query)
                    if watch is not None:
                        await watch.request(path)
                    started = _clock.monotonic()
                    self.stats.requests += 1
                    if credential is None:
                        self.stats.auth_requests += 1
                    raw = await self.http.send(
                        method,
                        f"{path}?{query}" if query else path,
                        headers=headers,
                        content=request.body,
                        files=_multipart(request),
                        max_bytes=self.settings.max_response_bytes,
                        timeouts=timeout,
                    )
            except TransportError as exc:
                self._log(method, path, type(exc).__name__, retries, started)
                public = _public(exc, method, path)
                if watch is not None:
                    await watch.response(None, type(public).__name__, started, {})
                if self.closed and not closing:
                    raise SessionClosedError("the session was closed during the request") from None
                if isinstance(exc, SentError) and not request.idempotent and credential is not None:
                    raise OutcomeUnknownError(
                        f"{method} {path}: {exc.message}; the request may have been "
                        "processed, so it was not retried",
                        method=method,
                        path=path,
                    ) from exc  # the SDK's own timeout or drop: a message, no request
                # A new session is harmless, so POST /auth is retried like an idempotent call.
                delay = self._fault_delay(exc, retries, policy, deadline, idempotent=True)
                if delay is None:
                    raise public from None
                retries += 1
                await self._retrying(watch, "fault", delay, method, path)
                continue
            self._log(method, path, raw.status, retries + throttles, started)
            if watch is not None:
                await watch.response(raw.status, None, started, raw.headers)
            if raw.status != 429:
                self.pacer.adaptive.succeeded()
            try:
                data, echoed = _envelope.read(raw, method, path)
            except RateLimitError as exc:
                self.stats.rate_limited += 1
                throttles += 1
                wait = policy.backoff(throttles) if exc.retry_after is None else exc.retry_after
                await self.pacer.throttled(min(wait, policy.max_retry_after))
                if wait > policy.max_retry_after or not self.pacer.fits(wait, deadline):
                    raise  # longer than this call may wait: the caller decides
                self.stats.retries += 1
                await self._retrying(watch, "rate_limited", wait, method, path, pause=False)
                continue
            except AuthenticationError:
                if code is None or closing:
                    raise
                if replayed:
                    # A code another task obtained before this call's last 401 may have
                    # lapsed in this call's wait for a turn: that says nothing of codes
                    # obtained now. One obtained since (or the cap reached) is final.
                    serial = self.auth.serial_of(code)
                    if serial is not None and serial > refused_serial:
                        raise
                    if replays_refused >= MAX_REAUTHENTICATIONS:
                        raise
                    replays_refused += 1
                # The code expired or was revoked: re-authenticate and replay.
                refused_serial = self.auth.serial
                reauthenticated = True
                self.stats.reauthentications += 1
                await self.auth.invalidate(code)
                await self._retrying(watch, "reauthenticate", 0.0, method, path, pause=False)
                continue
            except APIError as exc:  # 5xx and the rest
                idempotent = request.idempotent or code is None
                delay = self._fault_delay(exc, retries, policy, deadline, idempotent=idempotent)
                if delay is None:
                    raise
                retries += 1
                await self._retrying(watch, "fault", delay, method, path)
                continue
            self._budget.refund()
            return data, echoed, raw

    def _fault_delay(
        self,
        exc: Exception,
        retries: int,
        policy: RetryPolicy,
        deadline: float,
        *,
        idempotent: bool,
    ) -> float | None:
        """The wait before retrying a fault, or ``None`` to raise it (also past max_wait)."""
        delay = decide(exc, retries, policy, self._budget, idempotent=idempotent)
        if delay is None or not self.pacer.fits(delay, deadline):
            return None
        self.stats.retries += 1
        return delay

    async def _retrying(
        self,
        watch: Watch | None,
        reason: RetryReason,
        wait: float,
        method: str,
        path: str,
        *,
        pause: bool = True,
    ) -> None:
        """Say that an attempt is repeated, and why; ``pause``: wait out a fault's backoff."""
        logger.info("%s %s: retrying in %.2f s (%s)", method, path, wait, reason)
        if watch is not None:
            await watch.retry(reason, wait)
        if pause:
            await self.pacer.backoff(wait)

    def _log(self, method: str, path: str, outcome: object, retries: int, started: float) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %s (attempt %d, %.1f ms)",
                method,
                path,
                outcome,
                retries + 1,
                (_clock.monotonic() - started) * 1000,
            )


def _headers(
    request: Prepared, code: str | None, signer: RequestSigner, path: str, query: str
) -> dict[str, str]:
    base = (
        _JSON_HEADERS if request.body is not None and request.uploads is None else _ACCEPT_HEADERS
    )
    if code is None:
        return dict(base)
    digest = body_hash(request.method, request.body)
    signature = signer.sign(code, request.method, path, query, digest)
    return {**base, "Cookie": signature_cookie(code, signature)}


def _multipart(request: Prepared) -> Multipart | None:
    if request.uploads is None:
        return None
    parts = [(UPLOAD_JSON_PART, ("json.js", request.body or b"{}", "application/json"))]
    parts.extend(
        (UPLOAD_FILE_PART, (name, content, "application/octet-stream"))
        for name, content in request.uploads
    )
    return parts


def _decoded(decode: Decode, data: Any, raw: RawResponse, request: Prepared) -> Any:
    try:
        return decode(data, raw)
    except ResponseValidationError as exc:
        # Decoders know the data, not the exchange: say which response did not fit.
        raise ResponseValidationError(
            exc.message,
            status=raw.status,
            body=exc.body or _envelope.excerpt(raw.content),
            data=exc.data,
            method=request.method,
            path=API_PREFIX + request.path,
        ) from None


def _public(exc: TransportError, method: str, path: str) -> TransportError:
    """Turn an internal transport error into the public class, with the request named."""
    if isinstance(exc, RequestTimeout):
        cls: type[TransportError] = RequestTimeout
    elif isinstance(exc, ConnectError):
        cls = ConnectError
    else:
        cls = TransportError
    return cls(f"{method} {path}: {exc.message}", method=method, path=path)
