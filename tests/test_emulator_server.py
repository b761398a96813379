"""The emulator for other processes: its stats endpoint, and the standalone server's ``--json``.

The fleet test starts the server and four worker processes (two on asyncio, two on trio):
a rolling window can only be checked across processes on real time, so it waits out a few
one-second windows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from luxsci_async.testing import EmulatorStats
from luxsci_async.testing.__main__ import main as serve

from .emulator_client import logged_in

SERVER = [sys.executable, "-m", "luxsci_async.testing", "--port", "0", "--json"]

WORKER = textwrap.dedent(
    """
    import sys

    import anyio

    from luxsci_async import LuxSci, RetryPolicy


    async def main() -> None:
        # Every setting but the retry policy comes from the LUXSCI_* variables.
        async with LuxSci(retry=RetryPolicy(max_retries=30, backoff_base=0.05)) as lux:
            for _ in range(3):
                await lux.account.domains.list()


    anyio.run(main, backend=sys.argv[1])
    """
)


def test_the_stats_endpoint_reports_without_counting_itself() -> None:
    with logged_in(seed=5, rate_per_minute=3) as signer:
        emu, http = signer.emu, signer.http
        for _ in range(3):
            signer.request("GET", f"/account/{emu.account}/domains")
        answers = [http.get(emu.stats_url) for _ in range(3)]  # the budget is spent by now
        remote = EmulatorStats.from_json(answers[-1].json())
        local = emu.stats
        reset = http.post("/_emulator/reset")
        after = EmulatorStats.from_json(http.get(emu.stats_url).json())
        unknown = http.get("/_emulator/nothing")
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert remote == local
    assert remote.requests == 4
    assert remote.auth_requests == remote.logins == 1
    assert remote.rate_limited == 1
    assert remote.statuses == {201: 1, 200: 2, 429: 1}
    assert remote.by_route[("GET", "/account/{account}/domains")] == 3
    assert len(remote.admitted) == 3
    assert remote.max_in_window(60) == 3
    assert emu.token not in answers[-1].text
    assert emu.secret not in answers[-1].text
    assert reset.status_code == 200
    assert (after.requests, after.admitted, after.by_route) == (0, (), {})
    assert unknown.status_code == 404
    assert "/_emulator/stats" in unknown.json()["error_message"]


@pytest.fixture
def server() -> Iterator[tuple[subprocess.Popen[str], dict[str, Any]]]:
    rate = ["--rate-per-minute", "4", "--rate-window", "1"]
    process = subprocess.Popen(
        [*SERVER, *rate], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stderr is not None
    try:
        line = process.stdout.readline()
        assert line, process.stderr.read()
        yield process, json.loads(line)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        process.stdout.close()
        process.stderr.close()


def test_four_worker_processes_share_one_standalone_emulator(
    server: tuple[subprocess.Popen[str], dict[str, Any]], tmp_path: Path
) -> None:
    process, info = server
    assert info["pid"] == process.pid
    assert info["base_url"].startswith("http://127.0.0.1:")
    assert info["api_url"] == info["base_url"] + "/perl/api/v2"
    assert info["stats_url"] == info["base_url"] + "/_emulator/stats"
    assert set(info["env"]) == {
        "LUXSCI_BASE_URL",
        "LUXSCI_TOKEN",
        "LUXSCI_SECRET",
        "LUXSCI_ACCOUNT",
    }
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUXSCI_")}
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), backend],
            env={**env, **info["env"]},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for backend in ("asyncio", "trio", "asyncio", "trio")
    ]
    outcomes = [(w.wait(120), *w.communicate()) for w in workers]
    assert [code for code, _, _ in outcomes] == [0, 0, 0, 0], outcomes
    stats = EmulatorStats.from_json(httpx2.get(info["stats_url"], timeout=10).json())
    assert stats.logins == stats.statuses[201] == 4  # one per process: none shares a code
    assert stats.auth_requests >= 4  # a login refused with 429 was tried again
    # Three calls per worker, and its revoke unless that met a 429 (the SDK does not retry it).
    assert 12 <= stats.statuses[200] <= 16
    assert stats.rate_limited > 0  # each worker alone bursts five requests at a limit of four
    assert len(stats.admitted) == stats.statuses[200] + stats.statuses[201]
    assert stats.max_in_window(1.0) == 4
    process.terminate()
    assert process.wait(10) == 0  # SIGTERM stops the server cleanly
    assert process.stdout is not None
    assert process.stdout.read() == ""  # with --json, the JSON line is all it prints


def test_a_bad_flag_is_refused_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        serve(["--port", "0", "--json", "--rate-window", "0"])
    assert exited.value.code == 2
    out, err = capsys.readouterr()
    assert "--rate-window must be a finite number of seconds > 0" in err
    assert out == ""
