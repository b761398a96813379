"""Asynchronous report jobs: the handle an export returns, and waiting for it."""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any

from . import _clock
from ._assumptions import JOB_DONE_STATUSES, JOB_FAILED_STATUS, JOB_ID
from ._convert import structure
from ._defaults import JOB_MAX_POLL_INTERVAL, JOB_POLL_INTERVAL
from ._pipeline import Pipeline
from ._routes.prepare import prepare
from ._routes.table import ROUTES
from ._settings import NO_OPTIONS, CallOptions
from ._wire import RawResponse
from .errors import JobFailedError, ResponseValidationError
from .models import Job

_JOB_ROUTES = {"account": ROUTES["getAccountJob"], "username": ROUTES["getUserJob"]}


class JobHandle:
    """An asynchronous report job: ``await handle.wait()`` until it completes.

    ``submitted`` is the job's state as the server answered the export (``None`` when it
    answered with the job's id alone).
    """

    def __init__(
        self,
        pipeline: Pipeline,
        scope_values: Mapping[str, str],
        job_id: int,
        submitted: Job | None = None,
        options: CallOptions = NO_OPTIONS,
    ) -> None:
        self._pipeline = pipeline
        self._options = options
        self._scope_values = dict(scope_values)
        self.job_id = job_id
        self.submitted = submitted

    def __repr__(self) -> str:
        return f"<JobHandle {self.job_id}>"

    def __await__(self) -> Generator[Any, None, Job]:
        return self.get().__await__()

    async def get(self) -> Job:
        """The job's current state."""
        route = _JOB_ROUTES["account" if "account" in self._scope_values else "username"]
        job: Job = await self._pipeline.call(
            prepare(route, self._scope_values, {"job_id": self.job_id}), options=self._options
        )
        return job

    async def wait(
        self,
        *,
        poll_interval: float = JOB_POLL_INTERVAL,
        max_interval: float = JOB_MAX_POLL_INTERVAL,
        timeout: float | None = None,  # noqa: ASYNC109 - part of the documented surface
        progress: Callable[[Job], None] | None = None,
    ) -> Job:
        """Poll (backing off from ``poll_interval`` to ``max_interval``) until the job is done.

        Raises :class:`JobFailedError` if it fails, ``TimeoutError`` when it is still not
        done at a last poll ``timeout`` seconds after the first. ``progress`` is called with
        each state seen (``completed_rows`` out of ``expected_rows``).
        """
        for name, value in [
            ("poll_interval", poll_interval),
            ("max_interval", max_interval),
            ("timeout", 1.0 if timeout is None else timeout),
        ]:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"{name}: expected a number, got {type(value).__name__}")
            if not 0 < value < float("inf"):  # also refuses NaN
                raise ValueError(f"{name}: must be a finite number > 0, got {value!r}")
        if max_interval < poll_interval:
            raise ValueError("max_interval: must be >= poll_interval")
        if progress is not None and not callable(progress):
            raise TypeError(f"progress: expected a callable, got {type(progress).__name__}")
        deadline = None if timeout is None else _clock.monotonic() + timeout
        interval = poll_interval
        while True:
            job = await self.get()
            if progress is not None:
                progress(job)
            status = str(job.status.value if job.status is not None else "")
            if status in JOB_DONE_STATUSES:
                if status == JOB_FAILED_STATUS:
                    raise JobFailedError(job)
                return job
            wait = interval
            if deadline is not None:
                wait = min(wait, deadline - _clock.monotonic())
                if wait <= 0:
                    raise TimeoutError(f"report job {self.job_id} not done after {timeout} s")
            await _clock.sleep(wait)
            interval = min(max_interval, interval * 1.5)


def job_decoder(
    pipeline: Pipeline, scope_values: Mapping[str, str], options: CallOptions = NO_OPTIONS
) -> Callable[[Any, RawResponse], JobHandle]:
    """Decodes an export's answer: the job's status object, or just ``{job_id}``."""

    def decode(data: Any, raw: RawResponse) -> JobHandle:
        try:
            job_id = int(data[JOB_ID])
        except (KeyError, TypeError, ValueError):
            raise ResponseValidationError(
                "the export answer has no job id", body=repr(data)[:2000]
            ) from None
        submitted = structure(data, Job) if len(data) > 1 else None
        return JobHandle(pipeline, scope_values, job_id, submitted, options)

    return decode
