"""What the command shows on stderr: a progress line that fits the terminal, and log lines.

Progress and logs share one rich console on stderr, so a log line printed during a report
appears above the progress line instead of breaking it; stdout stays for data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from types import TracebackType

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.progress import Progress, ProgressColumn, Task
from rich.progress_bar import ProgressBar
from rich.text import Text

_MIN_BAR = 8  # narrower than this, a bar says nothing: leave it out


def stderr_console() -> Console:
    """The console for progress, logs and messages: stderr, no markup or highlighting."""
    return Console(stderr=True, highlight=False, markup=False, emoji=False)


def say(console: Console, text: str) -> None:
    """Print one line on the console without markup, highlighting or hard wrapping."""
    console.print(text, markup=False, highlight=False, soft_wrap=True)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-:--:--"
    whole = max(0, int(seconds))
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class _Line:
    """One task as a single line, laid out for the width it is given.

    The figures (rows, rate, elapsed, ETA) are kept whole; the bar takes what is left, and
    is left out when too little is; the label goes before the figures are cut.
    """

    def __init__(self, task: Task) -> None:
        self.task = task

    def figures(self) -> str:
        task = self.task
        elapsed = task.finished_time if task.finished else task.elapsed
        rate = task.finished_speed or task.speed
        if rate is None and elapsed:
            rate = task.completed / elapsed
        rows = f"{int(task.completed):,}"
        rate_text = f"{rate or 0:,.0f} rows/s"
        if task.total is None:
            return f"{rows} rows {rate_text} {_clock(elapsed)}"
        # rich estimates only from recent updates; with slow pages, the average still serves.
        eta = 0.0 if task.finished else task.time_remaining
        if eta is None and rate:
            eta = (task.total - task.completed) / rate
        return f"{rows}/{int(task.total):,} rows {rate_text} {_clock(elapsed)} ETA {_clock(eta)}"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        figures = self.figures()
        label = str(self.task.description)
        room = width - len(figures)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        if label and len(label) < room:
            line.append(label + " ")
            room -= len(label) + 1
        bar_width = room - 1
        if bar_width >= _MIN_BAR:
            total = self.task.total
            bar = ProgressBar(
                total=total, completed=self.task.completed, width=bar_width, pulse=total is None
            )
            drawn = 0
            for segment in console.render(bar, options.update(width=bar_width, height=1)):
                if segment.text != "\n":
                    line.append(segment.text, segment.style)
                    drawn += segment.cell_length
            # Without colour, rich draws only the done part: pad so the figures stay put.
            line.append(" " * (bar_width - drawn + 1))
        line.append(figures)
        line.truncate(width, overflow="ellipsis")
        yield line


class _LineColumn(ProgressColumn):
    def render(self, task: Task) -> _Line:
        return _Line(task)


class RowProgress:
    """Rows done of a total, with rate, elapsed time and ETA, on one line of ``console``.

    On a terminal the line is redrawn in place; elsewhere (a pipe, a log file) it is printed
    once, when the progress stops.
    """

    def __init__(
        self, console: Console, label: str, *, clock: Callable[[], float] | None = None
    ) -> None:
        self._progress = Progress(
            _LineColumn(),
            console=console,
            expand=True,
            refresh_per_second=8,
            redirect_stdout=False,  # stdout carries data: never route it through the console
            redirect_stderr=False,
            get_time=clock,
        )
        self._task = self._progress.add_task(label, total=None)

    def __enter__(self) -> RowProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def stop(self) -> None:
        """Draw the last state and leave the line in place (safe to call twice)."""
        self._progress.stop()

    def update(self, done: int, total: int | None = None) -> None:
        """Set the rows done so far and, once known, the total."""
        self._progress.update(self._task, completed=done, total=total)

    @property
    def elapsed(self) -> float:
        """Seconds since the progress started."""
        task = self._progress.tasks[0]
        return (task.finished_time if task.finished else task.elapsed) or 0.0

    def lines(self, width: int) -> Iterator[str]:
        """The current line as plain text, laid out for ``width`` columns (for tests)."""
        console = Console(width=width, color_system=None, force_terminal=False)
        with console.capture() as capture:
            console.print(self._progress.get_renderable())
        yield from capture.get().splitlines()


class ConsoleLogHandler(logging.Handler):
    """Logging through the console, so records print above a live progress line."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        try:
            say(self.console, self.format(record))
        except Exception:  # logging must never break the command
            self.handleError(record)
