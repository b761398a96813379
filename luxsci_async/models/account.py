"""Account-scope records: users, domains, DKIM, aliases, suppressions and servers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class User:
    """A user login with its profile and service metadata (mechanics §11, C# sample keys)."""

    uid: int | None = None
    user: str | None = None
    domainname: str | None = None
    status: str | None = None
    contact: str | None = None
    company: str | None = None
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    phone1: str | None = None
    phone2: str | None = None
    fax: str | None = None
    sms: str | None = None
    email1: str | None = None
    email2: str | None = None
    custom1: str | None = None
    custom2: str | None = None
    custom3: str | None = None
    flags: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    disk_quota: float | None = None
    disk_usage: float | None = None
    over_quota: bool | None = None
    created: datetime | None = None
    modified: datetime | None = None
    last_access_date: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class Domain:
    """A domain of the account with its status flags."""

    id: int | None = None
    gid: int | None = None
    domain: str | None = None
    is_enabled: bool | None = None
    is_verified: bool | None = None
    is_hipaa: bool | None = None
    users: int | None = None
    created: datetime | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class Dkim:
    """DKIM signing set-up of one domain (the DNS record to publish)."""

    domain: str | None = None
    selector: str | None = None
    public_key: str | None = None
    dns_record: str | None = None
    status: str | None = None
    is_enabled: bool | None = None
    created: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class Alias:
    """An e-mail alias that forwards or bounces."""

    alias: str | None = None
    user: str | None = None
    domain: str | None = None
    status: str | None = None
    action: str | None = None
    dest: str | None = None
    bounce: str | None = None
    type: str | None = None
    created: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class Suppression:
    """One suppressed address (account-wide or for one user)."""

    email: str | None = None
    suppressed: bool | None = None
    reason: str | None = None
    source: str | None = None
    created: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class Server:
    """A shared or dedicated server that hosts some of the account's services."""

    server: str | None = None
    hostname: str | None = None
    ip: str | None = None
    type: str | None = None
    dedicated: bool | None = None
    services: tuple[str, ...] = ()
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class ServerStatus:
    """Current health of one server."""

    server: str | None = None
    hostname: str | None = None
    status: str | None = None
    status_detail: str | None = None
    load: float | None = None
    checked: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["Alias", "Dkim", "Domain", "Server", "ServerStatus", "Suppression", "User"]
