"""A minimal LuxSci client, independent of the SDK, for tests of the emulator itself."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import httpx2

from luxsci_async.testing import Emulator

PREFIX = "/perl/api/v2"


def hmac_hex(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


class Signer:
    """A minimal, independent LuxSci client: handshake plus signed requests."""

    def __init__(self, emu: Emulator, http: httpx2.Client, user: str | None = None) -> None:
        self.emu, self.http, self.user = emu, http, user
        self.code = ""

    def handshake(
        self, *, date: int | str | None = None, sig_upper: bool = False
    ) -> httpx2.Response:
        date = int(time.time()) if date is None else date
        body: dict[str, Any] = {"token": self.emu.token, "date": date}
        message = f"{self.emu.token}\n{date}\n"
        if self.user is not None:
            password = self.emu.users[self.user]
            body.update(user=self.user, **{"pass": password})
            message += f"{self.user}\n{password}\n"
        signature = hmac_hex(self.emu.secret, message)
        body["signature"] = signature.upper() if sig_upper else signature
        response = self.http.post(PREFIX + "/auth", json=body)
        if response.status_code == 201:
            self.code = response.json()["auth"]
        return response

    def cookie(self, method: str, path: str, query: str = "", body: bytes = b"") -> str:
        digest = hashlib.sha256(body.strip()).hexdigest() if method in ("POST", "PUT") else ""
        message = f"{self.code}\n{method}\n{path}\n{query}\n{digest}\n"
        return f"signature={self.code}:{hmac_hex(self.emu.secret, message)}"

    def request(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        *,
        tamper_query: str | None = None,
        tamper_body: bytes | None = None,
        upper: bool = False,
    ) -> httpx2.Response:
        full = PREFIX + path
        query = "&".join(
            f"{quote(k, safe='')}={quote(str(v), safe='')}" for k, v in (params or {}).items()
        )
        body = json.dumps(json_body).encode() if json_body is not None else b""
        cookie = self.cookie(method, full, query, body)
        if upper:
            code, _, sig = cookie.partition("=")[2].rpartition(":")
            cookie = f"signature={code}:{sig.upper()}"
        sent_query = tamper_query if tamper_query is not None else query
        url = full + (f"?{sent_query}" if sent_query else "")
        headers = {"cookie": cookie}
        if body:
            headers["content-type"] = "application/json"
        return self.http.request(method, url, content=tamper_body or body, headers=headers)


@contextmanager
def logged_in(**knobs: Any) -> Iterator[Signer]:
    """A serving emulator with these knobs, and an account-scope signer logged in to it."""
    with Emulator(**knobs) as emu, httpx2.Client(base_url=emu.base_url, timeout=10) as http:
        signer = Signer(emu, http)
        assert signer.handshake().status_code == 201
        yield signer
