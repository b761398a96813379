"""Plausible JSON values for a response type, so canned answers fit the SDK's models."""

from __future__ import annotations

import enum
import functools
import time
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs

from .._assumptions import BOOL_TRUE, DATETIME_FORMAT

EPOCH = 1_704_067_200  # 2024-01-01 00:00:00 GMT: a fixed origin keeps seeded data stable
DOMAIN = "example.com"


def gmt(seconds: float) -> str:
    """A Unix time as a LuxSci ``DATETIME``."""
    return time.strftime(DATETIME_FORMAT, time.gmtime(seconds))


@functools.cache
def _hints(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    try:
        resolved = typing.get_type_hints(cls)
    except Exception:  # an unresolvable annotation must not break the emulator
        resolved = {}
    return tuple(
        (f.alias or f.name, resolved.get(f.name, Any))
        for f in attrs.fields(cls)
        if f.name != "extra"
    )


def model_keys(cls: Any) -> tuple[str, ...]:
    """Wire keys of an attrs model (empty for anything else)."""
    return tuple(key for key, _ in _hints(cls)) if attrs.has(cls) else ()


def item_type(tp: Any) -> Any:
    """The element type of ``list[X]``-like types, else ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (list, tuple, Sequence, typing.get_origin(Sequence[int])):
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        return args[0] if args else Any
    return tp


def is_list(tp: Any) -> bool:
    """Whether ``tp`` is a list-like type (``list[X]``, ``tuple[X, ...]``, ``Sequence[X]``)."""
    return typing.get_origin(tp) in (list, tuple, Sequence) or tp in (list, tuple)


def text_for(hint: str, n: int) -> str:
    """A string that looks like the field called ``hint``."""
    h = hint.lower()
    if any(k in h for k in ("email", "login", "address", "sender", "recipient")) or h in (
        "user",
        "username",
        "to",
        "from",
        "dest",
    ):
        return f"user{n}@{DOMAIN}"
    if "domain" in h or "host" in h:
        return f"d{n}.{DOMAIN}"
    if "url" in h or h in ("sso", "link"):
        return f"https://webmail.{DOMAIN}/sso/{n:08x}"
    if h == "ip" or h.endswith("_ip"):
        return f"192.0.2.{n % 250 + 1}"
    if any(k in h for k in ("date", "created", "modified", "updated", "time")):
        return gmt(EPOCH + n * 3600)
    if "status" in h or "state" in h:
        return "active"
    return f"{hint}-{n}"


def example(tp: Any, hint: str = "value", n: int = 1, depth: int = 0) -> Any:
    """A deterministic JSON value for ``tp`` (attrs models become objects with every key)."""
    if tp is None or tp is type(None):
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return example(args[0], hint, n, depth) if args else None
    if origin is typing.Literal:
        return typing.get_args(tp)[0]
    if attrs.has(tp):
        if depth > 3:
            return {}
        return {key: example(sub, key, n, depth + 1) for key, sub in _hints(tp)}
    if is_list(tp):
        return [example(item_type(tp), hint.rstrip("s"), n + i, depth + 1) for i in range(2)]
    if origin in (dict, Mapping) or tp in (dict, Mapping):
        return {}
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return next(iter(tp)).value
        if issubclass(tp, bool):
            return BOOL_TRUE
        if issubclass(tp, int):
            return n
        if issubclass(tp, float):
            return n + 0.5
        if issubclass(tp, (datetime, date)):
            return gmt(EPOCH + n * 3600)
        if issubclass(tp, str):
            return text_for(hint, n)
    return text_for(hint, n)
