"""What each kind of route does to the store (see ``_routing.Shapes.classify``)."""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Mapping
from typing import Any

import attrs

from .._assumptions import (
    DESTINATION_PARAMS,
    LIST_SEPARATOR,
    REPORT_HEADER,
    REPORT_ROWS,
    REPORT_TOTAL,
    UPLOAD_ATTACHMENTS_KEY,
)
from .._routes.spec import Route
from ._auth import Session
from ._canned import CANNED
from ._config import EmulatorConfig
from ._reports import BadReportQuery, ReportData, ReportShape
from ._routing import Compiled, Shapes, is_param, segments
from ._shapes import example, gmt, is_list, item_type, model_keys, text_for
from ._store import SECRET_KEYS, Store
from ._validate import BadInput, paging

NO_DATA: Any = object()
"""Marker: answer with a success envelope without ``data``."""


class HttpError(Exception):
    """A failure answered with ``status`` and ``{"success": 0, "error": message}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@attrs.define
class Call:
    """One authenticated request, parsed."""

    compiled: Compiled
    values: dict[str, str]
    query: dict[str, str]
    body: Any
    files: list[tuple[str, bytes]]
    session: Session | None

    @property
    def route(self) -> Route:
        return self.compiled.route


def concrete(template: str, values: Mapping[str, str]) -> str:
    """Fill a path template (or a prefix of one) with decoded values."""
    return "/" + "/".join(values[s[1:-1]] if is_param(s) else s for s in segments(template))


def _as_id(value: str) -> Any:
    return int(value) if value.isdigit() else value


def _public(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        return {}
    return {k: v for k, v in body.items() if k not in SECRET_KEYS}


class Operations:
    """The emulator's behaviour, one method per operation kind."""

    def __init__(self, config: EmulatorConfig, shapes: Shapes, store: Store, account: str) -> None:
        self.config = config
        self.shapes = shapes
        self.store = store
        self.account = account
        self.reports = ReportData(seed=config.seed, rows=config.rows)
        self._report_shapes: dict[str, ReportShape] = {}
        self.users_path = f"/account/{account}/users"

    # --- shapes of collections ------------------------------------------------------------
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
        items = self.shapes.item_templates(template)
        return segments(items[0])[-1][1:-1] if items else "id"

    def new_record(self, template: str, n: int, item_id: str, body: Any) -> dict[str, Any]:
        """An object of a collection: model-shaped, with the id under every id-like key."""
        model = self.model(template)
        key = self.id_key(template)
        record: dict[str, Any] = example(model, key, n) if model is not None else {}
        singular = segments(template)[-1].rstrip("s")
        value = _as_id(item_id)
        for candidate in (f"{key}_id", f"{singular}_id", "id"):
            # Only where the model's type fits: a domain name is no numeric ``id``, but a
            # numeric id can be a string id.
            if candidate in record and type(record[candidate]) is type(value):
                record[candidate] = value
            elif candidate in record and isinstance(record[candidate], str):
                record[candidate] = str(value)
        record[key] = value
        record.update(_public(body))
        return record

    def pick_id(self, template: str, body: Any) -> str:
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

    # --- checks shared by every route -----------------------------------------------------
    def check_scope(self, call: Call) -> None:
        """The path's account/user exists, and the caller's code may act on it."""
        session = call.session
        if "account" in call.values and call.values["account"] != self.account:
            raise HttpError(403, "this integration does not belong to that account")
        username = call.values.get("username")
        if session is not None and session.user is not None:
            if username is None:
                raise HttpError(403, "a user-scope code cannot call account functions")
            if username != session.user:
                raise HttpError(403, "a user-scope code may only act on its own user")
        if username is not None and username not in self.store.collection(self.users_path):
            raise HttpError(404, f"no such user {username}")

    def check_parents(self, call: Call, upto: int) -> None:
        """Every object named along the path, before segment ``upto``, exists."""
        segs = segments(call.route.path)
        for k in range(2, min(upto, len(segs))):
            if not is_param(segs[k]):
                continue
            prefix = "/" + "/".join(segs[:k])
            if self.shapes.is_collection(prefix):
                items = self.store.collection(concrete(prefix, call.values))
                if call.values[segs[k][1:-1]] not in items:
                    raise HttpError(404, f"no such {segs[k][1:-1]} {call.values[segs[k][1:-1]]}")

    # --- dispatch ---------------------------------------------------------------------------
    def run(self, call: Call) -> Any:
        kind = call.compiled.kind
        self.check_scope(call)
        segs = segments(call.route.path)
        item_kinds = ("get", "update", "delete", "upsert")
        if kind not in ("job", "jobs", "report", "content"):
            self.check_parents(call, len(segs) - 1 if kind in item_kinds else len(segs))
        handler = getattr(self, f"op_{kind}")
        return handler(call)

    def _respond(self, call: Call, record: Any) -> Any:
        response = call.route.response
        if response is None and call.route.method != "GET":
            return NO_DATA
        if is_list(response) and isinstance(record, dict):
            return [record]
        return record

    # --- collections ------------------------------------------------------------------------
    def _items(self, call: Call) -> tuple[str, dict[str, dict[str, Any]]]:
        assert call.compiled.collection is not None
        path = concrete(call.compiled.collection, call.values)
        return path, self.store.collection(path)

    def _item_id(self, call: Call) -> str:
        return call.values[segments(call.route.path)[-1][1:-1]]

    def op_list(self, call: Call) -> Any:
        _, items = self._items(call)
        found = list(items.values())
        for param in call.route.query:
            name = param.wire_name
            value = call.query.get(name)
            if value is None or name in ("first_row", "start_row", "matches"):
                continue
            if name in ("since", "since_index", "after_index", "after_row", "after_id", "since_id"):
                key = self.id_key(call.compiled.collection or "")
                found = [r for r in found if _numeric(r.get(key)) > _numeric(value)]
            elif name in ("from_date", "after_date"):
                found = [r for r in found if str(r.get("created", "")) >= value]
            elif found and isinstance(found[0].get(f"{name}s"), list):
                found = [r for r in found if _as_id(value) in r[f"{name}s"]]
            elif found and name in found[0]:
                found = [r for r in found if str(r.get(name)) == value]
        if "matches" in call.query or "first_row" in call.query:
            first, count = paging(call.query, unlimited=False)
            found = found[first : first + count]
        return found

    def op_get(self, call: Call) -> Any:
        path, items = self._items(call)
        item_id = self._item_id(call)
        if item_id not in items:
            raise HttpError(404, f"no such object {item_id}")
        record = items[item_id]
        # A list that is also a child collection (a form row's files) shows its current
        # members, so ids read from the parent can be used on the child's routes.
        for key, value in record.items():
            if isinstance(value, list) and self.shapes.is_collection(f"{call.route.path}/{key}"):
                child = self.store.collections.get(f"{path}/{item_id}/{key}", {})
                record = {**record, key: list(child.values())}
        return record

    def op_create(self, call: Call) -> Any:
        path, items = self._items(call)
        template = call.compiled.collection or ""
        item_id = self.pick_id(template, call.body)
        if item_id in items:
            raise HttpError(400, f"{item_id} already exists")
        record = self.new_record(template, len(items) + 1, item_id, call.body)
        items[item_id] = record
        self._secrets(path, item_id, call.body)
        self.store.record_change(path, "create", item_id)
        return self._respond(call, record)

    def op_upsert(self, call: Call) -> Any:
        path, items = self._items(call)
        item_id = self._item_id(call)
        template = call.compiled.collection or ""
        record = items.get(item_id) or self.new_record(template, len(items) + 1, item_id, None)
        record.update(_public(call.body))
        items[item_id] = record
        self._secrets(path, item_id, call.body)
        self.store.record_change(path, "update", item_id)
        return self._respond(call, record)

    def op_update(self, call: Call) -> Any:
        _path, items = self._items(call)
        item_id = self._item_id(call)
        template = call.compiled.collection or ""
        if item_id not in items and self.shapes.has("POST", template):
            raise HttpError(404, f"no such object {item_id}")
        return self.op_upsert(call)

    def op_delete(self, call: Call) -> Any:
        path, items = self._items(call)
        item_id = self._item_id(call)
        if items.pop(item_id, None) is None:
            raise HttpError(404, f"no such object {item_id}")
        self.store.record_change(path, "delete", item_id)
        if path == self.users_path:
            self.store.passwords.pop(item_id, None)
            self.on_user_gone(item_id)
        return NO_DATA

    def on_user_gone(self, login: str) -> None:
        """Hook set by the app: end the sessions of a deleted or renamed user."""

    def _secrets(self, path: str, item_id: str, body: Any) -> None:
        if not isinstance(body, dict):
            return
        secret = next((body[k] for k in SECRET_KEYS if isinstance(body.get(k), str)), None)
        if secret is None:
            return
        if path == self.users_path:
            self.store.passwords[item_id] = secret
        else:
            self.store.secrets[(path, item_id)] = {"password": secret}

    # --- actions on one object ----------------------------------------------------------------
    def _target(self, call: Call) -> tuple[str, str]:
        """(collection path, id) of the object an action applies to."""
        segs = segments(call.route.path)
        name = segs[-2][1:-1]
        if call.compiled.collection in (None, "/user"):
            return self.users_path, call.values[name]
        path = concrete(call.compiled.collection, call.values)
        if call.values[name] not in self.store.collection(path):
            raise HttpError(404, f"no such object {call.values[name]}")
        return path, call.values[name]

    def op_rename(self, call: Call) -> Any:
        path, old = self._target(call)
        body = call.body if isinstance(call.body, dict) else {}
        new = next(
            (
                body[k]
                for k in ("new_user", "new_login", "new_name", "to", "user", "login", "name")
                if isinstance(body.get(k), str) and body[k]
            ),
            None,
        )
        if new is None:
            raise BadInput("missing the new name")
        items = self.store.collection(path)
        if new in items:
            raise HttpError(400, f"{new} already exists")
        record = items.pop(old)
        record[self.id_key(call.compiled.collection or "")] = new
        items[new] = record
        if path == self.users_path:
            if old in self.store.passwords:
                self.store.passwords[new] = self.store.passwords.pop(old)
            self.on_user_gone(old)
        return self._respond(call, record)

    def op_password(self, call: Call) -> Any:
        path, item_id = self._target(call)
        body = call.body if isinstance(call.body, dict) else {}
        secret = next((body[k] for k in ("new_password", "password", "pass") if body.get(k)), None)
        if not isinstance(secret, str):
            raise BadInput("missing the new password")
        if path == self.users_path:
            self.store.passwords[item_id] = secret
        else:
            self.store.secrets[(path, item_id)] = {"password": secret}
        return NO_DATA

    def op_sso(self, call: Call) -> Any:
        self._target(call)
        return self._canned(call, "sso")

    def op_changes(self, call: Call) -> Any:
        path, item_id = self._target(call)
        entries_path = f"{path}/{item_id}/entries"
        since = call.query.get("since", "")
        entries = self.store.collection(entries_path)
        log = [c for c in self.store.changes.get(entries_path, []) if c["date"] >= since]
        changed = {c["entry_id"]: c["action"] for c in log}
        return {
            "added": [entries[i] for i, a in changed.items() if a == "create" and i in entries],
            "updated": [entries[i] for i, a in changed.items() if a == "update" and i in entries],
            "deleted": [_as_id(i) for i, a in changed.items() if a == "delete"],
            "as_of": gmt(time.time()),
        }

    def op_range(self, call: Call) -> Any:
        path, item_id = self._target(call)
        entries = self.store.collection(f"{path}/{item_id}/entries").values()
        dates = [v for k, v in call.query.items() if "date" in k or "start" in k or "end" in k]
        lo, hi = (min(dates), max(dates)) if dates else ("", "9999")
        return [
            e
            for e in entries
            if (e.get("recurrence") and str(_start(e)) <= hi) or lo <= str(_start(e)) <= hi
        ]

    def op_bulk(self, call: Call) -> Any:
        template = call.compiled.collection or ""
        path = concrete(template, call.values)
        items = self.store.collection(path)
        method = call.route.method
        if method == "DELETE":
            ids = [i for v in call.query.values() for i in v.split(LIST_SEPARATOR) if i]
            if isinstance(call.body, dict):
                ids += [str(i) for v in call.body.values() if isinstance(v, list) for i in v]
            results = []
            for item_id in ids:
                deleted = items.pop(item_id, None) is not None
                if deleted:
                    self.store.record_change(path, "delete", item_id)
                results.append({"entry_id": _as_id(item_id), "success": int(deleted)})
            return self._respond(call, results) if call.route.response else NO_DATA
        body = call.body if isinstance(call.body, dict) else {}
        batch = next((v for v in body.values() if isinstance(v, list)), [])
        key = self.id_key(template)
        out = []
        for entry in batch:
            if not isinstance(entry, dict):
                raise BadInput("each bulk entry must be an object")
            if method == "PUT":
                # WebAide entries name their id "Unique ID" (catalogue, WebAide field tables).
                item_id = str(entry.get(key, entry.get("Unique ID", entry.get("id", ""))))
                if item_id not in items:
                    raise HttpError(404, f"no such object {item_id}")
                items[item_id].update(_public(entry))
                self.store.record_change(path, "update", item_id)
                out.append(items[item_id])
            else:
                item_id = self.pick_id(template, entry)
                items[item_id] = self.new_record(template, len(items) + 1, item_id, entry)
                self.store.record_change(path, "create", item_id)
                out.append(items[item_id])
        return self._respond(call, out)

    # --- singletons and canned answers --------------------------------------------------------
    def _canned(self, call: Call, name: str | None = None) -> Any:
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
        if not self.shapes.is_collection(sibling):
            return None
        key, parent = segs[-2][1:-1], _as_id(call.values[segs[-2][1:-1]])
        items = self.store.collection(concrete(sibling, call.values)).values()
        return [r for r in items if parent in (r.get(f"{key}s") or ())]

    def op_singleton(self, call: Call) -> Any:
        members = self._members(call)
        if members is not None:
            return members
        path = concrete(call.route.path, call.values)
        if path not in self.store.singletons:
            initial = self._canned(call)
            if isinstance(initial, dict) and "username" in call.values:
                login = call.values["username"]
                for key in ("user", "email1", "login"):
                    if key in initial:
                        initial[key] = login
            self.store.singletons[path] = initial
        if call.route.method == "PUT":
            current = self.store.singletons[path]
            if isinstance(current, dict):
                current.update(_public(call.body))
            else:
                self.store.singletons[path] = _public(call.body)
            return self._respond(call, self.store.singletons[path])
        return self.store.singletons[path]

    def op_action(self, call: Call) -> Any:
        return self._canned(call)

    # --- reports and jobs -----------------------------------------------------------------------
    def op_report(self, call: Call) -> Any:
        destination = call.query.get(DESTINATION_PARAMS[0])
        try:
            lo, hi = self.reports.select(call.query)
        except BadReportQuery as exc:
            raise BadInput(str(exc)) from None
        first, matches = paging(call.query, unlimited=destination is not None)
        start, stop = min(hi, lo + first), min(hi, lo + first + matches)
        if destination is not None:
            failure = None
            if self.config.fail_jobs or "fail" in destination.lower():
                host = call.query.get(DESTINATION_PARAMS[1], destination)
                failure = f"upload to {host} failed: connection refused"
            job = self.store.new_job(self._owner(call), stop - start, failure)
            return {"job_id": job.job_id}
        rows = self.reports.rows_between(self._shape(call), start, stop) if matches else []
        shape = self._shape(call)
        return {REPORT_HEADER: shape.header, REPORT_ROWS: rows, REPORT_TOTAL: hi - lo}

    def _shape(self, call: Call) -> ReportShape:
        segs = segments(concrete(call.route.path, call.values))
        key = "/".join([segs[0], *segs[2:]])
        shape = self._report_shapes.get(key)
        if shape is None:
            assert call.route.report is not None
            # A report chosen by its {source} path segment only holds rows of that source.
            fixed = {"source": call.values["source"]} if "source" in call.values else None
            shape = ReportShape(key, call.route.report.row, segs[-1], fixed)
            self._report_shapes[key] = shape
        return shape

    def _owner(self, call: Call) -> str:
        segs = segments(concrete(call.route.path, call.values))
        return "/".join(segs[:2])

    def op_jobs(self, call: Call) -> Any:
        owner, now = self._owner(call), time.time()
        return [
            job.view(now, self.config.job_seconds)
            for job in self.store.jobs.values()
            if job.owner == owner
        ]

    def op_job(self, call: Call) -> Any:
        raw = call.values.get("job_id") or self._item_id(call)
        job = self.store.jobs.get(int(raw)) if raw.isdigit() else None
        if job is None or job.owner != self._owner(call):
            raise HttpError(404, f"no such job {raw}")
        return job.view(time.time(), self.config.job_seconds)

    # --- content library ------------------------------------------------------------------------
    def op_content(self, call: Call) -> Any:
        user = call.values.get("username", "")
        tree = self.store.files.setdefault(user, {})
        names = [n for n in call.compiled.names if n not in ("username", "account")]
        path = call.values[names[-1]].strip("/") if names else ""
        method = call.route.method
        if method == "GET":
            if path not in tree and path != "":
                raise HttpError(404, f"no such file or directory {path}")
            entry = tree.get(path, {"type": "directory"})
            if entry["type"] == "directory":
                prefix = f"{path}/" if path else ""
                return [
                    _public_entry(e)
                    for p, e in sorted(tree.items())
                    if p.startswith(prefix) and "/" not in p[len(prefix) :]
                ]
            return {**_public_entry(entry), "content": base64.b64encode(entry["data"]).decode()}
        if method == "DELETE":
            doomed = [p for p in tree if p == path or p.startswith(f"{path}/")]
            if not doomed:
                raise HttpError(404, f"no such file or directory {path}")
            for p in doomed:
                del tree[p]
            return NO_DATA
        if not call.files:
            if path in tree:
                raise HttpError(400, f"{path} already exists")
            _mkdirs(tree, path)
            return NO_DATA
        saved = [self._save(tree, path, name, data) for name, data in _checked(call)]
        return self._respond(call, saved[0] if len(saved) == 1 else saved)

    def _save(self, tree: dict[str, dict[str, Any]], path: str, name: str, data: bytes) -> Any:
        target = f"{path}/{name}" if tree.get(path, {}).get("type") == "directory" else path
        parent = target.rpartition("/")[0]
        if parent:
            _mkdirs(tree, parent)
        tree[target] = _file_entry(target, data)
        return _public_entry(tree[target])

    # --- seeding --------------------------------------------------------------------------------
    def seed(self, users: Mapping[str, str]) -> None:
        """Deterministic initial objects in every collection the table declares."""
        per = self.config.items_per_collection
        user_items = self.store.collection(self.users_path)
        users_template = "/account/{account}/users"
        for n, (login, password) in enumerate(users.items(), 1):
            # "enabled" is the status LuxSci clients filter users on (catalogue, getAccountUsers).
            user_items[login] = self.new_record(
                users_template, n, login, {"user": login, "status": "enabled"}
            )
            self.store.passwords[login] = password
        # A collection may have item routes only (a form row's files): seed those too.
        parents = {t.rsplit("/", 1)[0] for t in self.shapes.methods if is_param(segments(t)[-1])}
        templates = sorted(
            {t for t in set(self.shapes.methods) | parents if self.shapes.is_collection(t)},
            key=lambda t: len(segments(t)),
        )
        for template in templates:
            if template == users_template:
                continue
            if "jobs" in segments(template) or "content_library" in segments(template):
                continue
            for values in self._assignments(template, users)[:50]:
                items = self.store.collection(concrete(template, values))
                for n in range(1, per + 1):
                    item_id = (
                        str(n) if self.id_key(template).endswith(("id", "row", "file")) else ""
                    )
                    item_id = item_id or text_for(self.id_key(template), n + self.config.seed)
                    items[item_id] = self.new_record(template, n, item_id, None)
        for login in users:
            tree = self.store.files.setdefault(login, {})
            _mkdirs(tree, "templates")
            tree["templates/welcome.html"] = _file_entry(
                "templates/welcome.html", b"<p>Welcome</p>"
            )

    def _assignments(self, template: str, users: Mapping[str, str]) -> list[dict[str, str]]:
        segs = segments(template)
        result: list[dict[str, str]] = [{}]
        for k, seg in enumerate(segs):
            if not is_param(seg):
                continue
            name = seg[1:-1]
            prefix = "/" + "/".join(segs[:k])
            grown: list[dict[str, str]] = []
            for values in result:
                if name == "account":
                    options: list[str] = [self.account]
                elif name == "username":
                    options = list(users)
                elif self.shapes.is_collection(prefix):
                    options = list(self.store.collection(concrete(prefix, values)))[:2]
                else:
                    options = list(self._allowed(name)) or ["1"]
                grown += [{**values, name: option} for option in options]
            result = grown
        return result

    def _allowed(self, name: str) -> tuple[str, ...]:
        for route in self.shapes.routes:
            for param in route.path_params:
                if param.wire_name == name and param.allowed:
                    return param.allowed
        return ()


def _numeric(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _start(entry: Mapping[str, Any]) -> Any:
    return entry.get("start") or entry.get("start_date") or entry.get("date") or ""


def _mkdirs(tree: dict[str, dict[str, Any]], path: str) -> None:
    parts = path.split("/")
    for i in range(1, len(parts) + 1):
        sub = "/".join(parts[:i])
        tree.setdefault(sub, {"type": "directory", "path": sub, "modified": gmt(time.time())})


def _file_entry(path: str, data: bytes) -> dict[str, Any]:
    return {
        "type": "file",
        "path": path,
        "name": path.rpartition("/")[2],
        "size": len(data),
        "hash": hashlib.sha256(data).hexdigest(),
        "modified": gmt(time.time()),
        "data": data,
    }


def _public_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != "data"}


def _checked(call: Call) -> list[tuple[str, bytes]]:
    """Uploaded files, after checking each against the JSON part's ``attachments``."""
    if not call.files:
        raise BadInput("no file uploaded")
    body = call.body if isinstance(call.body, dict) else {}
    listed = body.get(UPLOAD_ATTACHMENTS_KEY)
    if listed is None:
        return call.files
    if not isinstance(listed, list):
        raise BadInput(f"{UPLOAD_ATTACHMENTS_KEY} must be a list")
    hashes = {a.get("name"): str(a.get("hash", "")).lower() for a in listed if isinstance(a, dict)}
    for name, data in call.files:
        if name not in hashes:
            raise BadInput(f"file {name} is not listed in {UPLOAD_ATTACHMENTS_KEY}")
        if hashes[name] != hashlib.sha256(data).hexdigest():
            raise BadInput(f"hash mismatch for attachment {name}")
    return call.files
