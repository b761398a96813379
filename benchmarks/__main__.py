"""``python -m benchmarks [--quick] [--repeats N] [--json PATH] [--no-emulator-cache]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import attrs

from . import report
from .scenarios import FULL, QUICK, Plan

RESULTS = Path(__file__).parent / "results" / "latest.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, one repetition")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default: {RESULTS}")
    parser.add_argument(
        "--no-emulator-cache",
        action="store_true",
        help="let the emulator generate report rows per request (it then sets the pace)",
    )
    parser.add_argument("--repeats", type=int, help="interleaved repetitions (median taken)")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.repeats:
        sizes = attrs.evolve(sizes, repeats=args.repeats)
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    t0 = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - t0:6.1f} s] {message}", file=sys.stderr, flush=True)

    samples = Plan(sizes, cache=not args.no_emulator_cache, log=log).run()
    rows = report.build_rows(samples)
    meta = {
        "started": started,
        "seconds": time.monotonic() - t0,
        "quick": args.quick,
        "repeats": sizes.repeats,
        "report_rows": sizes.report_rows,
        "small_rows": sizes.small_rows,
        "emulator_cache": not args.no_emulator_cache,
        "environment": report.environment(),
    }
    print(report.text_table(rows))
    md = report.write(rows, meta, args.json)
    print(f"\nwrote {args.json} and {md}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
