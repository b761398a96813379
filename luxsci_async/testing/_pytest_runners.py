"""Which pytest plugin runs a test's coroutine, so async fixtures open on its event loop.

Two plugins run ``async def`` tests: pytest-asyncio takes every coroutine test it collects
(those marked ``asyncio``, or all of them in its auto mode, ``anyio``-marked ones included),
and anyio's plugin runs the other ones that use its ``anyio_backend`` fixture. An async
fixture must be set up by the plugin that runs the test, or it lands on another event loop.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any, Literal

import pytest

Scope = Literal["function", "class", "module", "package", "session"]

SCOPES: tuple[Scope, ...] = ("function", "class", "module", "package", "session")
"""pytest's fixture scopes, narrowest first (also pytest-asyncio's loop scopes)."""

ANYIO_SESSION = "_luxsci_anyio"
"""The session fixture anyio's plugin runs."""


def asyncio_session(loop_scope: str) -> str:
    """The session fixture pytest-asyncio runs on its event loop of ``loop_scope``."""
    return f"_luxsci_asyncio_{loop_scope}"


def asyncio_fixture_decorator() -> Callable[..., Any] | None:
    """``pytest_asyncio.fixture`` if it is installed and takes ``loop_scope`` (0.24 and later)."""
    try:
        import pytest_asyncio
    except ImportError:
        return None
    fixture: Callable[..., Any] = pytest_asyncio.fixture
    return fixture if "loop_scope" in inspect.signature(fixture).parameters else None


def _registered(config: pytest.Config, module: str) -> object | None:
    """The plugin module if it is registered (by entry point or ``-p``, under any name)."""
    plugin = sys.modules.get(module)
    return plugin if plugin is not None and config.pluginmanager.is_registered(plugin) else None


def _pytest_asyncio_runs(item: pytest.Item) -> bool:
    if _registered(item.config, "pytest_asyncio.plugin") is None:
        return False
    from pytest_asyncio import is_async_test

    return is_async_test(item)


def _asyncio_loop_scope(item: pytest.Item) -> str:
    marker = item.get_closest_marker("asyncio")
    kwargs = marker.kwargs if marker is not None else {}
    scope = kwargs.get("loop_scope") or kwargs.get("scope")
    if not scope:
        try:
            scope = item.config.getini("asyncio_default_test_loop_scope")
        except ValueError:  # pytest-asyncio before 0.26 has no such option
            scope = None
    return str(scope or "function")


def _anyio_wraps_fixtures_first(config: pytest.Config) -> bool:
    """Whether anyio's fixture hook sees an async fixture before pytest-asyncio's does.

    Both wrap ``pytest_fixture_setup``; the one registered later is called first (pluggy
    lists hook implementations in the reverse of their call order) and runs the fixture.
    """
    anyio_plugin = _registered(config, "anyio.pytest_plugin")
    asyncio_plugin = _registered(config, "pytest_asyncio.plugin")
    order = [impl.plugin for impl in config.hook.pytest_fixture_setup.get_hookimpls()]
    if anyio_plugin not in order or asyncio_plugin not in order:
        return False
    return order.index(anyio_plugin) > order.index(asyncio_plugin)


def session_fixture_name(node: pytest.Item | pytest.Collector) -> str:
    """The fixture that opens the ``luxsci`` session for the test ``node``.

    Raises:
        pytest.fail.Exception: no plugin runs the test on an event loop, or both claim it
            and anyio's would set the session up on a loop the test does not run on.
    """
    if not isinstance(node, pytest.Item):
        pytest.fail("the luxsci fixture is per test: request it from a test", pytrace=False)
    uses_anyio = "anyio_backend" in getattr(node, "fixturenames", ())
    if _pytest_asyncio_runs(node):
        if uses_anyio and _anyio_wraps_fixtures_first(node.config):
            pytest.fail(
                f"{node.nodeid}: pytest-asyncio runs this test on its own event loop (in "
                "auto mode it takes `@pytest.mark.anyio` tests too, and runs their trio case "
                "on asyncio), but anyio's plugin would set up its async fixtures, `luxsci` "
                "among them, on another loop. Drop `@pytest.mark.anyio` from the test, or set "
                "`asyncio_mode = strict` so that anyio's plugin runs it.",
                pytrace=False,
            )
        if asyncio_fixture_decorator() is None:
            pytest.fail("the luxsci fixture needs pytest-asyncio 0.24 or later", pytrace=False)
        return asyncio_session(_asyncio_loop_scope(node))
    if uses_anyio:
        return ANYIO_SESSION
    pytest.fail(
        f"{node.nodeid}: the luxsci fixture is async, and no plugin runs this test on an "
        "event loop. Make it an `async def` test marked `@pytest.mark.asyncio` (pytest-asyncio; "
        "or set `asyncio_mode = auto`) or `@pytest.mark.anyio` (anyio's plugin).",
        pytrace=False,
    )
