"""Content Library directory listings and files."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._base import extra_field, model


@model
class ContentLibraryEntry:
    """A file or sub-directory in a Content Library directory.

    LuxSci does not publish the listing's keys: every field name is assumed.
    """

    name: str | None = None
    """Its name within the directory."""
    path: str | None = None
    """Its path inside the Content Library."""
    type: str | None = None
    """``file`` or ``directory``."""
    size: int | None = None
    """Size of a file, in bytes."""
    modified: datetime | None = None
    """When it last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class ContentLibraryFile:
    """A Content Library file's metadata and, when included, its content.

    LuxSci does not publish whether a file comes back as metadata, as JSON with its content,
    or as a download: every field name is assumed.
    """

    name: str | None = None
    """The file name."""
    path: str | None = None
    """Its path inside the Content Library."""
    size: int | None = None
    """Size in bytes."""
    content_type: str | None = None
    """Its media type, e.g. ``application/pdf``."""
    hash: str | None = None
    """SHA-256 of the content, in hex."""
    content: str | None = None
    """The content, base64-encoded, when the answer includes it."""
    modified: datetime | None = None
    """When the file last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["ContentLibraryEntry", "ContentLibraryFile"]
