"""Building frozen attrs objects fast: by filling their slots, through a plain twin class.

The compiled builders of models (``_convert``) and of report rows (``_rows``) make an
object without calling its ``__init__`` and store each field themselves; these two
functions say when that is allowed and give the class whose stores are cheapest.
"""

from __future__ import annotations

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
    their descriptors, one call each. A twin with the same slots (its bases' included) and
    no ``__setattr__`` of its own takes plain stores, which CPython specialises into direct
    slot writes, several times faster; the finished object then switches to ``cls`` by
    ``__class__`` assignment, which CPython allows between classes of identical layout.
    ``None`` when the layouts differ (e.g. a ``__weakref__`` slot, which is why models
    have none: see ``models._base``).
    """
    if cls in _TWINS:
        return _TWINS[cls]
    twin: type[Any] | None = None
    slots = [
        name
        for base in reversed(cls.__mro__)
        for name in vars(base).get("__slots__", ())
        if name not in ("__weakref__", "__dict__")
    ]
    if slots and "__slots__" in vars(cls):
        twin = type(f"{cls.__name__}Builder", (), {"__slots__": tuple(slots)})
        probe: Any = object.__new__(twin)
        try:
            probe.__class__ = cls
        except TypeError:
            twin = None
    _TWINS[cls] = twin
    return twin
