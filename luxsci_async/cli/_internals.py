"""THE ONE PLACE THE CLI USES SDK INTERNALS.

``luxsci call`` and ``luxsci report`` drive any route of the route table from its
declaration, with generic rows (the columns as sent) rather than typed ones, which the public
API does not offer by route. Everything else in the CLI uses only the public API; when the
core's request preparation or pagination changes, :func:`call_route` is what to adapt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import LuxSci, Report, Route, Row


async def call_route(
    lux: LuxSci,
    route: Route,
    values: Mapping[str, Any],
    login: str | None,
    *,
    page_size: int | None = None,
    concurrency: int | None = None,
    start_row: int = 0,
) -> Report[Row] | Any:
    """Validate ``values`` for ``route`` and call it through ``lux``.

    Args:
        lux: the session.
        route: an account- or user-scope route of ``luxsci_async.routes``.
        values: the route's parameters by keyword name, already typed.
        login: the user of a user-scope route (``None``: the session's user).
        page_size: rows per request, for a paged report.
        concurrency: pages in flight at once, for a paged report.
        start_row: the first row to fetch, for a paged report.

    Returns:
        For a paged report, the :class:`Report` of :class:`Row` mappings, not yet started;
        otherwise the response's data, after sending the request.

    Raises:
        luxsci_async.ConfigurationError: the session's scope cannot serve the route.
        TypeError, ValueError: a value is missing or invalid (nothing was sent).
    """
    # Internal, all three: the request builder, a scope's pipeline and path values, and
    # Report's constructor (which takes a prepared request).
    from .._routes.prepare import keep_data, prepare

    scope = lux.account if route.scope == "account" else lux.user(login)
    request = prepare(route, scope._values, values)
    if route.report is not None:
        return Report(
            scope._pipeline,
            request,
            None,
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
            scope_values=scope._values,
        )
    # The CLI prints the data as sent, not decoded into the route's model.
    return await scope._pipeline.call(request, keep_data)
