"""WebAides (address books, calendars, tasks, notes, links).

Entries themselves are plain mappings: their keys are the per-type, case-sensitive field
names of the WebAide tables (``"Unique ID"``, ``"Categories"``, ...), not identifiers.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._base import extra_field, model


@model
class WebAide:
    """A WebAide container the user can access, owned or shared.

    LuxSci does not publish this object's keys: every field name is assumed (the
    permission names are LuxSci's).
    """

    webaide_id: int | None = None
    """Numeric id of the WebAide, as the ``webaides`` methods take it."""
    type: str | None = None
    """Its kind: ``calendars``, ``tasks``, ``addressbooks``, ``notes`` or ``links``."""
    title: str | None = None
    """Its name."""
    description: str | None = None
    """What it holds."""
    owner: str | None = None
    """Login of its owner."""
    webaide_permission: tuple[str, ...] = ()
    """What the user may do: ``admin``, ``read``, ``create``, ``edit_self``, ``edit_all``,
    ``add_self``, ``add_all``, ``delete_self``, ``delete_all``."""
    entries: int | None = None
    """Number of entries."""
    created: datetime | None = None
    """When it was created."""
    modified: datetime | None = None
    """When it last changed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class WebAideEntryResult:
    """Outcome for one entry of a create, update or delete call (bulk or single).

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    entry_id: int | None = None
    """Numeric id of the entry (its ``"Unique ID"``)."""
    success: bool | None = None
    """Whether the change was made."""
    error: str | None = None
    """Why not, when it failed."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


@model
class WebAideChanges:
    """Entries added, updated or deleted since a given time, for synchronisation.

    LuxSci does not publish this object's keys: every field name is assumed.
    """

    added: tuple[Mapping[str, Any], ...] = ()
    """New entries, keyed by field name."""
    updated: tuple[Mapping[str, Any], ...] = ()
    """Changed entries, keyed by field name."""
    deleted: tuple[int, ...] = ()
    """Ids of deleted entries."""
    as_of: datetime | None = None
    """Time of this answer: pass it as ``since`` next time."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["WebAide", "WebAideChanges", "WebAideEntryResult"]
