"""Account-scope records: users, domains, DKIM, aliases, suppressions and servers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._base import extra_field, model


@model
class User:
    """A user login with its profile and service metadata.

    Returned by ``lux.account.users.list()`` and ``create()``. The field names are the keys
    LuxSci's public sample clients read from a user profile; what a few of them hold
    (``flags``, ``over_quota``, the unit of ``disk_quota``) is not published.
    """

    uid: int | None = None
    """LuxSci's numeric id of the user."""
    user: str | None = None
    """The login: a full e-mail address."""
    domainname: str | None = None
    """Domain of the login."""
    status: str | None = None
    """State of the login, e.g. ``enabled`` or ``disabled`` (the full set is not published)."""
    contact: str | None = None
    """Contact (display) name."""
    company: str | None = None
    """Company name."""
    street1: str | None = None
    """Street address, first line."""
    street2: str | None = None
    """Street address, second line."""
    city: str | None = None
    """City."""
    state: str | None = None
    """State or province."""
    zip: str | None = None
    """Postal code."""
    country: str | None = None
    """Country."""
    phone1: str | None = None
    """Main phone number."""
    phone2: str | None = None
    """Second phone number."""
    fax: str | None = None
    """Fax number."""
    sms: str | None = None
    """Mobile number for text messages."""
    email1: str | None = None
    """Primary e-mail address (normally the login itself)."""
    email2: str | None = None
    """Secondary contact e-mail address."""
    custom1: str | None = None
    """Custom field 1, free text for the account's own use."""
    custom2: str | None = None
    """Custom field 2."""
    custom3: str | None = None
    """Custom field 3."""
    flags: tuple[str, ...] = ()
    """Flags set on the login (their vocabulary is not published)."""
    services: tuple[str, ...] = ()
    """Services enabled for the login (names as LuxSci gives them)."""
    disk_quota: float | None = None
    """Disk quota of the login; the unit is not published."""
    disk_usage: float | None = None
    """Disk space in use, in the unit of ``disk_quota``."""
    over_quota: bool | None = None
    """Whether the login uses more than its quota."""
    created: datetime | None = None
    """When the login was created."""
    modified: datetime | None = None
    """When the record last changed."""
    last_access_date: datetime | None = None
    """When the login was last used."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class Domain:
    """A domain of the account with its status flags.

    The field names are the ones a public third-party client reads; ``created`` and
    ``modified`` are assumed. Either ``id`` or ``gid`` may be absent.
    """

    id: int | None = None
    """Numeric id of the domain."""
    gid: int | None = None
    """Numeric group id of the domain (some answers carry this instead of ``id``)."""
    domain: str | None = None
    """The domain name."""
    is_enabled: bool | None = None
    """Whether the domain is enabled."""
    is_verified: bool | None = None
    """Whether LuxSci has verified the domain (its DNS)."""
    is_hipaa: bool | None = None
    """Whether the domain is locked down for HIPAA."""
    users: int | None = None
    """Number of user logins in the domain."""
    created: datetime | None = None
    """When the domain was added. Assumed."""
    modified: datetime | None = None
    """When its settings last changed. Assumed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class Dkim:
    """DKIM signing set-up of one domain: the DNS record to publish.

    LuxSci does not publish this object's keys: every field name is assumed, and whatever
    the server sends under other names is kept in ``extra``.
    """

    domain: str | None = None
    """The signed domain."""
    selector: str | None = None
    """DKIM selector: the DNS record lives at ``<selector>._domainkey.<domain>``."""
    public_key: str | None = None
    """The public key, as published in the record."""
    dns_record: str | None = None
    """The TXT record to publish."""
    status: str | None = None
    """State of the set-up (e.g. whether the record was found)."""
    is_enabled: bool | None = None
    """Whether outgoing mail is signed."""
    created: datetime | None = None
    """When the key was generated."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class Alias:
    """An e-mail alias that forwards or bounces.

    ``user``, ``domain``, ``status``, ``action``, ``dest``, ``type`` and ``created`` are the
    keys a public third-party client reads; ``bounce`` is the create call's field; ``alias``
    is assumed. The alias address is ``user@domain``.
    """

    alias: str | None = None
    """The full alias address. Assumed."""
    user: str | None = None
    """Local part of the alias address."""
    domain: str | None = None
    """Domain of the alias address."""
    status: str | None = None
    """State of the alias, e.g. ``enabled``."""
    action: str | None = None
    """``email`` (forward to ``dest``) or ``bounce``."""
    dest: str | None = None
    """Destination address(es) mail is forwarded to."""
    bounce: str | None = None
    """Bounce setting, when ``action`` is ``bounce`` (its meaning is not published)."""
    type: str | None = None
    """Kind of record, e.g. ``Alias``."""
    created: datetime | None = None
    """When the alias was created."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class Suppression:
    """One suppressed address, account-wide or for one user.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    email: str | None = None
    """The suppressed address."""
    suppressed: bool | None = None
    """Whether the address is suppressed: the answer to a lookup."""
    reason: str | None = None
    """Why it is suppressed (e.g. unsubscribed, bounced, added by hand)."""
    source: str | None = None
    """What added it."""
    created: datetime | None = None
    """When it was added."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class Server:
    """A shared or dedicated server that hosts some of the account's services.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    server: str | None = None
    """The server's name or id, as ``servers.get_status`` takes it."""
    hostname: str | None = None
    """Its host name."""
    ip: str | None = None
    """Its IP address."""
    type: str | None = None
    """What kind of server it is (e.g. mail, web)."""
    dedicated: bool | None = None
    """Whether it serves this account alone."""
    services: tuple[str, ...] = ()
    """The account's services it runs."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class ServerStatus:
    """Current health of one server.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    server: str | None = None
    """The server's name or id."""
    hostname: str | None = None
    """Its host name."""
    status: str | None = None
    """Its state (e.g. up, degraded, down)."""
    status_detail: str | None = None
    """Explanation of the state, when there is one."""
    load: float | None = None
    """Current load."""
    checked: datetime | None = None
    """When the status was measured."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["Alias", "Dkim", "Domain", "Server", "ServerStatus", "Suppression", "User"]
