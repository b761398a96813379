"""``python -m benchmarks [--quick] [--repeats N] [--server lean|emulator] [--update-docs]``."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import attrs

from . import report, summary
from .scenarios import FULL, QUICK, Plan

RESULTS = Path(__file__).parent / "results" / "latest.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    parser.add_argument("--repeats", type=int, help="interleaved repetitions (median taken)")
    parser.add_argument(
        "--server",
        choices=("lean", "emulator"),
        default="lean",
        help="lean asyncio server (default), or the uvicorn emulator for contrast",
    )
    parser.add_argument(
        "--server-loop",
        choices=("uvloop", "asyncio"),
        help="the lean server's event loop (default: uvloop when installed)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS comparison")
    parser.add_argument(
        "--update-docs",
        action="store_true",
        help=f"rewrite the summary in {summary.DOCS.name} and the chart {summary.CHART.name}",
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.repeats is not None:
        if args.repeats < 1:
            parser.error("--repeats must be at least 1")
        sizes = attrs.evolve(sizes, repeats=args.repeats)
    loop = args.server_loop or ("uvloop" if importlib.util.find_spec("uvloop") else "asyncio")
    if args.server == "emulator":
        if args.server_loop:
            parser.error("--server-loop applies to the lean server only")
        loop = "uvicorn, asyncio"
    options = ["--loop", loop] if args.server == "lean" else []
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    t0 = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - t0:6.1f} s] {message}", file=sys.stderr, flush=True)

    plan = Plan(sizes, server=args.server, server_options=options, memory=not args.no_memory)
    plan.log = log
    rows = report.build_rows(plan.run())
    meta = {
        "started": started,
        "seconds": time.monotonic() - t0,
        "quick": args.quick,
        "repeats": sizes.repeats,
        "report_rows": sizes.report_rows,
        "small_rows": sizes.small_rows,
        "server": args.server,
        "server_loop": loop,
        "environment": report.environment(),
    }
    print(report.text_table(rows))
    md = report.write(rows, meta, args.json)
    print(f"\nwrote {args.json} and {md}", file=sys.stderr)
    broken = report.server_share_broken(rows)
    if broken:
        print(
            f"the server took more than {report.SERVER_SHARE_MAX} of the client's CPU in: "
            + "; ".join(broken),
            file=sys.stderr,
        )
    if args.update_docs:
        summary.update_docs(rows, meta)
        print(f"rewrote {summary.DOCS} and {summary.CHART}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
