"""mkdocs hook: render ``reference/routes.md`` from ``luxsci_async.routes`` at build time.

The page is generated in memory on every build (``on_files``), so it always matches the route
table and the generated endpoint methods; no copy of it is committed.

It also strips the reStructuredText left in the package's docstrings (``:class:`X``` roles,
``::`` before a literal block), which the mkdocstrings Google-style parser would otherwise
print literally (``on_page_content``).
"""

from __future__ import annotations

import inspect
import re
from typing import Any, get_args

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from luxsci_async._routes.codegen import (
    annotation,
    class_name,
    describe,
    method_args,
    returns,
)
from luxsci_async._routes.spec import EVIDENCE

PAGE = "reference/routes.md"

SCOPES = {
    "account": ("Account scope", "lux.account", "luxsci_async.resources.account"),
    "user": ("User scope", "lux.user(login)", "luxsci_async.resources.user"),
}


def _type_name(tp: Any) -> str:
    """A short, readable name for a response or row type."""
    return annotation(tp, qualified=False)


def _model_link(tp: Any) -> str:
    """The response type in code style, linking models to the models reference."""
    text = f"`{_type_name(tp)}`"
    models = [t for t in (tp, *get_args(tp)) if _is_model(t)]
    if len(models) == 1:
        return f"[{text}](models.md#luxsci_async.models.{models[0].__name__})"
    return text


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and tp.__module__.startswith("luxsci_async.models")


def _call(route: Any) -> str:
    """How the route is called from Python, read from the generated method's signature."""
    import importlib

    _title, prefix, module_name = SCOPES[route.scope]
    module = importlib.import_module(module_name)
    cls = getattr(module, class_name(route.group), None)
    method = getattr(cls, route.name, None) if cls is not None else None
    if method is None:
        return f"# not generated: run `nox -s codegen`\n{prefix}.{route.group}.{route.name}(...)"
    parts: list[str] = []
    star = False
    for param in list(inspect.signature(method).parameters.values())[1:]:
        if param.kind is inspect.Parameter.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        if param.default is inspect.Parameter.empty:
            parts.append(param.name)
        else:
            parts.append(f"{param.name}={param.default!r}")
    if route.report is not None:
        returns = f"Report[{_type_name(route.report.row)}]"
        head = ""
    else:
        returns = _type_name(route.response)
        head = "await "
    signature = ", ".join(parts)
    call = f"{head}{prefix}.{route.group}.{route.name}({signature}) -> {returns}"
    if len(call) > 88:
        inner = "".join(f"\n    {part}," for part in parts)
        call = f"{head}{prefix}.{route.group}.{route.name}({inner}\n) -> {returns}"
    return call


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _params_table(route: Any) -> list[str]:
    """The route's arguments with the same texts as the method's docstring."""
    rows = []
    sections = (
        ("path", route.path_params),
        ("query", route.query),
        ("body", route.body),
        ("SDK", tuple(method_args(route))),
    )
    for where, params in sections:
        for param in params:
            notes = [describe(param)]
            if param.wire:
                notes.append(f"Sent as `{param.wire}`.")
            if param.multi_segment:
                notes.append("May contain `/`.")
            rows.append(
                f"| `{param.name}` | {where} | {param.kind} | "
                f"{'yes' if param.required else ''} | {_cell(_markdown(' '.join(notes)))} |"
            )
    if not rows:
        return ["No parameters.", ""]
    head = [
        "| Parameter | In | Kind | Required | Description |",
        "|---|---|---|---|---|",
    ]
    return [*head, *rows, ""]


def _markdown(text: str) -> str:
    """Docstring text (reStructuredText-style ``code``) as Markdown."""
    return text.replace("``", "`")


def _route(route: Any) -> list[str]:
    lines = [f"#### `{route.group}.{route.name}`", "", route.summary, ""]
    lines += ["```python", _call(route), "```", ""]
    facts = [
        f"- **HTTP:** `{route.method} /perl/api/v2{route.path}`",
        f"- **Operation id:** `{route.operation_id}`",
    ]
    what = _markdown(returns(route)[1])
    if route.report is not None:
        facts.append(
            f"- **Returns:** a paged [`Report`](api.md#luxsci_async.Report) of "
            f"{_model_link(route.report.row)} rows. {what}"
        )
    elif route.response is None:
        facts.append(f"- **Returns:** nothing (`None`). {what}")
    else:
        facts.append(f"- **Returns:** {_model_link(route.response)}. {what}")
    if not route.idempotent:
        facts.append(
            "- **Not idempotent:** not retried after an ambiguous failure "
            "(raises `OutcomeUnknownError`)"
        )
    elif route.method == "POST":
        facts.append("- **Retry-safe POST:** retried like an idempotent call")
    facts.append(f"- **Evidence:** {route.evidence} ({EVIDENCE[route.evidence]})")
    if route.deviation:
        facts.append(f"- **Deviation:** {_markdown(route.deviation)}")
    return [*lines, *facts, "", *_params_table(route)]


def render() -> str:
    """The Markdown of the route reference page."""
    from luxsci_async import routes

    by_scope = {scope: routes.groups(scope) for scope in ("account", "user", "auth")}
    counts = {scope: sum(len(v) for v in groups.values()) for scope, groups in by_scope.items()}
    out = [
        "# Route reference",
        "",
        "<!-- Generated at build time by docs/hooks/routes_reference.py from "
        "luxsci_async.routes: do not edit. -->",
        "",
        f"Every endpoint of the route table (`luxsci_async.routes`): {len(routes)} routes, "
        f"{counts['account']} at account scope, {counts['user']} at user scope and "
        f"{counts['auth']} for authentication. Paths are shown with the API prefix; "
        "`{account}` and `{username}` are filled from the session. Each route can also be "
        "called by its operation id from the command line "
        "(`luxsci call OPERATION_ID key=value ...`).",
        "",
        "Most paths were reconstructed from LuxSci's public material. The **evidence** level "
        "says how sure the table is of a route's method and path, a **deviation** says why a "
        "method, path or field is what it is where that is not evident, and a parameter marked "
        "*Assumed* has a name or meaning LuxSci's public material does not confirm. A wrong "
        "path is a one-line fix in `luxsci_async/_routes/table.py` (then `nox -s codegen`). "
        "The texts here are the ones in the endpoint methods' docstrings.",
        "",
        "The *Kind* column is the parameter kind checked before sending: `bool` is sent as "
        "0/1, `datetime` accepts an aware `datetime` or a `date` and is sent as "
        "`YYYY-MM-DD HH:MM:SS` GMT (a `date` is its first second, its last for "
        "`through_date`), `str_list` is a list of non-empty strings. Optional query "
        "parameters left at `None` are not sent. Optional body fields default to `UNSET` and "
        "are left out of the request; `None` sends `null`. Parameters *in* `SDK` are the "
        "method's own (paging, uploads), not sent as given.",
        "",
    ]
    for scope in ("account", "user"):
        title, prefix, _ = SCOPES[scope]
        out += [f"## {title}", ""]
        note = {
            "account": "Needs an account-scope session.",
            "user": "On a user-scope session `lux.user()` acts for the session's user; an "
            'account-scope session passes the login: `lux.user("jane@example.com")`.',
        }[scope]
        out += [f"Called as `{prefix}.<group>.<name>(...)`. {note}", ""]
        for group, group_routes in by_scope[scope].items():
            out += [f"### `{prefix}.{group}`", ""]
            for route in group_routes:
                out += _route(route)
    out += [
        "## Authentication",
        "",
        "These routes are used by the session itself: `POST /auth` when a request first needs "
        "an auth code (and again to refresh it), `DELETE /auth` when the session closes. They "
        "have no endpoint methods.",
        "",
        "| Operation id | HTTP | Summary | Evidence |",
        "|---|---|---|---|",
    ]
    for route in by_scope["auth"].get("auth", []):
        out.append(
            f"| `{route.operation_id}` | `{route.method} /perl/api/v2{route.path}` | "
            f"{_cell(route.summary)} | {route.evidence} |"
        )
    out.append("")
    if routes.excluded:
        out += ["## Left out", "", "Operations LuxSci names that the table leaves out:", ""]
        for operation_id, reason in routes.excluded.items():
            out.append(f"- `{operation_id}`: {reason}")
        out.append("")
    return "\n".join(out)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated page to the site (replacing a stray copy, if any)."""
    stray = files.get_file_from_path(PAGE)
    if stray is not None:
        files.remove(stray)
    files.append(File.generated(config, PAGE, content=render()))
    return files


_SPHINX_ROLE = re.compile(r":(?:class|meth|func|attr|data|exc|mod|obj):(<code>)")


def on_page_content(html: str, **_: Any) -> str:
    """Render ``:class:`X``` (and the other Sphinx roles) in docstrings as plain ``X`` code,
    and drop the ``::`` that introduces a reStructuredText literal block."""
    return _SPHINX_ROLE.sub(r"\1", html).replace("<p>::</p>", "")
