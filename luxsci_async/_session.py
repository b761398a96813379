"""``LuxSci``: the public face of a session (settings, scopes, calls, lifetime).

Everything a request goes through on its way lives in :mod:`._pipeline`; this module only
turns what the caller gives into checked requests and hands them on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

import attrs

from . import _defaults, _logging
from ._config import call_options, resolve
from ._convert import dump_json
from ._encoding import QueryParams, checked_path, path_value, query_pairs
from ._hooks import EventHooks, Observer, checked_hooks
from ._http import Transport
from ._pagination import Report
from ._pipeline import Pipeline, SessionStats
from ._raw import RawResult, Responses, capturing
from ._routes.prepare import Prepared
from ._rows import Row
from ._settings import NO_OPTIONS, CallOptions, RateLimit, RetryPolicy, Timeout
from ._tracing import Tracing
from ._types import HttpBackendName
from .errors import ConfigurationError, SessionClosedError
from .resources.account import AccountAPI
from .resources.user import UserAPI

if TYPE_CHECKING:
    from opentelemetry.trace import TracerProvider

_METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
P = ParamSpec("P")
T = TypeVar("T")


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
        max_response_bytes: the largest response body read, decoded (default 64 MiB);
            a longer one raises :class:`ResponseTooLargeError` and is not read further.
        max_wait: seconds a call may wait for its turn to be sent: the rate budget, 429
            pauses and its own retries (default 300); past it, :class:`RateLimitTimeout`.
            ``0`` fails at once when no slot is free.
        store: a store shared by every process of this integration, for the rate budget,
            429 pauses and one login for the fleet: ``redis://[[user]:password@]host:port/db``
            or ``rediss://`` (``LUXSCI_STORE``; needs the ``redis`` extra; asyncio only).
        http_backend: the HTTP library to send with (``LUXSCI_HTTP_BACKEND``): ``"httpx2"``
            (the default; asyncio and trio) or ``"aiohttp"`` (faster; needs the ``fast``
            extra; asyncio only: under trio it raises :class:`ConfigurationError` before
            anything is sent). Caps, timeouts and errors are the same on both.
        transport: an ``httpx2.AsyncBaseTransport`` to send through instead of the network
            (a mock, or the emulator's in-process ASGI transport); a third-party type on
            purpose, so that httpx2's testing tools work as they are (``httpx2`` backend only;
            anything else, httpx's own transports included, raises :class:`ConfigurationError`).
        http2: negotiate HTTP/2 (needs the ``http2`` extra; ``httpx2`` backend only).
        proxy: send every request through this proxy, ``http://[user:password@]host:port``
            (``LUXSCI_PROXY``; ``https://`` and ``socks5://`` too). Its password is never
            shown. Not with ``transport``; ``httpx2`` backend only.
        trust_env: honour ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``
            (and ``SSL_CERT_FILE``/``SSL_CERT_DIR``) as httpx2 reads them; off by default
            (``httpx2`` backend only).
        event_hooks: callables told about every attempt, sync or async:
            ``{"request": [...], "response": [...], "retry": [...]}`` (see
            :class:`RequestEvent`, :class:`ResponseEvent`, :class:`RetryEvent`). An
            exception a hook raises ends the call (except while closing: logged).
        tracing: OpenTelemetry spans, one per call. ``None`` (default): on when
            ``opentelemetry-api`` is installed, to the global tracer provider once one is
            set; ``True``: insist (needs the ``otel`` extra); ``False``: never.
        tracer_provider: an OpenTelemetry ``TracerProvider`` to use instead of the global one.
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
        max_concurrency: int = _defaults.MAX_CONCURRENCY,
        auth_ttl: float | None = None,
        max_response_bytes: int | None = None,
        max_wait: float | None = None,
        store: str | None = None,
        http_backend: HttpBackendName | None = None,
        transport: Transport | None = None,
        http2: bool = False,
        proxy: str | None = None,
        trust_env: bool = False,
        event_hooks: EventHooks | None = None,
        tracing: bool | None = None,
        tracer_provider: TracerProvider | None = None,
    ) -> None:
        _logging.setup_from_env()
        settings = resolve(
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
            max_response_bytes=max_response_bytes,
            max_wait=max_wait,
            store=store,
            http_backend=http_backend,
            proxy=proxy,
            trust_env=trust_env,
        )
        tracer = Tracing(tracing, tracer_provider, base_url=settings.base_url)
        observer = Observer(checked_hooks(event_hooks), tracer)
        self._settings = settings
        self._pipeline = Pipeline(settings, transport=transport, http2=http2, observer=observer)
        self._options: CallOptions = NO_OPTIONS
        self._scope_values = {
            "account": path_value("account", settings.account) if settings.account else None,
            "username": path_value("user", settings.user) if settings.user else None,
        }

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
        return self._pipeline.closed

    @property
    def stats(self) -> SessionStats:
        """Counters of what the session has sent."""
        return self._pipeline.stats

    def __repr__(self) -> str:
        who = (
            f"account={self.account_code!r}"
            if self.scope == "account"
            else f"user={self.username!r}"
        )
        return f"<LuxSci {self.scope} scope {who} at {self.base_url}>"

    def with_options(
        self,
        *,
        timeout: float | Timeout | None = None,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        max_wait: float | None = None,
    ) -> LuxSci:
        """This session with other settings for the calls made through what it returns.

        ``await lux.with_options(max_wait=2, timeout=5).account.users.list()``. The view
        shares the session's pool, auth code, rate budget and counters (closing it closes
        the session); settings not given stay as they are.
        """
        view = object.__new__(LuxSci)
        view.__dict__.update(self.__dict__)
        view.__dict__.pop("account", None)  # a cached scope carries the old options
        view._options = call_options(
            self._settings,
            self._options,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            max_wait=max_wait,
        )
        return view

    # -- raw responses ----------------------------------------------------------------------

    async def with_raw_response(
        self, call: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs
    ) -> RawResult[T]:
        """Await ``call(*args, **kwargs)``; return its result with the response it came from.

        ``await lux.with_raw_response(lux.account.users.list, status="enabled")`` gives a
        :class:`RawResult` whose ``parsed`` is the ``list[User]`` and whose ``status``,
        ``headers`` and ``content`` are those of the final attempt. Any awaitable call of
        this session works (typed methods, :meth:`request`, ``report.count``); for one
        that makes several requests, the response is that of the last to finish.
        Concurrent calls never see each other's responses.

        Raises:
            RuntimeError: ``call`` sent no request through this session.
        """
        with capturing(self._pipeline, limit=1) as responses:
            parsed = await call(*args, **kwargs)
        if not responses:
            raise RuntimeError(f"{call!r} sent no request through this session")
        last = responses[-1]
        return last if last.parsed is parsed else attrs.evolve(last, parsed=parsed)

    @contextmanager
    def capture_responses(self, *, limit: int | None = None) -> Iterator[Responses]:
        """Collect the :class:`RawResult` of every call this task makes in the block.

        ``with lux.capture_responses() as responses:`` then ``responses[-1].status``. It
        sees the calls of this session made by this task and by tasks it starts inside
        the block (a report's page fetches), in the order they end; each entry's
        ``parsed`` is that call's result (a :class:`Page` for a report page). Bodies are
        kept until the block's result is dropped: ``limit`` keeps only the last ones.
        """
        with capturing(self._pipeline, limit) as responses:
            yield responses

    # -- typed endpoints --------------------------------------------------------------------

    @cached_property
    def account(self) -> AccountAPI:
        """Account-scope endpoints: ``await lux.account.users.list()``."""
        value = self._scope_values["account"]
        if value is None or self.scope != "account":
            raise ConfigurationError("account endpoints need an account-scope session (account=)")
        return AccountAPI(self._pipeline, {"account": value}, self._options)

    def user(self, login: str | None = None) -> UserAPI:
        """User-scope endpoints for ``login`` (default: the session's user).

        A user-scope session acts for its own login; an account-scope session may act for
        any user of the account.
        """
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
        return UserAPI(self._pipeline, {"username": value}, self._options)

    # -- untyped calls ----------------------------------------------------------------------

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
        filled = checked_path(path, self._scope_values)
        body = None if json is None else dump_json(json)
        if body is not None and verb in ("GET", "DELETE"):
            raise ValueError(f"json: a {verb} request has no body; use params")
        if body is None and verb in ("POST", "PUT"):
            body = b"{}"  # POST and PUT always carry a JSON body, whose hash is signed
        request = Prepared(
            method=verb,
            template=path,
            path=filled,
            query=query_pairs(params),
            body=body,
            idempotent=verb != "POST",
        )
        return await self._pipeline.call(request, options=self._options)

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
        filled = checked_path(path, self._scope_values)
        pairs = query_pairs(params)
        owned = {"first_row", "matches"} & {key for key, _ in pairs}
        if owned:
            raise ValueError(f"params: {sorted(owned)} are set by the paginator (see start_row)")
        request = Prepared(method="GET", template=path, path=filled, query=pairs, idempotent=True)
        scope = {
            name: value
            for name, value in self._scope_values.items()
            if value is not None and path.startswith("/" + ("user" if name == "username" else name))
        }
        return Report(
            self._pipeline,
            request,
            None,
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
            scope_values=scope,
            options=self._options,
        )

    # -- lifetime ---------------------------------------------------------------------------

    async def authenticate(self) -> None:
        """Obtain an auth code now (normally done lazily by the first call)."""
        if self.closed:
            raise SessionClosedError("this LuxSci session is closed")
        await self._pipeline.auth.get()

    async def __aenter__(self) -> LuxSci:
        if self.closed:
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
        await self._pipeline.aclose()


__all__ = ["LuxSci", "SessionStats"]
