"""Report rows: read-only mappings, or typed attrs rows built by code compiled once per header.

A report page is a ``header`` (column names) and rows (lists of values). Building a typed
row per row through cattrs would dominate a bulk pull, so for each (row class, header) pair
a small row iterator is generated once and reused for every page. Both kinds of row are
made when they are reached, not a page at a time, and :func:`each_row` hands them out one
``async for`` step each.
"""

from __future__ import annotations

import operator
import sys
import sysconfig
import types
import typing
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from datetime import datetime
from functools import lru_cache
from sys import getrefcount
from typing import Any, NoReturn, Protocol, TypeVar

import attrs

from ._convert import EXTRA_FIELD, unwrap_optional, value_converter
from ._slots import (
    blank_source,
    can_fill_slots,
    default_source,
    needs_converting,
    slot_twin,
    utc_text_source,
)
from .errors import PaginationError

RowT = TypeVar("RowT")
RowT_co = TypeVar("RowT_co", covariant=True)


class Row(Mapping[str, Any]):
    """One report row as a read-only mapping from column name to value.

    Rows are made by the SDK (report iteration, :class:`RowList`), not by hand. A row that
    nothing holds any more may be filled again with a later row; one that is held (kept in
    a list, say) never changes.
    """

    # No __init__: calling a class that has none stays in C, and one Row is made per row of
    # a report (a Python __init__ was ~40% of a Row's cost; benchmarks/README.md). Rows are
    # filled where they are made, by make_row() or inline in the two loops below, which
    # also fill again a row nobody holds any more (_references). No __weakref__ slot: a
    # weak reference is the one hold on a row that its reference count would not show.
    __slots__ = ("_index", "_values")

    _values: Sequence[Any]
    _index: Mapping[str, int]

    def __getitem__(self, column: str) -> Any:
        return self._values[self._index[column]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(self)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self) == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


def make_row(values: Sequence[Any], index: Mapping[str, int]) -> Row:
    """The row of ``values`` laid out as ``index`` (column name to position)."""
    row = Row()
    row._values = values
    row._index = index
    return row


_NO_EXTRA: Mapping[str, Any] = types.MappingProxyType({})
"""The ``extra`` of every row without unknown columns: one shared, read-only empty mapping."""

RowFailure = Callable[[Sequence[Any], Exception], NoReturn]
"""Called with a row's cells and the error when a row cannot be built, and raises what the
caller should see (the paginator's error names the row and where to resume)."""

RowIterate = Callable[[Iterable[Sequence[Any]], RowFailure], Iterator[Any]]
"""Builds typed rows one at a time from decoded rows laid out as one header."""


def _row_builder(cls: type[Any], header: tuple[str, ...]) -> Callable[[Sequence[Any]], Any]:
    """Build one row through the class's own ``__init__``, converting each cell carefully."""
    hints = typing.get_type_hints(cls)
    all_fields = attrs.fields(cls)
    fields = {f.alias or f.name: f for f in all_fields if f.name != EXTRA_FIELD}
    has_extra = any(f.name == EXTRA_FIELD for f in all_fields)
    namespace: dict[str, Any] = {"cls": cls}
    args = []
    extra = []
    seen = set()
    for index, column in enumerate(header):
        field = fields.get(column)
        if field is None or field.name in seen:  # unknown, or a repeated column
            extra.append(f"{column!r}: r[{index}]")
            continue
        seen.add(field.name)
        conv = value_converter(hints[field.name])
        if conv is None:
            args.append(f"{field.name}=r[{index}]")
        else:
            namespace[f"c{index}"] = conv
            args.append(f"{field.name}=(None if (v := r[{index}]) is None else c{index}(v))")
    if extra and has_extra:
        args.append(f"{EXTRA_FIELD}={{{', '.join(extra)}}}")
    source = f"def build(r):\n    return cls({', '.join(args)})\n"
    exec(compile(source, f"<row builder {cls.__name__}>", "exec"), namespace)
    build: Callable[[Sequence[Any]], Any] = namespace["build"]
    return build


def _fast_lines(
    cls: type[Any], header: tuple[str, ...], namespace: dict[str, Any], *, stores: bool
) -> list[str]:
    """Statements filling a new row ``o`` from cells ``r``.

    With ``stores``, ``o`` is a twin (:func:`~._slots.slot_twin`) filled by plain
    attribute stores; otherwise a ``cls`` instance filled through the slots' setters. The
    cells are unpacked into locals in one step (cheaper than one subscript each), so a row
    of another length raises ``ValueError``, and the careful path takes it.
    """

    def assign(name: str, setter: str, value: str) -> str:
        if stores:
            return f"o.{name} = {value}"
        namespace[setter] = vars(cls)[name].__set__
        return f"{setter}(o, {value})"

    hints = typing.get_type_hints(cls)
    all_fields = attrs.fields(cls)
    by_column = {f.alias or f.name: f for f in all_fields if f.name != EXTRA_FIELD}
    namespace.update(NO_EXTRA=_NO_EXTRA, wrong=needs_converting)
    lines = [f"{''.join(f'x{index}, ' for index in range(len(header)))}= r"] if header else []
    seen = set()
    extra = []
    for index, column in enumerate(header):
        field = by_column.get(column)
        if field is None or field.name in seen:
            extra.append(f"{column!r}: x{index}")
            continue
        seen.add(field.name)
        tp = unwrap_optional(hints[field.name])
        if tp is datetime:
            # Read as parse_datetime first reads a text. Whatever that refuses (a bare date,
            # an offset: ValueError; None: TypeError) takes the careful path.
            value = utc_text_source(namespace, f"x{index}")
        elif tp is str:
            # Text plus "" is the text itself; anything else a decoder gives (None, a
            # number, a list) raises TypeError. Cheaper than a test of its class.
            value = f"x{index} + ''"
        elif tp in (int, float):
            namespace[f"t{index}"] = tp
            value = f"x{index} if x{index}.__class__ is t{index} else wrong()"
        else:
            value = f"x{index}" if tp is Any else "wrong()"
        lines.append(assign(field.name, f"s{index}", value))
    for field in all_fields:
        if field.name in seen or field.name == EXTRA_FIELD:
            continue
        value = default_source(field, namespace, f"v_{field.name}")
        lines.append(assign(field.name, f"d_{field.name}", value))
    if any(f.name == EXTRA_FIELD for f in all_fields):
        value = f"{{{', '.join(extra)}}}" if extra else "NO_EXTRA"
        lines.append(assign(EXTRA_FIELD, "s_extra", value))
    return lines


@lru_cache(maxsize=256)
def typed_row_iterator(cls: type[Any], header: tuple[str, ...]) -> RowIterate:
    """A generator function building ``cls`` rows laid out as ``header``, one per step.

    Rows are built as they are reached rather than a page at a time: a row the caller has
    moved past is freed before the next is made, so building reuses the same warm memory
    instead of filling fresh memory with a page of objects (on 50,000-row pages that is
    half the cost of a typed row; ``benchmarks/README.md``).

    The fast path assumes well-formed cells (text where text is declared, ``YYYY-MM-DD
    HH:MM:SS`` dates) and fills the row's slots directly (through a twin class, see
    :func:`~._slots.slot_twin`, where the row class allows it); any row it cannot take (a
    ``None`` date, a number where text is declared, ...) goes through the careful
    :func:`_row_builder` instead, so results never differ, only their cost. A row the
    careful path cannot build either is handed to ``fail``, which raises.
    """
    careful = _row_builder(cls, header)
    if not can_fill_slots(cls):
        body = "o = careful(r)"
        namespace: dict[str, Any] = {"careful": careful}
    else:
        twin = slot_twin(cls)
        namespace = {"cls": cls, "careful": careful}
        blank = blank_source(namespace, cls, twin)
        lines = _fast_lines(cls, header, namespace, stores=twin is not None)
        if twin is not None:
            lines.append("o.__class__ = cls")  # filled: now it is the row it was built as
        fast = "\n".join(f"                {line}" for line in lines)
        body = (
            "try:\n"
            f"                o = {blank}\n"
            f"{fast}\n"
            "            except (TypeError, ValueError):\n"
            "                o = careful(r)"
        )
    source = (
        "def iterate(rows, fail):\n"
        "    for r in rows:\n"
        "        try:\n"
        f"            {body}\n"
        "        except Exception as exc:\n"
        "            fail(r, exc)\n"
        "            raise  # fail() raises; never hand out a row that was not built\n"
        "        yield o\n"
    )
    exec(compile(source, f"<row iterator {cls.__name__}>", "exec"), namespace)
    iterate: RowIterate = namespace["iterate"]
    return iterate


class _LazyRows(Sequence[RowT]):
    """What both kinds of page share: decoded rows, each turned into a row when reached."""

    __slots__ = ("_values",)

    _values: list[Sequence[Any]]

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        # Compared row by row, with other pages or plain lists and tuples of rows.
        if isinstance(other, (_LazyRows, list, tuple)):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} rows)"


class TypedRowList(_LazyRows[RowT]):
    """A page of typed rows, each built when it is reached (not all up front).

    Iterating twice builds the rows twice: keep them (``list(page.rows)``) to reuse them.
    """

    __slots__ = ("_fail", "_iterate")

    def __init__(self, values: list[Sequence[Any]], iterate: RowIterate, fail: RowFailure) -> None:
        self._values = values
        self._iterate = iterate
        self._fail = fail

    @typing.overload
    def __getitem__(self, item: int) -> RowT: ...
    @typing.overload
    def __getitem__(self, item: slice) -> TypedRowList[RowT]: ...
    def __getitem__(self, item: int | slice) -> RowT | TypedRowList[RowT]:
        if isinstance(item, slice):
            return TypedRowList(self._values[item], self._iterate, self._fail)
        row: RowT = next(self._iterate((self._values[item],), self._fail))
        return row

    def __iter__(self) -> Iterator[RowT]:
        return self._iterate(self._values, self._fail)


class RowList(_LazyRows[Row]):
    """A page of :class:`Row` mappings, each made when it is reached (not all up front)."""

    __slots__ = ("_index",)

    def __init__(self, values: list[Sequence[Any]], index: Mapping[str, int]) -> None:
        self._values = values
        self._index = index

    @typing.overload
    def __getitem__(self, item: int) -> Row: ...
    @typing.overload
    def __getitem__(self, item: slice) -> RowList: ...
    def __getitem__(self, item: int | slice) -> Row | RowList:
        if isinstance(item, slice):
            return RowList(self._values[item], self._index)
        return make_row(self._values[item], self._index)

    def __iter__(self) -> Iterator[Row]:
        index = self._index
        spare: Any = None  # as in _each_row: the row before the last, reused once let go
        row: Any = None
        for values in self._values:
            if _references(spare) == 2:
                spare, row = row, spare
            else:
                spare, row = row, Row()  # as make_row(), without a call per row
                row._index = index
            row._values = values
            yield row


def mapping_rows(header: Sequence[str], rows: list[Sequence[Any]]) -> RowList:
    """Decoded rows as :class:`Row` mappings sharing one column index."""
    return RowList(rows, {name: i for i, name in enumerate(header)})


def build_rows(
    row_type: type[Any] | None, header: Sequence[str], rows: list[Any], fail: RowFailure
) -> Sequence[Any]:
    """Rows of one page as ``row_type`` instances (or :class:`Row` mappings when ``None``).

    Either way a row is made when it is reached; ``fail`` raises for a typed row whose
    cells cannot be converted.
    """
    if row_type is None:
        return mapping_rows(header, rows)
    return TypedRowList(rows, typed_row_iterator(typing.cast(Any, row_type), tuple(header)), fail)


class _Paged(Protocol[RowT_co]):
    """What :func:`each_row` reads of a page."""

    @property
    def rows(self) -> Sequence[RowT_co]: ...


def each_row(pages: AsyncIterator[_Paged[RowT]]) -> AsyncGenerator[RowT, None]:
    """Rows in order, page after page, from an async generator that needs no finalising.

    Each row is one step of an ``async for``. An async generator's step costs the least an
    ``async for`` can take (no coroutine is made per row; ``benchmarks/README.md``), but an
    event loop's hooks would have it closed later by the loop when it is dropped unfinished
    (after ``break``), and trio warns about every such generator. This one takes its first
    step here, with no hooks set, so once dropped it is closed at once, in place, like any
    other object: it holds nothing that needs an ``await`` to let go.
    """
    rows = _each_row(pages)
    hooks = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
    try:
        # The first step only yields _STARTED: it ends at once, never suspended in the loop.
        rows.asend(None).send(None)
    except StopIteration:
        pass
    finally:
        sys.set_asyncgen_hooks(firstiter=hooks.firstiter, finalizer=hooks.finalizer)
    return rows


_STARTED: Any = object()


async def _each_row(pages: AsyncIterator[_Paged[RowT]]) -> AsyncGenerator[RowT, None]:
    yield _STARTED  # taken by each_row(), never by the caller
    try:
        async for page in pages:
            rows = page.rows
            del page
            if rows.__class__ is RowList:
                # Mapping rows are made here, as make_row() makes them: in this frame, a
                # row costs no call and no generator step of its own.
                mapped: Any = rows
                index = mapped._index
                # A row the caller has let go is filled again rather than freed and made
                # anew (see _references). The caller's loop variable still holds the last
                # row when the next is asked for, so two rows take turns: the one handed
                # out before the last (spare) is free if only spare holds it.
                spare: Any = None
                row: Any = None
                for values in mapped._values:
                    if _references(spare) == 2:  # spare's, and this call's argument
                        spare, row = row, spare
                    else:
                        spare, row = row, Row()
                        row._index = index
                    row._values = values
                    yield row
                del mapped, spare, row
            else:
                for item in rows:
                    yield item
            del rows  # let the page just read go before the next arrives: one page in memory
    except PaginationError as exc:
        # The pull ends here, also when a row could not be built: the rows after it are not
        # handed out as if nothing were missing.
        if exc.bad_row is None:
            raise
        # Every row before the bad one has been handed out by this generator.
        bad, cause = exc.bad_row, exc.__cause__
        raise PaginationError(str(cause), resume_row=bad, bad_row=bad) from cause


def _never_alone(row: object) -> int:
    """Stands in for :func:`sys.getrefcount` where rows must never be reused."""
    return 0


_references: Callable[[object], int] = getrefcount
"""How the row loops tell that a row they handed out is held by nobody else.

Making a :class:`Row` and freeing it costs nearly as much as the ``async for`` step that
hands it out (``benchmarks/README.md``), and most callers let each row go before asking for
the next. CPython's own ``zip`` and ``enumerate`` reuse their result tuple on the same test: an
object whose reference count says that only the loop holds it cannot be seen by anyone
else, so filling it again changes nothing anyone can observe (even its ``id()`` would
likely have come back from the allocator). Where counts cannot be trusted for this (checked
once, below), rows are never reused and each is made anew."""


class _OnePage(AsyncIterator[Any]):
    """An async iterator of one page, for :func:`_kept_rows_stay_whole`."""

    def __init__(self, rows: RowList) -> None:
        self._left = [rows]

    async def __anext__(self) -> Any:
        if not self._left:
            raise StopAsyncIteration
        return types.SimpleNamespace(rows=self._left.pop())


def _kept_rows_stay_whole() -> bool:
    """Whether both row loops hand out a fresh row for every row the caller still holds.

    True wherever reference counts are exact (CPython with the GIL). A runtime whose counts
    lag, or whose calls borrow their argument's reference, would show here a kept row handed
    out again, and then :data:`_references` never lets a row be reused.
    """
    cells: list[Sequence[Any]] = [[n] for n in range(4)]
    kept: list[Any] = list(mapping_rows(("n",), cells))
    rows: AsyncGenerator[Any, None] = each_row(_OnePage(mapping_rows(("n",), cells)))
    while True:  # stepped by hand: nothing here waits, so no event loop is needed
        try:
            rows.asend(None).send(None)
        except StopIteration as step:
            kept.append(step.value)
        except StopAsyncIteration:
            break
    whole = [row["n"] for row in kept] == [*range(4), *range(4)]
    return whole and len({*map(id, kept)}) == len(kept)


def _choose_references() -> Callable[[object], int]:
    """:func:`sys.getrefcount` where the row loops may reuse rows, else :func:`_never_alone`."""
    if (
        sys.implementation.name != "cpython"
        or sysconfig.get_config_var("Py_GIL_DISABLED")  # counts split between threads
        or not _kept_rows_stay_whole()
    ):
        return _never_alone
    return getrefcount


_references = _choose_references()
