"""The Redis store: one rate budget, 429 pause and auth code for every process of a fleet.

Needs the ``redis`` extra (redis-py's asyncio client), and runs on asyncio only. Every
step is one Lua script (or one atomic command) on the server, timed by the server's
clock, so concurrent processes never race and need not agree on the time.

Keys, all under the caller's namespace and all expiring once they no longer matter::

    {ns}:win:{span}              sorted set: reserved send times of one window span
    {ns}:pause                   string: end of the 429 pause (store time)
    {ns}:auth:{key}:code         string: the sealed auth code (expires with its TTL)
    {ns}:auth:{key}:lock         string: the login lock's token (expires with its lease)
    {ns}:auth:{key}:holders      sorted set: sessions using the code, by lease end
"""

from __future__ import annotations

import logging
import math
import re
import secrets
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, TypeVar, cast

import anyio
import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import NoScriptError, RedisError

from ..errors import StoreUnavailableError
from . import _checks, _lua
from .base import Busy, Slot, Window
from .runtime import require_asyncio
from .url import StoreURL, parse_store_url

logger = logging.getLogger("luxsci_async.store")

DEFAULT_TIMEOUT = 1.0
"""Seconds a store call may take (connecting included) before it fails."""

_SPAN = r"\d+(?:\.\d+)?(?:e[+-]\d+)?"
_TICKET = re.compile(rf"^([A-Za-z0-9_-]{{16}})/((?:{_SPAN},)*{_SPAN})?$")
_T = TypeVar("_T")


class _Client(Protocol):
    """The few commands used, typed once (redis-py's annotations vary between releases)."""

    def evalsha(self, sha: str, numkeys: int, *keys_and_args: Any) -> Awaitable[Any]: ...
    def eval(self, script: str, numkeys: int, *keys_and_args: Any) -> Awaitable[Any]: ...
    def set(
        self, name: str, value: bytes | str, *, px: int, nx: bool = False
    ) -> Awaitable[Any]: ...
    def aclose(self, close_connection_pool: bool | None = None) -> Awaitable[None]: ...


def _span_name(span: float) -> str:
    return repr(float(span))


class RedisStore:
    """A :class:`.base.Store` kept in Redis and shared by every process using ``namespace``.

    Args:
        url: ``redis://[[user]:password@]host[:port][/db]`` or ``rediss://`` (TLS).
        namespace: prefix of every key (derived from the integration, never its secret).
        timeout: seconds each call may take, connecting included; past it the call raises
            :class:`~luxsci_async.StoreUnavailableError`.
        max_connections: connections to Redis at most; more calls wait for one.
    """

    def __init__(
        self,
        url: str | StoreURL,
        *,
        namespace: str,
        timeout: float = DEFAULT_TIMEOUT,
        max_connections: int = 16,
    ) -> None:
        self._url = url if isinstance(url, StoreURL) else parse_store_url(url)
        self._ns = _checks.name("namespace", namespace)
        self._timeout = _checks.seconds("timeout", timeout, allow_zero=False)
        if isinstance(max_connections, bool) or not isinstance(max_connections, int):
            raise ValueError("max_connections must be a positive int")
        if max_connections < 1:
            raise ValueError(f"max_connections must be a positive int, got {max_connections}")
        self._max_connections = max_connections
        self._client: _Client | None = None
        self._pause_key = f"{self._ns}:pause"

    def __repr__(self) -> str:
        return f"RedisStore({self._url.redacted!r}, namespace={self._ns!r})"

    @property
    def url(self) -> str:
        """The store's URL, password masked."""
        return self._url.redacted

    # -- budget -----------------------------------------------------------------------------

    async def reserve(self, windows: Sequence[Window], *, max_delay: float) -> Slot | Busy:
        max_delay = _checks.seconds("max_delay", max_delay, allow_inf=True)
        ident = secrets.token_urlsafe(12)
        spans = list(dict.fromkeys(_span_name(window.span) for window in windows))
        keys = [self._pause_key, *(self._window_key(window.span) for window in windows)]
        args: list[str | float] = [ident, -1 if max_delay == math.inf else max_delay]
        for window in windows:
            args += [window.limit, float(window.span)]
        reply = await self._run(_lua.RESERVE, keys, args, shield=True)
        delay = float(reply[1])
        if int(reply[0]) == 0:
            return Busy(retry_after=delay)
        return Slot(ticket=f"{ident}/{','.join(spans)}" if windows else "", delay=delay)

    async def release(self, ticket: str) -> None:
        if ticket == "":
            return  # a slot reserved with no windows holds nothing
        match = _TICKET.match(ticket) if isinstance(ticket, str) else None
        if match is None:
            raise ValueError("ticket: not a ticket of this store")
        ident, spans = match.groups()
        keys = [self._window_key(float(span)) for span in (spans or "").split(",") if span]
        await self._run(_lua.RELEASE, keys, [ident], shield=True)

    async def pause(self, seconds: float) -> None:
        seconds = _checks.seconds("seconds", seconds)
        if seconds > 0:
            await self._run(_lua.PAUSE, [self._pause_key], [seconds], shield=True)

    async def pause_left(self) -> float:
        return float(await self._run(_lua.PAUSE_LEFT, [self._pause_key], []))

    def _window_key(self, span: float) -> str:
        return f"{self._ns}:win:{_span_name(span)}"

    # -- auth code --------------------------------------------------------------------------

    async def load_code(self, key: str) -> tuple[bytes, float] | None:
        reply = await self._run(_lua.LOAD_CODE, [self._auth_key(key, "code")], [])
        if reply is None:
            return None
        sealed, millis = reply
        return bytes(sealed), max(int(millis), 0) / 1000

    async def save_code(self, key: str, sealed: bytes, ttl: float) -> None:
        name = self._auth_key(key, "code")
        ttl = _checks.seconds("ttl", ttl, allow_zero=False)
        await self._call(lambda c: c.set(name, bytes(sealed), px=_millis(ttl)), shield=True)

    async def drop_code(self, key: str, sealed: bytes) -> None:
        name = self._auth_key(key, "code")
        await self._run(_lua.COMPARE_AND_DELETE, [name], [bytes(sealed)], shield=True)

    async def lock_login(self, key: str, lease: float) -> str | None:
        name = self._auth_key(key, "lock")
        lease = _checks.seconds("lease", lease, allow_zero=False)
        token = secrets.token_hex(16)
        done = await self._call(
            lambda c: c.set(name, token, px=_millis(lease), nx=True), shield=True
        )
        return token if done else None

    async def unlock_login(self, key: str, token: str) -> None:
        name = self._auth_key(key, "lock")
        await self._run(_lua.COMPARE_AND_DELETE, [name], [token], shield=True)

    async def check_in(self, key: str, holder: str, ttl: float) -> None:
        name = self._auth_key(key, "holders")
        _checks.name("holder", holder)
        ttl = _checks.seconds("ttl", ttl, allow_zero=False)
        await self._run(_lua.CHECK_IN, [name], [holder, ttl], shield=True)

    async def check_out(self, key: str, holder: str) -> bool:
        _checks.name("holder", holder)
        keys = [self._auth_key(key, "holders"), self._auth_key(key, "code")]
        return int(await self._run(_lua.CHECK_OUT, keys, [holder], shield=True)) == 1

    def _auth_key(self, key: str, part: str) -> str:
        return f"{self._ns}:auth:{_checks.name('key', key)}:{part}"

    # -- plumbing ---------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Close the connections (the shared state stays for the other processes)."""
        client, self._client = self._client, None
        if client is not None:
            with anyio.CancelScope(shield=True), anyio.move_on_after(self._timeout):
                await client.aclose(close_connection_pool=True)

    async def _run(
        self,
        script: _lua.Script,
        keys: Sequence[str],
        args: Sequence[str | bytes | float],
        *,
        shield: bool = False,
    ) -> Any:
        """Run a script by its SHA-1; the first time on a server, send it whole."""

        async def run(client: _Client) -> Any:
            try:
                return await client.evalsha(script.sha, len(keys), *keys, *args)
            except NoScriptError:
                # EVAL runs the script and leaves it in the server's cache for next time.
                logger.debug("store script %s not cached on the server; sending it", script.sha)
                return await client.eval(script.source, len(keys), *keys, *args)

        return await self._call(run, shield=shield)

    async def _call(
        self, command: Callable[[_Client], Awaitable[_T]], *, shield: bool = False
    ) -> _T:
        """One command within the timeout, Redis failures turned into a typed error.

        ``shield``: finish even if the caller is cancelled meanwhile, for steps whose
        result the caller must not lose (a recorded slot, a taken lock).
        """
        client = self._connect()
        reason = f"no answer within {self._timeout:g} s"
        # One scope for both the shield and the deadline: each scope costs microseconds.
        deadline = anyio.current_time() + self._timeout
        with anyio.CancelScope(shield=shield, deadline=deadline):
            try:
                return await command(client)
            except (RedisError, OSError) as exc:
                reason = self._reason(exc)
        # Raised outside the handler, so no exception of the client (which may hold
        # connection details) stays reachable from ours.
        raise StoreUnavailableError(reason, store=self._url.redacted)

    def _reason(self, exc: BaseException) -> str:
        text = f"{type(exc).__name__}: {exc}"
        password = self._url.password
        if password is not None and password.reveal():
            text = text.replace(password.reveal(), "***")
        return text[:300]

    def _connect(self) -> _Client:
        if self._client is None:
            require_asyncio(self._url.redacted)
            url = self._url
            settings: dict[str, Any] = {
                "max_connections": self._max_connections,
                "timeout": self._timeout,  # waiting for a free connection
                "connection_class": aioredis.SSLConnection if url.tls else aioredis.Connection,
                "host": url.host,
                "port": url.port,
                "db": url.db,
                "username": url.username,
                "password": url.password.reveal() if url.password is not None else None,
                "socket_timeout": self._timeout,
                "socket_connect_timeout": self._timeout,
                # No retries of its own: each call has one timeout, and a reserve whose
                # answer was lost must not record a second slot.
                "retry": Retry(NoBackoff(), 0),  # type: ignore[no-untyped-call,unused-ignore]
            }
            if url.tls:  # explicit: older redis-py releases did not check the host name
                settings.update(ssl_cert_reqs="required", ssl_check_hostname=True)
            pool = aioredis.BlockingConnectionPool(**settings)
            self._client = cast(_Client, aioredis.Redis(connection_pool=pool))
        return self._client


def _millis(seconds: float) -> int:
    return max(1, math.ceil(seconds * 1000))
