"""Report rows, one class per report family, and the e-mail statistics summary.

LuxSci did not publish the report columns: each row class names plausible columns, all
optional, and keeps any other column in ``extra`` (rows are built from ``header``/row pairs).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class SentRow:
    """One sent message (SMTP or WebMail)."""

    date: datetime | None = None
    message_id: str | None = None
    sender: str | None = None
    user: str | None = None
    recipients: int | None = None
    subject: str | None = None
    size: int | None = None
    encryption: str | None = None
    source: str | None = None
    ip: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class DeliveryRow:
    """Delivery status of one message to one recipient."""

    date: datetime | None = None
    message_id: str | None = None
    sender: str | None = None
    recipient: str | None = None
    status: str | None = None
    status_detail: str | None = None
    encryption: str | None = None
    source: str | None = None
    updated: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class ClickRow:
    """A tracked URL click (or, with ``clicked`` false, its absence)."""

    date: datetime | None = None
    message_id: str | None = None
    sender: str | None = None
    recipient: str | None = None
    url: str | None = None
    clicked: bool | None = None
    ip: str | None = None
    user_agent: str | None = None
    source: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class OpenRow:
    """A tracked open of a message."""

    date: datetime | None = None
    message_id: str | None = None
    sender: str | None = None
    recipient: str | None = None
    ip: str | None = None
    user_agent: str | None = None
    source: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class FeedbackLoopRow:
    """A "marked as spam" event received through a feedback loop."""

    date: datetime | None = None
    message_id: str | None = None
    sender: str | None = None
    recipient: str | None = None
    provider: str | None = None
    feedback_type: str | None = None
    source: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class SuppressionRow:
    """An address that was suppressed or unsubscribed."""

    date: datetime | None = None
    email: str | None = None
    sender: str | None = None
    reason: str | None = None
    message_id: str | None = None
    source: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class SmtpFailureRow:
    """A failed SMTP login or a rejected sending attempt."""

    date: datetime | None = None
    user: str | None = None
    ip: str | None = None
    reason: str | None = None
    sender: str | None = None
    recipient: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class EmailStatistics:
    """Summary counts of delivery, open, click, encryption and suppression status."""

    messages: int | None = None
    recipients: int | None = None
    delivered: int | None = None
    deferred: int | None = None
    bounced: int | None = None
    opened: int | None = None
    clicked: int | None = None
    encrypted: int | None = None
    tls: int | None = None
    escrow: int | None = None
    suppressed: int | None = None
    from_date: datetime | None = None
    through_date: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = [
    "ClickRow",
    "DeliveryRow",
    "EmailStatistics",
    "FeedbackLoopRow",
    "OpenRow",
    "SentRow",
    "SmtpFailureRow",
    "SuppressionRow",
]
