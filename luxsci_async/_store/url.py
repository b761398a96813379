"""Store URLs: ``redis://[[user]:password@]host[:port][/db]`` and ``rediss://`` (TLS).

Parsed and checked before anything connects; the password is kept in a
:class:`~luxsci_async._secret.Secret` and shown as ``***`` everywhere else.
"""

from __future__ import annotations

import re

import attrs

from .._secret import Secret
from .._urls import AUTHORITY, match_url, netloc_host, parse_host, split_userinfo, url_integer
from ..errors import ConfigurationError

DEFAULT_PORT = 6379
_SCHEMES = ("redis", "rediss")
_URL = re.compile(AUTHORITY + r"(?:/(?P<db>[^?#]*))?(?P<rest>[?#].*)?$", re.DOTALL)


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
        return f"{scheme}://{userinfo}{netloc_host(self.host)}:{self.port}/{self.db}"

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
    match, scheme = match_url(_URL, value, field, form, _SCHEMES)
    if match["rest"]:
        raise ConfigurationError(f"{field}: query strings and fragments are not supported")
    host = parse_host(field, match["host"])
    port = url_integer(field, "port", match["port"], DEFAULT_PORT, low=1, high=65_535)
    db = url_integer(field, "db", match["db"], 0, low=0, high=2**31 - 1)
    username, password = split_userinfo(field, match["userinfo"])
    return StoreURL(
        tls=scheme == "rediss", host=host, port=port, db=db, username=username, password=password
    )
