"""The benchmark server in its own process, and its CPU time read from outside.

Two servers print the same credential lines and speak the same protocol:

- ``lean`` (default): ``benchmarks.lean_server``, a bare asyncio ``Protocol``;
- ``emulator``: ``benchmarks.emulator``, the embedded emulator served by uvicorn (with its
  report rows kept once generated), for contrast.

CPU time is the sum of ``se.sum_exec_runtime`` over the process's threads
(``/proc/<pid>/task/*/sched``: user + system, nanosecond resolution), falling back to the
``utime + stime`` ticks of ``/proc/<pid>/stat`` (10 ms resolution) where the kernel has no
``sched`` file. The worker reads it just before and after its timed section.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

SERVERS = {"lean": "benchmarks.lean_server", "emulator": "benchmarks.emulator"}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time process ``pid`` has used so far, in seconds."""
    total, found = 0.0, False
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "sched").read_text()
        except OSError:
            continue
        match = re.search(r"^se\.sum_exec_runtime\s*:\s*([\d.]+)", text, re.M)
        if match:
            total += float(match.group(1)) / 1000  # milliseconds
            found = True
    if found:
        return total
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@attrs.define
class ServerProcess:
    """A running benchmark server subprocess and the credentials it printed."""

    kind: str
    proc: subprocess.Popen[str]
    base_url: str
    token: str
    secret: str
    account: str
    users: dict[str, str]

    @classmethod
    def start(
        cls, kind: str = "lean", *, rows: int, seed: int = 1, options: Sequence[str] = ()
    ) -> ServerProcess:
        args = [sys.executable, "-m", SERVERS[kind], "--port", "0", "--rows", str(rows)]
        args += ["--seed", str(seed), *options]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        info: dict[str, str] = {}
        users: dict[str, str] = {}
        deadline = time.monotonic() + 120
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
            raise RuntimeError(f"the {kind} server did not start")
        return cls(kind, proc, users=users, **info)

    def conn(self) -> dict[str, Any]:
        """What a worker needs to connect (and to read the server's CPU time)."""
        return {
            "base_url": self.base_url,
            "token": self.token,
            "secret": self.secret,
            "account": self.account,
            "login": sorted(self.users)[0],
            "server_pid": self.proc.pid,
        }

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
