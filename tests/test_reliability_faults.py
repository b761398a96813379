"""Reliability under faults, against the embedded emulator (or tiny raw servers) over loopback.

Every test runs on asyncio and on trio. The heaviest pulls are marked ``slow`` (``nox -s
slow``); lighter variants of the same scenarios run in the default suite.
"""

from __future__ import annotations

import asyncio
import random
import socket
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from typing import Any

import anyio
import attrs
import pytest

from luxsci_async import (
    LuxSci,
    OutcomeUnknownError,
    PaginationError,
    RequestTimeout,
    RetryPolicy,
    SessionClosedError,
    Timeout,
)
from luxsci_async.testing import Emulator

from .conftest import every_http_backend, make_session
from .loopback import serve

pytestmark = [pytest.mark.anyio, every_http_backend]

# Patient enough that 5% faults plus 429s never exhaust a page's retries; quick backoff.
PATIENT = RetryPolicy(max_retries=8, backoff_base=0.02, backoff_max=0.2)
FROM = date(2024, 1, 1)


def _row_index(message_id: str) -> int:
    """The emulator's report message ids start with the zero-padded row index."""
    return int(message_id.split(".", 1)[0])


async def _quiet_tasks() -> int:
    """The number of tasks running once the event loop has had a moment to settle."""
    await anyio.sleep(0.05)
    return len(anyio.get_running_tasks())


async def _assert_healthy(lux: LuxSci, tasks_before: int) -> None:
    """No connection checked out, no task left over, and the session still serves."""
    for _ in range(20):  # closing a cancelled connection may take a loop iteration or two
        if lux._pipeline.http.checked_out_connections() == 0:
            break
        await anyio.sleep(0.01)
    assert lux._pipeline.http.checked_out_connections() == 0
    assert await _quiet_tasks() <= tasks_before
    domains = await lux.account.domains.list()
    assert domains


# -- a long pull through faults, expiring auth codes and 429s ------------------------------


async def _pull_through_faults(
    *, rows: int, page_size: int, auth_ttl: float, rate: int, concurrency: int
) -> None:
    config: dict[str, Any] = {
        "rows": rows,
        "seed": 11,
        "faults": 0.05,
        "fault_kinds": ("500", "503", "drop"),
        "auth_ttl": auth_ttl,
        "rate_per_minute": rate,
        "rate_window": 1.0,
    }
    with Emulator(**config) as emu:
        started = time.monotonic()
        async with emu.client(retry=PATIENT) as lux:
            report = lux.account.reports.delivery(
                "smtp", from_date=FROM, page_size=page_size, concurrency=concurrency
            )
            seen = [_row_index(row.message_id or "") async for row in report]
            stats = lux.stats
        elapsed = time.monotonic() - started
        served = emu.stats
    # every row exactly once, in order
    assert len(seen) == rows
    assert seen == list(range(rows))
    # the scenario really happened: faults of each kind, 429s, expired codes
    assert served.faults.get("drop", 0) >= 1
    assert served.faults.get("500", 0) + served.faults.get("503", 0) >= 1
    assert served.rate_limited >= 1
    assert served.statuses.get(401, 0) >= 1, "no auth code expired during the pull"
    # POST /auth follows the expiries (one per lifetime, plus the first), not the requests
    expiries = elapsed / auth_ttl
    assert 2 <= served.auth_requests <= expiries + 2
    assert served.auth_requests == stats.auth_requests
    assert served.auth_requests * 10 < served.requests


async def test_report_pull_survives_faults_expiry_and_429() -> None:
    await _pull_through_faults(rows=20_000, page_size=250, auth_ttl=1.0, rate=30, concurrency=4)


@pytest.mark.slow
async def test_100k_row_pull_survives_faults_expiry_and_429() -> None:
    await _pull_through_faults(rows=100_000, page_size=500, auth_ttl=2.0, rate=60, concurrency=4)


@pytest.mark.slow
async def test_100k_row_pull_with_small_pages_and_wide_prefetch() -> None:
    await _pull_through_faults(rows=100_000, page_size=200, auth_ttl=2.0, rate=120, concurrency=8)


# -- non-idempotent calls after an ambiguous failure ---------------------------------------


def _users_created(emu: Emulator, login: str) -> tuple[int, bool]:
    """(POSTs that reached the users route, whether the user now exists)."""
    posts = emu.stats.by_route.get(("POST", "/account/{account}/users"), 0)
    return posts, login in emu.app.store.collection(emu.app.ops.users_path)


async def test_dropped_connection_after_a_create_is_not_retried() -> None:
    # Every non-auth response is cut off half-way, *after* the server acted on the request.
    with Emulator(seed=2, faults=1.0, fault_kinds=("drop",)) as emu:
        login = f"new-user@{next(iter(emu.users)).split('@')[1]}"
        async with emu.client(max_retries=5) as lux:
            with pytest.raises(OutcomeUnknownError) as info:
                await lux.account.users.create(user=login, password="Pw-123456789!")
        assert info.value.method == "POST"
        assert "/users" in info.value.path
        assert "not retried" in str(info.value)
        assert _users_created(emu, login) == (1, True)


async def test_dropped_connection_after_a_send_is_not_retried() -> None:
    with Emulator(seed=2, faults=1.0, fault_kinds=("drop",)) as emu:
        login = next(iter(emu.users))
        async with emu.client(user=login, max_retries=5) as lux:
            with pytest.raises(OutcomeUnknownError):
                await lux.user().email.send(to=["a@example.org"], subject="hi", body="hello")
        sends = emu.stats.by_route.get(("POST", "/user/{username}/email/smtp/send"), 0)
        assert sends == 1


async def test_read_timeout_after_a_create_is_not_retried() -> None:
    with Emulator(seed=3) as emu:
        login = f"slow-user@{next(iter(emu.users)).split('@')[1]}"
        async with emu.client(max_retries=5, timeout=Timeout(read=0.3)) as lux:
            await lux.authenticate()
            # From now on the server acts on each request, then takes 1 s to answer.
            emu.app.config = attrs.evolve(emu.app.config, latency=1.0)
            with pytest.raises(OutcomeUnknownError) as info:
                await lux.account.users.create(user=login, password="Pw-123456789!")
            assert isinstance(info.value.__cause__, RequestTimeout)
            emu.app.config = attrs.evolve(emu.app.config, latency=0.0)
            # an idempotent read through the same session is fine afterwards
            users = await lux.account.users.list()
            assert login in {u.user for u in users}
        assert _users_created(emu, login) == (1, True)


async def test_idempotent_calls_are_retried_through_drops() -> None:
    with Emulator(seed=4, faults=0.5, fault_kinds=("drop", "503")) as emu:
        async with emu.client(retry=PATIENT) as lux:
            for _ in range(10):
                assert await lux.account.domains.list()
        assert sum(emu.stats.faults.values()) >= 3


# -- cancellation storms -------------------------------------------------------------------


@pytest.fixture(scope="module")
def slow_emulator() -> Iterator[Emulator]:
    with Emulator(rows=5_000, seed=7, latency=0.02) as emu:
        yield emu


async def test_cancellation_storm_leaves_the_session_healthy(slow_emulator: Emulator) -> None:
    rng = random.Random(1234)
    baseline = await _quiet_tasks()
    outcomes: dict[str, int] = {"done": 0, "cancelled": 0}
    async with slow_emulator.client(max_concurrency=8) as lux:
        calls: list[Callable[[], Awaitable[Any]]] = [
            lambda: lux.account.domains.list(),
            lambda: lux.account.users.list(),
            lambda: lux.request("GET", "/account/{account}/aliases"),
        ]

        async def one(i: int) -> None:
            # half of the calls are cancelled at a random point: waiting for auth, for a
            # slot, for the pool, mid-request or mid-response
            deadline = rng.uniform(0, 0.4) if i % 2 else 30
            with anyio.move_on_after(deadline) as scope:
                await calls[i % len(calls)]()
            outcomes["cancelled" if scope.cancelled_caught else "done"] += 1

        async with anyio.create_task_group() as tg:
            for i in range(200):
                tg.start_soon(one, i)
        assert outcomes["done"] >= 100
        assert outcomes["cancelled"] >= 10
        await _assert_healthy(lux, baseline)


async def test_cancelling_the_first_calls_during_authentication(
    slow_emulator: Emulator,
) -> None:
    baseline = await _quiet_tasks()
    async with slow_emulator.client() as lux:
        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(lux.account.domains.list)
            await anyio.sleep(0.005)  # the shared POST /auth is in flight
            tg.cancel_scope.cancel()
        await _assert_healthy(lux, baseline)


async def test_break_out_of_a_paginator_mid_page(slow_emulator: Emulator) -> None:
    baseline = await _quiet_tasks()
    async with slow_emulator.client() as lux:
        report = lux.account.reports.delivery("smtp", from_date=FROM, page_size=300, concurrency=4)
        seen = []
        async for row in report:
            seen.append(_row_index(row.message_id or ""))
            if len(seen) == 450:  # in the middle of the second page, prefetch done
                break
        assert seen == list(range(450))
        await _assert_healthy(lux, baseline)
        # a new pull from where we stopped gives the rest, without gaps or repeats
        rest = lux.account.reports.delivery(
            "smtp", from_date=FROM, page_size=300, concurrency=4, start_row=450
        )
        seen += [_row_index(row.message_id or "") async for row in rest]
        assert seen == list(range(5_000))


async def test_cancel_a_paginator_at_random_points(slow_emulator: Emulator) -> None:
    rng = random.Random(99)
    baseline = await _quiet_tasks()
    async with slow_emulator.client() as lux:
        for _ in range(8):
            report = lux.account.reports.delivery(
                "smtp", from_date=FROM, page_size=250, concurrency=4
            )
            seen = []
            with anyio.move_on_after(rng.uniform(0.01, 0.2)):
                async for row in report:
                    seen.append(_row_index(row.message_id or ""))
            assert seen == list(range(len(seen)))
        await _assert_healthy(lux, baseline)


async def test_closing_the_session_with_calls_and_a_pull_in_flight(
    slow_emulator: Emulator,
) -> None:
    baseline = await _quiet_tasks()
    lux = slow_emulator.client(max_concurrency=3)
    await lux.authenticate()
    errors: list[BaseException] = []
    finished: list[str] = []
    revokes_before = slow_emulator.stats.by_route.get(("DELETE", "/auth"), 0)

    async def call() -> None:
        try:
            await lux.account.users.list()
        except Exception as exc:
            errors.append(exc)
        else:
            finished.append("call")

    async def pull() -> None:
        report = lux.account.reports.delivery("smtp", from_date=FROM, page_size=100)
        try:
            async for _ in report:
                pass
        except Exception as exc:
            errors.append(exc)
        else:
            finished.append("pull")

    async with anyio.create_task_group() as tg:
        for _ in range(20):  # more than max_concurrency: most wait for a slot
            tg.start_soon(call)
        tg.start_soon(pull)
        await anyio.sleep(0.05)
        await lux.aclose()
    # Calls done before the close succeeded; every other one, whether it was on the wire,
    # waiting for a slot or paging, gets SessionClosedError (never a raw httpx RuntimeError).
    assert len(errors) + len(finished) == 21
    assert len(errors) >= 10
    assert "pull" not in finished
    for exc in errors:
        cause = exc.__cause__ if isinstance(exc, PaginationError) else exc
        assert isinstance(cause, SessionClosedError), repr(exc)
    assert lux._pipeline.http.checked_out_connections() == 0
    assert await _quiet_tasks() <= baseline
    assert slow_emulator.stats.by_route.get(("DELETE", "/auth"), 0) == revokes_before + 1
    with pytest.raises(SessionClosedError):
        await lux.account.users.list()


# -- servers that hang or dribble ----------------------------------------------------------

AsgiScope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
_AUTH_BODY = b'{"success":1,"auth":"1-1617889562-' + b"ab" * 32 + b'"}'


async def slow_loris(scope: AsgiScope, receive: Receive, send: Send) -> None:
    """Answers /auth at once; anything else: headers, then one body byte every ``?every=``."""
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    if scope["path"].endswith("/auth"):
        await send({"type": "http.response.start", "status": 201, "headers": []})
        await send({"type": "http.response.body", "body": _AUTH_BODY})
        return
    query = scope["query_string"].decode()
    every = float(query.split("every=")[1].split("&")[0])
    headers = [(b"content-type", b"application/json"), (b"content-length", b"100000")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    for _ in range(100_000):
        await send({"type": "http.response.body", "body": b" ", "more_body": True})
        await asyncio.sleep(every)


@pytest.fixture(scope="module")
def loris_url() -> Iterator[str]:
    with serve(slow_loris) as url:
        yield url


async def test_a_slow_loris_body_is_cut_off_by_the_read_timeout(loris_url: str) -> None:
    timeout = Timeout(connect=1, read=0.2, write=1, pool=1)
    async with make_session(base_url=loris_url, timeout=timeout, max_retries=1) as lux:
        started = time.monotonic()
        with pytest.raises(RequestTimeout):
            await lux.request("GET", "/x", params={"every": 0.5})
        assert time.monotonic() - started < 3
        # after the headers arrived, a POST's outcome is unknown
        with pytest.raises(OutcomeUnknownError):
            await lux.request("POST", "/x", params={"every": 0.5}, json={})
        assert lux._pipeline.http.checked_out_connections() == 0


async def test_a_slow_loris_faster_than_the_read_timeout_is_cut_off(loris_url: str) -> None:
    timeout = Timeout(connect=1, read=0.5, write=1, pool=1, total=0.8)
    async with make_session(base_url=loris_url, timeout=timeout, max_retries=0) as lux:
        with anyio.fail_after(1.5):  # the test's own limit: a TimeoutError here is the bug
            with pytest.raises(RequestTimeout):
                await lux.request("GET", "/x", params={"every": 0.1})


@pytest.fixture
def black_hole() -> Iterator[str]:
    """A socket that completes the TCP handshake (via the backlog) but never reads."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


async def test_a_server_that_never_answers_is_cut_off(black_hole: str) -> None:
    timeout = Timeout(connect=1, read=0.2, write=1, pool=1)
    async with make_session(base_url=black_hole, timeout=timeout, max_retries=1) as lux:
        started = time.monotonic()
        # authentication itself hangs: cut off, retried once, then a RequestTimeout
        with pytest.raises(RequestTimeout) as info:
            await lux.request("GET", "/x")
        assert "POST /perl/api/v2/auth" in str(info.value)
        assert time.monotonic() - started < 3
        assert lux._pipeline.http.checked_out_connections() == 0
