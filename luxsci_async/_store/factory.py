"""The store a session uses: in-process by default, Redis when given a store URL."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ConfigurationError
from .base import Store
from .memory import MemoryStore
from .url import StoreURL, parse_store_url


def open_store(
    url: str | StoreURL | None,
    *,
    namespace: str,
    timeout: float | None = None,
    field: str = "store",
    clock: Callable[[], float] | None = None,
) -> Store:
    """A :class:`MemoryStore` without ``url``, else a Redis store for it (nothing connects yet).

    Args:
        url: the store URL, or ``None`` for the in-process store.
        namespace: prefix of the shared keys (derived from the integration's token).
        timeout: seconds each Redis call may take (default: the Redis store's default).
        field: the setting named in errors (``store`` or ``LUXSCI_STORE``).
        clock: the in-process store's clock (tests pass a fake one).

    Raises:
        ConfigurationError: a bad URL, or a Redis URL without the ``redis`` extra installed.
    """
    if url is None:
        return MemoryStore() if clock is None else MemoryStore(clock=clock)
    parsed = url if isinstance(url, StoreURL) else parse_store_url(url, field=field)
    try:
        from .redis import DEFAULT_TIMEOUT, RedisStore
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] != "redis":
            raise
        raise ConfigurationError(
            f"{field}={parsed.redacted} needs the redis extra: pip install 'luxsci-async[redis]'"
        ) from None
    return RedisStore(
        parsed, namespace=namespace, timeout=DEFAULT_TIMEOUT if timeout is None else timeout
    )
