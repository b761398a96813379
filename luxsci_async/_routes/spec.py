"""The shape of a route-table entry.

A :class:`Route` describes one LuxSci endpoint as data: the endpoint methods, the emulator,
the CLI and the API reference are all derived from these entries, botocore-style.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

ScopeKind = Literal["account", "user", "auth"]
"""Which kind of auth code a route needs (``auth``: the login routes themselves)."""
HttpMethod = Literal["GET", "POST", "PUT", "DELETE"]
Evidence = Literal["confirmed", "inferred", "speculative", "added"]
"""How sure the table is of a route: see :data:`EVIDENCE`."""

EVIDENCE: Mapping[str, str] = {
    "confirmed": "method and path seen in a working public client or in LuxSci's text",
    "inferred": (
        "LuxSci names the operation; its method, path or fields were reconstructed from "
        "LuxSci's public material"
    ),
    "speculative": "little public evidence that the operation exists; treat it as a guess",
    "added": (
        "LuxSci's public material does not show this operation; its path and fields are "
        "invented to cover a required function"
    ),
}
"""What each evidence level means, as the docstrings and the route reference say it."""

ParamKind = Literal[
    "str",  # non-empty text
    "int",
    "float",
    "bool",  # sent as 0/1
    "datetime",  # aware datetime or date, sent as "YYYY-MM-DD HH:MM:SS" GMT
    "str_list",  # list of non-empty strings
    "mapping",  # free-form JSON object (str keys)
    "any",  # any JSON value
]

ANNOTATIONS: Mapping[str, str] = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "datetime": "datetime | date",
    "str_list": "Sequence[str]",
    "mapping": "Mapping[str, Any]",
    "any": "Any",
}
"""The Python annotation the generator writes for each parameter kind."""


@attrs.frozen(kw_only=True)
class Param:
    """One path, query or body parameter of a route."""

    name: str
    """Python keyword name."""
    kind: ParamKind = "str"
    """What the value must be (checked before sending) and how it is sent."""
    required: bool = False
    """The call cannot be made without it."""
    allowed: tuple[str, ...] | None = None
    """Closed set of accepted values (checked before sending)."""
    wire: str | None = None
    """Name on the wire when it differs from ``name``."""
    multi_segment: bool = False
    """Path parameter that may hold ``/`` (content-library paths)."""
    positional: bool = False
    """Accept as the first positional argument of the method."""
    merge: bool = False
    """Body parameter whose mapping is merged into the body (open-ended bodies)."""
    doc: str = ""
    """What the value means, in one or two sentences (rendered in the method's docstring)."""
    unit: str | None = None
    """Unit of a number (``"days"``, ``"seconds since the Unix epoch"``), when it has one."""
    assumed: bool = False
    """The field's name or meaning is reconstructed: LuxSci's public material does not show it."""

    @property
    def wire_name(self) -> str:
        """The name sent on the wire."""
        return self.wire or self.name


@attrs.frozen(kw_only=True)
class ReportSpec:
    """Marks a route as a paged report, and names its row class (the one place it is named)."""

    row: type[Any]
    """attrs class built for each row (see ``luxsci_async.models.reports``)."""


@attrs.frozen(kw_only=True)
class Route:
    """One LuxSci endpoint, declared once."""

    operation_id: str
    scope: ScopeKind
    group: str
    """Resource group on the scope (``lux.account.<group>`` / ``lux.user(u).<group>``)."""
    name: str
    """Method name on the group, a short verb."""
    method: HttpMethod
    path: str
    """Template relative to ``/perl/api/v2``; ``{account}``/``{username}`` come from the scope."""
    summary: str
    """One line: what the call does (the first line of the method's docstring)."""
    path_params: tuple[Param, ...] = ()
    query: tuple[Param, ...] = ()
    body: tuple[Param, ...] = ()
    response: Any = None
    """Response type (an attrs model, ``list[Model]``, a builtin, or ``None`` for no data)."""
    returns: str = ""
    """What the call returns, for a response type that does not say it itself (a builtin)."""
    report: ReportSpec | None = None
    upload: Literal["attachments", "file"] | None = None
    """Multipart upload layout: the request in a ``json`` part, each file in a ``files`` part."""
    retry_safe: bool = False
    """A non-idempotent method that may nevertheless be retried after an ambiguous failure."""
    evidence: Evidence = "inferred"
    """How sure the table is of the method and path (see :data:`EVIDENCE`)."""
    deviation: str | None = None
    """Why the method, path or a field is what it is, where that is not evident (or invented)."""

    names: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    """The keyword names of every parameter (what a call may pass)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "names", frozenset(p.name for p in self.params))

    @property
    def paginated(self) -> bool:
        """Whether the route is a paged report."""
        return self.report is not None

    @property
    def idempotent(self) -> bool:
        """Whether repeating the call is harmless (GET, PUT, DELETE, or marked safe)."""
        return self.method in ("GET", "PUT", "DELETE") or self.retry_safe

    @property
    def params(self) -> tuple[Param, ...]:
        """Every parameter: path, then query, then body."""
        return self.path_params + self.query + self.body


@attrs.frozen
class RouteTable:
    """The route table: iterable, and indexed by operation id."""

    _routes: tuple[Route, ...]
    excluded: Mapping[str, str] = attrs.field(factory=dict)
    """Operation ids LuxSci names that the table deliberately leaves out, with the reason."""
    _by_id: Mapping[str, Route] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Route] = {}
        seen: dict[tuple[str, str, str], str] = {}
        for route in self._routes:
            if route.operation_id in by_id:
                raise ValueError(f"duplicate operation_id {route.operation_id!r}")
            key = (route.scope, route.group, route.name)
            if key in seen:
                raise ValueError(f"{route.operation_id} and {seen[key]} share the method {key}")
            by_id[route.operation_id] = route
            seen[key] = route.operation_id
        object.__setattr__(self, "_by_id", by_id)

    def __iter__(self) -> Iterator[Route]:
        return iter(self._routes)

    def __len__(self) -> int:
        return len(self._routes)

    def __getitem__(self, operation_id: str) -> Route:
        return self._by_id[operation_id]

    def __contains__(self, operation_id: object) -> bool:
        return operation_id in self._by_id

    def groups(self, scope: ScopeKind) -> dict[str, list[Route]]:
        """Routes of one scope grouped by resource group, in table order."""
        out: dict[str, list[Route]] = {}
        for route in self._routes:
            if route.scope == scope:
                out.setdefault(route.group, []).append(route)
        return out
