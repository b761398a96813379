"""Account-scope endpoints: ``lux.account.<group>.<method>(...)``.

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
from .._types import UNSET, Unset
from ._base import Resource, ScopeAPI

__all__ = [
    "AccountAPI",
    "Aliases",
    "Dkim",
    "Domains",
    "Jobs",
    "Marketing",
    "Reports",
    "SecureForms",
    "Securesend",
    "Servers",
    "Suppressions",
    "Users",
]


class Users(Resource):
    """The ``users`` endpoints."""

    async def list(
        self,
        *,
        status: str | None = None,
        domain: str | None = None,
        younger_than: int | None = None,
        older_than: int | None = None,
    ) -> builtins.list[m.User]:
        """List every user login in the account with its profile and service metadata.

        ``GET /account/{account}/users`` (operation ``getAccountUsers``). Evidence: confirmed
        (method and path seen in a working public client or in LuxSci's text).

        Optional query parameters left at ``None`` are not sent.

        Args:
            status (str, optional): Only users in this state, e.g. ``enabled`` or ``disabled``;
                LuxSci does not publish the full set.
            domain (str, optional): Only users whose login is in this domain.
            younger_than (int, optional): Only users whose record is younger than this (an age).
                Unit: days. Assumed: LuxSci's public material does not confirm it.
            older_than (int, optional): Only users whose record is older than this (an age). Unit:
                days. Assumed: LuxSci's public material does not confirm it.

        Returns:
            list[User]: One ``User`` per item: a user login with its profile and service metadata.
        """
        return cast(
            "builtins.list[m.User]",
            await self._call(
                "getAccountUsers",
                {
                    "status": status,
                    "domain": domain,
                    "younger_than": younger_than,
                    "older_than": older_than,
                },
            ),
        )

    async def create(
        self,
        *,
        user: str,
        password: str | Unset | None = UNSET,
        contact: str | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> m.User:
        """Add a new user login (email account) to the account.

        ``POST /account/{account}/users`` (operation ``createAccountUser``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Optional body fields left at ``UNSET`` (the default) are not sent; ``None`` sends ``null``.

        Args:
            user (str): Login of the new user: a full e-mail address in one of the account's
                domains. Assumed: LuxSci's public material does not confirm it.
            password (str, optional): Initial password of the login. Assumed: LuxSci's public
                material does not confirm it.
            contact (str, optional): Contact (display) name of the user. Assumed: LuxSci's public
                material does not confirm it.
            fields (Mapping[str, Any], optional): Further keys merged into the request body as
                given, for fields this method does not name (a key may not repeat a keyword
                argument).

        Returns:
            User: A user login with its profile and service metadata.
        """
        return cast(
            "m.User",
            await self._call(
                "createAccountUser",
                {"user": user, "password": password, "contact": contact, "fields": fields},
            ),
        )

    async def delete(
        self,
        user: str,
    ) -> None:
        """Remove a user login from the account.

        ``DELETE /account/{account}/users/{user}`` (operation ``deleteAccountUser``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Args:
            user (str): The user's login: a full e-mail address.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteAccountUser", {"user": user})

    async def update(
        self,
        user: str,
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
        disk_quota: float | Unset | None = UNSET,
        services: Sequence[str] | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Change settings, services and/or contact data of one user login.

        ``PUT /account/{account}/users/{user}`` (operation ``updateAccountUserSettings``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Optional body fields left at ``UNSET`` (the default) are not sent, so an update changes only
        what you pass; ``None`` sends ``null``.

        Args:
            user (str): The user's login: a full e-mail address.
            contact (str, optional): Contact (display) name.
            company (str, optional): Company name.
            street1 (str, optional): Street address, first line.
            street2 (str, optional): Street address, second line.
            city (str, optional): City.
            state (str, optional): State or province.
            zip (str, optional): Postal code.
            country (str, optional): Country.
            phone1 (str, optional): Main phone number.
            phone2 (str, optional): Second phone number.
            fax (str, optional): Fax number.
            sms (str, optional): Mobile number for text messages.
            email2 (str, optional): Secondary contact e-mail address (``email1`` is the login
                itself).
            custom1 (str, optional): Custom field 1, free text for the account's own use.
            custom2 (str, optional): Custom field 2.
            custom3 (str, optional): Custom field 3.
            disk_quota (float, optional): Disk quota of the login; LuxSci does not publish the unit.
            services (Sequence[str], optional): Services enabled for the login (the names a user
                record lists in services).
            fields (Mapping[str, Any], optional): Further keys merged into the request body as
                given, for fields this method does not name (a key may not repeat a keyword
                argument).

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "updateAccountUserSettings",
            {
                "user": user,
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
                "disk_quota": disk_quota,
                "services": services,
                "fields": fields,
            },
        )

    async def rename(
        self,
        user: str,
        *,
        new_user: str,
    ) -> None:
        """Change the login name (email address) of an existing user.

        ``PUT /account/{account}/users/{user}/rename`` (operation ``renameAccountUser``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Args:
            user (str): The user's login: a full e-mail address.
            new_user (str): The new login: a full e-mail address. Assumed: LuxSci's public material
                does not confirm it.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("renameAccountUser", {"user": user, "new_user": new_user})


class Domains(Resource):
    """The ``domains`` endpoints."""

    async def create(
        self,
        domain: str,
    ) -> None:
        """Add a domain, subject to DNS, HIPAA and per-day API creation limits.

        ``POST /account/{account}/domains`` (operation ``createDomain``). Evidence: inferred (LuxSci
        names the operation; its method, path or fields were reconstructed from LuxSci's public
        material).

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Args:
            domain (str): Domain to add: a subdomain, or a domain whose DNS you manage. In HIPAA
                accounts it starts locked down for HIPAA; the API integration's create limit caps
                how many domains may be added per 24 hours. Assumed: LuxSci's public material does
                not confirm it.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("createDomain", {"domain": domain})

    async def list(
        self,
    ) -> builtins.list[m.Domain]:
        """List all domains in the account with their status flags.

        ``GET /account/{account}/domains`` (operation ``getDomains``). Evidence: confirmed (method
        and path seen in a working public client or in LuxSci's text).

        Returns:
            list[Domain]: One ``Domain`` per item: a domain of the account with its status flags.
        """
        return cast("builtins.list[m.Domain]", await self._call("getDomains", {}))

    async def get(
        self,
        domain: str,
    ) -> m.Domain:
        """Fetch the full configuration/details of one domain.

        ``GET /account/{account}/domains/{domain}`` (operation ``getDomain``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Args:
            domain (str): Domain name, e.g. ``example.com``.

        Returns:
            Domain: A domain of the account with its status flags.
        """
        return cast("m.Domain", await self._call("getDomain", {"domain": domain}))

    async def update(
        self,
        domain: str,
        *,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Change settings of an existing domain.

        ``PUT /account/{account}/domains/{domain}`` (operation ``updateDomain``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Args:
            domain (str): Domain name, e.g. ``example.com``.
            fields (Mapping[str, Any], optional): Further keys merged into the request body as
                given, for fields this method does not name (a key may not repeat a keyword
                argument).

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("updateDomain", {"domain": domain, "fields": fields})

    async def delete(
        self,
        domain: str,
    ) -> None:
        """Remove a domain from the account.

        ``DELETE /account/{account}/domains/{domain}`` (operation ``deleteDomain``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Args:
            domain (str): Domain name, e.g. ``example.com``.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteDomain", {"domain": domain})


class Dkim(Resource):
    """The ``dkim`` endpoints."""

    async def create(
        self,
        domain: str,
    ) -> None:
        """Generate DKIM signing for a domain in the account.

        ``POST /account/{account}/dkim`` (operation ``createDkim``). Evidence: confirmed (method and
        path seen in a working public client or in LuxSci's text).

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Args:
            domain (str): Domain of the account to sign mail for.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("createDkim", {"domain": domain})

    async def list(
        self,
    ) -> builtins.list[m.Dkim]:
        """List DKIM configurations for all domains in the account.

        ``GET /account/{account}/dkim`` (operation ``getDkimReport``). Evidence: inferred (LuxSci
        names the operation; its method, path or fields were reconstructed from LuxSci's public
        material).

        Returns:
            list[Dkim]: One ``Dkim`` per item: dKIM signing set-up of one domain: the DNS record to
                publish.
        """
        return cast("builtins.list[m.Dkim]", await self._call("getDkimReport", {}))

    async def get(
        self,
        domain: str,
    ) -> m.Dkim:
        """Show the DKIM setup (keys / DNS record to publish) for one domain.

        ``GET /account/{account}/dkim/{domain}`` (operation ``getDkimDetails``). Evidence: confirmed
        (method and path seen in a working public client or in LuxSci's text).

        Args:
            domain (str): Domain name, e.g. ``example.com``.

        Returns:
            Dkim: DKIM signing set-up of one domain: the DNS record to publish.
        """
        return cast("m.Dkim", await self._call("getDkimDetails", {"domain": domain}))

    async def delete(
        self,
        domain: str,
    ) -> None:
        """Remove DKIM signing configuration for a domain.

        ``DELETE /account/{account}/dkim/{domain}`` (operation ``deleteDkim``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Args:
            domain (str): Domain name, e.g. ``example.com``.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteDkim", {"domain": domain})


class Suppressions(Resource):
    """The ``suppressions`` endpoints."""

    async def create(
        self,
        email: str,
    ) -> None:
        """Add an address to the account-wide outbound email suppression list.

        ``POST /account/{account}/suppressions`` (operation ``createAccountSuppression``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Args:
            email (str): Address no mail from the account should be sent to. Assumed: LuxSci's
                public material does not confirm it.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("createAccountSuppression", {"email": email})

    async def get(
        self,
        email: str,
    ) -> m.Suppression:
        """Check whether (and how) one address is suppressed account-wide.

        ``GET /account/{account}/suppressions/{email}`` (operation ``getAccountSuppression``).
        Evidence: inferred (LuxSci names the operation; its method, path or fields were
        reconstructed from LuxSci's public material).

        Args:
            email (str): The suppressed e-mail address (or the one to look up).

        Returns:
            Suppression: One suppressed address, account-wide or for one user.
        """
        return cast("m.Suppression", await self._call("getAccountSuppression", {"email": email}))

    async def delete(
        self,
        email: str,
    ) -> None:
        """Take an address off the account-wide suppression list.

        ``DELETE /account/{account}/suppressions/{email}`` (operation ``deleteAccountSuppression``).
        Evidence: inferred (LuxSci names the operation; its method, path or fields were
        reconstructed from LuxSci's public material).

        Args:
            email (str): The suppressed e-mail address (or the one to look up).

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteAccountSuppression", {"email": email})


class Aliases(Resource):
    """The ``aliases`` endpoints."""

    async def create(
        self,
        *,
        user: str,
        domain: str,
        action: Literal["bounce", "email"],
        dest: str | Unset | None = UNSET,
        bounce: str | Unset | None = UNSET,
    ) -> None:
        """Create an email alias that forwards to destination(s) or bounces.

        ``POST /account/{account}/aliases`` (operation ``createAlias``). Evidence: confirmed (method
        and path seen in a working public client or in LuxSci's text).

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Optional body fields left at ``UNSET`` (the default) are not sent; ``None`` sends ``null``.

        Args:
            user (str): Local part of the alias address.
            domain (str): Domain of the alias address.
            action (str): ``email`` forwards to ``dest``; ``bounce`` refuses the mail. One of
                ``"bounce"``, ``"email"``.
            dest (str, optional): Destination address(es) to forward to; needed when ``action`` is
                ``email``.
            bounce (str, optional): Bounce setting, used when ``action`` is ``bounce`` (its meaning
                is not published). Assumed: LuxSci's public material does not confirm it.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "createAlias",
            {"user": user, "domain": domain, "action": action, "dest": dest, "bounce": bounce},
        )

    async def list(
        self,
    ) -> builtins.list[m.Alias]:
        """List all aliases defined in the account.

        ``GET /account/{account}/aliases`` (operation ``getAliases``). Evidence: confirmed (method
        and path seen in a working public client or in LuxSci's text).

        Returns:
            list[Alias]: One ``Alias`` per item: an e-mail alias that forwards or bounces.
        """
        return cast("builtins.list[m.Alias]", await self._call("getAliases", {}))

    async def get(
        self,
        alias: str,
    ) -> m.Alias:
        """Fetch the settings of a single alias.

        ``GET /account/{account}/aliases/{alias}`` (operation ``getAlias``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Args:
            alias (str): Full alias address, ``user@domain``.

        Returns:
            Alias: An e-mail alias that forwards or bounces.
        """
        return cast("m.Alias", await self._call("getAlias", {"alias": alias}))

    async def update(
        self,
        alias: str,
        *,
        action: Literal["bounce", "email"] | Unset | None = UNSET,
        dest: str | Unset | None = UNSET,
        bounce: str | Unset | None = UNSET,
    ) -> None:
        """Change the action/destination/bounce settings of an existing alias.

        ``PUT /account/{account}/aliases/{alias}`` (operation ``updateAlias``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Optional body fields left at ``UNSET`` (the default) are not sent, so an update changes only
        what you pass; ``None`` sends ``null``.

        Args:
            alias (str): Full alias address, ``user@domain``.
            action (str, optional): ``email`` forwards to ``dest``; ``bounce`` refuses the mail. One
                of ``"bounce"``, ``"email"``.
            dest (str, optional): Destination address(es) to forward to; needed when ``action`` is
                ``email``.
            bounce (str, optional): Bounce setting, used when ``action`` is ``bounce`` (its meaning
                is not published). Assumed: LuxSci's public material does not confirm it.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "updateAlias", {"alias": alias, "action": action, "dest": dest, "bounce": bounce}
        )

    async def delete(
        self,
        alias: str,
    ) -> None:
        """Delete an alias.

        ``DELETE /account/{account}/aliases/{alias}`` (operation ``deleteAlias``). Evidence:
        confirmed (method and path seen in a working public client or in LuxSci's text).

        Args:
            alias (str): Full alias address, ``user@domain``.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteAlias", {"alias": alias})


class SecureForms(Resource):
    """The ``secure_forms`` endpoints."""

    async def list(
        self,
    ) -> builtins.list[m.SecureForm]:
        """List the SecureForm (HIPAA web form) definitions in the account.

        ``GET /account/{account}/secureforms`` (operation ``getSecureFormList``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Returns:
            list[SecureForm]: One ``SecureForm`` per item: a Secure Form (HIPAA web form)
                definition.
        """
        return cast("builtins.list[m.SecureForm]", await self._call("getSecureFormList", {}))

    async def get(
        self,
        form: str,
    ) -> m.SecureForm:
        """Fetch one SecureForm's configuration.

        ``GET /account/{account}/secureforms/{form}`` (operation ``getSecureForm``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Args:
            form (str): Id of the SecureForm (``SecureForm.form_id``).

        Returns:
            SecureForm: A Secure Form (HIPAA web form) definition.
        """
        return cast("m.SecureForm", await self._call("getSecureForm", {"form": form}))

    async def list_rows(
        self,
        form: str,
        *,
        first_row: int | None = None,
        matches: int | None = None,
        after_row: int | None = None,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
    ) -> builtins.list[m.SecureFormRow]:
        """List the stored submissions (database rows) of a SecureForm.

        ``GET /account/{account}/secureforms/{form}/rows`` (operation
        ``getSecureFormDatabaseRows``). Evidence: inferred (LuxSci names the operation; its method,
        path or fields were reconstructed from LuxSci's public material).

        Note: ``after_row`` (an assumed name) asks only for posts above a saved row id, for periodic
        synchronisation; the date window is the reports' one (``through_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            form (str): Id of the SecureForm (``SecureForm.form_id``).
            first_row (int, optional): 0-based index of the first matching post to return (LuxSci's
                default 0). Assumed: LuxSci's public material does not confirm it.
            matches (int, optional): Most posts to return, as for reports (up to 50,000). Assumed:
                LuxSci's public material does not confirm it.
            after_row (int, optional): Only posts whose row id is above this: pass the last id you
                stored to fetch only newer posts. Assumed: LuxSci's public material does not confirm
                it.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.

        Returns:
            list[SecureFormRow]: One ``SecureFormRow`` per item: one stored post of a Secure Form.
        """
        return cast(
            "builtins.list[m.SecureFormRow]",
            await self._call(
                "getSecureFormDatabaseRows",
                {
                    "form": form,
                    "first_row": first_row,
                    "matches": matches,
                    "after_row": after_row,
                    "from_date": from_date,
                    "through_date": through_date,
                    "after_date": after_date,
                    "before_date": before_date,
                },
            ),
        )

    async def get_row(
        self,
        form: str,
        row: str,
    ) -> m.SecureFormRow:
        """Fetch one stored SecureForm submission.

        ``GET /account/{account}/secureforms/{form}/rows/{row}`` (operation
        ``getSecureFormDatabaseRow``). Evidence: inferred (LuxSci names the operation; its method,
        path or fields were reconstructed from LuxSci's public material).

        Args:
            form (str): Id of the SecureForm (``SecureForm.form_id``).
            row (str): Id of the stored submission (``SecureFormRow.row_id``).

        Returns:
            SecureFormRow: One stored post of a Secure Form.
        """
        return cast(
            "m.SecureFormRow",
            await self._call("getSecureFormDatabaseRow", {"form": form, "row": row}),
        )

    async def delete_row(
        self,
        form: str,
        row: str,
    ) -> None:
        """Delete one stored SecureForm submission.

        ``DELETE /account/{account}/secureforms/{form}/rows/{row}`` (operation
        ``deleteSecureFormDatabaseRow``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Args:
            form (str): Id of the SecureForm (``SecureForm.form_id``).
            row (str): Id of the stored submission (``SecureFormRow.row_id``).

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteSecureFormDatabaseRow", {"form": form, "row": row})

    async def get_file(
        self,
        form: str,
        row: str,
        file: str,
    ) -> m.SecureFormFile:
        """Download a file that was uploaded with a SecureForm submission.

        ``GET /account/{account}/secureforms/{form}/rows/{row}/files/{file}`` (operation
        ``getSecureFormDatabaseFile``). Evidence: inferred (LuxSci names the operation; its method,
        path or fields were reconstructed from LuxSci's public material).

        Args:
            form (str): Id of the SecureForm (``SecureForm.form_id``).
            row (str): Id of the stored submission (``SecureFormRow.row_id``).
            file (str): Id or name of a file uploaded with the submission.

        Returns:
            SecureFormFile: A file uploaded with a Secure Form post.
        """
        return cast(
            "m.SecureFormFile",
            await self._call("getSecureFormDatabaseFile", {"form": form, "row": row, "file": file}),
        )

    async def delete_file(
        self,
        form: str,
        row: str,
        file: str,
    ) -> None:
        """Delete a file attached to a SecureForm submission.

        ``DELETE /account/{account}/secureforms/{form}/rows/{row}/files/{file}`` (operation
        ``deleteSecureFormDatabaseFile``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Args:
            form (str): Id of the SecureForm (``SecureForm.form_id``).
            row (str): Id of the stored submission (``SecureFormRow.row_id``).
            file (str): Id or name of a file uploaded with the submission.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteSecureFormDatabaseFile", {"form": form, "row": row, "file": file})


class Securesend(Resource):
    """The ``securesend`` endpoints."""

    async def list(
        self,
        namespace_id: int,
    ) -> builtins.list[m.SecureSendUser]:
        """List the SecureSend (secure-message recipient portal) users in a namespace.

        ``GET /account/{account}/securesend/namespaces/{namespace_id}/users`` (operation
        ``getSecureSendUserList``). Evidence: inferred (LuxSci names the operation; its method, path
        or fields were reconstructed from LuxSci's public material).

        Note: SecureSend users are addressed within a namespace by its numeric id; LuxSci's public
        material does not show where the namespace goes, so the ``namespaces/{namespace_id}``
        segment is assumed.

        Args:
            namespace_id (int): Numeric id of the SecureSend namespace (its user directory).

        Returns:
            list[SecureSendUser]: One ``SecureSendUser`` per item: a user of one SecureSend
                namespace: someone who reads secure messages on the portal.
        """
        return cast(
            "builtins.list[m.SecureSendUser]",
            await self._call("getSecureSendUserList", {"namespace_id": namespace_id}),
        )

    async def upsert(
        self,
        namespace_id: int,
        email: str,
        *,
        name: str | Unset | None = UNSET,
        password: str | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Create a SecureSend user in the namespace, or update it if it exists.

        ``PUT /account/{account}/securesend/namespaces/{namespace_id}/users/{email}`` (operation
        ``createOrUpdateSecureSendUser``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Note: SecureSend users are addressed within a namespace by its numeric id; LuxSci's public
        material does not show where the namespace goes, so the ``namespaces/{namespace_id}``
        segment is assumed.

        Optional body fields left at ``UNSET`` (the default) are not sent, so an update changes only
        what you pass; ``None`` sends ``null``.

        Args:
            namespace_id (int): Numeric id of the SecureSend namespace (its user directory).
            email (str): E-mail address of the SecureSend user, as their login.
            name (str, optional): Display name of the SecureSend user. Assumed: LuxSci's public
                material does not confirm it.
            password (str, optional): Password of the SecureSend user. Assumed: LuxSci's public
                material does not confirm it.
            fields (Mapping[str, Any], optional): Further keys merged into the request body as
                given, for fields this method does not name (a key may not repeat a keyword
                argument).

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "createOrUpdateSecureSendUser",
            {
                "namespace_id": namespace_id,
                "email": email,
                "name": name,
                "password": password,
                "fields": fields,
            },
        )

    async def set_password(
        self,
        namespace_id: int,
        email: str,
        *,
        password: str,
    ) -> None:
        """Set a new password for a SecureSend user.

        ``PUT /account/{account}/securesend/namespaces/{namespace_id}/users/{email}/password``
        (operation ``changeSecureSendUserPassword``). Evidence: inferred (LuxSci names the
        operation; its method, path or fields were reconstructed from LuxSci's public material).

        Note: SecureSend users are addressed within a namespace by its numeric id; LuxSci's public
        material does not show where the namespace goes, so the ``namespaces/{namespace_id}``
        segment is assumed.

        Args:
            namespace_id (int): Numeric id of the SecureSend namespace (its user directory).
            email (str): E-mail address of the SecureSend user, as their login.
            password (str): The new password of the SecureSend user. Assumed: LuxSci's public
                material does not confirm it.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "changeSecureSendUserPassword",
            {"namespace_id": namespace_id, "email": email, "password": password},
        )

    async def sso_url(
        self,
        namespace_id: int,
        email: str,
        *,
        ip: str | None = None,
    ) -> m.LoginUrl:
        """Obtain a one-time link that logs a SecureSend user straight into the portal.

        ``GET /account/{account}/securesend/namespaces/{namespace_id}/users/{email}/sso`` (operation
        ``getSecureSendUserSingleSignOnLink``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Note: SecureSend users are addressed within a namespace by its numeric id; LuxSci's public
        material does not show where the namespace goes, so the ``namespaces/{namespace_id}``
        segment is assumed.

        Optional query parameters left at ``None`` are not sent.

        Args:
            namespace_id (int): Numeric id of the SecureSend namespace (its user directory).
            email (str): E-mail address of the SecureSend user, as their login.
            ip (str, optional): IP address of the client the link is made for (LuxSci binds such
                links). Assumed: LuxSci's public material does not confirm it.

        Returns:
            LoginUrl: A one-click URL that logs someone in without a password.
        """
        return cast(
            "m.LoginUrl",
            await self._call(
                "getSecureSendUserSingleSignOnLink",
                {"namespace_id": namespace_id, "email": email, "ip": ip},
            ),
        )


class Reports(Resource):
    """The ``reports`` endpoints."""

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
        """Rows describing messages the account's users sent through SMTP.

        ``GET /account/{account}/report/email/smtp/sent`` (operation
        ``getAccountReportEmailSmtpSent``). Evidence: confirmed (method and path seen in a working
        public client or in LuxSci's text).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[SentRow]: The report, not yet requested. ``async for row in report`` fetches the
                first page alone, then up to ``concurrency`` pages at a time, and yields every row
                in order; ``report.pages()`` yields whole pages, ``await report.count()`` asks only
                for the number of rows, and ``await report.export(destination=...)`` runs the report
                as a background job that uploads a CSV. Without ``through_date`` or ``before_date``
                the window's end is fixed when the pull starts, so rows arriving meanwhile do not
                shift the pages.
        """
        return self._report(
            "getAccountReportEmailSmtpSent",
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
        """Rows describing messages the account's users sent from WebMail.

        ``GET /account/{account}/report/email/webmail/sent`` (operation
        ``getAccountReportEmailWebmailSent``). Evidence: confirmed (method and path seen in a
        working public client or in LuxSci's text).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[SentRow]: The report, not yet requested. ``async for row in report`` fetches the
                first page alone, then up to ``concurrency`` pages at a time, and yields every row
                in order; ``report.pages()`` yields whole pages, ``await report.count()`` asks only
                for the number of rows, and ``await report.export(destination=...)`` runs the report
                as a background job that uploads a CSV. Without ``through_date`` or ``before_date``
                the window's end is fixed when the pull starts, so rows arriving meanwhile do not
                shift the pages.
        """
        return self._report(
            "getAccountReportEmailWebmailSent",
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
        """Per-recipient delivery status of messages sent via SMTP/API or WebMail.

        ``GET /account/{account}/report/email/{source}/delivery`` (operation
        ``getAccountReportEmailDeliveryStatus``). Evidence: inferred (LuxSci names the operation;
        its method, path or fields were reconstructed from LuxSci's public material).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            source (str): Sending channel the report covers: SMTP (mail programs, devices, the API)
                or WebMail. One of ``"smtp"``, ``"webmail"``.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[DeliveryRow]: The report, not yet requested. ``async for row in report`` fetches
                the first page alone, then up to ``concurrency`` pages at a time, and yields every
                row in order; ``report.pages()`` yields whole pages, ``await report.count()`` asks
                only for the number of rows, and ``await report.export(destination=...)`` runs the
                report as a background job that uploads a CSV. Without ``through_date`` or
                ``before_date`` the window's end is fixed when the pull starts, so rows arriving
                meanwhile do not shift the pages.
        """
        return self._report(
            "getAccountReportEmailDeliveryStatus",
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
        """Tracked link clicks in messages sent by the account.

        ``GET /account/{account}/report/email/{source}/clicks`` (operation
        ``getAccountReportEmailUrlClicks``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            source (str): Sending channel the report covers: SMTP (mail programs, devices, the API)
                or WebMail. One of ``"smtp"``, ``"webmail"``.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[ClickRow]: The report, not yet requested. ``async for row in report`` fetches the
                first page alone, then up to ``concurrency`` pages at a time, and yields every row
                in order; ``report.pages()`` yields whole pages, ``await report.count()`` asks only
                for the number of rows, and ``await report.export(destination=...)`` runs the report
                as a background job that uploads a CSV. Without ``through_date`` or ``before_date``
                the window's end is fixed when the pull starts, so rows arriving meanwhile do not
                shift the pages.
        """
        return self._report(
            "getAccountReportEmailUrlClicks",
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
        """Tracked opens of messages sent by the account.

        ``GET /account/{account}/report/email/{source}/opens`` (operation
        ``getAccountReportEmailOpens``). Evidence: inferred (LuxSci names the operation; its method,
        path or fields were reconstructed from LuxSci's public material).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            source (str): Sending channel the report covers: SMTP (mail programs, devices, the API)
                or WebMail. One of ``"smtp"``, ``"webmail"``.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[OpenRow]: The report, not yet requested. ``async for row in report`` fetches the
                first page alone, then up to ``concurrency`` pages at a time, and yields every row
                in order; ``report.pages()`` yields whole pages, ``await report.count()`` asks only
                for the number of rows, and ``await report.export(destination=...)`` runs the report
                as a background job that uploads a CSV. Without ``through_date`` or ``before_date``
                the window's end is fixed when the pull starts, so rows arriving meanwhile do not
                shift the pages.
        """
        return self._report(
            "getAccountReportEmailOpens",
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
        """Failed or rejected SMTP logins against the account's logins.

        ``GET /account/{account}/report/smtp/failures`` (operation
        ``getAccountReportSmtpLoginFailures``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[SmtpFailureRow]: The report, not yet requested. ``async for row in report``
                fetches the first page alone, then up to ``concurrency`` pages at a time, and yields
                every row in order; ``report.pages()`` yields whole pages, ``await report.count()``
                asks only for the number of rows, and ``await report.export(destination=...)`` runs
                the report as a background job that uploads a CSV. Without ``through_date`` or
                ``before_date`` the window's end is fixed when the pull starts, so rows arriving
                meanwhile do not shift the pages.
        """
        return self._report(
            "getAccountReportSmtpLoginFailures",
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
        """Spam complaints received back from mailbox providers' feedback loops.

        ``GET /account/{account}/report/email/{source}/fbl`` (operation
        ``getAccountReportEmailFeedbackLoops``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            source (str): Sending channel the report covers: SMTP (mail programs, devices, the API)
                or WebMail. One of ``"smtp"``, ``"webmail"``.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[FeedbackLoopRow]: The report, not yet requested. ``async for row in report``
                fetches the first page alone, then up to ``concurrency`` pages at a time, and yields
                every row in order; ``report.pages()`` yields whole pages, ``await report.count()``
                asks only for the number of rows, and ``await report.export(destination=...)`` runs
                the report as a background job that uploads a CSV. Without ``through_date`` or
                ``before_date`` the window's end is fixed when the pull starts, so rows arriving
                meanwhile do not shift the pages.
        """
        return self._report(
            "getAccountReportEmailFeedbackLoops",
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
        """Addresses that were suppressed or unsubscribed, for the account's mail.

        ``GET /account/{account}/report/email/{source}/suppressions`` (operation
        ``getAccountReportEmailSuppressions``). Evidence: inferred (LuxSci names the operation; its
        method, path or fields were reconstructed from LuxSci's public material).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            source (str): Sending channel the report covers: SMTP (mail programs, devices, the API)
                or WebMail. One of ``"smtp"``, ``"webmail"``.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.
            page_size (int, optional): Rows per request, 1 to 50,000 (LuxSci's maximum); ``None``
                uses 2,000. At most ``concurrency`` x ``page_size`` rows are held at once.
            concurrency (int, optional): Pages requested at once after the first; ``None`` uses the
                session's ``max_concurrency`` (8 by default).
            start_row (int, optional): 0-based index of the first row to fetch. The ``resume_row``
                of a ``PaginationError`` continues a failed pull without losing or repeating rows.

        Returns:
            Report[SuppressionRow]: The report, not yet requested. ``async for row in report``
                fetches the first page alone, then up to ``concurrency`` pages at a time, and yields
                every row in order; ``report.pages()`` yields whole pages, ``await report.count()``
                asks only for the number of rows, and ``await report.export(destination=...)`` runs
                the report as a background job that uploads a CSV. Without ``through_date`` or
                ``before_date`` the window's end is fixed when the pull starts, so rows arriving
                meanwhile do not shift the pages.
        """
        return self._report(
            "getAccountReportEmailSuppressions",
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
        """Summary counts of delivery, open, click, encryption and suppression status.

        ``GET /account/{account}/report/email/statistics`` (operation
        ``getAccountReportEmailStatistics``). Evidence: speculative (little public evidence that the
        operation exists; treat it as a guess).

        Note: The inclusive end of the date window is ``through_date``, the name LuxSci's reporting
        page gives it (not ``to_date``).

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.

        Returns:
            EmailStatistics: Summary counts of delivery, open, click, encryption and suppression
                status.
        """
        return cast(
            "m.EmailStatistics",
            await self._call(
                "getAccountReportEmailStatistics",
                {
                    "from_date": from_date,
                    "through_date": through_date,
                    "after_date": after_date,
                    "before_date": before_date,
                },
            ),
        )


class Jobs(Resource):
    """The ``jobs`` endpoints."""

    async def list(
        self,
    ) -> builtins.list[m.Job]:
        """Status of the account's asynchronous (destination-upload) report jobs.

        ``GET /account/{account}/jobs`` (operation ``getAccountJobs``). Evidence: inferred (LuxSci
        names the operation; its method, path or fields were reconstructed from LuxSci's public
        material).

        Returns:
            list[Job]: One ``Job`` per item: status and progress of one asynchronous
                (destination-upload) report job.
        """
        return cast("builtins.list[m.Job]", await self._call("getAccountJobs", {}))

    async def get(
        self,
        job_id: int,
    ) -> m.Job:
        """Status/details of one asynchronous report job.

        ``GET /account/{account}/jobs/{job_id}`` (operation ``getAccountJob``). Evidence: added
        (LuxSci's public material does not show this operation; its path and fields are invented to
        cover a required function).

        Note: Added to read one job's details at account scope; mirrors ``getUserJob``.

        Args:
            job_id (int): Numeric id of the job (``Job.job_id``).

        Returns:
            Job: Status and progress of one asynchronous (destination-upload) report job.
        """
        return cast("m.Job", await self._call("getAccountJob", {"job_id": job_id}))


class Servers(Resource):
    """The ``servers`` endpoints."""

    async def list(
        self,
    ) -> builtins.list[m.Server]:
        """List all servers (shared and dedicated) that host the account's services.

        ``GET /account/{account}/servers`` (operation ``getAccountServers``). Evidence: inferred
        (LuxSci names the operation; its method, path or fields were reconstructed from LuxSci's
        public material).

        Returns:
            list[Server]: One ``Server`` per item: a shared or dedicated server that hosts some of
                the account's services.
        """
        return cast("builtins.list[m.Server]", await self._call("getAccountServers", {}))

    async def status(
        self,
    ) -> builtins.list[m.ServerStatus]:
        """Current health/status of the servers used by the account.

        ``GET /account/{account}/servers/status`` (operation ``getAccountServersStatus``). Evidence:
        inferred (LuxSci names the operation; its method, path or fields were reconstructed from
        LuxSci's public material).

        Returns:
            list[ServerStatus]: One ``ServerStatus`` per item: current health of one server.
        """
        return cast(
            "builtins.list[m.ServerStatus]", await self._call("getAccountServersStatus", {})
        )

    async def get_status(
        self,
        server: str,
    ) -> m.ServerStatus:
        """Current status of one server.

        ``GET /account/{account}/servers/{server}/status`` (operation ``getAccountServerStatus``).
        Evidence: added (LuxSci's public material does not show this operation; its path and fields
        are invented to cover a required function).

        Note: Added to read one server's status; LuxSci shows only all servers' status.

        Args:
            server (str): The server's name or id (``Server.server``).

        Returns:
            ServerStatus: Current health of one server.
        """
        return cast(
            "m.ServerStatus", await self._call("getAccountServerStatus", {"server": server})
        )


class Marketing(Resource):
    """The ``marketing`` endpoints."""

    async def list_contacts(
        self,
        *,
        list_id: int | None = None,
        email: str | None = None,
        status: str | None = None,
        filters: Mapping[str, Any] | None = None,
    ) -> builtins.list[m.MarketingContact]:
        """Contacts' data in aggregate; no filter returns all contacts of all lists.

        ``GET /account/{account}/marketing/contacts`` (operation ``getMarketingContacts``).
        Evidence: added (LuxSci's public material does not show this operation; its path and fields
        are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Optional query parameters left at ``None`` are not sent.

        Args:
            list_id (int, optional): Only contacts of this contact list.
            email (str, optional): Only the contact with this address.
            status (str, optional): Only contacts in this state (e.g. subscribed).
            filters (Mapping[str, Any], optional): Further query filters, sent as given; LuxSci does
                not publish their names.

        Returns:
            list[MarketingContact]: One ``MarketingContact`` per item: a Secure Marketing contact;
                its custom data columns are in ``fields``.
        """
        return cast(
            "builtins.list[m.MarketingContact]",
            await self._call(
                "getMarketingContacts",
                {"list_id": list_id, "email": email, "status": status, "filters": filters},
            ),
        )

    async def get_contact(
        self,
        contact_id: int,
    ) -> m.MarketingContact:
        """Fetch one Secure Marketing contact.

        ``GET /account/{account}/marketing/contacts/{contact_id}`` (operation
        ``getMarketingContact``). Evidence: added (LuxSci's public material does not show this
        operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Args:
            contact_id (int): Numeric id of the contact.

        Returns:
            MarketingContact: A Secure Marketing contact; its custom data columns are in ``fields``.
        """
        return cast(
            "m.MarketingContact",
            await self._call("getMarketingContact", {"contact_id": contact_id}),
        )

    async def insert_contact(
        self,
        email: str,
        *,
        first_name: str | Unset | None = UNSET,
        last_name: str | Unset | None = UNSET,
        list_ids: Any | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> m.MarketingContact:
        """Insert a contact, optionally adding it to contact lists.

        ``POST /account/{account}/marketing/contacts`` (operation ``insertMarketingContact``).
        Evidence: added (LuxSci's public material does not show this operation; its path and fields
        are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Optional body fields left at ``UNSET`` (the default) are not sent; ``None`` sends ``null``.

        Args:
            email (str): The contact's address.
            first_name (str, optional): The contact's first name.
            last_name (str, optional): The contact's last name.
            list_ids (Any, optional): Ids of the contact lists to add it to.
            fields (Mapping[str, Any], optional): Further keys merged into the request body as
                given, for fields this method does not name (a key may not repeat a keyword
                argument).

        Returns:
            MarketingContact: A Secure Marketing contact; its custom data columns are in ``fields``.
        """
        return cast(
            "m.MarketingContact",
            await self._call(
                "insertMarketingContact",
                {
                    "email": email,
                    "first_name": first_name,
                    "last_name": last_name,
                    "list_ids": list_ids,
                    "fields": fields,
                },
            ),
        )

    async def update_contact(
        self,
        contact_id: int,
        *,
        email: str | Unset | None = UNSET,
        first_name: str | Unset | None = UNSET,
        last_name: str | Unset | None = UNSET,
        status: str | Unset | None = UNSET,
        list_ids: Any | Unset | None = UNSET,
        fields: Mapping[str, Any] | None = None,
    ) -> None:
        """Update fields of one Secure Marketing contact.

        ``PUT /account/{account}/marketing/contacts/{contact_id}`` (operation
        ``updateMarketingContact``). Evidence: added (LuxSci's public material does not show this
        operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Optional body fields left at ``UNSET`` (the default) are not sent, so an update changes only
        what you pass; ``None`` sends ``null``.

        Args:
            contact_id (int): Numeric id of the contact.
            email (str, optional): The contact's address.
            first_name (str, optional): The contact's first name.
            last_name (str, optional): The contact's last name.
            status (str, optional): The contact's state (e.g. subscribed, unsubscribed).
            list_ids (Any, optional): Ids of the contact lists it belongs to.
            fields (Mapping[str, Any], optional): Further keys merged into the request body as
                given, for fields this method does not name (a key may not repeat a keyword
                argument).

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "updateMarketingContact",
            {
                "contact_id": contact_id,
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "status": status,
                "list_ids": list_ids,
                "fields": fields,
            },
        )

    async def delete_contact(
        self,
        contact_id: int,
    ) -> None:
        """Delete one Secure Marketing contact.

        ``DELETE /account/{account}/marketing/contacts/{contact_id}`` (operation
        ``deleteMarketingContact``). Evidence: added (LuxSci's public material does not show this
        operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Args:
            contact_id (int): Numeric id of the contact.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteMarketingContact", {"contact_id": contact_id})

    async def list_lists(
        self,
    ) -> builtins.list[m.ContactList]:
        """List the Secure Marketing contact lists.

        ``GET /account/{account}/marketing/lists`` (operation ``getMarketingContactLists``).
        Evidence: added (LuxSci's public material does not show this operation; its path and fields
        are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Returns:
            list[ContactList]: One ``ContactList`` per item: a Secure Marketing contact list.
        """
        return cast(
            "builtins.list[m.ContactList]", await self._call("getMarketingContactLists", {})
        )

    async def get_list(
        self,
        list_id: int,
    ) -> m.ContactList:
        """Fetch one Secure Marketing contact list.

        ``GET /account/{account}/marketing/lists/{list_id}`` (operation
        ``getMarketingContactList``). Evidence: added (LuxSci's public material does not show this
        operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Args:
            list_id (int): Numeric id of the contact list.

        Returns:
            ContactList: A Secure Marketing contact list.
        """
        return cast(
            "m.ContactList", await self._call("getMarketingContactList", {"list_id": list_id})
        )

    async def insert_list(
        self,
        name: str,
        *,
        description: str | Unset | None = UNSET,
    ) -> m.ContactList:
        """Create a Secure Marketing contact list.

        ``POST /account/{account}/marketing/lists`` (operation ``insertMarketingContactList``).
        Evidence: added (LuxSci's public material does not show this operation; its path and fields
        are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Not idempotent: after a failure that may have reached LuxSci it is not retried and raises
        ``OutcomeUnknownError``.

        Optional body fields left at ``UNSET`` (the default) are not sent; ``None`` sends ``null``.

        Args:
            name (str): Name of the list.
            description (str, optional): What the list is for.

        Returns:
            ContactList: A Secure Marketing contact list.
        """
        return cast(
            "m.ContactList",
            await self._call(
                "insertMarketingContactList", {"name": name, "description": description}
            ),
        )

    async def update_list(
        self,
        list_id: int,
        *,
        name: str | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
    ) -> None:
        """Rename or describe a Secure Marketing contact list.

        ``PUT /account/{account}/marketing/lists/{list_id}`` (operation
        ``updateMarketingContactList``). Evidence: added (LuxSci's public material does not show
        this operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Optional body fields left at ``UNSET`` (the default) are not sent, so an update changes only
        what you pass; ``None`` sends ``null``.

        Args:
            list_id (int): Numeric id of the contact list.
            name (str, optional): New name of the list.
            description (str, optional): What the list is for.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call(
            "updateMarketingContactList",
            {"list_id": list_id, "name": name, "description": description},
        )

    async def delete_list(
        self,
        list_id: int,
    ) -> None:
        """Delete a Secure Marketing contact list.

        ``DELETE /account/{account}/marketing/lists/{list_id}`` (operation
        ``deleteMarketingContactList``). Evidence: added (LuxSci's public material does not show
        this operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Args:
            list_id (int): Numeric id of the contact list.

        Returns:
            None: Any data in LuxSci's answer is ignored; a failure raises ``APIError``.
        """
        await self._call("deleteMarketingContactList", {"list_id": list_id})

    async def list_contacts_of_list(
        self,
        list_id: int,
    ) -> builtins.list[m.MarketingContact]:
        """Contacts' data of one contact list.

        ``GET /account/{account}/marketing/lists/{list_id}/contacts`` (operation
        ``getMarketingContactListContacts``). Evidence: added (LuxSci's public material does not
        show this operation; its path and fields are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Args:
            list_id (int): Numeric id of the contact list.

        Returns:
            list[MarketingContact]: One ``MarketingContact`` per item: a Secure Marketing contact;
                its custom data columns are in ``fields``.
        """
        return cast(
            "builtins.list[m.MarketingContact]",
            await self._call("getMarketingContactListContacts", {"list_id": list_id}),
        )

    async def statistics(
        self,
        *,
        list_id: int | None = None,
        from_date: datetime | date | None = None,
        through_date: datetime | date | None = None,
        after_date: datetime | date | None = None,
        before_date: datetime | date | None = None,
    ) -> m.MarketingStatistics:
        """Secure Marketing statistics, optionally for one list or period.

        ``GET /account/{account}/marketing/statistics`` (operation ``getMarketingStatistics``).
        Evidence: added (LuxSci's public material does not show this operation; its path and fields
        are invented to cover a required function).

        Note: LuxSci names a Secure Marketing API (account scope, acting through the Secure
        Marketing user linked to the integration) but publishes none of its paths or fields: all are
        invented.

        Optional query parameters left at ``None`` are not sent.

        Datetimes must be timezone-aware (a naive one is refused before anything is sent) and are
        sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of that day,
        except for an inclusive end such as ``through_date``, where it means the last.

        Args:
            list_id (int, optional): Only this contact list's statistics.
            from_date (datetime | date, optional): Only rows dated on or after this moment.
            through_date (datetime | date, optional): Only rows dated on or before this moment (a
                ``date`` means the end of that day).
            after_date (datetime | date, optional): Only rows dated strictly after this moment.
            before_date (datetime | date, optional): Only rows dated strictly before this moment.

        Returns:
            MarketingStatistics: Aggregate Secure Marketing counts, for one list or all, over a
                period.
        """
        return cast(
            "m.MarketingStatistics",
            await self._call(
                "getMarketingStatistics",
                {
                    "list_id": list_id,
                    "from_date": from_date,
                    "through_date": through_date,
                    "after_date": after_date,
                    "before_date": before_date,
                },
            ),
        )


class AccountAPI(ScopeAPI):
    """Account-scope endpoints: ``lux.account.<group>.<method>(...)``."""

    @cached_property
    def users(self) -> Users:
        """The ``users`` endpoints."""
        return Users(self)

    @cached_property
    def domains(self) -> Domains:
        """The ``domains`` endpoints."""
        return Domains(self)

    @cached_property
    def dkim(self) -> Dkim:
        """The ``dkim`` endpoints."""
        return Dkim(self)

    @cached_property
    def suppressions(self) -> Suppressions:
        """The ``suppressions`` endpoints."""
        return Suppressions(self)

    @cached_property
    def aliases(self) -> Aliases:
        """The ``aliases`` endpoints."""
        return Aliases(self)

    @cached_property
    def secure_forms(self) -> SecureForms:
        """The ``secure_forms`` endpoints."""
        return SecureForms(self)

    @cached_property
    def securesend(self) -> Securesend:
        """The ``securesend`` endpoints."""
        return Securesend(self)

    @cached_property
    def reports(self) -> Reports:
        """The ``reports`` endpoints."""
        return Reports(self)

    @cached_property
    def jobs(self) -> Jobs:
        """The ``jobs`` endpoints."""
        return Jobs(self)

    @cached_property
    def servers(self) -> Servers:
        """The ``servers`` endpoints."""
        return Servers(self)

    @cached_property
    def marketing(self) -> Marketing:
        """The ``marketing`` endpoints."""
        return Marketing(self)
