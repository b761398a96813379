"""SecureSend namespace users."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class SecureSendUser:
    """A user of one SecureSend namespace."""

    email: str | None = None
    name: str | None = None
    namespace_id: int | None = None
    status: str | None = None
    is_enabled: bool | None = None
    created: datetime | None = None
    modified: datetime | None = None
    last_login: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["SecureSendUser"]
