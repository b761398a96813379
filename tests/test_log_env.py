"""``LUXSCI_LOG=debug|info``: the SDK's lines on stderr, set up once, never a secret."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import luxsci_async._logging as log_module
from luxsci_async import ConfigurationError

from .conftest import FakeClock, make_session
from .fakeapi import FakeAPI, fail, ok

pytestmark = pytest.mark.anyio
PATH = "/account/12345/things"


@pytest.fixture
def fresh_logger(monkeypatch: pytest.MonkeyPatch) -> Iterator[logging.Logger]:
    """The SDK's logger as a new process would find it, put back as it was afterwards."""
    logger = logging.getLogger("luxsci_async")
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    monkeypatch.setattr(log_module, "_configured", False)
    monkeypatch.delenv("LUXSCI_LOG", raising=False)
    logger.handlers[:] = []
    logger.setLevel(logging.NOTSET)
    yield logger
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate


async def test_debug_writes_one_line_per_attempt_to_stderr(
    api: FakeAPI,
    fresh_logger: logging.Logger,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LUXSCI_LOG", "DEBUG")
    api.on("GET", PATH, [ok(1)])
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/things")
    make_session()  # a second session: configured once, so still one handler
    assert len(fresh_logger.handlers) == 1
    assert fresh_logger.level == logging.DEBUG
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "/things" in line]
    assert len(lines) == 1
    expected = " DEBUG luxsci_async: GET /perl/api/v2/account/12345/things -> 200 (attempt 1, "
    assert expected in lines[0]


async def test_info_shows_retries_but_not_every_attempt(
    api: FakeAPI,
    fake_clock: FakeClock,
    fresh_logger: logging.Logger,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LUXSCI_LOG", "info")
    api.on("GET", PATH, [fail(503, "busy"), ok(1)])
    async with make_session() as lux:
        await lux.request("GET", "/account/{account}/things")
    err = capsys.readouterr().err
    assert "INFO luxsci_async: GET /perl/api/v2/account/12345/things: retrying in " in err
    assert "(fault)" in err
    assert "-> 200" not in err  # the DEBUG line of each attempt stays out


def test_an_unknown_level_is_refused_by_name(
    fresh_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUXSCI_LOG", "verbose")
    with pytest.raises(ConfigurationError, match="LUXSCI_LOG must be debug or info, got 'verbose'"):
        make_session()
    assert fresh_logger.handlers == []


def test_unset_configures_nothing(fresh_logger: logging.Logger) -> None:
    make_session()
    assert fresh_logger.handlers == []
    assert fresh_logger.level == logging.NOTSET


def test_records_still_reach_the_applications_handlers(
    fresh_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    log_module.setup_from_env({"LUXSCI_LOG": "info"})
    assert len(fresh_logger.handlers) == 1
    caplog.set_level(logging.INFO)
    fresh_logger.info("hello")
    assert [r.getMessage() for r in caplog.records] == ["hello"]


def test_a_process_with_luxsci_log_debug_leaks_no_secret(tmp_path: Any) -> None:
    """The whole stderr of a run at DEBUG: a login, calls, a retry, a 401, a revocation."""
    script = """
import anyio
from luxsci_async import RetryPolicy
from luxsci_async.testing import Emulator

async def main() -> None:
    emu = Emulator(seed=21, faults=0.3, fault_kinds=("503",))
    login, password = next(iter(emu.users.items()))
    print("SECRETS", emu.secret, password, flush=True)
    retry = RetryPolicy(max_retries=8, backoff_base=0.001)
    async with emu.client(user=login, retry=retry) as lux:
        for _ in range(6):
            await lux.request("GET", "/user/{username}/profile")
        lux._pipeline.auth.adopt("1-2-" + "ab" * 32)  # a stale code: 401, login, replay
        await lux.request("GET", "/user/{username}/profile")
    print("CODES", *emu.app.auth._codes, flush=True)

anyio.run(main)
"""
    env = {**os.environ, "LUXSCI_LOG": "debug"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    secrets: list[str] = []
    for line in result.stdout.splitlines():
        if line.startswith(("SECRETS ", "CODES ")):
            secrets += line.split()[1:]
    assert len(secrets) >= 3
    err = result.stderr
    assert "DEBUG luxsci_async: POST /perl/api/v2/auth -> 201" in err
    assert "-> 401" in err
    assert "retrying in" in err
    for secret in secrets:
        assert secret not in err
    assert "signature=" not in err
