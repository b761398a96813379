"""Secure Marketing: contacts, contact lists and statistics."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class MarketingContact:
    """A Secure Marketing contact; custom data columns are in ``fields``."""

    contact_id: int | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    status: str | None = None
    list_ids: tuple[int, ...] = ()
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    created: datetime | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class ContactList:
    """A Secure Marketing contact list."""

    list_id: int | None = None
    name: str | None = None
    description: str | None = None
    contacts: int | None = None
    created: datetime | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class MarketingStatistics:
    """Aggregate Secure Marketing counts for a period."""

    contacts: int | None = None
    lists: int | None = None
    subscribed: int | None = None
    unsubscribed: int | None = None
    bounced: int | None = None
    sent: int | None = None
    delivered: int | None = None
    opened: int | None = None
    clicked: int | None = None
    complaints: int | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["ContactList", "MarketingContact", "MarketingStatistics"]
