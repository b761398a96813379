"""Event hooks: what a session tells the caller's code about each attempt, and the per-call watch.

``LuxSci(event_hooks={"request": [...], "response": [...], "retry": [...]})`` calls each hook
with a small frozen event for every attempt of every request, the login (``POST /auth``)
and the revocation (``DELETE /auth``) included and flagged by ``kind``. Events carry the
method, the route template, the path, the attempt number, the status, timings and why a
retry waits; never a header of the request, its body, an auth code or a password.

A :class:`Watch` follows one call through the pipeline's loop: it counts attempts and rate
waits, fires the hooks, and owns the call's span when tracing is on. With no hook and no
tracer there is no watch at all, and the loop pays nothing.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import MappingProxyType, TracebackType
from typing import Any, Literal, TypedDict

import attrs

from . import _clock
from ._tracing import CallSpan, Tracing
from .errors import ConfigurationError

logger = logging.getLogger("luxsci_async")

Kind = Literal["call", "login", "revoke"]
"""What a request is: a caller's call, the session's login, or the revocation on close."""
RetryReason = Literal["fault", "rate_limited", "reauthenticate"]
"""Why an attempt is repeated: a 5xx or transport fault, a 429, or a 401 (new code, replay)."""


@attrs.frozen(kw_only=True)
class RequestEvent:
    """An attempt is about to be sent (it is paced and signed; nothing has gone yet)."""

    kind: Kind
    method: str
    template: str
    """The route's path template, e.g. ``/account/{account}/users``."""
    path: str
    """The encoded path as sent, under ``/perl/api/v2`` (no query string)."""
    attempt: int
    """1 for the first attempt of this request, 2 for its first retry, ..."""


@attrs.frozen(kw_only=True)
class ResponseEvent:
    """An attempt ended: with a response (``status``), or below HTTP (``error``)."""

    kind: Kind
    method: str
    template: str
    path: str
    attempt: int
    status: int | None
    """The HTTP status, or ``None`` when no response came."""
    error: str | None
    """The SDK's transport error class (``"ConnectError"``, ...), when no response came."""
    elapsed: float
    """Seconds from sending to the whole body read (or the failure)."""
    headers: Mapping[str, str] = attrs.field(repr=False)
    """The response's headers, lower-case names (``set-cookie`` left out); empty without one."""


@attrs.frozen(kw_only=True)
class RetryEvent:
    """A failed attempt will be repeated after ``wait`` seconds."""

    kind: Kind
    method: str
    template: str
    path: str
    attempt: int
    """The attempt that failed."""
    reason: RetryReason
    wait: float
    """Seconds before the next attempt may go: backoff, ``Retry-After`` or the 429 pause."""
    status: int | None
    error: str | None


class EventHooks(TypedDict, total=False):
    """``LuxSci(event_hooks=...)``: lists of callables, each sync or async."""

    request: Sequence[Callable[[RequestEvent], object]]
    response: Sequence[Callable[[ResponseEvent], object]]
    retry: Sequence[Callable[[RetryEvent], object]]


_EVENTS = ("request", "response", "retry")
_NO_HEADERS: Mapping[str, str] = MappingProxyType({})
Hook = Callable[[Any], object]


def checked_hooks(value: object) -> dict[str, tuple[Hook, ...]]:
    """Validate ``event_hooks``; a wrong name or a non-callable is refused by name."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigurationError(
            "event_hooks must be a mapping like {'request': [...], 'response': [...]}"
        )
    hooks: dict[str, tuple[Hook, ...]] = {}
    for name, listed in value.items():
        if name not in _EVENTS:
            raise ConfigurationError(
                f"event_hooks: unknown event {name!r}; known: {', '.join(_EVENTS)}"
            )
        if callable(listed) or isinstance(listed, (str, bytes)) or not isinstance(listed, Sequence):
            raise ConfigurationError(f"event_hooks[{name!r}] must be a list of callables")
        for i, hook in enumerate(listed):
            if not callable(hook):
                raise ConfigurationError(
                    f"event_hooks[{name!r}][{i}] is not callable: {type(hook).__name__}"
                )
        if listed:
            hooks[name] = tuple(listed)
    return hooks


class Observer:
    """A session's hooks and tracing: hands out a :class:`Watch` per call when either is on."""

    def __init__(self, hooks: dict[str, tuple[Hook, ...]], tracing: Tracing) -> None:
        self._request = hooks.get("request", ())
        self._response = hooks.get("response", ())
        self._retry = hooks.get("retry", ())
        self._any_hook = bool(hooks)
        self.tracing = tracing

    def watch(self, kind: Kind, method: str, template: str) -> Watch | None:
        """A watch for one call, or ``None`` when nothing would see it."""
        tracer = self.tracing.tracer()
        if tracer is None and not self._any_hook:
            return None
        span = self.tracing.start(tracer, kind, method, template) if tracer is not None else None
        return Watch(self, kind, method, template, span)


class Watch:
    """One call's attempts, as hooks and the span see them."""

    __slots__ = (
        "_observer",
        "_span",
        "attempt",
        "error",
        "kind",
        "method",
        "path",
        "status",
        "template",
        "waited",
    )

    def __init__(
        self, observer: Observer, kind: Kind, method: str, template: str, span: CallSpan | None
    ) -> None:
        self._observer = observer
        self._span = span
        self.kind: Kind = kind
        self.method = method
        self.template = template
        self.path = ""
        self.attempt = 0
        self.status: int | None = None
        self.error: str | None = None
        self.waited = 0.0

    def __enter__(self) -> Watch:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._span is not None:
            self._span.finish(self.status, self.attempt, self.waited, exc)

    async def paced(self, waiting: Awaitable[None]) -> None:
        """Await the pacer's wait, counting it as time spent on the rate budget."""
        started = _clock.monotonic()
        try:
            await waiting
        finally:
            self.waited += _clock.monotonic() - started

    async def request(self, path: str) -> None:
        self.attempt += 1
        self.path = path
        hooks = self._observer._request
        if hooks:
            await self._fire(hooks, RequestEvent(**self._common()))

    async def response(
        self, status: int | None, error: str | None, started: float, headers: Mapping[str, str]
    ) -> None:
        self.status, self.error = status, error
        hooks = self._observer._response
        if hooks:
            if "set-cookie" in headers:
                headers = {k: v for k, v in headers.items() if k != "set-cookie"}
            event = ResponseEvent(
                **self._common(),
                status=status,
                error=error,
                elapsed=_clock.monotonic() - started,
                headers=MappingProxyType(headers) if headers else _NO_HEADERS,
            )
            await self._fire(hooks, event)

    async def retry(self, reason: RetryReason, wait: float) -> None:
        hooks = self._observer._retry
        if hooks:
            event = RetryEvent(
                **self._common(), reason=reason, wait=wait, status=self.status, error=self.error
            )
            await self._fire(hooks, event)

    def _common(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "method": self.method,
            "template": self.template,
            "path": self.path,
            "attempt": self.attempt,
        }

    async def _fire(self, hooks: tuple[Hook, ...], event: object) -> None:
        for hook in hooks:
            try:
                result = hook(event)
                if result is not None and inspect.isawaitable(result):
                    await result
            except Exception as exc:
                if self.kind != "revoke":
                    raise  # the caller's own exception ends the call, as httpx2's hooks do
                # Closing a session raises nothing: a failing hook cannot stop the pool closing.
                logger.warning("an event hook failed while revoking: %s", type(exc).__name__)
