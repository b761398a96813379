"""User-scope endpoints: ``lux.user(login).<group>.<method>(...)``.

Generated from the route table by ``python -m luxsci_async._routes.codegen``: do not edit.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal, cast

from .. import models as m
from .._pagination import Report
from .._types import UNSET, Attachment, Unset
from ._base import Resource, ScopeAPI

__all__ = [
    "Calendar",
    "ContentLibrary",
    "Credentials",
    "Email",
    "Jobs",
    "Profile",
    "Reports",
    "Secureline",
    "Suppressions",
    "UserAPI",
    "Webaides",
]


class Profile(Resource):
    """The ``profile`` endpoints."""

    async def get(
        self,
    ) -> m.UserProfile:
        """Read the user's contact information and general account metadata.

        ``GET /user/{username}/profile``
        (operation ``getUser``).
        """
        return cast("m.UserProfile", await self._call("getUser", {}))

    async def update(
        self,
        *,
        contact: str | Unset | None = UNSET,
        company: str | Unset | None = UNSET,
        street1: str | Unset | None = UNSET,
        street2: str | Unset | None = UNSET,
        city: str | Unset | None = UNSET,
        state: str | Unset | None = UNSET,
        zip: str | Unset | None = UNSET,
        country: str | Unset | None = UNSET,
        phone1: str | Unset | None = UNSET,
        phone2: str | Unset | None = UNSET,
        fax: str | Unset | None = UNSET,
        sms: str | Unset | None = UNSET,
        email2: str | Unset | None = UNSET,
        custom1: str | Unset | None = UNSET,
        custom2: str | Unset | None = UNSET,
        custom3: str | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Update the user's contact information.

        ``PUT /user/{username}/profile``
        (operation ``updateUser``).
        """
        await self._call(
            "updateUser",
            {
                "contact": contact,
                "company": company,
                "street1": street1,
                "street2": street2,
                "city": city,
                "state": state,
                "zip": zip,
                "country": country,
                "phone1": phone1,
                "phone2": phone2,
                "fax": fax,
                "sms": sms,
                "email2": email2,
                "custom1": custom1,
                "custom2": custom2,
                "custom3": custom3,
                "fields": fields,
            },
        )

    async def sso_url(
        self,
    ) -> m.LoginUrl:
        """Create a one-click URL that logs the user into WebMail without credentials.

        ``GET /user/{username}/sso``
        (operation ``getUserSingleSignOnLoginURL``).
        """
        return cast("m.LoginUrl", await self._call("getUserSingleSignOnLoginURL", {}))

    async def branding(
        self,
    ) -> m.Branding:
        """Return the private-label branding the user would see in WebMail.

        ``GET /user/{username}/branding``
        (operation ``getUserBrandingInformation``).
        """
        return cast("m.Branding", await self._call("getUserBrandingInformation", {}))

    async def settings(
        self,
    ) -> m.UserSettings:
        """Return selected user preferences and settings (time zone, locale and similar).

        ``GET /user/{username}/settings``
        (operation ``getUserSettings``).
        """
        return cast("m.UserSettings", await self._call("getUserSettings", {}))

    async def timezones(
        self,
    ) -> builtins.list[str]:
        """List every time zone name the system accepts.

        ``GET /user/{username}/timezones``
        (operation ``getTimeZonesList``).
        """
        return cast("builtins.list[str]", await self._call("getTimeZonesList", {}))


class Credentials(Resource):
    """The ``credentials`` endpoints."""

    async def set_password(
        self,
        password: str,
    ) -> None:
        """Change the user's login password.

        ``PUT /user/{username}/password``
        (operation ``changeUserPassword``).
        """
        await self._call("changeUserPassword", {"password": password})

    async def create_app_password(
        self,
        *,
        description: str | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> m.AppPassword:
        """Create a new app-specific password for the user, returning the secret once.

        ``POST /user/{username}/app_passwords``
        (operation ``createAppSpecificPassword``).
        """
        return cast(
            "m.AppPassword",
            await self._call(
                "createAppSpecificPassword", {"description": description, "fields": fields}
            ),
        )

    async def delete_app_password(
        self,
        app_password_id: str,
    ) -> None:
        """Remove one of the user's app-specific passwords.

        ``DELETE /user/{username}/app_passwords/{app_password_id}``
        (operation ``deleteAppSpecificPassword``).
        """
        await self._call("deleteAppSpecificPassword", {"app_password_id": app_password_id})

    async def list_app_passwords(
        self,
    ) -> builtins.list[m.AppPassword]:
        """List all app-specific passwords/logins defined for the user.

        ``GET /user/{username}/app_passwords``
        (operation ``listAppSpecificPasswords``).
        """
        return cast(
            "builtins.list[m.AppPassword]", await self._call("listAppSpecificPasswords", {})
        )


class Email(Resource):
    """The ``email`` endpoints."""

    async def create_autoresponder(
        self,
        *,
        fields: Mapping[str, Any],
    ) -> m.AutoResponder:
        """Create a new e-mail auto-responder for the user.

        ``POST /user/{username}/email/autoresponders``
        (operation ``newEmailAutoResponder``).
        """
        return cast(
            "m.AutoResponder", await self._call("newEmailAutoResponder", {"fields": fields})
        )

    async def list_autoresponders(
        self,
    ) -> builtins.list[m.AutoResponder]:
        """List all e-mail auto-responders owned by the user.

        ``GET /user/{username}/email/autoresponders``
        (operation ``getEmailAutoResponders``).
        """
        return cast(
            "builtins.list[m.AutoResponder]", await self._call("getEmailAutoResponders", {})
        )

    async def delete_autoresponder(
        self,
        autoresponder_id: str,
    ) -> None:
        """Delete one of the user's auto-responders.

        ``DELETE /user/{username}/email/autoresponders/{autoresponder_id}``
        (operation ``deleteEmailAutoResponder``).
        """
        await self._call("deleteEmailAutoResponder", {"autoresponder_id": autoresponder_id})

    async def update_forwarding(
        self,
        *,
        fields: Mapping[str, Any],
    ) -> None:
        """Change the user's e-mail forwarding settings, including deny/delete handling.

        ``PUT /user/{username}/email/forwarding``
        (operation ``updateEmailForwarding``).
        """
        await self._call("updateEmailForwarding", {"fields": fields})

    async def send(
        self,
        *,
        subject: str,
        body: str,
        to: Sequence[str] | Unset | None = UNSET,
        cc: Sequence[str] | Unset | None = UNSET,
        bcc: Sequence[str] | Unset | None = UNSET,
        body_type: Literal["text", "html"] | Unset | None = UNSET,
        from_address: str | Unset | None = UNSET,
        from_name: str | Unset | None = UNSET,
        reply_address: str | Unset | None = UNSET,
        body_text: str | Unset | None = UNSET,
        headers: Any | Unset | None = UNSET,
        priority: int | Unset | None = UNSET,
        attachments: Sequence[Attachment] = (),
    ) -> m.SendResult:
        """Queue one or more (optionally SecureLine-encrypted) messages via the SMTP proxy.

        ``POST /user/{username}/email/smtp/send``
        (operation ``sendEmail``).
        """
        return cast(
            "m.SendResult",
            await self._call(
                "sendEmail",
                {
                    "subject": subject,
                    "body": body,
                    "to": to,
                    "cc": cc,
                    "bcc": bcc,
                    "body_type": body_type,
                    "from_address": from_address,
                    "from_name": from_name,
                    "reply_address": reply_address,
                    "body_text": body_text,
                    "headers": headers,
                    "priority": priority,
                },
                attachments=attachments,
            ),
        )


class Secureline(Resource):
    """The ``secureline`` endpoints."""

    async def check_domain(
        self,
        domain: str,
    ) -> m.DomainTlsCheck:
        """Check a domain's validity, MX records and SMTP TLS strength for SecureLine.

        ``GET /user/{username}/email/compose/secureline/tls/{domain}``
        (operation ``getDomainSmtpTlsCapability``).
        """
        return cast(
            "m.DomainTlsCheck", await self._call("getDomainSmtpTlsCapability", {"domain": domain})
        )

    async def check_recipients(
        self,
        to: Sequence[str],
        *,
        cc: Sequence[str] | Unset | None = UNSET,
        bcc: Sequence[str] | Unset | None = UNSET,
        no_tls_only: bool | Unset | None = UNSET,
    ) -> builtins.list[m.RecipientEncryption]:
        """Which SecureLine encryption each recipient would get, without sending anything.

        ``POST /user/{username}/email/compose/secureline/recipients``
        (operation ``retrieveSecureLineRecipientListEncryptionData``).
        """
        return cast(
            "builtins.list[m.RecipientEncryption]",
            await self._call(
                "retrieveSecureLineRecipientListEncryptionData",
                {"to": to, "cc": cc, "bcc": bcc, "no_tls_only": no_tls_only},
            ),
        )

    async def send(
        self,
        *,
        subject: str,
        body: str,
        to: Sequence[str] | Unset | None = UNSET,
        cc: Sequence[str] | Unset | None = UNSET,
        bcc: Sequence[str] | Unset | None = UNSET,
        body_type: Literal["text", "html"] | Unset | None = UNSET,
        from_address: str | Unset | None = UNSET,
        from_name: str | Unset | None = UNSET,
        reply_address: str | Unset | None = UNSET,
        receipt: bool | Unset | None = UNSET,
        no_tls_only: bool | Unset | None = UNSET,
        attachments: Sequence[Attachment] = (),
    ) -> m.SendResult:
        """Compose and send one SecureLine-encrypted e-mail (or SecureText message).

        ``POST /user/{username}/email/compose/secureline/send``
        (operation ``sendSecureEmailOrSecureText``).
        """
        return cast(
            "m.SendResult",
            await self._call(
                "sendSecureEmailOrSecureText",
                {
                    "subject": subject,
                    "body": body,
                    "to": to,
                    "cc": cc,
                    "bcc": bcc,
                    "body_type": body_type,
                    "from_address": from_address,
                    "from_name": from_name,
                    "reply_address": reply_address,
                    "receipt": receipt,
                    "no_tls_only": no_tls_only,
                },
                attachments=attachments,
            ),
        )


class Suppressions(Resource):
    """The ``suppressions`` endpoints."""

    async def create(
        self,
        email: str,
        *,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Add an address to the suppression list that applies to all sending by this user.

        ``POST /user/{username}/suppressions``
        (operation ``createUserSuppression``).
        """
        await self._call("createUserSuppression", {"email": email, "fields": fields})

    async def delete(
        self,
        email: str,
    ) -> None:
        """Remove an address from the user's suppression list.

        ``DELETE /user/{username}/suppressions/{email}``
        (operation ``deleteUserSuppression``).
        """
        await self._call("deleteUserSuppression", {"email": email})

    async def get(
        self,
        email: str,
    ) -> m.Suppression:
        """Look up whether/how an address is suppressed for this user.

        ``GET /user/{username}/suppressions/{email}``
        (operation ``getUserSuppression``).
        """
        return cast("m.Suppression", await self._call("getUserSuppression", {"email": email}))


class ContentLibrary(Resource):
    """The ``content_library`` endpoints."""

    async def create_directory(
        self,
        directory: str,
    ) -> None:
        """Create a new directory in the user's Content Library.

        ``POST /user/{username}/content_library/{directory}``
        (operation ``createContentLibraryDirectory``).
        """
        await self._call("createContentLibraryDirectory", {"directory": directory})

    async def delete_directory(
        self,
        directory: str,
    ) -> None:
        """Delete an empty Content Library directory.

        ``DELETE /user/{username}/content_library/{directory}``
        (operation ``deleteContentLibraryDirectory``).
        """
        await self._call("deleteContentLibraryDirectory", {"directory": directory})

    async def list_directory(
        self,
        directory: str,
    ) -> builtins.list[m.ContentLibraryEntry]:
        """List the files and sub-directories in a Content Library directory.

        ``GET /user/{username}/content_library/{directory}``
        (operation ``getContentLibraryDirectory``).
        """
        return cast(
            "builtins.list[m.ContentLibraryEntry]",
            await self._call("getContentLibraryDirectory", {"directory": directory}),
        )

    async def upload_file(
        self,
        file_path: str,
        *,
        content: bytes,
    ) -> None:
        """Upload a file into the Content Library.

        ``POST /user/{username}/content_library/{file_path}``
        (operation ``uploadContentLibraryFile``).
        """
        await self._call(
            "uploadContentLibraryFile",
            {"file_path": file_path},
            attachments=[Attachment(str(file_path).rsplit("/", 1)[-1], content)],
        )

    async def get_file(
        self,
        file_path: str,
    ) -> m.ContentLibraryFile:
        """Download (or get metadata for) a Content Library file.

        ``GET /user/{username}/content_library/{file_path}``
        (operation ``getContentLibraryFile``).
        """
        return cast(
            "m.ContentLibraryFile",
            await self._call("getContentLibraryFile", {"file_path": file_path}),
        )

    async def delete_file(
        self,
        file_path: str,
    ) -> None:
        """Delete a Content Library file.

        ``DELETE /user/{username}/content_library/{file_path}``
        (operation ``deleteContentLibraryFile``).
        """
        await self._call("deleteContentLibraryFile", {"file_path": file_path})


class Reports(Resource):
    """The ``reports`` endpoints."""

    def sent_webmail(
        self,
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.SentRow]:
        """Report of messages the user sent through WebMail in a date window.

        ``GET /user/{username}/report/email/webmail/sent``
        (operation ``getUserEmailSentReportWebmail``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailSentReportWebmail",
            {
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    def sent_smtp(
        self,
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.SentRow]:
        """Report of messages the user sent through SMTP (mail programs, devices, API).

        ``GET /user/{username}/report/email/smtp/sent``
        (operation ``getUserEmailSentReportSmtp``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailSentReportSmtp",
            {
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    def delivery(
        self,
        source: Literal["smtp", "webmail"],
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.DeliveryRow]:
        """Per-recipient delivery status of each message the user sent.

        ``GET /user/{username}/report/email/{source}/delivery``
        (operation ``getUserEmailDeliveryReport``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailDeliveryReport",
            {
                "source": source,
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    async def statistics(
        self,
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
    ) -> m.EmailStatistics:
        """Summary statistics of delivery, open, click, encryption and suppression status.

        ``GET /user/{username}/report/email/statistics``
        (operation ``getUserEmailStatisticsReport``).
        """
        return cast(
            "m.EmailStatistics",
            await self._call(
                "getUserEmailStatisticsReport",
                {
                    "from_date": from_date,
                    "through_date": through_date,
                    "after_date": after_date,
                    "before_date": before_date,
                },
            ),
        )

    def clicks(
        self,
        source: Literal["smtp", "webmail"],
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.ClickRow]:
        """Tracked URL clicks in messages sent by the user.

        ``GET /user/{username}/report/email/{source}/clicks``
        (operation ``getUserEmailClicksReport``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailClicksReport",
            {
                "source": source,
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    def opens(
        self,
        source: Literal["smtp", "webmail"],
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.OpenRow]:
        """Tracked opens of messages sent by the user.

        ``GET /user/{username}/report/email/{source}/opens``
        (operation ``getUserEmailOpensReport``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailOpensReport",
            {
                "source": source,
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    def fbl(
        self,
        source: Literal["smtp", "webmail"],
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.FeedbackLoopRow]:
        """Spam complaints received through ISP feedback loops for the user's mail.

        ``GET /user/{username}/report/email/{source}/fbl``
        (operation ``getUserEmailFeedbackLoopReport``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailFeedbackLoopReport",
            {
                "source": source,
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    def suppressions(
        self,
        source: Literal["smtp", "webmail"],
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.SuppressionRow]:
        """Addresses that were suppressed or unsubscribed for the user's sending.

        ``GET /user/{username}/report/email/{source}/suppressions``
        (operation ``getUserEmailSuppressionsReport``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserEmailSuppressionsReport",
            {
                "source": source,
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )

    def smtp_failures(
        self,
        *,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
    ) -> Report[m.SmtpFailureRow]:
        """Failed / rejected SMTP login attempts for the user.

        ``GET /user/{username}/report/smtp/failures``
        (operation ``getUserSmtpLoginFailuresReport``).
        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.
        """
        return self._report(
            "getUserSmtpLoginFailuresReport",
            {
                "from_date": from_date,
                "through_date": through_date,
                "after_date": after_date,
                "before_date": before_date,
            },
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
        )


class Jobs(Resource):
    """The ``jobs`` endpoints."""

    async def list(
        self,
    ) -> builtins.list[m.Job]:
        """List the user's asynchronous report jobs and their progress.

        ``GET /user/{username}/jobs``
        (operation ``getUserJobs``).
        """
        return cast("builtins.list[m.Job]", await self._call("getUserJobs", {}))

    async def get(
        self,
        job_id: int,
    ) -> m.Job:
        """Status/details of one asynchronous report job.

        ``GET /user/{username}/jobs/{job_id}``
        (operation ``getUserJob``).
        """
        return cast("m.Job", await self._call("getUserJob", {"job_id": job_id}))


class Webaides(Resource):
    """The ``webaides`` endpoints."""

    async def list(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        *,
        filters: Mapping[str, Any] | None = None,
    ) -> builtins.list[m.WebAide]:
        """List all WebAides of one type that the user can access, with query filters.

        ``GET /user/{username}/webaides/{webaide_type}``
        (operation ``getWebAides``).
        """
        return cast(
            "builtins.list[m.WebAide]",
            await self._call("getWebAides", {"webaide_type": webaide_type, "filters": filters}),
        )

    async def create(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        *,
        title: str,
        description: str | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> m.WebAide:
        """Create a new WebAide container (e.g. a calendar or address book).

        ``POST /user/{username}/webaides/{webaide_type}``
        (operation ``newWebAide``).
        """
        return cast(
            "m.WebAide",
            await self._call(
                "newWebAide",
                {
                    "webaide_type": webaide_type,
                    "title": title,
                    "description": description,
                    "fields": fields,
                },
            ),
        )

    async def delete(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
    ) -> None:
        """Delete a WebAide container (and its entries).

        ``DELETE /user/{username}/webaides/{webaide_type}/{webaide_id}``
        (operation ``deleteWebAide``).
        """
        await self._call("deleteWebAide", {"webaide_type": webaide_type, "webaide_id": webaide_id})

    async def get_entry(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        entry_id: int,
    ) -> builtins.dict[str, Any]:
        """Fetch one entry (contact, event, task, note or link) from a WebAide.

        ``GET /user/{username}/webaides/{webaide_type}/{webaide_id}/entries/{entry_id}``
        (operation ``getWebAideEntry``).
        """
        return cast(
            "builtins.dict[str, Any]",
            await self._call(
                "getWebAideEntry",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "entry_id": entry_id},
            ),
        )

    async def create_entry(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        *,
        fields: Mapping[str, Any],
    ) -> m.WebAideEntryResult:
        """Create one entry in a WebAide.

        ``POST /user/{username}/webaides/{webaide_type}/{webaide_id}/entries``
        (operation ``newWebAideEntry``).
        """
        return cast(
            "m.WebAideEntryResult",
            await self._call(
                "newWebAideEntry",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "fields": fields},
            ),
        )

    async def update_entry(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        entry_id: int,
        *,
        fields: Mapping[str, Any],
    ) -> None:
        """Update fields of one WebAide entry.

        ``PUT /user/{username}/webaides/{webaide_type}/{webaide_id}/entries/{entry_id}``
        (operation ``updateWebAideEntry``).
        """
        await self._call(
            "updateWebAideEntry",
            {
                "webaide_type": webaide_type,
                "webaide_id": webaide_id,
                "entry_id": entry_id,
                "fields": fields,
            },
        )

    async def delete_entry(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        entry_id: int,
    ) -> None:
        """Delete one WebAide entry.

        ``DELETE /user/{username}/webaides/{webaide_type}/{webaide_id}/entries/{entry_id}``
        (operation ``deleteWebAideEntry``).
        """
        await self._call(
            "deleteWebAideEntry",
            {"webaide_type": webaide_type, "webaide_id": webaide_id, "entry_id": entry_id},
        )

    async def list_entries(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        *,
        filters: Mapping[str, Any] | None = None,
    ) -> builtins.list[builtins.dict[str, Any]]:
        """List the entries of a WebAide.

        ``GET /user/{username}/webaides/{webaide_type}/{webaide_id}/entries``
        (operation ``getWebAideEntries``).
        """
        return cast(
            "builtins.list[builtins.dict[str, Any]]",
            await self._call(
                "getWebAideEntries",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "filters": filters},
            ),
        )

    async def create_entries(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        *,
        entries: Any,
    ) -> builtins.list[m.WebAideEntryResult]:
        """Create many entries in one call.

        ``POST /user/{username}/webaides/{webaide_type}/{webaide_id}/entries/bulk``
        (operation ``newWebAideEntries``).
        """
        return cast(
            "builtins.list[m.WebAideEntryResult]",
            await self._call(
                "newWebAideEntries",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "entries": entries},
            ),
        )

    async def update_entries(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        *,
        entries: Any,
    ) -> builtins.list[m.WebAideEntryResult]:
        """Update many entries in one call.

        ``PUT /user/{username}/webaides/{webaide_type}/{webaide_id}/entries/bulk``
        (operation ``updateWebAideEntries``).
        """
        return cast(
            "builtins.list[m.WebAideEntryResult]",
            await self._call(
                "updateWebAideEntries",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "entries": entries},
            ),
        )

    async def delete_entries(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        *,
        entry_ids: Sequence[str],
    ) -> builtins.list[m.WebAideEntryResult]:
        """Delete many entries in one call.

        ``DELETE /user/{username}/webaides/{webaide_type}/{webaide_id}/entries/bulk``
        (operation ``deleteWebAideEntries``).
        """
        return cast(
            "builtins.list[m.WebAideEntryResult]",
            await self._call(
                "deleteWebAideEntries",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "entry_ids": entry_ids},
            ),
        )

    async def changes(
        self,
        webaide_type: Literal["calendars", "tasks", "addressbooks", "notes", "links"],
        webaide_id: int,
        *,
        since: datetime | date,
    ) -> m.WebAideChanges:
        """Entries added, updated or deleted since a given time (for synchronisation).

        ``GET /user/{username}/webaides/{webaide_type}/{webaide_id}/changes``
        (operation ``getWebAideEntriesChangedSince``).
        """
        return cast(
            "m.WebAideChanges",
            await self._call(
                "getWebAideEntriesChangedSince",
                {"webaide_type": webaide_type, "webaide_id": webaide_id, "since": since},
            ),
        )


class Calendar(Resource):
    """The ``calendar`` endpoints."""

    async def range(
        self,
        webaide_id: int,
        *,
        start: datetime | date,
        end: datetime | date,
    ) -> builtins.list[builtins.dict[str, Any]]:
        """Calendar entries in a date range (a recurring entry if any instance is in it).

        ``GET /user/{username}/webaides/calendars/{webaide_id}/range``
        (operation ``getCalendarEntriesDateRange``).
        """
        return cast(
            "builtins.list[builtins.dict[str, Any]]",
            await self._call(
                "getCalendarEntriesDateRange",
                {"webaide_id": webaide_id, "start": start, "end": end},
            ),
        )


class UserAPI(ScopeAPI):
    """User-scope endpoints: ``lux.user(login).<group>.<method>(...)``."""

    @cached_property
    def profile(self) -> Profile:
        """The ``profile`` endpoints."""
        return Profile(self)

    @cached_property
    def credentials(self) -> Credentials:
        """The ``credentials`` endpoints."""
        return Credentials(self)

    @cached_property
    def email(self) -> Email:
        """The ``email`` endpoints."""
        return Email(self)

    @cached_property
    def secureline(self) -> Secureline:
        """The ``secureline`` endpoints."""
        return Secureline(self)

    @cached_property
    def suppressions(self) -> Suppressions:
        """The ``suppressions`` endpoints."""
        return Suppressions(self)

    @cached_property
    def content_library(self) -> ContentLibrary:
        """The ``content_library`` endpoints."""
        return ContentLibrary(self)

    @cached_property
    def reports(self) -> Reports:
        """The ``reports`` endpoints."""
        return Reports(self)

    @cached_property
    def jobs(self) -> Jobs:
        """The ``jobs`` endpoints."""
        return Jobs(self)

    @cached_property
    def webaides(self) -> Webaides:
        """The ``webaides`` endpoints."""
        return Webaides(self)

    @cached_property
    def calendar(self) -> Calendar:
        """The ``calendar`` endpoints."""
        return Calendar(self)
