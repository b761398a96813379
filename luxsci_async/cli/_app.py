"""The ``luxsci`` commands and their options, declared with click."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import click

from .. import __version__, routes
from ._commands import ReportRequest, auth_check, call, report, report_names
from ._display import ConsoleLogHandler
from ._options import Options, backend_of, common_options, connection_options, root_options
from ._output import PIPE_CLOSED, dump_json, silence_stdout
from ._values import date_option

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
_LOGGER = "luxsci_async"


class _Command(click.Command):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # The reader of stdout went away (`luxsci report ... | head`): stop quietly, as
            # a command stopped by SIGPIPE would (click itself would make it exit 1).
            silence_stdout()
            raise click.exceptions.Exit(PIPE_CLOSED) from None


class _Group(click.Group):
    command_class = _Command


_Group.group_class = _Group


def run(ctx: click.Context, command: Callable[[Options], Awaitable[int]]) -> int:
    """Run one async command on the chosen event loop, logging on stderr if asked."""
    options = root_options(ctx)
    logger = logging.getLogger(_LOGGER)
    handler: logging.Handler | None = None
    level = logger.level
    if options.verbose:
        handler = ConsoleLogHandler(options.console)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    backend = backend_of(options)
    if backend == "trio" and importlib.util.find_spec("trio") is None:
        raise click.ClickException("--backend trio needs trio: pip install 'luxsci-async[trio]'")
    try:
        return anyio.run(command, options, backend=backend)
    finally:
        if handler is not None:
            logger.removeHandler(handler)
            logger.setLevel(level)


@click.group(
    cls=_Group,
    context_settings=CONTEXT,
    epilog="Secrets never go on the command line: the API secret comes from LUXSCI_SECRET "
    "and a user's password from LUXSCI_PASSWORD, or from a prompt on a terminal. "
    "Options may come before or after the command name.",
)
@click.version_option(
    __version__, "--version", prog_name="luxsci_async", message="%(prog)s %(version)s"
)
@common_options
@connection_options
def app() -> None:
    """The LuxSci REST API v2 from the shell.

    Data goes to stdout (JSON, CSV or JSON lines); progress, logs and errors to stderr.
    """


@app.command(context_settings=CONTEXT, short_help="Try the SDK against the embedded emulator.")
@click.option(
    "--rows",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="Rows in the emulator's reports.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of the emulator's data.")
@click.option(
    "--page-size",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Rows per report request.",
)
@common_options
@click.pass_context
def demo(ctx: click.Context, rows: int, seed: int, page_size: int) -> int:
    """Run a workflow against the embedded emulator (no account, no network)."""
    from ._demo import demo as run_demo

    return run(ctx, lambda o: run_demo(o.console, rows=rows, seed=seed, page_size=page_size))


@app.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
    short_help="Serve the emulator on loopback until Ctrl-C.",
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def emulator(args: tuple[str, ...]) -> int:
    """Serve the emulator on loopback until Ctrl-C (flags: luxsci emulator --help)."""
    from ..testing.__main__ import main as serve

    try:
        return serve(list(args), prog="luxsci emulator")
    except SystemExit as exc:  # argparse's --help and usage errors
        return exc.code if isinstance(exc.code, int) else 2


@app.group(context_settings=CONTEXT)
@common_options
@connection_options
def auth() -> None:
    """Authentication."""


@auth.command("check", context_settings=CONTEXT)
@common_options
@connection_options
@click.pass_context
def auth_check_command(ctx: click.Context) -> int:
    """Authenticate; print the scope, base URL, account and user as JSON (never a secret)."""
    return run(ctx, auth_check)


@app.command(
    "report",
    context_settings=CONTEXT,
    short_help="Stream a report as CSV or JSON lines, with progress.",
    help=f"""Stream the report NAME to stdout or a file, with progress on stderr.

    NAME is one of: {", ".join(report_names())} (a user's report with --login or a
    user-scope session).

    Ctrl-C stops it and prints the --start-row to resume from.
    """,
)
@click.argument("name", type=click.Choice(report_names()), metavar="NAME")
@click.option(
    "--from",
    "from_date",
    metavar="DATE",
    callback=date_option,
    required=True,
    help="Start: YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (UTC unless an offset is given).",
)
@click.option(
    "--through",
    "through_date",
    metavar="DATE",
    callback=date_option,
    required=True,
    help="End, inclusive: YYYY-MM-DD (the whole day) or YYYY-MM-DD HH:MM:SS.",
)
@click.option(
    "--source",
    type=click.Choice(["smtp", "webmail"]),
    default="smtp",
    show_default=True,
    help="Messages sent by SMTP/API or from WebMail, for reports that have a source.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="CSV with a header row, or one JSON object per line.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write instead of stdout (appended to when --start-row > 0).",
)
@click.option(
    "--start-row",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Resume from this row (the value an interrupted or failed run printed).",
)
@click.option(
    "--page-size",
    type=click.IntRange(min=1),
    default=None,
    help="Rows per request [default: 2000].",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=None,
    help="Pages requested at once [default: 8].",
)
@click.option("--login", metavar="LOGIN", default=None, help="Pull this user's report instead.")
@common_options
@connection_options
@click.pass_context
def report_command(ctx: click.Context, /, **kwargs: Any) -> int:
    """Stream the report NAME to stdout or a file, with progress on stderr."""
    job = ReportRequest(**kwargs)
    return run(ctx, lambda o: report(o, o.console, job))


@app.command("call", context_settings=CONTEXT, short_help="Call any route; JSON output.")
@click.argument("operation_id")
@click.argument("params", nargs=-1, metavar="[KEY=VALUE]...")
@click.option(
    "--login",
    metavar="LOGIN",
    default=None,
    help="The user of a user-scope route [default: the session's --user].",
)
@common_options
@connection_options
@click.pass_context
def call_command(
    ctx: click.Context, operation_id: str, params: tuple[str, ...], login: str | None
) -> int:
    """Call any route by OPERATION_ID (see `luxsci routes`); print its data as JSON.

    Values are read by the parameter's kind: numbers, true/false, dates as for `report`,
    comma-separated lists, JSON for mappings. A paged report prints one JSON object per row.
    """
    return run(ctx, lambda o: call(o, operation_id, params, login))


@app.command("routes", context_settings=CONTEXT)
@click.option("--group", default=None, help="Only this resource group (e.g. aliases).")
@click.option(
    "--scope", type=click.Choice(["account", "user", "auth"]), default=None, help="Only this scope."
)
@common_options
def routes_command(group: str | None, scope: str | None) -> int:
    """List the route table as JSON."""
    dump_json(
        [
            {
                "operation_id": r.operation_id,
                "scope": r.scope,
                "group": r.group,
                "name": r.name,
                "method": r.method,
                "path": r.path,
                "paginated": r.paginated,
                "summary": r.summary,
            }
            for r in routes
            if (group is None or r.group == group) and (scope is None or r.scope == scope)
        ]
    )
    return 0
