"""Small public value types used in endpoint signatures."""

from __future__ import annotations

from typing import Final, Literal

import attrs


class Unset:
    """Type of :data:`UNSET`: a body field left out (``None`` is sent as null)."""

    _instance: Unset | None = None

    def __new__(cls) -> Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = Unset()
"""Default of optional body fields: only the fields you pass are sent (partial updates)."""


HttpBackendName = Literal["httpx2", "aiohttp"]
"""The HTTP libraries a session can send through (``LuxSci(http_backend=...)``)."""

Upload = tuple[str, bytes]
"""A file as the transport sends it: ``(file name, content)``."""


@attrs.frozen
class Attachment:
    """A file to upload: its exact file name and its content."""

    name: str
    content: bytes = attrs.field(repr=lambda c: f"<{len(c)} bytes>")
