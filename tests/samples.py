"""Realistic ``data`` payloads for every route, keyed by operation id.

Each value is what the server puts under ``data`` (``None`` where no data is expected);
report routes carry ``{"header": [...], "rows": [[...], ...], "total_rows": N}``.
"""

from __future__ import annotations

from typing import Any

_USER: dict[str, Any] = {
    "uid": 40211,
    "user": "jane@example.com",
    "domainname": "example.com",
    "status": "enabled",
    "contact": "Jane Doe",
    "company": "Example Clinic",
    "street1": "1 Main St",
    "street2": "",
    "city": "Boston",
    "state": "MA",
    "zip": "02110",
    "country": "US",
    "phone1": "+1 617 555 0100",
    "phone2": "",
    "fax": "",
    "sms": "",
    "email1": "jane@example.com",
    "email2": "jane.doe@gmail.example",
    "custom1": "dept-7",
    "custom2": "",
    "custom3": "",
    "flags": ["hipaa"],
    "services": ["email", "webmail", "secureline"],
    "disk_quota": 10.5,
    "disk_usage": "1.25",
    "over_quota": 0,
    "created": "2021-04-08 13:46:02",
    "modified": "2024-01-15 09:00:00",
    "last_access_date": "2024-03-01 17:22:10",
}
_DOMAIN = {
    "id": 901,
    "domain": "example.com",
    "is_enabled": 1,
    "is_verified": 1,
    "is_hipaa": 0,
    "users": 12,
}
_DKIM = {
    "domain": "example.com",
    "selector": "lux1",
    "public_key": "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu",
    "dns_record": 'lux1._domainkey.example.com TXT "v=DKIM1; k=rsa; p=MIIBIjAN"',
    "status": "active",
    "is_enabled": 1,
    "created": "2023-06-01 10:00:00",
}
_ALIAS = {
    "alias": "info@example.com",
    "user": "info",
    "domain": "example.com",
    "status": "enabled",
    "action": "email",
    "dest": "jane@example.com",
    "type": "alias",
    "created": "2022-02-02 02:02:02",
}
_SUPPRESSION = {
    "email": "bounce@remote.example",
    "suppressed": 1,
    "reason": "hard bounce",
    "source": "api",
    "created": "2024-02-10 08:15:00",
}
_FORM = {
    "form_id": "contact-us",
    "name": "Contact us",
    "title": "Contact our clinic",
    "url": "https://secureform.example.com/contact-us",
    "is_enabled": 1,
    "rows": 42,
    "created": "2022-05-05 12:00:00",
}
_FILE = {
    "file_id": "7",
    "name": "referral.pdf",
    "content_type": "application/pdf",
    "size": 18234,
}
_ROW = {
    "row_id": 1042,
    "created": "2024-03-02 11:00:00",
    "ip": "198.51.100.7",
    "fields": {"name": "John Roe", "email": "john@remote.example", "message": "Hello"},
    "files": [_FILE],
}
_SS_USER = {
    "email": "patient@remote.example",
    "name": "Pat Ient",
    "namespace_id": 315,
    "status": "active",
    "is_enabled": 1,
    "created": "2023-09-09 09:09:09",
    "last_login": "2024-03-03 03:03:03",
}
_LOGIN_URL = {
    "url": "https://webmail.example.com/sso?t=8f14e45fceea167a5a36dedd4bea2543",
    "expires": "2024-03-04 12:05:00",
}
_JOB = {
    "job_id": 5521,
    "filename": "delivery-20240301.csv",
    "created": "2024-03-01 00:00:05",
    "updated": "2024-03-01 00:03:10",
    "completed": "2024-03-01 00:03:10",
    "status": "complete",
    "status_detail": "",
    "expected_rows": 120000,
    "completed_rows": 120000,
    "uid": 0,
    "current_jobs": 1,
    "max_jobs": 3,
}
_SERVER = {
    "server": "mail12",
    "hostname": "mail12.luxsci.net",
    "ip": "203.0.113.12",
    "type": "smtp",
    "dedicated": 0,
    "services": ["smtp", "imap"],
}
_SERVER_STATUS = {
    "server": "mail12",
    "hostname": "mail12.luxsci.net",
    "status": "ok",
    "status_detail": "all services responding",
    "load": 0.42,
    "checked": "2024-03-04 12:00:00",
}
_CONTACT = {
    "contact_id": 88,
    "email": "subscriber@remote.example",
    "first_name": "Sam",
    "last_name": "Scriber",
    "status": "subscribed",
    "list_ids": [3, 4],
    "fields": {"city": "Austin"},
    "created": "2023-01-01 00:00:00",
}
_LIST = {
    "list_id": 3,
    "name": "Newsletter",
    "description": "Monthly news",
    "contacts": 1250,
    "created": "2022-12-12 12:12:12",
}
_APP_PASSWORD = {
    "app_password_id": "ap-17",
    "login": "jane@example.com#phone",
    "description": "Phone mail app",
    "services": ["imap", "smtp"],
    "created": "2024-01-01 08:00:00",
}
_AUTORESPONDER = {
    "autoresponder_id": "ar-2",
    "subject": "Out of office",
    "body": "I am away until Monday.",
    "is_enabled": 1,
    "start_date": "2024-03-01 00:00:00",
    "end_date": "2024-03-08 00:00:00",
    "frequency": 1,
}
_WEBAIDE = {
    "webaide_id": 77,
    "type": "calendars",
    "title": "Clinic schedule",
    "owner": "jane@example.com",
    "webaide_permission": ["read", "create", "edit_self"],
    "entries": 14,
}
_ENTRY = {
    "Unique ID": 3001,
    "Title": "Staff meeting",
    "Start Date": "2024-03-05 15:00:00",
    "End Date": "2024-03-05 16:00:00",
    "Categories": "work;weekly",
    "Created": "2024-02-01 10:00:00",
}
_ENTRY_RESULT = {"entry_id": 3001, "success": 1}
_STATS = {
    "messages": 1200,
    "recipients": 1500,
    "delivered": 1480,
    "deferred": 5,
    "bounced": 15,
    "opened": 700,
    "clicked": 120,
    "encrypted": 1500,
    "tls": 1300,
    "escrow": 200,
    "suppressed": 3,
    "from_date": "2024-03-01 00:00:00",
    "through_date": "2024-03-31 23:59:59",
}
_SEND_RESULT = {
    "message_id": "<20240304120000.1@example.com>",
    "queue_id": "4TqP1x0",
    "recipients": 2,
}


def _report(header: list[str], *rows: list[Any]) -> dict[str, Any]:
    return {"header": header, "rows": [list(r) for r in rows], "total_rows": len(rows)}


_J = "jane@example.com"
_M1, _M2 = "<a1@example.com>", "<a2@example.com>"
_URL = "https://example.com/offer"
_UA = "Mozilla/5.0"

_SENT = _report(
    ["date", "message_id", "sender", "user", "recipients", "subject", "size", "encryption"],
    ["2024-03-01 10:00:00", _M1, _J, _J, 2, "Hi", 2048, "tls"],
    ["2024-03-01 10:05:00", _M2, _J, _J, 1, "Re: Hi", 1024, "escrow"],
)
_DELIVERY = _report(
    ["date", "message_id", "sender", "recipient", "status", "status_detail", "encryption"],
    ["2024-03-01 10:00:01", _M1, _J, "a@x.org", "delivered", "250 OK", "tls"],
    ["2024-03-01 10:00:02", _M1, _J, "b@y.org", "bounced", "550 no such user", "none"],
)
_CLICKS = _report(
    ["date", "message_id", "sender", "recipient", "url", "clicked", "ip", "user_agent"],
    ["2024-03-01 11:00:00", _M1, _J, "a@x.org", _URL, 1, "192.0.2.1", _UA],
    [None, _M1, _J, "b@y.org", _URL, 0, None, None],
)
_OPENS = _report(
    ["date", "message_id", "sender", "recipient", "ip", "user_agent"],
    ["2024-03-01 12:00:00", _M1, _J, "a@x.org", "192.0.2.1", _UA],
)
_FBL = _report(
    ["date", "message_id", "sender", "recipient", "provider", "feedback_type"],
    ["2024-03-02 08:00:00", _M2, _J, "c@mail.example", "Yahoo", "abuse"],
)
_SUPPRESSIONS = _report(
    ["date", "email", "sender", "reason", "message_id"],
    ["2024-03-02 09:00:00", "b@y.org", _J, "hard bounce", _M1],
    ["2024-03-02 09:30:00", "d@z.org", _J, "unsubscribe", _M2],
)
_SMTP_FAILURES = _report(
    ["date", "user", "ip", "reason"],
    ["2024-03-03 01:02:03", _J, "203.0.113.99", "bad password"],
)

SAMPLES: dict[str, Any] = {
    # auth
    "authentication": None,
    "revokeAuthentication": None,
    # account: users
    "getAccountUsers": [_USER, {**_USER, "uid": 40212, "user": "bob@example.com"}],
    "createAccountUser": {"uid": 40213, "user": "new@example.com", "status": "enabled"},
    "deleteAccountUser": None,
    "updateAccountUserSettings": None,
    "renameAccountUser": None,
    # domains
    "createDomain": None,
    "getDomains": [_DOMAIN, {"gid": 902, "domain": "example.org", "is_enabled": "1"}],
    "getDomain": {**_DOMAIN, "created": "2020-01-01 00:00:00", "mx": ["mx1.luxsci.net"]},
    "updateDomain": None,
    "deleteDomain": None,
    # dkim
    "createDkim": None,
    "getDkimReport": [_DKIM],
    "getDkimDetails": _DKIM,
    "deleteDkim": None,
    # suppressions
    "createAccountSuppression": None,
    "getAccountSuppression": _SUPPRESSION,
    "deleteAccountSuppression": None,
    # aliases
    "createAlias": None,
    "getAliases": [_ALIAS, {**_ALIAS, "alias": "junk@example.com", "action": "bounce"}],
    "getAlias": _ALIAS,
    "updateAlias": None,
    "deleteAlias": None,
    # secure forms
    "getSecureFormList": [_FORM],
    "getSecureForm": {**_FORM, "fields": ["name", "email", "message"]},
    "getSecureFormDatabaseRows": [_ROW, {**_ROW, "row_id": 1043, "files": []}],
    "getSecureFormDatabaseRow": _ROW,
    "deleteSecureFormDatabaseRow": None,
    "getSecureFormDatabaseFile": {**_FILE, "content": "JVBERi0xLjQK"},
    "deleteSecureFormDatabaseFile": None,
    # securesend
    "getSecureSendUserList": [_SS_USER],
    "createOrUpdateSecureSendUser": None,
    "changeSecureSendUserPassword": None,
    "getSecureSendUserSingleSignOnLink": _LOGIN_URL,
    # reports (account)
    "getAccountReportEmailSmtpSent": _SENT,
    "getAccountReportEmailWebmailSent": _SENT,
    "getAccountReportEmailDeliveryStatus": _DELIVERY,
    "getAccountReportEmailUrlClicks": _CLICKS,
    "getAccountReportEmailOpens": _OPENS,
    "getAccountReportSmtpLoginFailures": _SMTP_FAILURES,
    "getAccountReportEmailFeedbackLoops": _FBL,
    "getAccountReportEmailSuppressions": _SUPPRESSIONS,
    "getAccountReportEmailStatistics": _STATS,
    # jobs
    "getAccountJobs": [_JOB, {**_JOB, "job_id": 5522, "status": "running", "completed": None}],
    "getAccountJob": _JOB,
    # servers
    "getAccountServers": [_SERVER],
    "getAccountServersStatus": [_SERVER_STATUS],
    "getAccountServerStatus": _SERVER_STATUS,
    # marketing
    "getMarketingContacts": [_CONTACT, {**_CONTACT, "contact_id": 89, "list_ids": [4]}],
    "getMarketingContact": _CONTACT,
    "insertMarketingContact": _CONTACT,
    "updateMarketingContact": None,
    "deleteMarketingContact": None,
    "getMarketingContactLists": [_LIST],
    "getMarketingContactList": _LIST,
    "insertMarketingContactList": _LIST,
    "updateMarketingContactList": None,
    "deleteMarketingContactList": None,
    "getMarketingContactListContacts": [_CONTACT],
    "getMarketingStatistics": {
        "contacts": 1300,
        "lists": 2,
        "subscribed": 1250,
        "unsubscribed": 40,
        "bounced": 10,
        "sent": 5000,
        "delivered": 4950,
        "opened": 2100,
        "clicked": 400,
        "complaints": 1,
    },
    # user: profile
    "getUser": _USER,
    "updateUser": None,
    "getUserSingleSignOnLoginURL": _LOGIN_URL,
    "getUserBrandingInformation": {
        "company_name": "Example Health",
        "product_name": "Example Secure Mail",
        "logo_url": "https://brand.example.com/logo.png",
        "primary_color": "#004488",
        "support_email": "help@example.com",
        "webmail_url": "https://webmail.example.com/",
    },
    "getUserSettings": {"timezone": "America/New_York", "language": "en", "date_format": "Y-m-d"},
    "getTimeZonesList": ["America/New_York", "Europe/London", "UTC"],
    # credentials
    "changeUserPassword": None,
    "createAppSpecificPassword": {**_APP_PASSWORD, "password": "xkcd-correct-horse"},
    "deleteAppSpecificPassword": None,
    "listAppSpecificPasswords": [_APP_PASSWORD],
    # email
    "newEmailAutoResponder": {"autoresponder_id": "ar-3"},
    "getEmailAutoResponders": [_AUTORESPONDER],
    "deleteEmailAutoResponder": None,
    "updateEmailForwarding": None,
    "sendEmail": _SEND_RESULT,
    # secureline
    "getDomainSmtpTlsCapability": {
        "domain": "y.org",
        "valid": 1,
        "mx_ok": 1,
        "mx_hosts": ["mx1.y.org", "mx2.y.org"],
        "tls": 1,
        "tls_version": "TLSv1.3",
        "secureline_tls_ok": 1,
    },
    "retrieveSecureLineRecipientListEncryptionData": [
        {"address": "a@x.org", "method": "tls", "tls_only": 1},
        {"address": "b@y.org", "method": "escrow", "requires_password": 1},
    ],
    "sendSecureEmailOrSecureText": {**_SEND_RESULT, "encryption": "escrow"},
    # suppressions (user)
    "createUserSuppression": None,
    "deleteUserSuppression": None,
    "getUserSuppression": _SUPPRESSION,
    # content library
    "createContentLibraryDirectory": None,
    "deleteContentLibraryDirectory": None,
    "getContentLibraryDirectory": [
        {"name": "logos", "path": "/images/logos", "type": "directory"},
        {
            "name": "header.png",
            "path": "/images/header.png",
            "type": "file",
            "size": 5120,
            "modified": "2024-01-01 00:00:00",
        },
    ],
    "uploadContentLibraryFile": None,
    "getContentLibraryFile": {
        "name": "header.png",
        "path": "/images/header.png",
        "size": 5120,
        "content_type": "image/png",
        "hash": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "content": "iVBORw0KGgo=",
    },
    "deleteContentLibraryFile": None,
    # reports (user)
    "getUserEmailSentReportWebmail": _SENT,
    "getUserEmailSentReportSmtp": _SENT,
    "getUserEmailDeliveryReport": _DELIVERY,
    "getUserEmailStatisticsReport": _STATS,
    "getUserEmailClicksReport": _CLICKS,
    "getUserEmailOpensReport": _OPENS,
    "getUserEmailFeedbackLoopReport": _FBL,
    "getUserEmailSuppressionsReport": _SUPPRESSIONS,
    "getUserSmtpLoginFailuresReport": _SMTP_FAILURES,
    # jobs (user)
    "getUserJobs": [{**_JOB, "uid": 40211}],
    "getUserJob": {**_JOB, "uid": 40211, "status": "failed", "status_detail": "upload refused"},
    # webaides
    "getWebAides": [_WEBAIDE, {**_WEBAIDE, "webaide_id": 78, "title": "Holidays"}],
    "newWebAide": {"webaide_id": 79, "type": "calendars", "title": "On call"},
    "deleteWebAide": None,
    "getWebAideEntry": _ENTRY,
    "newWebAideEntry": _ENTRY_RESULT,
    "updateWebAideEntry": None,
    "deleteWebAideEntry": None,
    "getWebAideEntries": [_ENTRY, {**_ENTRY, "Unique ID": 3002, "Title": "Review"}],
    "newWebAideEntries": [_ENTRY_RESULT, {"entry_id": 3003, "success": 1}],
    "updateWebAideEntries": [_ENTRY_RESULT],
    "deleteWebAideEntries": [_ENTRY_RESULT, {"entry_id": 3004, "success": 0, "error": "not found"}],
    "getWebAideEntriesChangedSince": {
        "added": [_ENTRY],
        "updated": [],
        "deleted": [2999],
        "as_of": "2024-03-04 12:00:00",
    },
    # calendar
    "getCalendarEntriesDateRange": [{**_ENTRY, "Recurrence": "FREQ=WEEKLY;BYDAY=TU"}],
}
