"""One parsed, authenticated request, and what every operation answers with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .._routes.spec import Route
from ._auth import Session
from ._routing import Compiled, is_param, segments
from ._shapes import is_list
from ._store import SECRET_KEYS

NO_DATA: Any = object()
"""Marker: answer with a success envelope without ``data``."""


class HttpError(Exception):
    """A failure answered with ``status`` and a failure envelope carrying ``message``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@attrs.define
class Call:
    """One authenticated request, parsed."""

    compiled: Compiled
    values: dict[str, str]
    query: dict[str, str]
    body: Any
    files: list[tuple[str, bytes]]
    session: Session | None

    @property
    def route(self) -> Route:
        return self.compiled.route

    def item_id(self) -> str:
        """The value of the path's last segment (``.../{id}``)."""
        return self.values[segments(self.route.path)[-1][1:-1]]


def concrete(template: str, values: Mapping[str, str]) -> str:
    """Fill a path template (or a prefix of one) with decoded values."""
    return "/" + "/".join(values[s[1:-1]] if is_param(s) else s for s in segments(template))


def as_id(value: str) -> Any:
    """A numeric id as an ``int``, any other id as it is."""
    return int(value) if value.isdigit() else value


def public(body: Any) -> dict[str, Any]:
    """The keys of a request body that may be stored and echoed back (no secrets)."""
    if not isinstance(body, dict):
        return {}
    return {k: v for k, v in body.items() if k not in SECRET_KEYS}


def body_object(call: Call) -> dict[str, Any]:
    """The request body if it is a JSON object, else an empty one."""
    return call.body if isinstance(call.body, dict) else {}


def respond(call: Call, record: Any) -> Any:
    """Shape a record as the route's declared response (nothing, one object, or a list)."""
    response = call.route.response
    if response is None and call.route.method != "GET":
        return NO_DATA
    if is_list(response) and isinstance(record, dict):
        return [record]
    return record
