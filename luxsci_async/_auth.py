"""Auth-code lifecycle: lazy, single-flight, proactively refreshed, compare-and-invalidate.

Within a process one login is in flight however many tasks need a code. With a shared
store, one login serves the whole fleet: the code is kept sealed in the store, one process
at a time logs in (under a lock that expires), and the last process to stop using a code
is the one that may revoke it.
"""

from __future__ import annotations

import copy
import logging
import secrets
from collections.abc import Awaitable, Callable

import anyio

from . import _clock
from ._sealing import Sealer
from ._secret import Secret
from ._store.base import AuthStore

logger = logging.getLogger("luxsci_async")

LOGIN_LEASE = 60.0
"""Seconds the fleet's login lock is held at most: a process that dies while logging in
holds up the others no longer than this."""
_POLL_FIRST, _POLL_MAX = 0.05, 0.5


class _Flight:
    """One authentication in progress; every waiter shares its outcome."""

    __slots__ = ("code", "done", "error")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.code: str | None = None
        self.error: BaseException | None = None


class SharedCode:
    """The auth code of one login as a fleet shares it through a store."""

    def __init__(self, store: AuthStore, key: str, secret: bytes) -> None:
        self._store = store
        self._key = key
        self._sealer = Sealer(secret, key)
        self.holder = secrets.token_hex(8)
        """This session's name among the code's holders."""
        self._sealed: bytes | None = None

    def __repr__(self) -> str:
        return f"<SharedCode {self._key}>"

    async def obtain(self, login: Callable[[], Awaitable[str]], ttl: float) -> tuple[str, float]:
        """A code and its seconds left: the fleet's current one, or a new login."""
        wait = _POLL_FIRST
        while True:
            found = await self._load()
            if found is not None:
                return found
            token = await self._store.lock_login(self._key, LOGIN_LEASE)
            if token is not None:
                try:
                    found = await self._load()  # another process may have just finished
                    if found is not None:
                        return found
                    code = await login()
                    await self.save(code, ttl)
                    return code, ttl
                finally:
                    with anyio.CancelScope(shield=True):
                        await self._store.unlock_login(self._key, token)
            await _clock.sleep(wait)  # another process is logging in: its code will appear
            wait = min(wait * 2, _POLL_MAX)

    async def _load(self) -> tuple[str, float] | None:
        stored = await self._store.load_code(self._key)
        if stored is None:
            return None
        sealed, left = stored
        code = self._sealer.open(sealed)
        if code is None:  # not sealed with this integration's secret: ignore it
            logger.warning("the shared store holds an auth code this secret cannot open")
            return None
        self._sealed = sealed
        await self._store.check_in(self._key, self.holder, left)
        return code, left

    async def save(self, code: str, ttl: float) -> None:
        """Make ``code`` the fleet's code for ``ttl`` seconds (a login, or a code echoed)."""
        sealed = self._sealer.seal(code)
        await self._store.save_code(self._key, sealed, ttl)
        self._sealed = sealed
        await self._store.check_in(self._key, self.holder, ttl)

    async def drop(self) -> None:
        """The code this session holds was refused: forget it fleet-wide, if still current."""
        if self._sealed is not None:
            await self._store.drop_code(self._key, self._sealed)
            self._sealed = None

    async def leave(self) -> bool:
        """Stop holding the code; ``True`` if no other session holds it (it may be revoked)."""
        return await self._store.check_out(self._key, self.holder)


class AuthCodes:
    """Holds the current auth code and obtains a new one when needed.

    However many tasks need a code at once, one ``POST /auth`` is in flight: the others wait
    for it and share its result (or its error). A code is refreshed after ``ttl`` seconds.
    """

    def __init__(
        self,
        authenticate: Callable[[], Awaitable[str]],
        *,
        ttl: float,
        shared: SharedCode | None = None,
    ) -> None:
        self._authenticate = authenticate
        self._ttl = ttl
        self._shared = shared
        self._code: Secret | None = None
        self._expires_at = 0.0
        self._serial = 0  # codes held so far: which came after which
        self._flight: _Flight | None = None

    def current(self) -> str | None:
        """The code if one is held and still within its lifetime."""
        code = self._code
        if code is not None and _clock.monotonic() < self._expires_at:
            return code.reveal()
        return None

    @property
    def serial(self) -> int:
        """How many codes the session has held: a code held later has a higher number."""
        return self._serial

    def serial_of(self, code: str) -> int | None:
        """The number of ``code`` if it is the one held now; ``None`` if another or none is."""
        return self._serial if self._holds(code) else None

    def _holds(self, code: str) -> bool:
        held = self._code
        return held is not None and held.reveal() == code

    async def get(self) -> str:
        """A valid code, authenticating (once, for all waiters) if needed."""
        code = self.current()
        if code is not None:
            return code
        while True:
            flight = self._flight
            if flight is None:
                return await self._lead()
            await flight.done.wait()
            if flight.code is not None:
                return flight.code
            if flight.error is not None:
                raise copy.copy(flight.error).with_traceback(None)
            # The leader was cancelled: go round, and maybe lead the next flight.

    async def _lead(self) -> str:
        flight = self._flight = _Flight()
        try:
            if self._shared is None:
                code, ttl = await self._authenticate(), self._ttl
            else:
                code, ttl = await self._shared.obtain(self._authenticate, self._ttl)
        except anyio.get_cancelled_exc_class():
            raise
        except BaseException as exc:
            flight.error = exc
            raise
        else:
            self._hold(code, min(ttl, self._ttl))
            flight.code = code
            return code
        finally:
            self._flight = None
            flight.done.set()

    def _hold(self, code: str, ttl: float) -> None:
        self._code = Secret(code)
        self._serial += 1
        self._expires_at = _clock.monotonic() + ttl

    def adopt(self, code: str) -> None:
        """Use ``code`` from now on, in this session (a fresh code, or one set by hand)."""
        if not self._holds(code):
            self._hold(code, self._ttl)

    async def replace(self, code: str) -> None:
        """The server answered with a new code: use it, and share it with the fleet."""
        if self._holds(code):
            return
        self._hold(code, self._ttl)
        if self._shared is not None:
            await self._shared.save(code, self._ttl)

    async def invalidate(self, code: str) -> None:
        """Forget ``code`` if it is still the current one (a 401 answered to it).

        Comparing first means N concurrent 401s for the same stale code cause one
        re-authentication, not N; with a shared store the fleet forgets it too.
        """
        if self._holds(code):
            self._code = None
            if self._shared is not None:
                await self._shared.drop()

    async def release(self) -> str | None:
        """Stop using the code; return it if it should be revoked (nobody else holds it)."""
        code = self.current()
        self._code = None
        if code is None or self._shared is None:
            return code
        return code if await self._shared.leave() else None
