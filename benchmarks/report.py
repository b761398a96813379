"""Medians, ratios and targets: the printed table, ``latest.json`` and ``latest.md``."""

from __future__ import annotations

import json
import platform
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LABELS = {
    "sdk": "SDK",
    "raw": "raw",
    "peer": "peer",
    "sdk_pages": "SDK pages()",
    "sdk_rows": "SDK rows (mappings)",
    "sdk_typed": "SDK typed rows",
    "raw_pages": "raw pages",
    "raw_rows": "raw dict per row",
    "emulator": "emulator",
}
RAW_OF = {"sdk": "raw", "sdk_pages": "raw_pages", "sdk_rows": "raw_pages", "sdk_typed": "raw_pages"}
"""The raw counterpart of each SDK client (the issue measures every SDK pull against raw pages)."""
PULL_TARGETS = {"sdk_pages": 0.9, "sdk_rows": 0.8, "sdk_typed": 0.6}
COLUMNS = ("scenario", "client", "metric", "median", "SDK/raw", "SDK/peer", "target")


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.3g}"


def _target(scenario: str, client: str, metric: str, median: float, ratio: float | None) -> str:
    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    c8_get = scenario.startswith("1.") and "concurrency 8" in scenario and client == "sdk"
    if c8_get and metric == "requests/s" and ratio is not None:
        return f"SDK/raw >= 0.9: {verdict(ratio >= 0.9)}"
    pull = scenario.startswith(("2.", "3.")) and metric == "rows/s"
    if pull and client in PULL_TARGETS and ratio is not None:
        goal = PULL_TARGETS[client]
        return f"SDK/raw >= {goal}: {verdict(ratio >= goal)}"
    if scenario.startswith("2m.") and metric.startswith("RSS ratio") and client.startswith("sdk"):
        return f"<= 1.5: {verdict(median <= 1.5)}"
    if scenario.startswith("4.") and client == "sdk":
        return f"== 1: {verdict(median == 1)}"
    return ""


def build_rows(samples: dict[tuple[str, str, str], list[float]]) -> list[dict[str, Any]]:
    medians = {key: statistics.median(values) for key, values in samples.items()}
    rows = []
    for (scenario, client, metric), values in samples.items():
        median = medians[(scenario, client, metric)]
        raw = medians.get((scenario, RAW_OF.get(client, ""), metric))
        peer = medians.get((scenario, "peer", metric))
        per_raw = median / raw if raw and client.startswith("sdk") else None
        per_peer = median / peer if peer and client.startswith("sdk") else None
        if scenario.startswith(("2m.", "4.")):
            per_raw = per_peer = None  # counts and memory ratios: compare the values directly
        target = _target(scenario, client, metric, median, per_raw)
        if client == "raw_rows" and metric == "rows/s":
            pages = medians.get((scenario, "raw_pages", metric))
            if pages:
                target = f"(raw rows / raw pages = {median / pages:.2f})"
        rows.append(
            {
                "scenario": scenario,
                "client": LABELS.get(client, client),
                "client_id": client,
                "metric": metric,
                "median": median,
                "runs": list(values),
                "sdk_per_raw": per_raw,
                "sdk_per_peer": per_peer,
                "target": target,
            }
        )
    rows.sort(key=lambda r: r["scenario"])  # stable: keeps the measured order within one
    return rows


def _cells(row: dict[str, Any]) -> list[str]:
    return [
        row["scenario"],
        row["client"],
        row["metric"],
        _fmt(row["median"]),
        _fmt(row["sdk_per_raw"]),
        _fmt(row["sdk_per_peer"]),
        row["target"],
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
    import os

    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def write(rows: Sequence[dict[str, Any]], meta: dict[str, Any], json_path: Path) -> Path:
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps({"meta": meta, "rows": list(rows)}, indent=2) + "\n")
    md = json_path.with_suffix(".md")
    header = (
        f"Median of {meta['repeats']} interleaved run(s); {meta['report_rows']:,}-row report; "
        f"Python {meta['environment']['python']}, {meta['environment']['cpus']} CPUs; "
        f"run {meta['started']} ({meta['seconds']:.0f} s). Ratios are measured in the same run.\n\n"
    )
    md.write_text(header + markdown_table(rows) + "\n")
    return md
