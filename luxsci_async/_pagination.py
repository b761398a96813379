"""Paged reports as async iterators with bounded memory, and asynchronous report jobs.

LuxSci pages reports by offset (``first_row`` + ``matches``) and tells the total. The first
page is fetched alone (it warms auth and reveals the total); later pages are fetched in
windows of at most ``concurrency`` pages at once, then handed out in order. Each window's
task group is entered and left inside one step of the iteration, and nothing is ever
yielded from inside it (PEP 789), so ``break`` or cancellation leaves no request running;
memory stays bounded by ``concurrency x page_size`` rows however long the report.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Generic, NoReturn, TypeVar

import anyio
import attrs

from ._assumptions import (
    DESTINATION_PARAMS,
    JOB_DONE_STATUSES,
    JOB_FAILED_STATUS,
    JOB_ID,
    REPORT_FIRST_ROW,
    REPORT_HEADER,
    REPORT_MATCHES,
    REPORT_MAX_MATCHES,
    REPORT_ROWS,
    REPORT_TOTAL,
)
from ._convert import describe_error, format_datetime, structure
from ._encoding import encode_query
from ._rows import build_rows
from .errors import (
    APIError,
    JobFailedError,
    LuxSciError,
    PaginationError,
    ResponseValidationError,
)

if TYPE_CHECKING:
    from ._routes.prepare import Prepared
    from ._session import LuxSci
    from .models import Job

RowT = TypeVar("RowT")
logger = logging.getLogger("luxsci_async")

DEFAULT_PAGE_SIZE = 2_000
"""Rows per request unless told otherwise. With the default concurrency (8) at most ~16,000
rows are held at once, whatever the report's length; larger pages cost fewer round trips
and more memory (see docs/reports.md)."""
_PINNED_UPPER_BOUNDS = ("through_date", "before_date")


@attrs.frozen
class Page(Generic[RowT]):
    """One page of a report: its rows, where it starts, and the report's total.

    ``rows`` is a :class:`~luxsci_async.TypedRowList` (typed reports) or a
    :class:`~luxsci_async.RowList` (mappings): each row is made when it is reached.
    """

    rows: Sequence[RowT]
    first_row: int
    total: int
    header: tuple[str, ...]

    @property
    def next_row(self) -> int:
        """The ``first_row`` of the page after this one (resume point)."""
        return self.first_row + len(self.rows)


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
        session: LuxSci,
        request: Prepared,
        row: type[RowT] | None,
        *,
        page_size: int | None = None,
        concurrency: int | None = None,
        start_row: int = 0,
        scope_values: Mapping[str, str] | None = None,
    ) -> None:
        self._session = session
        self._request = request
        self._row = row
        self.page_size = _check_int(
            "page_size",
            DEFAULT_PAGE_SIZE if page_size is None else page_size,
            1,
            REPORT_MAX_MATCHES,
        )
        default_concurrency = session._settings.max_concurrency
        self.concurrency = _check_int(
            "concurrency", default_concurrency if concurrency is None else concurrency, 1
        )
        self.start_row = _check_int("start_row", start_row, 0)
        self._scope_values = dict(scope_values or {})

    def __repr__(self) -> str:
        return f"<Report {self._request.method} {self._request.path} page_size={self.page_size}>"

    # -- requests ---------------------------------------------------------------------------

    def _pinned_query(self) -> str:
        """The caller's filters, with the window's upper end fixed now if it was open."""
        query = self._request.query
        given = {part.split("=", 1)[0] for part in query.split("&") if part}
        if given.isdisjoint(_PINNED_UPPER_BOUNDS):
            now = format_datetime(datetime.now(timezone.utc))
            query = "&".join(filter(None, [query, encode_query({"through_date": now})]))
        return query

    async def _get(self, query: str, extra: Mapping[str, Any]) -> Any:
        full = "&".join(filter(None, [query, encode_query(extra)]))
        return await self._session.send(
            "GET", self._request.path, query=full, body=None, idempotent=True
        )

    async def _fetch(self, query: str, first_row: int, matches: int) -> Page[RowT]:
        data = await self._get(query, {REPORT_FIRST_ROW: first_row, REPORT_MATCHES: matches})
        return self._decode(data, first_row)

    def _decode(self, data: Any, first_row: int) -> Page[RowT]:
        try:
            header = tuple(
                str(h["name"]) if isinstance(h, Mapping) else str(h) for h in data[REPORT_HEADER]
            )
            rows = data.get(REPORT_ROWS) or []
            total = int(data[REPORT_TOTAL])
            # Two passes in C: every row a list (a dict or a string has a length too) and
            # as long as the header.
            if not isinstance(rows, list) or (
                rows and (set(map(type, rows)) != {list} or set(map(len, rows)) != {len(header)})
            ):
                raise ValueError(f"rows must be lists of {len(header)} cells, like the header")
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise ResponseValidationError(
                f"malformed report page at first_row={first_row}: {exc}",
                body=repr(data)[:2000],
                data=data,
                method="GET",
                path=self._request.path,
            ) from None
        fail = functools.partial(self._row_failed, data, first_row, rows)
        built = build_rows(self._row, header, rows, fail)
        return Page(rows=built, first_row=first_row, total=total, header=header)

    def _row_failed(
        self, data: Any, first_row: int, rows: list[Any], row: Any, exc: Exception
    ) -> NoReturn:
        """A typed row's cells could not be converted (rows are built as they are reached).

        Whoever read ``page.rows`` may not have kept the rows before this one, so the pull
        resumes at the page's start; ``async for`` over the report, which handed each of
        them out, resumes at the bad row itself (``_RowIterator``).
        """
        index = first_row + next(i for i, r in enumerate(rows) if r is row)
        cause = ResponseValidationError(
            f"malformed report row {index}: {describe_error(exc)}",
            body=repr(row)[:2000],
            data=data,
            method="GET",
            path=self._request.path,
        )
        raise PaginationError(str(cause), resume_row=first_row, bad_row=index) from cause

    # -- iteration --------------------------------------------------------------------------

    async def count(self) -> int:
        """The number of matching rows (``matches=0``: no rows are transferred)."""
        page = await self._fetch(self._pinned_query(), 0, 0)
        return page.total

    def __aiter__(self) -> AsyncIterator[RowT]:
        return _RowIterator(self.pages())

    def pages(self) -> AsyncIterator[Page[RowT]]:
        """Every page in order, from ``start_row``."""
        return _PageIterator(self)

    async def _fetch_window(
        self, query: str, offsets: list[int], size: int
    ) -> list[Page[RowT] | BaseException]:
        """Fetch pages concurrently; each result is a page or the error that page raised."""
        results: list[Page[RowT] | BaseException] = [ValueError("not fetched")] * len(offsets)

        async def one(i: int, first_row: int) -> None:
            try:
                results[i] = await self._fetch(query, first_row, size)
            except (APIError, LuxSciError) as exc:
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
        """Run the report as a background job that uploads a CSV (README assumption 5).

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
        data = await self._get(self._pinned_query(), extra)
        try:
            job_id = int(data[JOB_ID])
        except (KeyError, TypeError, ValueError):
            raise ResponseValidationError(
                "the export answer has no job id", body=repr(data)[:2000], data=data
            ) from None
        return JobHandle(self._session, self._scope_values, job_id)


class _PageIterator(Generic[RowT]):
    """Pages in order. A class, not an async generator: nothing is left suspended after
    ``break``, so there is nothing to finalise (and no trio/asyncio GC warnings)."""

    def __init__(self, report: Report[RowT]) -> None:
        self._report = report
        self._query: str | None = None
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
        if self._query is None:
            self._query = report._pinned_query()
            offsets = [self._offset]
        elif self._offset >= self._total:
            self._done = True
            return
        else:
            offsets = [self._offset + i * size for i in range(report.concurrency)]
            offsets = [o for o in offsets if o < self._total]
        results = await report._fetch_window(self._query, offsets, size)
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


_END: Any = object()


class _RowIterator(Generic[RowT]):
    """Rows in order, page after page."""

    __slots__ = ("_pages", "_rows")

    def __init__(self, pages: AsyncIterator[Page[RowT]]) -> None:
        self._pages = pages
        self._rows: Iterator[RowT] = iter(())

    def __aiter__(self) -> _RowIterator[RowT]:
        return self

    async def __anext__(self) -> RowT:
        # Called once per row of every report: keep the common case to one next().
        try:
            row = next(self._rows, _END)
            while row is _END:
                page = await self._pages.__anext__()
                self._rows = iter(page.rows)
                row = next(self._rows, _END)
        except PaginationError as exc:
            # The pull ends here, also when a row could not be built: the rows after it
            # are not handed out as if nothing were missing.
            self._pages = _NoPages()
            self._rows = iter(())
            if exc.bad_row is None:
                raise
            # Every row before the bad one has been handed out by this iterator.
            bad, cause = exc.bad_row, exc.__cause__
            raise PaginationError(str(cause), resume_row=bad, bad_row=bad) from cause
        return row  # RowT or _END's Any: no typing.cast(), which would be a call per row


class _NoPages:
    """The pages of a pull that has ended on an error."""

    def __aiter__(self) -> _NoPages:
        return self

    async def __anext__(self) -> Any:
        raise StopAsyncIteration


class JobHandle:
    """An asynchronous report job: ``await handle.wait()`` until it completes."""

    def __init__(self, session: LuxSci, scope_values: Mapping[str, str], job_id: int) -> None:
        self._session = session
        self._scope_values = dict(scope_values)
        self.job_id = job_id

    def __repr__(self) -> str:
        return f"<JobHandle {self.job_id}>"

    def __await__(self) -> Generator[Any, None, Job]:
        return self.get().__await__()

    async def get(self) -> Job:
        """The job's current state."""
        from ._routes.prepare import prepare
        from ._routes.table import ROUTES
        from .models import Job

        operation = "getAccountJob" if "account" in self._scope_values else "getUserJob"
        request = prepare(ROUTES[operation], self._scope_values, {"job_id": self.job_id})
        return structure(await request.send(self._session), Job)

    async def wait(
        self,
        *,
        poll_interval: float = 2.0,
        max_interval: float = 30.0,
        timeout: float | None = None,  # noqa: ASYNC109 - part of the documented surface
        progress: Callable[[Job], None] | None = None,
    ) -> Job:
        """Poll (backing off from ``poll_interval`` to ``max_interval``) until the job is done.

        Raises :class:`JobFailedError` if it fails, ``TimeoutError`` after ``timeout``
        seconds. ``progress`` is called with each state seen (``completed_rows`` out of
        ``expected_rows``).
        """
        for name, value in [
            ("poll_interval", poll_interval),
            ("max_interval", max_interval),
            ("timeout", 1.0 if timeout is None else timeout),
        ]:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"{name}: expected a number, got {type(value).__name__}")
            if not 0 < value < float("inf"):  # also refuses NaN
                raise ValueError(f"{name}: must be a finite number > 0, got {value!r}")
        if max_interval < poll_interval:
            raise ValueError("max_interval: must be >= poll_interval")
        if progress is not None and not callable(progress):
            raise TypeError(f"progress: expected a callable, got {type(progress).__name__}")
        interval = poll_interval
        with anyio.fail_after(timeout):
            while True:
                job = await self.get()
                if progress is not None:
                    progress(job)
                status = str(job.status.value if job.status is not None else "")
                if status in JOB_DONE_STATUSES:
                    if status == JOB_FAILED_STATUS:
                        raise JobFailedError(job)
                    return job
                await anyio.sleep(interval)
                interval = min(max_interval, interval * 1.5)
