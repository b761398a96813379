"""The exception tree. Everything the SDK raises on purpose derives from :class:`LuxSciError`.

::

    LuxSciError
    ├── ConfigurationError          (also a ValueError) bad or contradictory settings
    ├── SessionClosedError          (also a RuntimeError) the session was closed
    ├── StoreUnavailableError       the shared store (Redis) did not answer; nothing was sent
    ├── RateLimitTimeout            no send slot within ``max_wait`` (nothing was sent)
    ├── TransportError              the exchange failed below HTTP
    │   ├── ConnectError            no connection; nothing was sent
    │   ├── RequestTimeout          a timeout (connect, read, write or pool)
    │   └── OutcomeUnknownError     a non-idempotent request may have reached the server
    ├── APIError                    the server answered with a failure
    │   ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
    │   │   NotFoundError 404, RateLimitError 429, ServerError 5xx
    │   ├── RedirectError           a 3xx answer (never followed)
    │   └── ResponseValidationError a response the SDK cannot read
    │       └── ResponseTooLargeError   a body over ``max_response_bytes``
    ├── PaginationError             a report page failed; carries the row to resume from
    └── JobFailedError              an asynchronous report job ended in ``failed``
"""

from __future__ import annotations

from typing import Any

_MAX_BODY_IN_MESSAGE = 200
MAX_BODY_EXCERPT = 2_000
"""Characters of a response body an error keeps: enough to diagnose, never a whole page."""


class LuxSciError(Exception):
    """Base class of every error raised by ``luxsci_async``."""


class ConfigurationError(LuxSciError, ValueError):
    """Missing, invalid or contradictory session settings."""


class SessionClosedError(LuxSciError, RuntimeError):
    """The session is closed (or closing) and cannot send requests."""


class StoreUnavailableError(LuxSciError):
    """The shared store (Redis) could not be reached or did not answer in time.

    A session with a store never falls back to an unlimited budget: the call fails instead,
    before anything is sent to LuxSci. ``store`` is the store's URL with any password
    shown as ``***``; ``reason`` says what went wrong.
    """

    def __init__(self, reason: str, *, store: str) -> None:
        super().__init__(f"store {store} unavailable: {reason}")
        self.reason = reason
        self.store = store

    def __reduce__(self) -> tuple[Any, ...]:
        # Task queues pickle a failed task's exception; keep ``store`` across that.
        return (_store_unavailable, (type(self), self.reason, self.store))


def _store_unavailable(
    cls: type[StoreUnavailableError], reason: str, store: str
) -> StoreUnavailableError:
    return cls(reason, store=store)


class RateLimitTimeout(LuxSciError):
    """The call would have waited longer than ``max_wait`` for its turn to be sent.

    Its turn was blocked by the rate budget (per minute, per day), by a pause the server
    asked for with a 429, or by the send rate the session adapted to; nothing was sent for
    it and no slot of the budget was spent. ``retry_after`` is how many seconds from now a
    slot would have been free: map it to your own ``429``/``503`` with ``Retry-After``.
    """

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(f"{message} (a slot frees in {retry_after:.1f} s)")
        self.retry_after = retry_after


class TransportError(LuxSciError):
    """The request could not be completed at the transport level."""

    def __init__(self, message: str, *, method: str = "", path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = path


class ConnectError(TransportError):
    """Could not connect; the request was not sent."""


class RequestTimeout(TransportError):
    """A connect, read, write or pool timeout."""


class OutcomeUnknownError(TransportError):
    """A non-idempotent request failed after it may have reached the server.

    It was **not** retried, to avoid doing it twice. Check the server's state before
    repeating it.
    """


class APIError(LuxSciError):
    """The server answered with a failure (status >= 400, or ``success: 0``).

    Attributes:
        status: HTTP status code (0 when no response was read).
        message: the server's error text (``error_message``/``error``) or a summary.
        body: the start of the response body as text (at most ``MAX_BODY_EXCERPT``
            characters).
        data: the parsed JSON body of a small failure answer, else ``None``.
        method: the request's method.
        path: the request's path (without the query string).
        retry_after: the server's ``Retry-After`` hint in seconds, if it sent one.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        body: str = "",
        data: Any = None,
        method: str = "",
        path: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.message = message
        self.retry_after = retry_after
        self.status = status
        self.body = body[:MAX_BODY_EXCERPT]
        self.data = data
        self.method = method
        self.path = path
        where = f"{method} {path}: " if method else ""
        super().__init__(f"{where}{status} {message}" if status else f"{where}{message}")

    def __repr__(self) -> str:
        snippet = self.body[:_MAX_BODY_IN_MESSAGE]
        name = type(self).__name__
        return f"{name}(status={self.status}, message={self.message!r}, body={snippet!r})"


class BadRequestError(APIError):
    """400: the server rejected the input."""


class AuthenticationError(APIError):
    """401: bad credentials, or an auth code that stayed invalid after one re-authentication."""


class PermissionDeniedError(APIError):
    """403: access control denied, integration disabled, or wrong host."""


class NotFoundError(APIError):
    """404: unknown object or path."""


class RateLimitError(APIError):
    """429: rate limit exceeded; ``retry_after`` is the server's hint in seconds, if any."""


class ServerError(APIError):
    """5xx: trouble on the server."""


class RedirectError(APIError):
    """A 3xx answer. Redirects are never followed (they would carry the signed cookie away);
    ``location`` is where the server pointed, if it said."""

    def __init__(self, message: str, *, location: str | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.location = location


class ResponseValidationError(APIError):
    """A response the SDK cannot read: not JSON, wrong envelope, or data not fitting its model."""


class ResponseTooLargeError(ResponseValidationError):
    """A response body longer than ``max_response_bytes`` (decoded); it was not read further."""

    def __init__(self, message: str, *, limit: int, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.limit = limit


class PaginationError(LuxSciError):
    """A report page failed after retries, or one of its rows could not be read.

    ``resume_row`` is the ``first_row`` to pass as ``start_row`` to continue the pull without
    losing or repeating rows; ``__cause__`` is the underlying error. ``bad_row`` is the
    index of the row that could not be read, when that is what failed (``None`` otherwise).
    """

    def __init__(self, message: str, *, resume_row: int, bad_row: int | None = None) -> None:
        super().__init__(f"{message} (resume with start_row={resume_row})")
        self.resume_row = resume_row
        self.bad_row = bad_row


class JobFailedError(LuxSciError):
    """An asynchronous report job ended in ``failed``; ``job`` holds its last state."""

    def __init__(self, job: Any) -> None:
        detail = getattr(job, "status_detail", None) or "no detail given"
        super().__init__(f"report job {getattr(job, 'job_id', '?')} failed: {detail}")
        self.job = job


STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitError,
}
"""Status-to-exception mapping; other 5xx are :class:`ServerError`, other 4xx :class:`APIError`."""


def error_class_for(status: int) -> type[APIError]:
    """The exception class for an HTTP status."""
    if status in STATUS_ERRORS:
        return STATUS_ERRORS[status]
    return ServerError if status >= 500 else APIError


__all__ = [
    "APIError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConnectError",
    "JobFailedError",
    "LuxSciError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimitTimeout",
    "RedirectError",
    "RequestTimeout",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "SessionClosedError",
    "StoreUnavailableError",
    "TransportError",
    "error_class_for",
]
