"""``python -m luxsci_async.testing``: serve the emulator until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._config import ALL_FAULT_KINDS, EmulatorConfig
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
    parser.add_argument(
        "--rate-window", type=float, default=60.0, help="length of the 'minute' window (s)"
    )
    parser.add_argument(
        "--rate-day-window", type=float, default=86_400.0, help="length of the 'day' window (s)"
    )
    parser.add_argument("--faults", type=float, default=0.0, help="fraction of requests that fail")
    parser.add_argument(
        "--fault-kinds", default=",".join(ALL_FAULT_KINDS), help="comma list of 500,503,drop"
    )
    parser.add_argument("--auth-ttl", type=float, default=None, help="auth code lifetime (s)")
    parser.add_argument("--latency", type=float, default=0.0, help="added latency (ms)")
    parser.add_argument("--job-seconds", type=float, default=2.0, help="report job duration (s)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON line (URLs, credentials, LUXSCI_* variables, pid) and nothing else",
    )
    return parser


def _emulator(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Emulator:
    try:
        return Emulator(
            port=args.port,
            rows=args.rows,
            seed=args.seed,
            rate_per_minute=args.rate_per_minute,
            rate_per_day=args.rate_per_day,
            rate_window=args.rate_window,
            rate_day_window=args.rate_day_window,
            faults=args.faults,
            fault_kinds=tuple(k for k in args.fault_kinds.split(",") if k),
            auth_ttl=args.auth_ttl,
            latency=args.latency / 1000,
            job_seconds=args.job_seconds,
        )
    except ValueError as exc:  # the config's checks name the field: show it as its flag
        message = str(exc)
        for field in attrs.fields(EmulatorConfig):
            flag = "--" + field.name.replace("_", "-")
            message = re.sub(rf"\b(?<!-){field.name}\b", flag, message)
        parser.error(message)


def _print_text(info: Mapping[str, Any]) -> None:
    out = sys.stdout
    out.write(f"LuxSci emulator listening on {info['base_url']}\n")
    out.write(f"base_url: {info['base_url']}\n")
    out.write(f"token:    {info['token']}\n")
    out.write(f"secret:   {info['secret']}\n")
    out.write(f"account:  {info['account']}\n")
    for login, password in info["users"].items():
        out.write(f"user:     {login} {password}\n")
    out.write(f"stats:    {info['stats_url']}\n")
    out.write("Press Ctrl-C to stop.\n")


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m luxsci_async.testing") -> int:
    """Serve the emulator until Ctrl-C (also ``luxsci emulator``, which passes its flags on)."""
    parser = _parser(prog)
    args = parser.parse_args(argv)
    emulator = _emulator(parser, args)
    # A test harness ends the server with SIGTERM: treat it as Ctrl-C, stop cleanly, exit 0.
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    try:
        with emulator:
            info = credentials(emulator)
            # Printing credentials is this command's purpose: they are the emulator's own.
            if args.json:
                sys.stdout.write(json.dumps({**info, "pid": os.getpid()}) + "\n")
            else:
                _print_text(info)
            sys.stdout.flush()
            with contextlib.suppress(KeyboardInterrupt):
                threading.Event().wait()
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
