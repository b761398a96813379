"""luxsci_async: the async Python SDK for the LuxSci REST API v2.

>>> async with LuxSci(token=..., secret=..., account="12345") as lux:
...     users = await lux.request("GET", "/account/{account}/users")
"""

from __future__ import annotations

from ._hooks import EventHooks, RequestEvent, ResponseEvent, RetryEvent
from ._jobs import JobHandle
from ._pages import Page
from ._pagination import Report
from ._pipeline import SessionStats
from ._raw import RawResult, Responses
from ._routes.spec import Param, ReportSpec, Route, RouteTable
from ._routes.table import ROUTES as routes
from ._rows import Row, RowList, TypedRowList
from ._session import LuxSci
from ._settings import RateLimit, RetryPolicy, Timeout
from ._types import UNSET, Attachment, Unset
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConnectError,
    JobFailedError,
    LuxSciError,
    NotFoundError,
    OutcomeUnknownError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RateLimitTimeout,
    RedirectError,
    RequestTimeout,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    SessionClosedError,
    StoreUnavailableError,
    TransportError,
)

__version__ = "0.1.0"

__all__ = [
    "UNSET",
    "APIError",
    "Attachment",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConnectError",
    "EventHooks",
    "JobFailedError",
    "JobHandle",
    "LuxSci",
    "LuxSciError",
    "NotFoundError",
    "OutcomeUnknownError",
    "Page",
    "Param",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RateLimitTimeout",
    "RawResult",
    "RedirectError",
    "Report",
    "ReportSpec",
    "RequestEvent",
    "RequestTimeout",
    "ResponseEvent",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "Responses",
    "RetryEvent",
    "RetryPolicy",
    "Route",
    "RouteTable",
    "Row",
    "RowList",
    "ServerError",
    "SessionClosedError",
    "SessionStats",
    "StoreUnavailableError",
    "Timeout",
    "TransportError",
    "TypedRowList",
    "Unset",
    "__version__",
    "routes",
]
