"""Which async libraries a store can run on."""

from __future__ import annotations

from .._runtime import running_library
from ..errors import ConfigurationError


def require_asyncio(store: str) -> None:
    """Refuse, with a clear error, to use the Redis store outside asyncio.

    Its client (redis-py) is asyncio-only; under trio its first network call would fail
    deep inside trio with an unrelated message.

    Args:
        store: the store's URL, password masked, for the message.
    """
    library = running_library()
    if library != "asyncio":
        raise ConfigurationError(
            f"store={store}: the Redis store runs on asyncio only (its client, redis-py, "
            f"does not support {library}); run the workers on asyncio, or leave store "
            "unset to keep the budget in this process"
        )
