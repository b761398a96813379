"""``python -m luxsci_async.testing``: serve the emulator until Ctrl-C."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Sequence

from ._config import ALL_FAULT_KINDS
from ._emulator import Emulator, credentials


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Serve a local LuxSci API emulator.")
    parser.add_argument("--port", type=int, default=8080, help="loopback port (0: any free port)")
    parser.add_argument("--rows", type=int, default=1000, help="rows per synthetic report")
    parser.add_argument(
        "--seed", type=int, default=0, help="seed of the credentials and data (default 0)"
    )
    parser.add_argument(
        "--rate-per-minute", type=int, default=None, help="requests allowed per minute, then 429"
    )
    parser.add_argument(
        "--rate-per-day", type=int, default=None, help="requests allowed per day, then 429"
    )
    parser.add_argument("--faults", type=float, default=0.0, help="fraction of requests that fail")
    parser.add_argument(
        "--fault-kinds", default=",".join(ALL_FAULT_KINDS), help="comma list of 500,503,drop"
    )
    parser.add_argument("--auth-ttl", type=float, default=None, help="auth code lifetime (s)")
    parser.add_argument("--latency", type=float, default=0.0, help="added latency (ms)")
    parser.add_argument("--job-seconds", type=float, default=2.0, help="report job duration (s)")
    return parser


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m luxsci_async.testing") -> int:
    """Serve the emulator until Ctrl-C (also ``luxsci emulator``, which passes its flags on)."""
    args = _parser(prog).parse_args(argv)
    emulator = Emulator(
        port=args.port,
        rows=args.rows,
        seed=args.seed,
        rate_per_minute=args.rate_per_minute,
        rate_per_day=args.rate_per_day,
        faults=args.faults,
        fault_kinds=tuple(k for k in args.fault_kinds.split(",") if k),
        auth_ttl=args.auth_ttl,
        latency=args.latency / 1000,
        job_seconds=args.job_seconds,
    )
    with emulator:
        info = credentials(emulator)
        # Printing credentials is this command's purpose: they are the emulator's own.
        out = sys.stdout
        out.write(f"LuxSci emulator listening on {info['base_url']}\n")
        out.write(f"base_url: {info['base_url']}\n")
        out.write(f"token:    {info['token']}\n")
        out.write(f"secret:   {info['secret']}\n")
        out.write(f"account:  {info['account']}\n")
        for login, password in info["users"].items():
            out.write(f"user:     {login} {password}\n")
        out.write("Press Ctrl-C to stop.\n")
        out.flush()
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
