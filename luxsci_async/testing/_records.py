"""What an object of a collection looks like: its model, its id key, a new record of it."""

from __future__ import annotations

from typing import Any

from ._calls import as_id, public
from ._config import EmulatorConfig
from ._routing import Shapes, segments
from ._shapes import example, item_type, model_keys
from ._store import SECRET_KEYS, Store


class Records:
    """The state and shapes every family of operations shares."""

    def __init__(self, config: EmulatorConfig, shapes: Shapes, store: Store, account: str) -> None:
        self.config = config
        self.shapes = shapes
        self.store = store
        self.account = account
        self.users_path = f"/account/{account}/users"

    def model(self, template: str) -> Any:
        """The attrs model of one object of a collection, from its routes' responses."""
        items = self.shapes.item_templates(template)
        ranked = sorted(
            (
                (0 if route.path == template else 1 if route.path in items else 2, route.response)
                for route in self.shapes.routes
                if route.method != "DELETE"
                and (route.path == template or route.path in items)
                and (route.method == "GET" or route.path == template)
            ),
            key=lambda pair: pair[0],
        )
        return next((item_type(r) for _, r in ranked if model_keys(item_type(r))), None)

    def id_key(self, template: str) -> str:
        """The name of the path parameter that picks one object of the collection."""
        items = self.shapes.item_templates(template)
        return segments(items[0])[-1][1:-1] if items else "id"

    def new_record(self, template: str, n: int, item_id: str, body: Any) -> dict[str, Any]:
        """An object of a collection: model-shaped, with the id under every id-like key."""
        model = self.model(template)
        key = self.id_key(template)
        record: dict[str, Any] = example(model, key, n) if model is not None else {}
        singular = segments(template)[-1].rstrip("s")
        value = as_id(item_id)
        for candidate in (f"{key}_id", f"{singular}_id", "id"):
            # Only where the model's type fits: a domain name is no numeric ``id``, but a
            # numeric id can be a string id.
            if candidate in record and type(record[candidate]) is type(value):
                record[candidate] = value
            elif candidate in record and isinstance(record[candidate], str):
                record[candidate] = str(value)
        record[key] = value
        record.update(public(body))
        return record

    def pick_id(self, template: str, body: Any) -> str:
        """The id a new object gets: from the body where it names one, else a fresh number."""
        key = self.id_key(template)
        body = body if isinstance(body, dict) else {}
        if body.get(key) not in (None, ""):
            return str(body[key])
        if not key.endswith("id") and key not in ("row", "file"):
            if (
                isinstance(body.get("user"), str)
                and isinstance(body.get("domain"), str)
                and (key in ("alias", "address"))
            ):
                return f"{body['user']}@{body['domain']}"
            for alt in ("email", "address", "login", "user", "domain", "name"):
                if isinstance(body.get(alt), str) and body[alt]:
                    return str(body[alt])
        return str(self.store.new_id())

    def keep_secret(self, path: str, item_id: str, body: Any) -> None:
        """Store a password given in a body aside, where no answer echoes it."""
        if not isinstance(body, dict):
            return
        secret = next((body[k] for k in SECRET_KEYS if isinstance(body.get(k), str)), None)
        if secret is not None:
            self.set_password(path, item_id, secret)

    def set_password(self, path: str, item_id: str, secret: str) -> None:
        """A user's password (what ``POST /auth`` checks), or another object's secret."""
        if path == self.users_path:
            self.store.passwords[item_id] = secret
        else:
            self.store.secrets[(path, item_id)] = {"password": secret}
