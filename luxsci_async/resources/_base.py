"""Runtime base of the generated endpoint classes: one generic call path for every route."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .._routes.prepare import prepare
from .._routes.table import ROUTES
from .._types import Attachment

if TYPE_CHECKING:
    from .._pagination import Report
    from .._session import LuxSci

RowT = TypeVar("RowT")


class Scope:
    """A scope (one account, or one user) of a session; endpoint groups hang off it."""

    def __init__(self, session: LuxSci, values: Mapping[str, str]) -> None:
        self._session = session
        self._values = dict(values)

    @property
    def session(self) -> LuxSci:
        """The session this scope sends through."""
        return self._session

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._values}>"


class Resource:
    """A group of endpoints (``lux.account.users``, ``lux.user().profile``, ...)."""

    __slots__ = ("_scope",)

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    async def _call(
        self,
        operation_id: str,
        args: Mapping[str, Any],
        *,
        attachments: Sequence[Attachment] | None = None,
    ) -> Any:
        route = ROUTES[operation_id]
        request = prepare(route, self._scope._values, args, attachments=attachments)
        return await request.send(self._scope._session)

    def _report(
        self,
        operation_id: str,
        args: Mapping[str, Any],
        row: type[RowT],
        *,
        page_size: int | None,
        concurrency: int | None,
        start_row: int,
    ) -> Report[RowT]:
        from .._pagination import Report

        route = ROUTES[operation_id]
        request = prepare(route, self._scope._values, args)
        return Report(
            self._scope._session,
            request,
            row,
            page_size=page_size,
            concurrency=concurrency,
            start_row=start_row,
            scope_values=self._scope._values,
        )
