"""Report rows: read-only mappings, or typed attrs rows built by code compiled once per header.

A report page is a ``header`` (column names) and rows (lists of values). Building a typed
row per row through cattrs would dominate a bulk pull, so for each (row class, header) pair
a small constructor is generated once and reused for every row of every page.
"""

from __future__ import annotations

import enum
import gc
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from itertools import repeat
from typing import Any, TypeVar, Union

import attrs

from ._convert import EXTRA_FIELD, converter, parse_bool, parse_datetime

RowT = TypeVar("RowT")


class Row(Mapping[str, Any]):
    """One report row as a read-only mapping from column name to value."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: Mapping[str, int]) -> None:
        self._values = values
        self._index = index

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


def _fast_datetime(value: Any) -> datetime:
    if type(value) is str and len(value) == 19:
        # One parse with the offset appended is ~7x cheaper than parse + replace(tzinfo).
        try:
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:
            pass
    return parse_datetime(value)


def _as_str(value: Any) -> str:
    return value if type(value) is str else str(value)


def _as_int(value: Any) -> int:
    return value if type(value) is int else int(value)


def _as_float(value: Any) -> float:
    return value if type(value) is float else float(value)


def _unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _value_converter(tp: Any) -> Callable[[Any], Any] | None:
    """A fast converter for one field type (``None`` = keep the value as decoded)."""
    tp = _unwrap_optional(tp)
    if tp is str:
        return _as_str
    if tp is int:
        return _as_int
    if tp is float:
        return _as_float
    if tp is bool:
        return parse_bool
    if tp is datetime:
        return _fast_datetime
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if tp is Any:
        return None
    return lambda value: converter.structure(value, tp)


_NO_EXTRA: Mapping[str, Any] = types.MappingProxyType({})
"""The ``extra`` of every row without unknown columns: one shared, read-only empty mapping."""

PageBuilder = Callable[[list[Sequence[Any]]], list[Any]]


def _wrong_cell() -> Any:
    raise TypeError("cell needs converting")  # sends the row down the careful path


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
        conv = _value_converter(hints[field.name])
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


def _can_fill_slots(cls: type[Any]) -> bool:
    """Whether rows may be built by filling slots directly (nothing in ``__init__`` is lost)."""
    return (
        "__slots__" in vars(cls)
        and not hasattr(cls, "__attrs_post_init__")
        and not hasattr(cls, "__attrs_pre_init__")
        and all(f.validator is None and f.converter is None for f in attrs.fields(cls))
    )


@lru_cache(maxsize=256)
def typed_page_builder(cls: type[Any], header: tuple[str, ...]) -> PageBuilder:
    """A function building a whole page of ``cls`` rows laid out as ``header``.

    The fast path assumes well-formed cells (text where text is declared, ``YYYY-MM-DD
    HH:MM:SS`` dates) and fills the row's slots directly; any row it cannot take (a
    ``None`` date, a number where text is declared, ...) goes through the careful
    :func:`_row_builder` instead, so results never differ, only their cost.
    """
    careful = _row_builder(cls, header)
    if not _can_fill_slots(cls):
        return lambda rows: [careful(r) for r in rows]
    hints = typing.get_type_hints(cls)
    all_fields = attrs.fields(cls)
    by_column = {f.alias or f.name: f for f in all_fields if f.name != EXTRA_FIELD}
    namespace: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "careful": careful,
        "fromiso": datetime.fromisoformat,
        "NO_EXTRA": _NO_EXTRA,
        "wrong": _wrong_cell,
    }
    lines = []
    seen = set()
    extra = []
    for index, column in enumerate(header):
        field = by_column.get(column)
        if field is None or field.name in seen:
            extra.append(f"{column!r}: r[{index}]")
            continue
        seen.add(field.name)
        tp = _unwrap_optional(hints[field.name])
        namespace[f"s{index}"] = vars(cls)[field.name].__set__
        if tp is datetime:
            value = f'fromiso(r[{index}] + "+00:00")'  # TypeError/ValueError -> careful
        elif tp in (str, int, float):
            namespace[f"t{index}"] = tp
            value = f"v if (v := r[{index}]).__class__ is t{index} else wrong()"
        else:
            value = f"r[{index}]" if tp is Any else "wrong()"
        lines.append(f"s{index}(o, {value})")
    for field in all_fields:
        if field.name in seen or field.name == EXTRA_FIELD:
            continue
        setter = f"d_{field.name}"
        namespace[setter] = vars(cls)[field.name].__set__
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            namespace[f"f_{field.name}"] = field.default.factory
            lines.append(f"{setter}(o, f_{field.name}())")
        else:
            namespace[f"v_{field.name}"] = field.default
            lines.append(f"{setter}(o, v_{field.name})")
    if any(f.name == EXTRA_FIELD for f in all_fields):
        namespace["s_extra"] = vars(cls)[EXTRA_FIELD].__set__
        lines.append(f"s_extra(o, {{{', '.join(extra)}}})" if extra else "s_extra(o, NO_EXTRA)")
    body = "\n".join(f"            {line}" for line in lines)
    source = (
        "def build_page(rows):\n"
        "    out = []\n"
        "    append = out.append\n"
        "    for r in rows:\n"
        "        try:\n"
        "            o = new(cls)\n"
        f"{body}\n"
        "        except (TypeError, ValueError):\n"
        "            o = careful(r)\n"
        "        append(o)\n"
        "    return out\n"
    )
    exec(compile(source, f"<page builder {cls.__name__}>", "exec"), namespace)
    build_page: PageBuilder = namespace["build_page"]
    return build_page


class RowList(Sequence[Row]):
    """A page of :class:`Row` mappings, each made when it is reached (not all up front)."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: list[Sequence[Any]], index: Mapping[str, int]) -> None:
        self._values = values
        self._index = index

    def __len__(self) -> int:
        return len(self._values)

    @typing.overload
    def __getitem__(self, item: int) -> Row: ...
    @typing.overload
    def __getitem__(self, item: slice) -> RowList: ...
    def __getitem__(self, item: int | slice) -> Row | RowList:
        if isinstance(item, slice):
            return RowList(self._values[item], self._index)
        return Row(self._values[item], self._index)

    def __iter__(self) -> Iterator[Row]:
        return map(Row, self._values, repeat(self._index))

    def __repr__(self) -> str:
        return f"RowList({len(self)} rows)"


def mapping_rows(header: Sequence[str], rows: list[Sequence[Any]]) -> RowList:
    """Decoded rows as :class:`Row` mappings sharing one column index."""
    return RowList(rows, {name: i for i, name in enumerate(header)})


def build_rows(row_type: type[Any] | None, header: Sequence[str], rows: list[Any]) -> Sequence[Any]:
    """Rows of one page as ``row_type`` instances (or :class:`Row` mappings when ``None``)."""
    if row_type is None:
        return mapping_rows(header, rows)
    with paused_gc():
        return typed_page_builder(typing.cast(Any, row_type), tuple(header))(rows)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a short synchronous step (no ``await``).

    Decoding a report page, then building its rows, allocates one GC-tracked object per
    row that outlives the step: with the collector on, a 50,000-row page triggers ~70 young
    collections and full passes over every live page, which cost more than the decoding
    itself (see ``benchmarks/README.md``). Re-enabled on exit, errors included; nothing
    is changed if it was already off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
