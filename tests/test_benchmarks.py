"""The benchmarks keep running (slow; CI runs them). Speed is never asserted here.

What is checked: every scenario and client produces each of its numbers against the lean
server (throughput with its ratios to raw httpx2 and raw aiohttp, client and server CPU,
peak RSS), the docs summary can be built from a run, the row-building and in-flight-cap
microbenchmarks cover their variants, and 100 concurrent first calls send one
``POST /auth`` (a behaviour, not a timing).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import summary
from benchmarks.scenarios import FIRST_CALL_CLIENTS, GET_CLIENTS, MEMORY_CLIENTS, PULL_CLIENTS

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


def test_limiter_benchmark_measures_every_cap(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import limiter

    entered: list[None] = []

    class CountingCap:
        async def __aenter__(self) -> None:
            entered.append(None)

        async def __aexit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(limiter, "CALLS", 80)
    monkeypatch.setattr(limiter, "RUNS", 1)
    monkeypatch.setattr(limiter, "VARIANTS", {**limiter.VARIANTS, "counting": CountingCap})
    limiter.main()
    lines = capsys.readouterr().out.splitlines()[1:]
    assert [line.split("  ")[0] for line in lines] == list(limiter.VARIANTS)
    assert all(float(line.split()[-1]) > 0 for line in lines)
    # The cap measured is the one requests take: the 80 timed, the first GET and its login.
    assert len(entered) == 80 + 2


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
    payload = json.loads(out.read_text())
    rows = payload["rows"]
    assert payload["meta"]["server"] == "lean"
    assert out.with_suffix(".md").read_text().count("\n|") == len(rows) + 2  # + header, rule
    seen = {(r["scenario"].split(".")[0], r["client_id"], r["metric"]) for r in rows}
    for scenario, clients, metric in [
        ("1", GET_CLIENTS, "requests/s"),
        ("2", PULL_CLIENTS, "rows/s"),
        ("3", MEMORY_CLIENTS, "RSS ratio big/small"),
        ("4", FIRST_CALL_CLIENTS, "POST /auth sent"),
    ]:
        assert {(scenario, c, metric) for c in clients} <= seen, scenario
    for scenario, clients in [("1", GET_CLIENTS), ("2", PULL_CLIENTS)]:
        for metric in ("server CPU", "server/client CPU", "peak RSS MB"):
            assert {(scenario, c, metric) for c in clients} <= {
                (s, c, m.split(" µs")[0]) for s, c, m in seen
            }, (scenario, metric)
    assert all(r["median"] > 0 for r in rows)
    throughput = [r for r in rows if r["metric"] in ("requests/s", "rows/s")]
    assert all(r["vs_httpx2"] and r["vs_aiohttp"] for r in throughput)
    auths = {r["client_id"]: r["median"] for r in rows if r["scenario"].startswith("4.")}
    assert auths == {"sdk": 1, "httpx2": 1, "peer": 100, "sdk_aiohttp": 1}
    checks = {r["check"].split(":")[0] for r in rows if r["check"]}
    assert checks >= {
        "server <= 0.2 x client",
        "goal >= 0.9 x httpx2",
        "goal >= 0.85 x httpx2",
        "goal >= 0.65 x httpx2",
        "goal >= 0.7 x aiohttp",
        "<= 1.5",
        "== 1",
    }
    # The docs summary can be built from a run: every client of it has a number.
    block = summary.markdown(rows, payload["meta"])
    assert block.count("\n| ") == len(summary.ENTRIES)  # one line each, after the rule
    for label, _, _ in summary.ENTRIES:
        line = next(x for x in block.splitlines() if x.startswith(f"| {label} |"))
        assert line.split(" | ")[4], label  # every entry has a report rows/s


def test_instruction_counts_are_per_call_differences(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One call's count is the difference of two runs over their difference in calls (so
    start-up, imports and the login cancel out), and ratios are the raw client's count over
    the SDK's. Valgrind itself is replaced: what is checked is the arithmetic and the report."""
    from benchmarks import instructions

    fixed = {"aiohttp": 1_000_000, "sdk_aiohttp": 3_000_000}
    per_call = {"aiohttp": 400, "sdk_aiohttp": 500}

    collectors: set[bool] = set()

    def counted(
        client: str, calls: int, conn: object, *, rows: bool = False, collector: bool = True
    ) -> int:
        assert not rows
        collectors.add(collector)
        return fixed[client] + per_call[client] * calls

    monkeypatch.setattr(instructions, "instructions", counted)
    assert instructions.main(["--clients", "aiohttp", "sdk_aiohttp", "--calls", "10", "30"]) == 0
    out = capsys.readouterr().out
    assert "aiohttp" in out
    assert "400 instructions per GET" in out
    assert "500 instructions per GET" in out
    assert "sdk_aiohttp / raw aiohttp: 0.80" in out
    assert collectors == {True}
    argv = ["--clients", "aiohttp", "--calls", "10", "30", "--collector-off"]
    assert instructions.main(argv) == 0
    assert "400 instructions per GET" in capsys.readouterr().out
    assert collectors == {True, False}


def test_counted_processes_share_one_hash_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every process callgrind counts runs with the same ``PYTHONHASHSEED`` (per-process
    seeds moved a row's count by up to 4%), or with the one the caller set."""
    from benchmarks import instructions

    seeds: list[str] = []

    def run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        assert command[:2] == ["valgrind", "--tool=callgrind"]
        seeds.append(options["env"]["PYTHONHASHSEED"])
        return subprocess.CompletedProcess(command, 0, "", "==1== Collected : 1234\n")

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    assert instructions.instructions("httpx2", 10, {}, rows=True) == 1234
    monkeypatch.setenv("PYTHONHASHSEED", "7")
    assert instructions.instructions("httpx2", 10, {}) == 1234
    assert seeds == [instructions.HASH_SEED, "7"]


def test_a_worker_runs_without_the_collector_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from benchmarks import worker

    seen: list[bool] = []

    def run_spec(spec: dict[str, object]) -> dict[str, object]:
        seen.append(gc.isenabled())
        return {}

    monkeypatch.setattr(worker, "run_spec", run_spec)
    monkeypatch.setattr(worker, "peak_rss_kb", lambda: 0)
    try:
        for spec in ('{"kind": "get"}', '{"kind": "get", "collector": "off"}'):
            monkeypatch.setattr(sys, "argv", ["worker", spec])
            assert worker.main() == 0
    finally:
        gc.enable()
    assert seen == [True, False]
