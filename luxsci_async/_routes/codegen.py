"""Generate the typed endpoint modules (``luxsci_async/resources/``) from the route table.

Run ``python -m luxsci_async._routes.codegen`` after changing the table; a test fails when
the committed modules differ from what this produces.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, get_args, get_origin

from .spec import ANNOTATIONS, Param, Route, ScopeKind
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


def _signature(route: Route) -> tuple[list[str], list[str]]:
    """Parameter declarations, and the names passed on to the call."""
    positional = list(route.path_params)
    positional += [p for p in route.query + route.body if p.positional]
    keyword = [p for p in route.query + route.body if not p.positional]
    keyword.sort(key=lambda p: not p.required)
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


def _docstring(route: Route) -> list[str]:
    lines = [f'        """{route.summary}', ""]
    lines.append(f"        ``{route.method} {route.path}``")
    lines.append(f"        (operation ``{route.operation_id}``).")
    if route.report:
        lines.append("        Returns a :class:`Report`: ``async for row in ...`` or ``.pages()``.")
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
