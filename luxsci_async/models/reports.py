"""Report rows, one class per report family, and the e-mail statistics summary.

LuxSci does not publish the report columns: each row class names plausible columns, all
optional and all assumed, and keeps any other column in ``extra`` (rows are built from the
page's ``header`` and each row's values).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._base import extra_field, model


@model
class SentRow:
    """One message sent through SMTP or WebMail (assumed columns)."""

    date: datetime | None = None
    """When it was sent."""
    message_id: str | None = None
    """Id of the message."""
    sender: str | None = None
    """Sender address."""
    user: str | None = None
    """Login that sent it."""
    recipients: int | None = None
    """Number of recipients."""
    subject: str | None = None
    """Subject line."""
    size: int | None = None
    """Size of the message, in bytes."""
    encryption: str | None = None
    """How it was protected (see ``EncryptionMethod``)."""
    source: str | None = None
    """Sending channel: ``smtp`` or ``webmail``."""
    ip: str | None = None
    """IP address it was sent from."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class DeliveryRow:
    """Delivery status of one message to one recipient (assumed columns)."""

    date: datetime | None = None
    """When the message was sent."""
    message_id: str | None = None
    """Id of the message."""
    sender: str | None = None
    """Sender address."""
    recipient: str | None = None
    """The recipient this row is about."""
    status: str | None = None
    """Delivery status (e.g. delivered, deferred, bounced)."""
    status_detail: str | None = None
    """The receiving server's answer, or why delivery failed."""
    encryption: str | None = None
    """How the message was protected for this recipient."""
    source: str | None = None
    """Sending channel: ``smtp`` or ``webmail``."""
    updated: datetime | None = None
    """When the status last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class ClickRow:
    """A tracked URL click, or with ``clicked`` false its absence (assumed columns)."""

    date: datetime | None = None
    """When the link was clicked (or the message sent)."""
    message_id: str | None = None
    """Id of the message."""
    sender: str | None = None
    """Sender address."""
    recipient: str | None = None
    """Recipient who clicked."""
    url: str | None = None
    """The tracked link."""
    clicked: bool | None = None
    """Whether the link was clicked."""
    ip: str | None = None
    """IP address of the click."""
    user_agent: str | None = None
    """Browser that clicked."""
    source: str | None = None
    """Sending channel: ``smtp`` or ``webmail``."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class OpenRow:
    """A tracked open of a message (assumed columns)."""

    date: datetime | None = None
    """When the message was opened."""
    message_id: str | None = None
    """Id of the message."""
    sender: str | None = None
    """Sender address."""
    recipient: str | None = None
    """Recipient who opened it."""
    ip: str | None = None
    """IP address of the open."""
    user_agent: str | None = None
    """Mail program or browser that opened it."""
    source: str | None = None
    """Sending channel: ``smtp`` or ``webmail``."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class FeedbackLoopRow:
    """A "marked as spam" event received through a feedback loop (assumed columns)."""

    date: datetime | None = None
    """When the complaint arrived."""
    message_id: str | None = None
    """Id of the message complained about."""
    sender: str | None = None
    """Sender address."""
    recipient: str | None = None
    """Recipient who complained."""
    provider: str | None = None
    """Mailbox provider that reported it."""
    feedback_type: str | None = None
    """Kind of report (e.g. abuse)."""
    source: str | None = None
    """Sending channel: ``smtp`` or ``webmail``."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class SuppressionRow:
    """An address that was suppressed or unsubscribed (assumed columns)."""

    date: datetime | None = None
    """When it was suppressed."""
    email: str | None = None
    """The suppressed address."""
    sender: str | None = None
    """Sender whose mail it no longer receives."""
    reason: str | None = None
    """Why (e.g. unsubscribed, bounced, complaint)."""
    message_id: str | None = None
    """Message that caused it, when there is one."""
    source: str | None = None
    """Sending channel: ``smtp`` or ``webmail``."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class SmtpFailureRow:
    """A failed SMTP login or a rejected sending attempt (assumed columns)."""

    date: datetime | None = None
    """When it happened."""
    user: str | None = None
    """Login that was tried."""
    ip: str | None = None
    """IP address the attempt came from."""
    reason: str | None = None
    """Why it failed or was rejected."""
    sender: str | None = None
    """Sender address of a rejected message."""
    recipient: str | None = None
    """Recipient of a rejected message."""
    extra: Mapping[str, Any] = extra_field()
    """Columns LuxSci sent that this row does not declare, as sent."""


@model
class EmailStatistics:
    """Summary counts of delivery, open, click, encryption and suppression status.

    Covers the messages sent or updated in the date window asked for. LuxSci does not
    publish this object's keys: every field name is assumed.
    """

    messages: int | None = None
    """Messages in the window."""
    recipients: int | None = None
    """Recipients of those messages."""
    delivered: int | None = None
    """Deliveries that succeeded."""
    deferred: int | None = None
    """Deliveries still being retried."""
    bounced: int | None = None
    """Deliveries that failed."""
    opened: int | None = None
    """Tracked opens."""
    clicked: int | None = None
    """Tracked link clicks."""
    encrypted: int | None = None
    """Messages encrypted by any method."""
    tls: int | None = None
    """Messages delivered over TLS."""
    escrow: int | None = None
    """Messages kept on the secure portal."""
    suppressed: int | None = None
    """Recipients skipped because they are suppressed."""
    from_date: datetime | None = None
    """Start of the window."""
    through_date: datetime | None = None
    """End of the window (inclusive)."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


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
