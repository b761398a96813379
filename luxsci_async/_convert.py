"""The one cattrs converter: LuxSci JSON <-> attrs models.

Hooks are registered once, at import. Unknown keys are kept in a model's ``extra`` mapping,
enums accept values they do not know, and ``YYYY-MM-DD HH:MM:SS`` GMT strings become aware
UTC datetimes.
"""

from __future__ import annotations

import dataclasses
import enum
import math
import operator
import types
import typing
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any, TypeVar, Union

import attrs
import cattrs
import orjson
from cattrs.gen import make_dict_structure_fn

from ._assumptions import DATETIME_FORMAT, INCLUSIVE_END_PARAMS
from ._slots import (
    UTC_SUFFIX,
    blank_source,
    can_fill_slots,
    default_source,
    needs_converting,
    slot_twin,
    utc_text_source,
)
from .errors import ResponseValidationError

T = TypeVar("T")

EXTRA_FIELD = "extra"
"""Name of the field that collects keys a model does not declare."""

converter = cattrs.Converter(detailed_validation=True)


def parse_datetime(value: Any) -> datetime:
    """Parse a LuxSci ``DATETIME`` (GMT) or a Unix timestamp into an aware UTC datetime."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):  # the platform's range, or NaN
            raise ValueError(f"timestamp out of range: {value!r}") from None
    if isinstance(value, str):
        # First, as sent: the common form in a tenth of strptime's time, and any other ISO
        # form without an offset (fromisoformat takes "T" or any single character between
        # date and time); the offset appended makes the result aware. The typed-row fast
        # path (_rows) reads every date cell exactly so, and leaves the rest to this.
        try:
            return datetime.fromisoformat(value + UTC_SUFFIX)
        except ValueError:
            pass
        text = value.strip()
        if len(text) == 10:
            text += " 00:00:00"
        try:
            return datetime.strptime(text, DATETIME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            # ISO 8601 with "T" or an offset: read it rather than fail (naive means GMT).
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                return parsed.replace(tzinfo=UTC)
            return parsed.astimezone(UTC)
    raise TypeError(f"expected a date-time string, got {type(value).__name__}")


def format_datetime(value: datetime | date, *, end_of_day: bool = False) -> str:
    """Format an aware datetime as LuxSci ``DATETIME`` in GMT.

    A plain ``date`` is its first second, or its last with ``end_of_day`` (inclusive ends).
    """
    if isinstance(value, datetime):
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise ValueError("naive datetime: give a timezone-aware datetime (e.g. UTC)")
        return value.astimezone(UTC).strftime(DATETIME_FORMAT)
    return value.strftime("%Y-%m-%d 23:59:59" if end_of_day else "%Y-%m-%d 00:00:00")


def format_datetime_param(name: str, value: datetime | date) -> str:
    """Format a date parameter, honouring inclusive end bounds (``through_date``)."""
    return format_datetime(value, end_of_day=name in INCLUSIVE_END_PARAMS)


def parse_bool(value: Any) -> bool:
    """LuxSci flags arrive as 0/1, "0"/"1", or booleans."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("1", "true", "yes", "y", "on"):
            return True
        if lowered in ("0", "false", "no", "n", "off", ""):
            return False
    raise ValueError(f"not a flag: {value!r}")


converter.register_structure_hook(datetime, lambda v, _: parse_datetime(v))
converter.register_unstructure_hook(datetime, format_datetime)
converter.register_structure_hook(bool, lambda v, _: parse_bool(v))
# A predicate, not the class: registered by class, the str hook would also catch str enums.
converter.register_structure_hook_func(
    lambda t: t is str, lambda v, _: v if isinstance(v, str) else str(v)
)


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    return cls(value)


converter.register_structure_hook(enum.Enum, _structure_enum)
converter.register_unstructure_hook(enum.Enum, lambda v: v.value)


def _as_str(value: Any) -> str:
    return value if type(value) is str else str(value)


def _as_int(value: Any) -> int:
    return value if type(value) is int else int(value)


def _as_float(value: Any) -> float:
    return value if type(value) is float else float(value)


def unwrap_optional(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def value_converter(tp: Any) -> Callable[[Any], Any] | None:
    """A fast converter for one field type (``None`` = keep the value as decoded)."""
    tp = unwrap_optional(tp)
    if tp is str:
        return _as_str
    if tp is int:
        return _as_int
    if tp is float:
        return _as_float
    if tp is bool:
        return parse_bool
    if tp is datetime:
        return parse_datetime
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if tp is Any:
        return None
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = value_converter(args[0])
        if item is not None and args[0] in (str, int, float):
            return lambda value: _tuple_of(item, value)
    return lambda value: converter.structure(value, tp)


def _tuple_item(tp: Any) -> type[Any] | None:
    """The item type of ``tuple[X, ...]`` for X in str, int, float, else ``None``."""
    args = typing.get_args(tp)
    tuple_of_items = typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis
    if tuple_of_items and args[0] in (str, int, float):
        item: type[Any] = args[0]
        return item
    return None


def _tuple_of(item: Callable[[Any], Any], value: Any) -> tuple[Any, ...]:
    if type(value) is not list and type(value) is not tuple:
        raise TypeError("not a list")  # a string or a mapping: the careful path decides
    return tuple(map(item, value))


def _has_extra(cls: type[Any]) -> bool:
    return attrs.has(cls) and any(f.name == EXTRA_FIELD for f in attrs.fields(cls))


MISFITS = (TypeError, ValueError, KeyError, AttributeError, ArithmeticError)
"""What converting a value that does not fit raises (``int(inf)``: an ``OverflowError``)."""


_MISSING: Any = object()


def _compiled_structure(
    cls: type[Any], hints: Mapping[str, Any], fallback: Callable[[Any, Any], Any]
) -> Callable[[Any, Any], Any] | None:
    """A function generated for ``cls`` that builds it from a plain JSON object in one step.

    Each key is read once and each value checked inline (its exact type, or the model's
    converter), and the instance's slots are filled directly. An object holding every key
    the model declares (the usual answer) has them all read by one ``itemgetter`` call;
    one without some of them is read key by key. Anything it does not take as is (a
    missing required key, a null where none is allowed, a value its converter refuses, a
    mapping that is not a dict) is handed to ``fallback``, which gives the same result or
    the error that names the field. ``None`` when ``cls`` cannot be built by filling its
    slots (see :func:`can_fill_slots`).
    """
    if not can_fill_slots(cls):
        return None
    twin = slot_twin(cls)

    def assign(i: int, name: str, value: str) -> str:
        return f"o.{name} = {value}" if twin is not None else f"s{i}(o, {value})"

    namespace: dict[str, Any] = {
        "cls": cls,
        "fallback": fallback,
        "wrong": needs_converting,
        "M": _MISSING,
        "MISFITS": MISFITS,
    }
    dense: list[str] = []  # fills the fields from v0, v1, ...: every key is present
    sparse: list[str] = []  # reads each key itself, any of them may be absent
    known: list[str] = []
    extra: int | None = None  # the index of the extra field, if the model has one
    for i, field in enumerate(attrs.fields(cls)):
        setter = getattr(cls, field.name, None)
        if not isinstance(setter, types.MemberDescriptorType):
            return None
        namespace[f"s{i}"] = setter.__set__
        if field.name == EXTRA_FIELD:
            extra = i
            continue
        key = field.alias or field.name
        var = f"v{len(known)}"
        known.append(key)
        hint = hints[field.name]
        nullable = type(None) in typing.get_args(hint)
        tp = unwrap_optional(hint)
        namespace[f"c{i}"] = convert = value_converter(hint)
        name = field.name
        # (test of the value, what the field gets) in order; no test: "else". {v}: the value.
        cases: list[tuple[str, str]] = []
        if tp in (str, int, float, bool):
            namespace[f"t{i}"] = tp
            cases.append((f"{{v}}.__class__ is t{i}", "{v}"))
        elif tp is datetime:
            # The common form, read as parse_datetime reads it; anything else goes through it.
            parse = utc_text_source(namespace, "{v}")
            cases.append(("{v}.__class__ is str and len({v}) == 19", parse))
        cases.append(("{v} is None", "None" if nullable else "wrong()"))
        item = _tuple_item(tp)
        if item is not None:
            # A list of exactly the declared items, as _tuple_of would take it, in C.
            namespace[f"k{i}"] = frozenset({item})
            cases.append(
                (f"{{v}}.__class__ is list and k{i}.issuperset(map(type, {{v}}))", "tuple({v})")
            )
        if tp is bool:
            cases.append(("{v}.__class__ is int", "{v} != 0"))  # parse_bool
        cases.append(("", "{v}" if convert is None else f"c{i}({{v}})"))

        def chain(
            v: str, first: str, cases: list[tuple[str, str]] = cases, i: int = i, name: str = name
        ) -> list[str]:
            out = []
            for n, (test, value) in enumerate(cases):
                keyword = f"{first if n == 0 else 'elif'} {test}" if test else "else"
                out.append(f"{keyword.format(v=v)}: {assign(i, name, value.format(v=v))}")
            return out

        dense += chain(var, "if")
        missing = default_source(field, namespace, f"d{i}")
        sparse += [f"v = get({key!r}, M)", f"if v is M: {assign(i, name, missing)}"]
        sparse += chain("v", "elif")
    namespace["known"] = frozenset(known)
    distinct = len(namespace["known"])
    blank = blank_source(namespace, cls, twin)

    def body(lines: list[str], *, every_key: bool) -> str:
        if extra is not None:
            # Holding every declared key, an object has others exactly when it has more.
            plain = f"len(value) == {distinct}" if every_key else "known.issuperset(value)"
            kept = "{k: x for k, x in value.items() if k not in known}"
            lines = [*lines, assign(extra, EXTRA_FIELD, f"{{}} if {plain} else {kept}")]
        if twin is not None:
            lines = [*lines, "o.__class__ = cls"]  # filled: now it is the model it was built as
        return "\n".join(f"        {line}" for line in lines or ["pass"])

    # The key by key reading, and the one a model of one key gets alone.
    source = (
        "def sparse(value, _):\n"
        "    if value.__class__ is not dict:\n"
        "        return fallback(value, _)\n"
        "    get = value.get\n"
        "    try:\n"
        f"        o = {blank}\n"
        f"{body(sparse, every_key=False)}\n"
        "    except MISFITS:\n"
        "        return fallback(value, _)\n"
        "    return o\n"
        "structure = sparse\n"
    )
    if len(known) > 1:
        # itemgetter raises KeyError for an absent key; with fewer keys than declared some
        # are absent for sure, and the object is read key by key without that exception.
        namespace["pick"] = _key_adopting_picker(namespace, known)
        source += (
            "def structure(value, _):\n"
            f"    if value.__class__ is not dict or len(value) < {distinct}:\n"
            "        return sparse(value, _)\n"
            "    try:\n"
            f"        {', '.join(f'v{n}' for n in range(len(known)))} = pick(value)\n"
            "    except KeyError:\n"
            "        return sparse(value, _)\n"
            "    try:\n"
            f"        o = {blank}\n"
            f"{body(dense, every_key=True)}\n"
            "    except MISFITS:\n"
            "        return fallback(value, _)\n"
            "    return o\n"
        )
    exec(compile(source, f"<structure {cls.__name__}>", "exec"), namespace)
    compiled: Callable[[Any, Any], Any] = namespace["structure"]
    return compiled


def _key_adopting_picker(namespace: dict[str, Any], keys: list[str]) -> Callable[[Any], Any]:
    """``itemgetter(*keys)`` that, once it has read a dict, rebinds ``namespace["pick"]`` to
    a getter holding that dict's own key objects.

    orjson hands out one cached object per key text, parse after parse. A lookup whose key
    is the very object stored finds it by identity; an equal but distinct one costs a string
    comparison per key (~5,000 instructions for a 30-field model). Where the next dict's keys
    are other objects, the lookup falls back to comparing, as before: the values read are
    the same either way.
    """
    first = operator.itemgetter(*keys)

    def adopt(value: Any) -> Any:
        values = first(value)  # raises KeyError as any pick does, and then adopts nothing
        own = {key: key for key in value if key.__class__ is str}  # no subclass's own __eq__
        namespace["pick"] = operator.itemgetter(*(own.get(key, key) for key in keys))
        return values

    return adopt


def _make_extra_structure(cls: type[Any]) -> Callable[[Any, Any], Any]:
    inner = make_dict_structure_fn(cls, converter)
    hints = typing.get_type_hints(cls)
    fields = [f for f in attrs.fields(cls) if f.name != EXTRA_FIELD]
    known = frozenset(f.alias or f.name for f in fields)
    # Each key's field name and converter, for the direct path below.
    direct_fields = {
        f.alias or f.name: (
            f.name,
            value_converter(hints[f.name]),
            type(None) in typing.get_args(hints[f.name]),
        )
        for f in fields
    }

    def careful(value: Mapping[str, Any]) -> Any:
        extra = {k: v for k, v in value.items() if k not in known}
        if extra:
            value = {k: v for k, v in value.items() if k in known}
            value[EXTRA_FIELD] = extra
        return inner(value, cls)

    def direct(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
        # Converting each value directly with the same conversions as cattrs' hooks costs
        # a fraction of its generic path; anything odd goes the careful way, which gives
        # the same result or names the field that does not fit.
        kwargs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        try:
            for key, item in value.items():
                found = direct_fields.get(key)
                if found is None:
                    extra[key] = item
                    continue
                name, convert, nullable = found
                if item is None:
                    if not nullable:
                        raise TypeError(f"{name} cannot be null")
                    kwargs[name] = None
                else:
                    kwargs[name] = item if convert is None else convert(item)
            if extra:
                kwargs[EXTRA_FIELD] = extra
            return cls(**kwargs)
        except MISFITS:
            return careful(value)

    # Three ways, fastest first, each handing what it does not take to the next: the
    # compiled function, the direct loop, cattrs' own careful path.
    structure = _compiled_structure(cls, hints, direct) or direct
    structure.careful = careful  # type: ignore[attr-defined]  # for the tests that compare
    structure.direct = direct  # type: ignore[attr-defined]
    return structure


def _make_extra_unstructure(cls: type[Any]) -> Callable[[Any], Any]:
    names = [f.name for f in attrs.fields(cls) if f.name != EXTRA_FIELD]

    def unstructure(obj: Any) -> dict[str, Any]:
        out = dict(getattr(obj, EXTRA_FIELD))
        for name in names:
            out[name] = converter.unstructure(getattr(obj, name))
        return out

    return unstructure


converter.register_structure_hook_factory(_has_extra, _make_extra_structure)
converter.register_unstructure_hook_factory(_has_extra, _make_extra_unstructure)


def describe_error(exc: BaseException) -> str:
    """A conversion error in one line; cattrs' grouped errors name the fields that failed."""
    if isinstance(exc, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(exc))
    return str(exc)


def structure(data: Any, cls: type[T]) -> T:
    """Build ``cls`` from decoded JSON; a mismatch raises :class:`ResponseValidationError`."""
    return structurer(cls)(data)


_STRUCTURERS: dict[Any, Callable[[Any], Any]] = {}


def structurer(cls: type[T]) -> Callable[[Any], T]:
    """:func:`structure` for one type, its hook looked up once (every hook is registered at
    import, so the one found now is the one a later lookup would find)."""
    found = _STRUCTURERS.get(cls)
    if found is None:
        found = _STRUCTURERS[cls] = _structurer(cls)
    return found


def _structurer(cls: type[T]) -> Callable[[Any], T]:
    hook = converter.get_structure_hook(cls)

    def build(data: Any) -> T:
        try:
            built: T = hook(data, cls)
        except (cattrs.BaseValidationError, *MISFITS) as exc:
            raise _misfit(data, cls, exc) from None
        return built

    return build


def _misfit(data: Any, cls: Any, exc: BaseException) -> ResponseValidationError:
    detail = describe_error(exc)
    try:
        body = orjson.dumps(data).decode()
    except TypeError:
        body = repr(data)
    return ResponseValidationError(
        f"response does not fit {getattr(cls, '__name__', cls)}: {detail}", body=body, data=data
    )


def unstructure(obj: Any) -> Any:
    """Turn models (and containers of them) back into JSON-ready values."""
    return converter.unstructure(obj)


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return format_datetime(value)
    if attrs.has(type(value)):
        return unstructure(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot send a {type(value).__name__} as JSON")


def _non_finite_path(value: Any) -> list[str | int] | None:
    """The keys leading to a NaN or infinity in ``value`` (innermost first), or ``None``.

    Walks what orjson would encode. Scalars are skipped inline and the path is only built
    on a hit, so a large body costs a fraction of its encoding.
    """
    if isinstance(value, float):
        return None if math.isfinite(value) else []
    if isinstance(value, Mapping):
        pairs: Any = value.items()
    elif isinstance(value, (list, tuple, set, frozenset)):
        pairs = enumerate(value)
    elif isinstance(value, enum.Enum):
        return _non_finite_path(value.value)
    elif attrs.has(type(value)):
        return _non_finite_path(unstructure(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        pairs = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
    else:
        return None
    for key, item in pairs:
        kind = type(item)
        if kind is str or kind is int or item is None or kind is bool:
            continue
        path = _non_finite_path(item)
        if path is not None:
            path.append(key)
            return path
    return None


def dump_json(value: Any) -> bytes:
    """Serialise a request body once: these exact bytes are hashed, signed and sent.

    Raises ``TypeError`` for what JSON cannot hold, ``ValueError`` for NaN or infinity.
    """
    try:
        body = orjson.dumps(value, default=_json_default, option=orjson.OPT_PASSTHROUGH_DATETIME)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"json: {exc}") from None
    if b"null" in body:  # only then can a NaN have been turned into null: look for one
        path = _non_finite_path(value)
        if path is not None:
            where = "$" + "".join(f"[{k}]" if type(k) is int else f".{k}" for k in reversed(path))
            raise ValueError(f"json: {where} is not a finite number (JSON has no NaN/infinity)")
    return body.strip()
