"""Paged reports as async iterators with bounded memory.

LuxSci pages reports by offset (``first_row`` + ``matches``) and tells the total. The first
page is fetched alone (it warms auth and reveals the total); later pages are fetched in
windows of at most ``concurrency`` pages at once, then handed out in order. Each window's
task group is entered and left inside one step of the iteration, and nothing is ever
yielded from inside it (PEP 789), so ``break`` or cancellation leaves no request running;
memory stays bounded by ``concurrency x page_size`` rows however long the report.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import anyio

from ._assumptions import (
    API_PREFIX,
    DESTINATION_PARAMS,
    REPORT_FIRST_ROW,
    REPORT_MATCHES,
    REPORT_MAX_MATCHES,
)
from ._convert import format_datetime
from ._defaults import PAGE_SIZE, ROWS_AHEAD
from ._encoding import query_pairs
from ._jobs import JobHandle, job_decoder
from ._pages import Page, page_decoder
from ._pipeline import Pipeline
from ._routes.prepare import Prepared
from ._rows import each_row
from ._settings import NO_OPTIONS, CallOptions
from .errors import LuxSciError, PaginationError

RowT = TypeVar("RowT")
logger = logging.getLogger("luxsci_async")

_PINNED_UPPER_BOUNDS = ("through_date", "before_date")


def _check_int(name: str, value: object, minimum: int, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected int, got {type(value).__name__}")
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f">= {minimum}"
        raise ValueError(f"{name}: must be {bound}, got {value}")
    return value


class Report(Generic[RowT]):
    """A paged LuxSci report.

    ``async for row in report`` gives every row in order; ``report.pages()`` gives
    :class:`Page` objects; ``await report.count()`` asks only for the total;
    ``await report.export(...)`` runs it as an asynchronous job instead.
    """

    def __init__(
        self,
        pipeline: Pipeline,
        request: Prepared,
        row: type[RowT] | None,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
        scope_values: Mapping[str, str] | None = None,
        options: CallOptions = NO_OPTIONS,
    ) -> None:
        self._pipeline = pipeline
        self._options = options
        self._request = request
        self._row = row
        # Against a rate budget requests are what is scarce: ask for the largest pages.
        planned = PAGE_SIZE if pipeline.settings.rate_limit is None else REPORT_MAX_MATCHES
        self.page_size = _check_int(
            "page_size", planned if page_size is None else page_size, 1, REPORT_MAX_MATCHES
        )
        default_concurrency = pipeline.settings.max_concurrency
        self.concurrency = _check_int(
            "concurrency", default_concurrency if concurrency is None else concurrency, 1
        )
        self.window = max(1, min(self.concurrency, ROWS_AHEAD // self.page_size))
        """Pages fetched at once: at most ``concurrency``, and no more rows than
        ``ROWS_AHEAD`` (with the largest pages, one page at a time)."""
        self.start_row = _check_int("start_row", start_row, 0)
        self._scope_values = dict(scope_values or {})

    def __repr__(self) -> str:
        return f"<Report {self._request.method} {self._request.path} page_size={self.page_size}>"

    # -- requests ---------------------------------------------------------------------------

    def _pinned(self) -> Prepared:
        """The caller's request, with the window's upper end fixed now if it was open."""
        request = self._request
        if {name for name, _ in request.query}.isdisjoint(_PINNED_UPPER_BOUNDS):
            now = format_datetime(datetime.now(UTC))
            request = request.with_query(("through_date", now))
        return request

    async def _fetch(self, request: Prepared, first_row: int, matches: int) -> Page[RowT]:
        page: Page[RowT] = await self._pipeline.call(
            request.with_query((REPORT_FIRST_ROW, str(first_row)), (REPORT_MATCHES, str(matches))),
            page_decoder(self._row, first_row, API_PREFIX + self._request.path),
            self._options,
        )
        return page

    # -- iteration --------------------------------------------------------------------------

    async def count(self) -> int:
        """The number of matching rows (``matches=0``: no rows are transferred)."""
        page = await self._fetch(self._pinned(), 0, 0)
        return page.total

    def __aiter__(self) -> AsyncIterator[RowT]:
        return each_row(self.pages())

    def pages(self) -> AsyncIterator[Page[RowT]]:
        """Every page in order, from ``start_row``."""
        return _PageIterator(self)

    async def _fetch_window(
        self, request: Prepared, offsets: list[int], size: int
    ) -> list[Page[RowT] | BaseException]:
        """Fetch pages concurrently; each result is a page or the error that page raised."""
        results: list[Page[RowT] | BaseException] = [ValueError("not fetched")] * len(offsets)

        async def one(i: int, first_row: int) -> None:
            try:
                results[i] = await self._fetch(request, first_row, size)
            except LuxSciError as exc:
                results[i] = exc

        if len(offsets) == 1:
            await one(0, offsets[0])
            return results
        async with anyio.create_task_group() as tg:
            for i, first_row in enumerate(offsets):
                tg.start_soon(one, i, first_row)
        return results

    # -- asynchronous export ----------------------------------------------------------------

    async def export(
        self, *, destination: str, matches: int | None = None, **destination_params: str
    ) -> JobHandle:
        """Run the report as a background job that uploads a CSV.

        ``destination`` and the other ``destination_*`` keyword arguments are passed on as
        query parameters. The job starts at ``start_row``; ``matches`` caps its rows (the
        server's default applies when omitted; asynchronous jobs have no maximum).
        Returns a :class:`JobHandle` to wait on.
        """
        if not isinstance(destination, str) or not destination.strip():
            raise ValueError("destination: must be a non-empty str")
        extra: dict[str, Any] = {"destination": destination}
        if self.start_row:
            extra[REPORT_FIRST_ROW] = self.start_row
        if matches is not None:
            extra[REPORT_MATCHES] = _check_int("matches", matches, 0)
        for key, value in destination_params.items():
            if key not in DESTINATION_PARAMS:
                raise TypeError(f"export: unknown parameter {key!r} (known: {DESTINATION_PARAMS})")
            extra[key] = value
        handle: JobHandle = await self._pipeline.call(
            self._pinned().with_query(*query_pairs(extra)),
            job_decoder(self._pipeline, self._scope_values, self._options),
            self._options,
        )
        return handle


class _PageIterator(Generic[RowT]):
    """Pages in order. A class, not an async generator: one step per page costs nothing
    worth saving, and nothing is left suspended after ``break`` (see :func:`each_row`)."""

    def __init__(self, report: Report[RowT]) -> None:
        self._report = report
        self._request: Prepared | None = None
        self._ready: deque[Page[RowT]] = deque()
        self._error: PaginationError | None = None
        self._offset = report.start_row
        self._total = -1
        self._done = False

    def __aiter__(self) -> _PageIterator[RowT]:
        return self

    async def __anext__(self) -> Page[RowT]:
        while not self._ready:
            if self._error is not None:
                error, self._error = self._error, None
                self._done = True
                raise error
            if self._done:
                raise StopAsyncIteration
            await self._advance()
        return self._ready.popleft()

    async def _advance(self) -> None:
        report = self._report
        size = report.page_size
        if self._request is None:
            self._request = report._pinned()
            offsets = [self._offset]
        elif self._offset >= self._total:
            self._done = True
            return
        else:
            offsets = [self._offset + i * size for i in range(report.window)]
            offsets = [o for o in offsets if o < self._total]
        results = await report._fetch_window(self._request, offsets, size)
        for start, outcome in zip(offsets, results):
            if start != self._offset:
                break  # an earlier page came back short: refetch from where it ended
            if isinstance(outcome, BaseException):
                self._error = PaginationError(str(outcome), resume_row=start)
                self._error.__cause__ = outcome
                return
            self._ready.append(outcome)
            self._total = outcome.total
            self._offset = outcome.next_row
            if not outcome.rows:
                self._done = True
                return
            if len(outcome.rows) < size and self._offset < self._total:
                logger.debug("short page at %d (%d rows)", start, len(outcome.rows))
                break
        if self._offset >= self._total:
            self._done = True
