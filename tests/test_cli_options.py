"""The ``luxsci`` command's options: anywhere on the line, helpful usage errors, no secrets
on argv, prompts, and configuration errors that name the flag or variable to fix."""

from __future__ import annotations

import json
from collections.abc import Iterator

import click
import pytest

from luxsci_async import ConfigurationError
from luxsci_async.cli import _connect, main
from luxsci_async.testing import Emulator

SECRET_ON_ARGV = "argv-s3cr3t-do-not-print"
VARIABLES = ("TOKEN", "SECRET", "ACCOUNT", "USER", "PASSWORD", "HOST", "BASE_URL")


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator(rows=10, seed=4) as emu:
        yield emu


@pytest.fixture
def clean(monkeypatch: pytest.MonkeyPatch, anyio_backend: str) -> pytest.MonkeyPatch:
    """No ``LUXSCI_*`` settings; commands run on the test's event loop."""
    for name in VARIABLES:
        monkeypatch.delenv(f"LUXSCI_{name}", raising=False)
    monkeypatch.setenv("LUXSCI_BACKEND", anyio_backend)
    return monkeypatch


@pytest.fixture
def env(clean: pytest.MonkeyPatch, emulator: Emulator) -> Emulator:
    clean.setenv("LUXSCI_BASE_URL", emulator.base_url)
    clean.setenv("LUXSCI_TOKEN", emulator.token)
    clean.setenv("LUXSCI_SECRET", emulator.secret)
    clean.setenv("LUXSCI_ACCOUNT", emulator.account)
    return emulator


@pytest.fixture
def no_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a terminal: any prompt would be a bug."""
    monkeypatch.setattr(_connect, "interactive", lambda: False)

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("prompted although not on a terminal")

    monkeypatch.setattr(click.termui, "hidden_prompt_func", refuse)


# -- options anywhere ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--account", "{account}", "auth", "check"],
        ["auth", "--account", "{account}", "check"],
        ["auth", "check", "--account", "{account}"],
        ["--account", "0", "auth", "check", "--account", "{account}"],  # the last one wins
    ],
)
def test_connection_options_before_or_after_the_command(
    env: Emulator,
    clean: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    clean.delenv("LUXSCI_ACCOUNT")
    assert main([a.format(account=env.account) for a in argv]) == 0
    assert json.loads(capsys.readouterr().out)["account"] == env.account


# -- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--bogus"], "--bogus"),
        (["report", "--bogus"], "--bogus"),
        (["auth", "check", "--bogus"], "--bogus"),
        (["routes", "--verbos"], "--verbose"),  # close matches are suggested
        (["reprot"], "reprot"),
        (["report", "nope", "--from", "2024-01-01", "--through", "2024-01-02"], "nope"),
        (["report", "delivery", "--from", "2024-13-01", "--through", "2024-01-02"], "--from"),
        (["report", "delivery", "--from", "2024-01-01"], "--through"),
        (["report", "delivery", "--from", "2024-01-01", "--through", "x"], "--through"),
        (
            [
                "report",
                "opens",
                "--from",
                "2024-01-01",
                "--through",
                "2024-01-02",
                "--start-row",
                "-1",
            ],
            "--start-row",
        ),
        (["--backend", "curio", "routes"], "--backend"),
    ],
)
def test_usage_errors_exit_2_and_name_what_is_wrong(
    clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "Usage: luxsci" in err
    assert named in err.split("Error:", 1)[1]
    assert "Traceback" not in err


def test_bad_backend_variable_is_named(
    clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean.setenv("LUXSCI_BACKEND", "curio")
    assert main(["auth", "check"]) == 2
    assert "LUXSCI_BACKEND" in capsys.readouterr().err


def test_every_option_and_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    from luxsci_async.cli._app import app

    def walk(command: click.Command, path: list[str]) -> Iterator[tuple[list[str], click.Command]]:
        yield path, command
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                yield from walk(sub, [*path, name])

    checked = 0
    for path, command in walk(app, []):
        assert command.help, f"luxsci {' '.join(path)} has no help"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"luxsci {' '.join(path)} {param.opts[0]} has no help"
                checked += 1
        if path == ["emulator"]:
            continue  # its flags are the emulator's own (below)
        assert main([*path, "--help"]) == 0
        assert "Usage: luxsci" in capsys.readouterr().out
    assert checked > 40
    from luxsci_async.testing.__main__ import _parser

    assert all(action.help for action in _parser("luxsci emulator")._actions)
    assert main(["emulator", "--help"]) == 0
    assert "usage: luxsci emulator" in capsys.readouterr().out


def test_trio_backend_without_trio_says_what_to_install(
    clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    clean.setitem(sys.modules, "trio", None)  # as if trio were not installed
    assert main(["auth", "check", "--backend", "trio"]) == 1
    assert "pip install 'luxsci-async[trio]'" in capsys.readouterr().err


# -- secrets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "variable"),
    [
        (["auth", "check", "--secret", SECRET_ON_ARGV], "LUXSCI_SECRET"),
        (["auth", "check", f"--secret={SECRET_ON_ARGV}"], "LUXSCI_SECRET"),
        (["--secret", SECRET_ON_ARGV, "auth", "check"], "LUXSCI_SECRET"),
        (["auth", "check", "--secret"], "LUXSCI_SECRET"),
        (["call", "getUser", "--user", "a@example.com", "--password", SECRET_ON_ARGV], "PASSWORD"),
        (["report", "delivery", f"--password={SECRET_ON_ARGV}"], "LUXSCI_PASSWORD"),
    ],
)
def test_secrets_on_the_command_line_are_refused(
    env: Emulator, capsys: pytest.CaptureFixture[str], argv: list[str], variable: str
) -> None:
    before = env.stats.requests
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert variable in err
    assert "not accepted on the command line" in err
    assert SECRET_ON_ARGV not in out + err
    assert env.stats.requests == before


def test_the_secret_is_prompted_for_on_a_terminal(
    env: Emulator, clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clean.delenv("LUXSCI_SECRET")
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return env.secret

    clean.setattr(_connect, "interactive", lambda: True)
    clean.setattr(click.termui, "hidden_prompt_func", answer)
    assert main(["auth", "check"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["scope"] == "account"
    assert prompts == ["API secret: "]
    assert env.secret not in out + err


def test_the_password_is_prompted_for_a_user_login(
    env: Emulator, clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    login, password = next(iter(env.users.items()))
    clean.delenv("LUXSCI_ACCOUNT")
    clean.setattr(_connect, "interactive", lambda: True)
    prompts: list[str] = []
    clean.setattr(click.termui, "hidden_prompt_func", lambda p: prompts.append(p) or password)
    assert main(["auth", "check", "--user", login]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "ok": True,
        "scope": "user",
        "base_url": env.base_url,
        "account": None,
        "user": login,
    }
    assert prompts == [f"Password for {login}: "]
    assert password not in out + err


def test_the_password_comes_from_the_environment_with_user_on_argv(
    env: Emulator, clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_prompt: None
) -> None:
    login, password = next(iter(env.users.items()))
    clean.delenv("LUXSCI_ACCOUNT")
    clean.setenv("LUXSCI_PASSWORD", password)
    assert main(["call", "getUser", "--user", login]) == 0
    assert json.loads(capsys.readouterr().out)["user"] == login


# -- configuration errors name the flag or variable ------------------------------------------


@pytest.mark.parametrize(
    ("unset", "argv", "named"),
    [
        (("ACCOUNT",), ["auth", "check"], ["--account", "LUXSCI_ACCOUNT", "LUXSCI_PASSWORD"]),
        (("TOKEN",), ["auth", "check"], ["--token", "LUXSCI_TOKEN"]),
        (("SECRET",), ["auth", "check"], ["LUXSCI_SECRET"]),
        (("TOKEN", "SECRET"), ["auth", "check"], ["--token", "LUXSCI_TOKEN", "LUXSCI_SECRET"]),
        ((), ["auth", "check", "--account", "12 34"], ["--account", "LUXSCI_ACCOUNT"]),
        ((), ["auth", "check", "--host", "a.example", "--base-url", "x"], ["--host", "--base-url"]),
        ((), ["auth", "check", "--base-url", "http://a.example"], ["--base-url"]),
        ((), ["auth", "check", "--host", "a/b"], ["--host", "LUXSCI_HOST"]),
        ((), ["auth", "check", "--token", " "], ["--token", "LUXSCI_TOKEN"]),
        (("ACCOUNT",), ["auth", "check", "--user", "a@example.com"], ["LUXSCI_PASSWORD"]),
        ((), ["call", "getUser"], ["--login", "--user"]),
    ],
)
def test_configuration_errors_name_the_flag_or_variable(
    env: Emulator,
    clean: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_prompt: None,
    unset: tuple[str, ...],
    argv: list[str],
    named: list[str],
) -> None:
    for name in unset:
        clean.delenv(f"LUXSCI_{name}")
    before = env.stats.requests
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("luxsci: error: ")
    assert err.count("\n") == 1
    for fragment in named:
        assert fragment in err
    assert env.secret not in err
    assert env.stats.requests == before  # refused before anything was sent


def test_password_variable_without_a_user_is_named(
    env: Emulator, clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_prompt: None
) -> None:
    clean.delenv("LUXSCI_ACCOUNT")
    clean.setenv("LUXSCI_PASSWORD", "x")
    assert main(["auth", "check"]) == 1
    err = capsys.readouterr().err
    assert "LUXSCI_PASSWORD" in err
    assert "--user" in err


def test_a_stray_password_contradicting_the_account_is_named(
    env: Emulator, clean: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_prompt: None
) -> None:
    clean.setenv("LUXSCI_USER", "a@example.com")
    clean.setenv("LUXSCI_PASSWORD", "x")
    assert main(["auth", "check"]) == 1
    err = capsys.readouterr().err
    assert "contradictory scope" in err
    assert "LUXSCI_ACCOUNT" in err


@pytest.mark.parametrize(
    ("message", "named"),
    [
        # Messages the core might word differently tomorrow: the names still get their flags.
        ("base_url must be https", "--base-url or LUXSCI_BASE_URL"),
        ("the account is unknown", "--account or LUXSCI_ACCOUNT"),
        ("timeout must be positive", "luxsci --help"),
    ],
)
def test_unforeseen_configuration_messages_still_point_somewhere(message: str, named: str) -> None:
    explained = _connect.explain(ConfigurationError(message))
    assert explained.startswith(message)
    assert named in explained
