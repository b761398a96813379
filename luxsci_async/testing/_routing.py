"""Compile the route table into matchers, and classify each route by its path shape.

The emulator has no handler per endpoint: what a route does follows from its method and
where it sits among its siblings (a collection, an item of one, an action on an item...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

import attrs

from .._assumptions import AUTH_PATH
from .._routes.spec import Route

ACTIONS_ON_ITEMS = frozenset({"rename", "password", "sso", "changes", "range"})


def segments(template: str) -> list[str]:
    return [s for s in template.split("/") if s]


def is_param(segment: str) -> bool:
    return segment.startswith("{") and segment.endswith("}")


@attrs.frozen
class Compiled:
    """A route ready to match raw paths, with the operation it performs."""

    route: Route
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    kind: str
    collection: str | None
    """Template of the collection the route works on, if any."""
    multi: bool = False

    def match(self, raw_path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(raw_path)
        if found is None:
            return None
        return {
            name: unquote(value) for name, value in zip(self.names, found.groups(), strict=False)
        }


class Shapes:
    """What the table says about each path template."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = list(routes)
        self.methods: dict[str, set[str]] = {}
        for route in self.routes:
            self.methods.setdefault(route.path, set()).add(route.method)
        # Asked on every request: answer from memory (the table never changes).
        self._items: dict[str, list[str]] = {}
        self._collections: dict[str, bool] = {}

    def has(self, method: str, template: str) -> bool:
        return method in self.methods.get(template, set())

    def item_templates(self, template: str) -> list[str]:
        """Templates of the form ``template/{x}``."""
        found = self._items.get(template)
        if found is None:
            found = self._items[template] = self._item_templates(template)
        return found

    def _item_templates(self, template: str) -> list[str]:
        depth = len(segments(template)) + 1
        return [
            t
            for t in self.methods
            if t.startswith(template + "/{")
            and len(segments(t)) == depth
            and is_param(segments(t)[-1])
        ]

    def is_collection(self, template: str) -> bool:
        """A template whose items are created, listed or changed one by one."""
        found = self._collections.get(template)
        if found is None:
            found = self._collections[template] = self._is_collection(template)
        return found

    def _is_collection(self, template: str) -> bool:
        items = self.item_templates(template)
        if self.has("POST", template) and (self.has("GET", template) or items):
            return True
        if self.has("GET", template) and items:
            return True
        return any(self.methods[t] & {"PUT", "DELETE"} for t in items)

    def classify(self, route: Route) -> tuple[str, str | None]:
        """(operation kind, collection template or None)."""
        t, m = route.path, route.method
        segs = segments(t)
        last = segs[-1]
        parent = "/" + "/".join(segs[:-1])
        if t == AUTH_PATH:
            return ("auth" if m == "POST" else "revoke"), None
        if "content_library" in segs:
            return "content", None
        if route.report is not None:
            return "report", None
        if last == "jobs" and m == "GET":
            return "jobs", None
        if segs[-2:-1] == ["jobs"] and m == "GET":
            return "job", None
        if last == "bulk":
            return "bulk", parent
        if last in ACTIONS_ON_ITEMS and len(segs) > 2 and is_param(segs[-2]):
            return last, "/" + "/".join(segs[:-2])
        if self.is_collection(t) and m in ("GET", "POST"):
            return ("list" if m == "GET" else "create"), t
        if is_param(last) and self.is_collection(parent):
            return {"GET": "get", "PUT": "update", "DELETE": "delete", "POST": "upsert"}[m], parent
        if m in ("GET", "PUT"):
            return "singleton", None
        return "action", None


def compile_routes(
    routes: Iterable[Route], prefix: str
) -> tuple[Shapes, Mapping[str, list[Compiled]]]:
    """Matchers per method, most specific first (literal segments beat parameters)."""
    shapes = Shapes(routes)
    by_method: dict[str, list[Compiled]] = {}
    for route in shapes.routes:
        multi = {p.wire_name for p in route.path_params if p.multi_segment} | {
            p.name for p in route.path_params if p.multi_segment
        }
        names: list[str] = []
        parts: list[str] = []
        for seg in segments(route.path):
            if is_param(seg):
                name = seg[1:-1]
                names.append(name)
                parts.append("(.+)" if name in multi else "([^/]+)")
            else:
                parts.append(re.escape(seg))
        pattern = re.compile(re.escape(prefix) + "/" + "/".join(parts))
        kind, collection = shapes.classify(route)
        by_method.setdefault(route.method, []).append(
            Compiled(route, pattern, tuple(names), kind, collection, bool(multi & set(names)))
        )
    for compiled in by_method.values():
        compiled.sort(key=lambda c: (c.multi, len(c.names), -len(segments(c.route.path))))
    return shapes, by_method
