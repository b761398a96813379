"""A fleet of worker processes sharing one store (a real Redis) and one integration.

The standalone emulator and four worker processes (``tests/fleet_worker.py``) run as real
OS processes; only loopback is used. The SDK's rolling minute is shortened to a few seconds
in the workers (and the emulator's with it), so these wait out real windows of seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2

from luxsci_async.testing import EmulatorStats

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 4
WINDOW = 2.0


@contextmanager
def emulator(*flags: str) -> Iterator[dict[str, Any]]:
    command = [sys.executable, "-m", "luxsci_async.testing", "--port", "0", "--json", *flags]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stderr is not None
    try:
        line = process.stdout.readline()
        assert line, process.stderr.read()
        yield json.loads(line)
    finally:
        process.kill()
        process.wait(10)
        process.stdout.close()
        process.stderr.close()


def run_fleet(info: dict[str, Any], store: str, *, budget: int, calls: int) -> list[dict[str, int]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUXSCI_")}
    env.update(info["env"], LUXSCI_STORE=store)
    command = [sys.executable, "-m", "tests.fleet_worker", str(WINDOW), str(budget), str(calls)]
    command.append(str(WORKERS))
    workers = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(WORKERS)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        results.append(json.loads(out))
    return results


def stats(info: dict[str, Any]) -> EmulatorStats:
    return EmulatorStats.from_json(httpx2.get(info["stats_url"], timeout=10).json())


def test_a_fleet_keeps_one_budget_and_logs_in_once(redis_url: str) -> None:
    flags = ["--rate-per-minute", "30", "--rate-window", str(WINDOW)]
    with emulator(*flags) as info:
        results = run_fleet(info, redis_url, budget=30, calls=12)
        served = stats(info)
    assert [r["ok"] for r in results] == [12] * WORKERS  # every call succeeded
    assert sum(r["logins"] for r in results) == 1  # one login for the whole fleet
    assert served.logins == 1
    assert served.rate_limited == 0  # the fleet kept to the budget: no 429 at all
    assert served.by_route[("GET", "/account/{account}/domains")] == 48
    assert served.max_in_window(WINDOW) <= 30  # never over it in any rolling window
    assert served.max_in_window(WINDOW) >= 25  # and it used it: 49 requests needed two


def test_a_429_seen_by_one_worker_pauses_them_all(redis_url: str) -> None:
    # The budget is set too high on purpose: the server refuses past 6 per window.
    flags = ["--rate-per-minute", "6", "--rate-window", str(WINDOW)]
    with emulator(*flags) as info:
        results = run_fleet(info, redis_url, budget=30, calls=6)
        served = stats(info)
    assert [r["ok"] for r in results] == [6] * WORKERS  # 429s are waited out
    assert served.refused  # the server did refuse
    first = served.refused[0]
    # The requests in flight when the first 429 came back arrive with it; after that,
    # every worker waits out the pause (Retry-After: at least 1 s) instead of sending.
    during = [t for t in (*served.admitted, *served.refused) if first + 0.25 < t < first + 0.95]
    assert during == []
