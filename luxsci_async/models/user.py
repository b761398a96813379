"""User-scope records: profile, auto-login URLs, branding, settings and credentials."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field, model
from .account import User


@model
class UserProfile(User):
    """The user's own profile: the same fields as :class:`User`, an account's user record."""


@model
class LoginUrl:
    """A one-click URL that logs someone in without a password.

    LuxSci makes such links per user and per client IP address; its answer's keys are not
    published, so every field name is assumed.
    """

    url: str | None = None
    """The link to open."""
    expires: datetime | None = None
    """When the link stops working."""
    ip: str | None = None
    """Client IP address the link is bound to."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class Branding:
    """Private-label branding the user sees in WebMail, to reuse in your own interface.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    company_name: str | None = None
    """Name of the company offering the service."""
    product_name: str | None = None
    """Name the service goes by."""
    logo_url: str | None = None
    """Address of the logo."""
    logo_small_url: str | None = None
    """Address of the small logo."""
    favicon_url: str | None = None
    """Address of the favicon."""
    primary_color: str | None = None
    """Main colour, e.g. ``#003366``."""
    secondary_color: str | None = None
    """Second colour."""
    support_email: str | None = None
    """Support address."""
    support_url: str | None = None
    """Support page."""
    webmail_url: str | None = None
    """Address of the branded WebMail."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class UserSettings:
    """Selected preferences of the user.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    timezone: str | None = None
    """Time zone name, one of ``profile.timezones()``."""
    language: str | None = None
    """Interface language."""
    locale: str | None = None
    """Locale for numbers and dates."""
    date_format: str | None = None
    """How dates are shown."""
    time_format: str | None = None
    """How times are shown."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class AppPassword:
    """An app-specific password: a separate login for one mail program or device.

    ``password`` is only present right after creation (LuxSci shows the secret once) and is
    kept out of the repr. Every field name is assumed.
    """

    app_password_id: str | None = None
    """Id of the app password, as ``delete_app_password`` takes it."""
    login: str | None = None
    """The login name the app uses."""
    password: str | None = attrs.field(default=None, repr=False)
    """The generated secret, only in the answer that created it."""
    description: str | None = None
    """What the password is for."""
    services: tuple[str, ...] = ()
    """Services it may be used for."""
    created: datetime | None = None
    """When it was created."""
    last_used: datetime | None = None
    """When it was last used."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class AutoResponder:
    """An e-mail auto-responder.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    autoresponder_id: str | None = None
    """Id of the auto-responder, as ``delete_autoresponder`` takes it."""
    subject: str | None = None
    """Subject of the automatic reply."""
    body: str | None = None
    """Text of the automatic reply."""
    is_enabled: bool | None = None
    """Whether it is replying."""
    start_date: datetime | None = None
    """When it starts replying."""
    end_date: datetime | None = None
    """When it stops."""
    frequency: int | None = None
    """How often one sender gets the reply; the unit is not published."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["AppPassword", "AutoResponder", "Branding", "LoginUrl", "UserProfile", "UserSettings"]
