"""Turn a route and the caller's arguments into an encoded, validated request.

Everything is checked here, before anything is sent: types, required fields, allowed values,
naive datetimes, and path parameters that would change the path.
"""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs

from .._assumptions import UPLOAD_ATTACHMENTS_KEY
from .._convert import dump_json, format_datetime_param, structurer
from .._encoding import QueryPairs, checked_int, fill_path, path_value, query_pairs
from .._types import UNSET, Attachment, Unset, Upload
from .._wire import RawResponse
from .spec import Param, Route

Decode = Callable[[Any, RawResponse], Any]
"""Turns an envelope's ``data`` into what the caller gets; raises ResponseValidationError."""


def keep_data(data: Any, raw: RawResponse) -> Any:
    """The decoder of untyped calls: the envelope's ``data`` as decoded JSON."""
    return data


def _no_data(data: Any, raw: RawResponse) -> None:
    return None


@functools.cache
def decoder_for(response: Any) -> Decode:
    """The decoder of a route's declared response type (``None``: nothing to return)."""
    if response is None:
        return _no_data

    build = structurer(response)

    def decode(data: Any, raw: RawResponse) -> Any:
        return build(data)

    return decode


@attrs.frozen(kw_only=True)
class Prepared:
    """A checked request, ready for the pipeline: nothing about it is left to validate."""

    method: str
    template: str
    """The route's path template (``/account/{account}/users``): names the call in logs."""
    path: str
    """Encoded, relative to ``/perl/api/v2``."""
    query: QueryPairs = ()
    """Checked ``(name, text)`` pairs in order; percent-encoded once, when sent."""
    body: bytes | None = attrs.field(default=None, repr=False)
    uploads: list[Upload] | None = attrs.field(default=None, repr=False)
    idempotent: bool
    decode: Decode = keep_data

    def with_query(self, *pairs: tuple[str, str]) -> Prepared:
        """The same request with more query pairs after the caller's."""
        return attrs.evolve(self, query=(*self.query, *pairs))


def _type_error(param: Param, expected: str, value: object) -> TypeError:
    return TypeError(f"{param.name}: expected {expected}, got {type(value).__name__}")


def _check_unicode(field: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field}: not valid Unicode text (lone surrogate)") from None


def _check_json(field: str, value: Any) -> None:
    try:
        dump_json(value)
    except (TypeError, ValueError) as exc:  # "json: <reason>": say which argument it was
        raise type(exc)(f"{field}: {exc}") from None


def check_value(param: Param, value: Any) -> Any:
    """Validate one argument against its declaration; return its JSON/query form."""
    kind = param.kind
    if kind == "str":
        if not isinstance(value, str):
            raise _type_error(param, "str", value)
        if param.required and not value.strip():
            raise ValueError(f"{param.name}: must not be empty")
        _check_unicode(param.name, value)
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _type_error(param, "int", value)
        checked_int(param.name, value)
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _type_error(param, "a number", value)
        if isinstance(value, int):
            checked_int(param.name, value)
        elif not math.isfinite(value):
            raise ValueError(f"{param.name}: must be a finite number")
    elif kind == "bool":
        if not isinstance(value, bool):
            raise _type_error(param, "bool", value)
        return int(value)
    elif kind == "datetime":
        if not isinstance(value, (datetime, date)):
            raise _type_error(param, "datetime or date", value)
        try:
            return format_datetime_param(param.wire_name, value)
        except ValueError as exc:
            raise ValueError(f"{param.name}: {exc}") from None
    elif kind == "str_list":
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise _type_error(param, "a list of str", value)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise TypeError(f"{param.name}[{i}]: expected str, got {type(item).__name__}")
            if not item.strip():
                raise ValueError(f"{param.name}[{i}]: must not be empty")
            _check_unicode(f"{param.name}[{i}]", item)
        return list(value)
    elif kind == "mapping":
        if not isinstance(value, Mapping):
            raise _type_error(param, "a mapping", value)
        for key in value:
            if not isinstance(key, str) or not key:
                raise TypeError(f"{param.name}: keys must be non-empty str, got {key!r}")
        return dict(value)
    if param.allowed is not None and value not in param.allowed:
        raise ValueError(f"{param.name}: must be one of {', '.join(param.allowed)}; got {value!r}")
    return value


def _given(value: Any) -> bool:
    return value is not None and not isinstance(value, Unset)


def prepare(
    route: Route,
    scope_values: Mapping[str, str],
    args: Mapping[str, Any],
    *,
    attachments: Sequence[Attachment] | None = None,
) -> Prepared:
    """Validate ``args`` (keyword names of the route's parameters) and encode the request."""
    if args and not route.names.issuperset(args):
        unknown = sorted(set(args) - route.names)
        raise TypeError(f"{route.operation_id}: unexpected argument(s) {unknown}")
    values = dict(scope_values)
    for param in route.path_params:
        value = args.get(param.name)
        if value is None:
            raise TypeError(f"{param.name}: required")
        if param.kind == "int" or param.allowed is not None:
            check_value(param, value)
        values[param.name] = path_value(param.name, value, multi_segment=param.multi_segment)
    path = fill_path(route.path, values)

    query: list[tuple[str, Any]] = []
    for param in route.query:
        value = args.get(param.name)
        if not _given(value):
            if param.required:
                raise TypeError(f"{param.name}: required")
            continue
        checked = check_value(param, value)
        if param.merge:
            query.extend(checked.items())
        else:
            query.append((param.wire_name, checked))

    body: dict[str, Any] | None = None
    if route.body or route.method in ("POST", "PUT"):
        body = {}
        for param in route.body:
            value = args.get(param.name, UNSET)
            if isinstance(value, Unset) or (value is None and param.required):
                if param.required:
                    raise TypeError(f"{param.name}: required")
                continue
            if value is None:
                if param.merge:
                    continue
                body[param.wire_name] = None  # an explicit None clears the field
                continue
            checked = check_value(param, value)
            if param.kind in ("mapping", "any"):
                _check_json(param.name, checked)
            if param.merge:
                clash = set(checked) & set(body)
                if clash:
                    raise ValueError(f"{param.name}: repeats keyword argument(s) {sorted(clash)}")
                body.update(checked)
            else:
                body[param.wire_name] = checked

    uploads: list[Upload] | None = None
    if route.upload is not None:
        uploads = []
        described = []
        for i, item in enumerate(attachments or ()):
            if not isinstance(item, Attachment):
                raise TypeError(f"attachments[{i}]: expected Attachment, got {type(item).__name__}")
            if not isinstance(item.content, (bytes, bytearray)):
                raise TypeError(f"attachments[{i}].content: expected bytes")
            path_value(f"attachments[{i}].name", item.name)
            uploads.append((item.name, bytes(item.content)))
            described.append({"name": item.name, "hash": hashlib.sha256(item.content).hexdigest()})
        if body is None:
            body = {}
        if described:
            body[UPLOAD_ATTACHMENTS_KEY] = described
        if not uploads:
            uploads = None

    return Prepared(
        method=route.method,
        template=route.path,
        path=path,
        query=query_pairs(query),
        body=None if body is None else dump_json(body),
        uploads=uploads,
        idempotent=route.idempotent,
        decode=decoder_for(route.response),
    )
