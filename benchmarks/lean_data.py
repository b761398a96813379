"""What the lean benchmark server serves, taken from the embedded emulator once, at start.

The lean server (``benchmarks.lean_server``) must not be a second emulator: its data is the
emulator's own. :func:`load` builds a :class:`luxsci_async.testing.Emulator` (not serving),
asks its ASGI app in-process, through the real signed protocol, for each user's profile and
for every row of the delivery report, and keeps the answers pre-encoded:

- each profile as the complete JSON body the emulator sent;
- the report as one buffer of JSON-encoded rows joined by commas, with the offset of every
  row, so any ``first_row``/``matches`` window is a slice of that buffer between a fixed
  prefix (``{"success":1,"data":{"header":[...],"rows":[``) and suffix.
"""

from __future__ import annotations

import array
import asyncio
import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Any

import attrs
import orjson

from luxsci_async._assumptions import (
    API_PREFIX,
    AUTH_PATH,
    REPORT_HEADER,
    REPORT_MAX_MATCHES,
    REPORT_ROWS,
    REPORT_TOTAL,
    SIGNATURE_COOKIE,
)
from luxsci_async.testing import Emulator

REPORT_SOURCE = "smtp"


def report_path(account: str) -> str:
    """The account delivery report every benchmark pulls (relative to the API prefix)."""
    return f"/account/{account}/report/email/{REPORT_SOURCE}/delivery"


def profile_path(login: str) -> str:
    """A user's profile: the small signed GET of the benchmarks."""
    return f"/user/{login}/profile"


@attrs.frozen
class LeanData:
    """Credentials, pre-encoded profile bodies and the report's rows as one buffer."""

    emulator: Emulator
    """The emulator the data came from (its authenticator checks ``POST /auth``)."""
    profiles: Mapping[str, bytes]
    """Full API path -> the emulator's complete response body."""
    header: list[str]
    rows_buffer: bytes
    """Every report row, JSON-encoded, joined by ``,``."""
    offsets: array.array[int]
    """Row ``i`` is ``rows_buffer[offsets[i]:offsets[i + 1] - 1]``; one entry per row, plus one."""

    @property
    def rows(self) -> int:
        return len(self.offsets) - 1

    def page_parts(self, start: int, stop: int) -> memoryview:
        """Rows ``start`` to ``stop - 1``, comma-joined, without copying the buffer."""
        if stop <= start:
            return memoryview(b"")
        return memoryview(self.rows_buffer)[self.offsets[start] : self.offsets[stop] - 1]


class _Asgi:
    """Signed requests to the emulator's ASGI app, in-process (no socket)."""

    def __init__(self, emulator: Emulator) -> None:
        self._app = emulator.app
        self._emulator = emulator
        self._key = emulator.secret.encode()
        self._code = ""

    async def call(
        self, method: str, path: str, query: str = "", body: bytes = b""
    ) -> tuple[int, bytes]:
        full = API_PREFIX + path
        headers = [(b"content-type", b"application/json")]
        if self._code:
            message = f"{self._code}\n{method}\n{full}\n{query}\n\n".encode()
            signature = hmac.new(self._key, message, hashlib.sha256).hexdigest()
            cookie = f"{SIGNATURE_COOKIE}={self._code}:{signature}"
            headers.append((b"cookie", cookie.encode()))
        scope = {
            "type": "http",
            "method": method,
            "path": full,
            "raw_path": full.encode(),
            "query_string": query.encode(),
            "headers": headers,
        }
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: Any) -> None:
            sent.append(message)

        await self._app(scope, receive, send)
        status = sent[0]["status"]
        return status, b"".join(m.get("body", b"") for m in sent[1:])

    async def authenticate(self) -> None:
        emu = self._emulator
        date = int(time.time())
        signature = hmac.new(self._key, f"{emu.token}\n{date}\n".encode(), hashlib.sha256)
        payload = {"token": emu.token, "date": date, "signature": signature.hexdigest()}
        status, body = await self.call("POST", AUTH_PATH, body=orjson.dumps(payload))
        if status >= 300:
            raise RuntimeError(f"the emulator refused POST /auth: {status}")
        self._code = orjson.loads(body)["auth"]


async def _gather(emulator: Emulator) -> tuple[dict[str, bytes], list[str], list[bytes]]:
    asgi = _Asgi(emulator)
    await asgi.authenticate()
    profiles = {}
    for login in sorted(emulator.users):
        status, body = await asgi.call("GET", profile_path(login))
        if status != 200:
            raise RuntimeError(f"the emulator answered {status} for {login}'s profile")
        profiles[API_PREFIX + profile_path(login)] = body
    path = report_path(emulator.account)
    header: list[str] = []
    encoded: list[bytes] = []
    total = emulator.config.rows
    while len(encoded) < total or not header:
        query = f"first_row={len(encoded)}&matches={REPORT_MAX_MATCHES}"
        status, body = await asgi.call("GET", path, query)
        if status != 200:
            raise RuntimeError(f"the emulator answered {status} for the report")
        data = orjson.loads(body)["data"]
        header, total = data[REPORT_HEADER], data[REPORT_TOTAL]
        if not data[REPORT_ROWS]:
            break
        encoded.extend(map(orjson.dumps, data[REPORT_ROWS]))
    return profiles, header, encoded


def load(*, rows: int, seed: int = 1) -> LeanData:
    """The emulator's profiles and delivery report of ``rows`` rows (seeded), pre-encoded."""
    emulator = Emulator(seed=seed, rows=rows)
    profiles, header, encoded = asyncio.run(_gather(emulator))
    offsets = array.array("q", [0])
    position = 0
    for row in encoded:
        position += len(row) + 1
        offsets.append(position)
    return LeanData(
        emulator=emulator,
        profiles=profiles,
        header=header,
        rows_buffer=b",".join(encoded) + b",",
        offsets=offsets,
    )
