"""Proxy URLs: ``http://[user:password@]host:port``, ``https://...``, ``socks5://...``.

Checked before anything connects. A proxy URL may carry credentials: the password is kept
in a :class:`~luxsci_async._secret.Secret` and shown as ``***`` everywhere but the
backend, which alone is handed the whole URL.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, unquote

import attrs

from ._secret import Secret
from .errors import ConfigurationError

_SCHEMES = {"http": 80, "https": 443, "socks5": 1080, "socks5h": 1080}
_URL = re.compile(
    r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://"
    r"(?:(?P<userinfo>[^@/?#]*)@)?"
    r"(?P<host>\[[^\]/?#@]*\]|[^:/?#@]*)"
    r"(?::(?P<port>[^/?#]*))?"
    r"(?P<rest>[/?#].*)?$",
    re.DOTALL,
)
_HOST = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")
_FORM = "http://[user:password@]host:port (or https://, socks5://)"


@attrs.frozen(kw_only=True)
class ProxyURL:
    """Where requests go through. ``str()`` and ``repr()`` mask the password."""

    scheme: str
    host: str
    port: int
    username: str | None = None
    password: Secret | None = attrs.field(default=None, repr=False)

    @property
    def redacted(self) -> str:
        """The URL with any password shown as ``***``, for messages and logs."""
        return self._url("***")

    def reveal(self) -> str:
        """The whole URL, credentials included: for the HTTP backend only."""
        return self._url(None if self.password is None else quote(self.password.reveal(), safe=""))

    def _url(self, password: str | None) -> str:
        userinfo = ""
        if self.username is not None or self.password is not None:
            userinfo = quote(self.username or "", safe="")
            if self.password is not None:
                userinfo += f":{password}"
            userinfo += "@"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{userinfo}{host}:{self.port}"

    def __str__(self) -> str:
        return self.redacted


def parse_proxy_url(value: object, *, field: str = "proxy") -> ProxyURL:
    """Check a proxy URL and split it; bad ones raise :class:`ConfigurationError`.

    Args:
        value: the URL, e.g. ``http://proxy.internal:3128``.
        field: the setting named in errors (``proxy``, or ``LUXSCI_PROXY`` when the value
            came from the environment). No message repeats the value, which may hold a
            password.
    """
    if not isinstance(value, str):
        raise ConfigurationError(f"{field} must be a URL string like {_FORM}")
    match = _URL.match(value.strip())
    if match is None or any(ch in value for ch in "\r\n\x00 \t"):
        raise ConfigurationError(f"{field} must look like {_FORM}")
    scheme = match["scheme"].lower()
    if scheme not in _SCHEMES:
        raise ConfigurationError(f"{field}: unsupported scheme {scheme!r}; use {_FORM}")
    if match["rest"] not in (None, "/"):
        raise ConfigurationError(f"{field}: a proxy URL has no path, query or fragment")
    host = _host(field, match["host"])
    port = _port(field, match["port"], _SCHEMES[scheme])
    username: str | None = None
    password: Secret | None = None
    if match["userinfo"] is not None:
        user, colon, secret = match["userinfo"].partition(":")
        username = unquote(user) or None
        if colon:
            password = Secret(unquote(secret))
        elif username is None:
            raise ConfigurationError(f"{field}: empty user info before '@'")
    return ProxyURL(scheme=scheme, host=host, port=port, username=username, password=password)


def _host(field: str, raw: str) -> str:
    if raw.startswith("["):
        try:
            return str(ipaddress.IPv6Address(raw[1:-1]))
        except ValueError:
            raise ConfigurationError(f"{field}: the host is not an IPv6 address") from None
    if not _HOST.match(raw):
        raise ConfigurationError(f"{field}: missing or invalid host name")
    return raw


def _port(field: str, raw: str | None, default: int) -> int:
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 65_535:
        raise ConfigurationError(f"{field}: the port must be a number from 1 to 65535")
    return int(raw)
