"""Bulk pulls under a rate limit, faults and auth expiry, with default settings (slow).

A 429 is waited out rather than spent as a retry, so a pull survives a server that
refuses past its rate as well as one that fails now and then. Each pull's rows are
checked whole: none lost, none repeated.
"""

from __future__ import annotations

from datetime import date

import anyio
import pytest

from luxsci_async.testing import Emulator

from .conftest import every_http_backend

pytestmark = [pytest.mark.anyio, pytest.mark.slow, every_http_backend]

START, END = date(2024, 1, 1), date(2024, 12, 31)


async def _pull(lux: object, into: list[list[str]], page_size: int | None = None) -> None:
    report = lux.account.reports.delivery(  # type: ignore[attr-defined]
        "smtp", from_date=START, through_date=END, page_size=page_size
    )
    into.append([row.message_id async for row in report])


async def test_three_pulls_at_six_requests_a_second_with_faults_all_complete() -> None:
    knobs = {"rate_per_minute": 6, "rate_window": 1.0, "faults": 0.08, "seed": 21}
    async with Emulator(rows=20_000, **knobs) as emu, emu.client() as lux:
        pulls: list[list[str]] = []
        async with anyio.create_task_group() as tg:
            for _ in range(3):
                tg.start_soon(_pull, lux, pulls)
    assert [len(rows) for rows in pulls] == [20_000] * 3
    for rows in pulls:
        assert len(set(rows)) == 20_000  # none repeated
    assert emu.stats.rate_limited > 0  # the server did refuse: the 429s were waited out
    assert sum(emu.stats.faults.values()) > 0
    assert emu.stats.max_in_window(1.0) <= 6


async def test_a_100000_row_pull_through_faults_expiry_and_a_rate_limit() -> None:
    # Pages of 1,000 make 100 requests, at most 30 in each 1-second window: whatever the
    # machine, the pull lasts over 3 seconds, outlives a 2-second code and must renew it
    # on the way (each wait, at most the window, is shorter than a code's life).
    knobs = {"rate_per_minute": 30, "rate_window": 1.0, "faults": 0.05, "auth_ttl": 2.0}
    async with Emulator(rows=100_000, seed=22, **knobs) as emu, emu.client() as lux:
        pulls: list[list[str]] = []
        with anyio.fail_after(120):
            await _pull(lux, pulls, page_size=1_000)
        assert lux.stats.reauthentications >= 1 or lux.stats.auth_requests > 1
    assert len(pulls[0]) == len(set(pulls[0])) == 100_000
    assert sum(emu.stats.faults.values()) > 0
