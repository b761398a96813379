"""The recipes in docs/ run as written: arq, Celery (a real worker) and the FastAPI backend.

Each recipe is taken from its page verbatim (the first ``python`` block under its heading)
and run against the emulator, with a real Redis as the store where the recipe uses one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx2
import pytest

from luxsci_async.testing import Emulator

DOCS = Path(__file__).resolve().parents[1] / "docs"
RECIPE_PAGES = ("task-workers.md", "web-backends.md")


def recipe(page: str, heading: str) -> str:
    text = (DOCS / page).read_text()
    section = text.split(f"## {heading}\n", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, f"no python block under {heading!r} in {page}"
    return match.group(1)


def load(source: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclass-like machinery (pydantic) looks modules up
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    return module


def blocks(page: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(), re.S)


@pytest.mark.parametrize("page", RECIPE_PAGES)
def test_every_recipe_block_names_only_what_it_defines_or_imports(
    page: str, tmp_path: Path
) -> None:
    found = blocks(page)
    assert found
    for i, source in enumerate(found):
        path = tmp_path / f"block{i}.py"
        path.write_text(source)
        result = subprocess.run(
            [sys.executable, "-m", "ruff", "check", "--isolated", "--select", "F", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{page} block {i}:\n{result.stdout}"


def _luxsci_env(monkeypatch: pytest.MonkeyPatch, emu: Emulator, **more: str) -> None:
    for name, value in {
        "LUXSCI_BASE_URL": emu.base_url,
        "LUXSCI_TOKEN": emu.token,
        "LUXSCI_SECRET": emu.secret,
        "LUXSCI_ACCOUNT": emu.account,
        **more,
    }.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # arq, Celery's loop and uvicorn run on asyncio; so does the store


@pytest.mark.anyio
async def test_the_arq_recipe_pulls_a_report_with_the_shared_store(
    monkeypatch: pytest.MonkeyPatch, redis_url: str
) -> None:
    pytest.importorskip("arq")
    base = redis_url.rsplit("/", 1)[0]
    async with Emulator(rows=3_000, seed=31) as emu:
        _luxsci_env(monkeypatch, emu)
        monkeypatch.setenv("REDIS_URL", base)
        monkeypatch.delenv("LUXSCI_STORE", raising=False)
        tasks = load(recipe("task-workers.md", "arq"), "arq_recipe")
        saved: list[Any] = []

        async def save(rows: Any) -> None:
            saved.extend(rows)

        tasks.save = save  # the application's own storage
        ctx: dict[str, Any] = {}
        await tasks.startup(ctx)
        assert ctx["lux"]._settings.store is not None  # the recipe shares the budget
        done = await tasks.pull_delivery(
            ctx, "2024-01-01T00:00:00+00:00", "2024-12-31T23:59:59+00:00"
        )
        await tasks.shutdown(ctx)
        assert tasks.WorkerSettings.redis_settings.host == "127.0.0.1"
    assert done == len(saved) > 0
    assert emu.stats.logins == 1


async def _aliases(emu: Emulator) -> dict[str, str | None]:
    async with emu.client() as lux:
        return {str(a.alias): a.action for a in await lux.account.aliases.list()}


def test_the_celery_recipe_runs_in_a_real_prefork_worker(
    monkeypatch: pytest.MonkeyPatch, redis_url: str, tmp_path: Path
) -> None:
    celery = pytest.importorskip("celery")
    import redis

    base = redis_url.rsplit("/", 1)[0]
    for db in (14, 15):  # the recipe's own databases: no queue or code left from a past run
        with redis.Redis.from_url(f"{base}/{db}") as client:
            client.flushdb()
    (tmp_path / "tasks.py").write_text(recipe("task-workers.md", "Celery"))
    with Emulator(seed=33, latency=0.2) as emu:  # tasks slow enough to keep both busy
        before = anyio.run(_aliases, emu)
        assert before
        assert "bounce" not in before.values()
        emu.reset_stats()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LUXSCI_", "CELERY_"))}
        env.update(
            LUXSCI_BASE_URL=emu.base_url, LUXSCI_TOKEN=emu.token, LUXSCI_SECRET=emu.secret,
            LUXSCI_ACCOUNT=emu.account, LUXSCI_STORE=f"{base}/14", CELERY_BROKER_URL=f"{base}/15",
        )  # fmt: skip
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tasks", "worker", "--pool", "prefork",
             "--concurrency", "2", "--loglevel", "warning", "--without-gossip",
             "--without-mingle", "--without-heartbeat"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            sender = celery.Celery("tasks", broker=f"{base}/15")
            calls = [address for address in before for _ in range(4)]  # work for both
            for address in calls:
                sender.send_task("tasks.disable_alias", args=[address])
            route = ("PUT", "/account/{account}/aliases/{alias}")
            deadline = time.monotonic() + 60
            while emu.stats.by_route.get(route, 0) < len(calls):
                assert worker.poll() is None, "the worker died"
                assert time.monotonic() < deadline, "the tasks did not run"
                time.sleep(0.1)
        finally:
            worker.terminate()  # a warm shutdown: worker_process_shutdown closes the sessions
            out, _ = worker.communicate(timeout=30)
        served = emu.stats
        after = anyio.run(_aliases, emu)
    assert worker.returncode == 0, out
    assert after == dict.fromkeys(before, "bounce")  # every task took effect
    assert served.logins == 1  # two pool processes, one login through the store
    assert served.by_route.get(("DELETE", "/auth"), 0) == 1  # revoked once, by the last


@contextmanager
def serve(app: Any) -> Iterator[tuple[str, Any]]:
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.should_exit = True
        thread.join(10)


def test_the_fastapi_recipe_answers_503_with_retry_after_and_shuts_down_cleanly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("fastapi")
    # LuxSci allows 3 requests per 4 s here (the login counts): the recipe's max_wait of
    # 5 s lets a call wait out one 429 pause, and answers 503 when it cannot.
    with Emulator(seed=32, rate_per_minute=3, rate_window=4.0) as emu:
        _luxsci_env(monkeypatch, emu)
        monkeypatch.delenv("LUXSCI_STORE", raising=False)
        recipe_app = load(recipe("web-backends.md", "FastAPI"), "fastapi_recipe").app
        with serve(recipe_app) as (url, server):
            with httpx2.Client(base_url=url, timeout=30) as http:
                first = http.get("/users")
                assert first.status_code == 200
            answers: list[httpx2.Response] = []

            async def burst() -> None:
                async with httpx2.AsyncClient(base_url=url, timeout=30) as client:

                    async def one() -> None:
                        answers.append(await client.get("/aliases/nobody@example.com"))

                    async with anyio.create_task_group() as tg:
                        for _ in range(6):
                            tg.start_soon(one)

            anyio.run(burst)
            busy = [a for a in answers if a.status_code == 503]
            assert busy  # past the budget: the app's own 503...
            assert all(int(a.headers["retry-after"]) >= 1 for a in busy)  # ...with a hint
            assert {a.status_code for a in answers} <= {404, 503}
            # Shut down with calls waiting their turn: it ends within the recipe's max_wait.
            waiting = threading.Thread(
                target=lambda: httpx2.get(url + "/users", timeout=30), daemon=True
            )
            waiting.start()
            time.sleep(0.3)
            stopped = time.monotonic()
            server.should_exit = True
        assert time.monotonic() - stopped < 8
        assert emu.stats.by_route.get(("DELETE", "/auth"), 0) == 1  # the lifespan revoked
