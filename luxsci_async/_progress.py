"""A small progress line for the command line: rows, rows/s and ETA, on stderr."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Redraws one line in place on a terminal; elsewhere prints a line every 10%."""

    def __init__(self, label: str, *, stream: TextIO | None = None, width: int = 28) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.total: int | None = None
        self.done = 0
        self._started = time.perf_counter()
        self._last_draw = 0.0
        self._last_decile = -1
        self._tty = self.stream.isatty()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self._started

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def update(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        now = time.perf_counter()
        if self._tty:
            if now - self._last_draw >= 0.1:
                self._last_draw = now
                self.stream.write("\r" + self.line())
                self.stream.flush()
        elif self.total:
            decile = min(10, done * 10 // self.total)
            if decile > self._last_decile:
                self._last_decile = decile
                self.stream.write(self.line() + "\n")
                self.stream.flush()

    def line(self) -> str:
        rate = self.rate
        if self.total:
            share = min(1.0, self.done / self.total)
            filled = int(share * self.width)
            bar = "#" * filled + "-" * (self.width - filled)
            eta = (self.total - self.done) / rate if rate > 0 else 0.0
            return (
                f"{self.label} [{bar}] {self.done:,}/{self.total:,} rows "
                f"{rate:,.0f} rows/s ETA {_clock(eta)}"
            )
        return f"{self.label} {self.done:,} rows {rate:,.0f} rows/s"

    def finish(self) -> None:
        if self._tty:
            self.stream.write("\r" + self.line() + "\n")
        elif self._last_decile < 10:
            self.stream.write(self.line() + "\n")
        self.stream.flush()
