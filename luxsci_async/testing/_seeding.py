"""The emulator's initial state: a few deterministic objects in every collection."""

from __future__ import annotations

from collections.abc import Mapping

from ._calls import concrete
from ._ops_content import file_entry, mkdirs
from ._records import Records
from ._routing import is_param, segments
from ._shapes import text_for

_USERS_TEMPLATE = "/account/{account}/users"
_MAX_PARENTS = 50
"""Collections nested under others are seeded under this many parents at most."""


def seed(records: Records, users: Mapping[str, str]) -> None:
    """Deterministic initial objects in every collection the table declares."""
    store, shapes = records.store, records.shapes
    per = records.config.items_per_collection
    user_items = store.collection(records.users_path)
    for n, (login, password) in enumerate(users.items(), 1):
        # "enabled" is the status public LuxSci clients filter users on.
        user_items[login] = records.new_record(
            _USERS_TEMPLATE, n, login, {"user": login, "status": "enabled"}
        )
        store.passwords[login] = password
    # A collection may have item routes only (a form row's files): seed those too.
    parents = {t.rsplit("/", 1)[0] for t in shapes.methods if is_param(segments(t)[-1])}
    templates = sorted(
        {t for t in set(shapes.methods) | parents if shapes.is_collection(t)},
        key=lambda t: len(segments(t)),
    )
    for template in templates:
        if template == _USERS_TEMPLATE:
            continue
        if "jobs" in segments(template) or "content_library" in segments(template):
            continue
        numbered = records.id_key(template).endswith(("id", "row", "file"))
        for values in _assignments(records, template, users)[:_MAX_PARENTS]:
            items = store.collection(concrete(template, values))
            for n in range(1, per + 1):
                item_id = str(n) if numbered else ""
                item_id = item_id or text_for(records.id_key(template), n + records.config.seed)
                items[item_id] = records.new_record(template, n, item_id, None)
    for login in users:
        tree = store.files.setdefault(login, {})
        mkdirs(tree, "templates")
        tree["templates/welcome.html"] = file_entry("templates/welcome.html", b"<p>Welcome</p>")


def _assignments(records: Records, template: str, users: Mapping[str, str]) -> list[dict[str, str]]:
    """Values for every parameter of ``template``, one dict per existing parent object."""
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
                options: list[str] = [records.account]
            elif name == "username":
                options = list(users)
            elif records.shapes.is_collection(prefix):
                options = list(records.store.collection(concrete(prefix, values)))[:2]
            else:
                options = list(_allowed(records, name)) or ["1"]
            grown += [{**values, name: option} for option in options]
        result = grown
    return result


def _allowed(records: Records, name: str) -> tuple[str, ...]:
    for route in records.shapes.routes:
        for param in route.path_params:
            if param.wire_name == name and param.allowed:
                return param.allowed
    return ()
