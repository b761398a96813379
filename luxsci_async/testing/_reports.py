"""Synthetic report rows, computed from (seed, report, row index) and never stored.

Row ``i`` of a report with ``N`` rows is dated ``WINDOW_START + i * WINDOW // N``: rows are
sorted by date, so every date filter is an index range found by arithmetic.
"""

from __future__ import annotations

import calendar
import hashlib
import time
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from .._assumptions import DATETIME_FORMAT
from ._shapes import DOMAIN, _hints

WINDOW_START = 1_704_067_200
"""2024-01-01 00:00:00 GMT."""
WINDOW = 366 * 86_400
"""Report rows spread over the leap year 2024."""

_MASK = (1 << 64) - 1
_DAYS = [time.strftime("%Y-%m-%d ", time.gmtime(WINDOW_START + d * 86_400)) for d in range(367)]
_HOURS = [f"{h:02d}:" for h in range(24)]
_MINSEC = [f"{m:02d}:{s:02d}" for m in range(60) for s in range(60)]

FALLBACK_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "sent": ("date", "message_id", "sender", "recipient", "subject", "size", "status"),
    "delivery": (
        "date",
        "message_id",
        "sender",
        "recipient",
        "status",
        "status_detail",
        "remote_host",
    ),
    "clicks": ("date", "message_id", "recipient", "url", "ip", "user_agent"),
    "opens": ("date", "message_id", "recipient", "ip", "user_agent"),
    "fbl": ("date", "message_id", "sender", "recipient", "feedback_type", "reporter"),
    "suppressions": ("date", "email", "reason", "source"),
    "failures": ("date", "login", "ip", "reason"),
}
"""Columns used when the route's row class declares none."""

_POOLS: Mapping[str, tuple[Any, ...]] = {
    "status": ("delivered", "deferred", "bounced", "delivered", "delivered", "queued"),
    "reason": ("bad password", "unknown user", "blocked ip", "unsubscribed", "complaint"),
    "feedback_type": ("abuse", "fraud", "other"),
    "source": ("smtp", "webmail", "marketing"),
    "user_agent": ("Mozilla/5.0", "Outlook/16.0", "AppleMail/16.0", "Thunderbird/115"),
    "subject": ("Your statement", "Appointment reminder", "Lab results ready", "Newsletter"),
    "encryption": ("tls", "smime", "pgp", "portal", "none"),
    "provider": ("gmail.com", "yahoo.com", "outlook.com", "aol.com"),
}


class BadReportQuery(ValueError):
    """A report parameter the server rejects with 400."""


def _mix(x: int) -> int:
    # splitmix64: cheap, well spread, and identical on every platform.
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


def parse_when(name: str, value: str) -> int:
    """A ``YYYY-MM-DD HH:MM:SS`` (or ``YYYY-MM-DD``) GMT value as Unix seconds."""
    text = value.strip()
    for fmt in (DATETIME_FORMAT, "%Y-%m-%d"):
        try:
            return calendar.timegm(time.strptime(text, fmt))
        except ValueError:
            continue
    raise BadReportQuery(f"{name} must look like YYYY-MM-DD HH:MM:SS, got {value!r}")


Cell = Callable[[int, int, int], Any]
"""(row index, row hash, row unix time) -> cell value."""


def _date_cell(i: int, h: int, t: int) -> str:
    s = t - WINDOW_START
    return _DAYS[s // 86_400] + _HOURS[s % 86_400 // 3600] + _MINSEC[s % 3600]


def _cell(name: str, tp: Any, j: int) -> Cell:
    n = name.lower()
    shift = (j * 11) % 48
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        tp = args[0] if args else str
    if isinstance(tp, type) and issubclass(tp, (datetime, date)):
        offset = 1 + j
        return lambda i, h, t: _date_cell(i, h, min(t + offset, WINDOW_START + WINDOW - 1))
    if isinstance(tp, type) and issubclass(tp, bool):
        return lambda i, h, t: (h >> shift) & 1
    if isinstance(tp, type) and issubclass(tp, int):
        if n.endswith("id"):
            return lambda i, h, t: i + 1
        if "recipient" in n:
            return lambda i, h, t: 1 + (h >> shift) % 5
        return lambda i, h, t: (h >> shift) % 100_000
    if isinstance(tp, type) and issubclass(tp, float):
        return lambda i, h, t: ((h >> shift) % 100_000) / 100
    for key, pool in _POOLS.items():
        if key in n:
            return _pick(pool, shift)
    if n.endswith("id"):
        return lambda i, h, t: f"{i:08d}.{h & 0xFFFF:04x}@mail.{DOMAIN}"
    if "url" in n:
        return lambda i, h, t: f"https://www.{DOMAIN}/l/{(h >> shift) % 500}"
    if n == "ip" or n.endswith("_ip") or n.startswith("ip"):
        return lambda i, h, t: f"198.51.100.{(h >> shift) % 254 + 1}"
    if "host" in n or "server" in n:
        return lambda i, h, t: f"mx{(h >> shift) % 20}.d{(h >> shift) % 7}.{DOMAIN}"
    if any(k in n for k in ("sender", "from", "login", "user")):
        return lambda i, h, t: f"user{(h >> shift) % 8}@{DOMAIN}"
    if any(k in n for k in ("email", "recipient", "to", "address", "rcpt")):
        return lambda i, h, t: f"rcpt{(h >> shift) % 5000}@d{(h >> shift) % 97}.example.net"
    if "size" in n or "count" in n or "bytes" in n:
        return lambda i, h, t: (h >> shift) % 200_000
    return lambda i, h, t: f"{name}-{(h >> shift) % 1000}"


def _constant(value: Any) -> Cell:
    return lambda i, h, t: value


def _pick(pool: Sequence[Any], shift: int) -> Cell:
    size = len(pool)
    return lambda i, h, t: pool[(h >> shift) % size]


class ReportShape:
    """Column names and one cell generator per column, built once per report route."""

    def __init__(
        self, key: str, row_class: Any, fallback: str, fixed: Mapping[str, Any] | None = None
    ) -> None:
        hinted: Sequence[tuple[str, Any]] = ()
        try:
            hinted = _hints(row_class)
        except Exception:  # not an attrs class: fall back to our own columns
            hinted = ()
        if not hinted:
            names = FALLBACK_COLUMNS.get(fallback, FALLBACK_COLUMNS["sent"])
            hinted = [(c, datetime if c == "date" else str) for c in names]
            hinted = [(c, int if c == "size" else tp) for c, tp in hinted]
        self.header = [name for name, _ in hinted]
        date_index = next(
            (j for j, (nm, tp) in enumerate(hinted) if _is_date(tp) and "date" in nm.lower()),
            next((j for j, (_, tp) in enumerate(hinted) if _is_date(tp)), None),
        )
        fixed = fixed or {}

        def cell(j: int, name: str, tp: Any) -> Cell:
            if j == date_index:
                return _date_cell
            if name in fixed:
                return _constant(fixed[name])
            return _cell(name, tp, j)

        self.cells: list[Cell] = [cell(j, name, tp) for j, (name, tp) in enumerate(hinted)]
        digest = hashlib.sha256(key.encode()).digest()
        self.salt = int.from_bytes(digest[:8], "big")


def _is_date(tp: Any) -> bool:
    args = typing.get_args(tp) or (tp,)
    return any(isinstance(a, type) and issubclass(a, (datetime, date)) for a in args)


class ReportData:
    """Index arithmetic and row generation for reports of ``rows`` rows."""

    def __init__(self, *, seed: int, rows: int) -> None:
        self.seed = seed
        self.rows = rows

    def row_time(self, i: int) -> int:
        """Unix time of row ``i``."""
        return WINDOW_START + (i * WINDOW) // self.rows

    def _first_at_or_after(self, t: int) -> int:
        # date(i) >= t  <=>  i * WINDOW >= (t - start) * N  (floor of a non-negative value)
        d = t - WINDOW_START
        if d <= 0:
            return 0
        return min(self.rows, -(-d * self.rows // WINDOW))

    def select(self, params: Mapping[str, str]) -> tuple[int, int]:
        """The index range ``[lo, hi)`` the date filters of ``params`` select."""
        lo, hi = 0, self.rows
        if "from_date" in params:
            lo = max(lo, self._first_at_or_after(parse_when("from_date", params["from_date"])))
        if "after_date" in params:
            t = parse_when("after_date", params["after_date"]) + 1
            lo = max(lo, self._first_at_or_after(t))
        if "through_date" in params:
            t = parse_when("through_date", params["through_date"]) + 1
            hi = min(hi, self._first_at_or_after(t))
        if "before_date" in params:
            hi = min(hi, self._first_at_or_after(parse_when("before_date", params["before_date"])))
        return lo, max(lo, hi)

    def rows_between(self, shape: ReportShape, start: int, stop: int) -> list[list[Any]]:
        """Rows ``start`` to ``stop - 1`` of one report."""
        salt = shape.salt ^ _mix(self.seed & _MASK)
        cells = shape.cells
        n, window = self.rows, WINDOW
        out: list[list[Any]] = []
        append = out.append
        for i in range(start, stop):
            h = _mix(salt ^ i)
            t = WINDOW_START + (i * window) // n
            append([cell(i, h, t) for cell in cells])
        return out
