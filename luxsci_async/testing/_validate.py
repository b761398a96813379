"""400s for bad input, checked against the route's declared parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from .._assumptions import LIST_SEPARATOR, REPORT_MAX_MATCHES
from .._routes.spec import Param, Route
from ._reports import BadReportQuery, parse_when


class BadInput(ValueError):
    """Invalid input: answered with 400 and this message."""


def _check_allowed(param: Param, values: list[str]) -> None:
    if param.allowed is None:
        return
    for value in values:
        if value not in param.allowed:
            raise BadInput(f"{param.wire_name} must be one of {', '.join(param.allowed)}")


def parse_query(raw: str) -> dict[str, str]:
    """The query string's parameters, decoded as the wire encodes them.

    The wire is RFC 3986 (a space is ``%20``): a literal ``+`` is a plus, so no
    ``parse_qsl`` here.
    """
    out: dict[str, str] = {}
    for pair in raw.split("&"):
        if pair:
            key, _, value = pair.partition("=")
            out[unquote(key)] = unquote(value)
    return out


def check_path(route: Route, values: Mapping[str, str]) -> None:
    """Path parameters with a closed set of values."""
    for param in route.path_params:
        if param.wire_name in values:
            _check_allowed(param, [values[param.wire_name]])


def check_query(route: Route, query: Mapping[str, str]) -> None:
    """Query values arrive as text: check they parse as their declared kind."""
    for param in route.query:
        name = param.wire_name
        if name not in query:
            if param.required:
                raise BadInput(f"missing required parameter {name}")
            continue
        value = query[name]
        if param.kind == "int":
            try:
                int(value)
            except ValueError:
                raise BadInput(f"{name} must be an integer") from None
        elif param.kind == "float":
            try:
                float(value)
            except ValueError:
                raise BadInput(f"{name} must be a number") from None
        elif param.kind == "bool" and value not in ("0", "1", "true", "false"):
            raise BadInput(f"{name} must be 0 or 1")
        elif param.kind == "datetime":
            try:
                parse_when(name, value)
            except BadReportQuery as exc:
                raise BadInput(str(exc)) from None
        values = value.split(LIST_SEPARATOR) if param.kind == "str_list" else [value]
        _check_allowed(param, values)


def _kind_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str) and value != ""
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return value in (0, 1, True, False, "0", "1")
    if kind == "datetime":
        if not isinstance(value, str):
            return False
        try:
            parse_when("value", value)
        except BadReportQuery:
            return False
        return True
    if kind == "str_list":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    if kind == "mapping":
        return isinstance(value, dict)
    return True


def check_body(route: Route, body: Any) -> None:
    """Required fields, kinds and closed value sets of a JSON body."""
    if not route.body:
        return
    if not isinstance(body, dict):
        raise BadInput("the request body must be a JSON object")
    for param in route.body:
        if param.merge:
            continue
        name = param.wire_name
        if name not in body or body[name] is None:
            if param.required:
                raise BadInput(f"missing required field {name}")
            continue
        value = body[name]
        if not _kind_ok(param.kind, value):
            raise BadInput(f"{name} has the wrong type (expected {param.kind})")
        _check_allowed(param, value if param.kind == "str_list" else [str(value)])


def paging(query: Mapping[str, str], *, unlimited: bool) -> tuple[int, int]:
    """``first_row`` (alias ``start_row``) and ``matches`` of a report or paged list."""
    first = query.get("first_row", query.get("start_row", "0"))
    matches = query.get("matches", str(REPORT_MAX_MATCHES))
    try:
        first_row, count = int(first), int(matches)
    except ValueError:
        raise BadInput("first_row and matches must be integers") from None
    if first_row < 0:
        raise BadInput("first_row must not be negative")
    if count < 0 or (count > REPORT_MAX_MATCHES and not unlimited):
        raise BadInput(f"matches must be within 0..{REPORT_MAX_MATCHES}")
    return first_row, count
