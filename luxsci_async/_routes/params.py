"""Parameters shared by many routes, and the method arguments the SDK adds, with their docs.

The route table (``table.py``) takes its recurring parameters from here, so each is
described once; the code generator renders these texts into the endpoint methods'
docstrings and the route reference.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._assumptions import REPORT_MAX_MATCHES
from .._defaults import MAX_CONCURRENCY, PAGE_SIZE
from .spec import Param, ParamKind


def path_id(name: str, kind: ParamKind = "str", **kw: Any) -> Param:
    """A required path parameter accepted as the method's first positional argument."""
    return Param(name=name, kind=kind, required=True, positional=True, **kw)


def assumed(*params: Param) -> tuple[Param, ...]:
    """The same parameters, marked as reconstructed for a route whose evidence is weaker."""
    return tuple(attrs.evolve(p, assumed=True) for p in params)


# --- reports and date windows -------------------------------------------------------------

REPORT_QUERY: tuple[Param, ...] = (
    Param(name="from_date", kind="datetime", doc="Only rows dated on or after this moment."),
    Param(
        name="through_date",
        kind="datetime",
        doc="Only rows dated on or before this moment (a ``date`` means the end of that day).",
    ),
    Param(name="after_date", kind="datetime", doc="Only rows dated strictly after this moment."),
    Param(name="before_date", kind="datetime", doc="Only rows dated strictly before this moment."),
)
"""The date window of every report; the paginator owns ``first_row`` and ``matches``."""

DATETIME_NOTE = (
    "Datetimes must be timezone-aware (a naive one is refused before anything is sent) and "
    "are sent as ``YYYY-MM-DD HH:MM:SS`` in GMT; a plain ``date`` means the first second of "
    "that day, except for an inclusive end such as ``through_date``, where it means the last."
)
"""Said once in the docstring of every method that takes a datetime."""

SOURCE = Param(
    name="source",
    required=True,
    allowed=("smtp", "webmail"),
    doc="Sending channel the report covers: SMTP (mail programs, devices, the API) or WebMail.",
)

REPORT_RETURNS = (
    "The report, not yet requested. ``async for row in report`` fetches the first page alone, "
    "then up to ``concurrency`` pages at a time, and yields every row in order; "
    "``report.pages()`` yields whole pages, ``await report.count()`` asks only for the "
    "number of rows, and ``await report.export(destination=...)`` runs the report as a "
    "background job that uploads a CSV. Without ``through_date`` or ``before_date`` the "
    "window's end is fixed when the pull starts, so rows arriving meanwhile do not shift "
    "the pages."
)
"""The ``Returns`` text of every report method."""

METHOD_ARGS: Mapping[str, Param] = {
    "page_size": Param(
        name="page_size",
        kind="int",
        doc=(
            f"Rows per request, 1 to {REPORT_MAX_MATCHES:,} (LuxSci's maximum); ``None`` uses "
            f"{PAGE_SIZE:,}. At most ``concurrency`` x ``page_size`` rows are held at once."
        ),
    ),
    "concurrency": Param(
        name="concurrency",
        kind="int",
        doc=(
            "Pages requested at once after the first; ``None`` uses the session's "
            f"``max_concurrency`` ({MAX_CONCURRENCY} by default)."
        ),
    ),
    "start_row": Param(
        name="start_row",
        kind="int",
        doc=(
            "0-based index of the first row to fetch. The ``resume_row`` of a "
            "``PaginationError`` continues a failed pull without losing or repeating rows."
        ),
    ),
    "attachments": Param(
        name="attachments",
        kind="any",
        doc=(
            "Files to attach, as ``Attachment(name, content)``: each is sent as a multipart "
            "``files`` part and named in the JSON request with the SHA-256 of its content."
        ),
    ),
    "content": Param(
        name="content",
        kind="any",
        required=True,
        doc=(
            "The file's bytes, uploaded as one multipart ``files`` part named after the last "
            "segment of ``file_path``."
        ),
    ),
}
"""Arguments the SDK adds to some methods (reports, uploads): they are not sent as given."""

# --- open-ended bodies and filters --------------------------------------------------------

FIELDS = Param(
    name="fields",
    kind="mapping",
    merge=True,
    doc=(
        "Further keys merged into the request body as given, for fields this method does not "
        "name (a key may not repeat a keyword argument)."
    ),
)
FILTERS = Param(
    name="filters",
    kind="mapping",
    merge=True,
    doc="Further query filters, sent as given; LuxSci does not publish their names.",
)


def entry_fields(doc: str) -> Param:
    """A required open-ended body: the whole request is the caller's mapping."""
    return Param(name="fields", kind="mapping", merge=True, required=True, doc=doc)


# --- user records -------------------------------------------------------------------------

USER_LOGIN = path_id("user", doc="The user's login: a full e-mail address.")
DOMAIN_NAME = path_id("domain", doc="Domain name, e.g. ``example.com``.")

_PROFILE_DOCS = {
    "contact": "Contact (display) name.",
    "company": "Company name.",
    "street1": "Street address, first line.",
    "street2": "Street address, second line.",
    "city": "City.",
    "state": "State or province.",
    "zip": "Postal code.",
    "country": "Country.",
    "phone1": "Main phone number.",
    "phone2": "Second phone number.",
    "fax": "Fax number.",
    "sms": "Mobile number for text messages.",
    "email2": "Secondary contact e-mail address (``email1`` is the login itself).",
    "custom1": "Custom field 1, free text for the account's own use.",
    "custom2": "Custom field 2.",
    "custom3": "Custom field 3.",
}
PROFILE_FIELDS: tuple[Param, ...] = tuple(
    Param(name=name, doc=doc) for name, doc in _PROFILE_DOCS.items()
)
"""Contact data of a login: the keys a user record carries (``User``), each optional."""

# --- messages -----------------------------------------------------------------------------

BODY_TYPE = Param(
    name="body_type",
    allowed=("text", "html"),
    doc="Format of ``body``; LuxSci's default is text.",
)
RECIPIENTS: tuple[Param, ...] = (
    Param(name="to", kind="str_list", doc="Recipient addresses (To)."),
    Param(name="cc", kind="str_list", doc="Carbon-copy recipient addresses (Cc)."),
    Param(name="bcc", kind="str_list", doc="Blind-copy recipient addresses (Bcc)."),
)
SUBJECT = Param(
    name="subject",
    required=True,
    doc="Subject line, at most 1000 characters; LuxSci trims surrounding spaces.",
)
BODY = Param(
    name="body",
    required=True,
    doc=(
        "Message text, or an HTML fragment (the content of ``<body>``) when ``body_type`` is "
        "``html``."
    ),
)
FROM_ADDRESS = Param(
    name="from_address", doc="Sender address; LuxSci defaults to the sending user's login."
)
FROM_NAME = Param(
    name="from_name",
    doc="Sender's display name, at most 100 characters; defaults to the profile's contact name.",
)
REPLY_ADDRESS = Param(name="reply_address", doc="Reply-To address; defaults to the sender.")
NO_TLS_ONLY = Param(
    name="no_tls_only",
    kind="bool",
    doc=(
        "Never deliver by TLS alone: a recipient whose server would get the message over TLS "
        "gets another SecureLine method (e.g. the secure portal) instead."
    ),
)

# --- SecureSend, Secure Forms, WebAides, Content Library ------------------------------------

NAMESPACE_ID = path_id(
    "namespace_id", "int", doc="Numeric id of the SecureSend namespace (its user directory)."
)
SECURESEND_EMAIL = Param(
    name="email", required=True, doc="E-mail address of the SecureSend user, as their login."
)
FORM = path_id("form", doc="Id of the SecureForm (``SecureForm.form_id``).")
ROW = Param(
    name="row", required=True, doc="Id of the stored submission (``SecureFormRow.row_id``)."
)
FILE = Param(name="file", required=True, doc="Id or name of a file uploaded with the submission.")

WEBAIDE_TYPES = ("calendars", "tasks", "addressbooks", "notes", "links")
WEBAIDE_TYPE = Param(
    name="webaide_type",
    required=True,
    allowed=WEBAIDE_TYPES,
    positional=True,
    doc=(
        "Kind of WebAide (address books hold contacts). The API integration must be granted "
        "each kind separately, possibly read-only."
    ),
)
WEBAIDE_ID = Param(
    name="webaide_id",
    kind="int",
    required=True,
    doc="Numeric id of the WebAide (``WebAide.webaide_id`` from ``webaides.list``).",
)
ENTRY_ID = Param(
    name="entry_id",
    kind="int",
    required=True,
    doc='Numeric id of the entry: its ``"Unique ID"`` field.',
)

CONTENT_DIR = Param(
    name="directory",
    required=True,
    multi_segment=True,
    positional=True,
    doc="Directory path inside the Content Library; may contain ``/``.",
)
CONTENT_FILE = Param(
    name="file_path",
    required=True,
    multi_segment=True,
    positional=True,
    doc="File path inside the Content Library, file name included; may contain ``/``.",
)
