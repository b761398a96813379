"""The ``luxsci`` command: try the SDK, call any route, stream reports.

Results go to stdout (JSON, CSV or JSON lines) so they can be piped; progress, logs and
errors go to stderr. Errors are one line and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
from collections.abc import Callable, Coroutine, Sequence
from contextlib import ExitStack
from datetime import UTC, date, datetime
from typing import IO, Any

import anyio
import orjson

from . import __version__
from ._pagination import Report
from ._progress import Progress
from ._routes.prepare import prepare
from ._routes.spec import Param, Route
from ._routes.table import ROUTES
from ._session import LuxSci
from .errors import LuxSciError, PaginationError
from .models import Job

EXIT_ERROR = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


# -- value parsing ------------------------------------------------------------------------


def parse_datetime(text: str) -> datetime | date:
    """``YYYY-MM-DD`` (a date) or ``YYYY-MM-DD HH:MM:SS`` / ISO 8601 (UTC unless offset)."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(
            f"not a date: {text!r} (use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _date_argument(text: str) -> datetime | date:
    # argparse reports an ArgumentTypeError as a usage error; a CommandError would escape.
    try:
        return parse_datetime(text)
    except CommandError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_param(param: Param, text: str) -> Any:
    """Turn ``key=value`` text into the parameter's type."""
    kind = param.kind
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            if text.lower() not in ("1", "0", "true", "false", "yes", "no"):
                raise ValueError(text)
            return text.lower() in ("1", "true", "yes")
        if kind == "datetime":
            return parse_datetime(text)
        if kind == "str_list":
            return [item.strip() for item in text.split(",") if item.strip()]
        if kind in ("mapping", "any"):
            try:
                return orjson.loads(text)
            except orjson.JSONDecodeError:
                if kind == "mapping":
                    raise
                return text
    except ValueError:
        raise CommandError(f"{param.name}: cannot read {text!r} as {kind}") from None
    return text


# -- sessions -----------------------------------------------------------------------------


def _session(args: argparse.Namespace) -> LuxSci:
    return LuxSci(
        token=args.token,
        secret=args.secret,
        account=args.account,
        user=args.user,
        password=args.password,
        host=args.host,
        base_url=args.base_url,
    )


def _scope_values(lux: LuxSci, route: Route, login: str | None) -> dict[str, str]:
    if route.scope == "account":
        return dict(lux.account._values)
    return dict(lux.user(login)._values)


def _dump(value: Any, out: IO[str]) -> None:
    from ._convert import unstructure

    out.write(orjson.dumps(unstructure(value), option=orjson.OPT_INDENT_2).decode() + "\n")


# -- commands -----------------------------------------------------------------------------


async def cmd_auth_check(args: argparse.Namespace) -> int:
    async with _session(args) as lux:
        await lux.authenticate()
        info = {
            "ok": True,
            "scope": lux.scope,
            "base_url": lux.base_url,
            "account": lux.account_code,
            "user": lux.username,
        }
    _dump(info, sys.stdout)
    return 0


def cmd_routes(args: argparse.Namespace) -> int:
    selected = [
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
        for r in ROUTES
        if (args.group is None or r.group == args.group)
        and (args.scope is None or r.scope == args.scope)
    ]
    _dump(selected, sys.stdout)
    return 0


async def cmd_call(args: argparse.Namespace) -> int:
    if args.operation_id not in ROUTES:
        raise CommandError(f"unknown operation {args.operation_id!r} (see `luxsci routes`)")
    route = ROUTES[args.operation_id]
    if route.scope == "auth":
        raise CommandError("authentication is handled by the session; see `luxsci auth check`")
    params = {p.name: p for p in route.params}
    values: dict[str, Any] = {}
    for item in args.params:
        key, sep, text = item.partition("=")
        if not sep or key not in params:
            known = ", ".join(params) or "none"
            raise CommandError(f"expected key=value with key one of: {known}; got {item!r}")
        values[key] = parse_param(params[key], text)
    async with _session(args) as lux:
        request = prepare(route, _scope_values(lux, route, args.login), values)
        if route.report is not None:
            report: Report[Any] = Report(lux._pipeline, request, None, scope_values={})
            async for row in report:
                sys.stdout.write(orjson.dumps(dict(row)).decode() + "\n")
            return 0
        data = await lux._pipeline.call(request)
    _dump(data, sys.stdout)
    return 0


class _RowWriter:
    """Writes generic rows as CSV or JSON lines; the CSV header once, from the first page."""

    def __init__(self, out: IO[str], fmt: str, *, header: bool) -> None:
        self.out = out
        self.fmt = fmt
        self.header = header
        self._csv = csv.writer(out) if fmt == "csv" else None

    def page(self, header: Sequence[str], rows: Sequence[Any]) -> None:
        if self._csv is not None:
            if self.header:
                self._csv.writerow(header)
                self.header = False
            self._csv.writerows(row._values for row in rows)
        else:
            dumps = orjson.dumps
            self.out.write("".join(dumps(dict(row)).decode() + "\n" for row in rows))
        self.out.flush()


async def cmd_report(args: argparse.Namespace) -> int:
    scope = "user" if args.login or args.password else "account"
    routes = {r.name: r for r in ROUTES if r.scope == scope and r.report is not None}
    if args.name not in routes:
        raise CommandError(f"unknown {scope} report {args.name!r}; choose from {sorted(routes)}")
    route = routes[args.name]
    values: dict[str, Any] = {"from_date": args.from_date, "through_date": args.through_date}
    if any(p.name == "source" for p in route.path_params):
        values["source"] = args.source
    with ExitStack() as stack:
        if args.out:
            mode = "a" if args.start_row else "w"
            # The CLI owns its event loop; blocking page-sized writes to a local file are fine.
            handle = open(args.out, mode, newline="", encoding="utf-8")  # noqa: ASYNC230, SIM115
            out: IO[str] = stack.enter_context(handle)
        else:
            out = sys.stdout
        writer = _RowWriter(out, args.format, header=args.start_row == 0)
        progress = Progress(args.name)
        async with _session(args) as lux:
            request = prepare(route, _scope_values(lux, route, args.login), values)
            report: Report[Any] = Report(
                lux._pipeline, request, None, page_size=args.page_size, start_row=args.start_row
            )
            written = args.start_row
            try:
                async for page in report.pages():
                    writer.page(page.header, page.rows)
                    written = page.next_row
                    progress.update(written - args.start_row, page.total - args.start_row)
            except PaginationError as exc:
                progress.finish()
                raise CommandError(
                    f"{exc.__cause__ or exc}; rows before {exc.resume_row} are written: "
                    f"resume with --start-row {exc.resume_row}"
                ) from None
        progress.finish()
    return 0


async def cmd_demo(args: argparse.Namespace) -> int:
    from .testing import Emulator

    err = sys.stderr
    err.write(f"Starting the embedded LuxSci emulator ({args.rows:,} report rows)...\n")
    with Emulator(rows=args.rows, seed=args.seed, job_seconds=1.0) as emu:
        err.write(f"Emulator at {emu.base_url}, account {emu.account}\n")
        async with emu.client() as lux:
            await lux.authenticate()
            err.write("Authenticated (account scope).\n")
            users = await lux.account.users.list()
            err.write(f"Users: {', '.join(u.user or '?' for u in users)}\n")
            domain = (users[0].user or "x@example.com").split("@")[-1]
            await lux.account.aliases.create(
                user="demo-alias", domain=domain, action="email", dest=users[0].user
            )
            aliases = await lux.account.aliases.list()
            await lux.account.aliases.delete(f"demo-alias@{domain}")
            err.write(f"Created and deleted alias demo-alias@{domain} ({len(aliases)} aliases)\n")
            report = lux.account.reports.delivery(
                "smtp",
                from_date=date(2024, 1, 1),
                through_date=datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC),
                page_size=args.page_size,
            )
            progress = Progress("delivery report")
            rows = 0
            async for page in report.pages():
                rows += len(page.rows)
                progress.update(rows, page.total)
            progress.finish()
            pull_seconds = progress.elapsed
            handle = await report.export(
                destination="sftp", destination_hostname="files.example", matches=rows
            )

            def job_progress(j: Job) -> None:
                status = j.status.value if j.status else "?"
                done, expected = j.completed_rows or 0, j.expected_rows or 0
                err.write(f"export job {j.job_id}: {status} {done:,}/{expected:,} rows\n")

            job = await handle.wait(poll_interval=0.25, progress=job_progress)
            stats = lux.stats
        err.write("Auth code revoked, session closed.\n")
    rate = rows / pull_seconds if pull_seconds else 0.0
    status = job.status.value if job.status else "?"
    sys.stdout.write(
        f"Summary: {rows:,} rows in {pull_seconds:.2f} s ({rate:,.0f} rows/s), "
        f"{stats.requests} requests, {stats.retries} retries, "
        f"{stats.auth_requests} auth request(s); export job {job.job_id} {status}\n"
    )
    return 0


def run_emulator(argv: Sequence[str]) -> int:
    """``luxsci emulator ...``: the emulator owns its flags (``--port``, ``--rows``, ...)."""
    from .testing.__main__ import main as serve

    return serve(argv, prog="luxsci emulator")


# -- argument parsing ---------------------------------------------------------------------


def _connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection (default: LUXSCI_* environment variables)")
    group.add_argument("--token")
    group.add_argument("--secret")
    group.add_argument("--account")
    group.add_argument("--user", help="user login (user scope with --password)")
    group.add_argument("--password")
    group.add_argument("--host")
    group.add_argument("--base-url")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="luxsci", description="The LuxSci REST API v2 from the shell."
    )
    parser.add_argument("--version", action="version", version=f"luxsci_async {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log requests on stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="run a workflow against the embedded emulator")
    demo.add_argument("--rows", type=int, default=100_000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--page-size", type=int, default=10_000)
    demo.set_defaults(run=cmd_demo)

    # Listed for --help only: main() passes `luxsci emulator ...` on before parsing.
    sub.add_parser("emulator", help="serve the emulator on loopback (--port, --rows, ...)")

    auth = sub.add_parser("auth", help="authentication")
    auth_sub = auth.add_subparsers(dest="auth_command", required=True, metavar="ACTION")
    check = auth_sub.add_parser("check", help="authenticate and report scope and host")
    _connection_options(check)
    check.set_defaults(run=cmd_auth_check)

    report = sub.add_parser("report", help="stream a report to a file or stdout")
    report.add_argument("name", help="delivery, clicks, opens, fbl, suppressions, sent_smtp, ...")
    report.add_argument("--from", dest="from_date", type=_date_argument, required=True)
    report.add_argument("--through", dest="through_date", type=_date_argument, required=True)
    report.add_argument("--source", choices=("smtp", "webmail"), default="smtp")
    report.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    report.add_argument("--out", help="file to write (appended to when --start-row > 0)")
    report.add_argument("--start-row", type=int, default=0, help="resume from this row")
    report.add_argument("--page-size", type=int, default=None)
    report.add_argument("--login", help="a user login: pull that user's report")
    _connection_options(report)
    report.set_defaults(run=cmd_report)

    call = sub.add_parser("call", help="call any route of the route table; JSON output")
    call.add_argument("operation_id")
    call.add_argument("params", nargs="*", metavar="key=value")
    call.add_argument("--login", help="the user for user-scope routes (default: --user)")
    _connection_options(call)
    call.set_defaults(run=cmd_call)

    routes = sub.add_parser("routes", help="list the route table; JSON output")
    routes.add_argument("--group")
    routes.add_argument("--scope", choices=("account", "user", "auth"))
    routes.set_defaults(run=cmd_routes)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``luxsci`` command."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["emulator"]:
        # Passed on whole: argparse would not hand "--port ..." (or "--help") to a subcommand
        # that keeps its flags elsewhere.
        return run_emulator(arguments[1:])
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
        logging.getLogger("luxsci_async").addHandler(handler)
        logging.getLogger("luxsci_async").setLevel(logging.DEBUG)
    run: Callable[[argparse.Namespace], Any] = args.run
    try:
        result = run(args)
        if isinstance(result, Coroutine):
            coroutine = result
            result = anyio.run(lambda: coroutine)
        return int(result)
    except CommandError as exc:
        sys.stderr.write(f"luxsci: error: {exc}\n")
    except (LuxSciError, ValueError, TypeError, OSError) as exc:
        sys.stderr.write(f"luxsci: error: {type(exc).__name__}: {exc}\n")
    except KeyboardInterrupt:
        sys.stderr.write("luxsci: interrupted\n")
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
