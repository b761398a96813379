"""Query-string and path encoding (RFC 3986, in the caller's order), with input checks.

The strings built here are exactly what is sent *and* what is signed, so nothing downstream
may re-encode them. Values that could change the meaning of a path or a header are refused
with a ``ValueError``/``TypeError`` naming the field, before anything is sent.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, unquote

from ._assumptions import BOOL_FALSE, BOOL_TRUE, LIST_SEPARATOR, PATH_SEGMENT_SAFE, QUERY_SAFE
from ._convert import format_datetime_param

MAX_PATH_VALUE = 1024
MAX_QUERY_VALUE = 8192

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PRE_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

QueryParams = Mapping[str, Any] | Iterable[tuple[str, Any]]
QueryPairs = tuple[tuple[str, str], ...]
"""Checked query parameters as ``(name, text)`` pairs, not yet percent-encoded."""

_RAW_PATH = re.compile(r"/[A-Za-z0-9\-._~!$&'()*+,;=:@%/{}]*")
SCOPE_PLACEHOLDERS = {"account": "account", "username": "user"}
"""Placeholders a raw path may use, filled from the session, and the setting each needs."""


def _checked_text(field: str, value: str, limit: int) -> str:
    if len(value) > limit:
        raise ValueError(f"{field}: too long ({len(value)} characters; at most {limit})")
    if _CONTROL.search(value):
        raise ValueError(f"{field}: control characters (CR, LF, NUL, ...) are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field}: not valid Unicode text") from None
    return value


def path_value(field: str, value: object, *, multi_segment: bool = False) -> str:
    """Check one path parameter and percent-encode it (per segment)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise TypeError(f"{field}: expected str or int, got {type(value).__name__}")
    if isinstance(value, int):
        checked_int(field, value)
    text = _checked_text(field, str(value), MAX_PATH_VALUE)
    if not text.strip():
        raise ValueError(f"{field}: must not be empty")
    if _PRE_ENCODED.search(text):
        raise ValueError(f"{field}: percent-encoded sequences are not allowed (give the raw value)")
    segments = text.split("/") if multi_segment else [text]
    if not multi_segment and "/" in text:
        raise ValueError(f"{field}: '/' is not allowed in this path parameter")
    for segment in segments:
        if segment in ("", ".", ".."):
            raise ValueError(f"{field}: empty, '.' or '..' path segments are not allowed")
    return "/".join(quote(segment, safe=PATH_SEGMENT_SAFE) for segment in segments)


def fill_path(template: str, values: Mapping[str, str]) -> str:
    """Substitute already-encoded values into a route template (unknown names are kept)."""
    parts = _template_parts(template)
    if len(parts) == 1:
        return template
    filled = list(parts)
    for i in range(1, len(parts), 2):  # odd parts are the placeholders' names
        name = parts[i]
        filled[i] = values.get(name, f"{{{name}}}")
    return "".join(filled)


@functools.lru_cache(maxsize=1024)
def _template_parts(template: str) -> tuple[str, ...]:
    """``template`` split into text and placeholder names, alternately (every call of a
    route fills the same template)."""
    return tuple(_PLACEHOLDER.split(template))


INT_RANGE = range(-(2**63), 2**63)
"""Integers LuxSci's JSON can hold: a signed 64-bit range, checked before anything is sent."""


def checked_int(field: str, value: int) -> int:
    """``value`` if it fits in 64 bits, else a ``ValueError`` naming ``field``."""
    if value not in INT_RANGE:
        raise ValueError(f"{field}: integer out of range (must fit in 64 bits)")
    return value


def query_value(field: str, value: Any, *, nested: bool = False) -> str:
    """The text form of one query value, before percent-encoding.

    A list is sent comma-joined; its items must be single values, not lists.
    """
    if isinstance(value, bool):
        return str(BOOL_TRUE if value else BOOL_FALSE)
    if isinstance(value, int):
        return str(checked_int(field, value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{field}: must be a finite number")
        return repr(value)
    if isinstance(value, str):
        return _checked_text(field, value, MAX_QUERY_VALUE)
    if isinstance(value, (datetime, date)):
        try:
            return format_datetime_param(field, value)
        except ValueError as exc:
            raise ValueError(f"{field}: {exc}") from None
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        if nested:
            raise TypeError(f"{field}: a list item must be a single value, not a list")
        items = [query_value(f"{field}[{i}]", item, nested=True) for i, item in enumerate(value)]
        return LIST_SEPARATOR.join(items)
    raise TypeError(f"{field}: unsupported query value type {type(value).__name__}")


def checked_path(path: object, scope_values: Mapping[str, str | None]) -> str:
    """A caller's raw path with the session's placeholders filled, or a ``ValueError``.

    The rest of the path is sent as given (already percent-encoded); what could make it
    mean another path is refused, also when percent-encoded: ``.`` and ``..`` segments.
    """
    if not isinstance(path, str) or not _RAW_PATH.fullmatch(path):
        raise ValueError(f"path: expected e.g. '/account/{{account}}/users', got {path!r}")
    if any(segment in (".", "..") for segment in unquote(path).split("/")):
        raise ValueError(f"path: '.' and '..' segments are not allowed, got {path!r}")
    values: dict[str, str] = {}
    for name, setting in SCOPE_PLACEHOLDERS.items():
        if "{" + name + "}" in path:
            value = scope_values.get(name)
            if value is None:
                article = "an" if setting == "account" else "a"
                raise ValueError(f"path: {{{name}}} needs a session with {article} {setting}")
            values[name] = value
    filled = fill_path(path, values)
    if "{" in filled or "}" in filled:
        raise ValueError(f"path: unknown placeholder in {path!r}")
    return filled


def encode_pairs(pairs: QueryPairs) -> str:
    """The RFC 3986 query string of checked pairs, in their order."""
    return "&".join(f"{quote(k, safe=QUERY_SAFE)}={quote(v, safe=QUERY_SAFE)}" for k, v in pairs)


def encode_query(params: QueryParams | None) -> str:
    """RFC 3986 query string in the caller's order; ``None`` values are left out."""
    return encode_pairs(query_pairs(params))


def query_pairs(params: QueryParams | None) -> QueryPairs:
    """Check query parameters and give each its text form, in the caller's order.

    ``None`` values are left out.
    """
    if not params:
        return ()
    given: object = params  # callers may pass anything at run time
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise TypeError(f"params: expected a mapping or (name, value) pairs, got {params!r:.60}")
    pairs = params.items() if isinstance(params, Mapping) else params
    parts = []
    for pair in pairs:
        try:
            key, value = pair
        except (TypeError, ValueError):
            raise TypeError(f"params: expected (name, value) pairs, got {pair!r:.60}") from None
        if not isinstance(key, str) or not key:
            raise TypeError(f"query parameter names must be non-empty str, got {key!r}")
        _checked_text(f"query parameter name {key[:40]!r}", key, MAX_PATH_VALUE)
        if value is None:
            continue
        parts.append((key, query_value(key, value)))
    return tuple(parts)
