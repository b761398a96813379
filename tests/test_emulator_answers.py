"""What the emulator answers: the failure envelope's text key, and a started job's status.

Raw exchanges go through the independent signer of ``emulator_client``; the SDK-level tests
run on asyncio and trio.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from luxsci_async import NotFoundError
from luxsci_async.models import Job, JobStatus
from luxsci_async.testing import Emulator

from .conftest import every_http_backend
from .emulator_client import PREFIX, Signer, logged_in

JOB_KEYS = {
    "job_id",
    "uid",
    "filename",
    "created",
    "updated",
    "completed",
    "status",
    "status_detail",
    "expected_rows",
    "completed_rows",
    "current_jobs",
    "max_jobs",
}
"""Every field the job-details route answers with."""


@pytest.fixture
def slow_jobs() -> Iterator[Emulator]:
    # Jobs that never finish during the test, so every one of them stays "current".
    with Emulator(rows=1_000, seed=3, job_seconds=3_600, max_jobs=7) as emulator:
        yield emulator


def _failures(emu: Emulator, http: httpx2.Client) -> list[httpx2.Response]:
    acct = Signer(emu, http)
    assert acct.handshake().status_code == 201
    user = list(emu.users)[1]
    confined = Signer(emu, http, user=user)
    assert confined.handshake().status_code == 201
    return [
        http.post(PREFIX + "/auth", json={"token": emu.token, "date": 0, "signature": "0"}),
        acct.request("GET", f"/account/{emu.account}/domains/nope.example"),
        acct.request("GET", f"/account/{emu.account}/report/email/fax/opens"),
        acct.request("GET", "/nothing/here"),
        confined.request("GET", f"/account/{emu.account}/users"),
        http.get(PREFIX + f"/account/{emu.account}/domains"),  # no signature cookie
    ]


def test_every_failure_carries_its_text_under_error_message() -> None:
    with Emulator(seed=2) as emu, httpx2.Client(base_url=emu.base_url, timeout=10) as http:
        answers = _failures(emu, http)
    assert [r.status_code for r in answers] == [401, 404, 400, 404, 403, 401]
    for response in answers:
        body = response.json()
        assert set(body) == {"success", "error_message"}, body
        assert body["success"] == 0
        assert isinstance(body["error_message"], str)
        assert body["error_message"]


def test_rate_limit_and_injected_faults_carry_error_message() -> None:
    with logged_in(seed=2, rate_per_minute=2) as signer:
        domains = f"/account/{signer.emu.account}/domains"
        signer.request("GET", domains)
        refused = signer.request("GET", domains)
    assert refused.status_code == 429
    assert refused.json() == {"success": 0, "error_message": "rate limit exceeded"}
    with logged_in(seed=2, faults=1.0, fault_kinds=("503",)) as signer:
        failed = signer.request("GET", f"/account/{signer.emu.account}/domains")
    assert failed.status_code == 503
    assert failed.json() == {"success": 0, "error_message": "injected fault 503"}


@pytest.mark.anyio
async def test_the_sdk_reports_the_emulators_failure_text() -> None:
    emu = Emulator(seed=2)
    async with emu.client() as lux:
        with pytest.raises(NotFoundError) as caught:
            await lux.account.domains.get("nope.example")
    assert "no such object nope.example" in str(caught.value)


def _start_job(signer: Signer, path: str, **params: Any) -> dict[str, Any]:
    response = signer.request("GET", path, {"destination": "sftp", **params})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def test_a_started_job_answers_with_its_status_object(slow_jobs: Emulator) -> None:
    emu = slow_jobs
    user = list(emu.users)[2]
    with httpx2.Client(base_url=emu.base_url, timeout=10) as http:
        acct = Signer(emu, http)
        acct.handshake()
        first = _start_job(acct, f"/account/{emu.account}/report/email/smtp/delivery", matches=40)
        second = _start_job(acct, f"/account/{emu.account}/report/smtp/failures")
        by_user = _start_job(acct, f"/user/{user}/report/email/webmail/opens")
        details = acct.request("GET", f"/account/{emu.account}/jobs/{first['job_id']}")
        users = acct.request("GET", f"/account/{emu.account}/users").json()["data"]
    for started in (first, second, by_user):
        assert set(started) == JOB_KEYS
        assert started["status"] == "submitted"
        assert started["max_jobs"] == 7
    # Jobs run account-wide: each new one counts itself and every one still running.
    assert [first["current_jobs"], second["current_jobs"], by_user["current_jobs"]] == [1, 2, 3]
    assert first["uid"] == second["uid"] == 0  # submitted at account level
    uid = next(u["uid"] for u in users if u["user"] == user)
    assert by_user["uid"] == uid != 0
    assert len({first["job_id"], second["job_id"], by_user["job_id"]}) == 3
    assert first["expected_rows"] == 0  # set once the job is running
    assert first["filename"] == f"report-{first['job_id']}.csv"
    assert set(details.json()["data"]) == JOB_KEYS
    assert details.json()["data"]["current_jobs"] == 3


@pytest.mark.anyio
@every_http_backend
async def test_the_sdk_reads_a_started_job_and_its_details(slow_jobs: Emulator) -> None:
    async with slow_jobs.client() as lux:
        report = lux.account.reports.delivery("smtp")
        handle = await report.export(destination="sftp", destination_hostname="files.example")
        job = await lux.account.jobs.get(handle.job_id)
    assert isinstance(job, Job)
    assert job.job_id == handle.job_id
    assert job.status is JobStatus.SUBMITTED
    assert job.uid == 0
    assert job.max_jobs == 7
    assert job.current_jobs is not None
    assert job.current_jobs >= 1
