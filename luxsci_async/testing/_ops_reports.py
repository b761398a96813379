"""Reports (rows generated on the fly) and the asynchronous jobs that export them."""

from __future__ import annotations

import time
from typing import Any

from .._assumptions import (
    DESTINATION_PARAMS,
    JOB_DONE_STATUSES,
    REPORT_HEADER,
    REPORT_ROWS,
    REPORT_TOTAL,
)
from ._calls import Call, HttpError, concrete
from ._records import Records
from ._reports import BadReportQuery, ReportData, ReportShape
from ._routing import segments
from ._store import JobRecord
from ._validate import BadInput, paging


class ReportOps:
    """Report pages, report jobs started with a ``destination``, and job status."""

    def __init__(self, records: Records) -> None:
        self.config = records.config
        self.store = records.store
        self.users_path = records.users_path
        self.data = ReportData(seed=self.config.seed, rows=self.config.rows)
        self._shapes: dict[str, ReportShape] = {}

    def report(self, call: Call) -> Any:
        destination = call.query.get(DESTINATION_PARAMS[0])
        try:
            lo, hi = self.data.select(call.query)
        except BadReportQuery as exc:
            raise BadInput(str(exc)) from None
        first, matches = paging(call.query, unlimited=destination is not None)
        start, stop = min(hi, lo + first), min(hi, lo + first + matches)
        if destination is not None:
            failure = None
            if self.config.fail_jobs or "fail" in destination.lower():
                host = call.query.get(DESTINATION_PARAMS[1], destination)
                failure = f"upload to {host} failed: connection refused"
            owner = _owner(call)
            job = self.store.new_job(owner, stop - start, failure, uid=self._uid(owner))
            # LuxSci answers a started job with the job's status object, not only its id.
            return self._view(job, time.time())
        shape = self._shape(call)
        rows = self.data.rows_between(shape, start, stop) if matches else []
        return {REPORT_HEADER: shape.header, REPORT_ROWS: rows, REPORT_TOTAL: hi - lo}

    def _shape(self, call: Call) -> ReportShape:
        segs = segments(concrete(call.route.path, call.values))
        key = "/".join([segs[0], *segs[2:]])
        shape = self._shapes.get(key)
        if shape is None:
            assert call.route.report is not None
            # A report chosen by its {source} path segment only holds rows of that source.
            fixed = {"source": call.values["source"]} if "source" in call.values else None
            shape = ReportShape(key, call.route.report.row, segs[-1], fixed)
            self._shapes[key] = shape
        return shape

    def jobs(self, call: Call) -> Any:
        owner, now = _owner(call), time.time()
        return [self._view(job, now) for job in self.store.jobs.values() if job.owner == owner]

    def job(self, call: Call) -> Any:
        raw = call.values.get("job_id") or call.item_id()
        job = self.store.jobs.get(int(raw)) if raw.isdigit() else None
        if job is None or job.owner != _owner(call):
            raise HttpError(404, f"no such job {raw}")
        return self._view(job, time.time())

    def _view(self, job: JobRecord, now: float) -> dict[str, Any]:
        """A job's status object, with the account-wide job counts."""
        duration = self.config.job_seconds
        running = sum(
            other.view(now, duration)["status"] not in JOB_DONE_STATUSES
            for other in self.store.jobs.values()
        )
        return {
            **job.view(now, duration),
            "current_jobs": running,
            "max_jobs": self.config.max_jobs,
        }

    def _uid(self, owner: str) -> int:
        kind, _, name = owner.partition("/")
        if kind != "user":
            return 0
        uid = self.store.collection(self.users_path).get(name, {}).get("uid")
        return uid if isinstance(uid, int) else 0


def _owner(call: Call) -> str:
    """``account/<code>`` or ``user/<login>``: jobs are listed per owner."""
    segs = segments(concrete(call.route.path, call.values))
    return "/".join(segs[:2])
