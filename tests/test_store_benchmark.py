"""The store benchmark keeps running (slow; CI runs it). Speed is never asserted here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_store_benchmark_measures_every_case(redis_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.store", "--quick", "--url", redis_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()[1:]]
    measured = {(row[0], row[1], row[2], row[3]) for row in rows}
    assert measured == {
        ("redis", "PING", "asyncio", "1"),
        ("redis", "PING", "asyncio", "8"),
        *((store, "reserve", backend, c) for store, backend in
          [("memory", "asyncio"), ("memory", "trio"), ("redis", "asyncio")] for c in "18"),
        ("memory", "release", "asyncio", "1"),
        ("redis", "release", "asyncio", "1"),
    }  # fmt: skip
    assert all(float(row[4]) > 0 for row in rows)
