"""The in-process store: the default when no shared store is configured.

It keeps the same state, with the same semantics, as the Redis store, in plain Python
objects. Every method reads and writes its state without awaiting in between, so
concurrent tasks of one event loop see each step as atomic. It is not shared between
processes or threads.
"""

from __future__ import annotations

import bisect
import math
import secrets
import time
from collections.abc import Callable, Sequence

from . import _checks
from .base import Busy, Slot, Window

_Entry = tuple[float, int]
"""A reserved send time and the reservation's sequence number (unique, increasing)."""


class MemoryStore:
    """Rate windows, 429 pause and auth code of one process (see :class:`.base.Store`).

    Args:
        clock: seconds on a monotonic clock; tests pass a fake one.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._logs: dict[float, list[_Entry]] = {}
        self._tickets: dict[int, tuple[float, tuple[float, ...]]] = {}
        self._sequence = 0
        self._paused_until = -math.inf
        self._codes: dict[str, tuple[bytes, float]] = {}
        self._locks: dict[str, tuple[str, float]] = {}
        self._holders: dict[str, dict[str, float]] = {}

    def __repr__(self) -> str:
        return f"MemoryStore(windows={sorted(self._logs)})"

    # -- budget -----------------------------------------------------------------------------

    async def reserve(self, windows: Sequence[Window], *, max_delay: float) -> Slot | Busy:
        max_delay = _checks.seconds("max_delay", max_delay, allow_inf=True)
        now = self._clock()
        at = max(now, self._paused_until)
        logs: dict[float, list[_Entry]] = {}
        for window in windows:
            span = float(window.span)
            log = logs.get(span)
            if log is None:
                log = logs[span] = self._log(span, now)
            if log:
                # First come, first served: never before the last slot handed out.
                at = max(at, log[-1][0])
            if len(log) >= window.limit:
                # The slot `limit` places back must leave the window before this one goes.
                at = max(at, log[-window.limit][0] + span)
        delay = at - now
        if delay > max_delay:
            return Busy(retry_after=delay)
        if not logs:
            return Slot(ticket="", delay=delay)
        self._sequence += 1
        number = self._sequence
        for log in logs.values():
            log.append((at, number))
        self._tickets[number] = (at, tuple(logs))
        return Slot(ticket=str(number), delay=delay)

    def _log(self, span: float, now: float) -> list[_Entry]:
        """The log of ``span``, without the entries that left it by ``now``."""
        log = self._logs.setdefault(span, [])
        gone = bisect.bisect_right(log, (now - span, math.inf))
        if gone:
            for _, number in log[:gone]:
                self._tickets.pop(number, None)
            del log[:gone]
        return log

    async def release(self, ticket: str) -> None:
        if ticket == "":
            return  # a slot reserved with no windows holds nothing
        if not (isinstance(ticket, str) and ticket.isascii() and ticket.isdigit()):
            raise ValueError("ticket: not a ticket of this store")
        found = self._tickets.get(int(ticket))
        if found is None:
            return
        at, spans = found
        if at <= self._clock():
            return  # its time came: it was (or may have been) used
        number = int(ticket)
        del self._tickets[number]
        for span in spans:
            log = self._logs.get(span, [])
            index = bisect.bisect_left(log, (at, number))
            if index < len(log) and log[index] == (at, number):
                del log[index]

    async def pause(self, seconds: float) -> None:
        seconds = _checks.seconds("seconds", seconds)
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    async def pause_left(self) -> float:
        return max(0.0, self._paused_until - self._clock())

    # -- auth code --------------------------------------------------------------------------

    async def load_code(self, key: str) -> tuple[bytes, float] | None:
        _checks.name("key", key)
        found = self._codes.get(key)
        if found is None:
            return None
        sealed, expires = found
        left = expires - self._clock()
        if left <= 0:
            del self._codes[key]
            return None
        return sealed, left

    async def save_code(self, key: str, sealed: bytes, ttl: float) -> None:
        _checks.name("key", key)
        ttl = _checks.seconds("ttl", ttl, allow_zero=False)
        self._codes[key] = (bytes(sealed), self._clock() + ttl)

    async def drop_code(self, key: str, sealed: bytes) -> None:
        _checks.name("key", key)
        found = self._codes.get(key)
        if found is not None and found[0] == sealed:
            del self._codes[key]

    async def lock_login(self, key: str, lease: float) -> str | None:
        _checks.name("key", key)
        lease = _checks.seconds("lease", lease, allow_zero=False)
        now = self._clock()
        held = self._locks.get(key)
        if held is not None and held[1] > now:
            return None
        token = secrets.token_hex(16)
        self._locks[key] = (token, now + lease)
        return token

    async def unlock_login(self, key: str, token: str) -> None:
        _checks.name("key", key)
        held = self._locks.get(key)
        if held is not None and held[0] == token:
            del self._locks[key]

    async def check_in(self, key: str, holder: str, ttl: float) -> None:
        _checks.name("key", key)
        _checks.name("holder", holder)
        ttl = _checks.seconds("ttl", ttl, allow_zero=False)
        self._live_holders(key)[holder] = self._clock() + ttl

    async def check_out(self, key: str, holder: str) -> bool:
        _checks.name("key", key)
        _checks.name("holder", holder)
        holders = self._live_holders(key)
        holders.pop(holder, None)
        if holders:
            return False
        self._holders.pop(key, None)
        self._codes.pop(key, None)
        return True

    def _live_holders(self, key: str) -> dict[str, float]:
        now = self._clock()
        holders = self._holders.setdefault(key, {})
        for name in [name for name, until in holders.items() if until <= now]:
            del holders[name]
        return holders

    async def aclose(self) -> None:
        """Nothing to release: the state lives as long as the object."""
