"""Asynchronous report jobs: a report run in the background, uploading a CSV."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._base import OpenEnum, extra_field, model


class JobStatus(OpenEnum):
    """Life cycle of a report job, as LuxSci documents it; unknown statuses are kept."""

    SUBMITTED = "submitted"
    """Just requested."""
    PREPARING = "preparing"
    """Counting the rows."""
    RUNNING = "running"
    """Querying and writing the CSV."""
    UPLOADING = "uploading"
    """Sending the CSV to the destination host."""
    COMPLETE = "complete"
    """Done: the file is at the destination."""
    FAILED = "failed"
    """Stopped; ``Job.status_detail`` says why."""


@model
class Job:
    """Status and progress of one asynchronous (destination-upload) report job.

    LuxSci documents these fields for its job listings; an answer that starts a job is
    assumed to carry the same object (a bare ``job_id`` is accepted too).
    """

    job_id: int | None = None
    """Unique numeric id of the job."""
    filename: str | None = None
    """Name of the CSV file uploaded on success."""
    created: datetime | None = None
    """When the report was requested."""
    updated: datetime | None = None
    """When the status last changed."""
    completed: datetime | None = None
    """When the status became ``complete``."""
    status: JobStatus | None = None
    """Where the job is in its life cycle."""
    status_detail: str | None = None
    """Why the job failed, when ``status`` is ``failed``."""
    expected_rows: int | None = None
    """Rows the job will write, known once it is running."""
    completed_rows: int | None = None
    """Rows written so far: progress is ``completed_rows / expected_rows``."""
    uid: int | None = None
    """Numeric id of the user who submitted it; 0 when submitted at account level."""
    current_jobs: int | None = None
    """Asynchronous report jobs running for the whole account, this one included."""
    max_jobs: int | None = None
    """The account's limit on jobs running at once."""
    extra: Mapping[str, Any] = extra_field()
    """Keys LuxSci sent that this model does not declare, as sent."""


__all__ = ["Job", "JobStatus"]
