"""Proxy URLs: ``http://[user:password@]host:port``, ``https://...``, ``socks5://...``.

Checked before anything connects. A proxy URL may carry credentials: the password is kept
in a :class:`~luxsci_async._secret.Secret` and shown as ``***`` everywhere but the
backend, which alone is handed the whole URL.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import attrs

from ._secret import Secret
from ._urls import AUTHORITY, match_url, netloc_host, parse_host, split_userinfo, url_integer
from .errors import ConfigurationError

_SCHEMES = {"http": 80, "https": 443, "socks5": 1080, "socks5h": 1080}
_URL = re.compile(AUTHORITY + r"(?P<rest>[/?#].*)?$", re.DOTALL)
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
        return f"{self.scheme}://{userinfo}{netloc_host(self.host)}:{self.port}"

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
    match, scheme = match_url(_URL, value, field, _FORM, _SCHEMES)
    if match["rest"] not in (None, "/"):
        raise ConfigurationError(f"{field}: a proxy URL has no path, query or fragment")
    host = parse_host(field, match["host"])
    port = url_integer(field, "port", match["port"], _SCHEMES[scheme], low=1, high=65_535)
    username, password = split_userinfo(field, match["userinfo"])
    return ProxyURL(scheme=scheme, host=host, port=port, username=username, password=password)
