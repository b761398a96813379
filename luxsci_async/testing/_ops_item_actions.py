"""Actions on one object (``.../{id}/rename``, ``password``, ``sso``, ``changes``, ``range``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from ._calls import NO_DATA, Call, HttpError, as_id, body_object, concrete, respond
from ._records import Records
from ._routing import segments
from ._shapes import gmt
from ._validate import BadInput

_NEW_NAME_KEYS = ("new_user", "new_login", "new_name", "to", "user", "login", "name")
_NEW_PASSWORD_KEYS = ("new_password", "password", "pass")


def _start(entry: Mapping[str, Any]) -> Any:
    return entry.get("start") or entry.get("start_date") or entry.get("date") or ""


class ItemActions:
    """What an action route does to the object named in front of it."""

    def __init__(
        self,
        records: Records,
        *,
        canned: Callable[[Call, str], Any],
        on_user_gone: Callable[[str], None],
    ) -> None:
        self.records = records
        self.store = records.store
        self._canned = canned
        self._on_user_gone = on_user_gone

    def _target(self, call: Call) -> tuple[str, str]:
        """(collection path, id) of the object an action applies to."""
        name = segments(call.route.path)[-2][1:-1]
        if call.compiled.collection in (None, "/user"):
            return self.records.users_path, call.values[name]
        path = concrete(call.compiled.collection, call.values)
        if call.values[name] not in self.store.collection(path):
            raise HttpError(404, f"no such object {call.values[name]}")
        return path, call.values[name]

    def rename(self, call: Call) -> Any:
        path, old = self._target(call)
        body = body_object(call)
        new = next(
            (body[k] for k in _NEW_NAME_KEYS if isinstance(body.get(k), str) and body[k]), None
        )
        if new is None:
            raise BadInput("missing the new name")
        items = self.store.collection(path)
        if new in items:
            raise HttpError(400, f"{new} already exists")
        record = items.pop(old)
        record[self.records.id_key(call.compiled.collection or "")] = new
        items[new] = record
        if path == self.records.users_path:
            if old in self.store.passwords:
                self.store.passwords[new] = self.store.passwords.pop(old)
            self._on_user_gone(old)
        return respond(call, record)

    def password(self, call: Call) -> Any:
        path, item_id = self._target(call)
        body = body_object(call)
        secret = next((body[k] for k in _NEW_PASSWORD_KEYS if body.get(k)), None)
        if not isinstance(secret, str):
            raise BadInput("missing the new password")
        self.records.set_password(path, item_id, secret)
        return NO_DATA

    def sso(self, call: Call) -> Any:
        self._target(call)
        return self._canned(call, "sso")

    def changes(self, call: Call) -> Any:
        path, item_id = self._target(call)
        entries_path = f"{path}/{item_id}/entries"
        since = call.query.get("since", "")
        entries = self.store.collection(entries_path)
        log = [c for c in self.store.changes.get(entries_path, []) if c["date"] >= since]
        changed = {c["entry_id"]: c["action"] for c in log}
        return {
            "added": [entries[i] for i, a in changed.items() if a == "create" and i in entries],
            "updated": [entries[i] for i, a in changed.items() if a == "update" and i in entries],
            "deleted": [as_id(i) for i, a in changed.items() if a == "delete"],
            "as_of": gmt(time.time()),
        }

    def range(self, call: Call) -> Any:
        path, item_id = self._target(call)
        entries = self.store.collection(f"{path}/{item_id}/entries").values()
        dates = [v for k, v in call.query.items() if "date" in k or "start" in k or "end" in k]
        lo, hi = (min(dates), max(dates)) if dates else ("", "9999")
        return [
            e
            for e in entries
            if (e.get("recurrence") and str(_start(e)) <= hi) or lo <= str(_start(e)) <= hi
        ]
