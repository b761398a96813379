"""The emulator itself: auth mechanics, envelopes, reports, jobs, knobs, entry point.

Requests are signed by a tiny helper (``emulator_client``, not the SDK) and sent with httpx
to 127.0.0.1.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest

from luxsci_async.testing import Emulator

from .emulator_client import PREFIX, Signer, hmac_hex


@pytest.fixture(scope="module")
def emu() -> Iterator[Emulator]:
    with Emulator(rows=10_000, seed=7, job_seconds=0.4) as emulator:
        yield emulator


@pytest.fixture
def http(emu: Emulator) -> Iterator[httpx2.Client]:
    with httpx2.Client(base_url=emu.base_url, timeout=10) as client:
        yield client


@pytest.fixture
def acct(emu: Emulator, http: httpx2.Client) -> Signer:
    signer = Signer(emu, http)
    assert signer.handshake().status_code == 201
    return signer


def _report(acct: Signer, **params: Any) -> httpx2.Response:
    return acct.request("GET", f"/account/{acct.emu.account}/report/email/smtp/delivery", params)


# --- auth -------------------------------------------------------------------------------------


def test_handshake_account_and_user_scope(emu: Emulator, http: httpx2.Client) -> None:
    response = Signer(emu, http).handshake(date=str(int(time.time())), sig_upper=True)
    assert response.status_code == 201
    body = response.json()
    assert body["success"] == 1
    code_id, issued, tail = body["auth"].split("-")
    assert code_id.isdigit()
    assert abs(int(issued) - time.time()) < 5
    assert len(tail) == 64
    user = next(iter(emu.users))
    signer = Signer(emu, http, user=user)
    assert signer.handshake().status_code == 201
    assert signer.request("GET", f"/user/{user}/profile").json()["success"] == 1


def test_stale_date_and_bad_handshake_signature(emu: Emulator, http: httpx2.Client) -> None:
    stale = Signer(emu, http).handshake(date=int(time.time()) - 3600)
    assert stale.status_code == 401
    assert stale.json()["success"] == 0
    assert "date" in stale.json()["error_message"]
    body = {"token": emu.token, "date": int(time.time()), "signature": "0" * 64}
    bad = http.post(PREFIX + "/auth", json=body)
    assert bad.status_code == 401
    assert bad.json() == {"success": 0, "error_message": "bad signature"}


def test_wrong_signature_is_rejected(acct: Signer) -> None:
    path = f"{PREFIX}/account/{acct.emu.account}/domains"
    response = acct.http.get(path, headers={"cookie": f"signature={acct.code}:{'ab' * 32}"})
    assert response.status_code == 401
    assert response.json()["success"] == 0
    assert acct.http.get(path).status_code == 401  # no cookie at all


def test_upper_case_hex_is_accepted(acct: Signer) -> None:
    assert (
        acct.request("GET", f"/account/{acct.emu.account}/domains", upper=True).status_code == 200
    )


def test_tampered_query_and_body_are_rejected(acct: Signer) -> None:
    path = f"/account/{acct.emu.account}/report/email/smtp/delivery"
    tampered = acct.request("GET", path, {"matches": 5}, tamper_query="matches=6")
    assert tampered.status_code == 401
    create = f"/account/{acct.emu.account}/domains"
    body = acct.request(
        "POST",
        create,
        json_body={"domain": "a.example.org"},
        tamper_body=b'{"domain": "b.example.org"}',
    )
    assert body.status_code == 401


def test_raw_query_is_signed_as_sent(acct: Signer) -> None:
    # A different but equivalent encoding is still valid: the server signs what it received.
    path = f"{PREFIX}/account/{acct.emu.account}/report/email/smtp/delivery"
    query = "from_date=2024-03-01+00%3a00%3a00&matches=2".replace("+", "%20")
    cookie = acct.cookie("GET", path, query)
    response = acct.http.get(f"{path}?{query}", headers={"cookie": cookie})
    assert response.status_code == 200, response.text


def test_expired_code() -> None:
    with Emulator(auth_ttl=0.3) as emu, httpx2.Client(base_url=emu.base_url) as http:
        signer = Signer(emu, http)
        signer.handshake()
        assert signer.request("GET", f"/account/{emu.account}/domains").status_code == 200
        time.sleep(0.4)
        expired = signer.request("GET", f"/account/{emu.account}/domains")
        assert expired.status_code == 401
        assert "expired" in expired.json()["error_message"]


def test_revoked_code(acct: Signer) -> None:
    other = Signer(acct.emu, acct.http)
    other.handshake()
    revoke = acct.request("DELETE", "/auth")
    assert revoke.status_code == 200
    assert revoke.json() == {"success": 1, "comment": "Authentication session revoked."}
    assert acct.request("GET", f"/account/{acct.emu.account}/domains").status_code == 401
    assert other.request("GET", f"/account/{acct.emu.account}/domains").status_code == 200


def test_user_scope_is_confined(emu: Emulator, http: httpx2.Client) -> None:
    alice, bob = list(emu.users)[1:3]
    signer = Signer(emu, http, user=alice)
    signer.handshake()
    assert signer.request("GET", f"/user/{bob}/profile").status_code == 403
    assert signer.request("GET", f"/account/{emu.account}/users").status_code == 403


# --- envelope, validation ------------------------------------------------------------------


def test_unknown_path_and_object(acct: Signer) -> None:
    assert acct.request("GET", "/nothing/here").status_code == 404
    missing = acct.request("GET", f"/account/{acct.emu.account}/domains/nope.example")
    assert missing.status_code == 404
    assert missing.json()["success"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"matches": 50_001},
        {"matches": -1},
        {"first_row": -1},
        {"from_date": "2024/01/01"},
        {"matches": "many"},
    ],
)
def test_bad_report_input(acct: Signer, params: dict[str, Any]) -> None:
    response = _report(acct, **params)
    assert response.status_code == 400
    assert response.json()["error_message"]


def test_bad_body_input(acct: Signer) -> None:
    path = f"/account/{acct.emu.account}/aliases"
    missing = acct.request("POST", path, json_body={"user": "x", "action": "email"})
    assert missing.status_code == 400
    assert "domain" in missing.json()["error_message"]
    wrong = acct.request("POST", path, json_body={"user": 5, "domain": "d", "action": "email"})
    assert wrong.status_code == 400
    bad_source = acct.request("GET", f"/account/{acct.emu.account}/report/email/fax/opens")
    assert bad_source.status_code == 400


# --- reports ----------------------------------------------------------------------------------


def test_report_paging(acct: Signer) -> None:
    whole = _report(acct, matches=0).json()["data"]
    assert whole["total_rows"] == 10_000
    assert whole["rows"] == []
    assert "date" in whole["header"]
    first = _report(acct, matches=3).json()["data"]
    second = _report(acct, first_row=2, matches=3).json()["data"]
    assert len(first["rows"]) == 3
    assert first["rows"][2] == second["rows"][0]
    tail = _report(acct, first_row=9_998, matches=10).json()["data"]
    assert len(tail["rows"]) == 2
    assert tail["total_rows"] == 10_000
    default = _report(acct).json()["data"]
    assert len(default["rows"]) == 10_000
    dates = [row[default["header"].index("date")] for row in default["rows"]]
    assert dates == sorted(dates)


def test_report_rows_match_their_source_segment(acct: Signer) -> None:
    """A report picked by its {source} path segment holds rows of that source only."""
    for source in ("smtp", "webmail"):
        path = f"/account/{acct.emu.account}/report/email/{source}/delivery"
        data = acct.request("GET", path, {"matches": 50}).json()["data"]
        col = data["header"].index("source")
        assert {row[col] for row in data["rows"]} == {source}


def test_report_date_filters(acct: Signer) -> None:
    data = _report(acct).json()["data"]
    col = data["header"].index("date")
    dates = [row[col] for row in data["rows"]]
    lo, hi = dates[1000], dates[2000]

    def count(**params: str) -> int:
        return int(_report(acct, matches=0, **params).json()["data"]["total_rows"])

    assert count(from_date=lo, through_date=hi) == sum(lo <= d <= hi for d in dates)
    assert count(after_date=lo, before_date=hi) == sum(lo < d < hi for d in dates)
    assert count(from_date="2030-01-01") == 0
    window = _report(acct, from_date=lo, through_date=hi, first_row=5, matches=2).json()["data"]
    start = dates.index(lo)
    assert window["rows"] == data["rows"][start + 5 : start + 7]


def test_reports_are_deterministic_by_seed() -> None:
    a = Emulator(rows=50, seed=3)
    b = Emulator(rows=50, seed=3)
    c = Emulator(rows=50, seed=4)
    assert a.token == b.token != c.token
    shape = a.app.ops.reports
    assert shape.row_time(0) == b.app.ops.reports.row_time(0)


# --- jobs -------------------------------------------------------------------------------------


def _wait_job(acct: Signer, job_id: int) -> dict[str, Any]:
    seen = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        job = acct.request("GET", f"/account/{acct.emu.account}/jobs/{job_id}").json()["data"]
        seen.append(job["status"])
        if job["status"] in ("complete", "failed"):
            job["seen"] = seen
            return job
        time.sleep(0.05)
    raise AssertionError(f"job did not finish: {seen}")


def test_job_completes(acct: Signer) -> None:
    started = _report(
        acct, destination="sftp", destination_hostname="files.example.net", matches=500
    )
    job_id = started.json()["data"]["job_id"]
    job = _wait_job(acct, job_id)
    assert job["status"] == "complete"
    assert job["completed_rows"] == job["expected_rows"] == 500
    assert {"submitted", "running"} & set(job["seen"])
    assert job["completed"]
    assert job["filename"]
    listed = acct.request("GET", f"/account/{acct.emu.account}/jobs").json()["data"]
    assert job_id in [j["job_id"] for j in listed]


def test_job_fails(acct: Signer) -> None:
    started = _report(acct, destination="fail", destination_hostname="down.example.net")
    job = _wait_job(acct, started.json()["data"]["job_id"])
    assert job["status"] == "failed"
    assert "down.example.net" in job["status_detail"]
    assert acct.request("GET", f"/account/{acct.emu.account}/jobs/999999").status_code == 404


# --- knobs ------------------------------------------------------------------------------------


def test_rate_limit() -> None:
    with Emulator(rate_per_minute=3) as emu, httpx2.Client(base_url=emu.base_url) as http:
        signer = Signer(emu, http)
        signer.handshake()
        codes = [signer.request("GET", f"/account/{emu.account}/domains") for _ in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]
        assert 1 <= int(codes[-1].headers["Retry-After"]) <= 60
        assert emu.stats.rate_limited == 1


def _fault_pattern(seed: int) -> list[int]:
    with (
        Emulator(seed=seed, faults=0.3, fault_kinds=("500", "503")) as emu,
        httpx2.Client(base_url=emu.base_url) as http,
    ):
        signer = Signer(emu, http)
        assert signer.handshake().status_code == 201  # never faulted
        statuses = [
            signer.request("GET", f"/account/{emu.account}/domains").status_code for _ in range(40)
        ]
        assert sum(emu.stats.faults.values()) == sum(s != 200 for s in statuses)
        return statuses


def test_faults_are_deterministic() -> None:
    first = _fault_pattern(11)
    assert first == _fault_pattern(11)
    assert {500, 503} <= set(first)
    assert 200 in first
    assert first != _fault_pattern(12)


def test_dropped_connection(capfd: pytest.CaptureFixture[str]) -> None:
    with (
        Emulator(faults=1.0, fault_kinds=("drop",)) as emu,
        httpx2.Client(base_url=emu.base_url) as http,
    ):
        signer = Signer(emu, http)
        signer.handshake()
        with pytest.raises(httpx2.RemoteProtocolError):
            signer.request("GET", f"/account/{emu.account}/domains")
        assert emu.stats.faults == {"drop": 1}
    assert "Traceback" not in capfd.readouterr().err


def test_access_control() -> None:
    with (
        Emulator(denied_groups={"domains"}, read_only_groups={"webaides"}) as emu,
        httpx2.Client(base_url=emu.base_url) as http,
    ):
        signer = Signer(emu, http)
        signer.handshake()
        assert signer.request("GET", f"/account/{emu.account}/domains").status_code == 403
        user = next(iter(emu.users))
        assert signer.request("GET", f"/user/{user}/webaides/tasks").status_code == 200
        create = signer.request("POST", f"/user/{user}/webaides/tasks", json_body={"title": "x"})
        assert create.status_code == 403
        assert create.json()["success"] == 0


def test_stats(emu: Emulator, acct: Signer) -> None:
    emu.reset_stats()
    acct.request("GET", f"/account/{emu.account}/domains")
    Signer(emu, acct.http).handshake()
    stats = emu.stats
    assert stats.requests == 2
    assert stats.auth_requests == 1
    assert stats.by_route[("GET", "/account/{account}/domains")] == 1
    assert stats.statuses == {200: 1, 201: 1}


# --- ASGI mode and entry point ----------------------------------------------------------------


@pytest.mark.anyio
async def test_asgi_mode() -> None:
    emu = Emulator(rows=20)
    transport = httpx2.ASGITransport(app=emu.app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://emulator") as client:
        date = int(time.time())
        signature = hmac_hex(emu.secret, f"{emu.token}\n{date}\n")
        auth = await client.post(
            PREFIX + "/auth", json={"token": emu.token, "date": date, "signature": signature}
        )
        code = auth.json()["auth"]
        path = f"{PREFIX}/account/{emu.account}/report/smtp/failures"
        sig = hmac_hex(emu.secret, f"{code}\nGET\n{path}\nmatches=5\n\n")
        page = await client.get(f"{path}?matches=5", headers={"cookie": f"signature={code}:{sig}"})
        assert page.status_code == 200
        assert len(page.json()["data"]["rows"]) == 5


def test_command_line_entry_point() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "luxsci_async.testing", "--port", "0", "--rows", "10"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "http://127.0.0.1:" in first
        url = first.rsplit(" ", 1)[-1].strip()
        assert httpx2.get(url + PREFIX + "/nope").status_code == 404
    finally:
        process.terminate()
        process.wait(10)
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        process.stderr.close()
