"""The emulator's rate limits: rolling windows shared by the integration, and what it records.

The limiter is tested on explicit times; the end-to-end tests replace the app's clock, so no
test waits for a window to pass.
"""

from __future__ import annotations

import copy
import itertools
import math

import anyio
import httpx2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luxsci_async import RetryPolicy
from luxsci_async.testing import Emulator, EmulatorConfig, EmulatorStats
from luxsci_async.testing._limits import RateLimiter

from .conftest import FakeClock
from .emulator_client import Signer


def _limiter(per_window: int, window: float, **more: float) -> RateLimiter:
    return RateLimiter(EmulatorConfig(rate_per_minute=per_window, rate_window=window, **more))


def test_the_window_rolls_instead_of_resetting() -> None:
    limiter = _limiter(3, 10.0)
    # A fixed window opened at t=0 would reset at t=10 and admit a second burst of three,
    # six requests within 0.6 s; a rolling one still counts the two from t=9.5 and 9.6.
    answers = [limiter.admit(t) for t in (0.0, 9.5, 9.6, 10.0, 10.1)]
    assert answers == [None, None, None, None, 10]
    assert limiter.admit(19.5) is None  # t=9.5 has left the window (9.5, 19.5]


def test_retry_after_is_whole_seconds_and_at_least_one() -> None:
    limiter = _limiter(1, 0.25)
    assert limiter.admit(0.0) is None
    retry = limiter.admit(0.2)
    assert retry == 1
    assert isinstance(retry, int)
    slow = _limiter(1, 90.0)
    slow.admit(0.0)
    assert slow.admit(0.5) == 90  # ceil(89.5)


def test_the_longer_of_two_full_windows_sets_retry_after() -> None:
    limiter = _limiter(2, 10.0, rate_per_day=3, rate_day_window=100.0)
    assert [limiter.admit(t) for t in (0.0, 1.0, 20.0)] == [None, None, None]
    assert limiter.admit(21.0) == 79  # the day window frees at t=100, the minute one at 30


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    gaps=st.lists(st.floats(min_value=0.0, max_value=4.0), min_size=1, max_size=80),
    limit=st.integers(min_value=1, max_value=6),
    window=st.sampled_from([0.5, 1.0, 2.5, 10.0]),
)
def test_no_window_ever_holds_more_than_the_limit(
    gaps: list[float], limit: int, window: float
) -> None:
    limiter = _limiter(limit, window)
    times = list(itertools.accumulate(gaps))
    admitted: list[float] = []
    for now in times:
        retry = limiter.admit(now)
        recent = [t for t in admitted if t + window > now]
        if retry is None:
            admitted.append(now)
            continue
        assert len(recent) == limit  # refused only when the window really is full
        assert retry == max(1, math.ceil(recent[0] + window - now))
        waited = copy.deepcopy(limiter)
        assert waited.admit(now + retry) is None  # waiting Retry-After out is enough
    assert EmulatorStats(**_empty(), admitted=admitted).max_in_window(window) <= limit


def _empty() -> dict[str, object]:
    return {
        "requests": 0,
        "by_route": {},
        "auth_requests": 0,
        "statuses": {},
        "faults": {},
        "rate_limited": 0,
    }


def test_max_in_window() -> None:
    stats = EmulatorStats(**_empty(), admitted=[0.0, 0.5, 1.0, 1.2, 5.0, 5.1])
    assert stats.max_in_window(1.0) == 3  # (0.2, 1.2]: 0.5, 1.0, 1.2
    assert stats.max_in_window(0.2) == 2  # 1.0 and 1.2, or 5.0 and 5.1
    assert stats.max_in_window(100) == 6
    assert EmulatorStats(**_empty()).max_in_window(60) == 0
    for bad in (0, -1.0, math.nan):
        with pytest.raises(ValueError, match="seconds"):
            stats.max_in_window(bad)


@pytest.mark.parametrize(
    ("knobs", "field"),
    [
        ({"rate_per_minute": 0}, "rate_per_minute"),
        ({"rate_per_day": -5}, "rate_per_day"),
        ({"rate_per_minute": 2.5}, "rate_per_minute"),
        ({"rate_per_minute": True}, "rate_per_minute"),
        ({"rate_window": 0}, "rate_window"),
        ({"rate_window": math.nan}, "rate_window"),
        ({"rate_day_window": math.inf}, "rate_day_window"),
        ({"rate_window": "60"}, "rate_window"),
    ],
)
def test_bad_rate_knobs_are_refused_naming_the_field(knobs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        EmulatorConfig(**knobs)  # type: ignore[arg-type]


def test_every_login_shares_one_budget_and_post_auth_counts() -> None:
    now = [0.0]
    with (
        Emulator(seed=4, rate_per_minute=4, rate_window=60) as emu,
        httpx2.Client(base_url=emu.base_url, timeout=10) as http,
    ):
        emu.app.clock = lambda: now[0]
        account = Signer(emu, http)
        user = Signer(emu, http, user=list(emu.users)[1])
        domains = f"/account/{emu.account}/domains"
        profile = f"/user/{user.user}/profile"
        statuses = [
            account.handshake().status_code,
            user.handshake().status_code,
            account.request("GET", domains).status_code,
            user.request("GET", profile).status_code,
        ]
        now[0] = 20.0
        refused = [account.request("GET", domains), Signer(emu, http).handshake()]
        now[0] = 60.0  # the first four leave the window (0, 60]
        statuses.append(user.request("GET", profile).status_code)
        stats = emu.stats
    assert statuses == [201, 201, 200, 200, 200]
    assert [r.status_code for r in refused] == [429, 429]
    assert [r.headers["Retry-After"] for r in refused] == ["40", "40"]
    assert stats.admitted == (0.0, 0.0, 0.0, 0.0, 60.0)
    assert stats.rate_limited == 2
    assert (stats.auth_requests, stats.logins) == (3, 2)  # the refused login was received
    assert stats.max_in_window(60) == 4


@pytest.mark.anyio
async def test_concurrent_sessions_stay_within_the_rolling_budget(fake_clock: FakeClock) -> None:
    emu = Emulator(seed=9, rate_per_minute=4, rate_window=10)  # in-process, on the fake clock
    emu.app.clock = fake_clock.monotonic
    retry = RetryPolicy(max_retries=30, backoff_base=0.01)
    done: list[int] = []

    async def worker(**scope: str) -> None:
        async with emu.client(retry=retry, **scope) as lux:
            for _ in range(4):
                if "user" in scope:
                    await lux.user().profile.get()
                else:
                    await lux.account.domains.list()
                done.append(1)

    async with anyio.create_task_group() as tg:
        tg.start_soon(worker)
        tg.start_soon(lambda: worker(user=list(emu.users)[1]))
        tg.start_soon(worker)
    stats = emu.stats
    assert len(done) == 12
    assert stats.logins == 3
    assert stats.rate_limited > 0  # the budget was really hit
    assert len(stats.admitted) >= 15
    assert stats.max_in_window(10) == 4
