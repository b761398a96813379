"""Every default of the SDK, in one place (each setting's docstring says what it means)."""

from __future__ import annotations

from typing import Final

HOST: Final = "rest.luxsci.com"
MAX_CONCURRENCY: Final = 8
AUTH_TTL: Final = 600.0
"""LuxSci does not document a code's lifetime: refresh well before any plausible expiry."""

CONNECT_TIMEOUT: Final = 5.0
READ_TIMEOUT: Final = 30.0
WRITE_TIMEOUT: Final = 30.0
POOL_TIMEOUT: Final = 30.0
TOTAL_TIMEOUT: Final = 300.0

HTTP_BACKEND: Final = "httpx2"
"""The HTTP library of a session unless told otherwise; it runs on asyncio and trio."""

MAX_RETRIES: Final = 2
BACKOFF_BASE: Final = 0.5
BACKOFF_MAX: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
RETRY_BUDGET: Final = 500
RETRY_COST: Final = 5
TIMEOUT_RETRY_COST: Final = 10

PAGE_SIZE: Final = 2_000
"""Rows per report request without a rate budget (with one: LuxSci's maximum, 50,000).
With the default concurrency at most ~16,000 rows are held."""
ROWS_AHEAD: Final = 50_000
"""Rows a report fetches in one window at most: the pages in flight are fewer when they are
large, so a pull holds about one 50,000-row page however long it is."""

MAX_WAIT: Final = 300.0
"""Seconds a call may wait for its turn (rate budget, 429 pauses, retries) before it fails."""

MAX_REAUTHENTICATIONS: Final = 3
"""Logins one call may make for 401s to its replays: past it, a 401 is raised whatever code
it answered (many tasks renewing one code could otherwise pass stale codes round)."""

REVOKE_TIMEOUT: Final = 3.0
"""Seconds closing a session waits for ``DELETE /auth`` before giving up on it."""

JOB_POLL_INTERVAL: Final = 2.0
JOB_MAX_POLL_INTERVAL: Final = 30.0

MAX_RESPONSE_BYTES: Final = 64 << 20
"""64 MiB: the emulator's widest 50,000-row page is ~9 MB, so this allows ~1.3 KB a row."""

GC_PAUSE_BODY: Final = 1 << 16
"""Bodies from this size on are decoded with the cyclic GC paused (a report page)."""
