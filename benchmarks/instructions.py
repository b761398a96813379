"""Instructions per signed GET and per report row, counted by valgrind.

``python -m benchmarks.instructions [--rows] [--collector-off]``.

On this shared machine one client's wall and CPU time move by up to 1.7 times between
repetitions, so two clients' ratio near a goal lands on either side of it from run to run.
The number of instructions the same work executes hardly moves: every counted process
has the same hash seed (``HASH_SEED``, or ``PYTHONHASHSEED`` if set), so dict and set
layouts repeat too (with seeds drawn per process, a row's count moved by up to 4%). Each
client makes ``n1`` and then ``n2`` signed profile GETs (concurrency 8, through
``benchmarks.worker``, against the lean server) in a fresh process under callgrind; the
difference of the two totals over ``n2 - n1`` is one call's cost, start-up, imports and
login excluded. With ``--rows`` each client pulls the last ``n1`` and then the last ``n2``
rows of the delivery report instead (pages of 1,000, 8 in flight): the cost of one row.
Prints each client's count and each SDK client's ratio to its raw library.

It measures code, not the machine: a count ignores cache misses and I/O waits, and the
raw clients do less than the SDK (no retries, pacing, validation or models). Needs
``valgrind``; one run of the default clients takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence

from .servers import ServerProcess

CLIENTS = ("aiohttp", "sdk_aiohttp", "httpx2", "sdk")
ROW_CLIENTS = ("aiohttp", "sdk_rows_aiohttp", "httpx2", "sdk_rows", "sdk_typed")
BASELINE = {
    "sdk": "httpx2",
    "sdk_aiohttp": "aiohttp",
    "sdk_rows": "httpx2",
    "sdk_typed": "httpx2",
    "sdk_rows_aiohttp": "aiohttp",
}
"""The raw client each SDK client is compared with."""
REPORT_ROWS = 20_000
"""Rows of the lean server's report with ``--rows`` (pulls take its last rows)."""
_COLLECTED = re.compile(r"Collected : (\d+)")
HASH_SEED = "0"
"""``PYTHONHASHSEED`` of the counted processes, unless the environment sets one."""


def instructions(
    client: str,
    calls: int,
    conn: dict[str, object],
    *,
    rows: bool = False,
    collector: bool = True,
) -> int:
    """Instructions one worker process executes, from start to exit, making ``calls`` GETs
    (or, with ``rows``, pulling the report's last ``calls`` rows); without ``collector``,
    with the cyclic garbage collector disabled before the work starts."""
    spec: dict[str, object] = {"client": client, "concurrency": 8, "conn": conn}
    if not collector:
        spec["collector"] = "off"
    if rows:
        spec.update(kind="pull", page_size=1_000, start_row=REPORT_ROWS - calls)
    else:
        spec.update(kind="get", n=calls)
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, "-m", "benchmarks.worker", json.dumps(spec)]
    # One hash seed for every process: with per-process seeds, dict and set layouts differ
    # and a count moves by a few hundred instructions per row from run to run.
    env = {**os.environ, "PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", HASH_SEED)}
    out = subprocess.run(command, capture_output=True, text=True, timeout=1800, env=env)
    found = _COLLECTED.search(out.stderr)
    if out.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind failed for {client}:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def per_call(
    client: str,
    n1: int,
    n2: int,
    conn: dict[str, object],
    *,
    rows: bool = False,
    collector: bool = True,
) -> float:
    """Instructions of one call (or row): two runs' difference over their difference."""
    more = instructions(client, n2, conn, rows=rows, collector=collector)
    return (more - instructions(client, n1, conn, rows=rows, collector=collector)) / (n2 - n1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="the cost of a report row")
    parser.add_argument("--clients", nargs="+", choices=sorted({*CLIENTS, *ROW_CLIENTS}))
    parser.add_argument("--calls", nargs=2, type=int, metavar=("N1", "N2"))
    parser.add_argument(
        "--collector-off",
        action="store_true",
        help="disable the cyclic garbage collector in every client (see benchmarks/README.md)",
    )
    args = parser.parse_args(argv)
    clients = args.clients or list(ROW_CLIENTS if args.rows else CLIENTS)
    n1, n2 = args.calls or ((2_000, 10_000) if args.rows else (160, 960))
    if not 0 < n1 < n2 or (args.rows and n2 > REPORT_ROWS):
        parser.error(f"--calls: need 0 < N1 < N2{f' <= {REPORT_ROWS}' if args.rows else ''}")
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (e.g. apt-get install valgrind)")
    server = ServerProcess.start(rows=REPORT_ROWS if args.rows else 2_000)
    unit = "row" if args.rows else "GET"
    counts: dict[str, float] = {}
    try:
        for client in clients:
            counts[client] = per_call(
                client, n1, n2, server.conn(), rows=args.rows, collector=not args.collector_off
            )
            print(f"{client:16s} {counts[client]:>10,.0f} instructions per {unit}", flush=True)
    finally:
        server.stop()
    for client, raw in BASELINE.items():
        if client in counts and raw in counts:
            print(f"{client} / raw {raw}: {counts[raw] / counts[client]:.2f} (as a rate ratio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
