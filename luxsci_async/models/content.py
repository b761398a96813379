"""Content Library directory listings and files."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class ContentLibraryEntry:
    """A file or sub-directory in a Content Library directory."""

    name: str | None = None
    path: str | None = None
    type: str | None = None
    size: int | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class ContentLibraryFile:
    """A Content Library file's metadata and, when included, its base64 content."""

    name: str | None = None
    path: str | None = None
    size: int | None = None
    content_type: str | None = None
    hash: str | None = None
    content: str | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["ContentLibraryEntry", "ContentLibraryFile"]
