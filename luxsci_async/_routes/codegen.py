"""Generate the typed endpoint modules (``luxsci_async/resources/``) from the route table.

Run ``python -m luxsci_async._routes.codegen`` after changing the table; a test fails when
the committed modules differ from what this produces.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, get_args, get_origin

from .params import DATETIME_NOTE, METHOD_ARGS, REPORT_RETURNS
from .spec import ANNOTATIONS, EVIDENCE, Param, Route, ScopeKind
from .table import ROUTES

HEADER = '''"""{title}

Generated from the route table by ``python -m luxsci_async._routes.codegen``: do not edit.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal, cast

from .. import models as m
from .._pagination import Report
from .._types import UNSET, Attachment, Unset
from ._base import Resource, ScopeAPI

__all__ = {names!r}
'''

WIDTH = 100
"""The project's line length: generated docstrings are wrapped to it."""
RESOURCES_DIR = Path(__file__).resolve().parents[1] / "resources"
SCOPE_CLASS = {"account": "AccountAPI", "user": "UserAPI"}
SCOPE_TITLE = {
    "account": "Account-scope endpoints: ``lux.account.<group>.<method>(...)``.",
    "user": "User-scope endpoints: ``lux.user(login).<group>.<method>(...)``.",
}


def class_name(group: str) -> str:
    return "".join(part.capitalize() for part in group.split("_"))


def annotation(tp: Any, *, qualified: bool = True) -> str:
    """Source text of a response type.

    Qualified (for generated code), models are under the ``m.`` prefix and containers under
    ``builtins.`` (a group may have a method called ``list``, shadowing the type); otherwise
    plain names, for reading.
    """
    if tp is None:
        return "None"
    if tp is Any:
        return "Any"
    origin = get_origin(tp)
    if origin is not None:
        inner = ", ".join(annotation(a, qualified=qualified) for a in get_args(tp))
        return f"{'builtins.' if qualified else ''}{origin.__name__}[{inner}]"
    if qualified and tp.__module__.startswith("luxsci_async.models"):
        return f"m.{tp.__name__}"
    return str(tp.__name__)


def _param_type(param: Param) -> str:
    if param.allowed is not None:
        return f"Literal[{', '.join(repr(v) for v in param.allowed)}]"
    return ANNOTATIONS[param.kind]


def _split(route: Route) -> tuple[list[Param], list[Param]]:
    """The route's parameters as the method takes them: positional, then keyword-only."""
    positional = list(route.path_params)
    positional += [p for p in route.query + route.body if p.positional]
    keyword = [p for p in route.query + route.body if not p.positional]
    keyword.sort(key=lambda p: not p.required)
    return positional, keyword


def _signature(route: Route) -> tuple[list[str], list[str]]:
    """Parameter declarations, and the names passed on to the call."""
    positional, keyword = _split(route)
    parts = ["self"]
    for param in positional:
        parts.append(f"{param.name}: {_param_type(param)}")
    if keyword or route.report or route.upload:
        parts.append("*")
    for param in keyword:
        kind = _param_type(param)
        if param.required:
            parts.append(f"{param.name}: {kind}")
        elif param in route.body and not param.merge:
            parts.append(f"{param.name}: {kind} | Unset | None = UNSET")
        else:
            parts.append(f"{param.name}: {kind} | None = None")
    if route.upload == "attachments":
        parts.append("attachments: Sequence[Attachment] = ()")
    elif route.upload == "file":
        parts.append("content: bytes")
    if route.report:
        parts += ["page_size: int | None = None", "concurrency: int | None = None"]
        parts.append("start_row: int = 0")
    names = [p.name for p in positional + keyword]
    return parts, names


ARG_TYPES = {"attachments": "Sequence[Attachment]", "content": "bytes"}
"""Docstring types of the arguments the SDK adds (the others are in :data:`METHOD_ARGS`)."""


def describe(param: Param) -> str:
    """What one argument's docstring entry says after its name and type."""
    parts = [param.doc.strip()]
    if param.unit:
        parts.append(f"Unit: {param.unit}.")
    if param.allowed:
        values = ", ".join(f'``"{value}"``' for value in param.allowed)
        parts.append(f"One of {values}.")
    if param.assumed:
        parts.append("Assumed: LuxSci's public material does not confirm it.")
    return " ".join(parts)


def doc_type(param: Param) -> str:
    """The type an argument's docstring entry names (the signature has the exact one)."""
    if param.name in ARG_TYPES and param is METHOD_ARGS.get(param.name):
        return ARG_TYPES[param.name]
    return ANNOTATIONS[param.kind] if param.allowed is None else "str"


def method_args(route: Route) -> list[Param]:
    """The arguments the SDK adds to this route's method, after the route's own."""
    names = []
    if route.upload == "attachments":
        names.append("attachments")
    elif route.upload == "file":
        names.append("content")
    if route.report:
        names += ["page_size", "concurrency", "start_row"]
    return [METHOD_ARGS[name] for name in names]


def _model_summary(tp: Any) -> str | None:
    if isinstance(tp, type) and tp.__module__.startswith("luxsci_async.models"):
        return (tp.__doc__ or "").strip().splitlines()[0].rstrip(".")
    return None


def returns(route: Route) -> tuple[str, str]:
    """What a route's method returns: its type, as read, and what it is."""
    if route.report:
        return f"Report[{annotation(route.report.row, qualified=False)}]", REPORT_RETURNS
    tp = route.response
    name = annotation(tp, qualified=False)
    if route.returns:
        return name, route.returns
    if tp is None:
        return name, "Any data in LuxSci's answer is ignored; a failure raises ``APIError``."
    summary = _model_summary(tp)
    if summary is not None:
        return name, f"{summary}."
    args = get_args(tp)
    item = _model_summary(args[0]) if get_origin(tp) is list and args else None
    if item is None:
        raise ValueError(f"{route.operation_id}: say what a {name} response is (Route.returns)")
    return name, f"One ``{args[0].__name__}`` per item: {item[0].lower()}{item[1:]}."


def _notes(route: Route) -> list[str]:
    """The paragraphs between the summary and ``Args``."""
    notes = [
        f"``{route.method} {route.path}`` (operation ``{route.operation_id}``). Evidence: "
        f"{route.evidence} ({EVIDENCE[route.evidence]})."
    ]
    if route.deviation:
        notes.append(f"Note: {route.deviation[0].upper()}{route.deviation[1:]}.")
    if not route.idempotent:
        notes.append(
            "Not idempotent: after a failure that may have reached LuxSci it is not retried "
            "and raises ``OutcomeUnknownError``."
        )
    optional = [p for p in route.query + route.body if not p.required and not p.merge]
    if any(p in route.query for p in optional):
        notes.append("Optional query parameters left at ``None`` are not sent.")
    if any(p in route.body for p in optional):
        partial = ", so an update changes only what you pass" if route.method == "PUT" else ""
        notes.append(
            f"Optional body fields left at ``UNSET`` (the default) are not sent{partial}; "
            "``None`` sends ``null``."
        )
    if any(p.kind == "datetime" for p in route.params):
        notes.append(DATETIME_NOTE)
    return notes


def _wrap(text: str, indent: int, first: str = "", hang: int = 0) -> list[str]:
    for bad in ('"""', "\\"):
        if bad in text:
            raise ValueError(f"docstring text may not contain {bad}: {text!r}")
    return textwrap.wrap(
        first + text,
        width=WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_long_words=False,
        break_on_hyphens=False,
    )


def docstring_args(route: Route) -> list[Param]:
    """Every argument of the route's method, in signature order."""
    positional, keyword = _split(route)
    return positional + keyword + method_args(route)


def _docstring(route: Route) -> list[str]:
    lines = [f'        """{route.summary}']
    for note in _notes(route):
        lines += ["", *_wrap(note, 8)]
    args = docstring_args(route)
    if args:
        lines += ["", "        Args:"]
        for param in args:
            # A positional argument has no default, whatever the table says of the field.
            optional = "" if param.required or param.positional else ", optional"
            head = f"{param.name} ({doc_type(param)}{optional}): "
            lines += _wrap(describe(param), 12, first=head, hang=4)
    kind, text = returns(route)
    lines += ["", "        Returns:", *_wrap(text, 12, first=f"{kind}: ", hang=4)]
    lines.append('        """')
    return lines


def _method(route: Route) -> list[str]:
    params, names = _signature(route)
    args = "{" + ", ".join(f'"{n}": {n}' for n in names) + "}"
    if route.report:
        ret = f"Report[{annotation(route.report.row)}]"
        head = f"    def {route.name}("
    else:
        ret = annotation(route.response)
        head = f"    async def {route.name}("
    lines = [head]
    lines += [f"        {p}," for p in params]
    lines.append(f"    ) -> {ret}:")
    lines += _docstring(route)
    call = f'self._call("{route.operation_id}", {args}'
    if route.upload == "attachments":
        call += ", attachments=attachments"
    elif route.upload == "file":
        file_param = route.path_params[-1].name
        call += f', attachments=[Attachment(str({file_param}).rsplit("/", 1)[-1], content)]'
    call += ")"
    if route.report:
        lines.append(
            f'        return self._report("{route.operation_id}", {args}, '
            "page_size=page_size, concurrency=concurrency, start_row=start_row)"
        )
    elif route.response is None:
        lines.append(f"        await {call}")
    else:
        # The pipeline decodes into the route's declared type; the cast only tells mypy.
        lines.append(f'        return cast("{ret}", await {call})')
    return lines


def render(scope: ScopeKind) -> str:
    """The source of ``resources/<scope>.py``."""
    groups = ROUTES.groups(scope)
    scope_class = SCOPE_CLASS[scope]
    names = [scope_class, *(class_name(g) for g in groups)]
    out = [HEADER.format(title=SCOPE_TITLE[scope], names=sorted(names))]
    for group, routes in groups.items():
        out.append("")
        out.append(f"class {class_name(group)}(Resource):")
        out.append(f'    """The ``{group}`` endpoints."""')
        for route in routes:
            out.append("")
            out += _method(route)
        out.append("")
    out.append("")
    out.append(f"class {scope_class}(ScopeAPI):")
    out.append(f'    """{SCOPE_TITLE[scope]}"""')
    for group in groups:
        out.append("")
        out.append("    @cached_property")
        out.append(f"    def {group}(self) -> {class_name(group)}:")
        out.append(f'        """The ``{group}`` endpoints."""')
        out.append(f"        return {class_name(group)}(self)")
    out.append("")
    return _format("\n".join(out), RESOURCES_DIR / f"{scope}.py")


def _format(source: str, path: Path) -> str:
    """Run ruff's formatter (and import sorter) so output is stable and lint-clean."""
    ruff = [sys.executable, "-m", "ruff"]
    name = str(path)  # ruff finds the project's settings from the file's location
    fixed = subprocess.run(
        [*ruff, "check", "--select", "I,F401", "--fix", "--quiet", "--stdin-filename", name, "-"],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return subprocess.run(
        [*ruff, "format", "--stdin-filename", name, "-"],
        input=fixed or source,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def targets() -> dict[Path, str]:
    """Every generated file and its expected content."""
    return {RESOURCES_DIR / f"{scope}.py": render(scope) for scope in ("account", "user")}


def main() -> None:
    for path, source in targets().items():
        path.write_text(source)
        print(f"wrote {path}")  # noqa: T201


if __name__ == "__main__":
    main()
