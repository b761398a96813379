"""Secure Forms: form definitions, stored posts (database rows) and their files."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class SecureForm:
    """A Secure Form definition."""

    form_id: str | None = None
    name: str | None = None
    title: str | None = None
    url: str | None = None
    is_enabled: bool | None = None
    rows: int | None = None
    created: datetime | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class SecureFormFile:
    """A file uploaded with a Secure Form post (content base64-encoded when included)."""

    file_id: str | None = None
    name: str | None = None
    content_type: str | None = None
    size: int | None = None
    content: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class SecureFormRow:
    """One stored post of a Secure Form; the form's own fields are in ``fields``."""

    row_id: int | None = None
    created: datetime | None = None
    ip: str | None = None
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    files: tuple[SecureFormFile, ...] = ()
    extra: Mapping[str, Any] = extra_field()


__all__ = ["SecureForm", "SecureFormFile", "SecureFormRow"]
