"""What the commands that talk to LuxSci do, once their options are read."""

from __future__ import annotations

import signal
import sys
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, ExitStack
from datetime import date, datetime
from typing import IO, Any

import anyio
import attrs
import click
from rich.console import Console

from .. import PaginationError, Report, Route, routes
from ._connect import open_session
from ._display import RowProgress
from ._internals import call_route
from ._options import Options
from ._output import RowWriter, dump_json, write_json_lines
from ._values import parse_params


class CommandError(click.ClickException):
    """A user-facing failure: one line on stderr, exit status 1."""


class Interrupted(Exception):
    """Ctrl-C stopped a report; every row before ``resume_row`` was written."""

    def __init__(self, resume_row: int) -> None:
        super().__init__(
            f"rows before {resume_row} are written; resume with --start-row {resume_row}"
        )
        self.resume_row = resume_row


async def until_interrupted(body: Callable[[], Awaitable[None]]) -> bool:
    """Run ``body``; Ctrl-C cancels it at its next ``await``. Returns whether it did.

    Taking SIGINT as an event (rather than as ``KeyboardInterrupt``, which may strike in the
    middle of writing a page) keeps every page written whole or not at all.
    """
    with ExitStack() as stack:
        try:
            signals = stack.enter_context(anyio.open_signal_receiver(signal.SIGINT))
        except NotImplementedError:  # no signal handlers on this platform's event loop
            await body()
            return False
        interrupted = False
        failure: Exception | None = None
        async with anyio.create_task_group() as tg:

            async def watch() -> None:
                nonlocal interrupted
                async for _ in signals:
                    interrupted = True
                    tg.cancel_scope.cancel()
                    return

            tg.start_soon(watch)
            try:
                await body()
            except Exception as exc:  # raised below, outside the task group, unwrapped
                failure = exc
            finally:
                tg.cancel_scope.cancel()
    if failure is not None:
        raise failure
    return interrupted


async def auth_check(options: Options) -> int:
    """Authenticate and print the scope, base URL, account and user as JSON."""
    async with open_session(options) as lux:
        await lux.authenticate()
        info = {
            "ok": True,
            "scope": lux.scope,
            "base_url": lux.base_url,
            "account": lux.account_code,
            "user": lux.username,
        }
    dump_json(info)
    return 0


def find_route(operation_id: str) -> Route:
    """The route of the table with this operation id, or a :class:`CommandError`."""
    if operation_id not in routes:
        import difflib

        close = difflib.get_close_matches(operation_id, [r.operation_id for r in routes], 3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise CommandError(f"unknown operation {operation_id!r}; {hint}(see `luxsci routes`)")
    route = routes[operation_id]
    if route.scope == "auth":
        raise CommandError("authentication is handled by the session; see `luxsci auth check`")
    return route


async def call(
    options: Options, operation_id: str, items: tuple[str, ...], login: str | None
) -> int:
    """Call one route; print its data as JSON (a paged report: one JSON object per row)."""
    route = find_route(operation_id)
    try:
        values = parse_params(route.params, items)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    async with open_session(options) as lux:
        result = await call_route(lux, route, values, login)
        if isinstance(result, Report):
            async for page in result.pages():
                write_json_lines(page.rows, sys.stdout)
                sys.stdout.flush()
            return 0
    dump_json(result)
    return 0


def report_names() -> list[str]:
    """Every report of the route table, account or user scope."""
    return sorted({r.name for r in routes if r.report is not None})


def _report_route(scope: str, name: str) -> Route:
    found = {r.name: r for r in routes if r.scope == scope and r.report is not None}
    if name not in found:
        raise CommandError(
            f"{name!r} is not a {scope} report; choose from {', '.join(sorted(found))}"
        )
    return found[name]


@attrs.define(kw_only=True)
class ReportRequest:
    """The options of ``luxsci report``."""

    name: str
    from_date: datetime | date
    through_date: datetime | date
    source: str = "smtp"
    fmt: str = "csv"
    out: str | None = None
    start_row: int = 0
    page_size: int | None = None
    concurrency: int | None = None
    login: str | None = None


def _named_flag(exc: ValueError) -> Exception:
    """The SDK's ``page_size: ...`` (and the like) told as the flag that sets it."""
    message = str(exc)
    for field in ("page_size", "concurrency", "start_row"):
        if message.startswith(f"{field}:"):
            return CommandError(f"--{field.replace('_', '-')}{message[len(field) :]}")
    return exc


def _open_output(stack: AsyncExitStack, path: str | None, append: bool) -> IO[str]:
    if path is None:
        return sys.stdout
    try:
        # The command owns its event loop: blocking page-sized writes to a file are fine.
        handle = open(path, "a" if append else "w", newline="", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise CommandError(f"--out: cannot write {path}: {exc.strerror}") from None
    return stack.enter_context(handle)


async def report(options: Options, console: Console, job: ReportRequest) -> int:
    """Stream a report to stdout or a file, with progress on the console.

    Raises:
        CommandError: a page failed after retries (the message says where to resume).
        Interrupted: Ctrl-C stopped the pull (it knows where to resume).
    """
    start = job.start_row
    written = start
    async with AsyncExitStack() as stack:
        lux = await stack.enter_async_context(open_session(options))
        route = _report_route("user" if lux.scope == "user" or job.login else "account", job.name)
        values: dict[str, Any] = {"from_date": job.from_date, "through_date": job.through_date}
        if any(p.name == "source" for p in route.path_params):
            values["source"] = job.source
        try:
            pull = await call_route(
                lux,
                route,
                values,
                job.login,
                page_size=job.page_size,
                concurrency=job.concurrency,
                start_row=start,
            )
        except ValueError as exc:
            raise _named_flag(exc) from None
        if not isinstance(pull, Report):  # every route `_report_route` picks is paged
            raise TypeError(f"{route.operation_id} is not a paged report")
        writer = RowWriter(
            _open_output(stack, job.out, append=start > 0), job.fmt, header=start == 0
        )
        progress = stack.enter_context(RowProgress(console, job.name))

        async def pages() -> None:
            nonlocal written
            async for page in pull.pages():
                writer.page(page.header, page.rows)
                written = page.next_row
                progress.update(written - start, page.total - start)

        try:
            interrupted = await until_interrupted(pages)
        except PaginationError as exc:
            progress.stop()
            raise CommandError(
                f"{exc.__cause__ or exc}; rows before {exc.resume_row} are written: "
                f"resume with --start-row {exc.resume_row}"
            ) from None
    if interrupted:
        raise Interrupted(written)
    return 0
