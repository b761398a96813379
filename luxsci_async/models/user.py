"""User-scope records: profile, auto-login URLs, branding, settings and credentials."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field
from .account import User


@attrs.frozen(kw_only=True)
class UserProfile(User):
    """The user's own profile (the same keys as an account user record)."""


@attrs.frozen(kw_only=True)
class LoginUrl:
    """A one-click URL that logs someone in without a password."""

    url: str | None = None
    expires: datetime | None = None
    ip: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class Branding:
    """Private-label branding of the user's Web Interface."""

    company_name: str | None = None
    product_name: str | None = None
    logo_url: str | None = None
    logo_small_url: str | None = None
    favicon_url: str | None = None
    primary_color: str | None = None
    secondary_color: str | None = None
    support_email: str | None = None
    support_url: str | None = None
    webmail_url: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class UserSettings:
    """Selected preferences of the user."""

    timezone: str | None = None
    language: str | None = None
    locale: str | None = None
    date_format: str | None = None
    time_format: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class AppPassword:
    """An app-specific password; ``password`` is only present right after creation."""

    app_password_id: str | None = None
    login: str | None = None
    password: str | None = attrs.field(default=None, repr=False)
    description: str | None = None
    services: tuple[str, ...] = ()
    created: datetime | None = None
    last_used: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class AutoResponder:
    """An e-mail auto-responder."""

    autoresponder_id: str | None = None
    subject: str | None = None
    body: str | None = None
    is_enabled: bool | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None
    frequency: int | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["AppPassword", "AutoResponder", "Branding", "LoginUrl", "UserProfile", "UserSettings"]
