"""The progress line of the ``luxsci`` command: what it shows, and that it never wraps."""

from __future__ import annotations

import io
import logging

import pytest
from rich.console import Console

from luxsci_async.cli._display import ConsoleLogHandler, RowProgress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def progress(clock: Clock, label: str = "delivery") -> RowProgress:
    return RowProgress(Console(file=io.StringIO()), label, clock=clock)


def test_the_line_shows_rows_rate_elapsed_and_eta() -> None:
    clock = Clock()
    bar = progress(clock)
    bar.update(0, 100_000)
    clock.now += 42
    bar.update(42_000, 100_000)
    (line,) = bar.lines(80)
    assert line.startswith("delivery ━")
    assert line.endswith("42,000/100,000 rows 1,000 rows/s 0:00:42 ETA 0:00:58")
    assert len(line) == 80


def test_before_the_total_is_known_there_is_no_eta() -> None:
    clock = Clock()
    bar = progress(clock)
    clock.now += 3
    (line,) = bar.lines(80)
    assert line.endswith("0 rows 0 rows/s 0:00:03")
    assert "ETA" not in line


@pytest.mark.parametrize("width", [20, 40, 60, 79, 80, 81, 120, 300])
@pytest.mark.parametrize(
    ("done", "total", "label"),
    [
        (0, None, "delivery"),
        (41_000, 100_000, "delivery"),
        (12_345_678, 98_765_432, "smtp_failures"),
        (98_765_432, 98_765_432, "sent_webmail"),
    ],
)
def test_the_line_never_outgrows_its_width(
    width: int, done: int, total: int | None, label: str
) -> None:
    clock = Clock()
    bar = progress(clock, label)
    bar.update(0, total)
    clock.now += 61
    bar.update(done, total)
    lines = list(bar.lines(width))
    assert len(lines) == 1
    assert 0 < len(lines[0]) <= width
    if width >= 80:  # the figures are whole at 80 columns, however large
        assert f"{done:,}" in lines[0]
        assert "rows/s" in lines[0]
        assert total is None or "ETA" in lines[0]


def test_log_records_go_through_the_console_unwrapped() -> None:
    out = io.StringIO()
    handler = ConsoleLogHandler(Console(file=out, width=40))
    record = logging.LogRecord("luxsci_async", logging.DEBUG, "", 0, "GET /x " * 20, (), None)
    handler.emit(record)
    assert out.getvalue() == "GET /x " * 20 + "\n"  # one line, though wider than 40
