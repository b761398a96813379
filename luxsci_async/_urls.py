"""What the proxy and store URLs share: the scheme, the host and the user info, checked.

Both are checked before anything connects, and both may carry a password, which is kept
in a :class:`~luxsci_async._secret.Secret` and never repeated in a message.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Collection
from urllib.parse import unquote

from ._secret import Secret
from .errors import ConfigurationError

AUTHORITY = (
    r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://"
    r"(?:(?P<userinfo>[^@/?#]*)@)?"
    r"(?P<host>\[[^\]/?#@]*\]|[^:/?#@]*)"
    r"(?::(?P<port>[^/?#]*))?"
)
"""The start of a URL up to its port: what follows differs per kind of URL."""

_HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")


def match_url(
    pattern: re.Pattern[str], value: object, field: str, form: str, schemes: Collection[str]
) -> tuple[re.Match[str], str]:
    """The match of ``value`` against ``pattern`` and its lower-cased scheme, or raise.

    ``field`` names the setting, ``form`` shows what a good value looks like; no message
    repeats the value.
    """
    if not isinstance(value, str):
        raise ConfigurationError(f"{field} must be a URL string like {form}")
    match = pattern.match(value.strip())
    if match is None or any(ch in value for ch in "\r\n\x00 \t"):
        raise ConfigurationError(f"{field} must look like {form}")
    scheme = match["scheme"].lower()
    if scheme not in schemes:
        raise ConfigurationError(f"{field}: unsupported scheme {scheme!r}; use {form}")
    return match, scheme


def parse_host(field: str, raw: str) -> str:
    """A host name, or an IPv6 address in brackets (returned without them)."""
    if raw.startswith("["):
        try:
            return str(ipaddress.IPv6Address(raw[1:-1]))
        except ValueError:
            raise ConfigurationError(f"{field}: {raw!r} is not an IPv6 address") from None
    if not _HOST.match(raw):
        raise ConfigurationError(f"{field}: missing or invalid host name")
    return raw


def split_userinfo(field: str, userinfo: str | None) -> tuple[str | None, Secret | None]:
    """(user name, password) from the text before ``@``; either may be absent."""
    if userinfo is None:
        return None, None
    user, colon, secret = userinfo.partition(":")
    username = unquote(user) or None
    if colon:
        return username, Secret(unquote(secret))
    if username is None:
        raise ConfigurationError(f"{field}: empty user info before '@'")
    return username, None


def netloc_host(host: str) -> str:
    """The host as written in a URL: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


def url_integer(
    field: str, what: str, raw: str | None, default: int, *, low: int, high: int
) -> int:
    """A port or number of a URL, from ``low`` to ``high``; ``default`` when absent."""
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise ConfigurationError(f"{field}: {what} must be a number from {low} to {high}")
    return int(raw)
