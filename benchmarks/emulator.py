"""The uvicorn-served emulator as a benchmark server, for contrast with the lean one.

``python -m benchmarks.emulator --rows N --latency MS [--no-cache]`` is
``python -m luxsci_async.testing`` with one change, on by default: synthetic report rows
are generated once and kept, so a page costs the server a list slice and an ``orjson``
dump instead of ~3 µs of Python per row. Without it the emulator, not the client, would
set the pace of every report pull (see README). Auth, signature checks, paging and the
envelope are the emulator's own, unchanged. ``python -m benchmarks --server emulator`` runs
the benchmarks against it (see ``benchmarks.servers``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any


def _memoize_rows() -> None:
    from luxsci_async.testing._reports import ReportData, ReportShape

    original = ReportData.rows_between
    kept: dict[tuple[int, int, int], list[list[Any]]] = {}

    def rows_between(self: ReportData, shape: ReportShape, start: int, stop: int) -> list[Any]:
        key = (shape.salt, self.seed, self.rows)
        rows = kept.get(key)
        if rows is None:
            rows = kept[key] = original(self, shape, 0, self.rows)
        return rows[start:stop]

    ReportData.rows_between = rows_between  # type: ignore[method-assign]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.emulator")
    parser.add_argument("--no-cache", action="store_true", help="generate rows per request")
    known, rest = parser.parse_known_args(argv)
    if not known.no_cache:
        _memoize_rows()
    from luxsci_async.testing.__main__ import main as serve

    return serve(rest)


if __name__ == "__main__":
    sys.exit(main())
