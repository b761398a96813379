"""The generated part of docs/performance.md: the summary table, the markers, the SVG chart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from benchmarks import report, summary
from benchmarks.scenarios import GET_CLIENTS, PULL_CLIENTS, get_scenario, pull_scenario

META: dict[str, Any] = {
    "started": "2026-01-01 00:00:00",
    "seconds": 10.0,
    "repeats": 3,
    "report_rows": 200_000,
    "server": "lean",
    "server_loop": "uvloop",
    "environment": {"python": "3.11.7", "cpus": 2},
}


def _samples() -> dict[tuple[str, str, str], list[float]]:
    """Made-up medians: client ``i`` of each scenario gets ``(i + 1) * 1000`` per second."""
    samples: dict[tuple[str, str, str], list[float]] = {}
    for scenario, clients, metric in (
        (get_scenario(), GET_CLIENTS, "requests/s"),
        (pull_scenario(200_000, 1_000), PULL_CLIENTS, "rows/s"),
    ):
        for i, client in enumerate(clients):
            samples[(scenario, client, metric)] = [(i + 1) * 1000.0, (i + 1) * 1000.0 + 2]
            samples[(scenario, client, "server/client CPU")] = [0.01 * (i + 1)]
            samples[(scenario, client, "peak RSS MB")] = [40.0 + i]
    samples[(get_scenario(), "streams", "server/client CPU")] = [0.3]  # one broken share
    return samples


def test_ratios_are_to_httpx2_and_aiohttp_of_the_same_scenario() -> None:
    rows = report.build_rows(_samples())
    sdk = next(r for r in rows if r["client_id"] == "sdk" and r["metric"] == "requests/s")
    # GET_CLIENTS: sdk (1st), httpx2 (2nd), aiohttp (3rd); medians 1001, 2001, 3001.
    assert sdk["vs_httpx2"] == pytest.approx(1001 / 2001)
    assert sdk["vs_aiohttp"] == pytest.approx(1001 / 3001)
    assert sdk["check"] == "goal >= 0.9 x httpx2: MISSED"
    on_aiohttp = next(
        r for r in rows if r["client_id"] == "sdk_aiohttp" and r["metric"] == "requests/s"
    )
    assert on_aiohttp["check"] == "goal >= 0.7 x aiohttp: met"  # 7,001 / 3,001
    share = next(r for r in rows if r["client_id"] == "peer" and r["metric"].startswith("server/"))
    assert share["check"] == "server <= 0.2 x client: ok"
    streams = next(
        r
        for r in rows
        if r["client_id"] == "streams" and r["scenario"] == get_scenario()
        if r["metric"] == "server/client CPU"
    )
    assert streams["check"] == "server <= 0.2 x client: BROKEN"
    broken = report.server_share_broken(rows)
    assert broken == [f"{get_scenario()} / raw asyncio streams"]


def test_summary_has_one_line_per_client_with_its_numbers() -> None:
    rows = report.build_rows(_samples())
    block = summary.markdown(rows, META)
    table = block.splitlines()[2 : 2 + len(summary.ENTRIES)]
    lines = {line.split(" | ")[0][2:]: line.split(" | ") for line in table}
    assert list(lines) == [label for label, _, _ in summary.ENTRIES]
    streams = lines["raw asyncio streams (transport limit)"]
    # GETs: streams is GET client 5 (5,001/s), httpx2 2 (2,001/s); pulls: 8th (8,001 rows/s).
    assert streams[1:5] == ["5,001", "2.50", "1.67", "8,001"]
    assert streams[-1] == "0.30 / 0.08 |"
    typed = lines["**this SDK**, typed rows (`reports.delivery`)"]
    assert typed[1] == ""
    assert typed[4] == "2,001"
    on_aiohttp = lines[
        '**this SDK on aiohttp** (`http_backend="aiohttp"`; `profile.get()`; `paginate()`)'
    ]
    # GETs: client 7 (7,001/s; httpx2 2,001, aiohttp 3,001); pulls: client 10 (10,001 rows/s;
    # httpx2 4,001, aiohttp 6,001).
    assert on_aiohttp[1:7] == ["7,001", "3.50", "2.33", "10,001", "2.50", "1.67"]
    assert "![Requests/s and rows/s per client](img/benchmarks.svg)" in block


def test_docs_block_is_replaced_between_markers_only(tmp_path: Path) -> None:
    docs, chart = tmp_path / "performance.md", tmp_path / "img" / "benchmarks.svg"
    docs.write_text(f"# Title\n\nbefore\n{summary.BEGIN}\nold table\n{summary.END}\nafter\n")
    summary.update_docs(report.build_rows(_samples()), META, docs=docs, chart_path=chart)
    text = docs.read_text()
    assert text.startswith(f"# Title\n\nbefore\n{summary.BEGIN}\n| client |")
    assert text.endswith(f"{summary.END}\nafter\n")
    assert "old table" not in text
    svg = ET.fromstring(chart.read_text())
    bars = [e for e in svg.iter("{http://www.w3.org/2000/svg}rect")][1:]  # after the background
    # 7 GET bars (entries with a GET client) + 12 report bars.
    assert len(bars) == 7 + 12
    # In ENTRIES order: streams 5,001/s ... peer 6,001/s (the longest), the SDK 1,001/s.
    widths = [float(b.get("width", 0)) for b in bars[:7]]
    assert widths[4] == max(widths[:6])
    assert widths[4] / widths[5] == pytest.approx(6001 / 1001, rel=0.01)
    assert widths[6] / widths[5] == pytest.approx(7001 / 1001, rel=0.01)  # the SDK on aiohttp


def test_missing_markers_are_an_error() -> None:
    with pytest.raises(ValueError, match="markers are missing"):
        summary.replace_block("# no markers here\n", "table")
