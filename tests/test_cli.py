"""The ``luxsci`` command against the embedded emulator over loopback."""

from __future__ import annotations

import csv
import json
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
def env(monkeypatch: pytest.MonkeyPatch, emulator: Emulator) -> Emulator:
    _env(monkeypatch, emulator)
    return emulator


def test_demo_prints_progress_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--rows", "20000", "--page-size", "2000"]) == 0
    out, err = capsys.readouterr()
    assert "delivery report [" in err
    assert "20,000/20,000 rows" in err
    assert "export job" in err
    assert "complete" in err
    assert out.startswith("Summary: 20,000 rows in ")
    assert "1 auth request(s)" in out
    assert "0 retries" in out


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
    env: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["auth", "check", "--secret", "wrong"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("luxsci: error: AuthenticationError")


def test_routes_lists_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routes", "--group", "aliases"]) == 0
    routes = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in routes} == {"create", "list", "get", "update", "delete"}
    assert all(r["scope"] == "account" for r in routes)


def test_call_any_route(env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "getDomains"]) == 0
    domains = json.loads(capsys.readouterr().out)
    assert domains
    assert "domain" in domains[0]
    assert main(["call", "getUser", "--login", next(iter(env.users))]) == 0
    assert json.loads(capsys.readouterr().out)["user"] == next(iter(env.users))
    args = ["call", "createAlias", "user=cli", f"domain={domains[0]['domain']}", "action=bounce"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["call", "getAlias", f"alias=cli@{domains[0]['domain']}"]) == 0
    assert json.loads(capsys.readouterr().out)["action"] == "bounce"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["call", "nope"], "unknown operation"),
        (["call", "getAccountUsers", "colour=red"], "expected key=value"),
        (["call", "getAccountUsers", "younger_than=ten"], "cannot read"),
        (["call", "createAlias", "user=x", "domain=y", "action=fly"], "action: must be one of"),
        (["call", "deleteAlias", "alias=ghost@example.com"], "NotFoundError"),
        (
            ["report", "nope", "--from", "2024-01-01", "--through", "2024-01-02"],
            "unknown account report",
        ),
    ],
)
def test_errors_are_one_line_and_non_zero(
    env: Emulator, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert message in err
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
    assert "rows/s" in capsys.readouterr().err
    assert main(_report("jsonl", tmp_path / "r.jsonl")) == 0
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert len(lines) == ROWS
    assert json.loads(lines[0])["date"] == rows[1][0]


def test_report_to_stdout_is_pipeable(env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "report",
        "opens",
        "--from",
        "2024-06-01",
        "--through",
        "2024-06-30",
        "--format",
        "jsonl",
    ]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert all(json.loads(line)["date"].startswith("2024-06") for line in out.splitlines())
    assert "rows/s" in err
    assert "rows/s" not in out


def test_report_failure_says_where_to_resume_and_resume_completes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.csv"
    # 35% of requests fail with a 500; deterministic by seed, some page fails 3 times.
    with Emulator(rows=ROWS, seed=3, faults=0.35, fault_kinds=("500",)) as flaky:
        _env(monkeypatch, flaky)
        assert main(_report("csv", target, page_size=100)) == 1
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


def test_verbose_logs_requests_but_no_secrets(
    env: Emulator, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-v", "call", "getDomains"]) == 0
    err = capsys.readouterr().err
    assert "GET /perl/api/v2/account/" in err
    assert "-> 200" in err
    assert env.secret not in err
    assert "signature=" not in err


def test_emulator_command_serves_and_prints_its_credentials() -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "luxsci_async.cli", "emulator", "--port", "0", "--rows", "5"]
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
