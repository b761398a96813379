"""SecureLine results: recipient encryption, domain TLS checks, send results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._base import OpenEnum, extra_field


class EncryptionMethod(OpenEnum):
    """How SecureLine would protect a message to one recipient."""

    TLS = "tls"
    ESCROW = "escrow"
    PGP = "pgp"
    SMIME = "smime"
    SECURETEXT = "securetext"
    NONE = "none"


@attrs.frozen(kw_only=True)
class RecipientEncryption:
    """The encryption one recipient would get, found without sending anything."""

    address: str | None = None
    method: EncryptionMethod | None = None
    tls_only: bool | None = None
    requires_password: bool | None = None
    has_certificate: bool | None = None
    detail: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class DomainTlsCheck:
    """Whether a domain is valid, has good MX records and TLS good enough for SecureLine."""

    domain: str | None = None
    valid: bool | None = None
    mx_ok: bool | None = None
    mx_hosts: tuple[str, ...] = ()
    tls: bool | None = None
    tls_version: str | None = None
    secureline_tls_ok: bool | None = None
    detail: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class SendResult:
    """What the server reports after accepting a message for delivery."""

    message_id: str | None = None
    queue_id: str | None = None
    recipients: int | None = None
    encryption: EncryptionMethod | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["DomainTlsCheck", "EncryptionMethod", "RecipientEncryption", "SendResult"]
