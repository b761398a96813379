"""Runtime base of the generated endpoint classes: one generic call path for every route."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._pagination import Report
from .._pipeline import Pipeline
from .._routes.prepare import Prepared, prepare
from .._routes.table import ROUTES
from .._settings import NO_OPTIONS, CallOptions
from .._types import Attachment


class ScopeAPI:
    """One scope of a session (an account, or one user); endpoint groups hang off it."""

    def __init__(
        self, pipeline: Pipeline, values: Mapping[str, str], options: CallOptions = NO_OPTIONS
    ) -> None:
        self._pipeline = pipeline
        self._values = dict(values)
        self._options = options
        self._bare: dict[str, Prepared] = {}
        """Requests of calls made without arguments: the same every time, prepared once."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._values}>"


class Resource:
    """A group of endpoints (``lux.account.users``, ``lux.user().profile``, ...)."""

    __slots__ = ("_scope",)

    def __init__(self, scope: ScopeAPI) -> None:
        self._scope = scope

    async def _call(
        self,
        operation_id: str,
        args: Mapping[str, Any],
        *,
        attachments: Sequence[Attachment] | None = None,
    ) -> Any:
        """Check ``args`` against the route and send it; the result is the route's type."""
        scope = self._scope
        if args or attachments is not None:
            request = prepare(ROUTES[operation_id], scope._values, args, attachments=attachments)
        else:
            request = scope._bare.get(operation_id) or scope._bare.setdefault(
                operation_id, prepare(ROUTES[operation_id], scope._values, args)
            )
        return await scope._pipeline.call(request, options=scope._options)

    def _report(
        self,
        operation_id: str,
        args: Mapping[str, Any],
        *,
        page_size: int | None,
        concurrency: int | None,
        start_row: int,
    ) -> Report[Any]:
        """The route's report, its rows typed as the route table declares."""
        route = ROUTES[operation_id]
        if route.report is None:
            raise TypeError(f"{operation_id} is not a report")
        scope = self._scope
        return Report(
            scope._pipeline,
            prepare(route, scope._values, args),
            route.report.row,
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
            scope_values=scope._values,
            options=scope._options,
        )
