"""Instructions per signed GET, counted by valgrind: ``python -m benchmarks.instructions``.

On this shared machine one client's wall and CPU time move by up to 1.7 times between
repetitions, so two clients' ratio near a goal lands on either side of it from run to run.
The number of instructions the same work executes hardly moves (well under 1% between
runs). Each client makes ``n1`` and then ``n2`` signed profile GETs (concurrency 8, through
``benchmarks.worker``, against the lean server) in a fresh process under callgrind; the
difference of the two totals over ``n2 - n1`` is one call's cost, start-up, imports and
login excluded. Prints each client's count and each SDK client's ratio to its raw library.

It measures code, not the machine: a count ignores cache misses and I/O waits, and the
raw clients do less than the SDK (no retries, pacing, validation or models). Needs
``valgrind``; one run of the default clients takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence

from .servers import ServerProcess

CLIENTS = ("aiohttp", "sdk_aiohttp", "httpx2", "sdk")
BASELINE = {"sdk": "httpx2", "sdk_aiohttp": "aiohttp"}
"""The raw client each SDK client is compared with."""
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(client: str, calls: int, conn: dict[str, object]) -> int:
    """Instructions one worker process executes making ``calls`` GETs (from start to exit)."""
    spec = {"kind": "get", "client": client, "n": calls, "concurrency": 8, "conn": conn}
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, "-m", "benchmarks.worker", json.dumps(spec)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    found = _COLLECTED.search(out.stderr)
    if out.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind failed for {client}:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def per_call(client: str, n1: int, n2: int, conn: dict[str, object]) -> float:
    """Instructions of one call: the difference between two runs over their difference."""
    return (instructions(client, n2, conn) - instructions(client, n1, conn)) / (n2 - n1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", nargs="+", choices=CLIENTS, default=list(CLIENTS))
    parser.add_argument("--calls", nargs=2, type=int, default=(160, 960), metavar=("N1", "N2"))
    args = parser.parse_args(argv)
    n1, n2 = args.calls
    if not 0 < n1 < n2:
        parser.error("--calls: need 0 < N1 < N2")
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (e.g. apt-get install valgrind)")
    server = ServerProcess.start(rows=2_000)
    counts: dict[str, float] = {}
    try:
        for client in args.clients:
            counts[client] = per_call(client, n1, n2, server.conn())
            print(f"{client:12s} {counts[client]:>10,.0f} instructions per GET", flush=True)
    finally:
        server.stop()
    for client, raw in BASELINE.items():
        if client in counts and raw in counts:
            print(f"{client} / raw {raw}: {counts[raw] / counts[client]:.2f} (as a rate ratio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
