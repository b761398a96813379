"""Medians, ratios and checks: the printed table, ``latest.json`` and ``latest.md``."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LABELS = {
    "sdk": "SDK profile.get()",
    "sdk_rows": "SDK paginate() mapping rows",
    "sdk_typed": "SDK typed rows (reports.delivery)",
    "sdk_pages": "SDK pages()",
    "httpx2": "raw httpx2",
    "httpx2_dicts": "raw httpx2, one dict per row",
    "aiohttp": "raw aiohttp",
    "httpx": "raw httpx 0.28",
    "streams": "raw asyncio streams",
    "peer": "peer style (requests)",
    "sdk_aiohttp": "SDK on aiohttp, profile.get()",
    "sdk_rows_aiohttp": "SDK on aiohttp, paginate() mapping rows",
    "sdk_typed_aiohttp": "SDK on aiohttp, typed rows",
    "sdk_pages_aiohttp": "SDK on aiohttp, pages()",
}
BASELINES = ("httpx2", "aiohttp")
"""Every throughput is also given as a ratio to these two clients of the same scenario."""
THROUGHPUT = ("requests/s", "rows/s")
SERVER_SHARE_MAX = 0.2
"""The server must spend at most a fifth of the client's CPU, or it is what is measured."""
SDK_TARGETS = {"sdk": 0.9, "sdk_rows": 0.85, "sdk_typed": 0.65}
"""Goals for the SDK on its default transport, as a ratio to raw httpx2 (not yet all met)."""
SDK_AIOHTTP_TARGETS = {"sdk_aiohttp": 0.7, "sdk_rows_aiohttp": 0.7}
"""Goals for the SDK on ``http_backend="aiohttp"``, as a ratio to raw aiohttp."""
COLUMNS = ("scenario", "client", "metric", "median", "x httpx2", "x aiohttp", "check")


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.3g}"


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _check(
    scenario: str, client: str, metric: str, median: float, vs: float | None, vs_aio: float | None
) -> str:
    if metric == "server/client CPU":
        ok = median <= SERVER_SHARE_MAX
        return f"server <= {SERVER_SHARE_MAX} x client: {'ok' if ok else 'BROKEN'}"
    if metric in THROUGHPUT and client in SDK_TARGETS and vs is not None:
        goal = SDK_TARGETS[client]
        return f"goal >= {goal} x httpx2: {_verdict(vs >= goal)}"
    if metric in THROUGHPUT and client in SDK_AIOHTTP_TARGETS and vs_aio is not None:
        goal = SDK_AIOHTTP_TARGETS[client]
        return f"goal >= {goal} x aiohttp: {_verdict(vs_aio >= goal)}"
    if metric.startswith("RSS ratio") and client.startswith("sdk"):
        return f"<= 1.5: {_verdict(median <= 1.5)}"
    if scenario.startswith("4.") and client.startswith("sdk"):
        return f"== 1: {_verdict(median == 1)}"
    return ""


def build_rows(samples: dict[tuple[str, str, str], list[float]]) -> list[dict[str, Any]]:
    """One row per (scenario, client, metric): median of the runs and ratios to the baselines."""
    medians = {key: statistics.median(values) for key, values in samples.items()}
    rows: list[dict[str, Any]] = []
    for (scenario, client, metric), values in samples.items():
        median = medians[(scenario, client, metric)]
        ratios: dict[str, float | None] = {}
        for base in BASELINES:
            ref = medians.get((scenario, base, metric)) if metric in THROUGHPUT else None
            ratios[base] = median / ref if ref else None
        rows.append(
            {
                "scenario": scenario,
                "client": LABELS.get(client, client),
                "client_id": client,
                "metric": metric,
                "median": median,
                "runs": list(values),
                "vs_httpx2": ratios["httpx2"],
                "vs_aiohttp": ratios["aiohttp"],
                "check": _check(
                    scenario, client, metric, median, ratios["httpx2"], ratios["aiohttp"]
                ),
            }
        )
    rows.sort(key=lambda r: r["scenario"])  # stable: keeps the measured order within one
    return rows


def server_share_broken(rows: Sequence[dict[str, Any]]) -> list[str]:
    """``scenario / client`` of every measurement where the server took over a fifth."""
    return [
        f"{r['scenario']} / {r['client']}"
        for r in rows
        if r["metric"] == "server/client CPU" and r["median"] > SERVER_SHARE_MAX
    ]


def _cells(row: dict[str, Any]) -> list[str]:
    return [
        row["scenario"],
        row["client"],
        row["metric"],
        _fmt(row["median"]),
        _fmt(row["vs_httpx2"]),
        _fmt(row["vs_aiohttp"]),
        row["check"],
    ]


def text_table(rows: Sequence[dict[str, Any]]) -> str:
    cells = [list(COLUMNS)] + [_cells(r) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]
    numeric = {3, 4, 5}
    lines = []
    for n, line in enumerate(cells):
        parts = [
            c.rjust(w) if i in numeric and n else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths))
        ]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: Sequence[dict[str, Any]]) -> str:
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * 3 + "---:|" * 3 + "---|"]
    out += ["| " + " | ".join(_cells(r)) + " |" for r in rows]
    return "\n".join(out)


def environment() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def describe(meta: dict[str, Any]) -> str:
    """One sentence saying what a run was (for the table headers)."""
    env = meta["environment"]
    return (
        f"Median of {meta['repeats']} interleaved run(s); {meta['report_rows']:,}-row report; "
        f"{meta['server']} server ({meta['server_loop']}); Python {env['python']}, "
        f"{env['cpus']} CPUs; run {meta['started']} ({meta['seconds']:.0f} s). "
        "Ratios are measured in the same run."
    )


def write(rows: Sequence[dict[str, Any]], meta: dict[str, Any], json_path: Path) -> Path:
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps({"meta": meta, "rows": list(rows)}, indent=2) + "\n")
    md = json_path.with_suffix(".md")
    md.write_text(describe(meta) + "\n\n" + markdown_table(rows) + "\n")
    return md
