"""The **peer** baseline, in the style of LuxSci's public sample clients (Python ``requests``).

Synchronous; every call first sends its own ``POST /auth``, and every request goes over a
new connection (module-level ``requests.post``/``requests.get`` make a new session each
time). Bodies are decoded with ``response.json()`` (the standard library's ``json``).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterator
from typing import Any

import requests

from .raw_client import PREFIX, gmt_now


class PeerClient:
    def __init__(self, base_url: str, token: str, secret: str) -> None:
        self._base = base_url
        self._token = token
        self._key = secret.encode()
        self.auth_requests = 0

    def _authenticate(self) -> str:
        date = int(time.time())
        message = f"{self._token}\n{date}\n".encode()
        signature = hmac.new(self._key, message, hashlib.sha256).hexdigest()
        self.auth_requests += 1
        response = requests.post(
            self._base + PREFIX + "/auth",
            json={"token": self._token, "date": date, "signature": signature},
            timeout=30,
        )
        auth: str = response.json()["auth"]
        return auth

    def get(self, path: str, query: str = "") -> Any:
        auth = self._authenticate()
        full = PREFIX + path
        message = f"{auth}\nGET\n{full}\n{query}\n\n".encode()
        signature = hmac.new(self._key, message, hashlib.sha256).hexdigest()
        url = self._base + (f"{full}?{query}" if query else full)
        response = requests.get(
            url, headers={"Cookie": f"signature={auth}:{signature}"}, timeout=30
        )
        payload = response.json()
        if response.status_code != 200 or not payload.get("success"):
            raise RuntimeError(f"GET {full}: {response.status_code} {payload!r:.200}")
        return payload.get("data")

    def pages(self, path: str, *, page_size: int, start_row: int = 0) -> Iterator[dict[str, Any]]:
        """Report pages one after the other."""
        base = f"through_date={gmt_now()}"
        offset, total = start_row, None
        while total is None or offset < total:
            page = self.get(path, f"{base}&first_row={offset}&matches={page_size}")
            total = page["total_rows"]
            if not page["rows"]:
                break
            offset += len(page["rows"])
            yield page
