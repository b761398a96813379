"""Singletons (a profile, settings), canned answers, and actions without stored state."""

from __future__ import annotations

from typing import Any

from ._calls import NO_DATA, Call, as_id, concrete, public, respond
from ._canned import CANNED
from ._records import Records
from ._routing import is_param, segments
from ._shapes import example, is_list, item_type, model_keys, text_for


class SingletonOps:
    """Objects that exist once per path, and answers that are computed, not stored."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.store = records.store

    def canned(self, call: Call, name: str | None = None) -> Any:
        """A fixed answer shaped as the route's response (named after its last segment)."""
        segs = segments(call.route.path)
        name = name or next(s for s in reversed(segs) if not is_param(s))
        source = call.body if call.route.method in ("POST", "PUT") else call.query
        canned = CANNED.get(name)
        value = canned(call.values, source) if canned is not None else None
        response = call.route.response
        if is_list(response) and isinstance(value, dict):
            value = [value]
        if model_keys(item_type(response)):
            shaped = example(response, name)
            if isinstance(shaped, dict) and isinstance(value, dict):
                shaped.update(value)
            return shaped
        if response is str:
            return (
                value.get("url", text_for(name, 1))
                if isinstance(value, dict)
                else text_for(name, 1)
            )
        if response is int:
            return 1
        return value if value is not None else ({} if call.route.method == "GET" else NO_DATA)

    def _members(self, call: Call) -> list[dict[str, Any]] | None:
        """``.../lists/{list_id}/contacts``: the objects of a sibling collection in a parent."""
        segs = segments(call.route.path)
        if call.route.method != "GET" or len(segs) < 4 or not is_param(segs[-2]):
            return None
        sibling = "/" + "/".join([*segs[:-3], segs[-1]])
        if not self.records.shapes.is_collection(sibling):
            return None
        key, parent = segs[-2][1:-1], as_id(call.values[segs[-2][1:-1]])
        items = self.store.collection(concrete(sibling, call.values)).values()
        return [r for r in items if parent in (r.get(f"{key}s") or ())]

    def singleton(self, call: Call) -> Any:
        members = self._members(call)
        if members is not None:
            return members
        path = concrete(call.route.path, call.values)
        if path not in self.store.singletons:
            initial = self.canned(call)
            if isinstance(initial, dict) and "username" in call.values:
                login = call.values["username"]
                for key in ("user", "email1", "login"):
                    if key in initial:
                        initial[key] = login
            self.store.singletons[path] = initial
        if call.route.method == "PUT":
            current = self.store.singletons[path]
            if isinstance(current, dict):
                current.update(public(call.body))
            else:
                self.store.singletons[path] = public(call.body)
            return respond(call, self.store.singletons[path])
        return self.store.singletons[path]

    def action(self, call: Call) -> Any:
        return self.canned(call)
