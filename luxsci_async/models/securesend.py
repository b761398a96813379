"""SecureSend namespace users."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._base import extra_field, model


@model
class SecureSendUser:
    """A user of one SecureSend namespace: someone who reads secure messages on the portal.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    email: str | None = None
    """The user's address, which is their login."""
    name: str | None = None
    """Display name."""
    namespace_id: int | None = None
    """Numeric id of the namespace the user belongs to."""
    status: str | None = None
    """State of the user."""
    is_enabled: bool | None = None
    """Whether the user may log in."""
    created: datetime | None = None
    """When the user was created."""
    modified: datetime | None = None
    """When the user last changed."""
    last_login: datetime | None = None
    """When the user last logged in."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["SecureSendUser"]
