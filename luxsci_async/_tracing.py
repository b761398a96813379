"""OpenTelemetry: one client span per call, named after its route template.

Only ``opentelemetry-api`` is used (the ``otel`` extra); without it nothing here imports it.
A span carries the method, the route template, the status, the attempts and the time spent
waiting for the rate budget, never a value: no path with an account code or a mailbox name
in it, no query, no exception message (messages name the path), no header.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import re
from contextvars import Token
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ._routes.table import ROUTES
from .errors import ConfigurationError

if TYPE_CHECKING:
    from opentelemetry.context import Context
    from opentelemetry.trace import Span, Tracer

TRACER_NAME = "luxsci_async"
_UNKNOWN = object()


class Tracing:
    """Where a session's spans go: nowhere, the global tracer provider, or a given one.

    Args:
        enabled: ``None`` traces when ``opentelemetry-api`` is installed (to the global
            provider, once one is set); ``True`` insists on it; ``False`` never traces.
        provider: a ``TracerProvider`` to use instead of the global one.
    """

    def __init__(self, enabled: bool | None, provider: Any, *, base_url: str) -> None:
        if enabled is False and provider is not None:
            raise ConfigurationError("tracing=False contradicts tracer_provider: give one")
        self._trace: Any = None
        self._fixed: Tracer | None = None
        self._seen: Any = None
        self._global: Tracer | None = None
        self._from_env = False
        origin = urlsplit(base_url)
        self._server = {
            "server.address": origin.hostname or "",
            "server.port": origin.port or (443 if origin.scheme == "https" else 80),
        }
        if enabled is False:
            return
        try:
            from opentelemetry import trace
        except ImportError:
            if enabled or provider is not None:
                raise ConfigurationError(
                    "tracing needs the otel extra: pip install 'luxsci-async[otel]'"
                ) from None
            return
        self._trace = trace
        self._from_env = "OTEL_PYTHON_TRACER_PROVIDER" in os.environ
        if provider is not None:
            if not isinstance(provider, trace.TracerProvider):
                raise ConfigurationError("tracer_provider must be an OpenTelemetry TracerProvider")
            self._fixed = provider.get_tracer(TRACER_NAME, _version())

    def tracer(self) -> Tracer | None:
        """The tracer for the next call, or ``None`` when nothing would record its span."""
        if self._fixed is not None or self._trace is None:
            return self._fixed
        # The global that set_tracer_provider() sets, read directly: get_tracer_provider()
        # first looks an environment variable up, which would cost each call a microsecond.
        provider: Any = getattr(self._trace, "_TRACER_PROVIDER", _UNKNOWN)
        if provider is _UNKNOWN or (provider is None and self._from_env):
            provider = self._trace.get_tracer_provider()
        if provider is None or isinstance(provider, self._trace.ProxyTracerProvider):
            return None  # no provider set yet: the span would go nowhere
        if provider is not self._seen:
            self._seen, self._global = provider, provider.get_tracer(TRACER_NAME, _version())
        return self._global

    def start(self, tracer: Tracer, kind: str, method: str, template: str) -> CallSpan:
        """Open a call's span and make it current (the login's span nests inside it)."""
        from opentelemetry import context, trace

        route = span_route(template)
        attributes: dict[str, Any] = {
            "http.request.method": method,
            "luxsci.kind": kind,
            **self._server,
        }
        if route is not None:
            attributes["url.template"] = route
        span = tracer.start_span(
            f"luxsci {method} {route}" if route is not None else f"luxsci {method}",
            kind=trace.SpanKind.CLIENT,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        )
        return CallSpan(span, context.attach(trace.set_span_in_context(span)))


class CallSpan:
    """A call's open span; :meth:`finish` records the outcome and ends it."""

    __slots__ = ("_span", "_token")

    def __init__(self, span: Span, token: Token[Context]) -> None:
        self._span = span
        self._token = token

    def finish(
        self, status: int | None, attempts: int, waited: float, exc: BaseException | None
    ) -> None:
        from opentelemetry import context, trace

        span = self._span
        try:
            if span.is_recording():
                attributes: dict[str, Any] = {
                    "luxsci.attempts": attempts,
                    "luxsci.rate_limit.wait": waited,
                }
                if attempts > 1:
                    attributes["http.request.resend_count"] = attempts - 1
                if status is not None:
                    attributes["http.response.status_code"] = status
                if exc is not None:
                    # The class only: messages name the path, with its account or mailbox.
                    attributes["error.type"] = type(exc).__name__
                    span.set_status(trace.StatusCode.ERROR)
                span.set_attributes(attributes)
        finally:
            span.end()
            context.detach(self._token)


@functools.lru_cache(maxsize=512)
def span_route(template: str) -> str | None:
    """The route-table template a path template stands for, or ``None`` if none fits.

    Typed calls give a route's own template. ``lux.request`` and ``lux.paginate`` take
    the caller's path, which may hold values (a login, a domain): it is matched against
    the route table and only a route's template is ever recorded.
    """
    if template in _templates():
        return template
    for pattern, route in _patterns():
        if pattern.fullmatch(template):
            return route
    return None


@functools.cache
def _templates() -> frozenset[str]:
    return frozenset(route.path for route in ROUTES)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    patterns = []
    for route in ROUTES:
        multi = {param.name for param in route.path_params if param.multi_segment}
        parts = re.split(r"(\{[a-z_]+\})", route.path)
        regex = "".join(
            (".+" if part[1:-1] in multi else "[^/]+") if part.startswith("{") else re.escape(part)
            for part in parts
        )
        patterns.append((re.compile(regex), route.path))
    # Literal segments first: "/users/{login}" must not take "/users/count".
    patterns.sort(key=lambda item: item[1].count("{"))
    return tuple(patterns)


@functools.cache
def _version() -> str:
    try:
        return importlib.metadata.version("luxsci-async")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
        return "0"
