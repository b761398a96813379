"""Store URLs: ``redis://[[user]:password@]host[:port][/db]`` and ``rediss://`` (TLS).

Parsed and checked before anything connects; the password is kept in a
:class:`~luxsci_async._secret.Secret` and shown as ``***`` everywhere else.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote

import attrs

from .._secret import Secret
from ..errors import ConfigurationError

DEFAULT_PORT = 6379
_SCHEMES = ("redis", "rediss")
_URL = re.compile(
    r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://"
    r"(?:(?P<userinfo>[^@/?#]*)@)?"
    r"(?P<host>\[[^\]/?#@]*\]|[^:/?#@]*)"
    r"(?::(?P<port>[^/?#]*))?"
    r"(?:/(?P<db>[^?#]*))?"
    r"(?P<rest>[?#].*)?$",
    re.DOTALL,
)
_HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")


@attrs.frozen(kw_only=True)
class StoreURL:
    """Where the shared store lives. ``str()`` and ``repr()`` mask the password."""

    tls: bool
    host: str
    port: int
    db: int
    username: str | None = None
    password: Secret | None = attrs.field(default=None, repr=False)

    @property
    def redacted(self) -> str:
        """The URL with any password shown as ``***``, for messages and logs."""
        scheme = "rediss" if self.tls else "redis"
        userinfo = ""
        if self.password is not None:
            userinfo = f"{self.username or ''}:***@"
        elif self.username is not None:
            userinfo = f"{self.username}@"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{userinfo}{host}:{self.port}/{self.db}"

    def __str__(self) -> str:
        return self.redacted


def parse_store_url(value: object, *, field: str = "store") -> StoreURL:
    """Check a store URL and split it; bad ones raise :class:`ConfigurationError`.

    Args:
        value: the URL, e.g. ``redis://:password@redis.internal:6379/0``.
        field: the setting named in errors (``store``, or ``LUXSCI_STORE`` when the
            value came from the environment).
    """
    form = "redis://[[user]:password@]host[:port][/db] or rediss://... (TLS)"
    if not isinstance(value, str):
        raise ConfigurationError(f"{field} must be a URL string like {form}")
    match = _URL.match(value.strip())
    if match is None or any(ch in value for ch in "\r\n\x00 \t"):
        raise ConfigurationError(f"{field} must look like {form}")
    scheme = match["scheme"].lower()
    if scheme not in _SCHEMES:
        raise ConfigurationError(f"{field}: unsupported scheme {scheme!r}; use {form}")
    if match["rest"]:
        raise ConfigurationError(f"{field}: query strings and fragments are not supported")
    host = _host(field, match["host"])
    port = _integer(field, "port", match["port"], DEFAULT_PORT, low=1, high=65_535)
    db = _integer(field, "db", match["db"], 0, low=0, high=2**31 - 1)
    username: str | None = None
    password: Secret | None = None
    if match["userinfo"] is not None:
        user, colon, secret = match["userinfo"].partition(":")
        username = unquote(user) or None
        if colon:
            password = Secret(unquote(secret))
        elif username is None:
            raise ConfigurationError(f"{field}: empty user info before '@'")
    return StoreURL(
        tls=scheme == "rediss", host=host, port=port, db=db, username=username, password=password
    )


def _host(field: str, raw: str) -> str:
    if raw.startswith("["):
        try:
            return str(ipaddress.IPv6Address(raw[1:-1]))
        except ValueError:
            raise ConfigurationError(f"{field}: {raw!r} is not an IPv6 address") from None
    if not _HOST.match(raw):
        raise ConfigurationError(f"{field}: missing or invalid host name")
    return raw


def _integer(field: str, what: str, raw: str | None, default: int, *, low: int, high: int) -> int:
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise ConfigurationError(f"{field}: {what} must be an integer from {low} to {high}")
    return int(raw)
