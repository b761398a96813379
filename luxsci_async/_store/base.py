"""What a store of shared session state does (no third-party imports here).

A store holds, for one API integration: the rolling request windows (per minute, per day),
the session-wide pause after a 429, and the auth code with its login lock. The in-process
store and the Redis store implement the same protocol and pass the same tests; the pacer
and the auth-code holder above them do not know which one they talk to.

Every duration crossing this interface is *relative* (seconds from now, on the store's own
clock), so processes whose clocks disagree still agree on the windows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

import attrs


def _positive_int(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a positive int, got {value!r}")


def _positive_seconds(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise ValueError(f"{attribute.name} must be a positive, finite number, got {value!r}")


@attrs.frozen
class Window:
    """At most ``limit`` sends in any rolling ``span`` seconds.

    Stores keep one log of send times per ``span``: sessions that give the same span with
    different limits share the log, each checking its own limit against it.
    """

    limit: int = attrs.field(validator=_positive_int)
    span: float = attrs.field(validator=_positive_seconds)


@attrs.frozen
class Slot:
    """A reserved send time: wait ``delay`` seconds, then send (``ticket`` gives it back).

    The ticket is empty when nothing was recorded (a reservation with no windows).
    """

    ticket: str
    delay: float


@attrs.frozen
class Busy:
    """No slot within the caller's limit; nothing was reserved.

    ``retry_after`` is the number of seconds until the earliest slot the caller could
    have had (the windows' next free place, or the end of a 429 pause).
    """

    retry_after: float


class BudgetStore(Protocol):
    """Rate windows and the 429 pause, shared by every session using the store.

    A ``reserve`` or ``release`` that has started completes even if its caller is
    cancelled meanwhile (by an anyio cancel scope; bounded by the store's timeout), so a
    caller never loses the ticket of a slot that was recorded: the cancellation arrives at
    its next checkpoint, where it can still give the slot back.
    """

    async def reserve(self, windows: Sequence[Window], *, max_delay: float) -> Slot | Busy:
        """Reserve the earliest send time that fits every window and any pause, atomically.

        Slots are handed out first come, first served: a new slot is never earlier than
        one already reserved. When that time is more than ``max_delay`` seconds away,
        nothing is recorded and :class:`Busy` says how long the caller would have waited.
        With no windows, only the pause is applied.
        """
        ...

    async def release(self, ticket: str) -> None:
        """Give back a slot that will not be used (its caller was cancelled or gave up).

        Releasing a slot already given back, or one whose time has passed, does nothing.
        """
        ...

    async def pause(self, seconds: float) -> None:
        """Hold every send for ``seconds`` from now (keeps a longer pause already set)."""
        ...

    async def pause_left(self) -> float:
        """Seconds the current pause still runs (0 when there is none)."""
        ...


class AuthStore(Protocol):
    """One auth code per login, shared by every session of that login.

    Values are opaque bytes: the caller seals the code before it reaches the store, so
    the store alone never holds a usable code. ``key`` names the login (derived by the
    caller from the token and the scope, never from a secret).
    """

    async def load_code(self, key: str) -> tuple[bytes, float] | None:
        """The stored (sealed) code and its seconds left, or ``None``."""
        ...

    async def save_code(self, key: str, sealed: bytes, ttl: float) -> None:
        """Store a fresh code for ``ttl`` seconds, replacing any other."""
        ...

    async def drop_code(self, key: str, sealed: bytes) -> None:
        """Forget the code if it is still ``sealed`` (a 401 answered to it)."""
        ...

    async def lock_login(self, key: str, lease: float) -> str | None:
        """Take the login lock for ``lease`` seconds: a token, or ``None`` if it is held."""
        ...

    async def unlock_login(self, key: str, token: str) -> None:
        """Release the login lock if ``token`` still holds it."""
        ...

    async def check_in(self, key: str, holder: str, ttl: float) -> None:
        """Record that ``holder`` (one session) uses the current code for ``ttl`` seconds."""
        ...

    async def check_out(self, key: str, holder: str) -> bool:
        """``holder`` stops using the code; ``True`` when no other live holder remains.

        On ``True`` the stored code is dropped in the same step, and the caller (the
        last user) may revoke it; on ``False`` others still use it and it must be left.
        """
        ...


class Store(BudgetStore, AuthStore, Protocol):
    """Both halves, as one object per session, and its lifetime."""

    async def aclose(self) -> None:
        """Release connections (the shared state itself stays for the others)."""
        ...
