"""Secure Forms: form definitions, stored posts (database rows) and their files."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field, model


@model
class SecureForm:
    """A Secure Form (HIPAA web form) definition.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    form_id: str | None = None
    """Id of the form, as the ``secure_forms`` methods take it."""
    name: str | None = None
    """Internal name of the form."""
    title: str | None = None
    """Title shown on the form."""
    url: str | None = None
    """Address the form posts to."""
    is_enabled: bool | None = None
    """Whether the form accepts posts."""
    rows: int | None = None
    """Number of stored posts."""
    created: datetime | None = None
    """When the form was created."""
    modified: datetime | None = None
    """When it last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class SecureFormFile:
    """A file uploaded with a Secure Form post.

    LuxSci does not publish whether a file comes back as JSON or as a download: every field
    name is assumed.
    """

    file_id: str | None = None
    """Id of the file, as ``secure_forms.get_file`` takes it."""
    name: str | None = None
    """The uploaded file's name."""
    content_type: str | None = None
    """Its media type."""
    size: int | None = None
    """Size in bytes."""
    content: str | None = None
    """The content, base64-encoded, when the answer includes it."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class SecureFormRow:
    """One stored post of a Secure Form.

    The form's own fields are in ``fields``. LuxSci does not publish this object's keys:
    every field name is assumed.
    """

    row_id: int | None = None
    """Id of the post: pass the highest one stored as ``list_rows(after_row=...)``."""
    created: datetime | None = None
    """When the form was posted."""
    ip: str | None = None
    """IP address the post came from."""
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    """The values posted, keyed by the form's field names."""
    files: tuple[SecureFormFile, ...] = ()
    """Files uploaded with the post."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["SecureForm", "SecureFormFile", "SecureFormRow"]
