"""Options every command shares, accepted before or after the command name.

Click gives each option to the command that declares it, so ``luxsci -v report`` and
``luxsci report -v`` would reach different commands. Each shared option is declared on the
group and on every command, and all copies record into one :class:`Options` object on the
root context; the one given last on the command line wins.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import click
from rich.console import Console

from ._display import stderr_console

F = TypeVar("F", bound=Callable[..., Any])

BACKENDS = ("asyncio", "trio")
SECRET_VARIABLES = {"secret": "LUXSCI_SECRET", "password": "LUXSCI_PASSWORD"}


@attrs.define
class Options:
    """What the shared options said (``None``: not given; the SDK reads ``LUXSCI_*``)."""

    verbose: bool = False
    backend: str | None = None
    token: str | None = None
    account: str | None = None
    user: str | None = None
    host: str | None = None
    base_url: str | None = None
    console: Console = attrs.field(factory=stderr_console, repr=False)
    """Where progress, logs and messages go (stderr)."""


def root_options(ctx: click.Context) -> Options:
    """The :class:`Options` of this invocation (made by the root command)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Options):
        root.obj = Options()
    return root.obj


def backend_of(options: Options) -> str:
    """The event loop to run on: ``--backend``, else ``LUXSCI_BACKEND``, else asyncio."""
    if options.backend is not None:
        return options.backend
    value = os.environ.get("LUXSCI_BACKEND") or "asyncio"
    if value not in BACKENDS:
        raise click.UsageError(
            f"LUXSCI_BACKEND must be one of {', '.join(BACKENDS)}, got {value!r}"
        )
    return value


def _record(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value is None or value is False:  # not given here: keep what an earlier copy recorded
        return value
    assert param.name is not None
    setattr(root_options(ctx), param.name, value)
    return value


def _refuse_secret(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value is None:
        return value
    assert param.name is not None
    variable = SECRET_VARIABLES[param.name]
    # The value is never repeated: it would land in logs or a terminal's scrollback.
    raise click.UsageError(
        f"--{param.name} is not accepted on the command line, where other users can see it "
        f"in the process list and it stays in shell history; set {variable} in the "
        "environment, or run in a terminal to be prompted for it",
        ctx=ctx,
    )


def _option(*names: str, **kwargs: Any) -> Callable[[F], F]:
    return click.option(*names, callback=_record, expose_value=False, **kwargs)


def common_options(f: F) -> F:
    """``-v/--verbose`` and ``--backend``: on the group and on every command."""
    f = _option(
        "--backend",
        type=click.Choice(BACKENDS),
        default=None,
        help="Event loop to run on [default: $LUXSCI_BACKEND or asyncio].",
    )(f)
    return _option(
        "-v",
        "--verbose",
        is_flag=True,
        default=False,
        help="Log every request on stderr (secrets, codes and signatures redacted).",
    )(f)


def connection_options(f: F) -> F:
    """The session settings (each defaults to its ``LUXSCI_*`` variable); secrets refused."""
    for name, metavar, text in reversed(
        [
            ("--token", "TOKEN", "The API integration's public token [default: $LUXSCI_TOKEN]."),
            (
                "--account",
                "CODE",
                "Numeric account code, for account scope [default: $LUXSCI_ACCOUNT].",
            ),
            (
                "--user",
                "LOGIN",
                "User login; without an account it selects user scope, the password "
                "coming from $LUXSCI_PASSWORD or a prompt [default: $LUXSCI_USER].",
            ),
            ("--host", "HOST", "The integration's API host [default: $LUXSCI_HOST]."),
            (
                "--base-url",
                "URL",
                "Full origin instead of --host, e.g. the emulator's [default: $LUXSCI_BASE_URL].",
            ),
        ]
    ):
        f = _option(name, metavar=metavar, default=None, help=text)(f)
    for name in ("--secret", "--password"):
        # Declared only to refuse them with a message that says what to do instead.
        f = click.option(
            name,
            hidden=True,
            is_flag=False,
            flag_value="",
            default=None,
            expose_value=False,
            callback=_refuse_secret,
        )(f)
    return f
