"""WebAides (address books, calendars, tasks, notes, links).

Entries themselves are plain mappings: their keys are the per-type, case-sensitive field
names of the WebAide tables (``"Unique ID"``, ``"Categories"``, ...), not identifiers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import extra_field


@attrs.frozen(kw_only=True)
class WebAide:
    """A WebAide container the user can access."""

    webaide_id: int | None = None
    type: str | None = None
    title: str | None = None
    description: str | None = None
    owner: str | None = None
    webaide_permission: tuple[str, ...] = ()
    entries: int | None = None
    created: datetime | None = None
    modified: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class WebAideEntryResult:
    """Outcome for one entry of a create/update/delete (bulk or single) call."""

    entry_id: int | None = None
    success: bool | None = None
    error: str | None = None
    extra: Mapping[str, Any] = extra_field()


@attrs.frozen(kw_only=True)
class WebAideChanges:
    """Entries added, updated or deleted since a given time."""

    added: tuple[Mapping[str, Any], ...] = ()
    updated: tuple[Mapping[str, Any], ...] = ()
    deleted: tuple[int, ...] = ()
    as_of: datetime | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["WebAide", "WebAideChanges", "WebAideEntryResult"]
