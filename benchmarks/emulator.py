"""The benchmark server: the embedded emulator in its own process.

``python -m benchmarks.emulator --rows N --latency MS [--no-cache]`` is
``python -m luxsci_async.testing`` with one change, on by default: synthetic report rows
are generated once and kept, so a page costs the server a list slice and an ``orjson``
dump instead of ~3 µs of Python per row. Without it the emulator, not the client, would
set the pace of every report pull (see README). Auth, signature checks, paging and the
envelope are the emulator's own, unchanged.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

import attrs


def _memoize_rows() -> None:
    from luxsci_async.testing._reports import ReportData, ReportShape

    original = ReportData.rows_between
    kept: dict[tuple[int, int, int], list[list[Any]]] = {}

    def rows_between(self: ReportData, shape: ReportShape, start: int, stop: int) -> list[Any]:
        key = (shape.salt, self.seed, self.rows)
        rows = kept.get(key)
        if rows is None:
            rows = kept[key] = original(self, shape, 0, self.rows)
        return rows[start:stop]

    ReportData.rows_between = rows_between  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.emulator")
    parser.add_argument("--no-cache", action="store_true", help="generate rows per request")
    known, rest = parser.parse_known_args(argv)
    if not known.no_cache:
        _memoize_rows()
    from luxsci_async.testing.__main__ import main as serve

    return serve(rest)


@attrs.define
class EmulatorProcess:
    """A running ``benchmarks.emulator`` subprocess and the credentials it printed."""

    proc: subprocess.Popen[str]
    base_url: str
    token: str
    secret: str
    account: str
    users: dict[str, str]

    @classmethod
    def start(
        cls, *, rows: int, latency_ms: float = 0.0, cache: bool = True, seed: int = 1
    ) -> EmulatorProcess:
        args = [sys.executable, "-m", "benchmarks.emulator", "--port", "0", "--rows", str(rows)]
        args += ["--seed", str(seed), "--latency", str(latency_ms)]
        if not cache:
            args.append("--no-cache")
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        info: dict[str, str] = {}
        users: dict[str, str] = {}
        deadline = time.monotonic() + 30
        for line in proc.stdout:
            if line.startswith("user:"):
                _, login, password = line.split()
                users[login] = password
            elif m := re.match(r"^(base_url|token|secret|account):\s+(\S+)", line):
                info[m.group(1)] = m.group(2)
            if line.startswith("Press Ctrl-C") or time.monotonic() > deadline:
                break
        if set(info) != {"base_url", "token", "secret", "account"}:
            proc.kill()
            raise RuntimeError(f"the emulator did not start: {info}")
        return cls(proc, users=users, **info)

    def conn(self) -> dict[str, Any]:
        """What a worker needs to connect."""
        login = sorted(self.users)[0]
        return {
            "base_url": self.base_url,
            "token": self.token,
            "secret": self.secret,
            "account": self.account,
            "login": login,
        }

    def cpu_seconds(self) -> float:
        """User + system CPU the emulator process has used so far."""
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def warm(self) -> None:
        """Ask for every report row once, so the row cache is built before timing."""
        from benchmarks.worker import run_spec

        run_spec({"kind": "pull", "client": "raw_pages", "page_size": 50_000, "conn": self.conn()})

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


if __name__ == "__main__":
    sys.exit(main())
