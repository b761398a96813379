"""Server side of the LuxSci Secure handshake and of the ``signature`` cookie.

Written from LuxSci's handshake and signing rules (as its public sample clients implement
them), independently of the client's signer, so that the two implementations check each
other.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os
import time
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .._assumptions import (
    AUTH_FIELD_DATE,
    AUTH_FIELD_PASS,
    AUTH_FIELD_SIGNATURE,
    AUTH_FIELD_TOKEN,
    AUTH_FIELD_USER,
    SIGNATURE_COOKIE,
)


class AuthFailure(Exception):
    """The request is not authenticated; the message goes into the 401 body."""


@attrs.define
class Session:
    """One handshake: every code it hands out dies with it."""

    session_id: int
    user: str | None
    """The user login for a user-scope session, ``None`` for account scope."""
    revoked: bool = False


@attrs.frozen
class Grant:
    """What a valid code allows: its session and when it expires."""

    session: Session
    expires: float | None


def _hmac_hex(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


class Authenticator:
    """Issues auth codes and verifies signed requests."""

    def __init__(
        self,
        *,
        token: str,
        secret: str,
        passwords: Callable[[str], str | None],
        ttl: float | None,
        clock_skew: int,
    ) -> None:
        self.token = token
        self._secret = secret.encode()
        self._passwords = passwords
        self.ttl = ttl
        self.clock_skew = clock_skew
        self._codes: dict[str, Grant] = {}
        self._ids = itertools.count(66_840_164)

    def handshake(self, body: Any) -> str:
        """Check a ``POST /auth`` body and return a new code."""
        if not isinstance(body, Mapping):
            raise AuthFailure("the request body must be a JSON object")
        token, date, signature = (
            body.get(AUTH_FIELD_TOKEN),
            body.get(AUTH_FIELD_DATE),
            body.get(AUTH_FIELD_SIGNATURE),
        )
        if token != self.token:
            raise AuthFailure("unknown API token")
        # LuxSci's own samples send the date both as a JSON integer and as a string.
        if isinstance(date, bool) or not isinstance(date, (int, str)):
            raise AuthFailure("date must be a Unix time")
        date_text = str(date).strip()
        if not date_text.isdigit():
            raise AuthFailure("date must be a Unix time")
        now = time.time()
        if abs(now - int(date_text)) > self.clock_skew:
            raise AuthFailure("date is too far from the server clock")
        user, password = body.get(AUTH_FIELD_USER), body.get(AUTH_FIELD_PASS)
        message = f"{token}\n{date_text}\n"
        if user is not None or password is not None:
            if not isinstance(user, str) or not isinstance(password, str):
                raise AuthFailure("user and pass must both be strings")
            message += f"{user}\n{password}\n"
        if not isinstance(signature, str) or not hmac.compare_digest(
            _hmac_hex(self._secret, message), signature.lower()
        ):
            raise AuthFailure("bad signature")
        if user is not None:
            known = self._passwords(user)
            if known is None or not hmac.compare_digest(known, password or ""):
                raise AuthFailure("bad user or password")
        session = Session(next(self._ids), user)
        return self._issue(session, now)

    def _issue(self, session: Session, now: float) -> str:
        code = f"{session.session_id}-{int(now)}-{os.urandom(32).hex()}"
        expires = None if self.ttl is None else now + self.ttl
        self._codes[code] = Grant(session, expires)
        return code

    def verify(
        self, cookie_header: str | None, method: str, path: str, query: str, body_hash: str
    ) -> Session:
        """Check the ``signature`` cookie of one request; return the caller's session."""
        value = _cookie(cookie_header, SIGNATURE_COOKIE)
        if value is None:
            raise AuthFailure("missing signature cookie")
        code, sep, signature = value.rpartition(":")
        if not sep:
            raise AuthFailure("malformed signature cookie")
        grant = self._codes.get(code)
        if grant is None:
            raise AuthFailure("unknown auth code")
        if grant.session.revoked:
            raise AuthFailure("auth code revoked")
        if grant.expires is not None and time.time() >= grant.expires:
            del self._codes[code]
            raise AuthFailure("auth code expired")
        expected = _hmac_hex(self._secret, f"{code}\n{method}\n{path}\n{query}\n{body_hash}\n")
        if not hmac.compare_digest(expected, signature.lower()):
            raise AuthFailure("bad signature")
        return grant.session

    def revoke(self, session: Session) -> None:
        """Log a session out: all of its codes stop working at once."""
        session.revoked = True
        for code in [c for c, g in self._codes.items() if g.session is session]:
            del self._codes[code]

    def forget_user(self, login: str) -> None:
        """A deleted or renamed user's sessions end."""
        for grant in list(self._codes.values()):
            if grant.session.user == login:
                self.revoke(grant.session)


def _cookie(header: str | None, name: str) -> str | None:
    if not header:
        return None
    for part in header.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name:
            return value.strip().strip('"')
    return None


def body_hash(text: bytes) -> str:
    """SHA-256 hex of the JSON text with surrounding whitespace trimmed, as LuxSci signs it."""
    return hashlib.sha256(text.strip()).hexdigest()
