"""The route table: every LuxSci endpoint, declared once.

Paths are relative to :data:`~luxsci_async._assumptions.API_PREFIX`. Most of them were
reconstructed (see ``evidence``), so each lives on one line: correcting a path is a one-line
change here. ``deviation`` says why a method, path or field is what it is where that is not
evident, or why a route was added. Parameters shared by many routes, and their docs, are in
``params.py``; every parameter's ``doc`` ends up in the generated method's docstring.
"""

from __future__ import annotations

from typing import Any

from .._assumptions import AUTH_PATH
from ..models import (
    Alias,
    AppPassword,
    AutoResponder,
    Branding,
    ClickRow,
    ContactList,
    ContentLibraryEntry,
    ContentLibraryFile,
    DeliveryRow,
    Dkim,
    Domain,
    DomainTlsCheck,
    EmailStatistics,
    FeedbackLoopRow,
    Job,
    LoginUrl,
    MarketingContact,
    MarketingStatistics,
    OpenRow,
    RecipientEncryption,
    SecureForm,
    SecureFormFile,
    SecureFormRow,
    SecureSendUser,
    SendResult,
    SentRow,
    Server,
    ServerStatus,
    SmtpFailureRow,
    Suppression,
    SuppressionRow,
    User,
    UserProfile,
    UserSettings,
    WebAide,
    WebAideChanges,
    WebAideEntryResult,
)
from .params import (
    BODY,
    BODY_TYPE,
    CONTENT_DIR,
    CONTENT_FILE,
    DOMAIN_NAME,
    ENTRY_ID,
    FIELDS,
    FILE,
    FILTERS,
    FORM,
    FROM_ADDRESS,
    FROM_NAME,
    NAMESPACE_ID,
    NO_TLS_ONLY,
    PROFILE_FIELDS,
    RECIPIENTS,
    REPLY_ADDRESS,
    REPORT_QUERY,
    ROW,
    SECURESEND_EMAIL,
    SOURCE,
    SUBJECT,
    USER_LOGIN,
    WEBAIDE_ID,
    WEBAIDE_TYPE,
    assumed,
    entry_fields,
    path_id,
)
from .spec import Param, ReportSpec, Route, RouteTable, ScopeKind

ALIAS_ACTION = ("bounce", "email")
ALIAS = path_id("alias", doc="Full alias address, ``user@domain``.")
ALIAS_DEST = Param(
    name="dest", doc="Destination address(es) to forward to; needed when ``action`` is ``email``."
)
ALIAS_BOUNCE = Param(
    name="bounce",
    doc="Bounce setting, used when ``action`` is ``bounce`` (its meaning is not published).",
    assumed=True,
)
SECURESEND_DEVIATION = (
    "SecureSend users are addressed within a namespace by its numeric id; LuxSci's public "
    "material does not show where the namespace goes, so the ``namespaces/{namespace_id}`` "
    "segment is assumed"
)
MARKETING_DEVIATION = (
    "LuxSci names a Secure Marketing API (account scope, acting through the Secure Marketing "
    "user linked to the integration) but publishes none of its paths or fields: all are invented"
)
THROUGH_DATE_DEVIATION = (
    "the inclusive end of the date window is ``through_date``, the name LuxSci's reporting "
    "page gives it (not ``to_date``)"
)
SUPPRESSED_EMAIL = path_id("email", doc="The suppressed e-mail address (or the one to look up).")
JOB_ID = path_id("job_id", "int", doc="Numeric id of the job (``Job.job_id``).")
MARKETING_ID = path_id("contact_id", "int", doc="Numeric id of the contact.")
MARKETING_LIST_ID = path_id("list_id", "int", doc="Numeric id of the contact list.")
MESSAGE_FIELDS = (*RECIPIENTS, SUBJECT, BODY, BODY_TYPE, FROM_ADDRESS, FROM_NAME, REPLY_ADDRESS)


def _report(
    op: str, scope: ScopeKind, name: str, path: str, row: type[Any], summary: str, **kw: Any
) -> Route:
    """A paged report route: offset-paged by the paginator, filtered by the date window."""
    if scope == "account":
        kw.setdefault("deviation", THROUGH_DATE_DEVIATION)
    return Route(
        operation_id=op,
        scope=scope,
        group="reports",
        name=name,
        method="GET",
        path=path,
        summary=summary,
        query=REPORT_QUERY,
        report=ReportSpec(row=row),
        **kw,
    )


# --- account scope ------------------------------------------------------------------------

A = "/account/{account}"

ACCOUNT: tuple[Route, ...] = (
    # users
    Route(
        operation_id="getAccountUsers", scope="account", group="users", name="list",
        method="GET", path=f"{A}/users",
        summary="List every user login in the account with its profile and service metadata.",
        query=(
            Param(
                name="status",
                doc=(
                    "Only users in this state, e.g. ``enabled`` or ``disabled``; LuxSci does "
                    "not publish the full set."
                ),
            ),
            Param(name="domain", doc="Only users whose login is in this domain."),
            Param(
                name="younger_than", kind="int", unit="days", assumed=True,
                doc="Only users whose record is younger than this (an age).",
            ),
            Param(
                name="older_than", kind="int", unit="days", assumed=True,
                doc="Only users whose record is older than this (an age).",
            ),
        ),
        response=list[User], evidence="confirmed",
    ),
    Route(
        operation_id="createAccountUser", scope="account", group="users", name="create",
        method="POST", path=f"{A}/users",
        summary="Add a new user login (email account) to the account.",
        body=(
            Param(
                name="user", required=True, assumed=True,
                doc="Login of the new user: a full e-mail address in one of the account's domains.",
            ),
            Param(name="password", assumed=True, doc="Initial password of the login."),
            Param(name="contact", assumed=True, doc="Contact (display) name of the user."),
            FIELDS,
        ),
        response=User,
    ),
    Route(
        operation_id="deleteAccountUser", scope="account", group="users", name="delete",
        method="DELETE", path=f"{A}/users/{{user}}",
        summary="Remove a user login from the account.",
        path_params=(USER_LOGIN,),
    ),
    Route(
        operation_id="updateAccountUserSettings", scope="account", group="users", name="update",
        method="PUT", path=f"{A}/users/{{user}}",
        summary="Change settings, services and/or contact data of one user login.",
        path_params=(USER_LOGIN,),
        body=(
            *PROFILE_FIELDS,
            Param(
                name="disk_quota", kind="float",
                doc="Disk quota of the login; LuxSci does not publish the unit.",
            ),
            Param(
                name="services", kind="str_list",
                doc="Services enabled for the login (the names a user record lists in services).",
            ),
            FIELDS,
        ),
    ),
    Route(
        operation_id="renameAccountUser", scope="account", group="users", name="rename",
        method="PUT", path=f"{A}/users/{{user}}/rename",
        summary="Change the login name (email address) of an existing user.",
        path_params=(USER_LOGIN,),
        body=(
            Param(
                name="new_user", required=True, assumed=True,
                doc="The new login: a full e-mail address.",
            ),
        ),
    ),
    # domains
    Route(
        operation_id="createDomain", scope="account", group="domains", name="create",
        method="POST", path=f"{A}/domains",
        summary="Add a domain, subject to DNS, HIPAA and per-day API creation limits.",
        body=(
            Param(
                name="domain", required=True, positional=True, assumed=True,
                doc=(
                    "Domain to add: a subdomain, or a domain whose DNS you manage. In HIPAA "
                    "accounts it starts locked down for HIPAA; the API integration's create "
                    "limit caps how many domains may be added per 24 hours."
                ),
            ),
        ),
    ),
    Route(
        operation_id="getDomains", scope="account", group="domains", name="list",
        method="GET", path=f"{A}/domains",
        summary="List all domains in the account with their status flags.",
        response=list[Domain], evidence="confirmed",
    ),
    Route(
        operation_id="getDomain", scope="account", group="domains", name="get",
        method="GET", path=f"{A}/domains/{{domain}}",
        summary="Fetch the full configuration/details of one domain.",
        path_params=(DOMAIN_NAME,),
        response=Domain,
    ),
    Route(
        operation_id="updateDomain", scope="account", group="domains", name="update",
        method="PUT", path=f"{A}/domains/{{domain}}",
        summary="Change settings of an existing domain.",
        path_params=(DOMAIN_NAME,),
        body=(FIELDS,),
    ),
    Route(
        operation_id="deleteDomain", scope="account", group="domains", name="delete",
        method="DELETE", path=f"{A}/domains/{{domain}}",
        summary="Remove a domain from the account.",
        path_params=(DOMAIN_NAME,),
    ),
    # dkim
    Route(
        operation_id="createDkim", scope="account", group="dkim", name="create",
        method="POST", path=f"{A}/dkim",
        summary="Generate DKIM signing for a domain in the account.",
        body=(
            Param(
                name="domain", required=True, positional=True,
                doc="Domain of the account to sign mail for.",
            ),
        ),
        evidence="confirmed",
    ),
    Route(
        operation_id="getDkimReport", scope="account", group="dkim", name="list",
        method="GET", path=f"{A}/dkim",
        summary="List DKIM configurations for all domains in the account.",
        response=list[Dkim],
    ),
    Route(
        operation_id="getDkimDetails", scope="account", group="dkim", name="get",
        method="GET", path=f"{A}/dkim/{{domain}}",
        summary="Show the DKIM setup (keys / DNS record to publish) for one domain.",
        path_params=(DOMAIN_NAME,),
        response=Dkim, evidence="confirmed",
    ),
    Route(
        operation_id="deleteDkim", scope="account", group="dkim", name="delete",
        method="DELETE", path=f"{A}/dkim/{{domain}}",
        summary="Remove DKIM signing configuration for a domain.",
        path_params=(DOMAIN_NAME,),
    ),
    # suppressions
    Route(
        operation_id="createAccountSuppression", scope="account", group="suppressions",
        name="create", method="POST", path=f"{A}/suppressions",
        summary="Add an address to the account-wide outbound email suppression list.",
        body=(
            Param(
                name="email", required=True, positional=True, assumed=True,
                doc="Address no mail from the account should be sent to.",
            ),
        ),
    ),
    Route(
        operation_id="getAccountSuppression", scope="account", group="suppressions", name="get",
        method="GET", path=f"{A}/suppressions/{{email}}",
        summary="Check whether (and how) one address is suppressed account-wide.",
        path_params=(SUPPRESSED_EMAIL,),
        response=Suppression,
    ),
    Route(
        operation_id="deleteAccountSuppression", scope="account", group="suppressions",
        name="delete", method="DELETE", path=f"{A}/suppressions/{{email}}",
        summary="Take an address off the account-wide suppression list.",
        path_params=(SUPPRESSED_EMAIL,),
    ),
    # aliases
    Route(
        operation_id="createAlias", scope="account", group="aliases", name="create",
        method="POST", path=f"{A}/aliases",
        summary="Create an email alias that forwards to destination(s) or bounces.",
        body=(
            Param(name="user", required=True, doc="Local part of the alias address."),
            Param(name="domain", required=True, doc="Domain of the alias address."),
            Param(
                name="action", required=True, allowed=ALIAS_ACTION,
                doc="``email`` forwards to ``dest``; ``bounce`` refuses the mail.",
            ),
            ALIAS_DEST,
            ALIAS_BOUNCE,
        ),
        evidence="confirmed",
    ),
    Route(
        operation_id="getAliases", scope="account", group="aliases", name="list",
        method="GET", path=f"{A}/aliases",
        summary="List all aliases defined in the account.",
        response=list[Alias], evidence="confirmed",
    ),
    Route(
        operation_id="getAlias", scope="account", group="aliases", name="get",
        method="GET", path=f"{A}/aliases/{{alias}}",
        summary="Fetch the settings of a single alias.",
        path_params=(ALIAS,),
        response=Alias,
    ),
    Route(
        operation_id="updateAlias", scope="account", group="aliases", name="update",
        method="PUT", path=f"{A}/aliases/{{alias}}",
        summary="Change the action/destination/bounce settings of an existing alias.",
        path_params=(ALIAS,),
        body=(
            Param(
                name="action", allowed=ALIAS_ACTION,
                doc="``email`` forwards to ``dest``; ``bounce`` refuses the mail.",
            ),
            ALIAS_DEST,
            ALIAS_BOUNCE,
        ),
    ),
    Route(
        operation_id="deleteAlias", scope="account", group="aliases", name="delete",
        method="DELETE", path=f"{A}/aliases/{{alias}}",
        summary="Delete an alias.",
        path_params=(ALIAS,),
        evidence="confirmed",
    ),
    # secure forms
    Route(
        operation_id="getSecureFormList", scope="account", group="secure_forms", name="list",
        method="GET", path=f"{A}/secureforms",
        summary="List the SecureForm (HIPAA web form) definitions in the account.",
        response=list[SecureForm],
    ),
    Route(
        operation_id="getSecureForm", scope="account", group="secure_forms", name="get",
        method="GET", path=f"{A}/secureforms/{{form}}",
        summary="Fetch one SecureForm's configuration.",
        path_params=(FORM,),
        response=SecureForm,
    ),
    Route(
        operation_id="getSecureFormDatabaseRows", scope="account", group="secure_forms",
        name="list_rows", method="GET", path=f"{A}/secureforms/{{form}}/rows",
        summary="List the stored submissions (database rows) of a SecureForm.",
        path_params=(FORM,),
        query=(
            Param(
                name="first_row", kind="int", assumed=True,
                doc="0-based index of the first matching post to return (LuxSci's default 0).",
            ),
            Param(
                name="matches", kind="int", assumed=True,
                doc="Most posts to return, as for reports (up to 50,000).",
            ),
            Param(
                name="after_row", kind="int", assumed=True,
                doc=(
                    "Only posts whose row id is above this: pass the last id you stored to "
                    "fetch only newer posts."
                ),
            ),
            *REPORT_QUERY,
        ),
        response=list[SecureFormRow],
        deviation=(
            "``after_row`` (an assumed name) asks only for posts above a saved row id, for "
            "periodic synchronisation; the date window is the reports' one (``through_date``)"
        ),
    ),
    Route(
        operation_id="getSecureFormDatabaseRow", scope="account", group="secure_forms",
        name="get_row", method="GET", path=f"{A}/secureforms/{{form}}/rows/{{row}}",
        summary="Fetch one stored SecureForm submission.",
        path_params=(FORM, ROW),
        response=SecureFormRow,
    ),
    Route(
        operation_id="deleteSecureFormDatabaseRow", scope="account", group="secure_forms",
        name="delete_row", method="DELETE", path=f"{A}/secureforms/{{form}}/rows/{{row}}",
        summary="Delete one stored SecureForm submission.",
        path_params=(FORM, ROW),
    ),
    Route(
        operation_id="getSecureFormDatabaseFile", scope="account", group="secure_forms",
        name="get_file", method="GET",
        path=f"{A}/secureforms/{{form}}/rows/{{row}}/files/{{file}}",
        summary="Download a file that was uploaded with a SecureForm submission.",
        path_params=(FORM, ROW, FILE),
        response=SecureFormFile,
    ),
    Route(
        operation_id="deleteSecureFormDatabaseFile", scope="account", group="secure_forms",
        name="delete_file", method="DELETE",
        path=f"{A}/secureforms/{{form}}/rows/{{row}}/files/{{file}}",
        summary="Delete a file attached to a SecureForm submission.",
        path_params=(FORM, ROW, FILE),
    ),
    # securesend
    Route(
        operation_id="getSecureSendUserList", scope="account", group="securesend", name="list",
        method="GET", path=f"{A}/securesend/namespaces/{{namespace_id}}/users",
        summary="List the SecureSend (secure-message recipient portal) users in a namespace.",
        path_params=(NAMESPACE_ID,),
        response=list[SecureSendUser], deviation=SECURESEND_DEVIATION,
    ),
    Route(
        operation_id="createOrUpdateSecureSendUser", scope="account", group="securesend",
        name="upsert", method="PUT",
        path=f"{A}/securesend/namespaces/{{namespace_id}}/users/{{email}}",
        summary="Create a SecureSend user in the namespace, or update it if it exists.",
        path_params=(NAMESPACE_ID, SECURESEND_EMAIL),
        body=(
            Param(name="name", assumed=True, doc="Display name of the SecureSend user."),
            Param(name="password", assumed=True, doc="Password of the SecureSend user."),
            FIELDS,
        ),
        deviation=SECURESEND_DEVIATION,
    ),
    Route(
        operation_id="changeSecureSendUserPassword", scope="account", group="securesend",
        name="set_password", method="PUT",
        path=f"{A}/securesend/namespaces/{{namespace_id}}/users/{{email}}/password",
        summary="Set a new password for a SecureSend user.",
        path_params=(NAMESPACE_ID, SECURESEND_EMAIL),
        body=(
            Param(
                name="password", required=True, assumed=True,
                doc="The new password of the SecureSend user.",
            ),
        ),
        deviation=SECURESEND_DEVIATION,
    ),
    Route(
        operation_id="getSecureSendUserSingleSignOnLink", scope="account", group="securesend",
        name="sso_url", method="GET",
        path=f"{A}/securesend/namespaces/{{namespace_id}}/users/{{email}}/sso",
        summary="Obtain a one-time link that logs a SecureSend user straight into the portal.",
        path_params=(NAMESPACE_ID, SECURESEND_EMAIL),
        query=(
            Param(
                name="ip", assumed=True,
                doc="IP address of the client the link is made for (LuxSci binds such links).",
            ),
        ),
        response=LoginUrl, deviation=SECURESEND_DEVIATION,
    ),
    # reports
    _report(
        "getAccountReportEmailSmtpSent", "account", "sent_smtp", f"{A}/report/email/smtp/sent",
        SentRow, "Rows describing messages the account's users sent through SMTP.",
        evidence="confirmed",
    ),
    _report(
        "getAccountReportEmailWebmailSent", "account", "sent_webmail",
        f"{A}/report/email/webmail/sent",
        SentRow, "Rows describing messages the account's users sent from WebMail.",
        evidence="confirmed",
    ),
    _report(
        "getAccountReportEmailDeliveryStatus", "account", "delivery",
        f"{A}/report/email/{{source}}/delivery",
        DeliveryRow, "Per-recipient delivery status of messages sent via SMTP/API or WebMail.",
        path_params=(SOURCE,),
    ),
    _report(
        "getAccountReportEmailUrlClicks", "account", "clicks",
        f"{A}/report/email/{{source}}/clicks",
        ClickRow, "Tracked link clicks in messages sent by the account.",
        path_params=(SOURCE,),
    ),
    _report(
        "getAccountReportEmailOpens", "account", "opens", f"{A}/report/email/{{source}}/opens",
        OpenRow, "Tracked opens of messages sent by the account.",
        path_params=(SOURCE,),
    ),
    _report(
        "getAccountReportSmtpLoginFailures", "account", "smtp_failures",
        f"{A}/report/smtp/failures",
        SmtpFailureRow, "Failed or rejected SMTP logins against the account's logins.",
    ),
    _report(
        "getAccountReportEmailFeedbackLoops", "account", "fbl", f"{A}/report/email/{{source}}/fbl",
        FeedbackLoopRow, "Spam complaints received back from mailbox providers' feedback loops.",
        path_params=(SOURCE,),
    ),
    _report(
        "getAccountReportEmailSuppressions", "account", "suppressions",
        f"{A}/report/email/{{source}}/suppressions",
        SuppressionRow, "Addresses that were suppressed or unsubscribed, for the account's mail.",
        path_params=(SOURCE,),
    ),
    Route(
        operation_id="getAccountReportEmailStatistics", scope="account", group="reports",
        name="statistics", method="GET", path=f"{A}/report/email/statistics",
        summary="Summary counts of delivery, open, click, encryption and suppression status.",
        query=REPORT_QUERY,
        response=EmailStatistics, evidence="speculative", deviation=THROUGH_DATE_DEVIATION,
    ),
    # jobs
    Route(
        operation_id="getAccountJobs", scope="account", group="jobs", name="list",
        method="GET", path=f"{A}/jobs",
        summary="Status of the account's asynchronous (destination-upload) report jobs.",
        response=list[Job],
    ),
    Route(
        operation_id="getAccountJob", scope="account", group="jobs", name="get",
        method="GET", path=f"{A}/jobs/{{job_id}}",
        summary="Status/details of one asynchronous report job.",
        path_params=(JOB_ID,),
        response=Job, evidence="added",
        deviation="added to read one job's details at account scope; mirrors ``getUserJob``",
    ),
    # servers
    Route(
        operation_id="getAccountServers", scope="account", group="servers", name="list",
        method="GET", path=f"{A}/servers",
        summary="List all servers (shared and dedicated) that host the account's services.",
        response=list[Server],
    ),
    Route(
        operation_id="getAccountServersStatus", scope="account", group="servers", name="status",
        method="GET", path=f"{A}/servers/status",
        summary="Current health/status of the servers used by the account.",
        response=list[ServerStatus],
    ),
    Route(
        operation_id="getAccountServerStatus", scope="account", group="servers",
        name="get_status", method="GET", path=f"{A}/servers/{{server}}/status",
        summary="Current status of one server.",
        path_params=(path_id("server", doc="The server's name or id (``Server.server``)."),),
        response=ServerStatus, evidence="added",
        deviation="added to read one server's status; LuxSci shows only all servers' status",
    ),
    # secure marketing (all added)
    Route(
        operation_id="getMarketingContacts", scope="account", group="marketing",
        name="list_contacts", method="GET", path=f"{A}/marketing/contacts",
        summary="Contacts' data in aggregate; no filter returns all contacts of all lists.",
        query=(
            Param(name="list_id", kind="int", doc="Only contacts of this contact list."),
            Param(name="email", doc="Only the contact with this address."),
            Param(name="status", doc="Only contacts in this state (e.g. subscribed)."),
            FILTERS,
        ),
        response=list[MarketingContact], evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="getMarketingContact", scope="account", group="marketing",
        name="get_contact", method="GET", path=f"{A}/marketing/contacts/{{contact_id}}",
        summary="Fetch one Secure Marketing contact.",
        path_params=(MARKETING_ID,),
        response=MarketingContact, evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="insertMarketingContact", scope="account", group="marketing",
        name="insert_contact", method="POST", path=f"{A}/marketing/contacts",
        summary="Insert a contact, optionally adding it to contact lists.",
        body=(
            Param(name="email", required=True, positional=True, doc="The contact's address."),
            Param(name="first_name", doc="The contact's first name."),
            Param(name="last_name", doc="The contact's last name."),
            Param(name="list_ids", kind="any", doc="Ids of the contact lists to add it to."),
            FIELDS,
        ),
        response=MarketingContact, evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="updateMarketingContact", scope="account", group="marketing",
        name="update_contact", method="PUT", path=f"{A}/marketing/contacts/{{contact_id}}",
        summary="Update fields of one Secure Marketing contact.",
        path_params=(MARKETING_ID,),
        body=(
            Param(name="email", doc="The contact's address."),
            Param(name="first_name", doc="The contact's first name."),
            Param(name="last_name", doc="The contact's last name."),
            Param(name="status", doc="The contact's state (e.g. subscribed, unsubscribed)."),
            Param(name="list_ids", kind="any", doc="Ids of the contact lists it belongs to."),
            FIELDS,
        ),
        evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="deleteMarketingContact", scope="account", group="marketing",
        name="delete_contact", method="DELETE", path=f"{A}/marketing/contacts/{{contact_id}}",
        summary="Delete one Secure Marketing contact.",
        path_params=(MARKETING_ID,),
        evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="getMarketingContactLists", scope="account", group="marketing",
        name="list_lists", method="GET", path=f"{A}/marketing/lists",
        summary="List the Secure Marketing contact lists.",
        response=list[ContactList], evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="getMarketingContactList", scope="account", group="marketing",
        name="get_list", method="GET", path=f"{A}/marketing/lists/{{list_id}}",
        summary="Fetch one Secure Marketing contact list.",
        path_params=(MARKETING_LIST_ID,),
        response=ContactList, evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="insertMarketingContactList", scope="account", group="marketing",
        name="insert_list", method="POST", path=f"{A}/marketing/lists",
        summary="Create a Secure Marketing contact list.",
        body=(
            Param(name="name", required=True, positional=True, doc="Name of the list."),
            Param(name="description", doc="What the list is for."),
        ),
        response=ContactList, evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="updateMarketingContactList", scope="account", group="marketing",
        name="update_list", method="PUT", path=f"{A}/marketing/lists/{{list_id}}",
        summary="Rename or describe a Secure Marketing contact list.",
        path_params=(MARKETING_LIST_ID,),
        body=(
            Param(name="name", doc="New name of the list."),
            Param(name="description", doc="What the list is for."),
        ),
        evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="deleteMarketingContactList", scope="account", group="marketing",
        name="delete_list", method="DELETE", path=f"{A}/marketing/lists/{{list_id}}",
        summary="Delete a Secure Marketing contact list.",
        path_params=(MARKETING_LIST_ID,),
        evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="getMarketingContactListContacts", scope="account", group="marketing",
        name="list_contacts_of_list", method="GET",
        path=f"{A}/marketing/lists/{{list_id}}/contacts",
        summary="Contacts' data of one contact list.",
        path_params=(MARKETING_LIST_ID,),
        response=list[MarketingContact], evidence="added", deviation=MARKETING_DEVIATION,
    ),
    Route(
        operation_id="getMarketingStatistics", scope="account", group="marketing",
        name="statistics", method="GET", path=f"{A}/marketing/statistics",
        summary="Secure Marketing statistics, optionally for one list or period.",
        query=(
            Param(name="list_id", kind="int", doc="Only this contact list's statistics."),
            *REPORT_QUERY,
        ),
        response=MarketingStatistics, evidence="added", deviation=MARKETING_DEVIATION,
    ),
)  # fmt: skip

# --- user scope ---------------------------------------------------------------------------

U = "/user/{username}"
SECURELINE = f"{U}/email/compose/secureline"
WEBAIDE = f"{U}/webaides/{{webaide_type}}/{{webaide_id}}"

USER: tuple[Route, ...] = (
    # profile and settings
    Route(
        operation_id="getUser", scope="user", group="profile", name="get",
        method="GET", path=f"{U}/profile",
        summary="Read the user's contact information and general account metadata.",
        response=UserProfile, evidence="confirmed",
    ),
    Route(
        operation_id="updateUser", scope="user", group="profile", name="update",
        method="PUT", path=f"{U}/profile",
        summary="Update the user's contact information.",
        body=(*PROFILE_FIELDS, FIELDS),
    ),
    Route(
        operation_id="getUserSingleSignOnLoginURL", scope="user", group="profile",
        name="sso_url", method="GET", path=f"{U}/sso",
        summary="Create a one-click URL that logs the user into WebMail without credentials.",
        response=LoginUrl,
    ),
    Route(
        operation_id="getUserBrandingInformation", scope="user", group="profile",
        name="branding", method="GET", path=f"{U}/branding",
        summary="Return the private-label branding the user would see in WebMail.",
        response=Branding,
    ),
    Route(
        operation_id="getUserSettings", scope="user", group="profile", name="settings",
        method="GET", path=f"{U}/settings",
        summary="Return selected user preferences and settings (time zone, locale and similar).",
        response=UserSettings,
    ),
    Route(
        operation_id="getTimeZonesList", scope="user", group="profile", name="timezones",
        method="GET", path=f"{U}/timezones",
        summary="List every time zone name the system accepts.",
        response=list[str],
        returns="The time zone names, e.g. ``America/New_York``.",
    ),
    # credentials
    Route(
        operation_id="changeUserPassword", scope="user", group="credentials",
        name="set_password", method="PUT", path=f"{U}/password",
        summary="Change the user's login password.",
        body=(
            Param(
                name="password", required=True, positional=True, assumed=True,
                doc="The new password; the account's password-strength policy applies.",
            ),
        ),
    ),
    Route(
        operation_id="createAppSpecificPassword", scope="user", group="credentials",
        name="create_app_password", method="POST", path=f"{U}/app_passwords",
        summary="Create a new app-specific password for the user, returning the secret once.",
        body=(
            Param(
                name="description", assumed=True,
                doc="Label saying what the password is for (e.g. the mail program).",
            ),
            FIELDS,
        ),
        response=AppPassword,
    ),
    Route(
        operation_id="deleteAppSpecificPassword", scope="user", group="credentials",
        name="delete_app_password", method="DELETE",
        path=f"{U}/app_passwords/{{app_password_id}}",
        summary="Remove one of the user's app-specific passwords.",
        path_params=(
            path_id(
                "app_password_id", doc="Id of the app password (``AppPassword.app_password_id``)."
            ),
        ),
    ),
    Route(
        operation_id="listAppSpecificPasswords", scope="user", group="credentials",
        name="list_app_passwords", method="GET", path=f"{U}/app_passwords",
        summary="List all app-specific passwords/logins defined for the user.",
        response=list[AppPassword],
    ),
    # email settings and sending
    Route(
        operation_id="newEmailAutoResponder", scope="user", group="email",
        name="create_autoresponder", method="POST", path=f"{U}/email/autoresponders",
        summary="Create a new e-mail auto-responder for the user.",
        body=(
            entry_fields(
                "The auto-responder's fields (e.g. subject, body, date window), sent as the "
                "request body; LuxSci does not publish their names."
            ),
        ),
        response=AutoResponder,
    ),
    Route(
        operation_id="getEmailAutoResponders", scope="user", group="email",
        name="list_autoresponders", method="GET", path=f"{U}/email/autoresponders",
        summary="List all e-mail auto-responders owned by the user.",
        response=list[AutoResponder],
    ),
    Route(
        operation_id="deleteEmailAutoResponder", scope="user", group="email",
        name="delete_autoresponder", method="DELETE",
        path=f"{U}/email/autoresponders/{{autoresponder_id}}",
        summary="Delete one of the user's auto-responders.",
        path_params=(
            path_id(
                "autoresponder_id",
                doc="Id of the auto-responder (``AutoResponder.autoresponder_id``).",
            ),
        ),
    ),
    Route(
        operation_id="updateEmailForwarding", scope="user", group="email",
        name="update_forwarding", method="PUT", path=f"{U}/email/forwarding",
        summary="Change the user's e-mail forwarding settings, including deny/delete handling.",
        body=(
            entry_fields(
                "The forwarding settings (destinations, keep-a-copy, deny or delete), sent as "
                "the request body; LuxSci does not publish their names."
            ),
        ),
    ),
    Route(
        operation_id="sendEmail", scope="user", group="email", name="send",
        method="POST", path=f"{U}/email/smtp/send",
        summary="Queue one or more (optionally SecureLine-encrypted) messages via the SMTP proxy.",
        body=(
            *assumed(*RECIPIENTS[:1]),
            RECIPIENTS[1],
            *assumed(RECIPIENTS[2], SUBJECT),
            BODY,
            BODY_TYPE,
            FROM_ADDRESS,
            FROM_NAME,
            *assumed(REPLY_ADDRESS),
            Param(name="body_text", doc="Plain-text alternative, when ``body_type`` is ``html``."),
            Param(
                name="headers", kind="any",
                doc="Up to 10 custom headers added to the message (element shape not published).",
            ),
            Param(
                name="priority", kind="int", assumed=True,
                doc=(
                    "Queue priority from 0 (lowest) to 9 (highest); the integration's default "
                    "(4 unless changed) applies when left out. Secure High Volume Email "
                    "accounts only; LuxSci does not publish the parameter's name."
                ),
            ),
        ),
        response=SendResult, upload="attachments",
    ),
    # secureline helpers
    Route(
        operation_id="getDomainSmtpTlsCapability", scope="user", group="secureline",
        name="check_domain", method="GET", path=f"{SECURELINE}/tls/{{domain}}",
        summary="Check a domain's validity, MX records and SMTP TLS strength for SecureLine.",
        path_params=(path_id("domain", doc="Recipient domain to test, e.g. ``example.com``."),),
        response=DomainTlsCheck,
    ),
    Route(
        operation_id="retrieveSecureLineRecipientListEncryptionData", scope="user",
        group="secureline", name="check_recipients", method="POST",
        path=f"{SECURELINE}/recipients",
        summary="Which SecureLine encryption each recipient would get, without sending anything.",
        body=(
            Param(
                name="to", kind="str_list", positional=True, assumed=True,
                doc="Recipient addresses (To) to check.",
            ),
            *assumed(*RECIPIENTS[1:]),
            Param(
                name="no_tls_only", kind="bool", assumed=True,
                doc="Answer as if TLS-only delivery were not allowed.",
            ),
        ),
        response=list[RecipientEncryption], retry_safe=True,
    ),
    Route(
        operation_id="sendSecureEmailOrSecureText", scope="user", group="secureline",
        name="send", method="POST", path=f"{SECURELINE}/send",
        summary="Compose and send one SecureLine-encrypted e-mail (or SecureText message).",
        body=(
            *MESSAGE_FIELDS,
            Param(
                name="receipt", kind="bool",
                doc="Request a read receipt (always returned on first view of portal messages).",
            ),
            NO_TLS_ONLY,
        ),
        response=SendResult, upload="attachments", evidence="confirmed",
    ),
    # suppressions
    Route(
        operation_id="createUserSuppression", scope="user", group="suppressions",
        name="create", method="POST", path=f"{U}/suppressions",
        summary="Add an address to the suppression list that applies to all sending by this user.",
        body=(
            Param(
                name="email", required=True, positional=True, assumed=True,
                doc="Address none of the user's mail (Secure Marketing included) should go to.",
            ),
            FIELDS,
        ),
    ),
    Route(
        operation_id="deleteUserSuppression", scope="user", group="suppressions",
        name="delete", method="DELETE", path=f"{U}/suppressions/{{email}}",
        summary="Remove an address from the user's suppression list.",
        path_params=(SUPPRESSED_EMAIL,),
    ),
    Route(
        operation_id="getUserSuppression", scope="user", group="suppressions", name="get",
        method="GET", path=f"{U}/suppressions/{{email}}",
        summary="Look up whether/how an address is suppressed for this user.",
        path_params=(SUPPRESSED_EMAIL,),
        response=Suppression,
    ),
    # content library; directory and file routes share templates (the server tells them apart)
    Route(
        operation_id="createContentLibraryDirectory", scope="user", group="content_library",
        name="create_directory", method="POST", path=f"{U}/content_library/{{directory}}",
        summary="Create a new directory in the user's Content Library.",
        path_params=(CONTENT_DIR,),
    ),
    Route(
        operation_id="deleteContentLibraryDirectory", scope="user", group="content_library",
        name="delete_directory", method="DELETE", path=f"{U}/content_library/{{directory}}",
        summary="Delete an empty Content Library directory.",
        path_params=(CONTENT_DIR,),
    ),
    Route(
        operation_id="getContentLibraryDirectory", scope="user", group="content_library",
        name="list_directory", method="GET", path=f"{U}/content_library/{{directory}}",
        summary="List the files and sub-directories in a Content Library directory.",
        path_params=(CONTENT_DIR,),
        response=list[ContentLibraryEntry],
    ),
    Route(
        operation_id="uploadContentLibraryFile", scope="user", group="content_library",
        name="upload_file", method="POST", path=f"{U}/content_library/{{file_path}}",
        summary="Upload a file into the Content Library.",
        path_params=(CONTENT_FILE,),
        upload="file",
    ),
    Route(
        operation_id="getContentLibraryFile", scope="user", group="content_library",
        name="get_file", method="GET", path=f"{U}/content_library/{{file_path}}",
        summary="Download (or get metadata for) a Content Library file.",
        path_params=(CONTENT_FILE,),
        response=ContentLibraryFile,
    ),
    Route(
        operation_id="deleteContentLibraryFile", scope="user", group="content_library",
        name="delete_file", method="DELETE", path=f"{U}/content_library/{{file_path}}",
        summary="Delete a Content Library file.",
        path_params=(CONTENT_FILE,),
    ),
    # reports
    _report(
        "getUserEmailSentReportWebmail", "user", "sent_webmail", f"{U}/report/email/webmail/sent",
        SentRow, "Report of messages the user sent through WebMail in a date window.",
        evidence="confirmed",
    ),
    _report(
        "getUserEmailSentReportSmtp", "user", "sent_smtp", f"{U}/report/email/smtp/sent",
        SentRow, "Report of messages the user sent through SMTP (mail programs, devices, API).",
    ),
    _report(
        "getUserEmailDeliveryReport", "user", "delivery", f"{U}/report/email/{{source}}/delivery",
        DeliveryRow, "Per-recipient delivery status of each message the user sent.",
        path_params=(SOURCE,),
    ),
    Route(
        operation_id="getUserEmailStatisticsReport", scope="user", group="reports",
        name="statistics", method="GET", path=f"{U}/report/email/statistics",
        summary="Summary statistics of delivery, open, click, encryption and suppression status.",
        query=REPORT_QUERY,
        response=EmailStatistics,
    ),
    _report(
        "getUserEmailClicksReport", "user", "clicks", f"{U}/report/email/{{source}}/clicks",
        ClickRow, "Tracked URL clicks in messages sent by the user.",
        path_params=(SOURCE,),
    ),
    _report(
        "getUserEmailOpensReport", "user", "opens", f"{U}/report/email/{{source}}/opens",
        OpenRow, "Tracked opens of messages sent by the user.",
        path_params=(SOURCE,),
    ),
    _report(
        "getUserEmailFeedbackLoopReport", "user", "fbl", f"{U}/report/email/{{source}}/fbl",
        FeedbackLoopRow, "Spam complaints received through ISP feedback loops for the user's mail.",
        path_params=(SOURCE,),
    ),
    _report(
        "getUserEmailSuppressionsReport", "user", "suppressions",
        f"{U}/report/email/{{source}}/suppressions",
        SuppressionRow, "Addresses that were suppressed or unsubscribed for the user's sending.",
        path_params=(SOURCE,),
    ),
    _report(
        "getUserSmtpLoginFailuresReport", "user", "smtp_failures", f"{U}/report/smtp/failures",
        SmtpFailureRow, "Failed / rejected SMTP login attempts for the user.",
    ),
    # jobs
    Route(
        operation_id="getUserJobs", scope="user", group="jobs", name="list",
        method="GET", path=f"{U}/jobs",
        summary="List the user's asynchronous report jobs and their progress.",
        response=list[Job],
    ),
    Route(
        operation_id="getUserJob", scope="user", group="jobs", name="get",
        method="GET", path=f"{U}/jobs/{{job_id}}",
        summary="Status/details of one asynchronous report job.",
        path_params=(JOB_ID,),
        response=Job,
    ),
    # webaides
    Route(
        operation_id="getWebAides", scope="user", group="webaides", name="list",
        method="GET", path=f"{U}/webaides/{{webaide_type}}",
        summary="List all WebAides of one type that the user can access, with query filters.",
        path_params=(WEBAIDE_TYPE,),
        query=(FILTERS,),
        response=list[WebAide],
    ),
    Route(
        operation_id="newWebAide", scope="user", group="webaides", name="create",
        method="POST", path=f"{U}/webaides/{{webaide_type}}",
        summary="Create a new WebAide container (e.g. a calendar or address book).",
        path_params=(WEBAIDE_TYPE,),
        body=(
            Param(name="title", required=True, assumed=True, doc="Name of the new WebAide."),
            Param(name="description", assumed=True, doc="What the WebAide holds."),
            FIELDS,
        ),
        response=WebAide,
    ),
    Route(
        operation_id="deleteWebAide", scope="user", group="webaides", name="delete",
        method="DELETE", path=WEBAIDE,
        summary="Delete a WebAide container (and its entries).",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
    ),
    Route(
        operation_id="getWebAideEntry", scope="user", group="webaides", name="get_entry",
        method="GET", path=f"{WEBAIDE}/entries/{{entry_id}}",
        summary="Fetch one entry (contact, event, task, note or link) from a WebAide.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID, ENTRY_ID),
        response=dict[str, Any],
        returns="The entry, keyed by the WebAide type's case-sensitive field names.",
    ),
    Route(
        operation_id="newWebAideEntry", scope="user", group="webaides", name="create_entry",
        method="POST", path=f"{WEBAIDE}/entries",
        summary="Create one entry in a WebAide.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
        body=(
            entry_fields(
                "The entry, keyed by the WebAide type's case-sensitive field names (e.g. "
                '``{"Categories": "a;b"}``); ``"Unique ID"``, ``"Created"`` and '
                '``"Modified"`` are set by LuxSci.'
            ),
        ),
        response=WebAideEntryResult,
    ),
    Route(
        operation_id="updateWebAideEntry", scope="user", group="webaides", name="update_entry",
        method="PUT", path=f"{WEBAIDE}/entries/{{entry_id}}",
        summary="Update fields of one WebAide entry.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID, ENTRY_ID),
        body=(
            entry_fields(
                "The fields to change, keyed by the WebAide type's case-sensitive field names "
                "(whether the rest are kept is not published)."
            ),
        ),
    ),
    Route(
        operation_id="deleteWebAideEntry", scope="user", group="webaides", name="delete_entry",
        method="DELETE", path=f"{WEBAIDE}/entries/{{entry_id}}",
        summary="Delete one WebAide entry.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID, ENTRY_ID),
    ),
    Route(
        operation_id="getWebAideEntries", scope="user", group="webaides", name="list_entries",
        method="GET", path=f"{WEBAIDE}/entries",
        summary="List the entries of a WebAide.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
        query=(FILTERS,),
        response=list[dict[str, Any]],
        returns="The entries, each keyed by the WebAide type's case-sensitive field names.",
    ),
    Route(
        operation_id="newWebAideEntries", scope="user", group="webaides",
        name="create_entries", method="POST", path=f"{WEBAIDE}/entries/bulk",
        summary="Create many entries in one call.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
        body=(
            Param(
                name="entries", kind="any", required=True, assumed=True,
                doc="The new entries: a list of mappings keyed by field name.",
            ),
        ),
        response=list[WebAideEntryResult],
    ),
    Route(
        operation_id="updateWebAideEntries", scope="user", group="webaides",
        name="update_entries", method="PUT", path=f"{WEBAIDE}/entries/bulk",
        summary="Update many entries in one call.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
        body=(
            Param(
                name="entries", kind="any", required=True, assumed=True,
                doc='The changed entries: mappings keyed by field name, each with its "Unique ID".',
            ),
        ),
        response=list[WebAideEntryResult],
    ),
    Route(
        operation_id="deleteWebAideEntries", scope="user", group="webaides",
        name="delete_entries", method="DELETE", path=f"{WEBAIDE}/entries/bulk",
        summary="Delete many entries in one call.",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
        query=(
            Param(
                name="entry_ids", kind="str_list", required=True, assumed=True,
                doc="Ids of the entries to delete, sent comma-separated.",
            ),
        ),
        response=list[WebAideEntryResult],
    ),
    Route(
        operation_id="getWebAideEntriesChangedSince", scope="user", group="webaides",
        name="changes", method="GET", path=f"{WEBAIDE}/changes",
        summary="Entries added, updated or deleted since a given time (for synchronisation).",
        path_params=(WEBAIDE_TYPE, WEBAIDE_ID),
        query=(
            Param(
                name="since", kind="datetime", required=True, assumed=True,
                doc="The time of your last synchronisation.",
            ),
        ),
        response=WebAideChanges,
    ),
    # calendar
    Route(
        operation_id="getCalendarEntriesDateRange", scope="user", group="calendar",
        name="range", method="GET", path=f"{U}/webaides/calendars/{{webaide_id}}/range",
        summary="Calendar entries in a date range (a recurring entry if any instance is in it).",
        path_params=(
            path_id("webaide_id", "int", doc="Numeric id of the calendar WebAide."),
        ),
        query=(
            Param(
                name="start", kind="datetime", required=True, assumed=True,
                doc="Start of the date range.",
            ),
            Param(
                name="end", kind="datetime", required=True, assumed=True,
                doc="End of the date range.",
            ),
        ),
        response=list[dict[str, Any]],
        returns=(
            "The calendar entries, keyed by field name. A recurring entry comes once, not once "
            "per instance: expand its recurrence yourself."
        ),
    ),
)  # fmt: skip

# --- authentication -----------------------------------------------------------------------

AUTH: tuple[Route, ...] = (
    Route(
        operation_id="authentication", scope="auth", group="auth", name="authenticate",
        method="POST", path=AUTH_PATH,
        summary="Exchange API token + HMAC signature (and user login/password) for an auth code.",
        body=(
            Param(name="token", required=True, doc="Public API token of the integration."),
            Param(
                name="date", kind="int", required=True, unit="seconds since the Unix epoch",
                doc="The current time.",
            ),
            Param(
                name="signature", required=True,
                doc="Hex HMAC-SHA256 of the token and date (and login and password), keyed "
                "with the integration's secret.",
            ),
            Param(name="user", doc="Login of the user to act as (user-scope integrations)."),
            Param(name="password", wire="pass", doc="That user's password."),
        ),
        evidence="confirmed",
    ),
    Route(
        operation_id="revokeAuthentication", scope="auth", group="auth", name="revoke",
        method="DELETE", path=AUTH_PATH,
        summary="Log out: invalidate the current authentication session and its auth codes.",
    ),
)  # fmt: skip

ROUTES = RouteTable(
    AUTH + ACCOUNT + USER,
    excluded={
        "oauthToken": (
            "OAuth 2.0 token endpoint: its path, verb and fields are not published; the SDK "
            "implements the 'LuxSci Secure' mechanism (token, HMAC signature, cookie) only"
        ),
    },
)
"""The single source of truth for every endpoint."""

__all__ = ["ROUTES"]
