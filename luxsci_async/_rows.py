"""Report rows: read-only mappings, or typed attrs rows built by code compiled once per header.

A report page is a ``header`` (column names) and rows (lists of values). Building a typed
row per row through cattrs would dominate a bulk pull, so for each (row class, header) pair
a small constructor is generated once and reused for every row of every page.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from functools import lru_cache
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
        try:
            return datetime.fromisoformat(value).replace(tzinfo=timezone.utc)
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


@lru_cache(maxsize=256)
def typed_row_factory(cls: type[RowT], header: tuple[str, ...]) -> Callable[[Sequence[Any]], RowT]:
    """A function building ``cls`` from one row laid out as ``header``."""
    hints = typing.get_type_hints(cls)
    all_fields = attrs.fields(typing.cast(Any, cls))
    fields = {f.alias or f.name: f for f in all_fields if f.name != EXTRA_FIELD}
    has_extra = any(f.name == EXTRA_FIELD for f in all_fields)
    namespace: dict[str, Any] = {"cls": cls}
    args = []
    extra = []
    for index, column in enumerate(header):
        field = fields.get(column)
        if field is None:
            extra.append(f"{column!r}: r[{index}]")
            continue
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
    build: Callable[[Sequence[Any]], RowT] = namespace["build"]
    return build


def mapping_rows(header: Sequence[str], rows: list[Sequence[Any]]) -> list[Row]:
    """Wrap decoded rows as :class:`Row` mappings sharing one column index."""
    index = {name: i for i, name in enumerate(header)}
    return [Row(values, index) for values in rows]


def build_rows(row_type: type[Any] | None, header: Sequence[str], rows: list[Any]) -> list[Any]:
    """Rows of one page as ``row_type`` instances (or :class:`Row` mappings when ``None``)."""
    if row_type is None:
        return mapping_rows(header, rows)
    build = typed_row_factory(typing.cast(Any, row_type), tuple(header))
    return [build(values) for values in rows]
