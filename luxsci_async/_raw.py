"""Raw responses: the status, headers and bytes of a call, along with its parsed result.

A capture lives in a context variable, so it sees only the calls of the task that opened
it (and of the tasks that task starts inside it, such as a report's page fetches): two
concurrent tasks never see each other's responses. A capture belongs to one session (its
pipeline, shared by ``with_options`` views); calls of another session pass it by.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any, Generic, TypeVar, overload

import attrs
import orjson

from ._assumptions import API_PREFIX
from ._encoding import encode_pairs
from ._routes.prepare import Prepared
from ._wire import RawResponse

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class RawResult(Generic[T]):
    """A call's parsed result with the final HTTP response it came from.

    The body is the bytes as received (decoded of any content encoding). Like the
    parsed result it is LuxSci's answer: a response may echo a refreshed auth code in
    its ``auth`` key, so filter the body before forwarding it to anyone else. The
    request's headers (its signature cookie) are never kept.
    """

    parsed: T = attrs.field(repr=False)
    """What the call returned (a model, a list, a :class:`~luxsci_async.Page`, ...)."""
    status: int
    method: str
    path: str
    """The encoded path as sent, under ``/perl/api/v2``."""
    query: str = attrs.field(repr=False)
    """The encoded query string as sent (without ``?``; empty if none)."""
    template: str
    """The route's path template (``/account/{account}/users``)."""
    headers: Mapping[str, str] = attrs.field(repr=False)
    """The response headers, lower-case names (read-only)."""
    content: bytes = attrs.field(repr=lambda content: f"<{len(content)} bytes>")

    def header(self, name: str) -> str | None:
        """A response header's value, its name matched in any case."""
        return self.headers.get(name.lower())

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (undecodable bytes replaced)."""
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        """The body parsed as JSON: the whole envelope, not only its ``data``."""
        return orjson.loads(self.content)


class Responses(Sequence[RawResult[Any]]):
    """What :meth:`LuxSci.capture_responses` collects, in the order the calls ended."""

    __slots__ = ("_items",)

    def __init__(self, limit: int | None) -> None:
        self._items: deque[RawResult[Any]] = deque(maxlen=limit)

    @overload
    def __getitem__(self, index: int) -> RawResult[Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RawResult[Any]]: ...
    def __getitem__(self, index: int | slice) -> RawResult[Any] | Sequence[RawResult[Any]]:
        if isinstance(index, slice):
            return list(self._items)[index]
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[RawResult[Any]]:
        return iter(list(self._items))

    def __repr__(self) -> str:
        return f"<Responses {len(self._items)} captured>"


@attrs.frozen
class _Capture:
    owner: object
    responses: Responses
    outer: _Capture | None


_CAPTURES: ContextVar[_Capture | None] = ContextVar("luxsci_async_captures", default=None)


@contextlib.contextmanager
def capturing(owner: object, limit: int | None) -> Iterator[Responses]:
    """Collect the responses of ``owner``'s calls made in this context until the block ends."""
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit: must be an int >= 1 or None, got {limit!r}")
    responses = Responses(limit)
    token = _CAPTURES.set(_Capture(owner, responses, _CAPTURES.get()))
    try:
        yield responses
    finally:
        _CAPTURES.reset(token)


def record(owner: object, request: Prepared, raw: RawResponse, parsed: Any) -> None:
    """Hand a finished call to every capture of ``owner`` open in this context."""
    capture = _CAPTURES.get()
    result: RawResult[Any] | None = None
    while capture is not None:
        if capture.owner is owner:
            if result is None:
                result = RawResult(
                    parsed=parsed,
                    status=raw.status,
                    method=request.method,
                    path=API_PREFIX + request.path,
                    query=encode_pairs(request.query),
                    template=request.template,
                    headers=MappingProxyType(dict(raw.headers)),
                    content=raw.content,
                )
            capture.responses._items.append(result)
        capture = capture.outer
