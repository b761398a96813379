"""Many processes, one Redis budget: reservations are atomic and timed by Redis alone.

Four OS processes reserve from one window at once, each with its clocks set hours apart
(``tests/store_worker.py``). The recorded send times, read back from Redis, must never
put more than ``limit`` sends in any rolling span, and the delays handed out must be the
ones one shared clock gives: a store that used its callers' clocks would be off by hours.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT, SPAN = 5, 60.0  # as in store_worker.py
PER_WORKER = 50
SKEWS = [0.0, 3600.0, -3600.0, 86_400.0]


def test_processes_with_skewed_clocks_share_one_window(redis_url: str, namespace: str) -> None:
    import redis

    control = redis.Redis.from_url(redis_url)
    command = [sys.executable, "-m", "tests.store_worker", redis_url, namespace, str(PER_WORKER)]
    workers = [
        subprocess.Popen(
            [*command, str(skew)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for skew in SKEWS
    ]
    try:
        # Let them all go at once, once every one waits for the signal.
        deadline = time.monotonic() + 60
        while int(control.info("clients")["blocked_clients"]) < len(workers):
            assert time.monotonic() < deadline, "the workers did not start"
            assert all(worker.poll() is None for worker in workers), "a worker died"
            time.sleep(0.02)
        control.rpush(f"{namespace}:go", *["go"] * len(workers))
        results = []
        for worker in workers:
            out, err = worker.communicate(timeout=60)
            assert worker.returncode == 0, err
            results.append(json.loads(out))
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()

    total = len(SKEWS) * PER_WORKER
    assert sorted(len(taken) for taken in results) == [PER_WORKER] * len(SKEWS)
    recorded = control.zrange(f"{namespace}:win:{SPAN!r}", 0, -1, withscores=True)
    times = [score for _, score in recorded]
    assert len(times) == total
    # Never more than LIMIT sends in any rolling SPAN, on the store's own clock.
    for first, later in zip(times, times[LIMIT:]):
        assert later - first >= SPAN - 1e-6
    # One clock for all: the first LIMIT slots go at once, the last waits one SPAN per
    # group, whatever each process believes the time is.
    delays = sorted(delay for taken in results for delay, _ in taken)
    assert all(delay < 1.0 for delay in delays[:LIMIT])
    assert delays[LIMIT] > SPAN - 1.0
    assert all(0 <= delay <= (total // LIMIT - 1) * SPAN + 1.0 for delay in delays)
    # Each process got its slots in order; and the processes really did overlap.
    score = {member.decode(): value for member, value in recorded}
    owner = {}
    for index, taken in enumerate(results):
        mine = [score[ticket.partition("/")[0]] for _, ticket in taken]
        assert mine == sorted(mine)
        owner.update({ticket.partition("/")[0]: index for _, ticket in taken})
    order = [owner[member.decode()] for member, _ in recorded]
    assert sum(a != b for a, b in itertools.pairwise(order)) >= 3
    control.close()
