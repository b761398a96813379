"""Building frozen attrs objects fast: by filling their slots, through a plain twin class.

The compiled builders of models (``_convert``) and of report rows (``_rows``) make an
object without calling its ``__init__`` and store each field themselves; these two
functions say when that is allowed and give the class whose stores are cheapest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs


def can_fill_slots(cls: type[Any]) -> bool:
    """Whether instances may be built by filling slots directly (nothing in ``__init__`` is
    lost: no validators, converters or init hooks)."""
    return (
        "__slots__" in vars(cls)
        and not hasattr(cls, "__attrs_post_init__")
        and not hasattr(cls, "__attrs_pre_init__")
        and all(f.validator is None and f.converter is None for f in attrs.fields(cls))
    )


_TWINS: dict[type[Any], type[Any] | None] = {}


def slot_twin(cls: type[Any]) -> type[Any] | None:
    """A plain class laid out like ``cls``, whose instances may become ``cls`` instances.

    A frozen attrs class refuses attribute stores, so its slots would be filled through
    their descriptors, one call each. A twin takes plain stores, which CPython specialises
    into direct slot writes, several times faster; the finished object then switches to
    ``cls`` by ``__class__`` assignment, which CPython allows between classes of identical
    layout. The twin is a subclass of ``cls`` where that is safe, else a class of its own
    with the same slots; ``None`` when neither fits (e.g. a ``__weakref__`` slot, which no
    class of its own can match, on a class that refuses a subclass twin).
    """
    if cls in _TWINS:
        return _TWINS[cls]
    twin = None
    if "__slots__" in vars(cls):
        twin = _subclass_twin(cls) or _sibling_twin(cls)
    _TWINS[cls] = twin
    return twin


def _fits(twin: type[Any], cls: type[Any]) -> bool:
    """Whether a ``twin`` instance may become a ``cls`` instance."""
    probe: Any = object.__new__(twin)
    try:
        probe.__class__ = cls
    except TypeError:
        return False
    # Back to the twin before it is dropped: freed as a cls instance, the empty probe
    # would run the class's __del__, if it has one.
    object.__setattr__(probe, "__class__", twin)
    return True


def _subclass_twin(cls: type[Any]) -> type[Any] | None:
    """A subclass adding no slots, with ``object``'s own ``__init__`` and attribute stores.

    The cheaper twin: a class switch between a class and its subclass of the same size
    skips CPython's slot-by-slot comparison of the two layouts (~280 instructions a row).
    Only for a class whose subclass does nothing the sibling twin would not: plain
    ``type``, and no ``__init_subclass__``, ``__new__`` or ``__del__`` (which a twin
    dropped half filled would run) of its own or its bases'. The twin shows in
    ``cls.__subclasses__()``.
    """
    if type(cls) is not type:
        return None
    inherited = ("__init_subclass__", "__new__", "__del__")
    if any(name in vars(base) for base in cls.__mro__[:-1] for name in inherited):
        return None
    twin = type(
        f"{cls.__name__}Builder",
        (cls,),
        {
            "__slots__": (),
            "__init__": object.__init__,  # called with no arguments: stays in C
            # Both, or CPython keeps a Python-level __setattr__ for every store.
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": cls.__module__,
        },
    )
    return twin if _fits(twin, cls) else None


def _sibling_twin(cls: type[Any]) -> type[Any] | None:
    """A class of its own with the same slots, its bases' included."""
    slots = [
        name
        for base in reversed(cls.__mro__)
        for name in vars(base).get("__slots__", ())
        if name not in ("__weakref__", "__dict__")
    ]
    if not slots:
        return None
    twin = type(f"{cls.__name__}Builder", (), {"__slots__": tuple(slots)})
    return twin if _fits(twin, cls) else None


def needs_converting() -> Any:
    """Called by a compiled builder that cannot take a value as is: its ``TypeError`` sends
    the object (or row) down the slower path, which gives the same result or the error."""
    raise TypeError("value needs converting")


UTC_SUFFIX = "Z"
"""Appended to a 19-character date and time to read it as UTC with ``fromisoformat``. It
gives what ``"+00:00"`` gives, the same ``UTC`` object included, for less parsing."""


def utc_text_source(namespace: dict[str, Any], var: str) -> str:
    """Source reading ``var`` as :func:`~._convert.parse_datetime` first reads a text: as
    ISO 8601 in UTC (``fromiso`` is bound in ``namespace``). It raises ``ValueError`` for a
    text that needs more (a bare date, an offset) and ``TypeError`` for what is not text."""
    namespace["fromiso"] = datetime.fromisoformat
    return f"fromiso({var} + {UTC_SUFFIX!r})"


def blank_source(namespace: dict[str, Any], cls: type[Any], twin: type[Any] | None) -> str:
    """Source making the empty object a compiled builder fills: ``twin()``, or ``cls``
    without its ``__init__`` when it has no twin. A twin's ``__init__`` is ``object``'s,
    so calling it stays in C, cheaper than ``object.__new__``."""
    if twin is not None:
        namespace["twin"] = twin
        return "twin()"
    namespace.update(cls=cls, new=object.__new__)
    return "new(cls)"


def default_source(field: attrs.Attribute[Any], namespace: dict[str, Any], name: str) -> str:
    """Source of the value ``field`` takes when its key or column is absent.

    Its default (or factory) is put in ``namespace`` under ``name``. A field with no default,
    or with a factory that takes the instance, gives ``wrong()``: the generated code binds
    ``wrong`` to :func:`needs_converting`, and the slower path decides.
    """
    default: Any = field.default
    if default is attrs.NOTHING:
        return "wrong()"
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return "wrong()"
        namespace[name] = default.factory
        return f"{name}()"
    namespace[name] = default
    return name
