"""The ``luxsci`` command against the embedded emulator over loopback, on asyncio and trio."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from luxsci_async.cli import main
from luxsci_async.testing import Emulator

ROWS = 2_500


def _env(monkeypatch: pytest.MonkeyPatch, emu: Emulator) -> None:
    monkeypatch.setenv("LUXSCI_BASE_URL", emu.base_url)
    monkeypatch.setenv("LUXSCI_TOKEN", emu.token)
    monkeypatch.setenv("LUXSCI_SECRET", emu.secret)
    monkeypatch.setenv("LUXSCI_ACCOUNT", emu.account)
    for name in ("USER", "PASSWORD", "HOST"):
        monkeypatch.delenv(f"LUXSCI_{name}", raising=False)


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(rows=ROWS, seed=3) as emu:
        yield emu


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch, anyio_backend: str) -> str:
    """Every command of these tests runs on the event loop of the test's parameter."""
    monkeypatch.setenv("LUXSCI_BACKEND", anyio_backend)
    return anyio_backend


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, emulator: Emulator, backend: str) -> Emulator:
    _env(monkeypatch, emulator)
    return emulator


@pytest.fixture
def restore_logging() -> Iterator[None]:
    logger = logging.getLogger("luxsci_async")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


def test_demo_prints_progress_and_summary(backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--rows", "20000", "--page-size", "2000"]) == 0
    out, err = capsys.readouterr()
    progress = [line for line in err.splitlines() if line.startswith("delivery report ")]
    assert len(progress) == 1  # not a terminal: the final state, once
    assert "20,000/20,000 rows" in progress[0]
    assert "rows/s" in progress[0]
    assert "ETA 0:00:00" in progress[0]
    assert "export job" in err
    assert "complete" in err
    assert out.startswith("Summary: 20,000 rows in ")
    assert "1 auth request(s)" in out
    assert "0 retries" in out


def test_backend_option_picks_the_event_loop(
    env: Emulator, backend: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sniffio

    from luxsci_async.cli import _commands

    seen: list[str] = []

    async def spy(options: _commands.Options) -> int:
        seen.append(sniffio.current_async_library())
        return await _commands.auth_check(options)

    monkeypatch.setattr("luxsci_async.cli._app.auth_check", spy)
    other = "trio" if backend == "asyncio" else "asyncio"
    assert main(["auth", "check", "--backend", other]) == 0
    assert main(["--backend", other, "auth", "check"]) == 0
    assert main(["auth", "check"]) == 0  # LUXSCI_BACKEND
    capsys.readouterr()
    assert seen == [other, other, backend]


def test_auth_check_reports_scope_without_secrets(
    env: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["auth", "check"]) == 0
    out, err = capsys.readouterr()
    info = json.loads(out)
    assert info == {
        "ok": True,
        "scope": "account",
        "base_url": env.base_url,
        "account": env.account,
        "user": None,
    }
    assert env.secret not in out + err


def test_auth_check_with_bad_secret_fails_in_one_line(
    env: Emulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LUXSCI_SECRET", "wrong")
    assert main(["auth", "check"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("luxsci: error: AuthenticationError")


def test_routes_lists_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routes", "--group", "aliases"]) == 0
    routes = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in routes} == {"create", "list", "get", "update", "delete"}
    assert all(r["scope"] == "account" for r in routes)


def test_call_any_route(env: Emulator, backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "getDomains"]) == 0
    domains = json.loads(capsys.readouterr().out)
    assert domains
    assert "domain" in domains[0]
    assert main(["call", "getUser", "--login", next(iter(env.users))]) == 0
    assert json.loads(capsys.readouterr().out)["user"] == next(iter(env.users))
    domain = domains[0]["domain"]
    args = ["call", "createAlias", f"user=cli-{backend}", f"domain={domain}", "action=bounce"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["call", "getAlias", f"alias=cli-{backend}@{domain}"]) == 0
    assert json.loads(capsys.readouterr().out)["action"] == "bounce"


def test_call_a_report_route_prints_json_lines(
    env: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["call", "getAccountReportEmailOpens", "source=smtp", "from_date=2024-01-01"]
    assert main([*argv, "through_date=2024-12-31"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == ROWS
    assert all("date" in json.loads(line) for line in lines)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["call", "nope"], "unknown operation 'nope'"),
        (["call", "getDomian"], "did you mean getDomain"),
        (["call", "getAccountUsers", "colour=red"], "expected key=value"),
        (["call", "getAccountUsers", "younger_than=ten"], "cannot read"),
        (["call", "createAlias", "user=x", "domain=y", "action=fly"], "action: must be one of"),
        (["call", "deleteAlias", "alias=ghost@example.com"], "NotFoundError"),
    ],
)
def test_errors_are_one_line_and_non_zero(
    env: Emulator, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert message in err
    assert err.startswith("luxsci: error: ")
    assert err.strip().count("\n") == 0
    assert out == ""


def _report(fmt: str, out: Path, *extra: str, page_size: int = 500) -> list[str]:
    return [
        "report", "delivery", "--from", "2024-01-01", "--through", "2024-12-31",
        "--format", fmt, "--out", str(out), "--page-size", str(page_size), *extra,
    ]  # fmt: skip


def test_report_to_csv_and_jsonl(
    env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(_report("csv", tmp_path / "r.csv")) == 0
    with open(tmp_path / "r.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "date"
    assert len(rows) == ROWS + 1
    assert f"{ROWS:,}/{ROWS:,} rows" in capsys.readouterr().err
    assert main(_report("jsonl", tmp_path / "r.jsonl", "--concurrency", "2")) == 0
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert len(lines) == ROWS
    assert json.loads(lines[0])["date"] == rows[1][0]
    assert list(json.loads(lines[-1]).values()) == rows[-1]


def test_report_to_stdout_is_pipeable(env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["report", "opens", "--from", "2024-06-01", "--through", "2024-06-30"]
    assert main([*argv, "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines
    assert all(json.loads(line)["date"].startswith("2024-06") for line in lines)
    assert "rows/s" in err
    assert "rows/s" not in out


def test_report_of_a_user(env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
    login = next(iter(env.users))
    argv = ["report", "delivery", "--from", "2024-01-01", "--through", "2024-12-31"]
    assert main([*argv, "--login", login, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines
    stats = env.stats
    assert any(path.startswith("/user/") and "delivery" in path for _, path in stats.by_route)


def test_report_failure_says_where_to_resume_and_resume_completes(
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "r.csv"
    # 35% of requests fail with a 500, decided by (seed, request number): one page at a
    # time, so the requests arrive in one order and the same page fails 3 times each run.
    with Emulator(rows=ROWS, seed=3, faults=0.35, fault_kinds=("500",)) as flaky:
        _env(monkeypatch, flaky)
        assert main(_report("csv", target, "--concurrency", "1", page_size=100)) == 1
    err = capsys.readouterr().err
    assert "resume with --start-row" in err
    resume = int(err.rsplit("--start-row", 1)[1].split()[0])
    assert 0 < resume < ROWS
    with open(target, newline="") as f:
        assert len(list(csv.reader(f))) == resume + 1  # header + every row before the failure
    with Emulator(rows=ROWS, seed=3) as healthy:
        _env(monkeypatch, healthy)
        assert main(_report("csv", target, "--start-row", str(resume), page_size=100)) == 0
    with open(target, newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == ROWS + 1
    assert rows.count(rows[0]) == 1  # one header, none repeated on resume
    assert len({tuple(r) for r in rows[1:]}) == ROWS


@pytest.mark.parametrize(
    "argv",
    [
        ["-v", "call", "getDomains"],
        ["call", "-v", "getDomains"],
        ["call", "getDomains", "--verbose"],
    ],
)
def test_verbose_anywhere_logs_requests_but_no_secrets(
    env: Emulator, capsys: pytest.CaptureFixture[str], restore_logging: None, argv: list[str]
) -> None:
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "GET /perl/api/v2/account/" in err
    assert "-> 200" in err
    assert "-> 200" not in out
    assert env.secret not in err
    assert "signature=" not in err
    assert not logging.getLogger("luxsci_async").handlers  # the handler leaves with the command


def test_verbose_logs_print_above_the_progress_line(
    env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    assert main([*_report("csv", tmp_path / "r.csv"), "-v"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert sum("-> 200" in line for line in lines) >= ROWS // 500
    assert all("rows/s" not in line or "-> " not in line for line in lines)  # never mixed
