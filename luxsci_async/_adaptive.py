"""A send rate that follows what the server accepts, in the spirit of botocore's adaptive mode.

Until the first 429 nothing is held back. A 429 cuts the allowed rate to 70% of the rate
that was being answered; each success lets it grow back along a cubic curve (CUBIC),
slowly at first near the rate that failed, then faster, and never beyond twice the
measured rate. The 429s of one burst (the requests in flight when the server started
refusing) count as one cut. The rate is enforced by a token bucket holding at most one
second of sends, whose tokens are reserved in call order (a call that gives up returns
its token).
"""

from __future__ import annotations

import math
from collections import deque

from . import _clock

MIN_RATE = 0.5
"""Requests per second the rate is never cut below."""
_BETA = 0.7
_SCALE = 0.4
_WINDOW = 1.0
"""Seconds of answers the measured rate is taken over."""
_ONE_CUT = 1.0
"""Seconds within which further 429s belong to the burst that caused the last cut."""
_MIN_ANSWERS = 4
"""Answers in the last second below which a 429 says nothing about the rate sent."""


class AdaptiveRate:
    """The send rate of one session; every method takes the time from :mod:`._clock`."""

    __slots__ = (
        "_answers",
        "_k",
        "_last_max",
        "_last_throttle",
        "_stamp",
        "_tokens",
        "rate",
    )

    def __init__(self) -> None:
        self.rate = math.inf
        """Requests per second now allowed (``inf``: no 429 seen yet)."""
        self._answers: deque[float] = deque()
        self._last_max = 0.0
        self._last_throttle = -math.inf
        self._k = 0.0
        self._tokens = 0.0
        self._stamp = _clock.monotonic()

    @property
    def enabled(self) -> bool:
        """Whether a 429 has been seen (before that, sends are not held back)."""
        return self.rate != math.inf

    # -- the token bucket -------------------------------------------------------------------

    def _refill(self, now: float) -> None:
        capacity = max(1.0, self.rate)
        self._tokens = min(capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def reserve(self) -> float:
        """Take the next send's token; the seconds to wait before sending (0: now)."""
        if not self.enabled:
            return 0.0
        self._refill(_clock.monotonic())
        self._tokens -= 1.0
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate

    def give_back(self) -> None:
        """Return a token taken by :meth:`reserve` whose send will not happen."""
        if self.enabled:
            self._tokens += 1.0

    # -- learning from answers --------------------------------------------------------------

    def _record(self, now: float) -> None:
        """Record an answer, forgetting those older than the window."""
        answers = self._answers
        answers.append(now)
        while answers[0] <= now - _WINDOW:
            answers.popleft()

    def _measure(self, now: float) -> float:
        """Record an answer; the rate of answers over the last second (or since the first)."""
        self._record(now)
        answers = self._answers
        return len(answers) / max(now - answers[0], _WINDOW / len(answers), 0.05)

    def throttled(self) -> None:
        """A 429: cut the rate to a fraction of what was being answered."""
        now = _clock.monotonic()
        measured = self._measure(now)
        if now - self._last_throttle < _ONE_CUT:
            return  # the same burst of refusals: already cut for it
        if len(self._answers) < _MIN_ANSWERS:
            return  # too few answers to tell a rate: the server's pause alone will do
        sending = measured if not self.enabled else min(measured, self.rate)
        sending = max(sending, MIN_RATE)
        self._last_max = sending
        self._k = (sending * (1 - _BETA) / _SCALE) ** (1 / 3)
        self._last_throttle = now
        self._set(sending * _BETA, now)

    def succeeded(self) -> None:
        """A success: let the rate grow back along the cubic curve."""
        now = _clock.monotonic()
        if not self.enabled:  # not held back yet: only remember the answer for a cut
            self._record(now)
            return
        measured = self._measure(now)
        cubic = _SCALE * (now - self._last_throttle - self._k) ** 3 + self._last_max
        self._set(min(cubic, 2 * max(measured, MIN_RATE)), now)

    def _set(self, rate: float, now: float) -> None:
        if self.enabled:
            self._refill(now)  # the tokens earned at the old rate stay earned
        else:
            self._tokens, self._stamp = 0.0, now
        self.rate = max(MIN_RATE, rate)
