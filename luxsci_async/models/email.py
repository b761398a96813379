"""SecureLine results: recipient encryption, domain TLS checks, send results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._base import OpenEnum, extra_field, model


class EncryptionMethod(OpenEnum):
    """How SecureLine would protect a message to one recipient.

    LuxSci names TLS, escrow (the secure portal), PGP and S/MIME, or none; the values are
    assumed, and a value not listed here is kept as an ad-hoc member.
    """

    TLS = "tls"
    """Delivered over a TLS connection to the recipient's server."""
    ESCROW = "escrow"
    """Kept on LuxSci's secure portal; the recipient gets a link to read it."""
    PGP = "pgp"
    """Encrypted with the recipient's PGP key."""
    SMIME = "smime"
    """Encrypted with the recipient's S/MIME certificate."""
    SECURETEXT = "securetext"
    """Sent as a SecureText (secure text message)."""
    NONE = "none"
    """Not encrypted."""


@model
class RecipientEncryption:
    """The encryption one recipient would get, found without sending anything.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    address: str | None = None
    """The recipient's address."""
    method: EncryptionMethod | None = None
    """The encryption the message would get."""
    tls_only: bool | None = None
    """Whether TLS alone would protect it (no portal, no PGP or S/MIME)."""
    requires_password: bool | None = None
    """Whether the recipient would need a password (e.g. for the portal)."""
    has_certificate: bool | None = None
    """Whether a PGP key or S/MIME certificate is on file for the recipient."""
    detail: str | None = None
    """Explanation, when there is one."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class DomainTlsCheck:
    """Whether a domain is valid, has good MX records and TLS good enough for SecureLine.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    domain: str | None = None
    """The domain tested."""
    valid: bool | None = None
    """Whether the name is a valid, existing domain."""
    mx_ok: bool | None = None
    """Whether its MX records are usable."""
    mx_hosts: tuple[str, ...] = ()
    """Its mail servers, from the MX records."""
    tls: bool | None = None
    """Whether its mail servers offer TLS."""
    tls_version: str | None = None
    """The TLS version they negotiate."""
    secureline_tls_ok: bool | None = None
    """Whether that TLS is strong enough for SecureLine's TLS-only delivery."""
    detail: str | None = None
    """Explanation, when there is one."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class SendResult:
    """What the server reports after accepting a message for delivery.

    LuxSci does not publish the send calls' answer: every field name is assumed.
    """

    message_id: str | None = None
    """Id of the accepted message."""
    queue_id: str | None = None
    """Id in the sending queue."""
    recipients: int | None = None
    """Number of recipients it was accepted for."""
    encryption: EncryptionMethod | None = None
    """The encryption it will get."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["DomainTlsCheck", "EncryptionMethod", "RecipientEncryption", "SendResult"]
