"""A real Redis for the store tests.

``LUXSCI_TEST_REDIS_URL`` names one (CI starts it); otherwise a private ``redis-server``
from PATH is started on a free loopback port, without persistence, and stopped by its PID
when the session ends. Without either the Redis tests skip, except under ``CI``, where a
missing Redis is a failure rather than a silent skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = "LUXSCI_TEST_REDIS_URL"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers_ping(port: int, *, tls_ca: Path | None = None) -> bool:
    """Whether a Redis answers on ``port`` (over TLS, trusting ``tls_ca``, if given)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as raw:
            if tls_ca is None:
                return _ping(raw)
            context = ssl.create_default_context(cafile=str(tls_ca))
            context.check_hostname = False  # only asking whether it is up
            with context.wrap_socket(raw) as sock:
                return _ping(sock)
    except OSError:
        return False


def _ping(sock: socket.socket) -> bool:
    sock.sendall(b"PING\r\n")
    return sock.recv(16).startswith(b"+PONG")


def unavailable(reason: str) -> None:
    """Skip the test, or fail it under ``CI``, where Redis must be there."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """The URL of a Redis the tests may write to (each test under its own namespace)."""
    url = os.environ.get(ENV)
    if url:
        yield url
        return
    server = shutil.which("redis-server")
    if server is None:
        unavailable(
            f"no Redis for the store tests: set {ENV} or put redis-server on PATH "
            "(apt-get install redis-server)"
        )
        return
    port = free_port()
    with tempfile.TemporaryDirectory() as workdir:
        process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
             "--appendonly", "no", "--dir", workdir, "--daemonize", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 10
            while not answers_ping(port):
                if process.poll() is not None or time.monotonic() > deadline:
                    unavailable(f"redis-server on port {port} did not start")
                time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def namespace() -> str:
    """A key prefix of this test's own, so tests sharing a Redis never see each other."""
    return f"lx-test:{uuid.uuid4().hex[:12]}"
