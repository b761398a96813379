"""What building typed report rows costs, and when they are built: ``python -m benchmarks.rows``.

No network: one page body of the emulator's delivery report is encoded once, then each
variant decodes it with ``orjson`` (the collector paused, as ``LuxSci.send`` does) and walks
its rows. CPU per row, median of interleaved runs, and the ratio to decoding alone:

- ``decode only``: the floor, no object per row (what the raw baseline does);
- ``Row mappings``: the SDK's generic rows (``RowList``, one ``Row`` made per row reached);
- ``typed, whole page first``: every ``DeliveryRow`` of the page built before the first is
  used (how the SDK built typed rows until the second session, with the GC paused);
- ``typed, when reached``: the SDK's ``TypedRowList``, one ``DeliveryRow`` per row reached.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import orjson

from luxsci_async._envelope import paused_gc
from luxsci_async._rows import build_rows, typed_row_iterator
from luxsci_async.models import DeliveryRow
from luxsci_async.testing._reports import ReportData, ReportShape

RUNS = 7


def _body(rows: int) -> tuple[bytes, tuple[str, ...]]:
    shape = ReportShape("delivery", DeliveryRow, "delivery")
    cells = ReportData(seed=1, rows=200_000).rows_between(shape, 0, rows)
    page = {"success": 1, "data": {"header": shape.header, "rows": cells, "total": 200_000}}
    return orjson.dumps(page), tuple(shape.header)


def _never(row: Any, exc: Exception) -> Any:
    raise exc


def _variants(body: bytes, header: tuple[str, ...]) -> dict[str, Callable[[], None]]:
    def decode() -> list[Any]:
        with paused_gc():
            cells: list[Any] = orjson.loads(body)["data"]["rows"]
        return cells

    def decode_only() -> None:
        for _ in decode():
            pass

    def mappings() -> None:
        for _ in build_rows(None, header, decode(), _never):
            pass

    def typed_page_first() -> None:
        cells = decode()
        with paused_gc():
            built = list(typed_row_iterator(DeliveryRow, header)(cells, _never))
        for _ in built:
            pass

    def typed_when_reached() -> None:
        for _ in build_rows(DeliveryRow, header, decode(), _never):
            pass

    return {
        "decode only": decode_only,
        "Row mappings": mappings,
        "typed, whole page first": typed_page_first,
        "typed, when reached": typed_when_reached,
    }


@contextmanager
def _cpu(samples: list[float]) -> Iterator[None]:
    started = time.process_time()
    yield
    samples.append(time.process_time() - started)


def measure(page_rows: int, runs: int = RUNS) -> dict[str, float]:
    """CPU µs per row of each variant for pages of ``page_rows`` rows (median of ``runs``)."""
    body, header = _body(page_rows)
    variants = _variants(body, header)
    repeat = max(1, 200_000 // page_rows)  # ~200,000 rows per sample whatever the page size
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for run in range(runs):
        names: Sequence[str] = list(variants)
        names = [*names[run % len(names) :], *names[: run % len(names)]]
        for name in names:
            gc.collect()
            with _cpu(samples[name]):
                for _ in range(repeat):
                    variants[name]()
    rows = page_rows * repeat
    return {name: statistics.median(s) / rows * 1e6 for name, s in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    for page_rows in (1_000, 50_000):
        result = measure(page_rows, args.runs)
        floor = result["decode only"]
        print(f"pages of {page_rows:,} rows (CPU per row, median of {args.runs})")
        for name, micros in result.items():
            print(f"  {name:26s} {micros:6.2f} µs   {micros / floor:5.2f}x decode only")


if __name__ == "__main__":
    main()
