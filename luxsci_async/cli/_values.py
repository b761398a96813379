"""Reading values from the command line: dates, and ``key=value`` route parameters."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import click
import orjson

from .. import Param


def parse_datetime(text: str) -> datetime | date:
    """``YYYY-MM-DD`` (a date) or ``YYYY-MM-DD HH:MM:SS`` / ISO 8601 (UTC unless offset).

    Raises:
        ValueError: ``text`` is neither.
    """
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def date_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> datetime | date | None:
    """Click callback reading an option's value with :func:`parse_datetime`."""
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def parse_param(param: Param, text: str) -> Any:
    """Turn the text of ``key=value`` into the parameter's type.

    Raises:
        ValueError: the text cannot be read as the parameter's kind.
    """
    kind = param.kind
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            if text.lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise ValueError(text)
            return text.lower() in ("1", "true", "yes")
        if kind == "datetime":
            return parse_datetime(text)
        if kind == "str_list":
            return [item.strip() for item in text.split(",") if item.strip()]
        if kind in ("mapping", "any"):
            try:
                return orjson.loads(text)
            except orjson.JSONDecodeError:
                if kind == "mapping":
                    raise
                return text
    except ValueError:
        raise ValueError(f"{param.name}: cannot read {text!r} as {kind}") from None
    return text


def parse_params(params: tuple[Param, ...], items: tuple[str, ...]) -> dict[str, Any]:
    """Read ``key=value`` items against a route's parameters.

    Raises:
        ValueError: an item is not ``key=value`` with a known key, or its value is unreadable.
    """
    by_name = {p.name: p for p in params}
    values: dict[str, Any] = {}
    for item in items:
        key, sep, text = item.partition("=")
        if not sep or key not in by_name:
            known = ", ".join(by_name) or "none"
            raise ValueError(f"expected key=value with key one of: {known}; got {item!r}")
        values[key] = parse_param(by_name[key], text)
    return values
