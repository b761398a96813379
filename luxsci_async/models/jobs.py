"""Asynchronous report jobs (mechanics §10.1)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from ._base import OpenEnum, extra_field


class JobStatus(OpenEnum):
    """Life cycle of a report job; unknown statuses are kept as ad-hoc members."""

    SUBMITTED = "submitted"
    PREPARING = "preparing"
    RUNNING = "running"
    UPLOADING = "uploading"
    COMPLETE = "complete"
    FAILED = "failed"


@attrs.frozen(kw_only=True)
class Job:
    """Status and progress of one asynchronous (destination-upload) report job."""

    job_id: int | None = None
    filename: str | None = None
    created: datetime | None = None
    updated: datetime | None = None
    completed: datetime | None = None
    status: JobStatus | None = None
    status_detail: str | None = None
    expected_rows: int | None = None
    completed_rows: int | None = None
    uid: int | None = None
    current_jobs: int | None = None
    max_jobs: int | None = None
    extra: Mapping[str, Any] = extra_field()


__all__ = ["Job", "JobStatus"]
