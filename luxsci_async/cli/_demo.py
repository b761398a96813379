"""``luxsci demo``: a realistic workflow against the embedded emulator, no network needed."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

from rich.console import Console

from ..models import Job
from ..testing import Emulator
from ._display import RowProgress, say


async def demo(console: Console, *, rows: int, seed: int, page_size: int) -> int:
    """Authenticate, manage an alias, pull and export a report; print a summary on stdout."""
    say(console, f"Starting the embedded LuxSci emulator ({rows:,} report rows)...")
    with Emulator(rows=rows, seed=seed, job_seconds=1.0) as emu:
        say(console, f"Emulator at {emu.base_url}, account {emu.account}")
        async with emu.client() as lux:
            await lux.authenticate()
            say(console, "Authenticated (account scope).")
            users = await lux.account.users.list()
            say(console, f"Users: {', '.join(u.user or '?' for u in users)}")
            domain = (users[0].user or "x@example.com").split("@")[-1]
            await lux.account.aliases.create(
                user="demo-alias", domain=domain, action="email", dest=users[0].user
            )
            aliases = await lux.account.aliases.list()
            await lux.account.aliases.delete(f"demo-alias@{domain}")
            say(console, f"Created and deleted alias demo-alias@{domain} ({len(aliases)} aliases)")
            report = lux.account.reports.delivery(
                "smtp",
                from_date=date(2024, 1, 1),
                through_date=datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC),
                page_size=page_size,
            )
            pulled = 0
            with RowProgress(console, "delivery report") as progress:
                async for page in report.pages():
                    pulled += len(page.rows)
                    progress.update(pulled, page.total)
            pull_seconds = progress.elapsed
            handle = await report.export(
                destination="sftp", destination_hostname="files.example", matches=pulled
            )

            def job_progress(j: Job) -> None:
                status = j.status.value if j.status else "?"
                done, expected = j.completed_rows or 0, j.expected_rows or 0
                say(console, f"export job {j.job_id}: {status} {done:,}/{expected:,} rows")

            job = await handle.wait(poll_interval=0.25, progress=job_progress)
            stats = lux.stats
        say(console, "Auth code revoked, session closed.")
    rate = pulled / pull_seconds if pull_seconds else 0.0
    status = job.status.value if job.status else "?"
    sys.stdout.write(
        f"Summary: {pulled:,} rows in {pull_seconds:.2f} s ({rate:,.0f} rows/s), "
        f"{stats.requests} requests, {stats.retries} retries, "
        f"{stats.auth_requests} auth request(s); export job {job.job_id} {status}\n"
    )
    sys.stdout.flush()
    return 0
