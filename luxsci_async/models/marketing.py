"""Secure Marketing: contacts, contact lists and statistics.

LuxSci publishes none of the Secure Marketing API's objects: every field name here is
assumed, and whatever the server sends under other names is kept in ``extra``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field, model


@model
class MarketingContact:
    """A Secure Marketing contact; its custom data columns are in ``fields``.

    Every field name is assumed.
    """

    contact_id: int | None = None
    """Numeric id of the contact."""
    email: str | None = None
    """The contact's address."""
    first_name: str | None = None
    """First name."""
    last_name: str | None = None
    """Last name."""
    status: str | None = None
    """State of the contact (e.g. subscribed, unsubscribed, bounced)."""
    list_ids: tuple[int, ...] = ()
    """Ids of the contact lists it belongs to."""
    fields: Mapping[str, Any] = attrs.field(factory=dict)
    """Custom data columns, keyed by column name."""
    created: datetime | None = None
    """When the contact was added."""
    modified: datetime | None = None
    """When it last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class ContactList:
    """A Secure Marketing contact list.

    Every field name is assumed.
    """

    list_id: int | None = None
    """Numeric id of the list."""
    name: str | None = None
    """Name of the list."""
    description: str | None = None
    """What the list is for."""
    contacts: int | None = None
    """Number of contacts on it."""
    created: datetime | None = None
    """When the list was created."""
    modified: datetime | None = None
    """When it last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class MarketingStatistics:
    """Aggregate Secure Marketing counts, for one list or all, over a period.

    Every field name is assumed.
    """

    contacts: int | None = None
    """Contacts in scope."""
    lists: int | None = None
    """Contact lists in scope."""
    subscribed: int | None = None
    """Contacts subscribed."""
    unsubscribed: int | None = None
    """Contacts who unsubscribed."""
    bounced: int | None = None
    """Contacts whose address bounced."""
    sent: int | None = None
    """Messages sent."""
    delivered: int | None = None
    """Messages delivered."""
    opened: int | None = None
    """Messages opened."""
    clicked: int | None = None
    """Messages with a tracked link clicked."""
    complaints: int | None = None
    """Spam complaints received."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["ContactList", "MarketingContact", "MarketingStatistics"]
