"""Route a parsed call to the operation its kind names (see ``_routing.Shapes.classify``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._calls import Call, HttpError, concrete
from ._config import EmulatorConfig
from ._ops_collections import CollectionOps
from ._ops_content import ContentOps
from ._ops_item_actions import ItemActions
from ._ops_reports import ReportOps
from ._ops_singletons import SingletonOps
from ._records import Records
from ._reports import ReportData
from ._routing import Shapes, is_param, segments
from ._seeding import seed
from ._store import Store

_ITEM_KINDS = ("get", "update", "delete", "upsert")
_UNPARENTED_KINDS = ("job", "jobs", "report", "content")
"""Kinds whose path names no stored parent objects to check."""


class Operations:
    """The emulator's behaviour: the checks every route shares, then one operation."""

    def __init__(
        self,
        config: EmulatorConfig,
        shapes: Shapes,
        store: Store,
        account: str,
        *,
        on_user_gone: Callable[[str], None],
    ) -> None:
        """``on_user_gone(login)`` ends the sessions of a deleted or renamed user."""
        self.records = Records(config, shapes, store, account)
        self.users_path = self.records.users_path
        collections = CollectionOps(self.records, on_user_gone)
        singletons = SingletonOps(self.records)
        actions = ItemActions(self.records, canned=singletons.canned, on_user_gone=on_user_gone)
        self._reports = ReportOps(self.records)
        content = ContentOps(store)
        self._kinds: Mapping[str, Callable[[Call], Any]] = {
            "list": collections.list,
            "get": collections.get,
            "create": collections.create,
            "update": collections.update,
            "upsert": collections.upsert,
            "delete": collections.delete,
            "bulk": collections.bulk,
            "rename": actions.rename,
            "password": actions.password,
            "sso": actions.sso,
            "changes": actions.changes,
            "range": actions.range,
            "singleton": singletons.singleton,
            "action": singletons.action,
            "report": self._reports.report,
            "jobs": self._reports.jobs,
            "job": self._reports.job,
            "content": content.content,
        }

    @property
    def reports(self) -> ReportData:
        """The generator of report rows (shared by every report route)."""
        return self._reports.data

    def seed(self, users: Mapping[str, str]) -> None:
        """Deterministic initial objects in every collection the table declares."""
        seed(self.records, users)

    def run(self, call: Call) -> Any:
        """Check scope and parents, then perform the route's operation."""
        kind = call.compiled.kind
        self.check_scope(call)
        if kind not in _UNPARENTED_KINDS:
            depth = len(segments(call.route.path))
            self.check_parents(call, depth - 1 if kind in _ITEM_KINDS else depth)
        return self._kinds[kind](call)

    def check_scope(self, call: Call) -> None:
        """The path's account/user exists, and the caller's code may act on it."""
        session = call.session
        if "account" in call.values and call.values["account"] != self.records.account:
            raise HttpError(403, "this integration does not belong to that account")
        username = call.values.get("username")
        if session is not None and session.user is not None:
            if username is None:
                raise HttpError(403, "a user-scope code cannot call account functions")
            if username != session.user:
                raise HttpError(403, "a user-scope code may only act on its own user")
        if username is not None and username not in self.records.store.collection(self.users_path):
            raise HttpError(404, f"no such user {username}")

    def check_parents(self, call: Call, upto: int) -> None:
        """Every object named along the path, before segment ``upto``, exists."""
        segs = segments(call.route.path)
        for k in range(2, min(upto, len(segs))):
            if not is_param(segs[k]):
                continue
            prefix = "/" + "/".join(segs[:k])
            if self.records.shapes.is_collection(prefix):
                items = self.records.store.collection(concrete(prefix, call.values))
                if call.values[segs[k][1:-1]] not in items:
                    raise HttpError(404, f"no such {segs[k][1:-1]} {call.values[segs[k][1:-1]]}")
