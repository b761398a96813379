"""The pytest plugin under each test runner: small user suites run in a subprocess.

The suites are docs/testing.md's examples, verbatim, plus probe files that check what the
examples cannot show (which backend ran, what a shared emulator keeps). Each runs with
``python -m pytest -W error -p no:cacheprovider`` in a directory of its own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

DOCS = Path(__file__).parents[1] / "docs" / "testing.md"
EXAMPLE = re.compile(r"<!-- user-suite: (\w+)/(\S+) -->\n```\w*\n(.*?)```", re.DOTALL)
OUTCOME = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected)\b")
# Loaded by name, in this order, where a run switches off entry-point plugins.
PLUGINS = {
    "asyncio": "pytest_asyncio.plugin",
    "anyio": "anyio.pytest_plugin",
    "luxsci": "luxsci_async.testing.pytest_plugin",
}


def doc_suite(name: str) -> dict[str, str]:
    """The files of one user suite in docs/testing.md, by path."""
    files = {path: body for suite, path, body in EXAMPLE.findall(DOCS.read_text()) if suite == name}
    assert files, f"docs/testing.md has no user-suite: {name}/... examples"
    return files


def run_suite(
    where: Path, files: dict[str, str], *args: str, plugins: tuple[str, ...] = ()
) -> tuple[dict[str, int], str, int]:
    """Write ``files`` into ``where``, run pytest there; its outcome counts, output and code.

    With ``plugins``, entry-point plugins are off and only those load, in that order.
    """
    for path, body in files.items():
        (where / path).write_text(dedent(body))
    # Without CI either: pytest prints its summary in full when CI is set, which changes
    # how often a message appears in the output these tests read.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k != "CI"}
    command = [sys.executable, "-m", "pytest", "-q", "-W", "error", "-p", "no:cacheprovider"]
    if plugins:
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        for name in plugins:
            command += ["-p", PLUGINS[name]]
    result = subprocess.run(
        [*command, *args], cwd=where, env=env, capture_output=True, text=True, timeout=300
    )
    output = result.stdout + result.stderr
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    counts = {kind.replace("errors", "error"): int(n) for n, kind in OUTCOME.findall(summary)}
    return counts, output, result.returncode


def assert_passed(outcome: tuple[dict[str, int], str, int], expected: int) -> None:
    counts, output, code = outcome
    assert expected > 0
    assert counts == {"passed": expected}, output
    assert code == 0, output


BACKEND_PROBE = """
import pytest
import sniffio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param


@pytest.mark.anyio
async def test_runs_on_its_backend(luxsci, anyio_backend):
    assert sniffio.current_async_library() == anyio_backend
    assert await luxsci.account.users.list()
"""


def test_pytest_asyncio_strict_mode(tmp_path: Path) -> None:
    # Strict mode leaves anyio-marked tests to anyio's plugin: both kinds share the fixture.
    files = doc_suite("strict") | {"test_probe_anyio.py": BACKEND_PROBE}
    assert_passed(run_suite(tmp_path, files), 3 + 2)


def test_pytest_asyncio_auto_mode(tmp_path: Path) -> None:
    probe = """
    import pytest

    @pytest.mark.asyncio(loop_scope="session")
    async def test_on_the_session_loop(luxsci):
        assert await luxsci.account.users.list()

    class TestOnAClassLoop:
        pytestmark = pytest.mark.asyncio(loop_scope="class")

        async def test_users(self, luxsci):
            assert await luxsci.account.users.list()
    """
    files = doc_suite("auto") | {"test_probe_loops.py": probe}
    assert_passed(run_suite(tmp_path, files), 2 + 2)


def test_anyio_plugin_on_asyncio_and_trio(tmp_path: Path) -> None:
    # A suite that only has anyio's plugin (pytest-asyncio is not installed there).
    probe = """
    import pytest
    import sniffio

    @pytest.mark.anyio
    async def test_runs_on_its_backend(luxsci, anyio_backend):
        assert sniffio.current_async_library() == anyio_backend
    """
    files = doc_suite("anyio") | {"test_probe_backend.py": probe}
    assert_passed(run_suite(tmp_path, files, "-p", "no:asyncio"), (2 + 1) * 2)


SHARING_PROBES = {
    "conftest.py": """
    import itertools

    SEEN = {}
    _tags = itertools.count()


    def tag(emulator):
        if not hasattr(emulator, "probe_tag"):
            emulator.probe_tag = next(_tags)
        return emulator.probe_tag
    """,
    "test_probe_a.py": """
    from luxsci_async import NotFoundError
    from conftest import SEEN, tag


    async def test_a1(luxsci, luxsci_emulator):
        await luxsci.account.suppressions.create("kept@example.net")
        SEEN["a1"] = tag(luxsci_emulator)


    async def test_a2(luxsci, luxsci_emulator):
        SEEN["a2"] = tag(luxsci_emulator)
        SEEN["requests at start"] = luxsci_emulator.stats.requests
        try:
            await luxsci.account.suppressions.get("kept@example.net")
            SEEN["kept"] = True
        except NotFoundError:
            SEEN["kept"] = False
        assert luxsci_emulator.stats.auth_requests == 1
    """,
    "test_probe_b.py": """
    import pytest
    from conftest import SEEN, tag


    @pytest.fixture
    def luxsci_emulator_options():
        return {"rows": 5, "seed": 9}


    def test_other_options(luxsci_emulator):
        assert luxsci_emulator.config.rows == 5
        SEEN["b"] = tag(luxsci_emulator)
    """,
    "test_probe_c.py": """
    from conftest import SEEN, tag


    def test_another_module(luxsci_emulator):
        SEEN["c"] = tag(luxsci_emulator)
    """,
}


@pytest.mark.parametrize(
    ("args", "shared_in_module", "shared_across_modules"),
    [
        pytest.param(["--luxsci-emulator-scope=function"], False, False, id="function"),
        pytest.param(["--luxsci-emulator-scope=module"], True, False, id="module"),
        pytest.param([], True, True, id="session-from-ini"),
    ],
)
def test_shared_emulator(
    tmp_path: Path, args: list[str], shared_in_module: bool, shared_across_modules: bool
) -> None:
    verdict = f"""
    from conftest import SEEN


    def test_what_was_shared():
        assert SEEN["requests at start"] == 0
        assert SEEN["kept"] is {shared_in_module}
        assert (SEEN["a1"] == SEEN["a2"]) is {shared_in_module}
        assert (SEEN["c"] == SEEN["a1"]) is {shared_across_modules}
        assert SEEN["b"] not in (SEEN["a1"], SEEN["a2"], SEEN["c"])
    """
    files = doc_suite("shared") | SHARING_PROBES | {"test_zz_verdict.py": verdict}
    assert "luxsci_emulator_scope = session" in files["pytest.ini"]
    outcome = run_suite(tmp_path, files, *args, plugins=("asyncio", "anyio", "luxsci"))
    assert_passed(outcome, 2 + 4 + 1)


CONFLICT = {
    "pytest.ini": """
    [pytest]
    asyncio_mode = auto
    asyncio_default_fixture_loop_scope = function
    """,
    "test_marked_anyio.py": """
    import pytest
    import sniffio


    @pytest.fixture(params=["asyncio", "trio"])
    def anyio_backend(request):
        return request.param


    @pytest.mark.anyio
    async def test_marked_anyio(luxsci, anyio_backend):
        assert sniffio.current_async_library() == "asyncio"  # pytest-asyncio took it
        assert await luxsci.account.users.list()
    """,
}


def test_auto_mode_with_anyio_marks_when_pytest_asyncio_wraps_fixtures_first(
    tmp_path: Path,
) -> None:
    outcome = run_suite(tmp_path, CONFLICT, plugins=("anyio", "asyncio", "luxsci"))
    assert_passed(outcome, 2)


def test_auto_mode_with_anyio_marks_when_anyio_would_wrap_fixtures_first(
    tmp_path: Path,
) -> None:
    counts, output, _ = run_suite(tmp_path, CONFLICT, plugins=("asyncio", "anyio", "luxsci"))
    assert counts == {"error": 2}, output
    assert output.count("Drop `@pytest.mark.anyio` from the test") == 2, output
    assert "Event loop is closed" not in output


def test_luxsci_in_a_test_no_plugin_runs(tmp_path: Path) -> None:
    files = {
        "pytest.ini": "[pytest]\nasyncio_default_fixture_loop_scope = function\n",
        "test_unrun.py": """
        def test_sync(luxsci):
            pass


        async def test_unmarked_in_strict_mode(luxsci):
            pass
        """,
    }
    counts, output, _ = run_suite(tmp_path, files, plugins=("asyncio", "anyio", "luxsci"))
    assert counts == {"error": 2}, output
    assert output.count("no plugin runs this test on an event loop") == 2, output


def test_unknown_emulator_scope_is_a_usage_error(tmp_path: Path) -> None:
    files = {"pytest.ini": "[pytest]\nluxsci_emulator_scope = forever\n", "test_x.py": ""}
    _, output, code = run_suite(tmp_path, files, plugins=("luxsci",))
    assert code == pytest.ExitCode.USAGE_ERROR, output
    assert "luxsci_emulator_scope (or --luxsci-emulator-scope) must be one of" in output
    assert "got 'forever'" in output
