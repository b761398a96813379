"""Which async library runs the current task (for the parts that need asyncio)."""

from __future__ import annotations

from typing import Final

import sniffio

NO_LIBRARY: Final = "no async library"
"""What :func:`running_library` gives outside any event loop."""


def running_library() -> str:
    """``"asyncio"``, ``"trio"``, ...: the library running this task, or :data:`NO_LIBRARY`."""
    try:
        return sniffio.current_async_library()
    except sniffio.AsyncLibraryNotFoundError:
        return NO_LIBRARY
