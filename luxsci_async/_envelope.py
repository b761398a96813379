"""Reading LuxSci's response envelope (README assumptions 1-2) into data or a typed error."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from ._assumptions import ENVELOPE_AUTH, ENVELOPE_DATA, ENVELOPE_ERROR_KEYS, ENVELOPE_SUCCESS
from ._http import RawResponse
from ._retry import parse_retry_after
from .errors import APIError, ResponseValidationError, error_class_for

_MAX_MESSAGE = 300


def _text(content: bytes) -> str:
    return content.decode("utf-8", "replace")


def _error_message(payload: Any, content: bytes, status: int) -> str:
    if isinstance(payload, dict):
        for key in ENVELOPE_ERROR_KEYS:
            value = payload.get(key)
            if value:
                return str(value)
    text = _text(content).strip()
    if not text:
        return f"HTTP {status} with an empty body"
    if payload is None:  # not JSON: an HTML error page or similar
        snippet = " ".join(text.split())[:_MAX_MESSAGE]
        return f"non-JSON response: {snippet}"
    return "request failed (no error text)"


def _succeeded(flag: Any) -> bool:
    return flag in (1, "1", True)


LARGE_BODY = 1 << 16
"""Bodies from this size on are decoded with the cyclic GC paused (see :func:`paused_gc`)."""


def _decode(content: bytes) -> Any:
    if not content:
        return None
    if len(content) < LARGE_BODY:
        return orjson.loads(content)
    with paused_gc():  # a report page: decoding it is GC-bound otherwise
        return orjson.loads(content)


def read(raw: RawResponse, method: str, path: str) -> tuple[Any, str | None]:
    """Return ``(data, auth)`` from a successful envelope; raise :class:`APIError` otherwise.

    ``auth`` is a code the server echoed (to be adopted), or ``None``.
    """
    try:
        payload: Any = _decode(raw.content)
    except orjson.JSONDecodeError:
        payload = None
    status = raw.status
    if status >= 400 or status < 200:
        cls = error_class_for(status)
        message = _error_message(payload, raw.content, status)
        common: dict[str, Any] = {
            "status": status,
            "body": _text(raw.content),
            "data": payload,
            "method": method,
            "path": path,
        }
        raise cls(message, retry_after=parse_retry_after(raw.retry_after), **common)
    if not isinstance(payload, dict) or ENVELOPE_SUCCESS not in payload:
        what = "non-JSON" if payload is None else "JSON without a 'success' flag"
        raise ResponseValidationError(
            f"unexpected {what} response",
            status=status,
            body=_text(raw.content),
            data=payload,
            method=method,
            path=path,
        )
    if not _succeeded(payload[ENVELOPE_SUCCESS]):
        raise APIError(
            _error_message(payload, raw.content, status),
            status=status,
            body=_text(raw.content),
            data=payload,
            method=method,
            path=path,
        )
    auth = payload.get(ENVELOPE_AUTH)
    return payload.get(ENVELOPE_DATA), auth if isinstance(auth, str) and auth else None


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
