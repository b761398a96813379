"""The ``luxsci`` command as a process: real pipes, signals and terminals, on asyncio and trio.

Each test serves an emulator on loopback in this process and runs the command in a child.
"""

from __future__ import annotations

import csv
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from luxsci_async.cli import main
from luxsci_async.testing import Emulator

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and terminals")

ROWS = 6_000
PAGE = 100
REPORT = ["report", "delivery", "--from", "2024-01-01", "--through", "2024-12-31"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    # A little latency per request keeps the pull going long enough to interrupt it.
    with Emulator(rows=ROWS, seed=6, latency=0.01) as emu:
        yield emu


def child_env(emu: Emulator, backend: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LUXSCI_")}
    env.pop("COLUMNS", None)  # the width must come from the terminal itself
    env.pop("LINES", None)
    env.update(
        LUXSCI_BASE_URL=emu.base_url,
        LUXSCI_TOKEN=emu.token,
        LUXSCI_SECRET=emu.secret,
        LUXSCI_ACCOUNT=emu.account,
        LUXSCI_BACKEND=backend,
        **extra,
    )
    return env


def luxsci(*args: str) -> list[str]:
    return [sys.executable, "-m", "luxsci_async.cli", *args]


def lines_in(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return f.read().count(b"\n")
    except FileNotFoundError:
        return 0


def test_ctrl_c_prints_the_row_to_resume_from_and_resuming_loses_and_repeats_nothing(
    emulator: Emulator,
    anyio_backend: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "r.csv"
    args = [*REPORT, "--page-size", str(PAGE), "--concurrency", "1", "--out", str(target)]
    with subprocess.Popen(
        luxsci(*args),
        env=child_env(emulator, anyio_backend),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        deadline = time.monotonic() + 30
        while lines_in(target) < 5 * PAGE and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, "the report ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert out == ""
    assert "Traceback" not in err
    match = re.search(r"^luxsci: interrupted: .*resume with --start-row (\d+)$", err, re.M)
    assert match, err
    resume = int(match.group(1))
    assert 5 * PAGE <= resume < ROWS
    with open(target, newline="") as f:
        written = list(csv.reader(f))
    assert len(written) == resume + 1  # the header and exactly the rows before the resume row
    assert all(len(row) == len(written[0]) for row in written)  # no page cut in the middle

    for name, value in child_env(emulator, anyio_backend).items():
        monkeypatch.setenv(name, value)
    assert (
        main([*REPORT, "--page-size", "1000", "--out", str(target), "--start-row", str(resume)])
        == 0
    )
    whole = tmp_path / "whole.csv"
    assert main([*REPORT, "--page-size", "1000", "--out", str(whole)]) == 0
    capsys.readouterr()
    assert target.read_bytes() == whole.read_bytes()  # nothing lost, nothing repeated
    assert lines_in(whole) == ROWS + 1


def test_a_closed_pipe_ends_the_command_quietly(emulator: Emulator, anyio_backend: str) -> None:
    with subprocess.Popen(
        luxsci(*REPORT, "--format", "jsonl", "--page-size", "500"),
        env=child_env(emulator, anyio_backend),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        head = [proc.stdout.readline() for _ in range(3)]  # `| head -3`
        proc.stdout.close()
        err = proc.stderr.read().decode()
        proc.wait(30)
    assert all(line.startswith(b'{"date":') for line in head)
    # The whole report (~1.5 MB) cannot have fit in the pipe: the command met the closed pipe.
    assert proc.returncode == 141
    for noise in ("Traceback", "error", "Error", "Exception", "BrokenPipe"):
        assert noise not in err


def _read_all(fd: int, sink: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed its side of the terminal
            return
        if not chunk:
            return
        sink.extend(chunk)


def _terminal(columns: int) -> tuple[int, int]:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    return master, slave


def test_the_progress_line_fits_an_80_column_terminal(
    emulator: Emulator, anyio_backend: str, tmp_path: Path
) -> None:
    master, slave = _terminal(80)
    screen = bytearray()
    reader = threading.Thread(target=_read_all, args=(master, screen), daemon=True)
    reader.start()
    try:
        proc = subprocess.run(
            luxsci(
                *REPORT, "--page-size", "200", "--concurrency", "1", "--out", str(tmp_path / "r")
            ),
            env=child_env(emulator, anyio_backend, TERM="xterm-256color"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=slave,
            timeout=60,
            check=False,
        )
    finally:
        os.close(slave)
        reader.join(10)
        os.close(master)
    assert proc.returncode == 0
    frames = [ANSI.sub("", f) for f in re.split(r"[\r\n]", screen.decode()) if ANSI.sub("", f)]
    progress = [f for f in frames if "rows/s" in f]
    assert len(progress) >= 3  # redrawn in place while the pull ran
    assert max(len(f) for f in frames) <= 80
    assert all(f.startswith("delivery ") and "ETA " in f for f in progress[1:])
    assert f"{ROWS:,}/{ROWS:,} rows" in progress[-1]


def test_the_secret_prompt_on_a_terminal_does_not_echo(
    emulator: Emulator, anyio_backend: str
) -> None:
    master, slave = _terminal(80)
    screen = bytearray()
    env = child_env(emulator, anyio_backend)
    del env["LUXSCI_SECRET"]
    with subprocess.Popen(
        luxsci("auth", "check"),
        env=env,
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=slave,
        start_new_session=True,  # no controlling terminal: the prompt reads this one
    ) as proc:
        os.close(slave)
        deadline = time.monotonic() + 30
        while b"API secret" not in screen and time.monotonic() < deadline:
            try:
                screen.extend(os.read(master, 1024))
            except OSError:  # EIO: the child is gone without prompting
                break
        os.write(master, emulator.secret.encode() + b"\n")
        out, _ = proc.communicate(timeout=30)
        reader = threading.Thread(target=_read_all, args=(master, screen), daemon=True)
        reader.start()
        reader.join(10)
    os.close(master)
    shown = bytes(screen).replace(emulator.secret.encode(), b"<secret>")
    assert proc.returncode == 0, shown.decode(errors="replace")
    assert b'"scope": "account"' in out
    assert b"API secret" in screen
    assert emulator.secret.encode() not in bytes(screen) + out


def test_emulator_command_serves_and_prints_its_credentials() -> None:
    command = luxsci("emulator", "--port", "0", "--rows", "5")
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        try:
            assert proc.stdout is not None
            first = proc.stdout.readline()
            lines = [proc.stdout.readline() for _ in range(4)]
        finally:
            proc.terminate()
            proc.wait(10)
    assert first.startswith("LuxSci emulator listening on http://127.0.0.1:")
    keys = [line.split(":", 1)[0] for line in lines]
    assert keys == ["base_url", "token", "secret", "account"]
