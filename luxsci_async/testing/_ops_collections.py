"""Collections of objects: list, get, create, update, upsert, delete, and bulk changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._assumptions import LIST_SEPARATOR
from ._calls import NO_DATA, Call, HttpError, as_id, body_object, concrete, public, respond
from ._records import Records
from ._validate import BadInput, paging

_SINCE_PARAMS = ("since", "since_index", "after_index", "after_row", "after_id", "since_id")
_PAGING_PARAMS = ("first_row", "start_row", "matches")


def _numeric(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


class CollectionOps:
    """The operations on a collection and on its items, keyed by the collection's path."""

    def __init__(self, records: Records, on_user_gone: Callable[[str], None]) -> None:
        self.records = records
        self.store = records.store
        self._on_user_gone = on_user_gone

    def _items(self, call: Call) -> tuple[str, dict[str, dict[str, Any]]]:
        assert call.compiled.collection is not None
        path = concrete(call.compiled.collection, call.values)
        return path, self.store.collection(path)

    def list(self, call: Call) -> Any:
        _, items = self._items(call)
        found = list(items.values())
        for param in call.route.query:
            name = param.wire_name
            value = call.query.get(name)
            if value is None or name in _PAGING_PARAMS:
                continue
            if name in _SINCE_PARAMS:
                key = self.records.id_key(call.compiled.collection or "")
                found = [r for r in found if _numeric(r.get(key)) > _numeric(value)]
            elif name in ("from_date", "after_date"):
                found = [r for r in found if str(r.get("created", "")) >= value]
            elif found and isinstance(found[0].get(f"{name}s"), list):
                found = [r for r in found if as_id(value) in r[f"{name}s"]]
            elif found and name in found[0]:
                found = [r for r in found if str(r.get(name)) == value]
        if "matches" in call.query or "first_row" in call.query:
            first, count = paging(call.query, unlimited=False)
            found = found[first : first + count]
        return found

    def get(self, call: Call) -> Any:
        path, items = self._items(call)
        item_id = call.item_id()
        if item_id not in items:
            raise HttpError(404, f"no such object {item_id}")
        record = items[item_id]
        # A list that is also a child collection (a form row's files) shows its current
        # members, so ids read from the parent can be used on the child's routes.
        for key, value in record.items():
            if isinstance(value, list) and self.records.shapes.is_collection(
                f"{call.route.path}/{key}"
            ):
                child = self.store.collections.get(f"{path}/{item_id}/{key}", {})
                record = {**record, key: list(child.values())}
        return record

    def create(self, call: Call) -> Any:
        path, items = self._items(call)
        template = call.compiled.collection or ""
        item_id = self.records.pick_id(template, call.body)
        if item_id in items:
            raise HttpError(400, f"{item_id} already exists")
        record = self.records.new_record(template, len(items) + 1, item_id, call.body)
        return self._keep(call, path, item_id, record, "create")

    def upsert(self, call: Call) -> Any:
        path, items = self._items(call)
        item_id = call.item_id()
        template = call.compiled.collection or ""
        record = items.get(item_id) or self.records.new_record(
            template, len(items) + 1, item_id, None
        )
        record.update(public(call.body))
        return self._keep(call, path, item_id, record, "update")

    def _keep(self, call: Call, path: str, item_id: str, record: Any, action: str) -> Any:
        """Store a created or changed object, its secret aside, and log the change."""
        self.store.collection(path)[item_id] = record
        self.records.keep_secret(path, item_id, call.body)
        self.store.record_change(path, action, item_id)
        return respond(call, record)

    def update(self, call: Call) -> Any:
        _path, items = self._items(call)
        item_id = call.item_id()
        template = call.compiled.collection or ""
        if item_id not in items and self.records.shapes.has("POST", template):
            raise HttpError(404, f"no such object {item_id}")
        return self.upsert(call)

    def delete(self, call: Call) -> Any:
        path, items = self._items(call)
        item_id = call.item_id()
        if items.pop(item_id, None) is None:
            raise HttpError(404, f"no such object {item_id}")
        self.store.record_change(path, "delete", item_id)
        if path == self.records.users_path:
            self.store.passwords.pop(item_id, None)
            self._on_user_gone(item_id)
        return NO_DATA

    def bulk(self, call: Call) -> Any:
        path, items = self._items(call)
        if call.route.method == "DELETE":
            return self._bulk_delete(call, path, items)
        template = call.compiled.collection or ""
        batch = next((v for v in body_object(call).values() if isinstance(v, list)), [])
        key = self.records.id_key(template)
        out = []
        for entry in batch:
            if not isinstance(entry, dict):
                raise BadInput("each bulk entry must be an object")
            if call.route.method == "PUT":
                # WebAide entries name their id "Unique ID" (a field of every WebAide type).
                item_id = str(entry.get(key, entry.get("Unique ID", entry.get("id", ""))))
                if item_id not in items:
                    raise HttpError(404, f"no such object {item_id}")
                items[item_id].update(public(entry))
                self.store.record_change(path, "update", item_id)
            else:
                item_id = self.records.pick_id(template, entry)
                items[item_id] = self.records.new_record(template, len(items) + 1, item_id, entry)
                self.store.record_change(path, "create", item_id)
            out.append(items[item_id])
        return respond(call, out)

    def _bulk_delete(self, call: Call, path: str, items: dict[str, dict[str, Any]]) -> Any:
        ids = [i for v in call.query.values() for i in v.split(LIST_SEPARATOR) if i]
        ids += [str(i) for v in body_object(call).values() if isinstance(v, list) for i in v]
        results = []
        for item_id in ids:
            deleted = items.pop(item_id, None) is not None
            if deleted:
                self.store.record_change(path, "delete", item_id)
            results.append({"entry_id": as_id(item_id), "success": int(deleted)})
        return respond(call, results) if call.route.response else NO_DATA
