"""When a request may go: the rate budget, the 429 pause, the adapted send rate, bounded waits.

The budget's windows and the pause live in a store (in this process by default, or shared
by a fleet); the adapted rate is this session's own. Every wait is bounded by the call's
deadline: a call whose turn would come later raises :class:`RateLimitTimeout` and spends
nothing. A cancelled wait gives back what it reserved, and closing the session wakes every
waiter at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import anyio

from . import _clock
from ._adaptive import AdaptiveRate
from ._settings import RateLimit
from ._store.base import BudgetStore, Busy, Window
from .errors import RateLimitTimeout, SessionClosedError

MINUTE = 60.0
DAY = 86_400.0
MARGIN = 0.5
"""Seconds each window is kept longer than the server's: a request sent a little after its
slot (a busy event loop, a slow hop) still arrives inside the budget."""


def windows_of(limit: RateLimit | None) -> tuple[Window, ...]:
    """The rolling windows of a :class:`RateLimit`."""
    if limit is None:
        return ()
    pairs = ((limit.per_minute, MINUTE), (limit.per_day, DAY))
    return tuple(Window(count, span + MARGIN) for count, span in pairs if count)


class Pacer:
    """Decides when each request of a session may be sent."""

    def __init__(
        self, store: BudgetStore, windows: Sequence[Window], *, shared: bool = False
    ) -> None:
        self._store = store
        # With nothing to count and nobody else to hear a pause from, a turn is free.
        self._free = not windows and not shared
        self._windows = tuple(windows)
        self.adaptive = AdaptiveRate()
        self._sleepers: set[anyio.CancelScope] = set()
        self._closed = False
        self._paused_until = 0.0
        """The end of the last pause this session set itself (the store knows every pause)."""

    def turn_is_free(self) -> bool:
        """Whether a request may go now without waiting or counting anything: no budget,
        no pause and no cut rate (the common case, told without a coroutine)."""
        return self._free and not self.adaptive.enabled and self._paused_until <= _clock.monotonic()

    async def wait_turn(self, deadline: float, *, closing: bool = False) -> None:
        """Wait until this request may be sent; past ``deadline``, raise instead.

        ``closing``: the session's own last request (revoking its code), which a closed
        session still waits for.
        """
        if self.turn_is_free():
            return
        while True:
            known = self._paused_until - _clock.monotonic()
            if known > 0:  # wait out our own 429 pause first: the send rate regrows meanwhile
                self._check(known, deadline)
                await self._sleep(known, closing=closing)
            delay = self.adaptive.reserve()
            if delay:
                try:
                    self._check(delay, deadline)
                    await self._sleep(delay, closing=closing)
                except BaseException:
                    self.adaptive.give_back()
                    raise
            granted = await self._store.reserve(
                self._windows, max_delay=max(0.0, deadline - _clock.monotonic())
            )
            if isinstance(granted, Busy):
                raise RateLimitTimeout(
                    "no send slot within max_wait", retry_after=granted.retry_after
                )
            if granted.delay <= 0:
                return
            try:
                await self._sleep(granted.delay, closing=closing)
            except BaseException:
                with anyio.CancelScope(shield=True):
                    await self._store.release(granted.ticket)
                raise
            if await self._store.pause_left() <= 0:
                return
            # A 429 paused the budget while this call slept: sent now, it would arrive
            # inside the pause and later than its slot says, so take a new slot instead.

    async def throttled(self, seconds: float) -> None:
        """The server answered 429: pause every sender for ``seconds``, and slow down."""
        self.adaptive.throttled()
        self._paused_until = max(self._paused_until, _clock.monotonic() + seconds)
        await self._store.pause(seconds)

    async def backoff(self, seconds: float) -> None:
        """A retry's own wait after a fault (not a pause of the whole session)."""
        await self._sleep(seconds)

    @staticmethod
    def fits(seconds: float, deadline: float) -> bool:
        """Whether a wait of ``seconds`` from now ends by ``deadline``."""
        return _clock.monotonic() + seconds <= deadline

    def _check(self, seconds: float, deadline: float) -> None:
        if not self.fits(seconds, deadline):
            raise RateLimitTimeout(
                "the wait for a send slot would exceed max_wait", retry_after=seconds
            )

    async def _sleep(self, seconds: float, *, closing: bool = False) -> None:
        """Sleep, unless the session closes first (then :class:`SessionClosedError`)."""
        if closing:
            await _clock.sleep(seconds)
            return
        if self._closed:
            raise SessionClosedError("the session is closed")
        if seconds <= 0:
            return
        with anyio.CancelScope() as scope:
            self._sleepers.add(scope)
            try:
                await _clock.sleep(seconds)
            finally:
                self._sleepers.discard(scope)
        if self._closed:
            raise SessionClosedError("the session was closed while this call waited its turn")

    def close(self) -> None:
        """Wake every waiting call at once; each raises :class:`SessionClosedError`."""
        self._closed = True
        for scope in list(self._sleepers):
            scope.cancel()
