"""The session the command talks through: settings from flags, environment and prompts.

Secrets (the API secret, a user's password) come only from the environment or, on a
terminal, a prompt that does not echo. The SDK's configuration errors speak of keyword
arguments (``account``, ``base_url``); here they are told in terms of the flags and
variables that fix them.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping

import click

from .. import ConfigurationError, LuxSci
from ._options import Options

_SCOPE_HELP = (
    "give --account (or LUXSCI_ACCOUNT) for account scope, or --user (or LUXSCI_USER) "
    "with LUXSCI_PASSWORD for user scope"
)
_SOURCES: Mapping[str, str] = {
    "token": "--token or LUXSCI_TOKEN",
    "secret": "LUXSCI_SECRET (or answer the prompt on a terminal)",
    "account": "--account or LUXSCI_ACCOUNT",
    "user": "--user or LUXSCI_USER",
    "password": "LUXSCI_PASSWORD (or answer the prompt on a terminal)",
    "host": "--host or LUXSCI_HOST",
    "base_url": "--base-url or LUXSCI_BASE_URL",
    "login": "--login",
}


def _missing(match: re.Match[str]) -> str:
    names = match.group(1).split(" and ")
    return f"missing {' and '.join(names)}: set {'; '.join(_SOURCES[n] for n in names)}"


_REWRITES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"^((?:token|secret)(?: and (?:token|secret))?) required"), _missing),
    (re.compile(r"^no scope\b"), lambda _: f"no scope: {_SCOPE_HELP}"),
    (
        re.compile(r"^contradictory scope\b"),
        lambda _: f"contradictory scope: {_SCOPE_HELP}, not both",
    ),
    (
        re.compile(r"^password given without user"),
        lambda _: "LUXSCI_PASSWORD is set but no user: give --user (or LUXSCI_USER), or unset it",
    ),
    (
        re.compile(r"^give either host or base_url"),
        lambda _: "give either --host (LUXSCI_HOST) or --base-url (LUXSCI_BASE_URL), not both",
    ),
    (
        re.compile(r"^account endpoints need an account-scope session"),
        lambda _: "this needs an account-scope session: give --account (or LUXSCI_ACCOUNT)",
    ),
    (
        re.compile(r"^no user: pass a login"),
        lambda _: "this needs a user: give --login, or --user (or LUXSCI_USER)",
    ),
    (
        re.compile(r"^a user-scope session acts only for .*"),
        lambda m: f"{m.group(0)}: give --login only for the session's own user, or drop it",
    ),
)


def explain(exc: ConfigurationError) -> str:
    """The error's message told in flags and environment variables."""
    message = str(exc)
    for pattern, rewrite in _REWRITES:
        match = pattern.search(message)
        if match:
            return rewrite(match)
    named = [source for name, source in _SOURCES.items() if re.search(rf"\b{name}\b", message)]
    if not named:
        return f"{message} (see the connection options: luxsci --help)"
    return f"{message} (set with {'; '.join(named)})"


def interactive() -> bool:
    """Whether a person can answer a prompt (stdin and stderr are terminals)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def _secret_from(env: Mapping[str, str], name: str, prompt: str) -> str | None:
    value = env.get(name) or None
    if value is None and interactive():
        value = click.prompt(prompt, hide_input=True, err=True, default="", show_default=False)
    return value or None


def open_session(options: Options, env: Mapping[str, str] | None = None) -> LuxSci:
    """A :class:`LuxSci` from the shared options, ``LUXSCI_*`` variables and prompts.

    Raises:
        click.ClickException: user scope without a password to use.
        luxsci_async.ConfigurationError: other settings are missing or invalid (see
            :func:`explain`).
    """
    env = os.environ if env is None else env
    given = options.account is not None or options.user is not None
    # As in the SDK, the scope settings come all from flags or all from the environment.
    account = options.account if given else env.get("LUXSCI_ACCOUNT") or None
    user = options.user if given else env.get("LUXSCI_USER") or None
    password: str | None = None
    if account is None and user is not None:
        password = _secret_from(env, "LUXSCI_PASSWORD", f"Password for {user}")
        if password is None:
            raise click.ClickException(
                f"user scope needs the password of {user}: set LUXSCI_PASSWORD (or run in a "
                "terminal to be prompted), or give --account (or LUXSCI_ACCOUNT) for account scope"
            )
    elif account is None or not given:
        # Left to the SDK to check: a stray LUXSCI_PASSWORD contradicts the account.
        password = env.get("LUXSCI_PASSWORD") or None
    secret = env.get("LUXSCI_SECRET") or None
    if secret is None and (options.token or env.get("LUXSCI_TOKEN")):
        secret = _secret_from(env, "LUXSCI_SECRET", "API secret")
    return LuxSci(
        token=options.token,
        secret=secret,
        account=account,
        user=user,
        password=password,
        host=options.host,
        base_url=options.base_url,
    )
