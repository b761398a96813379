"""Data on stdout (or a file): JSON documents, and report rows as CSV or JSON lines."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import IO, Any

import orjson

PIPE_CLOSED = 141
"""Exit status when the reader of stdout went away: 128 + SIGPIPE, as the shell shows a
command that a closed pipe stopped."""


def _default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dump_json(value: Any, out: IO[str] | None = None) -> None:
    """Write ``value`` as indented JSON and a newline (to stdout by default)."""
    out = sys.stdout if out is None else out
    out.write(orjson.dumps(value, default=_default, option=orjson.OPT_INDENT_2).decode() + "\n")
    out.flush()


def write_json_lines(rows: Sequence[Mapping[str, Any]], out: IO[str]) -> None:
    """Write each row as one JSON object per line."""
    dumps = orjson.dumps
    out.write("".join(dumps(dict(row), default=_default).decode() + "\n" for row in rows))


class RowWriter:
    """Writes report pages as CSV (the header once, from the first page) or JSON lines.

    Each page is flushed whole, so every row before a page's end is on disk (or in the
    pipe) once :meth:`page` returns: that is what makes the resume row exact.
    """

    def __init__(self, out: IO[str], fmt: str, *, header: bool) -> None:
        self.out = out
        self.fmt = fmt
        self.header = header
        self._csv = csv.writer(out) if fmt == "csv" else None

    def page(self, header: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
        """Write one page's rows (and, the first time, the CSV header)."""
        if self._csv is not None:
            if self.header:
                self._csv.writerow(header)
                self.header = False
            self._csv.writerows([row[column] for column in header] for row in rows)
        else:
            write_json_lines(rows, self.out)
        self.out.flush()


def silence_stdout() -> None:
    """After a closed pipe: point stdout at the null device.

    Python flushes stdout on the way out; into the closed pipe that would print "Exception
    ignored ... BrokenPipeError" after the command has already stopped quietly.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. captured by tests)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
