"""The docs come from the route table: every argument, value set, unit and assumption is said.

The generated endpoint methods are read back (their signatures and docstrings) and held
against the table; the models' fields must each carry a docstring; and the package must
state facts rather than cite notes kept outside the repository.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import luxsci_async
from luxsci_async import models
from luxsci_async._routes import codegen
from luxsci_async._routes.params import METHOD_ARGS
from luxsci_async._routes.spec import EVIDENCE, Param, Route
from luxsci_async._routes.table import ROUTES

PACKAGE = Path(luxsci_async.__file__).parent
ENDPOINT_ROUTES = [r for r in ROUTES if r.scope != "auth"]
ENTRY = re.compile(r"^    (\w+) \(([^)]*)\): (.*)$")


def _method(route: Route) -> Any:
    module = importlib.import_module(f"luxsci_async.resources.{route.scope}")
    return getattr(getattr(module, codegen.class_name(route.group)), route.name)


def _sections(doc: str) -> dict[str, list[str]]:
    """A Google-style docstring's sections (``Args``, ``Returns``), each as its lines."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in doc.splitlines():
        if line in ("Args:", "Returns:"):
            current = line[:-1]
            sections[current] = []
        elif line and not line.startswith(" "):
            current = ""
            sections[current].append(line)
        else:
            sections[current].append(line)
    return sections


def _args(doc: str) -> dict[str, tuple[str, str]]:
    """``name -> (type, text)`` for each entry of the ``Args`` section, in order."""
    entries: dict[str, tuple[str, str]] = {}
    name = ""
    for line in _sections(doc).get("Args", []):
        match = ENTRY.match(line)
        if match:
            name = match[1]
            assert name not in entries, f"{name} documented twice"
            entries[name] = (match[2], match[3])
        elif line.startswith(" " * 8) and name:
            kind, text = entries[name]
            entries[name] = (kind, f"{text} {line.strip()}")
        else:
            assert not line.strip(), f"unexpected line in Args: {line!r}"
    return entries


def _params_of(route: Route) -> dict[str, Param]:
    params = {p.name: p for p in route.params}
    params.update({p.name: p for p in codegen.method_args(route)})
    return params


# --- the table carries the knowledge --------------------------------------------------------


@pytest.mark.parametrize("route", list(ROUTES), ids=lambda r: r.operation_id)
def test_every_route_parameter_says_what_it_is(route: Route) -> None:
    for param in route.params:
        assert param.doc.strip(), f"{route.operation_id}.{param.name} has no doc"
        assert param.doc.rstrip().endswith("."), f"{route.operation_id}.{param.name}"
        if param.unit is not None:
            assert param.unit.strip()
            assert param.kind in ("int", "float")


def test_the_sdks_own_arguments_say_what_they_are() -> None:
    assert set(METHOD_ARGS) == {"page_size", "concurrency", "start_row", "attachments", "content"}
    for name, param in METHOD_ARGS.items():
        assert param.name == name
        assert param.doc.strip().endswith(".")


@pytest.mark.parametrize("route", list(ROUTES), ids=lambda r: r.operation_id)
def test_every_route_says_what_it_returns(route: Route) -> None:
    kind, text = codegen.returns(route)
    assert kind
    assert text.strip().endswith(".")


def test_the_known_units_and_value_sets_are_in_the_table() -> None:
    users = ROUTES["getAccountUsers"]
    by_name = {p.name: p for p in users.query}
    assert (by_name["younger_than"].unit, by_name["older_than"].unit) == ("days", "days")
    assert by_name["younger_than"].assumed
    assert "enabled" in by_name["status"].doc
    auth = {p.name: p for p in ROUTES["authentication"].body}
    assert auth["date"].unit == "seconds since the Unix epoch"


# --- the generated methods say it -----------------------------------------------------------


@pytest.mark.parametrize("route", ENDPOINT_ROUTES, ids=lambda r: r.operation_id)
def test_generated_docstring_documents_every_argument(route: Route) -> None:
    method = _method(route)
    doc = inspect.getdoc(method)
    assert doc is not None
    signature = [p for p in inspect.signature(method).parameters.values() if p.name != "self"]
    entries = _args(doc)
    assert list(entries) == [p.name for p in signature]
    params = _params_of(route)
    for arg in signature:
        kind, text = entries[arg.name]
        param = params[arg.name]
        assert param.doc.split()[0] in text, (arg.name, text)
        assert kind.endswith(", optional") == (arg.default is not inspect.Parameter.empty)
        for value in param.allowed or ():
            assert f'``"{value}"``' in text, (arg.name, value)
        if param.unit:
            assert f"Unit: {param.unit}." in text
        assert ("Assumed:" in text) == param.assumed, arg.name
        assert " ".join(codegen.describe(param).split()) == text


@pytest.mark.parametrize("route", ENDPOINT_ROUTES, ids=lambda r: r.operation_id)
def test_generated_docstring_names_route_evidence_and_return(route: Route) -> None:
    doc = inspect.getdoc(_method(route))
    assert doc is not None
    sections = _sections(doc)
    head = " ".join(" ".join(sections[""]).split())
    assert head.startswith(route.summary)
    assert f"``{route.method} {route.path}``" in head
    assert f"Evidence: {route.evidence} ({' '.join(EVIDENCE[route.evidence].split())})" in head
    if route.deviation:
        assert " ".join(route.deviation.split())[1:] in head
    if any(p.kind == "datetime" for p in route.params):
        assert "timezone-aware" in head
    if any(not p.required and not p.merge for p in route.body):
        assert "``UNSET``" in head
    kind, text = codegen.returns(route)
    returns = " ".join(" ".join(sections["Returns"]).split())
    assert returns == f"{kind}: {' '.join(text.split())}"


def test_report_methods_explain_paging() -> None:
    doc = inspect.getdoc(_method(ROUTES["getAccountReportEmailDeliveryStatus"]))
    assert doc is not None
    entries = _args(doc)
    assert {"page_size", "concurrency", "start_row"} <= set(entries)
    assert "2,000" in entries["page_size"][1]
    assert "50,000" in entries["page_size"][1]
    assert "resume_row" in entries["start_row"][1]
    assert "concurrency" in " ".join(_sections(doc)["Returns"])


def test_the_docstring_check_catches_a_missing_argument() -> None:
    """The parser above would notice a docstring that skips an argument."""
    route = ROUTES["getAccountUsers"]
    doc = inspect.getdoc(_method(route))
    assert doc is not None
    lines = doc.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("    younger_than "))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" " * 8))
    cut = _args("\n".join(lines[:start] + lines[end:]))
    assert "younger_than" not in cut
    assert list(cut) == ["status", "domain", "older_than"]


def test_mkdocstrings_parser_reads_every_argument_and_return(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """griffe, the parser mkdocstrings uses, finds each argument and the return, unwarned."""
    griffe = pytest.importorskip("griffe")
    checked = 0
    for scope in ("account", "user"):
        module = griffe.load(f"luxsci_async.resources.{scope}", search_paths=[str(PACKAGE.parent)])
        for route in (r for r in ENDPOINT_ROUTES if r.scope == scope):
            function = module[f"{codegen.class_name(route.group)}.{route.name}"]
            sections = {
                s.kind.value: s.value
                for s in function.docstring.parse("google", returns_named_value=False)
            }
            names = [p.name for p in function.parameters if p.name != "self"]
            documented = sections.get("parameters", [])
            assert [p.name for p in documented] == names, route.operation_id
            assert all(p.description for p in documented), route.operation_id
            (returned,) = sections["returns"]
            assert str(returned.annotation) == codegen.returns(route)[0], route.operation_id
            checked += 1
    assert checked == len(ENDPOINT_ROUTES)
    assert not [r for r in caplog.records if r.name.startswith("griffe")]


# --- the route reference page says it too ----------------------------------------------------


def test_route_reference_page_shows_the_same_texts() -> None:
    pytest.importorskip("mkdocs")
    import sys

    hooks = Path(__file__).parents[1] / "docs" / "hooks"
    sys.path.insert(0, str(hooks))
    try:
        routes_reference = importlib.import_module("routes_reference")
    finally:
        sys.path.remove(str(hooks))
    page = routes_reference.render()
    for route in ENDPOINT_ROUTES:
        section = page.split(f"#### `{route.group}.{route.name}`\n")
        assert len(section) >= 2, route.operation_id
        body = "".join(s.split("\n#### ")[0] for s in section[1:])
        for param in _params_of(route).values():
            text = codegen.describe(param).replace("``", "`").replace("|", "\\|")
            assert f"| `{param.name}` |" in body, (route.operation_id, param.name)
            assert text in body, (route.operation_id, param.name)
        assert codegen.returns(route)[1].replace("``", "`") in body


# --- models document their fields ------------------------------------------------------------

MODEL_FILES = sorted((PACKAGE / "models").glob("*.py"))


def _documented_classes() -> list[tuple[str, ast.ClassDef]]:
    found = []
    for path in MODEL_FILES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                found.append((path.name, node))
    return found


def _field_docs(node: ast.ClassDef) -> tuple[list[str], list[str]]:
    """The class's fields (annotated or enum members), and those followed by a docstring."""
    fields, documented = [], []
    body = node.body
    for i, stmt in enumerate(body):
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            name = stmt.target.id
        elif isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
            name = stmt.targets[0].id
        else:
            continue
        fields.append(name)
        after = body[i + 1] if i + 1 < len(body) else None
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
            and after.value.value.strip()
        ):
            documented.append(name)
    return fields, documented


def test_the_model_check_sees_every_model() -> None:
    names = {node.name for _, node in _documented_classes()}
    public = {name for name in models.__all__ if isinstance(getattr(models, name), type)}
    assert public <= names
    assert len(public) > 30


@pytest.mark.parametrize(
    ("file", "node"), _documented_classes(), ids=lambda v: getattr(v, "name", str(v))
)
def test_every_model_field_has_a_docstring(file: str, node: ast.ClassDef) -> None:
    doc = ast.get_docstring(node)
    assert doc, f"{file}: {node.name} has no docstring"
    fields, documented = _field_docs(node)
    assert fields == documented, f"{file}: {node.name} fields without a docstring: " + ", ".join(
        sorted(set(fields) - set(documented))
    )


@pytest.mark.parametrize(
    "cls",
    [getattr(models, n) for n in models.__all__ if attrs.has(getattr(models, n))],
    ids=lambda c: c.__name__,
)
def test_models_say_which_fields_are_assumed_or_where_they_are_known(cls: type[Any]) -> None:
    """Each model (or its module, for whole families) says how sure its field names are."""
    module = importlib.import_module(cls.__module__)
    text = f"{cls.__doc__ or ''} {module.__doc__ or ''}"
    if cls.__name__ == "UserProfile":
        text += models.User.__doc__ or ""
    assert re.search(r"assumed|LuxSci documents|public sample clients", text), cls.__name__


# --- facts, not citations ----------------------------------------------------------------------

CITATION = re.compile(r"mechanics|README assumption|assumption \d|catalogue|§")


def test_the_package_cites_no_notes_outside_the_repository() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    hits = [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CITATION.search(line)
    ]
    assert not hits, "\n".join(hits)
