"""One page of a report: what LuxSci's page looks like, and how it becomes rows.

A page is ``{"header": [...], "rows": [[...], ...], "total_rows": N}``: the shape is checked
when the page is decoded (inside the request pipeline, so a malformed page names the status,
method and path it came from); its rows are made only when they are reached.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, Generic, NoReturn, TypeVar

import attrs

from ._assumptions import REPORT_HEADER, REPORT_ROWS, REPORT_TOTAL
from ._convert import describe_error
from ._routes.prepare import Decode
from ._rows import build_rows
from ._wire import RawResponse
from .errors import PaginationError, ResponseValidationError

RowT = TypeVar("RowT")


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


def page_decoder(row: type[Any] | None, first_row: int, path: str) -> Decode:
    """The decoder of the page starting at ``first_row`` (rows typed as ``row``, or mappings).

    ``path`` names the report in the errors of rows that fail later, when they are reached.
    """

    def decode(data: Any, raw: RawResponse) -> Page[Any]:
        try:
            header = tuple(
                str(h["name"]) if isinstance(h, Mapping) else str(h) for h in data[REPORT_HEADER]
            )
            rows = data.get(REPORT_ROWS) or []
            total = int(data[REPORT_TOTAL])
            # Two passes in C: every row a list (a dict or a string has a length too) and
            # as long as the header. Counting in a list is cheaper than collecting a set:
            # the common answer is the same object each time, found by identity.
            count = len(rows) if isinstance(rows, list) else -1
            if (
                count < 0
                or [*map(type, rows)].count(list) != count
                or [*map(len, rows)].count(len(header)) != count
            ):
                raise ValueError(f"rows must be lists of {len(header)} cells, like the header")
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
            raise ResponseValidationError(
                f"malformed report page at first_row={first_row}: {exc}", body=repr(data)[:2000]
            ) from None
        fail = functools.partial(_row_failed, data, first_row, rows, raw.status, path)
        built = build_rows(row, header, rows, fail)
        return Page(rows=built, first_row=first_row, total=total, header=header)

    return decode


def _row_failed(
    data: Any,
    first_row: int,
    rows: list[Any],
    status: int,
    path: str,
    row: Any,
    exc: Exception,
) -> NoReturn:
    """A typed row's cells could not be converted (rows are built as they are reached).

    Whoever read ``page.rows`` may not have kept the rows before this one, so the pull
    resumes at the page's start; ``async for`` over the report, which handed each of
    them out, resumes at the bad row itself.
    """
    index = first_row + next(i for i, r in enumerate(rows) if r is row)
    cause = ResponseValidationError(
        f"malformed report row {index}: {describe_error(exc)}",
        status=status,
        body=repr(row)[:2000],
        data=data,
        method="GET",
        path=path,
    )
    raise PaginationError(str(cause), resume_row=first_row, bad_row=index) from cause
