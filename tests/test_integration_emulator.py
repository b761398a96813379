"""The SDK against the embedded emulator over real loopback sockets, on asyncio and trio.

Realistic workflows touch every route of the table at least once; the emulator's counters
prove it. Then the auth lifecycle (expiry mid-run, revocation), a rate-limited run and a
fault-injected multi-page pull.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import anyio
import pytest

from luxsci_async import LuxSci, NotFoundError, RateLimit, RetryPolicy
from luxsci_async._assumptions import API_PREFIX
from luxsci_async._routes.table import ROUTES
from luxsci_async._types import Attachment
from luxsci_async.models import DeliveryRow, JobStatus
from luxsci_async.testing import Emulator

from .conftest import every_http_backend

pytestmark = pytest.mark.anyio

YEAR_START = date(2024, 1, 1)
YEAR_END = date(2024, 12, 31)


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    # One per run: the workflows change the emulator's data (a run on each backend, too).
    with Emulator(rows=1_200, seed=11, job_seconds=0.2) as emu:
        yield emu


async def account_workflows(lux: LuxSci) -> None:
    acc = lux.account
    # users
    assert await acc.users.list(status="active") is not None
    created = await acc.users.create(user="new.user@example.com", password="pw-123", contact="N")
    assert created.user == "new.user@example.com"
    await acc.users.update("new.user@example.com", contact="New User", services=["email"])
    await acc.users.rename("new.user@example.com", new_user="renamed@example.com")
    await acc.users.delete("renamed@example.com")
    # domains and DKIM
    await acc.domains.create("new.example.org")
    assert any(d.domain == "new.example.org" for d in await acc.domains.list())
    assert (await acc.domains.get("new.example.org")).domain == "new.example.org"
    await acc.domains.update("new.example.org", fields={"is_hipaa": 1})
    await acc.dkim.create("new.example.org")
    assert await acc.dkim.list()
    assert (await acc.dkim.get("new.example.org")).domain == "new.example.org"
    await acc.dkim.delete("new.example.org")
    await acc.domains.delete("new.example.org")
    # suppressions
    await acc.suppressions.create("spam+trap@example.net")
    assert (await acc.suppressions.get("spam+trap@example.net")).email == "spam+trap@example.net"
    await acc.suppressions.delete("spam+trap@example.net")
    # aliases
    await acc.aliases.create(user="info", domain="example.com", action="email", dest="a@x.org")
    assert any(a.alias == "info@example.com" for a in await acc.aliases.list())
    assert (await acc.aliases.get("info@example.com")).action == "email"
    await acc.aliases.update("info@example.com", action="bounce", bounce="gone")
    assert (await acc.aliases.get("info@example.com")).action == "bounce"
    await acc.aliases.delete("info@example.com")
    # secure forms
    form = (await acc.secure_forms.list())[0].form_id
    assert form is not None
    assert (await acc.secure_forms.get(form)).form_id == form
    rows = await acc.secure_forms.list_rows(form)
    since = await acc.secure_forms.list_rows(form, after_row=rows[0].row_id or 0)
    assert len(since) == len(rows) - 1
    row = str(rows[0].row_id)
    full = await acc.secure_forms.get_row(form, row)
    file_id = full.files[0].file_id
    assert file_id is not None
    assert (await acc.secure_forms.get_file(form, row, file_id)).file_id == file_id
    await acc.secure_forms.delete_file(form, row, file_id)
    await acc.secure_forms.delete_row(form, row)
    # SecureSend namespace users
    await acc.securesend.upsert(42, "portal.user@example.net", name="Portal User")
    await acc.securesend.set_password(42, "portal.user@example.net", password="n3w-pw")
    assert (await acc.securesend.sso_url(42, "portal.user@example.net", ip="192.0.2.7")).url
    assert any(u.email == "portal.user@example.net" for u in await acc.securesend.list(42))
    # servers
    servers = await acc.servers.list()
    assert await acc.servers.status()
    assert (await acc.servers.get_status(servers[0].server or "")).status
    # marketing
    listing = await acc.marketing.insert_list("Newsletter", description="monthly")
    list_id = listing.list_id
    assert list_id is not None
    contact = await acc.marketing.insert_contact("reader@example.net", list_ids=[list_id])
    contact_id = contact.contact_id
    assert contact_id is not None
    assert await acc.marketing.list_contacts()  # no filter: every contact of every list
    assert await acc.marketing.list_contacts(list_id=list_id)
    assert (await acc.marketing.get_contact(contact_id)).email == "reader@example.net"
    await acc.marketing.update_contact(contact_id, first_name="Rea")
    assert await acc.marketing.list_lists()
    assert (await acc.marketing.get_list(list_id)).name == "Newsletter"
    await acc.marketing.update_list(list_id, description="weekly")
    assert await acc.marketing.list_contacts_of_list(list_id)
    assert await acc.marketing.statistics(from_date=YEAR_START) is not None
    await acc.marketing.delete_contact(contact_id)
    await acc.marketing.delete_list(list_id)
    # reports and jobs
    await pull_every_report(acc.reports)
    assert await acc.reports.statistics(from_date=YEAR_START, through_date=YEAR_END)
    report = acc.reports.delivery("smtp", from_date=YEAR_START, through_date=YEAR_END)
    handle = await report.export(destination="sftp", destination_hostname="files.example")
    job = await handle.wait(poll_interval=0.05)
    assert job.status is JobStatus.COMPLETE
    assert any(j.job_id == job.job_id for j in await acc.jobs.list())
    assert (await acc.jobs.get(handle.job_id)).job_id == handle.job_id


async def pull_every_report(reports: Any) -> None:
    for name in ("sent_smtp", "sent_webmail", "smtp_failures"):
        rows = [r async for r in getattr(reports, name)(from_date=YEAR_START, page_size=500)]
        assert len(rows) == 1_200
    for name in ("delivery", "clicks", "opens", "fbl", "suppressions"):
        report = getattr(reports, name)("webmail", from_date=date(2024, 6, 1))
        total = await report.count()
        rows = [r async for r in report]
        assert len(rows) == total > 0


async def user_workflows(lux: LuxSci, login: str) -> None:
    me = lux.user(login)
    assert (await me.profile.get()).user == login
    await me.profile.update(contact="Admin Person", city="Boston")
    assert (await me.profile.get()).city == "Boston"
    assert (await me.profile.sso_url()).url
    assert await me.profile.branding() is not None
    assert await me.profile.settings() is not None
    assert await me.profile.timezones()
    # credentials
    app_password = await me.credentials.create_app_password(description="phone")
    assert app_password.app_password_id
    assert await me.credentials.list_app_passwords()
    await me.credentials.delete_app_password(app_password.app_password_id)
    # e-mail
    responder = await me.email.create_autoresponder(fields={"subject": "Away", "body": "Back soon"})
    assert responder.autoresponder_id
    assert await me.email.list_autoresponders()
    await me.email.delete_autoresponder(responder.autoresponder_id)
    await me.email.update_forwarding(fields={"forward_to": ["b@x.org"], "keep_copy": 1})
    sent = await me.email.send(to=["a@x.org"], subject="Hello", body="<p>Hi</p>", body_type="html")
    assert sent is not None
    # SecureLine
    assert await me.secureline.check_domain("example.org")
    assert await me.secureline.check_recipients(["a@x.org", "b@y.org"])
    await me.secureline.send(
        to=["a@x.org"],
        subject="Results",
        body="Attached.",
        attachments=[Attachment("results.pdf", b"%PDF-1.7 ...")],
    )
    # suppressions
    await me.suppressions.create("stop@example.net")
    assert (await me.suppressions.get("stop@example.net")).email == "stop@example.net"
    await me.suppressions.delete("stop@example.net")
    # content library
    await me.content_library.create_directory("docs")
    await me.content_library.create_directory("docs/2024")
    await me.content_library.upload_file("docs/2024/note.txt", content=b"hello library")
    assert await me.content_library.list_directory("docs/2024")
    assert (await me.content_library.get_file("docs/2024/note.txt")) is not None
    await me.content_library.delete_file("docs/2024/note.txt")
    await me.content_library.delete_directory("docs/2024")
    await me.content_library.delete_directory("docs")
    # reports and jobs
    await pull_every_report(me.reports)
    assert await me.reports.statistics(from_date=YEAR_START)
    handle = await me.reports.opens("smtp").export(destination="sftp")
    assert (await handle.wait(poll_interval=0.05)).status is JobStatus.COMPLETE
    assert await me.jobs.list()
    assert (await me.jobs.get(handle.job_id)).job_id == handle.job_id
    # WebAides and calendar
    calendar = await me.webaides.create("calendars", title="Clinic")
    cal_id = calendar.webaide_id
    assert cal_id is not None
    assert any(w.webaide_id == cal_id for w in await me.webaides.list("calendars"))
    entry = await me.webaides.create_entry("calendars", cal_id, fields={"Title": "Visit"})
    entry_id = entry.entry_id
    assert entry_id is not None
    assert (await me.webaides.get_entry("calendars", cal_id, entry_id))["Title"] == "Visit"
    await me.webaides.update_entry("calendars", cal_id, entry_id, fields={"Title": "Moved"})
    assert await me.webaides.list_entries("calendars", cal_id)
    bulk = await me.webaides.create_entries(
        "calendars", cal_id, entries=[{"Title": "A"}, {"Title": "B"}]
    )
    ids = [str(r.entry_id) for r in bulk]
    await me.webaides.update_entries(
        "calendars", cal_id, entries=[{"Unique ID": int(i), "Title": "C"} for i in ids]
    )
    await me.webaides.delete_entries("calendars", cal_id, entry_ids=ids)
    since = datetime(2020, 1, 1, tzinfo=UTC)
    assert await me.webaides.changes("calendars", cal_id, since=since) is not None
    assert await me.calendar.range(cal_id, start=since, end=datetime.now(UTC)) is not None
    await me.webaides.delete_entry("calendars", cal_id, entry_id)
    await me.webaides.delete("calendars", cal_id)
    # the password last: acting as an account, the session does not need it
    await me.credentials.set_password("a-new-long-password")


@every_http_backend
async def test_every_route_answers(emulator: Emulator) -> None:
    login = next(iter(emulator.users))
    emulator.reset_stats()
    async with emulator.client() as lux:
        await account_workflows(lux)
        await user_workflows(lux, login)
    async with emulator.client(user=list(emulator.users)[2]) as user_lux:
        assert (await user_lux.user().profile.get()).user == list(emulator.users)[2]
    # Content-library directory and file routes share their wire shape (the catalogue's
    # templates differ only in the placeholder's name), so compare shapes.
    served = {(m, re.sub(r"\{\w+\}", "{}", p)): n for (m, p), n in emulator.stats.by_route.items()}
    missing = [
        r.operation_id
        for r in ROUTES
        if r.scope != "auth" and served.get((r.method, re.sub(r"\{\w+\}", "{}", r.path)), 0) == 0
    ]
    assert missing == []
    assert served.get(("POST", "/auth"), 0) >= 2
    assert served.get(("DELETE", "/auth"), 0) >= 2
    assert emulator.stats.statuses.keys() <= {200, 201}


@every_http_backend
async def test_auth_expiry_mid_run_refreshes_and_revocation_ends_the_code() -> None:
    async with Emulator(rows=3_000, seed=2, auth_ttl=0.3) as emu:
        async with emu.client(auth_ttl=3600) as lux:  # the client does not know the lifetime
            rows = 0
            async for page in lux.account.reports.opens(
                "smtp", page_size=100, concurrency=2
            ).pages():
                rows += len(page.rows)
                await anyio.sleep(0.01)
            assert rows == 3_000
            code = lux._pipeline.auth.current()
        stats = emu.stats
        assert 2 <= stats.auth_requests <= 12  # proportional to expiries, not to requests
        assert stats.requests > 30
        # the revoked code is refused from now on
        assert code is not None
        lux2 = emu.client()
        lux2._pipeline.auth.adopt(code)
        async with lux2:
            await lux2.account.domains.list()  # 401 -> re-authenticates once -> succeeds
            assert lux2.stats.reauthentications == 1


@every_http_backend
async def test_rate_limited_run_completes_without_errors() -> None:
    async with Emulator(rows=200, seed=4, rate_per_minute=15, rate_window=0.5) as emu:
        retry = RetryPolicy(max_retries=8, backoff_base=0.05)
        async with emu.client(retry=retry) as lux, anyio.create_task_group() as tg:
            for _ in range(40):
                tg.start_soon(lux.account.domains.list)
        assert emu.stats.rate_limited > 0
        assert lux.stats.rate_limited == emu.stats.rate_limited


@every_http_backend
async def test_client_side_budget_avoids_429s() -> None:
    async with Emulator(rows=200, seed=4, rate_per_minute=1000, rate_window=60) as emu:
        async with emu.client(rate_limit=RateLimit(per_minute=20)) as lux:
            for _ in range(15):
                await lux.account.domains.list()
        assert emu.stats.rate_limited == 0


@every_http_backend
async def test_fault_injected_multi_page_pull_loses_and_repeats_nothing() -> None:
    async with Emulator(rows=20_000, seed=5, faults=0.15) as emu:
        async with emu.client(retry=RetryPolicy(max_retries=6, backoff_base=0.01)) as lux:
            report = lux.account.reports.delivery(
                "smtp", from_date=YEAR_START, through_date=YEAR_END, page_size=250, concurrency=4
            )
            rows = [row async for row in report]
        assert sum(emu.stats.faults.values()) >= 5
    assert all(isinstance(r, DeliveryRow) for r in rows)
    ids = [r.message_id for r in rows]
    assert len(ids) == 20_000
    assert len(set(ids)) == 20_000
    assert [r.date for r in rows] == sorted(r.date for r in rows)  # type: ignore[type-var]


async def test_asgi_mode_without_sockets() -> None:
    emu = Emulator(rows=10, seed=6)
    async with emu.client() as lux:
        assert lux.base_url.startswith("http://127.0.0.1")
        assert await lux.account.domains.list()
        rows = [r async for r in lux.account.reports.sent_smtp()]
    assert len(rows) == 10


async def test_paths_are_counted_by_template() -> None:
    # The coverage test above relies on the emulator keying its counters by route template.
    emu = Emulator(rows=10, seed=8)
    async with emu.client() as lux:
        domain = (await lux.account.domains.list())[0].domain
        assert domain is not None
        await lux.account.domains.get(domain)
        await lux.account.domains.get(domain)
        with pytest.raises(NotFoundError):
            await lux.account.domains.get("missing.example")
    by_route = emu.stats.by_route
    assert by_route == {
        ("POST", "/auth"): 1,
        ("GET", "/account/{account}/domains"): 1,
        ("GET", "/account/{account}/domains/{domain}"): 3,
        ("DELETE", "/auth"): 1,
    }
    assert all(not path.startswith(API_PREFIX) for _, path in by_route)
