"""Choosing a session's HTTP backend by name, and opening it.

Each backend's module is imported only when a session chooses it, so the package imports
without the optional ones installed (``aiohttp`` comes with the ``fast`` extra).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, get_args

from ._defaults import HTTP_BACKEND
from ._types import HttpBackendName
from .errors import ConfigurationError

if TYPE_CHECKING:
    from ._http import Transport
    from ._settings import Settings
    from ._wire import HttpBackend

NAMES: tuple[HttpBackendName, ...] = get_args(HttpBackendName)


def backend_name(argument: object, environment: str | None) -> HttpBackendName:
    """The backend named by the argument, else by ``LUXSCI_HTTP_BACKEND``, else the default.

    Anything but a known name is a :class:`ConfigurationError` naming where it came from.
    """
    if argument is None and environment is None:
        return HTTP_BACKEND
    value, field = (
        (argument, "http_backend") if argument is not None else (environment, "LUXSCI_HTTP_BACKEND")
    )
    for name in NAMES:
        if value == name:
            return name
    choices = ", ".join(repr(n) for n in NAMES)
    raise ConfigurationError(f"{field} must be one of {choices}; got {value!r}")


def open_backend(settings: Settings, *, transport: Transport | None, http2: bool) -> HttpBackend:
    """The session's pooled HTTP client, on the library ``settings.http_backend`` names."""
    return _OPENERS[settings.http_backend](settings, transport, http2)


def _pool_size(settings: Settings) -> int:
    # Above the in-flight cap, so a request holding a slot never waits for the pool.
    return settings.max_concurrency + 2


def _httpx2(settings: Settings, transport: Transport | None, http2: bool) -> HttpBackend:
    from ._http import HttpxBackend

    return HttpxBackend(
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_connections=_pool_size(settings),
        transport=transport,
        http2=http2,
        proxy=settings.proxy,
        trust_env=settings.trust_env,
    )


def _aiohttp(settings: Settings, transport: Transport | None, http2: bool) -> HttpBackend:
    if transport is not None:
        raise ConfigurationError(
            "transport= takes an httpx2 transport, which http_backend='aiohttp' cannot use; "
            "leave http_backend unset (or 'httpx2') to send through a transport"
        )
    if http2:
        raise ConfigurationError(
            "http2=True needs http_backend='httpx2': aiohttp speaks HTTP/1.1 only"
        )
    if settings.proxy is not None or settings.trust_env:
        # Refused rather than ignored: a request must never bypass a proxy it was told to use.
        raise ConfigurationError(
            "proxy= and trust_env=True need http_backend='httpx2' (the aiohttp backend does "
            "not send through proxies)"
        )
    if importlib.util.find_spec("aiohttp") is None:
        raise ConfigurationError(
            "http_backend='aiohttp' needs the fast extra: pip install 'luxsci-async[fast]'"
        )
    from ._aiohttp import AiohttpBackend
    from ._http import tls_context

    return AiohttpBackend(
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_connections=_pool_size(settings),
        # One trust policy whichever library sends (and no trust store read for plain http).
        tls=tls_context() if settings.base_url.startswith("https:") else None,
    )


_OPENERS: dict[str, Callable[[Settings, Transport | None, bool], HttpBackend]] = {
    "httpx2": _httpx2,
    "aiohttp": _aiohttp,
}
"""One opener per name in :data:`NAMES`."""
