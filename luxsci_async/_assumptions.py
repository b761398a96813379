"""Every assumption about the LuxSci wire format, named and kept in one place.

LuxSci's public documentation is silent on several details of the wire format. Each
constant below is one of those assumptions (or a fact they rest on); the client, the
paginator and the emulator all read them from here, so a correction is one edit. The
emulator must not import the client's signer, but it does share these *facts* about the
wire format.
"""

from __future__ import annotations

from typing import Final

# --- Paths ---------------------------------------------------------------------------------
API_PREFIX: Final = "/perl/api/v2"
"""Every route path is relative to this prefix; the signed path includes it."""

# --- Envelope ------------------------------------------------------------------------------
ENVELOPE_SUCCESS: Final = "success"
ENVELOPE_DATA: Final = "data"
ENVELOPE_AUTH: Final = "auth"
"""An ``auth`` key in any response carries a code that replaces the current one."""
ENVELOPE_ERROR_MESSAGE: Final = "error_message"
"""The failure-text key the emulator answers with: the one LuxSci's public clients read."""
ENVELOPE_COMMENT: Final = "comment"
ENVELOPE_ERROR_KEYS: Final = (ENVELOPE_ERROR_MESSAGE, "error")
"""Failure text, read in this order: two public clients read ``error_message``; ``error``
is the fallback."""

# --- Status codes --------------------------------------------------------------------------
AUTH_CREATED_STATUS: Final = 201
"""``POST /auth`` answers 201 on success (any 2xx is accepted)."""
STATUS_MEANINGS: Final = {
    400: "invalid input",
    401: "missing, expired or revoked auth code, or bad signature",
    403: "access control denied, integration disabled or wrong host",
    404: "unknown object",
    429: "rate limit exceeded",
}
RETRY_AFTER_HEADER: Final = "Retry-After"
LOCATION_HEADER: Final = "Location"
"""Named in the error for a 3xx answer; redirects are never followed."""

# --- Auth handshake and signing ------------------------------------------------------------
AUTH_PATH: Final = "/auth"
AUTH_FIELD_TOKEN: Final = "token"
AUTH_FIELD_DATE: Final = "date"
AUTH_FIELD_SIGNATURE: Final = "signature"
AUTH_FIELD_USER: Final = "user"
AUTH_FIELD_PASS: Final = "pass"
SIGNATURE_COOKIE: Final = "signature"
AUTH_CLOCK_SKEW: Final = 300
"""Seconds of clock skew the emulator accepts on the ``date`` of ``POST /auth`` (undocumented)."""

# --- Encoding ------------------------------------------------------------------------------
QUERY_SAFE: Final = "-._~"
"""Query strings are RFC 3986 percent-encoded: only unreserved characters stay literal."""
PATH_SEGMENT_SAFE: Final = "-._~@!$'()*+,;=:"
"""Per-segment path encoding keeps RFC 3986 ``pchar`` sub-delimiters, so an e-mail's ``@`` stays."""
LIST_SEPARATOR: Final = ","
"""A list given as one query parameter is sent comma-joined (e.g. ``entry_ids``)."""
BOOL_TRUE: Final = 1
BOOL_FALSE: Final = 0
"""LuxSci flags are integers 0/1 on the wire."""
DATETIME_FORMAT: Final = "%Y-%m-%d %H:%M:%S"
"""``DATETIME`` values: ``YYYY-MM-DD HH:MM:SS`` in GMT."""

# --- Reports -------------------------------------------------------------------------------
REPORT_HEADER: Final = "header"
REPORT_ROWS: Final = "rows"
REPORT_TOTAL: Final = "total_rows"
REPORT_FIRST_ROW: Final = "first_row"
REPORT_MATCHES: Final = "matches"
REPORT_MAX_MATCHES: Final = 50_000
REPORT_DATE_PARAMS: Final = ("from_date", "through_date", "after_date", "before_date")
INCLUSIVE_END_PARAMS: Final = ("through_date",)
"""Date parameters whose bound is inclusive: a plain ``date`` means the end of that day."""

# --- Asynchronous report jobs --------------------------------------------------------------
JOB_ID: Final = "job_id"
JOB_DONE_STATUSES: Final = ("complete", "failed")
JOB_FAILED_STATUS: Final = "failed"
DESTINATION_PARAMS: Final = (
    "destination",
    "destination_hostname",
    "destination_username",
    "destination_password",
    "destination_path",
)
"""Only ``destination`` and ``destination_hostname`` were seen; the others are assumed names."""

# --- Uploads -------------------------------------------------------------------------------
UPLOAD_JSON_PART: Final = "json"
UPLOAD_FILE_PART: Final = "files"
UPLOAD_ATTACHMENTS_KEY: Final = "attachments"
