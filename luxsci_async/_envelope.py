"""Reading LuxSci's response envelope into data or a typed error.

``{"success": 1, "data": ..., "auth": ...}`` is a success (``auth``, if present, replaces
the session's code); ``success: 0``, a status outside 2xx, a body that is not a JSON object
with a ``success`` flag, or an envelope that names one of its keys twice is a failure.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NoReturn

import orjson

from ._assumptions import (
    ENVELOPE_AUTH,
    ENVELOPE_DATA,
    ENVELOPE_ERROR_KEYS,
    ENVELOPE_SUCCESS,
    LOCATION_HEADER,
    RETRY_AFTER_HEADER,
)
from ._defaults import GC_PAUSE_BODY
from ._retry import parse_retry_after
from ._wire import RawResponse
from .errors import (
    MAX_BODY_EXCERPT,
    APIError,
    RedirectError,
    ResponseValidationError,
    error_class_for,
)

_MAX_MESSAGE = 300
_ENVELOPE_KEYS = (ENVELOPE_SUCCESS, ENVELOPE_DATA, ENVELOPE_AUTH, *ENVELOPE_ERROR_KEYS)
_QUOTED = {key: b'"%s"' % key.encode() for key in _ENVELOPE_KEYS}
_KEY_PATTERN = re.compile(rb'"((?:[A-Za-z_]|\\u[0-9A-Fa-f]{4})+)"\s*:')
"""A key of letters and underscores, some perhaps written as ``\\uXXXX`` escapes."""
_BACKSLASH = ord("\\")
"""Looked for as a number: ``bytes`` finds one byte by ``memchr``, a one-byte ``bytes`` by a
slower general search (~250 against ~2,250 instructions over a 674-byte body)."""
_ENDS = 1024
"""Bytes at each end of a large body searched for envelope keys (see :func:`_duplicate_key`)."""


def excerpt(content: bytes) -> str:
    # Four bytes per character at most: the excerpt is cut before it is decoded.
    return content[: 4 * MAX_BODY_EXCERPT].decode("utf-8", "replace")[:MAX_BODY_EXCERPT]


def _error_message(payload: Any, content: bytes, status: int) -> str:
    if isinstance(payload, dict):
        for key in ENVELOPE_ERROR_KEYS:
            value = payload.get(key)
            if value:
                return str(value)[:_MAX_MESSAGE]
    text = excerpt(content).strip()
    if not text:
        return f"HTTP {status} with an empty body"
    if payload is None:  # not JSON: an HTML error page or similar
        snippet = " ".join(text.split())[:_MAX_MESSAGE]
        return f"non-JSON response: {snippet}"
    return "request failed (no error text)"


def _decode(content: bytes) -> Any:
    if not content:
        return None
    if len(content) < GC_PAUSE_BODY:
        return orjson.loads(content)
    with paused_gc():  # a report page: decoding it is GC-bound otherwise
        return orjson.loads(content)


def _duplicate_key(content: bytes, payload: Mapping[str, Any]) -> str | None:
    """An envelope key the body's top-level object names twice, or ``None``.

    JSON parsers disagree on duplicate keys (orjson keeps the last), so an envelope such as
    ``{"success": 0, ..., "success": 1}`` is ambiguous and refused, also when one of them
    is spelled with escapes (``"succ\\u0065ss"``). Finding the top level exactly means a
    slower parse, so it is done only when cheap scans see an envelope key more than once:
    over the whole of a small body, and over both ends of a large one (a report page),
    where the envelope's own keys sit around the ``data`` value. Only the keys ``payload``
    has at its top level can be repeated there; without escapes each is spelled one way.
    """
    regions = (content,) if len(content) < GC_PAUSE_BODY else (content[:_ENDS], content[-_ENDS:])
    if _each_spelled_once(regions, payload):
        return None
    hits = [
        key
        for region in regions
        for found in _KEY_PATTERN.findall(region)
        if (key := _key_text(found)) in _ENVELOPE_KEYS
    ]
    if len(hits) == len(set(hits)):
        return None
    seen: list[list[str]] = []

    def record(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen.append([key for key, _ in pairs])
        return dict(pairs)

    try:
        json.loads(content, object_pairs_hook=record)
    except ValueError:
        return None
    top = seen[-1] if seen else []  # the outermost object is completed last
    for key in _ENVELOPE_KEYS:
        if top.count(key) > 1:
            return key
    return None


def _each_spelled_once(regions: tuple[bytes, ...], payload: Mapping[str, Any]) -> bool:
    """Whether each envelope key of ``payload`` is written once in ``regions`` and no key can
    be escaped there (no backslash at all)."""
    for region in regions:
        if _BACKSLASH in region:
            return False
    for key in _ENVELOPE_KEYS:
        if key in payload:
            seen = 0
            for region in regions:
                seen += region.count(_QUOTED[key])
            if seen > 1:
                return False
    return True


def _key_text(found: bytes) -> str:
    if _BACKSLASH not in found:
        return found.decode("ascii")
    text: str = json.loads(b'"' + found + b'"')  # its escapes, as any parser reads them
    return text


def read(raw: RawResponse, method: str, path: str) -> tuple[Any, str | None]:
    """Return ``(data, auth)`` from a successful envelope; raise :class:`APIError` otherwise.

    ``auth`` is a code the server echoed (to be adopted), or ``None``.
    """
    status = raw.status
    content = raw.content
    # A redirect's body is not read: it is refused whatever it holds.
    payload = _decoded_or_none(content) if not 300 <= status < 400 else None
    if (
        200 <= status < 300
        and payload.__class__ is dict
        and payload.get(ENVELOPE_SUCCESS) in _SUCCESS_FLAGS
        and _duplicate_key(content, payload) is None
    ):
        auth = payload.get(ENVELOPE_AUTH)
        return payload.get(ENVELOPE_DATA), auth if isinstance(auth, str) and auth else None
    return _refuse(raw, payload, method, path)


_SUCCESS_FLAGS = (1, "1", True)
"""The values of ``success`` that mean it (``1.0`` equals ``1`` and counts too)."""


def _refuse(raw: RawResponse, payload: Any, method: str, path: str) -> NoReturn:
    """Raise the error an answer that is not a successful envelope stands for."""
    status = raw.status
    content = raw.content
    where: dict[str, Any] = {"status": status, "method": method, "path": path}
    if 300 <= status < 400:
        location = raw.header(LOCATION_HEADER.lower())
        raise RedirectError(
            f"redirect to {location or '(no Location)'}: redirects are never followed",
            location=location,
            body=excerpt(content),
            **where,
        )
    small = payload if len(content) < GC_PAUSE_BODY else None
    if status >= 400 or status < 200:
        raise error_class_for(status)(
            _error_message(payload, content, status),
            retry_after=parse_retry_after(raw.header(RETRY_AFTER_HEADER.lower())),
            body=excerpt(content),
            data=small,
            **where,
        )
    if not isinstance(payload, dict) or ENVELOPE_SUCCESS not in payload:
        what = "non-JSON" if payload is None else "JSON without a 'success' flag"
        raise ResponseValidationError(
            f"unexpected {what} response", body=excerpt(content), data=small, **where
        )
    twice = _duplicate_key(content, payload)
    if twice is not None:
        raise ResponseValidationError(
            f"the response envelope names {twice!r} more than once (ambiguous: refused)",
            body=excerpt(content),
            **where,
        )
    raise APIError(
        _error_message(payload, content, status), body=excerpt(content), data=small, **where
    )


def _decoded_or_none(content: bytes) -> Any:
    try:
        return _decode(content)
    except orjson.JSONDecodeError:
        return None


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a short synchronous step (no ``await``).

    Decoding a report page allocates one GC-tracked list per row that outlives the step:
    with the collector on, a 50,000-row page triggers ~70 young collections and full passes
    over every live page, which cost more than the decoding itself (see
    ``benchmarks/README.md``). Re-enabled on exit, errors included; nothing is changed if it
    was already off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
