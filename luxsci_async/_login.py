"""The two requests of the auth lifecycle, built from their route-table entries.

``POST /auth`` exchanges the integration's token and an HMAC (plus, at user scope, the
user's login and password) for an auth code; ``DELETE /auth`` revokes one. Both go through
the same pipeline as every other request; only what they carry is made here.
"""

from __future__ import annotations

import hashlib
from typing import Any

from . import _clock
from ._assumptions import API_PREFIX, ENVELOPE_AUTH
from ._routes.prepare import Prepared, prepare
from ._routes.table import ROUTES
from ._settings import Settings
from ._signing import auth_signature
from ._wire import RawResponse
from .errors import ResponseValidationError

LOGIN = ROUTES["authentication"]
REVOKE = ROUTES["revokeAuthentication"]


def login_request(settings: Settings, secret_key: bytes) -> Prepared:
    """A fresh ``POST /auth`` (its ``date`` is now, so build one per attempt)."""
    date = int(_clock.wall())
    args: dict[str, Any] = {"token": settings.token, "date": date}
    if settings.scope == "user" and settings.user is not None:
        password = settings.password.reveal() if settings.password is not None else ""
        args.update(user=settings.user, password=password)
        args["signature"] = auth_signature(
            secret_key, settings.token, date, settings.user, password
        )
    else:
        args["signature"] = auth_signature(secret_key, settings.token, date)
    return prepare(LOGIN, {}, args)


def store_keys(settings: Settings) -> tuple[str, str]:
    """The shared store's namespace for this integration, and this login's key in it.

    Both are derived from what is public about the integration (its host and token) and
    the login (account code, or a hash of the user's address), never from a secret.
    """
    integration = hashlib.sha256(f"{settings.base_url}\n{settings.token}".encode()).hexdigest()
    if settings.scope == "account":
        login = f"account:{settings.account}"
    else:
        user = (settings.user or "").lower().encode("utf-8")
        login = f"user:{hashlib.sha256(user).hexdigest()[:16]}"
    return f"luxsci:{integration[:20]}", login


def revoke_request() -> Prepared:
    """``DELETE /auth``, to be signed with the code it revokes."""
    return prepare(REVOKE, {}, {})


def auth_code(echoed: str | None, raw: RawResponse) -> str:
    """The code a login answered with, or a typed error (its body is never kept)."""
    if echoed is None:
        raise ResponseValidationError(
            f"the auth response has no {ENVELOPE_AUTH!r} code",
            status=raw.status,
            body="(withheld)",
            method=LOGIN.method,
            path=API_PREFIX + LOGIN.path,
        )
    return echoed
