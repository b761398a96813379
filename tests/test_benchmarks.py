"""The benchmarks keep running (slow; CI runs them). Speed is never asserted here.

What is checked: every scenario and client of issue 7 produces a number, the row-building
microbenchmark covers its variants, and 100 concurrent first calls send one ``POST /auth``
(a behaviour, not a timing).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_row_building_benchmark_measures_every_variant() -> None:
    from benchmarks.rows import measure

    result = measure(1_000, runs=1)
    assert list(result) == [
        "decode only",
        "Row mappings",
        "typed, whole page first",
        "typed, when reached",
    ]
    assert all(micros > 0 for micros in result.values())


def test_quick_benchmark_run_writes_every_scenario(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(out.read_text())["rows"]
    assert out.with_suffix(".md").read_text().count("\n|") == len(rows) + 2  # + header, rule
    seen = {(r["scenario"].split(".")[0], r["client_id"]) for r in rows}
    for scenario, clients in [
        ("1", {"sdk", "raw", "peer"}),
        ("2", {"sdk_pages", "raw_pages", "peer", "sdk_rows", "raw_rows", "sdk_typed"}),
        ("2m", {"sdk_pages", "raw_pages", "sdk_rows", "raw_rows", "sdk_typed"}),
        ("3", {"sdk_pages", "raw_pages", "peer", "sdk_rows", "raw_rows", "sdk_typed"}),
    ]:
        assert {(scenario, c) for c in clients} <= seen, scenario
    assert all(r["median"] > 0 for r in rows)
    auths = {r["client_id"]: r["median"] for r in rows if r["scenario"].startswith("4.")}
    assert auths == {"sdk": 1, "raw": 1, "peer": 100}
    targets = [r for r in rows if r["target"]]
    assert {r["target"].split(":")[0] for r in targets} >= {
        "SDK/raw >= 0.9",
        "SDK/raw >= 0.8",
        "SDK/raw >= 0.6",
        "<= 1.5",
        "== 1",
    }
