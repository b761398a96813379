"""The emulator's in-memory state: collections of objects, singletons, files and jobs."""

from __future__ import annotations

import itertools
import time
from typing import Any

import attrs

from ._shapes import EPOCH, gmt

SECRET_KEYS = frozenset({"password", "pass", "new_password", "secret"})
"""Body keys stored aside and never echoed back."""


@attrs.define
class JobRecord:
    """A report job; its status is a function of the time since it was submitted."""

    job_id: int
    owner: str
    created: float
    expected_rows: int
    filename: str
    failure: str | None
    uid: int
    """The submitting user's numeric id; 0 for a job submitted at account level."""

    def view(self, now: float, duration: float) -> dict[str, Any]:
        phase = 4.0 if duration <= 0 else (now - self.created) / (duration / 4)
        status = ("submitted", "preparing", "running", "uploading")[min(int(phase), 3)]
        failed = self.failure is not None and phase >= 3
        done = phase >= 4 and not failed
        completed_rows = 0
        if phase >= 3 or done:
            completed_rows = self.expected_rows
        elif phase >= 2:
            completed_rows = int(self.expected_rows * (phase - 2))
        if failed:
            status, completed_rows = "failed", completed_rows
        elif done:
            status = "complete"
        stage_time = self.created + min(int(phase), 4) * duration / 4
        return {
            "job_id": self.job_id,
            "uid": self.uid,
            "filename": self.filename,
            "created": gmt(self.created),
            "updated": gmt(stage_time),
            "completed": gmt(stage_time) if done else None,
            "status": status,
            "status_detail": self.failure if failed else None,
            "expected_rows": self.expected_rows if phase >= 2 else 0,
            "completed_rows": completed_rows,
        }


class Store:
    """All mutable state; only the server's event loop touches it."""

    def __init__(self) -> None:
        self.collections: dict[str, dict[str, dict[str, Any]]] = {}
        """Concrete collection path -> object id -> object."""
        self.singletons: dict[str, Any] = {}
        self.passwords: dict[str, str] = {}
        """User login -> password (the users collection holds the rest of the record)."""
        self.secrets: dict[tuple[str, str], dict[str, Any]] = {}
        self.files: dict[str, dict[str, dict[str, Any]]] = {}
        """Content library per user: path -> entry (directories and files)."""
        self.changes: dict[str, list[dict[str, Any]]] = {}
        self.jobs: dict[int, JobRecord] = {}
        self._ids = itertools.count(1001)
        self._job_ids = itertools.count(5001)

    def new_id(self) -> int:
        return next(self._ids)

    def new_job(
        self, owner: str, expected_rows: int, failure: str | None, *, uid: int
    ) -> JobRecord:
        job_id = next(self._job_ids)
        filename = f"report-{job_id}.csv"
        job = JobRecord(job_id, owner, time.time(), expected_rows, filename, failure, uid)
        self.jobs[job_id] = job
        return job

    def collection(self, path: str) -> dict[str, dict[str, Any]]:
        return self.collections.setdefault(path, {})

    def record_change(self, path: str, action: str, item_id: str) -> None:
        """Append to a WebAide-style change log (``.../changes``)."""
        log = self.changes.setdefault(path, [])
        log.append(
            {
                "change_id": len(log) + 1,
                "action": action,
                "entry_id": item_id,
                "date": gmt(time.time()),
            }
        )


def seed_date(n: int) -> str:
    """A stable creation date for seeded object ``n``."""
    return gmt(EPOCH - n * 86_400)
