"""Auth-code lifecycle: lazy, single-flight, proactively refreshed, compare-and-invalidate."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable

import anyio

from . import _clock
from ._secret import Secret


class _Flight:
    """One authentication in progress; every waiter shares its outcome."""

    __slots__ = ("code", "done", "error")

    def __init__(self) -> None:
        self.done = anyio.Event()
        self.code: str | None = None
        self.error: BaseException | None = None


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
    ) -> None:
        self._authenticate = authenticate
        self._ttl = ttl
        self._code: Secret | None = None
        self._expires_at = 0.0
        self._flight: _Flight | None = None

    def current(self) -> str | None:
        """The code if one is held and still within its lifetime."""
        code = self._code
        if code is not None and _clock.monotonic() < self._expires_at:
            return code.reveal()
        return None

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
            code = await self._authenticate()
        except anyio.get_cancelled_exc_class():
            raise
        except BaseException as exc:
            flight.error = exc
            raise
        else:
            self.adopt(code)
            flight.code = code
            return code
        finally:
            self._flight = None
            flight.done.set()

    def adopt(self, code: str) -> None:
        """Use ``code`` from now on (a fresh code, or one the server echoed in a response)."""
        if self._code is None or self._code.reveal() != code:
            self._code = Secret(code)
            self._expires_at = _clock.monotonic() + self._ttl

    def invalidate(self, code: str) -> None:
        """Forget ``code`` if it is still the current one (a 401 answered to it).

        Comparing first means N concurrent 401s for the same stale code cause one
        re-authentication, not N.
        """
        if self._code is not None and self._code.reveal() == code:
            self._code = None

    def take(self) -> str | None:
        """Remove and return the current code (for revocation on close)."""
        code = self.current()
        self._code = None
        return code
